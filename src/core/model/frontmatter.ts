// Front matter: YAML (parsed with `yaml`, keeping node ranges for precise findings) or TOML.
import { Document, parseDocument, isAlias, isMap, isScalar, isSeq, isPair, isNode, LineCounter, Pair, Scalar, YAMLSeq, type ScalarTag } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import type { Range } from './text';
import { lineAt, range } from './text';
import { AFTER_AS_HEADER, AS_HEADER, CUT, FrontMatterPieces, HEADER, NO_CUT, WHOLE } from './frontmatter-pieces';

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
  // With no more than `max` brackets there is nothing to count (indexOf is much faster than the loop below; a list of
  // 40,000 items, one of them "- [bad", ran the loop at each edit).
  let brackets = 0;
  for (const open of ['[', '{']) {
    for (let k = text.indexOf(open); k !== -1 && brackets <= max; k = text.indexOf(open, k + 1)) brackets++;
  }
  if (brackets <= max) return undefined;
  let depth = 0;
  let prev = 10; // the last character other than a space or tab ("\r" counts as "\n")
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const end = text.indexOf(c === 34 ? '"' : "'", i + 1);
      if (end === -1) return undefined;
      i = end;
      prev = c;
      continue;
    }
    if ((c === 91 /* [ */ || c === 123) /* { */ && (prev === 10 || prev === 58 /* : */ || prev === 45 /* - */ || prev === 44 /* , */ || prev === 91 || prev === 123)) {
      if (++depth > max) return i;
    } else if ((c === 93 /* ] */ || c === 125) /* } */ && depth > 0) depth--;
    if (c !== 32 && c !== 9) prev = c === 13 ? 10 : c;
  }
  return undefined;
}

/**
 * Block collections deeper than this are refused before parsing, as flow ones are: the parser recurses once per level,
 * and "- - - - …" (a list nested 8,000 deep on one line of 16 KB) overflowed its stack or not depending on how deep
 * the stack already was, so an analysis from scratch and one after an edit said different things.
 */
const MAX_BLOCK_DEPTH = 256;

/**
 * The offset of the first line whose block collections nest more than `max` deep, if any: the indentation levels
 * open at the line (a stack of columns, one per deeper line) plus the compact indicators that start it ("- ", "? ",
 * ": " in a row: "- - - x" is a list nested three deep). Conservative, as it counts a deeper line of any kind as a
 * level; one pass.
 */
function blockNestingBeyond(text: string, max: number): number | undefined {
  // A line that goes deeper than max holds more than max characters: its columns stack holds distinct columns up to
  // its own indentation c (at most c + 1 of them), and each "- " after it adds one for two characters. Without such a
  // line (found with indexOf, much faster than the loop below) there is nothing to count.
  let long = false;
  for (let from = 0; from < text.length; ) {
    const nl = text.indexOf('\n', from);
    const end = nl === -1 ? text.length : nl;
    if (end - from >= max) {
      long = true;
      break;
    }
    from = end + 1;
  }
  if (!long) return undefined;
  const columns: number[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    let column = 0;
    while (text.charCodeAt(i) === 32) {
      i++;
      column++;
    }
    const c = text.charCodeAt(i);
    if (i < text.length && c !== 10 && c !== 13 && c !== 35 /* # */) {
      while (columns.length > 0 && columns[columns.length - 1]! >= column) columns.pop();
      columns.push(column);
      let depth = columns.length;
      for (;;) {
        const d = text.charCodeAt(i);
        const after = text.charCodeAt(i + 1);
        if (!((d === 45 /* - */ || d === 63 /* ? */ || d === 58) /* : */ && (after === 32 || after === 9))) break;
        i += 2;
        while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
        depth++;
      }
      if (depth > max) return start;
    }
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    i++;
  }
  return undefined;
}

/**
 * Parses the raw value between the fences. `firstLine` is the document line of the opening fence and
 * `lineCount` the number of lines the block takes, fences included. The text is read in pieces (top-level entries),
 * and with `pieces` kept from an earlier text of the document, unchanged entries are not parsed again; the result is
 * the same as reading the text whole with the parser ('whole', the reference the unit tests compare with).
 */
export function parseFrontMatter(
  kind: 'yaml' | 'toml',
  value: string,
  firstLine: number,
  lineCount: number,
  lastLineLength: number,
  pieces: FrontMatterPieces | 'whole' = new FrontMatterPieces(),
): FrontMatter {
  const whole = range(firstLine, 0, firstLine + lineCount - 1, lastLineLength);
  const contentLine = firstLine + 1;
  if (kind === 'toml') return parseTomlBlock(value, whole, contentLine, pieces);

  // Nesting too deep for the parser's stack, in flow collections or in blocks: one error where it goes too deep.
  const deepFlow = flowNestingBeyond(value, MAX_FLOW_DEPTH);
  const deep = deepFlow ?? blockNestingBeyond(value, MAX_BLOCK_DEPTH);
  if (deep !== undefined) {
    const line = value.slice(0, deep).split(/\r\n|\r|\n/).length - 1;
    const at = range(contentLine + line, 0, contentLine + line, 0);
    const max = deepFlow !== undefined ? MAX_FLOW_DEPTH : MAX_BLOCK_DEPTH;
    return result('yaml', whole, {}, [{ message: `Front matter is not valid YAML here: lists or mappings nested more than ${max} deep.`, range: at }]);
  }
  if (pieces !== 'whole') pieces.wholeLastRun = false;
  const read = pieces === 'whole' ? undefined : parseYamlPieces(value, whole, contentLine, pieces);
  if (read) return read;
  // The parser costs up to 3 µs a character (1 MB of ":" lines: 2.7 s), and a front matter its pieces cannot settle
  // was parsed whole at every keystroke. Over 64 KB, such a front matter is not read: one error, at once.
  if (pieces !== 'whole' && value.length > PARSE_WHOLE_FROM) return notRead(value.length, whole, 'pieces');
  if (pieces !== 'whole') pieces.wholeLastRun = true;
  return parseYamlWhole(value, whole, contentLine);
}

/**
 * A large YAML front matter that is not read, and why: over PARSE_WHOLE_FROM, one that cannot be read entry by entry
 * ('pieces'), or one with more than the parser's share to parse ('parser'). One error, on the opening fence.
 */
function notRead(length: number, whole: Range, why: 'pieces' | 'parser'): FrontMatter {
  const reason =
    why === 'pieces'
      ? `front matter over ${PARSE_WHOLE_FROM / 1024} KB is read one top-level entry at a time, but an entry of this one cannot be read alone (an alias of an anchor in another entry, a complex key, a document marker, or an error only the whole text shows)`
      : `more than ${PARSE_WHOLE_FROM / 1024} KB of it needs the full YAML parser (flow collections, anchors, tags, nested blocks, keys that are not plain), which would take seconds`;
  const message = `Front matter is not read: it is ${Math.ceil(length / 1024)} KB, and ${reason}. Keep the front matter to a few lines of metadata.`;
  return result('yaml', whole, {}, [{ message, range: range(whole.start.line, 0, whole.start.line, 3) }]);
}

/** Offset to document line and column, for offsets in `text` (lines end at "\n", as yaml's LineCounter counts). */
function rangeMaker(text: string, contentLine: number): (start: number, end: number) => Range {
  let starts: number[] | undefined;
  const pos = (offset: number): { line: number; col: number } => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    const line = lineAt(starts, starts.length, offset);
    return { line, col: offset - starts[line]! };
  };
  return (start, end) => {
    const s = pos(start);
    const e = pos(Math.max(start, end));
    return range(contentLine + s.line, s.col, contentLine + e.line, e.col);
  };
}

/**
 * A YAML front matter with one error and no data, as the whole text reads when its first error is `error`. Its value
 * and node ranges parse the whole text when first asked, up to 64 KB; a larger one gives none (the parser never reads
 * more than that of it, see parseYamlPieces).
 */
function errorResult(value: string, whole: Range, contentLine: number, error: FrontMatterError): FrontMatter {
  if (value.length > PARSE_WHOLE_FROM) return result('yaml', whole, {}, [error]);
  let full: FrontMatter | undefined;
  const read = (): FrontMatter => (full ??= parseYamlWhole(value, whole, contentLine));
  return { kind: 'yaml', range: whole, data: {}, errors: [error], valueRange: (key) => read().valueRange(key), nodeRange: (path) => read().nodeRange(path) };
}

function parseYamlWhole(value: string, whole: Range, contentLine: number): FrontMatter {
  return parseYamlWholeDoc(value, whole, contentLine).frontMatter;
}

/** The front matter read whole by the parser (the reference), and the parser's document. */
function parseYamlWholeDoc(value: string, whole: Range, contentLine: number): { frontMatter: FrontMatter; doc?: Document.Parsed } {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // Duplicate keys are found by duplicateKey below: the parser's own check compares each key with every key
    // before it (40,000 keys took 10 s).
    doc = withoutStacks(() => parseDocument(value, { lineCounter, ...YAML_OPTIONS }));
  } catch (e) {
    return { frontMatter: result('yaml', whole, {}, [{ message: `Front matter could not be read: ${errorText(e)}`, range: whole }]) };
  }
  const toRange = (start: number, end: number): Range => {
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(Math.max(start, end));
    return range(contentLine + s.line - 1, s.col - 1, contentLine + e.line - 1, e.col - 1);
  };
  const errors: FrontMatterError[] = [];
  const duplicate = duplicateKey(doc.contents, false);
  if (duplicate && (doc.errors.length === 0 || duplicate[0] < doc.errors[0]!.pos[0])) {
    errors.push({ message: DUPLICATE_MESSAGE, range: toRange(duplicate[0], duplicate[1]) });
  } else if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    errors.push(parserError(value, err.code, err.message, err.pos[0], err.pos[1], toRange));
  }
  let data: Record<string, unknown> = {};
  if (errors.length === 0) {
    try {
      const js: unknown = toJsBounded(doc, () => doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
      if (js !== null && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
      else if (js !== null && js !== undefined) {
        errors.push({ message: 'Front matter must be a mapping of keys to values (for example "title: …").', range: whole });
      }
    } catch (e) {
      errors.push({ message: `Front matter could not be read: ${errorText(e)}`, range: whole });
    }
  }
  const contents = doc.contents;
  const tops: TopPair[] = isMap(contents) ? contents.items.map((pair) => topPair(pair, 0)) : [];
  return { frontMatter: yamlResult(whole, data, errors, () => tops, toRange), doc };
}

/** The finding for the parser's first error (its code, message and offsets in `value`, the whole front matter). */
function parserError(value: string, code: string, message: string, start: number, end: number, toRange: (start: number, end: number) => Range): FrontMatterError {
  // The parser notices an unclosed quote where the text ends; the person needs the quote that was opened.
  const opened = code === 'MISSING_CHAR' ? openingQuote(value, start, message) : undefined;
  // "Nested mappings are not allowed in compact mappings" means a colon in a value or an indented next line.
  const nested = code === 'BLOCK_AS_IMPLICIT_KEY' ? nestedMappingProblem(value, start) : undefined;
  if (nested) return { message: `Front matter is not valid YAML: ${nested.message}`, range: toRange(nested.start, nested.end) };
  const at = opened === undefined ? toRange(start, end) : toRange(opened, lineEnd(value, opened));
  return { message: `Front matter is not valid YAML: ${firstSentence(message)}`, range: at };
}

// logLevel: yaml's toJS warns on the console about keys that are collections; the front matter's findings are ours.
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, logLevel: 'error' } as const;

/**
 * `parse` run with no stack traces captured: the parser makes an Error object for each problem, and a list of 100,000
 * "- @user" items (a plain value cannot start with "@") took 5 s for 1 MB, most of it capturing stacks nobody reads.
 * Only the messages and positions are used. Error.stackTraceLimit is V8's (Node and Chromium); restored after.
 */
