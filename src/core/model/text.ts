// Text primitives shared by the core: positions in VS Code's terms (0-based lines, UTF-16 columns).

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export const BOM = '\uFEFF';

const NON_ASCII = /[\u0080-\uffff]/;

/** True when the text holds a character outside ASCII. */
export function hasNonAscii(text: string): boolean {
  return NON_ASCII.test(text);
}

/**
 * A Unicode-aware test with an ASCII twin, for patterns with Unicode property classes. On ASCII-only text \p{L} is
 * [A-Za-z], \p{Lu} is [A-Z] and \p{N} is [0-9], so the twin gives the same answer (a unit test checks every pair
 * over all of ASCII). The Unicode pattern is compiled only when some text needs it: each property class costs
 * 0.3–0.6 ms to compile on first use, and a handful of them were a tenth of the activation budget.
 */
export function asciiFirst(ascii: RegExp, unicode: () => RegExp): (text: string) => boolean {
  let compiled: RegExp | undefined;
  return (text) => (NON_ASCII.test(text) ? (compiled ??= unicode()).test(text) : ascii.test(text));
}

export interface SplitText {
  /** The text without a BOM. */
  readonly body: string;
  /** Lines without their line endings; a trailing line ending yields a final empty line, as in VS Code. */
  readonly lines: string[];
  /** Offset in body of each line's start, plus one final entry: body.length + 1 (as if a line ending followed). */
  readonly offsets: number[];
  /** The document's dominant line ending. */
  readonly eol: '\n' | '\r\n';
  /** True when the text started with a byte order mark; it is not part of lines[0]. */
  readonly hasBom: boolean;
  /** Line endings counted by kind (what `eol` is decided from). */
  readonly breaks: { readonly crlf: number; readonly other: number };
}

interface Region {
  readonly lines: string[];
  /** Absolute offsets in the body. */
  readonly offsets: number[];
  crlf: number;
  other: number;
}

/**
 * Splits body[from, to) on CRLF, LF or CR. With `toEnd`, the text after the last line ending is the final line (empty
 * when the text ends with one); otherwise the region must end right after a line ending, and undefined says it does not.
 */
function splitRegion(body: string, from: number, to: number, toEnd: boolean): Region | undefined {
  const region: Region = { lines: [], offsets: [], crlf: 0, other: 0 };
  let start = from;
  // The next LF and CR, found by native searches (a character loop runs interpreted while the extension starts).
  let lf = body.indexOf('\n', from);
  let cr = body.indexOf('\r', from);
  for (;;) {
    if (lf !== -1 && lf < start) lf = body.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = body.indexOf('\r', start);
    const at = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
    if (at === -1 || at >= to) break;
    region.lines.push(body.slice(start, at));
    region.offsets.push(start);
    if (at === cr && lf === at + 1) {
      region.crlf++;
      start = at + 2;
    } else {
      region.other++;
      start = at + 1;
    }
  }
  if (toEnd) {
    region.lines.push(body.slice(start, to));
    region.offsets.push(start);
  } else if (start !== to) return undefined;
  return region;
}

/** splitRegion of a whole body without CR: the native split (a slice and two pushes per line cost 190 ns a line). */
function splitLf(body: string): Region {
  const lines = body.split('\n');
  const offsets: number[] = [];
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    offsets.push(at);
    at += lines[i]!.length + 1;
  }
  return { lines, offsets, crlf: 0, other: lines.length - 1 };
}

/** The dominant line ending: CRLF when more lines end with it than with LF or CR. */
function dominantEol(breaks: { readonly crlf: number; readonly other: number }): '\n' | '\r\n' {
  return breaks.crlf > breaks.other ? '\r\n' : '\n';
}

/** Splits text into lines on CRLF, LF or CR, as VS Code does, and removes a leading BOM. */
export function splitLines(text: string): SplitText {
  const hasBom = text.startsWith(BOM);
  const body = hasBom ? text.slice(1) : text;
  const { lines, offsets, crlf, other } = body.includes('\r') ? splitRegion(body, 0, body.length, true)! : splitLf(body);
  offsets.push(body.length + 1);
  const breaks = { crlf, other };
  return { body, lines, offsets, eol: dominantEol(breaks), hasBom, breaks };
}

