// Which chunks large-chunk.ts reads: apart from it, so that the Node extension loads markdown-it only for them.

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