function withoutStacks<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
const DUPLICATE_MESSAGE = 'Front matter is not valid YAML: Map keys must be unique';

type Ranged = { range?: [number, number, number] | null } | null | undefined;

/** A top-level entry of a YAML front matter: its key's value (scalar keys) and nodes, at `base` in the text. */
interface TopPair {
  /** The key's scalar value; NOT_SCALAR for a key that is not a scalar. */
  readonly key: unknown;
  readonly keyNode: Ranged;
  /** The value node (from yaml), or a stand-in with a range (an entry read without yaml, see FastPiece). */
  readonly value: unknown;
  /** Added to every range of the entry's nodes: where its piece starts in the front matter. */
  readonly base: number;
}

const NOT_SCALAR = Symbol('not a scalar key');

function topPair(pair: Pair<unknown, unknown>, base: number): TopPair {
  return { key: isScalar(pair.key) ? pair.key.value : NOT_SCALAR, keyNode: pair.key as Ranged, value: pair.value, base };
}

function yamlResult(
  whole: Range,
  data: Record<string, unknown>,
  errors: FrontMatterError[],
  topPairs: () => readonly TopPair[],
  toRange: (start: number, end: number) => Range,
): FrontMatter {
  const rangeOf = (node: Ranged, base: number): Range | undefined => (node?.range ? toRange(base + node.range[0], base + node.range[1]) : undefined);
  const valueRange = (key: string): Range | undefined => {
    for (const top of topPairs()) {
      if (top.key !== key) continue;
      const found = rangeOf((top.value ?? top.keyNode) as Ranged, top.base);
      if (found) return found;
    }
    return undefined;
  };
  const nodeRange = (path: readonly (string | number)[]): Range | undefined => {
    if (path.length === 0) return undefined;
    const top = topPairs().find((p) => p.key === path[0]);
    if (!top) return undefined;
    let { base } = top;
    const first = top.value as Ranged;
    let found = !first?.range || first.range[0] === first.range[1] ? rangeOf(top.keyNode, base) : rangeOf(first, base);
    let node: unknown = top.value;
    for (const segment of path.slice(1)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : undefined) === segment);
        if (!pair) break;
        const value = pair.value as Ranged;
        const empty = !value?.range || value.range[0] === value.range[1];
        found = empty ? (rangeOf(pair.key as Ranged, base) ?? found) : rangeOf(value, base);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        // A sequence read item by item (sequencePiece): each item's nodes have their own origin.
        const bases = ITEM_BASES.get(node);
        if (bases) base = top.base + bases[segment]!;
        found = rangeOf(node.items[segment] as Ranged, base) ?? found;
        node = node.items[segment];
      } else break;
    }
    return found;
  };
  return { kind: 'yaml', range: whole, data, errors, valueRange, nodeRange };
}

/**
 * A YAML front matter read piece by piece: cut before each line that starts a top-level key (a letter, digit or "_"
 * in the first column), each piece parsed alone (and kept in `pieces`, so an edit parses only its piece again). A
 * line in the first column ends whatever a piece holds (block scalars, plain scalars and nested collections need
 * indentation), so the pieces read alone say what the whole says, except across a cut that a construct crosses: a
 * quoted scalar or a flow collection left open, or an alias of an anchor in another piece. Those leave their piece
 * with an error, and then (as for any error, and for document markers or directives, which only the whole can place)
 * the whole text is parsed instead: undefined (over 64 KB, parseFrontMatter does not read it then). A unit test
 * compares both ways on tricky texts, and, over 64 KB, an edit's reading with a new text's.
 */
function parseYamlPieces(value: string, whole: Range, contentLine: number, pieces: FrontMatterPieces): FrontMatter | undefined {
  let sequences = sequenceCaches.get(pieces);
  if (!sequences) sequenceCaches.set(pieces, (sequences = { items: new FrontMatterPieces(), window: undefined }));
  const cache = sequences;
  const cut = pieces.cut<YamlPiece>('yaml', value, yamlLineCut, (v, s, e) => quickYamlPiece(v, s, e, cache));
  if (!cut) return undefined;
  const { starts } = cut;
  const list = cut.pieces;
  // Entries the quick reading left to the parser: still to parse (DEFERRED), parsed alone since (PARSED), or failed
  // alone (undefined). Their size is the text's, whatever an earlier read of the document parsed already, so an edit
  // reads as a new text does.
  let deferred = 0;
  let parser = 0;
  let largest = 0;
  for (let i = 0; i < list.length; i++) {
    const piece = list[i];
    if (piece !== DEFERRED && piece !== undefined && !PARSED.has(piece)) continue;
    const size = (starts[i + 1] ?? value.length) - starts[i]!;
    parser += size;
    if (piece === DEFERRED) deferred += size;
    if (size > largest) largest = size;
  }
  // The parser costs up to 3 µs a character (1 MB of ":" lines: 2.7 s), and the entry an edit is in is parsed again
  // at each keystroke. Over 64 KB, a front matter is read in pieces only, and the parser is given at most 64 KB of
  // them: past that it is not read (notRead), unless an error in the first 16 KB of them says what is wrong first
  // (parsed alone, each piece costs the parser's start-up: 64 KB of short entries took 0.3 s).
  if (value.length > PARSE_WHOLE_FROM && (largest > PARSE_WHOLE_FROM || parser > PARSE_WHOLE_FROM)) {
    const failing = firstFailingPiece(value, starts, list, EARLY_ERROR_FROM);
    return (failing === undefined ? undefined : prefixError(value, whole, contentLine, starts, failing)) ?? notRead(value.length, whole, 'parser');
  }
  if (deferred > 0) {
    for (let i = 0; i < list.length; i++) if (list[i] === DEFERRED) list[i] = composedYamlPiece(value.slice(starts[i], starts[i + 1] ?? value.length));
  }
  const data: Record<string, unknown> = {};
  // Two keys with equal values have equal JavaScript keys: a key new to `data` repeats none before it. Keys are
  // compared by value (as duplicateKey does) only when a JavaScript key comes again. When the last text had no
  // repeated key and the edit changed only values, there is none to look for.
  const clean = cut.changed?.note === CLEAN && sameKeys(cut.changed.replaced, list.slice(cut.changed.from, cut.changed.to));
  let again = false;
  let duplicate: [number, number] | undefined;
  // Entries `key: *name`: the anchors set so far (see anchorsOf) and what the parser's toJS would throw first.
  let anchors: Map<string, Anchor | typeof COMPLEX> | undefined;
  if (list.some((p) => p instanceof AliasPiece)) anchors = new Map();
  let thrown: string | undefined;
  for (let i = 0; i < list.length; i++) {
    const piece = list[i];
    if (!piece) return prefixError(value, whole, contentLine, starts, i) ?? windowError(value, whole, contentLine, starts, i, again);
    if (piece instanceof SequenceFailure) return sequenceError(value, whole, contentLine, starts, list, i, cache);
    if (piece instanceof AliasPiece) {
      if (!clean && Object.hasOwn(data, piece.stringKey)) again = true;
      const anchor = anchors!.get(piece.anchor);
      if (anchor === COMPLEX) return undefined;
      if (thrown === undefined) {
        if (!anchor) thrown = `Unresolved alias (the anchor must be set before the alias): ${piece.anchor}`;
        else if (++anchor.count * anchor.aliasCount > MAX_ALIAS_COUNT) thrown = 'Excessive alias count indicates a resource exhaustion attack';
      }
      // Once toJS would have thrown, the data is dropped; its keys still find repeated keys.
      addJsPair(data, piece.stringKey, thrown === undefined ? anchor!.js : undefined);
      continue;
    }
    if (piece instanceof FastPiece) {
      if (!clean && Object.hasOwn(data, piece.stringKey)) again = true;
      addJsPair(data, piece.stringKey, piece.value);
      continue;
    }
    if ('deferred' in piece) return undefined;
    if (anchors) {
      for (const [name, anchor] of anchorsOf(piece)) anchors.set(name, anchor === COMPLEX ? COMPLEX : { js: anchor.js, aliasCount: anchor.aliasCount, count: 1 });
    }
    const js = piece.js;
    if (js.length !== 2 * piece.pairs.length) again = true;
    for (let k = 0; k < js.length; k += 2) {
      if (Object.hasOwn(data, js[k] as string)) again = true;
      addJsPair(data, js[k] as string, js[k + 1]);
    }
    const nested = piece.nestedDuplicate;
    if (nested && !duplicate) duplicate = [starts[i]! + nested[0], starts[i]! + nested[1]];
  }
  if (again) {
    const seen = new Set<unknown>();
    for (let i = 0; i < list.length && !(duplicate && starts[i]! > duplicate[0]); i++) {
      const piece = list[i] as FastPiece | ComposedPiece;
      const base = starts[i]!;
      const found = (key: unknown, start: number, end: number): void => {
        if (seen.has(key) && (!duplicate || start < duplicate[0])) duplicate = [start, end];
        seen.add(key);
      };
      if (piece instanceof FastPiece) found(piece.key, base, base + piece.keyEnd);
      else {
        const shift = base - piece.origin;
        for (const pair of piece.pairs) {
          const r = pair.key && isScalar(pair.key) ? pair.key.range : undefined;
          if (r) found((pair.key as Scalar).value, shift + r[0], shift + r[1]);
        }
      }
    }
  }
  // The whole text's toJS would first refuse aliases too many to resolve (see toJsBounded): the same here, counted
  // over the pieces (each read alone resolved only its own).
  let aliases = 0;
  let anchored = 0;
  for (const piece of list) {
    if (piece instanceof AliasPiece) aliases++;
    else if (piece && !(piece instanceof FastPiece) && !(piece instanceof SequenceFailure) && !('deferred' in piece)) {
      const [a, n] = aliasesOf(piece);
      aliases += a;
      anchored += n;
    }
  }
  const refused = aliasRefusal(aliases, anchored);
  if (refused !== '') thrown = refused;
  pieces.note(!again && !duplicate ? CLEAN : undefined);
  const toRange = rangeMaker(value, contentLine);
  // The top-level entries, for valueRange and nodeRange: made when first asked for.
  let tops: TopPair[] | undefined;
  const topPairs = (): readonly TopPair[] => {
    if (tops) return tops;
    tops = [];
    for (let i = 0; i < list.length; i++) {
      const piece = list[i] as FastPiece | ComposedPiece;
      const base = starts[i]!;
      if (piece instanceof FastPiece) tops.push(piece.top(base));
      else for (const pair of piece.pairs) tops.push(topPair(pair, base - piece.origin));
    }
    return tops;
  };
  if (duplicate) return yamlResult(whole, {}, [{ message: DUPLICATE_MESSAGE, range: toRange(duplicate[0], duplicate[1]) }], topPairs, toRange);
  if (thrown !== undefined) return yamlResult(whole, {}, [{ message: `Front matter could not be read: ${thrown}`, range: whole }], topPairs, toRange);
  return yamlResult(whole, data, [], topPairs, toRange);
}

/**
 * Reads the parser's pieces in order (parsing the DEFERRED ones, replacing them in `list`) until one fails alone (its
 * index is returned) or the next would take the characters read past `budget` (undefined). Pieces parsed by an
 * earlier read count as if parsed now, so the answer is the text's alone.
 */