/** An edited text's split, made from the previous split: which lines are the previous text's, unchanged. */
export interface Splice {
  readonly split: SplitText;
  /** Lines before this one are the previous text's lines. */
  readonly firstChanged: number;
  /** From this line on, the lines are the previous text's lines from `oldAfter` on. */
  readonly newAfter: number;
  readonly oldAfter: number;
}

/** The same objects (or values) in the same order. */
export function sameItems<T>(a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Length of the common prefix of a and b; native comparisons of 4 KB blocks first. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + 4096 <= n && a.slice(i, i + 4096) === b.slice(i, i + 4096)) i += 4096;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of a and b, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let k = 0;
  while (k + 4096 <= max && a.slice(a.length - k - 4096, a.length - k) === b.slice(b.length - k - 4096, b.length - k)) k += 4096;
  while (k < max && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}

/** The line holding body offset `at` (the last line whose start is at or before it). */
export function lineAt(offsets: readonly number[], lineCount: number, at: number): number {
  let lo = 0;
  let hi = lineCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * splitLines(text), made from the split of the text before an edit: only the lines the edit touched are split
 * again; the others are the previous lines (and offsets, shifted). The edit is found by comparing the texts, so any
 * change (typing, undo, a multi-cursor edit, a reload from disk) takes this path. Undefined when a byte order mark
 * came or went; splitLines is then the way. A unit test checks the result against splitLines over random edits.
 */
/** At most this many new lines are spliced in as arguments of one call (more would strain the stack). */
const SPLICE_SPREAD = 1024;

export function spliceLines(prev: SplitText, text: string): Splice | undefined {
  const hasBom = text.startsWith(BOM);
  if (hasBom !== prev.hasBom) return undefined;
  const body = hasBom ? text.slice(1) : text;
  const old = prev.body;
  const lineCount = prev.lines.length;
  if (body === old) return { split: prev, firstChanged: lineCount, newAfter: lineCount, oldAfter: lineCount };
  const p = commonPrefix(old, body);
  const q = commonSuffix(old, body, Math.min(old.length, body.length) - p);
  let first = lineAt(prev.offsets, lineCount, p);
  // A line ending in a lone CR joins an LF inserted right after it: split again from the line before.
  if (first > 0 && old.charCodeAt(prev.offsets[first]! - 1) === 13) first--;
  const from = prev.offsets[first]!;
  const last = lineAt(prev.offsets, lineCount, old.length - q);
  const delta = body.length - old.length;
  const toEnd = last === lineCount - 1;
  const oldAfter = toEnd ? lineCount : last + 1;
  const oldTo = toEnd ? old.length : prev.offsets[oldAfter]!;
  const newTo = oldTo + delta;
  // The unchanged part must start a line in the new text too (never the LF of a CRLF whose CR is new).
  if (!toEnd && body.charCodeAt(newTo - 1) === 13 && body.charCodeAt(newTo) === 10) return undefined;
  const region = splitRegion(body, from, newTo, toEnd);
  if (!region) return undefined;
  // The line endings the replaced lines had, counted the same way (that region of the old text ends a line too).
  const removed = splitRegion(old, from, oldTo, toEnd)!;
  const breaks = { crlf: prev.breaks.crlf - removed.crlf + region.crlf, other: prev.breaks.other - removed.other + region.other };
  // One copy of each list, the edited lines spliced in, the offsets after them moved in place: slices, a concat
  // and a push per line were three copies and most of this function's time on 144,000 lines.
  const count = region.lines.length;
  let lines: string[];
  let offsets: number[];
  if (count <= SPLICE_SPREAD) {
    lines = prev.lines.slice();
    offsets = prev.offsets.slice();
    if (count === oldAfter - first) {
      for (let i = 0; i < count; i++) {
        lines[first + i] = region.lines[i]!;
        offsets[first + i] = region.offsets[i]!;
      }
    } else {
      lines.splice(first, oldAfter - first, ...region.lines);
      offsets.splice(first, oldAfter - first, ...region.offsets);
    }
  } else {
    // Many new lines (a paste): no spread of them as arguments.
    lines = prev.lines.slice(0, first).concat(region.lines, prev.lines.slice(oldAfter));
    offsets = prev.offsets.slice(0, first).concat(region.offsets, prev.offsets.slice(oldAfter));
  }
  if (delta !== 0) for (let i = first + count; i < offsets.length; i++) offsets[i] += delta;
  const split: SplitText = { body, lines, offsets, eol: dominantEol(breaks), hasBom, breaks };
  return { split, firstChanged: first, newAfter: first + region.lines.length, oldAfter };
}

/** A setext heading's underline (up to three spaces, then only "=" or only "-"). */
export const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** A thematic break without its indentation ("***", "- - -"): read by the chunk scan and the fast reader. */
export const THEMATIC_BREAK = /^([-*_])[ \t]*(?:\1[ \t]*){2,}$/;

export function isBlank(line: string): boolean {
  // A loop, not /^[ \t]*$/: asked of every line by the chunk scan and the timeline.
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** ASCII character classes by char code, as micromark names them: for the readers that follow its grammars. */
export const isAsciiAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isAsciiAlphanumeric = (c: number): boolean => isAsciiAlpha(c) || isAsciiDigit(c);
/** Space or tab: what micromark calls a markdown space inside a line. */
export const isSpaceOrTab = (c: number): boolean => c === 32 || c === 9;

/** White space as `\s` (and `trim`) reads it, for one character code: the one test for code that reads by char codes. */
export const isSpaceCode = (c: number): boolean =>
  (c >= 9 && c <= 13) || c === 32 || c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;

/** Number of columns of leading whitespace, with tabs to the next multiple of 4 (CommonMark). */
export function indentOf(line: string): number {
  let col = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  return col;
}

/**
 * `s` without its trailing characters that `ch` (a one-character class such as `/[\s,;]/`) matches. Linear: the
 * regex `s.replace(/[\s,;]+$/, '')` retries from every character of a long run and takes quadratic time.
 */
export function trimEndChars(s: string, ch: RegExp): string {
  let end = s.length;
  while (end > 0 && ch.test(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/** `s` without its leading characters that `ch` matches (see {@link trimEndChars}). */
export function trimStartChars(s: string, ch: RegExp): string {
  let start = 0;
  while (start < s.length && ch.test(s[start]!)) start++;
  return s.slice(start);
}

/**
 * `s` without every `open`…`close` run (HTML comments, tags), found with indexOf: linear, where `/<!--[\s\S]*?-->/g`
 * rescans the rest of the text from every unclosed `open`. An unclosed `open` and what follows it stay. Each run becomes
 * `replacement` (nothing by default).
 */
export function removeDelimited(s: string, open: string, close: string, replacement = ''): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = s.indexOf(open, from);
    if (start < 0) break;
    const end = s.indexOf(close, start + open.length);
    if (end < 0) break;
    out += s.slice(from, start) + replacement;
    from = end + close.length;
  }
  return out + s.slice(from);
}

/** A chunk's code lines as one byte per line (a Set of a long code block's lines cost more than reading them). */
export function codeMask(codeLines: readonly number[], length: number): Uint8Array | undefined {
  if (codeLines.length === 0) return undefined;
  const mask = new Uint8Array(length);
  for (const c of codeLines) if (c >= 0 && c < length) mask[c] = 1;
  return mask;
}

/**
 * `text` in at most `max` UTF-16 units, never cut inside a surrogate pair; when cut, `ellipsis` ends it (counted in
 * `max`). The one clipping rule for exports, reports and the catalogue.
 */
export function clipText(text: string, max: number, ellipsis = ''): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ellipsis.length);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + ellipsis;
}

/**
 * The first index in [0, count) at which `before` turns false, or `count`: a binary search over anything sorted
 * (`before` must be true for a prefix and false after it). The one search for line-ordered lists: items, rows,
 * entries, chunks, spans.
 */
export function firstIndex(count: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A line whose first character after up to three spaces is ">". */
export function quoteLed(line: string): boolean {
  let at = 0;
  while (at < 3 && line.charCodeAt(at) === 32) at++;
  return line.charCodeAt(at) === 62;
}
