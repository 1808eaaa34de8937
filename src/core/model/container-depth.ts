// Container depth and indentation capped before a parser reads a chunk (remark.ts, large-chunk.ts).

/**
 * Containers deeper than this are read as text: micromark's time grows faster than the input with container depth
 * (a 8 KB line of "- - - … x" took 15 s, a staircase of block quotes 500 deep took 15 s for 1.8 MB). Nothing at that
 * depth matters to the model, which reads top-level blocks. markdown-it caps nesting the same way (maxNesting).
 */
export const MAX_CONTAINER_DEPTH = 32;
/**
 * Leading whitespace beyond this many characters is cut to it: nesting by indentation ("- x", "  - x", "    - x", …)
 * is as costly to micromark as nesting by markers, and 64 columns hold 32 levels of bullets.
 */
export const MAX_INDENT = 64;

/**
 * The text with the container markers ("> ", "- ", "1. ") of every line beyond MAX_CONTAINER_DEPTH removed, and
 * leading whitespace cut to MAX_INDENT (the rest of the line is kept, so line numbers are unchanged). Linear: each
 * line's leading markers are read once.
 */
export function capContainerDepth(text: string): string {
  if (text.length < MAX_INDENT) return text;
  let out: string[] | undefined;
  let lineStart = 0;
  let copied = 0;
  // The next LF and CR at or after a position, remembered: searching for a CR the text does not hold, from every
  // line, read the rest of the text each time.
  let lf = -2;
  let cr = -2;
  const nextLineBreak = (from: number): number => {
    if (lf !== -1 && lf < from) lf = text.indexOf('\n', from);
    if (cr !== -1 && cr < from) cr = text.indexOf('\r', from);
    return cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
  };
  while (lineStart <= text.length) {
    let i = lineStart;
    let depth = 0;
    let cut = -1;
    let w = lineStart;
    while (text.charCodeAt(w) === 32 || text.charCodeAt(w) === 9) w++;
    if (w - lineStart > MAX_INDENT) {
      // Deeper indentation than any container this deep can ask for: the line keeps MAX_INDENT columns of it.
      (out ??= []).push(text.slice(copied, lineStart), ' '.repeat(MAX_INDENT));
      copied = w;
      i = w;
    } else for (;;) {
      let j = i;
      while (j - i < 3 && text.charCodeAt(j) === 32) j++;
      const c = text.charCodeAt(j);
      let next = -1;
      if (c === 62 /* > */) next = j + 1;
      else if ((c === 45 || c === 43 || c === 42) && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) next = j + 1;
      else if (c >= 48 && c <= 57) {
        let k = j;
        while (k - j < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
        const d = text.charCodeAt(k);
        if ((d === 46 || d === 41) && (text.charCodeAt(k + 1) === 32 || text.charCodeAt(k + 1) === 9)) next = k + 1;
      }
      if (next === -1) break;
      if (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9) next++;
      depth++;
      if (depth === MAX_CONTAINER_DEPTH) cut = next;
      i = next;
    }
    if (depth > MAX_CONTAINER_DEPTH) {
      (out ??= []).push(text.slice(copied, cut));
      copied = i;
    }
    const nl = nextLineBreak(i);
    if (nl === -1) break;
    lineStart = nl + (text.charCodeAt(nl) === 13 && text.charCodeAt(nl + 1) === 10 ? 2 : 1);
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join('');
}
