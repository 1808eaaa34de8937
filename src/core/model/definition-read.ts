// A link reference definition read as micromark reads it (micromark-core-commonmark's definition, with the label,
// destination, title, space and whitespace factories), in one pass over its characters: what remark makes of it, as
// collectDefinitions in remark.ts gives it, without micromark (which took 70–140 µs a line of definitions, and is
// quadratic on some). parse.ts says which lines the definition's content runs over (top level or in a quote).
import { decodeString } from 'micromark-util-decode-string';
import { isSpaceOrTab } from './text';

/**
 * Line `k` (1 and on) of a definition's content after its first line, as the content reads it (container markers
 * taken off, indentation kept): null when the content ends before it (a blank line, the chunk's end, a line that
 * interrupts it); undefined when unsure, which sends the chunk to remark.
 */
export type ContentLine = (k: number) => string | null | undefined;

/** A definition: its source as collectDefinitions gives it, and how many lines it takes (the first included). */
export interface ReadDefinition {
  readonly source: string;
  readonly lines: number;
}

/** The most characters a label holds (micromark's limit: a 1,000th fails it). */
const LABEL_MAX = 999;

/**
 * The definition that starts at `first`'s "[" (index 0), its later lines given by `next`: the definition, '' when
 * surely none starts there (the content is a paragraph), or undefined when unsure. `eol` is the line ending between
 * the lines (a label or title over lines holds it), undefined when the chunk mixes them (then such a definition is
 * unsure). Reads each character once: labels are at most 999 characters, and nothing is read again.
 */
export function readDefinition(first: string, next: ContentLine, eol: string | undefined): ReadDefinition | '' | undefined {
  let row = 0;
  let line = first;
  // The label: up to 999 characters (a tab counts 1 to 4, as the columns it spans), not only spaces and tabs, no
  // unescaped bracket; it may run over lines.
  let k = 1;
  let from = 1;
  let size = 0;
  let tabs = 0;
  let seen = false;
  let label = '';
  for (;;) {
    if (k === line.length) {
      label += line.slice(from);
      const l = next(row + 1);
      if (l === undefined) return undefined;
      if (l === null) return '';
      if (eol === undefined) return undefined;
      label += eol;
      row++;
      line = l;
      k = 0;
      from = 0;
      continue;
    }
    const c = line.charCodeAt(k);
    if (c === 93 /* ] */) break;
    if (c === 91 /* [ */ || size >= LABEL_MAX + 1) return '';
    size++;
    if (c === 9) tabs++;
    else if (c !== 32) seen = true;
    if (c === 92 /* \ */) {
      const d = line.charCodeAt(k + 1);
      if (d === 91 || d === 92 || d === 93) {
        size++;
        k += 2;
        continue;
      }
    }
    k++;
  }
  if (!seen || size > LABEL_MAX) return '';
  // A tab is 1 to 4 characters to micromark (it counts the columns it spans): unsure only at the limit.
  if (size + 3 * tabs > LABEL_MAX) return undefined;
  label += line.slice(from, k);
  k++;
  if (line.charCodeAt(k) !== 58 /* : */) return '';
  k++;
  // White space, at most one line ending in it (a blank line ends the content), then the destination.
  k = skipSpace(line, k);
  if (k === line.length) {
    const l = next(row + 1);
    if (l === undefined) return undefined;
    if (l === null) return '';
    row++;
    line = l;
    k = skipSpace(line, 0);
  }
  let url: string;
  if (line.charCodeAt(k) === 60 /* < */) {
    // In angle brackets: no line ending, no unescaped "<".
    const start = ++k;
    for (;;) {
      if (k === line.length) return '';
      const c = line.charCodeAt(k);
      if (c === 62 /* > */) break;
      if (c === 60) return '';
      if (c === 92) {
        const d = line.charCodeAt(k + 1);
        if (d === 60 || d === 62 || d === 92) {
          k += 2;
          continue;
        }
      }
      k++;
    }
    url = line.slice(start, k);
    k++;
  } else {
    // Plain: no space or control character, parentheses balanced (micromark sets no depth limit for definitions);
    // ends at white space, the line's end or a ")" that closes nothing.
    const start = k;
    let balance = 0;
    for (;;) {
      if (k === line.length) {
        if (balance > 0) return '';
        break;
      }
      const c = line.charCodeAt(k);
      if (balance === 0 && (c === 41 /* ) */ || c === 32 || c === 9)) break;
      if (c === 40 /* ( */) balance++;
      else if (c === 41) balance--;
      else if (control(c) || c === 32) return '';
      else if (c === 92) {
        const d = line.charCodeAt(k + 1);
        if (d === 40 || d === 41 || d === 92) k++;
      }
      k++;
    }
    if (k === start) return '';
    url = line.slice(start, k);
  }
  const destination = decode(url);
  const source = `[${decode(label)}]: <${destination.includes('<') || destination.includes('>') ? destination.replace(/[<>]/g, encodeURIComponent) : destination}>`;
  const destRow = row;
  const destEnd = k;
  // A title, after white space (a line ending in it included): tried, and left if it fails.
  const title = readTitle(line, k, row, next, eol);
  if (title === undefined) return undefined;
  if (title !== null) return { source: title.text === '' ? source : `${source} "${escapeTitle(title.text)}"`, lines: title.row + 1 };
  // No title: only spaces and tabs after the destination on its line.
  return skipSpace(line, destEnd) === line.length ? { source, lines: destRow + 1 } : '';
}

