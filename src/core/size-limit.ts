// How large a document is checked. Analysis is linear in the text, but what it keeps is not small: a model holds
// every heading, section, item and line (about 40 bytes per byte of ordinary prose, and up to 270 bytes per byte for a
// text of nothing but "#" lines: 524,000 sections a megabyte). A file of tens of megabytes, opened in an editor whose
// extensions share one process and one heap, would freeze it for seconds and could exhaust its memory, taking every
// other extension down with it. Above these bounds a document is not checked, and says so (VS Code itself stops
// highlighting at 20 MB and stops handing files to extensions at 50 MB). Pure: the editor and the CLI share it.
import type { Finding } from './findings';

/** Characters (UTF-16 code units, as the editor counts them) of the largest document checked: 8 MiB. */
export const MAX_CHECKED_CHARS = 8 * 1024 * 1024;
/** Lines of the largest document checked: 1.5 million (a megabyte of empty lines is 1,048,576). */
export const MAX_CHECKED_LINES = 1_500_000;

/** The code of the one finding a post-mortem too large to check gets. */
export const TOO_LARGE = 'too-large';

/** How large a document over the bounds is, or undefined for one within them. Linear; stops counting at the bound. */
export function oversize(text: string): { chars: number; lines: number | undefined } | undefined {
  if (text.length > MAX_CHECKED_CHARS) return { chars: text.length, lines: undefined };
  if (text.length < MAX_CHECKED_LINES) return undefined; // no more lines than characters, plus one
  // Lines end at "\n", "\r\n" or a lone "\r", as the model splits them.
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++lines > MAX_CHECKED_LINES) return { chars: text.length, lines: countLines(text) };
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10 && ++lines > MAX_CHECKED_LINES) return { chars: text.length, lines: countLines(text) };
  }
  return undefined;
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}

const megabytes = (chars: number): string => `${(chars / (1024 * 1024)).toFixed(1)} MB`;

/** What a post-mortem over the bounds is told, in one sentence or two. */
export function oversizeMessage(size: { chars: number; lines: number | undefined }): string {
  const what = size.lines === undefined ? `${megabytes(size.chars)} (the limit is ${megabytes(MAX_CHECKED_CHARS)})` : `${size.lines.toLocaleString('en-US')} lines (the limit is ${MAX_CHECKED_LINES.toLocaleString('en-US')})`;
  return `This document is too large to check: ${what}. Post-mortem checks stop there, so that one file cannot freeze the editor or exhaust its memory; split it to have it checked.`;
}

/** The one finding of a post-mortem too large to check, on its first line. */
export function oversizeFinding(size: { chars: number; lines: number | undefined }): Finding {
  return {
    code: TOO_LARGE,
    message: oversizeMessage(size),
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'warning',
    data: { chars: size.chars, ...(size.lines !== undefined ? { lines: size.lines } : {}) },
  };
}