function firstFailingPiece(value: string, starts: readonly number[], list: (YamlPiece | undefined)[], budget: number): number | undefined {
  let parsed = 0;
  for (let i = 0; i < list.length; i++) {
    const piece = list[i];
    if (piece !== DEFERRED && piece !== undefined && !PARSED.has(piece)) continue;
    const start = starts[i]!;
    const end = starts[i + 1] ?? value.length;
    parsed += end - start;
    if (parsed > budget) return undefined;
    if (piece === undefined) return i;
    if (piece !== DEFERRED) continue;
    const composed = composedYamlPiece(value.slice(start, end));
    list[i] = composed;
    if (!composed) return i;
  }
  return undefined;
}

/**
 * Whether nothing in the piece value[start, end) can go on into the next piece (which starts in the first column):
 * its first line starts with a plain key then ": " (or ":" at the line's end), so the rest of the piece is that key's
 * value, which a line in the first column ends; every later line is indented or empty; no quote, whose scalar the
 * parser would look for the closing quote of beyond. (A line in the first column without such a key, as `d:# |`,
 * may start a plain scalar that the next piece's first line continues.)
 */
function closedByNextPiece(value: string, start: number, end: number): boolean {
  PIECE_KEY.lastIndex = start;
  if (!PIECE_KEY.test(value)) return false;
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c === 34 || c === 39 || (c === 13 && value.charCodeAt(i + 1) !== 10)) return false;
    if (c === 10 && i + 1 < end) {
      const next = value.charCodeAt(i + 1);
      if (next !== 32 && next !== 10 && !(next === 13 && value.charCodeAt(i + 2) === 10)) return false;
    }
  }
  return true;
}
const PIECE_KEY = /\w[\w.-]*:(?: |\r?\n|$)/y;

/**
 * The front matter when piece `i` fails alone and every piece before it reads alone: when the text up to the end of
 * piece `i` has an error inside it (not where that text ends, where an open quote or flow collection would be closed
 * by what follows in the whole), the whole text has the same first error, since the parser reads a line in the first
 * column as ending whatever piece `i` left open. Its data is then {} as the whole's, and valueRange and nodeRange
 * parse the whole text when first asked. Otherwise undefined (the whole text is parsed).
 */
function prefixError(value: string, whole: Range, contentLine: number, starts: readonly number[], i: number): FrontMatter | undefined {
  const end = starts[i + 1];
  // A comment line after the piece does not end a flow collection left open in it (the lines after it may go on with it).
  if (end === undefined || !closedByNextPiece(value, starts[i]!, end) || value.charCodeAt(end) === 35 /* # */) return undefined;
  // Over 64 KB, the parser reads at most that much of a front matter (see parseYamlPieces), never the whole.
  if (value.length > PARSE_WHOLE_FROM && end > PARSE_WHOLE_FROM) return undefined;
  let contentEnd = end;
  while (contentEnd > 0 && (value.charCodeAt(contentEnd - 1) === 10 || value.charCodeAt(contentEnd - 1) === 13)) contentEnd--;
  const prefix = value.slice(0, end);
  const first = parseYamlWholeDoc(prefix, whole, contentLine);
  const { errors } = first.frontMatter;
  const err = first.doc?.errors[0];
  if (!first.doc || errors.length === 0 || !err || err.code === 'MISSING_CHAR' || err.pos[0] >= contentEnd || err.pos[1] > contentEnd) return undefined;
  // The parser's line counter is the reference for node ranges (it may count lines otherwise than rangeMaker does).
  return errorResult(value, whole, contentLine, errors[0]!);
}

/**
 * The front matter when piece `i` fails alone, holds no ":" (a line in the first column that is no entry: Enter
 * pressed in the middle of a value), and every piece before it reads alone with no key repeated: the pieces before
 * leave nothing open (each reads alone), so the whole text's first error is the one the parser finds in the text from
 * the entry before it (`i - 1`, a plain key in the first column) to the end of the entry after it (`i + 1`, closed by
 * the piece after it, as in prefixError), when that error starts before the entry after it. Parsed is that window only:
 * the whole text, 0.3–0.5 s for 1 MB, was parsed at every edit while the line was there. Otherwise undefined.
 */
function windowError(value: string, whole: Range, contentLine: number, starts: readonly number[], i: number, repeated: boolean): FrontMatter | undefined {
  if (repeated || i < 1 || i + 1 >= starts.length) return undefined;
  const from = starts[i - 1]!;
  const next = starts[i + 1]!;
  const end = starts[i + 2] ?? value.length;
  PIECE_KEY.lastIndex = from;
  if (!PIECE_KEY.test(value) || value.slice(starts[i], next).includes(':')) return undefined;
  if (!closedByNextPiece(value, next, end) || value.charCodeAt(end) === 35 /* # */) return undefined;
  let linesBefore = 0;
  for (let k = value.indexOf('\n'); k !== -1 && k < from; k = value.indexOf('\n', k + 1)) linesBefore++;
  const window = parseYamlWholeDoc(value.slice(from, end), whole, contentLine + linesBefore);
  const err = window.doc?.errors[0];
  const { errors } = window.frontMatter;
  // The error starts before the entry after the line (it may end in that entry's key: "value\nkey: x" is one implicit
  // key over two lines), and ends inside the window, not where it ends.
  let contentEnd = end - from;
  while (contentEnd > 0 && (value.charCodeAt(from + contentEnd - 1) === 10 || value.charCodeAt(from + contentEnd - 1) === 13)) contentEnd--;
  if (!window.doc || errors.length !== 1 || !err || err.code === 'MISSING_CHAR' || err.pos[0] >= next - from || err.pos[1] >= contentEnd) return undefined;
  // A repeated key in the window comes before the parser's error there: the whole text may say otherwise.
  if (errors[0]!.message === DUPLICATE_MESSAGE) return undefined;
  return errorResult(value, whole, contentLine, errors[0]!);
}

/**
 * An anchored node, as the parser's toJS counts its aliases (toJS, Alias.resolve): its value, aliasCount, and count
 * (1, then one more per alias); an alias whose count times aliasCount passes maxAliasCount throws.
 */
interface Anchor {
  readonly js: unknown;
  readonly aliasCount: number;
  count: number;
}
/** An anchor whose aliases only the parser reads (nested, in a piece with aliases, on a key). */
const COMPLEX = Symbol('complex anchor');
const pieceAnchors = new WeakMap<ComposedPiece, ReadonlyMap<string, Anchor | typeof COMPLEX>>();

/**
 * The anchors a piece sets, the last of each name, in document order. Only the value of a piece's one entry, in a
 * piece without aliases, is read here (its value is the piece's, and its aliasCount is yaml's getAliasCount); any
 * other is COMPLEX. Kept per piece.
 */
function anchorsOf(piece: ComposedPiece): ReadonlyMap<string, Anchor | typeof COMPLEX> {
  let found = pieceAnchors.get(piece);
  if (found) return found;
  const map = new Map<string, Anchor | typeof COMPLEX>();
  const aliased = piece.pairs.some((p) => hasAlias(p.key) || hasAlias(p.value));
  // Document order: a pair's key, then its value; a collection's items in order (explicit stack).
  const stack: unknown[] = [];
  for (let k = piece.pairs.length - 1; k >= 0; k--) stack.push(piece.pairs[k]!.value, piece.pairs[k]!.key);
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isNode(node)) continue;
    const name = (node as { anchor?: string }).anchor;
    if (name) {
      const only = piece.pairs.length === 1 && piece.js.length === 2 && node === piece.pairs[0]!.value && !aliased;
      map.set(name, only ? { js: piece.js[1], aliasCount: aliasCountOf(node), count: 0 } : COMPLEX);
    }
    if (isMap(node) || isSeq(node)) {
      const items = node.items as unknown[];
      for (let k = items.length - 1; k >= 0; k--) {
        const item = items[k];
        if (isPair(item)) stack.push(item.value, item.key);
        else stack.push(item);
      }
    }
  }
  found = map;
  pieceAnchors.set(piece, found);
  return found;
}

/** yaml's getAliasCount of a node without aliases: 0 for an empty collection, else 1 (explicit stack). */
function aliasCountOf(root: unknown): number {
  if (!isMap(root) && !isSeq(root)) return 1;
  // A collection's count is its items' largest: 1 as soon as any item reaches a scalar (or null) through collections.
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (isPair(item)) stack.push(item.key, item.value);
        else stack.push(item);
      }
    } else return 1;
  }
  return 0;
}

/** Noted on a text whose top-level JavaScript keys are all different and whose mappings repeat no key. */
const CLEAN = 'clean';

/** Whether two runs of pieces are one-line entries with the same keys, in the same order. */
function sameKeys(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!(x instanceof FastPiece) || !(y instanceof FastPiece) || x.stringKey !== y.stringKey || !Object.is(x.key, y.key)) return false;
  }
  return true;
}

/**
 * Adds a pair to an object as yaml's toJS does: "__proto__" becomes an own property (toJS defines a key the object
 * already has, own or inherited; for the other keys an assignment does the same).
 */
function addJsPair(data: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(data, key, { value, writable: true, enumerable: true, configurable: true });
  else data[key] = value;
}

/**
 * Pieces start at 0 and at each line that starts with a letter, digit, "_" or "#". A line that starts a document marker
 * ("---", "...") or a directive ("%"), or a byte order mark, leaves the whole text to the parser: only the whole can
 * place it.
 */
function yamlLineCut(text: string, s: number): number {
  const c = text.charCodeAt(s);
  if (c === 37 /* % */ || ((c === 45 /* - */ || c === 46) /* . */ && text.startsWith(c === 45 ? '---' : '...', s))) return WHOLE;
  // A byte order mark starting a line: the parser drops it where a document may start (after only comments), so
  // whether it does depends on the pieces before.
  if (c === 0xfeff && s > 0) return WHOLE;
  return isKeyStart(c) || c === 35 /* # */ ? CUT : NO_CUT;
}

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** A piece of YAML front matter parsed by yaml. */
interface ComposedPiece {
  /** The entries; their nodes' offsets less `origin` are offsets from the piece's start. */
  readonly pairs: ReadonlyArray<Pair<unknown, unknown>>;
  readonly origin: number;
  /** The JavaScript pairs, key then value, as toJS makes them. */
  readonly js: readonly unknown[];
  /** The first key repeated in a mapping below the top level, from the piece's start. */
  readonly nestedDuplicate: [number, number] | undefined;
}

/** A piece the quick reading (fastYamlPiece) left to the parser. */
const DEFERRED = { deferred: true } as const;
type YamlPiece = FastPiece | ComposedPiece | SequenceFailure | typeof DEFERRED;

/**
 * A front matter up to this many characters may be parsed whole; a larger one is read in pieces only, and the parser
 * is given at most this many characters of them (see parseYamlPieces).
 */
const PARSE_WHOLE_FROM = 64 * 1024;

/** How much of a front matter not read is parsed, piece by piece, for an error near its start (see parseYamlPieces). */
const EARLY_ERROR_FROM = 16 * 1024;

/** Pieces the parser made (composedYamlPiece): with DEFERRED and failed ones, they count towards its share. */
const PARSED = new WeakSet<object>();
const parsedPiece = (piece: ComposedPiece): ComposedPiece => {
  PARSED.add(piece);
  return piece;
};

/**
 * The piece value.slice(start, end): a one-line entry or only comments read without the parser, a large block
 * sequence read item by item (with the items kept in `sequences`), or DEFERRED. Never throws.
 */
function quickYamlPiece(value: string, start: number, end: number, sequences?: SequenceCache): Exclude<YamlPiece, undefined> {
  try {
    if (onlyComments(value, start, end)) return NOTHING;
    const sequence = sequences && end - start >= sequenceItemsFrom ? sequencePiece(value, start, end, sequences) : undefined;
    return fastYamlPiece(value, start, end) ?? aliasPiece(value, start, end) ?? sequence ?? fastSequencePiece(value, start, end) ?? DEFERRED;
  } catch {
    return DEFERRED;
  }
}