/**
 * The title that follows a destination ending at `k` on line `row` (`line`), and the row it closes on; null when there
 * is none (the definition ends with its destination), undefined when unsure.
 */
function readTitle(line: string, k: number, row: number, next: ContentLine, eol: string | undefined): { text: string; row: number } | null | undefined {
  if (k < line.length && !isSpaceOrTab(line.charCodeAt(k))) return null;
  k = skipSpace(line, k);
  if (k === line.length) {
    const l = next(row + 1);
    if (l === null) return null;
    if (l === undefined) return undefined;
    row++;
    line = l;
    k = skipSpace(line, 0);
  }
  const open = line.charCodeAt(k);
  const close = open === 34 /* " */ || open === 39 /* ' */ ? open : open === 40 /* ( */ ? 41 : -1;
  if (close === -1) return null;
  k++;
  let text = '';
  let from = k;
  for (;;) {
    if (k === line.length) {
      // The title goes on on the next line, its leading white space left out.
      text += line.slice(from);
      const l = next(row + 1);
      if (l === null) return null;
      if (l === undefined || eol === undefined) return undefined;
      text += eol;
      row++;
      line = l;
      k = skipSpace(line, 0);
      from = k;
      continue;
    }
    const c = line.charCodeAt(k);
    if (c === close) break;
    if (c === 92) {
      const d = line.charCodeAt(k + 1);
      if (d === close || d === 92) {
        k += 2;
        continue;
      }
    }
    k++;
  }
  text += line.slice(from, k);
  // Only spaces and tabs after it on its line.
  if (skipSpace(line, k + 1) !== line.length) return null;
  return { text: decode(text), row };
}

/** A title as collectDefinitions writes it: quotes and backslashes escaped. */
function escapeTitle(title: string): string {
  return title.includes('"') || title.includes('\\') ? title.replace(/["\\]/g, '\\$&') : title;
}

function skipSpace(line: string, k: number): number {
  while (isSpaceOrTab(line.charCodeAt(k))) k++;
  return k;
}

/** An ASCII control character other than NUL, which micromark reads as U+FFFD. */
function control(c: number): boolean {
  return (c < 32 && c !== 0) || c === 127;
}

/** A label, destination or title as remark gives it: NUL as U+FFFD, character escapes and references decoded. */
function decode(raw: string): string {
  const text = raw.includes('\u0000') ? raw.replaceAll('\u0000', '\ufffd') : raw;
  return text.includes('\\') || text.includes('&') ? decodeString(text) : text;
}

/**
 * Where the link reference definitions that lines `from` to `to` - 1 start with end (each led by "[" after up to three
 * spaces, read by readDefinition, a line ending between lines, lines past `to` never read): the first line of what
 * follows them, `to` when they are all definitions, `from` when none; undefined when one is unsure.
 */
export function leadingDefinitionsEnd(lines: readonly string[], from: number, to: number): number | undefined {
  let p = from;
  while (p < to) {
    const line = lines[p] ?? '';
    let at = 0;
    while (at < 3 && line.charCodeAt(at) === 32) at++;
    if (line.charCodeAt(at) !== 91 /* [ */) break;
    const start = p;
    const read = readDefinition(at === 0 ? line : line.slice(at), (k) => (start + k < to ? (lines[start + k] ?? null) : null), '\n');
    if (read === undefined) return undefined;
    if (read === '') break;
    p += read.lines;
  }
  return p;
}
