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

export interface SplitText {
  /** Lines without their line endings; a trailing line ending yields a final empty line, as in VS Code. */
  readonly lines: string[];
  /** The document's dominant line ending. */
  readonly eol: '\n' | '\r\n';
  /** True when the text started with a byte order mark; it is not part of lines[0]. */
  readonly hasBom: boolean;
}

/** Splits text into lines on CRLF, LF or CR, as VS Code does, and removes a leading BOM. */
export function splitLines(text: string): SplitText {
  const hasBom = text.startsWith(BOM);
  const body = hasBom ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  const crlf = countOf(body, '\r\n');
  const lf = countOf(body, '\n') - crlf;
  return { lines, eol: crlf > lf ? '\r\n' : '\n', hasBom };
}

function countOf(text: string, needle: string): number {
  let n = 0;
  let i = text.indexOf(needle);
  while (i !== -1) {
    n++;
    i = text.indexOf(needle, i + needle.length);
  }
  return n;
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