/**
 * Whether value[start, end) is lines that are comments (of printable characters) or empty, the first a comment. Read
 * within the piece only: a sticky pattern read on past its end, through every comment line after it (a front matter
 * of 20,000 comment lines, each its own piece, took seconds).
 */
function onlyComments(value: string, start: number, end: number): boolean {
  if (value.charCodeAt(start) !== 35) return false;
  let lineStart = true;
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c === 10) lineStart = true;
    else if (lineStart) {
      if (c !== 35) return false;
      lineStart = false;
    } else if (c <= 8 || (c >= 11 && c <= 31) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff) return false;
  }
  return true;
}
const NOTHING: ComposedPiece = { pairs: [], origin: 0, js: [], nestedDuplicate: undefined };

/**
 * A piece parsed alone, or undefined when it cannot be read alone (see parseYamlPieces): an error (such as an alias
 * of an anchor in another piece), a mapping that does not start in the first column (as the pieces after it do).
 * Only comments is an empty piece. Never throws.
 */
function composedYamlPiece(text: string): ComposedPiece | undefined {
  try {
    const doc = withoutStacks(() => parseDocument(text, YAML_OPTIONS));
    const contents = doc.contents;
    if (doc.errors.length > 0) return undefined;
    if (contents === null) return parsedPiece({ pairs: [], origin: 0, js: [], nestedDuplicate: undefined });
    if (!isMap(contents) || contents.flow || contents.items.length === 0 || !atColumnZero(text, contents.range?.[0] ?? 0)) return undefined;
    const js: unknown = toJsBounded(doc, () => doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    if (js === null || typeof js !== 'object' || Array.isArray(js)) return undefined;
    return parsedPiece({ pairs: contents.items, origin: 0, js: flatten(js as Record<string, unknown>), nestedDuplicate: duplicateKey(contents, true) });
  } catch {
    return undefined;
  }
}

function flatten(js: Record<string, unknown>): unknown[] {
  const flat: unknown[] = [];
  for (const key of Object.keys(js)) flat.push(key, js[key]);
  return flat;
}

function atColumnZero(text: string, offset: number): boolean {
  const column = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  return column === '' || column === '\uFEFF';
}

/** The entry `key: value` read without yaml (see fastYamlPiece), with the offsets yaml gives, from the piece's start. */
class FastPiece {
  constructor(
    /** The key's value (a string, or what a plain key like `1` or `true` resolves to). */
    readonly key: unknown,
    readonly stringKey: string,
    readonly value: unknown,
    readonly keyEnd: number,
    readonly valueStart: number,
    readonly valueEnd: number,
  ) {}
  top(base: number): TopPair {
    return { key: this.key, keyNode: { range: [0, this.keyEnd, this.keyEnd] }, value: { range: [this.valueStart, this.valueEnd, this.valueEnd] }, base };
  }
}

/** The entry `key: *name`: its value is the anchored node's, found when the pieces are put together. */
class AliasPiece extends FastPiece {
  constructor(key: unknown, stringKey: string, keyEnd: number, valueStart: number, valueEnd: number, readonly anchor: string) {
    super(key, stringKey, undefined, keyEnd, valueStart, valueEnd);
  }
}

/** The one-line entry `key: *name` (then blank lines), or undefined. */
function aliasPiece(value: string, start: number, end: number): AliasPiece | undefined {
  ALIAS_ENTRY.lastIndex = start;
  const m = ALIAS_ENTRY.exec(value);
  if (!m || ALIAS_ENTRY.lastIndex !== end) return undefined;
  const key = resolvePlain(m[1]!, true);
  if (key === REFUSED) return undefined;
  const valueStart = m[0].indexOf('*');
  return new AliasPiece(key, key === null ? '' : String(key), m[1]!.length, valueStart, valueStart + 1 + m[2]!.length, m[2]!);
}
const ALIAS_ENTRY = /(\w[\w.-]*): +\*([\w.-]+)\n*/y;

/**
 * The one-line entry `key: value` (then blank lines), with a key of letters, digits, "_", "-" and "." and a value
 * that is a plain scalar of ordinary characters or a quoted one without escapes, read without the parser (which
 * takes about 0.6 µs a character: a front matter of 40,000 such keys took 600 ms). Its value is resolved by yaml's
 * own scalar tags, as the parser does. Anything else (or a value a tag refuses) is undefined: the parser reads it.
 */
function fastYamlPiece(value: string, start: number, end: number): FastPiece | undefined {
  FAST_ENTRY.lastIndex = start;
  if (!FAST_ENTRY.test(value) || FAST_ENTRY.lastIndex !== end) return undefined;
  // `key:`, spaces, the value, then only line breaks to the piece's end.
  const colon = value.indexOf(':', start);
  const keySource = value.slice(start, colon);
  let from = colon + 1;
  while (value.charCodeAt(from) === 32) from++;
  let to = end;
  while (to > from && value.charCodeAt(to - 1) === 10) to--;
  const key = resolvePlain(keySource, true);
  if (key === REFUSED) return undefined;
  const quote = value.charCodeAt(from);
  const scalar = quote === 34 /* " */ || quote === 39 /* ' */ ? value.slice(from + 1, to - 1) : resolvePlain(value.slice(from, to), false);
  if (scalar === REFUSED) return undefined;
  return new FastPiece(key, key === null ? '' : String(key), scalar, keySource.length, from - start, to - start);
}

// A fast entry, from lastIndex (it must end where its piece does). Characters it may hold: printable, no line or
// paragraph separator, no BOM. A plain scalar does not start with an indicator, holds ":" only before a character
// that is not white space ("2024-01-01T10:00:00Z", "http://x") and "#" only right after one ("b#c"): what YAML's plain
// scalars allow, so "a: b #c" and "a: b: c" are left to the parser. (Timestamps, with their colons, went to the parser
// one by one: 1 MB of them took 0.6 s.)
// The value of a fast entry or item (see FAST_ENTRY).
const FAST_VALUE =
  // eslint-disable-next-line no-control-regex -- the characters a fast value may not hold
  /(?:[^\0-\x20\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff#:\-?,[\]{}&*!|>'"%@`](?:[^\0-\x20\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff#:]|#|:(?=[^\0-\x20\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]))*(?: (?:[^\0-\x20\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff#:]|:(?=[^\0-\x20\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]))(?:[^\0-\x20\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff#:]|#|:(?=[^\0-\x20\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]))*)*|"[^\0-\x1f\x7f-\x9f"\\\u2028\u2029\ufeff\ufffe\uffff]*"|'[^\0-\x1f\x7f-\x9f'\u2028\u2029\ufeff\ufffe\uffff]*')/.source;
const FAST_ENTRY = new RegExp(`\\w[\\w.-]*: +${FAST_VALUE}\\n*`, 'y');
/** A fast sequence item's value, from lastIndex. */
// eslint-disable-next-line regexp/no-useless-non-capturing-group -- the group is FAST_ENTRY's, where more follows it
const FAST_ITEM = new RegExp(FAST_VALUE, 'y');
/** The key line of a fast sequence: `key:`, spaces, a line break. */
const SEQUENCE_KEY = /(\w[\w.-]*): *\n/y;

/**
 * The entry `key:` then a block sequence of one-line items `- value` (all at one indentation, values as in
 * fastYamlPiece), then blank lines: a list of 50,000 names, one piece, took 0.7 s in the parser. Read without it, into
 * a sequence node with the ranges the parser gives (from its first "-" to the line break after its last item, each
 * item from its value's start to its end, then past its line break). Anything else is undefined.
 */
function fastSequencePiece(value: string, start: number, end: number): ComposedPiece | undefined {
  SEQUENCE_KEY.lastIndex = start;
  const head = SEQUENCE_KEY.exec(value);
  if (!head) return undefined;
  let at = SEQUENCE_KEY.lastIndex;
  if (at >= end) return undefined;
  const key = resolvePlain(head[1]!, true);
  if (key === REFUSED) return undefined;
  let indent = 0;
  while (value.charCodeAt(at + indent) === 32) indent++;
  const seqStart = at + indent;
  const items: { range: [number, number, number] }[] = [];
  const js: unknown[] = [];
  let seqEnd = 0;
  while (at < end && value.charCodeAt(at) !== 10) {
    for (let k = 0; k < indent; k++) if (value.charCodeAt(at + k) !== 32) return undefined;
    let from = at + indent;
    if (value.charCodeAt(from) !== 45 /* - */ || value.charCodeAt(from + 1) !== 32) return undefined;
    from += 2;
    while (value.charCodeAt(from) === 32) from++;
    FAST_ITEM.lastIndex = from;
    if (!FAST_ITEM.test(value)) return undefined;
    const to = FAST_ITEM.lastIndex;
    if (to > end || (to < end && value.charCodeAt(to) !== 10)) return undefined;
    const quote = value.charCodeAt(from);
    const item = quote === 34 /* " */ || quote === 39 /* ' */ ? value.slice(from + 1, to - 1) : resolvePlain(value.slice(from, to), false);
    if (item === REFUSED) return undefined;
    at = to < end ? to + 1 : to;
    seqEnd = at - start;
    // Only its range is read (nodeRange): a stand-in, as FastPiece's (a yaml Scalar per item took a third of the time).
    items.push({ range: [from - start, to - start, seqEnd] });
    js.push(item);
  }
  if (items.length === 0) return undefined;
  for (; at < end; at++) if (value.charCodeAt(at) !== 10) return undefined;
  const keyNode = new Scalar(key);
  keyNode.type = 'PLAIN';
  keyNode.range = [0, head[1]!.length, head[1]!.length];
  const seq = new YAMLSeq<unknown>();
  seq.items = items;
  seq.range = [seqStart - start, seqEnd, seqEnd];
  return { pairs: [new Pair(keyNode, seq)], origin: 0, js: [key === null ? '' : String(key), js], nestedDuplicate: undefined };
}

/**
 * From this many characters on, a piece `key:` then a block sequence is read item by item (sequencePiece); smaller
 * ones as before (fastSequencePiece, else the parser).
 */
let sequenceItemsFrom = 8 * 1024;

/** The characters of items in sequenceError's first window (it then doubles). */
let firstWindow = 2048;

/**
 * For tests: reads sequences item by item from `chars` characters on, and starts sequenceError's windows at
 * `window` characters (the oracle tests use small texts). Returns the last settings.
 */
export function setSequenceItemsFrom(chars: number, window = 2048): [number, number] {
  const last: [number, number] = [sequenceItemsFrom, firstWindow];
  sequenceItemsFrom = chars;
  firstWindow = window;
  return last;
}

/** Kept with a document's FrontMatterPieces: the items of its last large sequence, and the last window sequenceError parsed. */
interface SequenceCache {
  readonly items: FrontMatterPieces;
  window: { readonly text: string; readonly doc: Document.Parsed; readonly lines: LineCounter } | undefined;
}
const sequenceCaches = new WeakMap<FrontMatterPieces, SequenceCache>();

/**
 * An item of a sequence read item by item: its node (ranges counted from the start of the text it was parsed in,
 * where the item starts at `origin`), its JavaScript value, where the sequence would end were it the last item (the
 * item's range[2], as yaml's resolveBlockSeq ends a sequence), and the first key repeated in a mapping inside it.
 */
interface SequenceItem {
  readonly node: unknown;
  readonly js: unknown;
  readonly origin: number;
  readonly end: number;
  readonly dup: readonly [number, number] | undefined;
  /** Whether a node of the item ends past the item's text, where the next item starts (see parseItems). */
  readonly reaches: boolean;
}
/** An item not read yet (it needs the parser); one that the parser could not read alone; the key line. */
const ITEM_PENDING = { pending: true } as const;
const ITEM_BAD = { bad: true } as const;
const SEQUENCE_HEAD = { head: true } as const;
type SequenceSlot = SequenceItem | typeof ITEM_PENDING | typeof ITEM_BAD | typeof SEQUENCE_HEAD;
/** Items are parsed as the value of this key (the real key does not change how they read). */
const ITEM_CONTEXT = 'k:\n';

/** For a sequence read item by item: each item's origin in the piece (its nodes' ranges are from there). */
const ITEM_BASES = new WeakMap<object, readonly number[]>();

/** A large sequence with an item the parser cannot read alone (`bad`, the first): sequenceError finds what the whole says. */
class SequenceFailure {
  constructor(
    readonly key: unknown,
    /** The key line's length, line break included. */
    readonly headLength: number,
    /** The items' indentation. */
    readonly indent: number,
    /** Where each item starts in the piece (index 0: the key line, at 0). */
    readonly starts: readonly number[],
    readonly slots: readonly SequenceSlot[],
    readonly bad: number,
  ) {}
}

/** Whether the line at `s` starts an item of a block sequence at `indent`: that many spaces, "-", then a space, tab or line end. */
function isItemStart(text: string, s: number, indent: number): boolean {
  for (let k = 0; k < indent; k++) if (text.charCodeAt(s + k) !== 32) return false;
  if (text.charCodeAt(s + indent) !== 45) return false;
  const after = s + indent + 1;
  if (after >= text.length) return true;
  const c = text.charCodeAt(after);
  return c === 32 || c === 9 || c === 10;
}

/**
 * The entry `key:` then a block sequence, read item by item: cut at each line that starts an item at the sequence's
 * indentation (its first item's, on the line after the key), the items kept in `cache` between edits (an edit reads
 * again only the items it touched). A one-line item of a fast value is read without the parser (as in
 * fastSequencePiece); the others are parsed as the value of a key, many at a time (one parse for a new text; halved
 * around an item that fails, until it is alone). An item that fails alone makes a SequenceFailure. Lines that no
 * item line ends (an open quote or flow collection) make their item fail, so each item read says what the whole
 * says of it. Undefined when the piece is not `key:` then an item line, or holds a CR.
 */
function sequencePiece(value: string, start: number, end: number, cache: SequenceCache): ComposedPiece | SequenceFailure | undefined {
  SEQUENCE_KEY.lastIndex = start;
  const head = SEQUENCE_KEY.exec(value);
  if (!head) return undefined;
  const headLength = SEQUENCE_KEY.lastIndex - start;
  const text = value.slice(start, end);
  if (headLength >= text.length || text.includes('\r')) return undefined;
  let indent = 0;
  while (text.charCodeAt(headLength + indent) === 32) indent++;
  if (!isItemStart(text, headLength, indent)) return undefined;
  const key = resolvePlain(head[1]!, true);
  if (key === REFUSED) return undefined;
  const cut = cache.items.cut<SequenceSlot>(
    `sequence ${indent}`,
    text,
    (t, s) => (s === 0 || isItemStart(t, s, indent) ? CUT : NO_CUT),
    (t, s, e) => (s === 0 ? SEQUENCE_HEAD : simpleItem(t, s, e, indent)),
    indent + 2,
  );
  if (!cut || cut.starts[1] !== headLength) return undefined;
  const { starts } = cut;
  const slots = cut.pieces as SequenceSlot[];
  readPending(text, starts, slots, indent);
  // Arrays of their final length (pushing 40,000 items into each, growing, took most of an edit's time).
  const count = slots.length - 1;
  const items = new Array<unknown>(count);
  const js = new Array<unknown>(count);
  const bases = new Array<number>(count);
  let dup: [number, number] | undefined;
  for (let i = 1; i < slots.length; i++) {
    const slot = slots[i]!;
    if (!(slot instanceof Item)) return new SequenceFailure(key, headLength, indent, starts.slice(), slots.slice(), i);
    const base = starts[i]! - slot.origin;
    items[i - 1] = slot.node;
    js[i - 1] = slot.js;
    bases[i - 1] = base;
    if (slot.dup && (!dup || base + slot.dup[0] < dup[0])) dup = [base + slot.dup[0], base + slot.dup[1]];
  }
  const keyLength = head[1]!.length;
  const keyNode = new Scalar(key);
  keyNode.type = 'PLAIN';
  keyNode.range = [0, keyLength, keyLength];
  const seq = new YAMLSeq<unknown>();
  seq.items = items;
  const last = slots[slots.length - 1] as SequenceItem;
  // The last item's nodes end otherwise when no item follows: the parser reads the piece (rare).
  if (last.reaches) return undefined;
  const seqEnd = starts[starts.length - 1]! - last.origin + last.end;
  seq.range = [headLength + indent, seqEnd, seqEnd];
  ITEM_BASES.set(seq, bases);
  return { pairs: [new Pair(keyNode, seq)], origin: 0, js: [key === null ? '' : String(key), js], nestedDuplicate: dup };
}

/** The item text[s, e) when it is one line `- value` (a fast value, as FAST_ITEM reads it) then blank lines; else ITEM_PENDING. */
function simpleItem(text: string, s: number, e: number, indent: number): SequenceSlot {
  let from = s + indent + 1;
  if (text.charCodeAt(from) !== 32) return ITEM_PENDING;
  while (text.charCodeAt(from) === 32) from++;
  FAST_ITEM.lastIndex = from;
  if (!FAST_ITEM.test(text)) return ITEM_PENDING;
  const to = FAST_ITEM.lastIndex;
  if (to > e || (to < e && text.charCodeAt(to) !== 10)) return ITEM_PENDING;
  for (let i = to + 1; i < e; i++) if (text.charCodeAt(i) !== 10) return ITEM_PENDING;
  const quote = text.charCodeAt(from);
  const js = quote === 34 /* " */ || quote === 39 /* ' */ ? text.slice(from + 1, to - 1) : resolvePlain(text.slice(from, to), false);
  if (js === REFUSED) return ITEM_PENDING;
  // Ranges as the parser gives them in ITEM_CONTEXT + the item: the value, then past its line break.
  const o = ITEM_CONTEXT.length - s;
  const after = (to < e ? to + 1 : to) + o;
  return new Item(undefined, [from + o, to + o, after], js, ITEM_CONTEXT.length, after, undefined, false);
}

/**
 * An item read, in one shape for both kinds (the sequence is put together from 40,000 of them at each edit): a
 * one-line item read without the parser is its own node (a stand-in with a range, as fastSequencePiece's).
 */
class Item implements SequenceItem {
  readonly node: unknown;
  constructor(
    node: unknown,
    readonly range: readonly [number, number, number] | undefined,
    readonly js: unknown,
    readonly origin: number,
    readonly end: number,
    readonly dup: readonly [number, number] | undefined,
    readonly reaches: boolean,
  ) {
    this.node = node ?? this;
  }
}

/** How many pending items the first parse of readPending reads. */
const FIRST_ITEMS = 64;

/**
 * Reads the pending items up to the first item that fails alone (marked ITEM_BAD; the items after it stay pending):
 * FIRST_ITEMS items from the first pending one in one parse, twice as many in the next while they read; when a parse
 * fails, half as many, and so on (a failing item is found in a few parses of the text around it).
 */
function readPending(text: string, starts: readonly number[], slots: SequenceSlot[], indent: number): void {
  let limit = slots.length;
  for (let i = 1; i < limit; i++) {
    if (slots[i] === ITEM_BAD) limit = i;
  }
  let last = -1;
  for (let i = limit - 1; i >= 1; i--) {
    if (slots[i] === ITEM_PENDING) {
      last = i;
      break;
    }
  }
  if (last === -1) return;
  let lo = 1;
  while (slots[lo] !== ITEM_PENDING) lo++;
  // From a few items, doubling while they read: a failing item near the start is found without parsing the rest
  // (starting with all of them, 20,000 broken items in 40,000 took a parse of every half down to one: 1.5 s).
  let size = Math.min(last - lo + 1, FIRST_ITEMS);
  while (lo <= last) {
    const hi = Math.min(last, lo + size - 1);
    if (parseItems(text, starts, slots, lo, hi, indent)) {
      lo = hi + 1;
      while (lo <= last && slots[lo] !== ITEM_PENDING) lo++;
      size *= 2;
    } else if (lo === hi) {
      slots[lo] = ITEM_BAD;
      return;
    } else size = Math.ceil((hi - lo + 1) / 2);
  }
}

/**
 * Parses items lo..hi (inclusive) together as the value of ITEM_CONTEXT's key, then an empty item (the parser ends
 * some nodes where the next token starts, past the line break: a mapping whose last key has no value, or that trailing
 * comments follow; an item line always follows an item but the last), and fills the pending ones when the parser
 * reads them without an error, alias or other surprise, the nodes of each within its text (or up to the next item's
 * "-": then `reaches`). False otherwise.
 */
function parseItems(text: string, starts: readonly number[], slots: SequenceSlot[], lo: number, hi: number, indent: number): boolean {
  const from = starts[lo]!;
  const until = starts[hi + 1] ?? text.length;
  const shift = ITEM_CONTEXT.length - from;
  // The last item of the front matter (no line break after it) is read as it is.
  const next = text.charCodeAt(until - 1) === 10 ? `${' '.repeat(indent)}-\n` : '';
  try {
    const doc = withoutStacks(() => parseDocument(ITEM_CONTEXT + text.slice(from, until) + next, YAML_OPTIONS));
    if (doc.errors.length > 0) return false;
    const contents = doc.contents;
    if (!isMap(contents) || contents.flow || contents.items.length !== 1) return false;
    const pair = contents.items[0]!;
    if (!isScalar(pair.key) || pair.key.value !== 'k' || !isSeq(pair.value) || pair.value.flow) return false;
    const seq = pair.value;
    const count = hi - lo + 1;
    const all = count + (next ? 1 : 0);
    if (seq.items.length !== all || hasAlias(seq)) return false;
    const reaches: boolean[] = [];
    for (let j = 0; j < count; j++) {
      const r = (seq.items[j] as Ranged)?.range;
      const end = (starts[lo + j + 1] ?? text.length) + shift;
      const last = furthest(seq.items[j]);
      if (!isNode(seq.items[j]) || !r || r[0] < starts[lo + j]! + shift || last > end + indent) return false;
      reaches.push(last > end);
    }
    const js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as { k?: unknown } | null;
    if (js === null || typeof js !== 'object' || !Array.isArray(js.k) || js.k.length !== all) return false;
    for (let j = 0; j < count; j++) {
      if (slots[lo + j] !== ITEM_PENDING) continue;
      const node = seq.items[j];
      const dup = duplicateKey(node, false);
      slots[lo + j] = new Item(node, undefined, (js.k as unknown[])[j], starts[lo + j]! + shift, (node as Ranged)!.range![2], dup, reaches[j]!);
    }
    return true;
  } catch {
    return false;
  }
}

/** The furthest end (range[1] or range[2]) of a node and the nodes in it (explicit stack). */
function furthest(root: unknown): number {
  let max = -1;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    const r = (node as Ranged)?.range;
    if (r) max = Math.max(max, r[1], r[2]);
    if (isMap(node) || isSeq(node)) for (const item of node.items as unknown[]) stack.push(item);
  }
  return max;
}

/**
 * The first line of text[from, to) that leaves the sequence at `indent`: a line less indented, or another at its
 * indentation that does not start an item (lines of only spaces aside); -1 when there is none. After it, the text
 * after the window may read otherwise: "-- [a," at the sequence's indentation is a plain scalar that the next lines,
 * items or not, continue.
 */
function outsideSequence(text: string, from: number, to: number, indent: number): number {
  for (let s = from; s < to; ) {
    let spaces = 0;
    while (text.charCodeAt(s + spaces) === 32) spaces++;
    const c = text.charCodeAt(s + spaces);
    if (!(c === 10 || s + spaces >= text.length || spaces > indent || (spaces === indent && isItemStart(text, s, indent)))) return s;
    const nl = text.indexOf('\n', s + spaces);
    if (nl === -1) break;
    s = nl + 1;
  }
  return -1;
}

/**
 * The front matter when piece `i` is a large sequence with an item that fails alone and every piece before it reads
 * alone (so the parser is, at that item, where it is at the start of ITEM_CONTEXT's value): the parser's first error
 * is read from a window, the key line then the text from that item on, which grows (doubling) until the error is
 * determined: the window reaches the end of the front matter, or its first error lies strictly inside it, is not a
 * missing character, no quote is open where it ends, every line from the item to the end of the sequence starts an
 * item or is indented more (outsideSequence) and the pieces after read alone: then the line after the window, which
 * starts an item or a key, ends anything else left open (block and plain scalars, flow collections), the parser reads
 * what comes before as in the whole, and reports no error after it first. A repeated key before the error wins, as in
 * parseYamlWholeDoc. Undefined (the whole text is parsed) when a window has no error: the item did not fail for an
 * error (an alias, say). The last window's document is kept: an edit outside it parses nothing.
 */
function sequenceError(
  value: string,
  whole: Range,
  contentLine: number,
  starts: readonly number[],
  list: readonly (YamlPiece | undefined)[],
  i: number,
  cache: SequenceCache,
): FrontMatter | undefined {
  const failure = list[i] as SequenceFailure;
  const pieceStart = starts[i]!;
  const pieceEnd = starts[i + 1] ?? value.length;
  const count = failure.starts.length;
  const head = value.slice(pieceStart, pieceStart + failure.headLength);
  const from = pieceStart + failure.starts[failure.bad]!;
  // Window ends: the next items' starts (m < count), the piece's end (m = count), the text's end (m = count + 1).
  const endAt = (m: number): number => (m < count ? pieceStart + failure.starts[m]! : m === count ? pieceEnd : value.length);
  // A line in the rest of the sequence that leaves it (as "  x- a" or " |  b" in a list at two spaces) may take the
  // parser back to the document, which then reports the errors it meets there before any in the document's contents
  // (as "Not a YAML token" after "|" or "{"): only a window to the end tells. So does a piece after this one that
  // fails alone.
  const mayEndEarly =
    list.slice(i + 1).every((p) => p instanceof FastPiece || (p !== undefined && 'pairs' in p)) && outsideSequence(value, from, pieceEnd, failure.indent) === -1;
  const judge = (text: string, doc: Document.Parsed): 'error' | 'clean' | 'grow' => {
    if (doc.errors.length === 0) return 'clean';
    const end = from + text.length - head.length;
    if (end === value.length) return 'error';
    if (!mayEndEarly) return 'grow';
    // A comment line in the first column does not end a flow collection (nor does it start an item or a key).
    if (value.charCodeAt(end) === 35 /* # */) return 'grow';
    let contentEnd = text.length;
    while (contentEnd > 0 && text.charCodeAt(contentEnd - 1) === 10) contentEnd--;
    const first = doc.errors[0]!;
    if (first.code === 'MISSING_CHAR' || first.pos[0] >= contentEnd || first.pos[1] > contentEnd) return 'grow';
    if (doc.errors.some((e) => e.code === 'MISSING_CHAR' && /quote/.test(e.message))) return 'grow';
    return 'error';
  };
  let found: { text: string; doc: Document.Parsed; lines: LineCounter } | undefined;
  const kept = cache.window;
  if (kept && kept.text.startsWith(head)) {
    const end = from + kept.text.length - head.length;
    let atEnd = false;
    for (let m = failure.bad + 1; m <= count + 1 && !atEnd; m++) atEnd = endAt(m) === end;
    if (atEnd && head + value.slice(from, end) === kept.text && judge(kept.text, kept.doc) === 'error') found = kept;
  }
  for (let span = firstWindow, m = failure.bad + 1; !found; span *= 2, m++) {
    while (m <= count && endAt(m) - from < span) m++;
    const text = head + value.slice(from, endAt(Math.min(m, count + 1)));
    const lines = new LineCounter();
    const doc = withoutStacks(() => parseDocument(text, { lineCounter: lines, ...YAML_OPTIONS }));
    const verdict = judge(text, doc);
    if (verdict === 'clean') return undefined;
    if (verdict === 'error') found = { text, doc, lines };
    else if (m > count) return undefined;
  }
  cache.window = found;
  const { doc, lines } = found;
  const toWhole = (w: number): number => (w < head.length ? pieceStart + w : from + w - head.length);
  // A repeated key before the error: the first in the top-level mapping (the keys of the pieces before, then the
  // window's), or the first in a mapping below it (in the pieces before, the items before, the window).
  let dup: [number, number] | undefined;
  const consider = (s: number, e: number): void => {
    if (!dup || s < dup[0]) dup = [s, e];
  };
  const seen = new Set<unknown>();
  let topFound = false;
  const topKey = (key: unknown, s: number, e: number): void => {
    if (topFound) return;
    if (seen.has(key)) {
      consider(s, e);
      topFound = true;
    } else seen.add(key);
  };
  for (let j = 0; j < i; j++) {
    const piece = list[j] as FastPiece | ComposedPiece;
    const base = starts[j]!;
    if (piece instanceof FastPiece) {
      topKey(piece.key, base, base + piece.keyEnd);
      continue;
    }
    const shift = base - piece.origin;
    for (const pair of piece.pairs) {
      const r = isScalar(pair.key) ? pair.key.range : undefined;
      if (r) topKey((pair.key as Scalar).value, shift + r[0], shift + r[1]);
    }
    if (piece.nestedDuplicate) consider(base + piece.nestedDuplicate[0], base + piece.nestedDuplicate[1]);
  }
  for (let j = 1; j < failure.bad; j++) {
    const item = failure.slots[j] as SequenceItem;
    const base = pieceStart + failure.starts[j]! - item.origin;
    if (item.dup) consider(base + item.dup[0], base + item.dup[1]);
  }
  const contents = doc.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const r = isScalar(pair.key) ? pair.key.range : undefined;
      if (r) topKey((pair.key as Scalar).value, toWhole(r[0]), toWhole(r[1]));
    }
  }
  const nested = duplicateKey(contents, true);
  if (nested) consider(toWhole(nested[0]), toWhole(nested[1]));
  const err = doc.errors[0]!;
  const errStart = toWhole(err.pos[0]);
  // Lines as the parser's line counter of the whole text counts them (it skips the line breaks inside some tokens,
  // such as a quoted scalar left open): the window's counter inside the window, every line break before it.
  let lineStarts: number[] | undefined;
  const point = (p: number): [number, number] => {
    const w = p >= from ? p - from + head.length : p >= pieceStart && p < pieceStart + head.length ? p - pieceStart : undefined;
    if (!lineStarts) {
      lineStarts = [0];
      for (let k = value.indexOf('\n'); k !== -1 && k < from; k = value.indexOf('\n', k + 1)) lineStarts.push(k + 1);
    }
    if (w === undefined) {
      const line = lineAt(lineStarts, lineStarts.length, p);
      return [line, p - lineStarts[line]!];
    }
    // The window's lines from its first (the key line) or second (where the item starts), as the whole's from there.
    const at = lines.linePos(w);
    const first = w < head.length ? 1 : lines.linePos(head.length).line;
    return [lineAt(lineStarts, lineStarts.length, w < head.length ? pieceStart : from) + at.line - first, at.col - 1];
  };
  const toRange = (start: number, end: number): Range => {
    const [sl, sc] = point(start);
    const [el, ec] = point(Math.max(start, end));
    return range(contentLine + sl, sc, contentLine + el, ec);
  };
  const dupFound = dup as [number, number] | undefined;
  const error =
    dupFound && dupFound[0] < errStart
      ? { message: DUPLICATE_MESSAGE, range: toRange(dupFound[0], dupFound[1]) }
      : parserError(value, err.code, err.message, errStart, toWhole(err.pos[1]), toRange);
  return errorResult(value, whole, contentLine, error);
}

