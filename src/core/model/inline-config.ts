// Inline configuration comments, the same in the editor and the CLI (applied in analyze.ts after the rules run):
//   <!-- postmortem-disable-next-line blameless-language -->   the next line
//   <!-- postmortem-disable-line blameless-language -->        this line (at the end of a line)
//   <!-- postmortem-disable section-order -->  …  <!-- postmortem-enable section-order -->
//   <!-- postmortem-disable-file missing-section -->           the whole file
// Without rule names a comment covers every rule. An unknown rule name is itself a finding (`inline-config`).
// Comments in fenced code and in the front matter do not count. One pass over the lines, linear in their length.
import { CODES } from '../findings';
import type { Finding } from '../findings';
import type { PostmortemModel } from './model';
import { range, type Range } from './text';
import type { TextInsert } from '../authoring/edits';

export const INLINE_CONFIG_CODE = 'inline-config';

type Kind = 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';

interface Directive {
  readonly kind: Kind;
  readonly line: number;
  /** Rule codes; empty means every rule. */
  readonly rules: readonly string[];
}

/**
 * The rule codes, as a set: a name looked up as an object's key is interned first (an entry in the engine's table of
 * strings for every distinct name: a comment of 140,000 unknown names spent most of its analysis there).
 */
const KNOWN_CODES: ReadonlySet<string> = new Set(Object.keys(CODES));

const KINDS: readonly Kind[] = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'];
const PREFIX = 'postmortem-';

/** Whether a line opens or closes a fence (``` or ~~~, at most three spaces in); returns the fence or undefined. */
function fenceOf(line: string): string | undefined {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const c = line[i];
  if (c !== '`' && c !== '~') return undefined;
  let j = i;
  while (line[j] === c) j++;
  return j - i >= 3 ? line.slice(i, j) : undefined;
}

export interface UnknownRuleName {
  readonly rule: string;
  readonly kind: string;
  readonly range: Range;
  /** How many names after it the comment gives that are no rule either, not reported each (see MAX_UNKNOWN_PER_COMMENT). */
  readonly more: number;
}

/** Unknown names reported one by one in a comment; the next one's finding counts those after it. */
export const MAX_UNKNOWN_PER_COMMENT = 8;

export interface Directives {
  readonly directives: readonly Directive[];
  /** Rule names the comments give that are no rule's code (the `inline-config` rule reports them). */
  readonly unknown: readonly UnknownRuleName[];
}

const cache = new WeakMap<PostmortemModel, Directives>();

/** The directives of a document, read once per model. */
export function readDirectives(model: PostmortemModel): Directives {
  let d = cache.get(model);
  if (!d) {
    d = scan(model);
    cache.set(model, d);
  }
  return d;
}

function scan(model: PostmortemModel): Directives {
  const directives: Directive[] = [];
  const unknown: UnknownRuleName[] = [];
  // A directive's line holds the prefix, and the chunks hold every line: a document none of whose chunks holds it
  // (nearly every one) has none, found by a native search per chunk instead of a read of every line for fences.
  const chunks = model.chunks;
  let any = chunks.length === 0;
  for (let c = 0; c < chunks.length && !any; c++) any = chunks[c]!.key.includes(PREFIX);
  if (!any) return { directives, unknown };
  const lines = model.lines;
  const fmEnd = model.frontMatter ? model.frontMatter.range.end.line : -1;
  let fence: string | undefined;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    const f = fenceOf(line);
    if (fence !== undefined) {
      if (f !== undefined && f[0] === fence[0] && f.length >= fence.length && line.trim() === f) fence = undefined;
      continue;
    }
    if (f !== undefined) {
      fence = f;
      continue;
    }
    if (l <= fmEnd) continue;
    let from = line.indexOf('<!--');
    while (from !== -1) {
      const close = line.indexOf('-->', from + 4);
      if (close === -1) break; // no comment closes on this line: nothing more to read here
      const inner = line.slice(from + 4, close);
      const trimmed = inner.trimStart();
      if (trimmed.startsWith(PREFIX)) {
        const rest = trimmed.slice(PREFIX.length);
        const kind = KINDS.find((k) => rest.startsWith(k) && (rest.length === k.length || /\s/.test(rest[k.length]!)));
        if (kind) {
          const list = rest.slice(kind.length);
          const listStart = from + 4 + (inner.length - trimmed.length) + PREFIX.length + kind.length;
          const rules: string[] = [];
          // Names separated by commas or spaces; each is checked against the known codes. An unknown name is
          // reported where a comment first gives it (a comment repeating one typo is one mistake), up to
          // MAX_UNKNOWN_PER_COMMENT names; the next one's finding counts the rest (a comment of 140,000 unknown names
          // made as many findings, 300 ms a keystroke).
          const reported: string[] = [];
          let more: { rule: string; at: number } | undefined;
          let moreCount = 0;
          const name = /[^\s,]+/g;
          for (let m = name.exec(list); m; m = name.exec(list)) {
            const code = m[0];
            if (KNOWN_CODES.has(code)) rules.push(code);
            else if (!reported.includes(code)) {
              if (reported.length < MAX_UNKNOWN_PER_COMMENT) {
                reported.push(code);
                const at = listStart + m.index;
                unknown.push({ rule: code, kind, range: range(l, at, l, at + code.length), more: 0 });
              } else if (more === undefined) more = { rule: code, at: listStart + m.index };
              else if (code !== more.rule) moreCount++;
            }
          }
          if (more) unknown.push({ rule: more.rule, kind, range: range(l, more.at, l, more.at + more.rule.length), more: moreCount });
          // A comment whose names are all unknown covers nothing (not every rule).
          const named = /[^\s,]/.test(list);
          if (!named || rules.length > 0) directives.push({ kind, line: l, rules });
        }
      }
      from = line.indexOf('<!--', close + 3);
    }
  }
  return { directives, unknown };
}

