// Front matter: YAML (parsed with `yaml`, keeping node ranges for precise findings) or TOML.
import { parseDocument, isMap, isScalar, isSeq, isPair, isNode, LineCounter, type Document } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import type { Range } from './text';
import { range } from './text';

export interface FrontMatterError {
  readonly message: string;
  readonly range: Range;
}

export interface FrontMatter {
  readonly kind: 'yaml' | 'toml';
  /** The whole block, fences included. */
  readonly range: Range;
  /** Parsed data; an empty object when it could not be parsed or is not a mapping. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly errors: readonly FrontMatterError[];
  /** For YAML: the range of the value of a top-level key, for findings placed on the exact node. */
  valueRange(key: string): Range | undefined;
  /**
   * For YAML: the range of the node at `path` (keys and list indexes, e.g. ['incident', 'started']). When the path
   * ends early, the range of the deepest node that exists; for an empty value (`severity:`), the key.
   */
  nodeRange(path: readonly (string | number)[]): Range | undefined;
}

const MAX_ALIAS_COUNT = 100;
/** Flow collections ("[[[…", "{a: {b: …") deeper than this are refused before parsing: the parser's time and stack grow with depth. */
const MAX_FLOW_DEPTH = 64;

/**
 * The offset where flow collections open more than `max` deep, if they do. A "[" or "{" counts when it can open a
 * collection (at the start of a value: after ":", "-", ",", "[", "{" or at a line's start, spaces aside); quoted
 * text is skipped. One pass.
 */
function flowNestingBeyond(text: string, max: number): number | undefined {
  let depth = 0;
  let prev = '\n';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end === -1) return undefined;
      i = end;
      prev = c;
      continue;
    }
    if ((c === '[' || c === '{') && (prev === '\n' || prev === ':' || prev === '-' || prev === ',' || prev === '[' || prev === '{')) {
      if (++depth > max) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    if (c !== ' ' && c !== '\t') prev = c === '\r' ? '\n' : c;
  }
  return undefined;
}

/**
 * Parses the raw value between the fences. `firstLine` is the document line of the opening fence and
 * `lineCount` the number of lines the block takes, fences included.
 */
export function parseFrontMatter(kind: 'yaml' | 'toml', value: string, firstLine: number, lineCount: number, lastLineLength: number): FrontMatter {
  const whole = range(firstLine, 0, firstLine + lineCount - 1, lastLineLength);
  const contentLine = firstLine + 1;
  if (kind === 'toml') return parseTomlBlock(value, whole, contentLine);

  const deep = flowNestingBeyond(value, MAX_FLOW_DEPTH);
  if (deep !== undefined) {
    const line = value.slice(0, deep).split(/\r\n|\r|\n/).length - 1;
    const at = range(contentLine + line, 0, contentLine + line, 0);
    return result('yaml', whole, {}, [{ message: `Front matter is not valid YAML here: lists or mappings nested more than ${MAX_FLOW_DEPTH} deep.`, range: at }]);
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // Duplicate keys are found by duplicateKey below: the parser's own check compares each key with every key
    // before it (40,000 keys took 10 s).
    doc = parseDocument(value, { lineCounter, prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    return result('yaml', whole, {}, [{ message: `Front matter could not be read: ${errorText(e)}`, range: whole }]);
  }
  const toRange = (start: number, end: number): Range => {
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(Math.max(start, end));
    return range(contentLine + s.line - 1, s.col - 1, contentLine + e.line - 1, e.col - 1);
  };
  const errors: FrontMatterError[] = [];
  const duplicate = duplicateKey(doc);
  if (duplicate && (doc.errors.length === 0 || duplicate[0] < doc.errors[0]!.pos[0])) {
    errors.push({ message: 'Front matter is not valid YAML: Map keys must be unique', range: toRange(duplicate[0], duplicate[1]) });
  } else if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    // The parser notices an unclosed quote where the text ends; the person needs the quote that was opened.
    const opened = err.code === 'MISSING_CHAR' ? openingQuote(value, err.pos[0], err.message) : undefined;
    // "Nested mappings are not allowed in compact mappings" means a colon in a value or an indented next line.
    const nested = err.code === 'BLOCK_AS_IMPLICIT_KEY' ? nestedMappingProblem(value, err.pos[0]) : undefined;
    if (nested) {
      errors.push({ message: `Front matter is not valid YAML: ${nested.message}`, range: toRange(nested.start, nested.end) });
    } else {
      const at = opened === undefined ? toRange(err.pos[0], err.pos[1]) : toRange(opened, lineEnd(value, opened));
      errors.push({ message: `Front matter is not valid YAML: ${firstSentence(err.message)}`, range: at });
    }
  }
  let data: Record<string, unknown> = {};
  if (errors.length === 0) {
    try {
      const js: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (js !== null && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
      else if (js !== null && js !== undefined) {
        errors.push({ message: 'Front matter must be a mapping of keys to values (for example "title: …").', range: whole });
      }
    } catch (e) {
      errors.push({ message: `Front matter could not be read: ${errorText(e)}`, range: whole });
    }
  }
  const contents = doc.contents;
  const valueRange = (key: string): Range | undefined => {
    if (!isMap(contents)) return undefined;
    for (const pair of contents.items) {
      const k = isScalar(pair.key) ? pair.key.value : undefined;
      if (k !== key) continue;
      const node = (pair.value ?? pair.key) as { range?: [number, number, number] } | null;
      if (node?.range) return toRange(node.range[0], node.range[1]);
    }
    return undefined;
  };
  type Ranged = { range?: [number, number, number] | null } | null | undefined;
  const rangeOf = (node: Ranged): Range | undefined => (node?.range ? toRange(node.range[0], node.range[1]) : undefined);
  const nodeRange = (path: readonly (string | number)[]): Range | undefined => {
    let node: unknown = contents;
    let found: Range | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : undefined) === segment);
        if (!pair) break;
        const value = pair.value as Ranged;
        const empty = !value?.range || value.range[0] === value.range[1];
        found = empty ? (rangeOf(pair.key as Ranged) ?? found) : rangeOf(value);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        found = rangeOf(node.items[segment] as Ranged) ?? found;
        node = node.items[segment];
      } else break;
    }
    return found;
  };
  return { kind: 'yaml', range: whole, data, errors, valueRange, nodeRange };
}