let coreSchema:
  | {
      readonly tags: readonly ScalarTag[];
      readonly str: ScalarTag;
      readonly options: object;
      /** The tests of the tags a value (a key) may resolve by, as one pattern: a string no tag takes is read in one test. */
      readonly anyValue: RegExp | undefined;
      readonly anyKey: RegExp | undefined;
    }
  | null
  | undefined;

/** The tests of `tags` (those that have one) as one pattern (each anchored at both ends, without flags), or undefined. */
function oneTest(tags: readonly ScalarTag[]): RegExp | undefined {
  const tests = tags.flatMap((t) => (t.test ? [t.test] : []));
  if (tests.some((t) => t.flags !== '' || !t.source.startsWith('^') || !t.source.endsWith('$'))) return undefined;
  return new RegExp(tests.map((t) => `(?:${t.source})`).join('|'));
}
const REFUSED = Symbol('refused');
let refused = false;
const refuse = (): void => {
  refused = true;
};

/** A plain scalar's value as yaml's composer resolves it (findScalarTagByTest, then the tag's resolve), or REFUSED. */
function resolvePlain(source: string, atKey: boolean): unknown {
  if (coreSchema === undefined) {
    const doc = new Document(null, YAML_OPTIONS);
    const tags = doc.schema.tags.filter((t): t is ScalarTag => !('nodeClass' in t) && !('collection' in t && t.collection));
    const str = tags.find((t) => t.tag === 'tag:yaml.org,2002:str');
    const anyValue = oneTest(tags.filter((t) => t.default === true));
    const anyKey = oneTest(tags.filter((t) => t.default === true || t.default === 'key'));
    coreSchema = !str || doc.schema.compat ? null : { tags, str, options: doc.options, anyValue, anyKey };
  }
  if (!coreSchema) return REFUSED;
  let tag = coreSchema.str;
  const any = atKey ? coreSchema.anyKey : coreSchema.anyValue;
  if (any && !any.test(source)) {
    refused = false;
    const res = tag.resolve(source, refuse, coreSchema.options);
    if (refused) return REFUSED;
    return isScalar(res) ? res.value : res;
  }
  for (const t of coreSchema.tags) {
    if ((t.default === true || (atKey && t.default === 'key')) && t.test?.test(source)) {
      tag = t;
      break;
    }
  }
  refused = false;
  const res = tag.resolve(source, refuse, coreSchema.options);
  if (refused) return REFUSED;
  return isScalar(res) ? res.value : res;
}

