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
}

/** Splits text into lines on CRLF, LF or CR, as VS Code does, and removes a leading BOM. */
export function splitLines(text: string): SplitText {
  const hasBom = text.startsWith(BOM);
  const body = hasBom ? text.slice(1) : text;
  const lines: string[] = [];
  const offsets: number[] = [];
  let crlf = 0;
  let other = 0;
  let start = 0;
  const n = body.length;
  for (let i = 0; i < n; i++) {
    const c = body.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push(body.slice(start, i));
    offsets.push(start);
    if (c === 13 && body.charCodeAt(i + 1) === 10) {
      crlf++;
      i++;
    } else other++;
    start = i + 1;
  }
  lines.push(body.slice(start));
  offsets.push(start, n + 1);
  return { body, lines, offsets, eol: crlf > other ? '\r\n' : '\n', hasBom };
}

export function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

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