/**
 * The range of the first key that repeats a key before it in the same mapping (what the parser's uniqueKeys option
 * reports: scalar keys with equal values), in document order, in linear time. Walks the tree with an explicit stack.
 */
function duplicateKey(doc: Document.Parsed): [number, number] | undefined {
  let first: [number, number] | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) {
          const r = pair.key.range;
          if (r && (!first || r[0] < first[0])) first = [r[0], r[1]];
          break; // later repeats in this mapping come after this one
        }
        seen.add(pair.key.value);
      }
    }
    if (isMap(node) || isSeq(node)) {
      const items = node.items as unknown[];
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i];
        if (isPair(item)) {
          if (isNode(item.value)) stack.push(item.value);
          if (isNode(item.key)) stack.push(item.key);
        } else if (isNode(item)) stack.push(item);
      }
    }
  }
  return first;
}

function parseTomlBlock(value: string, whole: Range, contentLine: number): FrontMatter {
  try {
    const data = parseToml(value) as Record<string, unknown>;
    return result('toml', whole, data, []);
  } catch (e) {
    const line = (e as { line?: number }).line;
    const at = typeof line === 'number' ? range(contentLine + line - 1, 0, contentLine + line - 1, 0) : whole;
    return result('toml', whole, {}, [{ message: `Front matter is not valid TOML: ${firstSentence(errorText(e))}`, range: at }]);
  }
}

function result(kind: 'yaml' | 'toml', whole: Range, data: Record<string, unknown>, errors: FrontMatterError[]): FrontMatter {
  return { kind, range: whole, data, errors, valueRange: () => undefined, nodeRange: () => undefined };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/\sat line \d+, column \d+:?$/, '').trim();
}

/** The offset of the quote an unterminated quoted scalar opened, searching back from where the parser gave up. */
function openingQuote(text: string, pos: number, message: string): number | undefined {
  const quote = /closing "quote/.test(message) ? '"' : /closing 'quote/.test(message) ? "'" : undefined;
  if (!quote) return undefined;
  for (let i = Math.min(pos, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"') {
      let slashes = 0;
      while (i - 1 - slashes >= 0 && text[i - 1 - slashes] === '\\') slashes++;
      if (slashes % 2 === 0) return i;
    } else if (text[i - 1] !== "'" && text[i + 1] !== "'") return i;
  }
  return undefined;
}

/**
 * What a person did to get "Nested mappings are not allowed in compact mappings" at `pos` (the start of a value):
 * wrote a value holding ": " (`title: Outage: db down`), or indented the next key under a key that already has a
 * value. Undefined when it is neither.
 */
function nestedMappingProblem(text: string, pos: number): { message: string; start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const end = lineEnd(text, pos);
  const key = /^([^:#]+):/.exec(text.slice(lineStart, pos))?.[1]?.trim();
  const scalar = text.slice(pos, end).trimEnd();
  if (key === undefined) return undefined;
  if (/:(?:\s|$)/.test(scalar)) {
    const example = scalar.includes('"') ? '' : `, as in ${key}: "${scalar}"`;
    return { message: `the value of "${key}" holds a colon, which YAML reads as another key: put the value in quotes${example}`, start: pos, end: pos + scalar.length };
  }
  const nextStart = text.indexOf('\n', end) + 1;
  if (nextStart === 0) return undefined;
  const next = text.slice(nextStart, lineEnd(text, nextStart));
  const indent = next.length - next.trimStart().length;
  if (indent === 0 || next.trim() === '') return undefined;
  return {
    message: `"${next.trim()}" is indented under "${key}", which already has a value: start it at the beginning of the line`,
    start: nextStart + indent,
    end: nextStart + next.trimEnd().length,
  };
}

function lineEnd(text: string, from: number): number {
  const nl = text.slice(from).search(/\r?\n/);
  return nl === -1 ? text.length : from + nl;
}