/** The findings that no directive covers, in their order. */
export function applyDirectives(findings: readonly Finding[], directives: readonly Directive[]): Finding[] {
  // The list as it is (runRules makes it for this call): a copy of 130,000 findings on every keystroke was garbage.
  if (directives.length === 0) return findings as Finding[];
  // Per line (and for the whole file): every rule, or a set of codes.
  const lineWide = new Map<number, Set<string> | 'all'>();
  let fileWide: Set<string> | 'all' = new Set();
  const add = (to: Set<string> | 'all', d: Directive): Set<string> | 'all' => {
    if (to === 'all' || d.rules.length === 0) return 'all';
    for (const r of d.rules) to.add(r);
    return to;
  };
  const covers = (set: Set<string> | 'all' | undefined, code: string): boolean => set !== undefined && (set === 'all' || set.has(code));
  for (const d of directives) {
    if (d.kind === 'disable-file') fileWide = add(fileWide, d);
    const line = d.kind === 'disable-next-line' ? d.line + 1 : d.kind === 'disable-line' ? d.line : undefined;
    if (line !== undefined) lineWide.set(line, add(lineWide.get(line) ?? new Set(), d));
  }
  const ranges = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  // Sweep the findings in line order over the disable/enable comments.
  const order = byLine(findings);
  const keep = new Array<boolean>(findings.length).fill(true);
  let all = false; // every rule disabled…
  const except = new Set<string>(); // …except these (when all), or
  const disabled = new Set<string>(); // these rules disabled (when not all)
  let next = 0;
  for (const i of order) {
    const f = findings[i]!;
    const line = f.range.start.line;
    while (next < ranges.length && ranges[next]!.line <= line) {
      const d = ranges[next++]!;
      if (d.kind === 'disable') {
        if (d.rules.length === 0) {
          all = true;
          except.clear();
          disabled.clear();
        } else if (all) for (const r of d.rules) except.delete(r);
        else for (const r of d.rules) disabled.add(r);
      } else if (d.rules.length === 0) {
        all = false;
        except.clear();
        disabled.clear();
      } else if (all) for (const r of d.rules) except.add(r);
      else for (const r of d.rules) disabled.delete(r);
    }
    const off =
      (all ? !except.has(f.code) : disabled.has(f.code)) ||
      covers(fileWide, f.code) ||
      covers(lineWide.get(line), f.code);
    if (off) keep[i] = false;
  }
  return findings.filter((_, i) => keep[i]);
}

/**
 * The findings' indices in line order, in report order within a line: a counting sort by line, linear (a sort with a
 * comparator of 130,000 findings, on every keystroke of a document with one directive, was most of the analysis).
 */
export function byLine(findings: readonly Finding[]): Int32Array {
  let last = 0;
  for (const f of findings) if (f.range.start.line > last) last = f.range.start.line;
  const starts = new Int32Array(last + 2);
  for (const f of findings) starts[f.range.start.line + 1]!++;
  for (let l = 1; l < starts.length; l++) starts[l]! += starts[l - 1]!;
  const order = new Int32Array(findings.length);
  for (let i = 0; i < findings.length; i++) order[starts[findings[i]!.range.start.line]!++] = i;
  return order;
}

/**
 * The insert that ignores one occurrence of `code` on `line` (the editor's "Ignore this occurrence"), or undefined where
 * no comment can go without changing the document's meaning: in the front matter, in fenced code, on a table row.
 * On a heading the comment goes on a line of its own above it (a comment at its end would become heading text);
 * anywhere else at the end of the line, where an inline comment renders as nothing.
 */
export function ignoreInsert(model: PostmortemModel, line: number, code: string): TextInsert | undefined {
  const text = model.lines[line];
  if (text === undefined) return undefined;
  if (model.frontMatter && line <= model.frontMatter.range.end.line) return undefined;
  let fence: string | undefined;
  for (let l = 0; l <= line; l++) {
    const f = fenceOf(model.lines[l]!);
    if (fence !== undefined) {
      if (l === line) return undefined;
      if (f !== undefined && f[0] === fence[0] && f.length >= fence.length && model.lines[l]!.trim() === f) fence = undefined;
    } else if (f !== undefined) {
      if (l === line) return undefined;
      fence = f;
    }
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith('|')) return undefined;
  const next = model.lines[line + 1] ?? '';
  const heading = /^ {0,3}#{1,6}(?:[ \t]|$)/.test(text) || (trimmed !== '' && /^ {0,3}(?:=+|-+)[ \t]*$/.test(next) && !/^ {0,3}[-*+][ \t]/.test(text));
  if (heading) {
    return { position: { line, character: 0 }, text: `<!-- postmortem-disable-next-line ${code} -->${model.eol}` };
  }
  return { position: { line, character: text.length }, text: `${text.trim() === '' ? '' : ' '}<!-- postmortem-disable-line ${code} -->` };
}