/** Whether the tree holds an alias (explicit stack). */
/**
 * The parser's toJS finds each alias's anchor by reading every anchor and alias of the document before it (yaml 2.9),
 * so its time is the number of aliases times the number of anchored and alias nodes: 20,000 anchors each with an
 * alias took 1.4 s, 40,000 took 5 s, twice as many four times as long. Above this much work the front matter is
 * not read, with an error saying why (as the parser itself refuses an alias that expands too much).
 */
const MAX_ALIAS_WORK = 10_000_000;

/** yaml's toJS, or an error when resolving the document's aliases would take too long (see MAX_ALIAS_WORK). */
function toJsBounded<T>(doc: Document.Parsed, toJs: () => T): T {
  let refused = aliasWork.get(doc);
  if (refused === undefined) {
    const [aliases, anchored] = countAliases([doc.contents]);
    refused = aliasRefusal(aliases, anchored);
    aliasWork.set(doc, refused);
  }
  if (refused !== '') throw new Error(refused);
  return toJs();
}
/** Per document: why its aliases are not resolved, or '' when they are. */
const aliasWork = new WeakMap<Document.Parsed, string>();

/** Why aliases so many are not resolved, or ''. */
function aliasRefusal(aliases: number, anchored: number): string {
  if (aliases * (aliases + anchored) <= MAX_ALIAS_WORK) return '';
  return `its ${aliases.toLocaleString('en-US')} aliases (*name) of ${anchored.toLocaleString('en-US')} anchors (&name) would take too long to resolve; use fewer aliases`;
}

