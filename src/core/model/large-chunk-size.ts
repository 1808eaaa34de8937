// Which chunks large-chunk.ts reads: apart from it, so that the Node extension loads markdown-it only for them.

/**
 * In a wide document, of more lines or characters than these, every chunk the fast reader leaves goes to markdown-it:
 * micromark costs some 25–40 µs a line and 100 µs a parse even where it is linear, so a document of many such chunks
 * (quotes, items and breaks in turn) took 5 s for 1 MB, and 2,000 long lines of items holding headings 0.5 s;
 * markdown-it reads them 10–25 times faster. Other documents stay with remark, which the model follows elsewhere: at
 * most some 80 ms of micromark. Post-mortems people write are a few hundred lines (the longest of the labelled
 * corpus: 327); the two parsers differ only on rare constructs (lazy lines after definitions, HTML in list items),
 * which VS Code's preview shows as markdown-it reads them.
 */
export const WIDE_DOCUMENT_LINES = 2000;
export const WIDE_DOCUMENT_CHARACTERS = 128 * 1024;

/** Whether a document of these lines (`body` their text, line endings included) is wide. */
export function isWideDocument(lines: readonly string[], body: string): boolean {
  return lines.length > WIDE_DOCUMENT_LINES || body.length > WIDE_DOCUMENT_CHARACTERS;
}

/**
 * Chunks of more lines than this that the fast reader does not read go to markdown-it; smaller ones to remark, whose
 * reading the model follows elsewhere. Large enough that the chunks of documents people write stay with remark, small
 * enough that micromark's super-linear time on a chunk is bounded by a constant.
 */
export const LARGE_CHUNK_LINES = 256;

/** Whether the chunk has more than LARGE_CHUNK_LINES lines (counted up to that bound). */
export function isLargeChunk(text: string): boolean {
  if (text.length <= LARGE_CHUNK_LINES) return false;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (++lines > LARGE_CHUNK_LINES) return true;
  // (Line endings of CR alone: counted apart, rarely.)
  if (text.includes('\r')) for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10 && ++lines > LARGE_CHUNK_LINES) return true;
  return false;
}