/** A composed piece's aliases and anchored nodes, counted once. */
function aliasesOf(piece: ComposedPiece): readonly [number, number] {
  let counts = pieceAliases.get(piece);
  if (!counts) pieceAliases.set(piece, (counts = countAliases(piece.pairs)));
  return counts;
}
const pieceAliases = new WeakMap<ComposedPiece, readonly [number, number]>();

/** The aliases and the anchored nodes under `roots` (pairs, nodes), with an explicit stack. */
function countAliases(roots: readonly unknown[]): [number, number] {
  let aliases = 0;
  let anchored = 0;
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    if (isAlias(node)) aliases++;
    else if (isNode(node) && node.anchor) anchored++;
    if (isMap(node) || isSeq(node)) for (const item of node.items as unknown[]) stack.push(item);
  }
  return [aliases, anchored];
}

function hasAlias(root: unknown): boolean {
  return countAliases([root])[0] > 0;
}

/**
 * The range of the first key that repeats a key before it in the same mapping (what the parser's uniqueKeys option
 * reports: scalar keys with equal values), in document order, in linear time. Walks the tree with an explicit stack.
 * With `belowTop`, the root mapping's own keys are not compared (only mappings below it).
 */
function duplicateKey(root: unknown, belowTop: boolean): [number, number] | undefined {
  let first: [number, number] | undefined;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node) && !(belowTop && node === root)) {
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

function parseTomlBlock(value: string, whole: Range, contentLine: number, pieces: FrontMatterPieces | 'whole'): FrontMatter {
  const read = pieces === 'whole' ? undefined : parseTomlPieces(value, pieces);
  if (read && !(read instanceof TomlFailure)) return result('toml', whole, read, []);
  // The parser costs about 0.15 µs a character, and a front matter its pieces cannot settle was parsed whole at every
  // keystroke (1 MB of sub-tables: 0.2 s). Over 64 KB it is not: one error, on the line where the pieces stopped.
  if (pieces !== 'whole' && value.length > PARSE_WHOLE_FROM) return tomlNotRead(value, whole, contentLine, read);
  try {
    return result('toml', whole, parseToml(value) as Record<string, unknown>, []);
  } catch (e) {
    const line = (e as { line?: number }).line;
    const at = typeof line === 'number' ? range(contentLine + line - 1, 0, contentLine + line - 1, 0) : whole;
    return result('toml', whole, {}, [{ message: `Front matter is not valid TOML: ${firstSentence(errorText(e))}`, range: at }]);
  }
}

/** Why the pieces of a TOML front matter could not be put together, and where. */
class TomlFailure {
  constructor(
    /** 'alone': piece `at` fails alone; 'twice': it defines again what a piece before it defined (invalid TOML); 'unsure': it extends a table a piece before it defined, in a way only the whole text can check. */
    readonly why: 'alone' | 'twice' | 'unsure',
    /** The piece's offset in the front matter. */
    readonly at: number,
    /** What the parser said of the piece alone ('alone'), or the key defined again ('twice'). */
    readonly detail: string,
  ) {}
}

/** A TOML front matter over PARSE_WHOLE_FROM whose pieces cannot be put together: one error, at the piece's line. */
function tomlNotRead(value: string, whole: Range, contentLine: number, failure: TomlFailure | undefined): FrontMatter {
  const size = Math.ceil(value.length / 1024);
  if (!failure) {
    const message = `Front matter is not read: it is ${size} KB, and it cannot be read a table or key at a time. Keep the front matter to a few lines of metadata.`;
    return result('toml', whole, {}, [{ message, range: range(whole.start.line, 0, whole.start.line, 3) }]);
  }
  let line = 0;
  for (let i = value.indexOf('\n'); i !== -1 && i < failure.at; i = value.indexOf('\n', i + 1)) line++;
  const at = range(contentLine + line, 0, contentLine + line, 0);
  if (failure.why === 'twice') return result('toml', whole, {}, [{ message: `Front matter is not valid TOML: ${failure.detail} is defined twice.`, range: at }]);
  const reason =
    failure.why === 'alone'
      ? `what starts on line ${line + 1} cannot be read alone (${failure.detail}; a string or array over several lines is read only with the whole text)`
      : `the table or key on line ${line + 1} extends one defined before it in a way only the whole text can check`;
  const message = `Front matter is not read: it is ${size} KB, over ${PARSE_WHOLE_FROM / 1024} KB a TOML front matter is read a table or key at a time, and ${reason}. Keep the front matter to a few lines of metadata.`;
  return result('toml', whole, {}, [{ message, range: at }]);
}

/**
 * A TOML front matter read piece by piece, as parseYamlPieces does: cut before each table header ("[" in the first
 * column) and each line that starts a bare key or a comment (see tomlLineCut); each piece parsed alone (and kept in
 * `pieces`), then put together as the parser would (TomlTables). Pieces are put together only when that is certain;
 * otherwise a TomlFailure says where and why, and (up to 64 KB) the whole text is parsed, so the result and any error
 * are the parser's own. A construct that crosses a cut (a multi-line string or array) leaves its piece unfinished: it
 * fails alone.
 */
function parseTomlPieces(value: string, pieces: FrontMatterPieces): Record<string, unknown> | TomlFailure | undefined {
  const cut = pieces.cut('toml', value, tomlLineCut, (text, start, end) => new LazyTomlPiece(text.slice(start, end)), TOML_LOOK);
  if (!cut) return undefined;
  const tables = new TomlTables();
  for (let i = 0; i < cut.pieces.length; i++) {
    // Read in order, up to the first that fails: the pieces after it are not parsed (a multi-line string in each of
    // 40,000 entries made 80,000 pieces that all failed, 0.4 s a MB).
    const lazy = cut.pieces[i];
    // A piece over 64 KB (of a larger front matter) is not parsed: one parsed at every keystroke took 0.1–0.3 s a MB.
    if (lazy && lazy.text.length > PARSE_WHOLE_FROM) return new TomlFailure('alone', cut.starts[i]!, `it is over ${PARSE_WHOLE_FROM / 1024} KB`);
    const piece = lazy?.read();
    const failed = !lazy || !piece ? 'no piece' : piece instanceof TomlPieceError ? piece.message : tables.add(piece, lazy.text);
    if (failed === undefined) continue;
    if (typeof failed === 'string') return new TomlFailure('alone', cut.starts[i]!, failed);
    return new TomlFailure(failed.why, cut.starts[i]!, failed.path.map((k) => JSON.stringify(k)).join('.'));
  }
  return tables.data;
}

/** How a table made while putting pieces together may be extended (see TomlTables); EXPLICIT is not kept. */
const IMPLICIT = 1;
const EXPLICIT = 2;
const DOTTED = 3;

/**
 * Pieces put together in order, as the parser reads their text: a header's table (`[a.b]`, `[[a]]`) takes the key
 * pieces after it, and a table may be extended only as TOML allows: one a header named (IMPLICIT when only on the
 * path of another header's, until a header names it: EXPLICIT) or dotted keys made (DOTTED), by other headers or
 * dotted keys; never a value, an inline table, or a table defined twice.
 */
class TomlTables {
  readonly data = Object.create(null) as Record<string, unknown>;
  /** Tables made here that are IMPLICIT or DOTTED; the others made here are EXPLICIT. */
  readonly #kinds = new Map<object, number>();
  /** Objects and arrays of the pieces (never changed here: pieces are kept for the next edit). */
  readonly #theirs = new Set<unknown>();
  /** Arrays of tables made here, for `[[name]]` pieces. */
  readonly #arrays = new Set<unknown[]>();
  /** The table that key pieces go into: the last header's (undefined after a header not read here). */
  #current: Record<string, unknown> | undefined = this.data;

  /** Puts `piece` in; undefined, or why it cannot be: defined twice (invalid TOML) or unsure (only the parser can say). */
  add(piece: TomlPiece, text: string): { why: 'twice' | 'unsure'; path: readonly string[] } | undefined {
    if (piece.kind === 'header') return this.#header(piece.path, piece.arrayOf, piece.body);
    if (piece.kind === 'keys' && piece.opaque) {
      // Keys of the top level, after which the parser alone knows which table key pieces go into.
      const key = piece.keys[0];
      if (key !== undefined && this.#current !== this.data && !/^[ \t]*\[/.test(text)) return { why: 'unsure', path: [key] };
      for (const k of piece.keys) {
        if (Object.hasOwn(this.data, k)) return { why: 'unsure', path: [k] };
        this.#set(this.data, k, piece.data[k]);
      }
      this.#current = undefined;
      return undefined;
    }
    const current = this.#current;
    if (piece.kind === 'chain') {
      if (!current) return { why: 'unsure', path: piece.path.slice(0, 1) };
      // `p1. … .pm = value`: dotted tables down to the value's key, which must be new.
      const path = piece.path;
      let node = current;
      for (let j = 0; j < path.length - 1; j++) {
        const key = path[j]!;
        if (!Object.hasOwn(node, key)) node = node[key] = this.#table(DOTTED);
        else {
          const ex = node[key];
          if (this.#kind(ex) !== DOTTED) return { why: this.#isValue(ex) ? 'twice' : 'unsure', path: path.slice(0, j + 1) };
          node = ex as Record<string, unknown>;
        }
      }
      const key = path[path.length - 1]!;
      if (Object.hasOwn(node, key)) return { why: 'twice', path };
      this.#set(node, key, piece.value);
      return undefined;
    }
    for (const key of piece.keys) {
      if (!current) return { why: 'unsure', path: [key] };
      if (Object.hasOwn(current, key)) return { why: this.#isValue(current[key]) ? 'twice' : 'unsure', path: [key] };
      this.#set(current, key, piece.data[key]);
    }
    return undefined;
  }

  /**
   * `[p1. … .pm]` or `[[p1. … .pm]]`: down the path through tables headers or dotted keys made (or the last table of an
   * array of tables), then the table itself: new, or made before only on another header's path.
   */
  #header(path: readonly string[], arrayOf: boolean, body: Readonly<Record<string, unknown>>): { why: 'twice' | 'unsure'; path: readonly string[] } | undefined {
    let node = this.data;
    for (let j = 0; j < path.length - 1; j++) {
      const key = path[j]!;
      if (!Object.hasOwn(node, key)) {
        node = node[key] = this.#table(IMPLICIT);
        continue;
      }
      const ex = node[key];
      if (this.#kind(ex) !== undefined) node = ex as Record<string, unknown>;
      else if (Array.isArray(ex) && this.#arrays.has(ex)) node = ex[ex.length - 1] as Record<string, unknown>;
      else return { why: this.#isValue(ex) ? 'twice' : 'unsure', path: path.slice(0, j + 1) };
    }
    const key = path[path.length - 1]!;
    const ex = Object.hasOwn(node, key) ? node[key] : undefined;
    if (arrayOf) {
      // An array not made here may be an array of tables a piece read alone made (`[["a"]]`, or one with an indented
      // "[" line): only the parser can say whether this extends it.
      if (ex !== undefined && !(Array.isArray(ex) && this.#arrays.has(ex))) return { why: Array.isArray(ex) ? 'unsure' : 'twice', path };
      let list = ex as unknown[] | undefined;
      if (!list) {
        list = node[key] = [];
        this.#arrays.add(list);
      }
      list.push((this.#current = this.#table(EXPLICIT, body)));
      return undefined;
    }
    if (ex === undefined) {
      this.#current = node[key] = this.#table(EXPLICIT, body);
      return undefined;
    }
    const kind = this.#kind(ex);
    if (kind !== IMPLICIT) return { why: kind === undefined && !this.#isValue(ex) ? 'unsure' : 'twice', path };
    const table = ex as Record<string, unknown>;
    for (const k of Object.keys(body)) {
      if (Object.hasOwn(table, k)) return { why: 'unsure', path: [...path, k] };
      this.#set(table, k, body[k]);
    }
    this.#kinds.delete(table);
    this.#current = table;
    return undefined;
  }

  #table(kind: number, from?: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const t = Object.create(null) as Record<string, unknown>;
    if (from && from !== NO_KEYS) for (const k of Object.keys(from)) this.#set(t, k, from[k]);
    if (kind !== EXPLICIT) this.#kinds.set(t, kind);
    return t;
  }

  #set(table: Record<string, unknown>, key: string, value: unknown): void {
    if (typeof value === 'object' && value !== null) this.#theirs.add(value);
    table[key] = value;
  }

  /** How a table made here may be extended; undefined for anything else. */
  #kind(v: unknown): number | undefined {
    if (!isObject(v) || this.#theirs.has(v)) return undefined;
    return this.#kinds.get(v) ?? EXPLICIT;
  }

  /** A value no table may extend or define again (not a table, an inline table or an array). */
  #isValue(v: unknown): boolean {
    return !isObject(v) && !Array.isArray(v);
  }
}

/** A table or inline table as the parser returns it (no array, no date). */
function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/**
 * Pieces start at 0, at each table header ("[" in the first column), at each line that starts a key (bare or quoted)
 * or a comment, and at each indented line of a bare key and "=" within TOML_LOOK characters (keys indented under a
 * table). After an indented "[" line (a header, or a line of an array) no key line starts a piece until the next
 * header: the table such a line opens is the parser's to say. A cut inside a multi-line string or array leaves pieces
 * that fail alone: the whole text decides.
 */
function tomlLineCut(text: string, s: number, state: number): number {
  const c = text.charCodeAt(s);
  if (c === 91 /* [ */) return HEADER;
  if (c === 32 || c === 9) {
    let i = s + 1;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    if (text.charCodeAt(i) === 91) return AS_HEADER;
    if (state === AFTER_AS_HEADER || !isKeyStart(text.charCodeAt(i))) return NO_CUT;
    // A bare key (dotted or not), then "=", read no further than TOML_LOOK characters into the line.
    const end = Math.min(s + TOML_LOOK, text.length);
    for (let j = i + 1; j < end; j++) {
      const d = text.charCodeAt(j);
      if (d === 61 /* = */) return CUT;
      if (!(isKeyStart(d) || d === 45 || d === 46 || d === 32 || d === 9)) return NO_CUT;
    }
    return NO_CUT;
  }
  return state !== AFTER_AS_HEADER && (isKeyStart(c) || c === 45 /* - */ || c === 35 /* # */ || c === 34 /* " */ || c === 39) /* ' */ ? CUT : NO_CUT;
}

/** How far into a line tomlLineCut may read (FrontMatterPieces.cut's `look`). */
const TOML_LOOK = 64;

/**
 * A piece parsed alone: a table header and its own lines ('header'), one dotted key and its value ('chain'), or keys
 * the merge takes as they are ('keys'). Only what putting pieces together needs is kept (a large front matter keeps
 * tens of thousands of pieces between edits; what each holds was most of a full read, in garbage collection).
 */
type TomlPiece =
  /** `[p1. … .pm]` or `[[p1. … .pm]]`: the path, and the keys of the table it names (its indented lines). */
  | { readonly kind: 'header'; readonly path: readonly string[]; readonly arrayOf: boolean; readonly body: Readonly<Record<string, unknown>> }
  /** `p1. … .pm = value`, and nothing else: the path and the value. */
  | { readonly kind: 'chain'; readonly path: readonly string[]; readonly value: unknown }
  /**
   * Any other piece: its top-level keys. `opaque`: key pieces after it go into a table the parser alone can place (a
   * header not read here, of quoted keys, or a piece with an indented "[" line: a header, or a line of an array).
   */
  | { readonly kind: 'keys'; readonly data: Readonly<Record<string, unknown>>; readonly keys: readonly string[]; readonly opaque: boolean };

/** A piece that fails alone: what the parser said. */
class TomlPieceError {
  constructor(readonly message: string) {}
}

/**
 * A piece with a dotted key longer than this fails alone, so the whole text decides (a key of 260,000 parts, 1 MB on
 * one line, made as many nested tables at every keystroke: 170 ms). Real keys have a few.
 */
const MAX_KEY_PARTS = 128;

const TOO_DEEP = new TomlPieceError(`a key of more than ${MAX_KEY_PARTS} dotted parts`);

/** A TOML piece, parsed when first read (and kept with the piece between edits). */
class LazyTomlPiece {
  #read: TomlPiece | TomlPieceError | undefined = undefined;
  constructor(readonly text: string) {}

  read(): TomlPiece | TomlPieceError {
    return (this.#read ??= quickTomlPiece(this.text) ?? tomlPiece(this.text));
  }
}

const TOML_HEADER = /^[ \t]*(\[\[?)[ \t]*([\w-]+(?:[ \t]*\.[ \t]*[\w-]+)*)[ \t]*(\]\]?)[ \t]*(?:#[^\n]*)?(?:\r?\n|$)/;
const TOML_DOTTED_KEY = /^[ \t]*([\w-]+(?:[ \t]*\.[ \t]*[\w-]+)*)[ \t]*=/;
/** The body of a header alone on its line. */
const NO_KEYS: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null) as Record<string, unknown>);

/**
 * The commonest pieces, read without the parser, as it reads them: a header alone on its line, or a line `key =
 * value`, of bare keys or quoted ones with no escape, dotted or not, whose value is a string with no escape or control character, an integer
 * of up to 15 digits, or a boolean; then only blank lines. Otherwise undefined. (A string with a control character,
 * tab included, is the parser's: TOML allows a tab and no other.)
 */
const QUICK_TOML_HEADER =
  /^(\[\[?)[ \t]*((?:[\w-]+|"[^"\\\p{Cc}]*"|'[^'\p{Cc}]*')(?:[ \t]*\.[ \t]*(?:[\w-]+|"[^"\\\p{Cc}]*"|'[^'\p{Cc}]*'))*)[ \t]*(\]\]?)[ \t]*(?:\r?\n[ \t]*)*$/u;
const QUICK_TOML_LINE =
  /^[ \t]*((?:[\w-]+|"[^"\\\p{Cc}]*"|'[^'\p{Cc}]*')(?:[ \t]*\.[ \t]*(?:[\w-]+|"[^"\\\p{Cc}]*"|'[^'\p{Cc}]*'))*)[ \t]*=[ \t]*(?:"([^"\\\p{Cc}]*)"|'([^'\p{Cc}]*)'|([+-]?[1-9]\d{0,14}|0)|(true|false))[ \t]*(?:\r?\n[ \t]*)*$/u;

function quickTomlPiece(text: string): TomlPiece | TomlPieceError | undefined {
  const c = text.charCodeAt(0);
  if (c === 91 /* [ */) {
    const h = QUICK_TOML_HEADER.exec(text);
    if (!h || h[1]!.length !== h[3]!.length) return undefined;
    const path = keyPath(h[2]!);
    return path ? { kind: 'header', path, arrayOf: h[1] === '[[', body: NO_KEYS } : TOO_DEEP;
  }
  const m = QUICK_TOML_LINE.exec(text);
  if (!m) return undefined;
  const value = m[2] ?? m[3] ?? (m[4] !== undefined ? Number(m[4]) : m[5] === 'true');
  const path = keyPath(m[1]!);
  return path ? { kind: 'chain', path, value } : TOO_DEEP;
}

/**
 * The keys of a dotted key ("a . b" is a, b; "'x.y'.z" is x.y, z): bare keys, or quoted ones with no escape (as the
 * patterns above take them); undefined past MAX_KEY_PARTS.
 */
function keyPath(dotted: string): string[] | undefined {
  if (!dotted.includes('"') && !dotted.includes("'")) {
    const path = dotted.split('.', MAX_KEY_PARTS + 1);
    if (path.length > MAX_KEY_PARTS) return undefined;
    for (let i = 0; i < path.length; i++) path[i] = path[i]!.trim();
    return path;
  }
  const path: string[] = [];
  for (let i = 0; i < dotted.length; ) {
    while (dotted.charCodeAt(i) === 32 || dotted.charCodeAt(i) === 9) i++;
    const q = dotted[i];
    let end: number;
    if (q === '"' || q === "'") {
      end = dotted.indexOf(q, i + 1);
      path.push(dotted.slice(i + 1, end));
      end++;
    } else {
      end = i;
      while (end < dotted.length && dotted[end] !== '.' && dotted[end] !== ' ' && dotted[end] !== '\t') end++;
      path.push(dotted.slice(i, end));
    }
    if (path.length > MAX_KEY_PARTS) return undefined;
    i = dotted.indexOf('.', end);
    if (i === -1) break;
    i++;
  }
  return path;
}

function tomlPiece(text: string): TomlPiece | TomlPieceError {
  let data: Record<string, unknown>;
  try {
    // A piece that a construct crosses fails alone (see parseTomlPieces): with no stack captured for its error (a
    // multi-line string in each of 10,000 entries failed 20,000 pieces, most of a 250 KB text's 200 ms).
    data = withoutStacks(() => parseToml(text)) as Record<string, unknown>;
  } catch (e) {
    return new TomlPieceError(firstSentence(errorText(e)).replace(/^Invalid TOML document: /, ''));
  }
  const keys = Object.keys(data);
  // An indented "[" line after the first: a header the parser alone places (or a line of an array).
  if (/\n[ \t]*\[/.test(text)) return { kind: 'keys', data, keys, opaque: true };
  // The parser skips a byte order mark at the start of the text (the first piece's): so do the patterns below, or
  // "\uFEFF[t]" would be read as keys of the top level, and the keys after it put there.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Headers and dotted keys of bare keys only (a header of quoted keys is opaque; a quoted key is read as any other
  // piece: a key each).
  const h = TOML_HEADER.exec(text);
  if (h && h[1]!.length === h[3]!.length && keys.length === 1) {
    const path = keyPath(h[2]!);
    if (!path) return TOO_DEEP;
    const arrayOf = h[1] === '[[';
    let body: unknown = data;
    for (let j = 0; j < path.length; j++) {
      body = isObject(body) ? (body as Record<string, unknown>)[path[j]!] : undefined;
      if (arrayOf && j === path.length - 1) body = Array.isArray(body) && body.length === 1 ? body[0] : undefined;
    }
    if (isObject(body)) return { kind: 'header', path, arrayOf, body: body as Record<string, unknown> };
  }
  if (/^[ \t]*\[/.test(text)) return { kind: 'keys', data, keys, opaque: true };
  const d = TOML_DOTTED_KEY.exec(text);
  if (!d || keys.length !== 1) return { kind: 'keys', data, keys, opaque: false };
  const path = keyPath(d[1]!);
  if (!path) return TOO_DEEP;
  // One key chain, with nothing else in the piece (an indented line after it may define more keys).
  let node: unknown = data;
  for (let j = 0; j < path.length - 1; j++) {
    node = (node as Record<string, unknown>)[path[j]!];
    if (!isObject(node) || Object.keys(node).length !== 1) return { kind: 'keys', data, keys, opaque: false };
  }
  return { kind: 'chain', path, value: (node as Record<string, unknown>)[path[path.length - 1]!] };
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
