// Reads one chunk and keeps only what the model needs, in chunk-relative lines, so that the result can be cached by
// the chunk's text and reused wherever the chunk moves. The usual chunks are read here; the rest go to remark
// (remark.ts), or to markdown-it when large or in a wide document (large-chunk.ts).
import { definedIn, definitionsByLabel, definitionsUsed, escapesAndReferences, htmlHeadings, inlineText, INLINE_SYNTAX, INLINE_SYNTAX_BUT_BRACKETS, isJsSpace, MAX_INLINE_HEADING, shortcutReferences } from './heading-text';
import { HTML_END_MARKERS, HTML_OPENER_LENGTH, htmlFlowStart } from './html-start';
import { readDefinition, type ContentLine } from './definition-read';
import { remarkParseChunk } from './remark';
import { largeChunkParse } from './large-chunk';
import { isLargeChunk } from './large-chunk-size';
import { indentOf, isBlank, isSpaceOrTab, quoteLed, THEMATIC_BREAK } from './text';
import type { ChunkData, RawHeading, RawItem } from './chunk';

// The chunk types live in chunk.ts (remark.ts and heading-text.ts use them too); exported here as before.
export type { HeadingKind, RawHeading, RawItem, ChunkData } from './chunk';


/**
 * Whether the chunk being read is of a wide document (see parseChunk): set while parseChunk and readPiece read (see
 * readingWide), so that the one reader inside the fast reader that parses in full (listAfterBlock's) leaves a wide
 * document's chunk to the chunk's full parse.
 */
let wideReads = false;

/** `read()`, with wideReads saying `wide` while it runs. */
function readingWide<T>(wide: boolean, read: () => T): T {
  const was = wideReads;
  wideReads = wide;
  try {
    return read();
  } finally {
    wideReads = was;
  }
}

/**
 * Reads one chunk. Every call returns a new object: results of line-local rules are kept per chunk data object.
 * `wide`: the chunk is of a wide document (isWideDocument), whose chunks the fast reader leaves are read by
 * markdown-it.
 */
export function parseChunk(text: string, frontMatter: boolean, wide = false): ChunkData {
  if (frontMatter) return fastParse(text, true) ?? remarkParseChunk(text, true);
  return readingWide(wide, () => fastParse(text, false)) ?? fullParse(text, wide);
}

/** A chunk the fast reader leaves, read by a full parser: markdown-it in a wide document or for a large chunk, else remark. */
export function fullParse(text: string, wide: boolean): ChunkData {
  return wide || isLargeChunk(text) ? largeChunkParse(text) : remarkParseChunk(text, false);
}

/** A line of nothing but spaces and tabs: one object, not a literal made again per chunk (a new RegExp each time). */
const SPACES_ONLY = /^[ \t]*$/;

const EMPTY: ChunkData = { headings: [], items: [], rows: [], codeLines: [], definitions: [], openAtEnd: false, openFrom: -1, frontMatter: undefined, lineResults: undefined, signals: undefined };
/**
 * A line that can only start or continue a paragraph, never open another block or end one: it starts with a letter
 * or digit (not an ordered-list marker), a quote or parenthesis, any character outside ASCII (emoji such as ✅
 * included: no block starts with one), `!`, `\\`, `&`, or emphasis (`**Impact:**`, `_note_`) that cannot be a list
 * marker or thematic break because a non-space follows the run of `*` and `_`; `=` (a setext underline only under a
 * paragraph line, so not at a paragraph's start: CONTINUATION_LINE leaves it out); or `#` that is no ATX heading: a run
 * of `#` followed by anything but a space, tab or `#` (`#incident-42`, `##` and a no-break space), or more than six.
 */
export const PARAGRAPH_LINE = /^(?:(?!\d{1,9}[.)](?:[ \t]|$))[A-Z0-9"'(!\\&=\u0080-\uffff]|[*_]+[^\s*_]|#{1,6}[^# \t]|#{7})/i;
/**
 * A line that continues a paragraph already open: also a link (`[text](…)`) or code span at its start, since link
 * reference definitions cannot interrupt a paragraph, and a single or double backtick is not a fence.
 */
export const CONTINUATION_LINE = /^(?:(?!\d{1,9}[.)](?:[ \t]|$))[A-Z0-9"'(!\\&\u0080-\uffff[]|[*_]+[^\s*_]|#{1,6}[^# \t]|#{7}|`(?!``))/i;
/** A fence's opening line: up to 3 spaces (a fence left open after an indented one is cut there: see model.ts). */
const FENCE_LINE = /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))(.*)$/;

/**
 * Most chunks of a post-mortem are a heading line, a paragraph, one list item, a table row run or a fenced block.
 * Those are read here without remark; everything else (and anything unusual inside these) goes to remark.
 * A unit test checks that this path says what remarkParseChunk says, chunk by chunk.
 */
export function fastParse(text: string, frontMatter: boolean): ChunkData | undefined {
  return readChunk(text, frontMatter) ?? (frontMatter ? undefined : nestedLazy(text) ?? containerRun(text) ?? listAfterBlock(text) ?? itemsAfterCode(text));
}

/**
 * Indented code, or a link reference definition alone on the chunk's first line, then list items that cannot
 * interrupt a paragraph (lone markers, "2. x"): micromark reads them as a paragraph (as if the block above could still
 * take the line), unlike CommonMark. A line of "-" under it makes it a setext heading; what follows that starts afresh.
 * (Lone markers after code went to micromark: 60 µs a line.)
 */
function itemsAfterCode(text: string): ChunkData | undefined {
  const cr = text.includes('\r');
  const lines = cr ? text.split(/\r\n|\r|\n/) : text.split('\n');
  let n = lines.length;
  while (n > 0 && SPACES_ONLY.test(lines[n - 1]!)) n--;
  // The block's last line (j - 1) and the paragraph's first (j).
  let j = 1;
  const definitionFirst = lines[0]!.charCodeAt(0) === 91;
  if (!definitionFirst) {
    if (indentOf(lines[0]!) < 4) return undefined;
    while (j < n && indentOf(lines[j]!) >= 4) j++;
  }
  if (j >= n || !paragraphItem(lines[j]!)) return undefined;
  const head = definitionFirst ? oneLine(lines[0]!) : indentedCode(lines.slice(0, j), j);
  if (!head || head.definitions.length !== (definitionFirst ? 1 : 0)) return undefined;
  let i = j + 1;
  // The paragraph's next lines: more markers, and any line that starts no block there (text, rows, indented lines).
  // (After code, "-" then ")x" or a tab-led line, over and over, was one chunk read by micromark.)
  let rows: number[] | undefined;
  while (i < n && (indentOf(lines[i]!) > 3 || !SETEXT_SHAPE.test(lines[i]!.trimStart())) && (paragraphItem(lines[i]!) || continuesParagraph(lines[i]!))) {
    if (lines[i]!.charCodeAt(0) === 124) (rows ??= []).push(i);
    i++;
  }
  if (i === n) return rows ? { ...head, rows } : { ...head, codeLines: head.codeLines };
  if (!SETEXT_SHAPE.test(lines[i]!.trimStart()) || indentOf(lines[i]!) > 3) {
    // A line that starts a block ends the paragraph: what follows is read alone, below it.
    return startsBlock(lines[i]!) ? withTail(text, lines, i, { ...head, rows: rows ?? EMPTY.rows }) : undefined;
  }
  if (rows) return undefined;
  // A setext underline: the paragraph is a heading (after a definition, remark starts it at the definition: left to it).
  // (Its lines keep their endings in the text: those of a chunk with a CR are not known here.)
  // After a definition, remark starts the heading at the definition, unless it is one line of "-" (then at that line):
  // the others are left to it.
  if ((definitionFirst && (i - j > 1 || !SETEXT_SHAPE.test(lines[j]!.trimStart()))) || (cr && i - j > 1)) return undefined;
  const texts: string[] = [];
  for (let k = j; k < i; k++) {
    const line = lines[k]!.trimStart();
    if (line.trimEnd() !== line || (loneMarker(line) === 0 && INLINE_SYNTAX.test(line))) return undefined;
    texts.push(line);
  }
  const heading: RawHeading = { depth: lines[i]!.trimStart().charCodeAt(0) === 61 ? 1 : 2, text: texts.join('\n'), kind: 'setext', line: j, character: lines[j]!.length - lines[j]!.trimStart().length, endLine: i, endCharacter: lines[i]!.length };
  const withHeading = chunkData([heading], EMPTY.rows, head.definitions, head.codeLines);
  return i + 1 === n ? withHeading : withTail(text, lines, i + 1, withHeading);
}

/** How many tails withTail reads inside one another (a chunk the scan left whole holds few: it cuts after such blocks). */
const MAX_TAILS = 4;
let tailDepth = 0;

/**
 * `head`, what lines 0 to k - 1 of a chunk say, then lines k on, after a block that closed above them (a fence, a
 * paragraph ended by a line that starts a block, a setext heading): they start afresh at the top level, so read alone
 * they say what they say in the chunk, shifted below the head. Undefined when they need remark, or when a definition
 * in one part may name a label in a heading of the other (each part was read alone).
 */
function withTail(text: string, lines: readonly string[], k: number, head: ChunkData, at = -1): ChunkData | undefined {
  // Each tail is read by fastParse, which may find a tail in it in turn: past a few, the chunk goes to remark (no
  // stack that follows the input, and each tail's copy of the text stays a bounded number of copies).
  if (tailDepth >= MAX_TAILS) return undefined;
  if (at < 0) {
    at = 0; // where line k starts in the text
    for (let l = 0; l < k; l++) at += lineWithEnding(text, at, lines[l]!.length);
  }
  return joinTail(head, readTail(text.slice(at)), k, text.indexOf('[', at) !== -1);
}

/** The fast reader's data of a chunk's tail (see withTail), read one level deeper. */
function readTail(text: string): ChunkData | undefined {
  if (tailDepth >= MAX_TAILS) return undefined;
  tailDepth++;
  try {
    return fastParse(text, false);
  } finally {
    tailDepth--;
  }
}

/**
 * `head`, then `tail` read alone from line k (see withTail); `brackets`: whether the tail's text holds a "[". Undefined
 * when the tail is, or when a definition in one part may name a label in a heading of the other.
 */
function joinTail(head: ChunkData, tail: ChunkData | undefined, k: number, brackets: boolean): ChunkData | undefined {
  if (!tail || (tail.definitions.length > 0 && head.headings.length > 0) || (head.definitions.length > 0 && brackets)) return undefined;
  return {
    ...EMPTY,
    headings: tail.headings.length === 0 ? head.headings : [...head.headings, ...tail.headings.map((h) => ({ ...h, line: h.line + k, endLine: h.endLine + k }))],
    items: tail.items.length === 0 ? head.items : head.items.concat(tail.items.map((item) => ({ line: item.line + k, endLine: item.endLine + k }))),
    rows: tail.rows.length === 0 ? head.rows : shiftedAfter(head.rows, tail.rows, k),
    codeLines: tail.codeLines.length === 0 ? head.codeLines : shiftedAfter(head.codeLines, tail.codeLines, k),
    definitions: tail.definitions.length === 0 ? head.definitions : [...head.definitions, ...tail.definitions],
    openAtEnd: tail.openAtEnd,
    openFrom: tail.openFrom >= 0 ? tail.openFrom + k : -1,
  };
}

/**
 * `head`, then each line number of `tail` plus `k`, in a new array made at its size (a spread of 100,000 line numbers
 * took 40 ms, pushes 10 ms).
 */
function shiftedAfter(head: readonly number[], tail: readonly number[], k: number): number[] {
  const out = new Array<number>(head.length + tail.length).fill(0);
  for (let i = 0; i < head.length; i++) out[i] = head[i]!;
  for (let i = 0, h = head.length; i < tail.length; i++) out[h + i] = tail[i]! + k;
  return out;
}

/**
 * A line (its indentation included) that goes on with a paragraph at the top level whose first line was read: one
 * that starts no block there, or is indented by four columns or more (a lazy line, never code under a paragraph).
 */
function continuesParagraph(line: string): boolean {
  if (isBlank(line)) return false;
  return indentOf(line) > 3 || topParagraphNext(line);
}

/**
 * A line, up to three spaces indented, that surely ends a paragraph at the top level and starts a block: an ATX
 * heading, a fence, a block quote, a thematic break, an HTML block that may interrupt a paragraph (kinds 1–6), or a list
 * item that may.
 */
function startsBlock(line: string): boolean {
  if (indentOf(line) > 3 || isBlank(line)) return false;
  const rest = line.trimStart();
  const c = rest.charCodeAt(0);
  if (c === 62) return true;
  if (c === 35) return ATX_START.test(rest);
  if (c === 60) { const kind = htmlFlowStart(rest); return kind >= 1 && kind <= 6; }
  return FENCE_LINE.test(rest) || THEMATIC_BREAK.test(rest) || INTERRUPTING_ITEM.test(rest);
}

/**
 * A list item (up to three spaces before it) that cannot interrupt a paragraph, read as a paragraph's first line
 * after indented code or a definition: a lone marker, or an ordered item numbered other than 1.
 */
function paragraphItem(line: string): boolean {
  let indent = 0;
  while (indent < 4 && line.charCodeAt(indent) === 32) indent++;
  if (indent > 3) return false;
  const rest = indent === 0 ? line : line.slice(indent);
  return loneMarker(rest) !== 0 || (rest.charCodeAt(0) !== 49 && rest.charCodeAt(0) >= 48 && rest.charCodeAt(0) <= 57 && ORDERED_MARKER.test(rest)) || (rest.charCodeAt(0) === 49 && cannotInterrupt(rest));
}

/**
 * A chunk whose list starts right after a block that the list's first item ends: a heading (ATX or setext), a
 * thematic break or a block quote line, then a list item (an empty one too: "# h", then lines of "*" or "2."). What is
 * above the item and the list from it on are read apart, as chunks of their own: nothing above is open where the list
 * starts (no paragraph, so neither a lazy line nor a setext underline). Lists of lone markers after a heading or quote
 * went to micromark: 60 µs an item.
 */
function listAfterBlock(text: string): ChunkData | undefined {
  // A definition anywhere in the chunk may resolve a reference in a heading of the other part.
  if (text.includes(']:')) return undefined;
  const cr = text.includes('\r');
  const lines = cr ? text.split(/\r\n|\r|\n/) : text.split('\n');
  let j = 1;
  for (; j < lines.length; j++) {
    const line = lines[j]!;
    let indent = 0;
    while (indent < 4 && line.charCodeAt(indent) === 32) indent++;
    if (indent > 3) continue;
    const rest = indent === 0 ? line : line.slice(indent);
    if ((loneMarker(rest) !== 0 || itemStartOf(rest, indent) !== undefined) && endsBlock(lines[j - 1]!)) break;
  }
  if (j >= lines.length) return undefined;
  let at = 0; // where line j starts
  for (let k = 0; k < j; k++) at += lineWithEnding(text, at, lines[k]!.length);
  // What is above, read by remark when it is short and the fast reader leaves it (a setext heading of table rows). In
  // a wide document, the whole chunk is read by markdown-it instead (as fast as the head alone).
  const above = text.slice(0, at - (text.charCodeAt(at - 2) === 13 && text.charCodeAt(at - 1) === 10 ? 2 : 1));
  const head = readChunk(above, false) ?? (above.length <= SHORT_HEAD && !wideReads ? remarkParseChunk(above, false) : undefined);
  if (!head || head.openAtEnd || head.codeLines.includes(j - 1) || head.items.length !== 0) return undefined;
  // A line of "=" or "-" there must be a heading's underline (a thematic break "---" ends the block anyway).
  const last = lines[j - 1]!.trimStart();
  if (SETEXT_SHAPE.test(last) && !THEMATIC_BREAK.test(last) && !head.headings.some((h) => h.kind === 'setext' && h.endLine === j - 1)) return undefined;
  const tail = readChunk(text.slice(at), false);
  if (!tail || tail.openFrom >= 0) return undefined;
  const shift = (k: number): number => k + j;
  return {
    ...EMPTY,
    headings: [...head.headings, ...tail.headings.map((h) => ({ ...h, line: h.line + j, endLine: h.endLine + j }))],
    items: tail.items.map((item) => ({ line: item.line + j, endLine: item.endLine + j })),
    rows: [...head.rows, ...tail.rows.map(shift)],
    codeLines: [...head.codeLines, ...tail.codeLines.map(shift)],
    definitions: [...head.definitions, ...tail.definitions],
    openAtEnd: tail.openAtEnd,
  };
}

/** The longest text above a list that listAfterBlock has remark read. */
const SHORT_HEAD = 512;

/**
 * A line (up to three spaces, then an ATX heading, a setext underline, a thematic break or a block quote's marker)
 * after which a list item starts a list: no paragraph is open after it at the top level.
 */
function endsBlock(line: string): boolean {
  let indent = 0;
  while (indent < 4 && line.charCodeAt(indent) === 32) indent++;
  if (indent > 3) return false;
  const rest = indent === 0 ? line : line.slice(indent);
  const c = rest.charCodeAt(0);
  return c === 62 /* > */ || (c === 35 && ATX_START.test(rest)) || SETEXT_SHAPE.test(rest) || THEMATIC_BREAK.test(rest);
}

/** A list item's ordered marker and the one space after it. */
const ORDERED_SPACE = /^\d{1,9}[.)] /;

/**
 * A first line of nested containers, a list item among them (`> - x`, `- > x`, `> 1. x`, `- - x`: one space after
 * each marker), whose innermost content starts a paragraph, then only lazy lines of that paragraph (lines that start
 * no block, as listItem takes them; no blank line, no CR): micromark's time is quadratic in lazy lines (1.3–2 s for
 * 16 KB after `> - x`). That paragraph is no top-level one (no rows), lazy lines are never headings or definitions,
 * so the chunk holds nothing but, when the outermost container is a list item, that item over all its lines.
 */
function nestedLazy(text: string): ChunkData | undefined {
  if (text.includes('\r')) return undefined;
  // The first line is read before the chunk is split (most chunks left to remark are no such head).
  const firstEnd = text.indexOf('\n');
  const first = firstEnd === -1 ? text : text.slice(0, firstEnd);
  if (first.includes('|') || first.includes('\t')) return undefined;
  let at = 0;
  let markers = 0;
  let items = 0;
  let quotes = 0;
  let outerItem = false;
  for (;;) {
    const c = first.charCodeAt(at);
    let item = false;
    if (c === 62 /* > */) {
      at += first.charCodeAt(at + 1) === 32 ? 2 : 1;
      quotes++;
    } else if ((c === 45 || c === 42 || c === 43) /* - * + */ && first.charCodeAt(at + 1) === 32) {
      at += 2;
      item = true;
    } else {
      const ordered = ORDERED_SPACE.exec(first.slice(at, at + 12));
      if (!ordered) break;
      at += ordered[0].length;
      item = true;
    }
    if (item && markers === 0) outerItem = true;
    if (item) items++;
    markers++;
  }
  if (markers < 2 || items === 0 || !PARAGRAPH_LINE.test(first.slice(at))) return undefined;
  const lines = text.split('\n');
  let n = lines.length;
  while (n > 0 && SPACES_ONLY.test(lines[n - 1]!)) n--;
  // Lines without ">" are lazy after a quote; else left of the innermost content (one space after each marker).
  const lazyBefore = quotes > 0 ? Infinity : at;
  for (let i = 1; i < n; i++) if (!nestedParagraphLine(lines[i]!, lazyBefore)) return undefined;
  return outerItem ? itemData(n) : chunkData(EMPTY.headings, EMPTY.rows, EMPTY.definitions);
}

/**
 * A line that goes on with the open paragraph of nestedLazy's head wherever it falls (lazy or inside some of the
 * containers): after its spaces and tabs, it can start no block (as listItem's lazy lines: `<` that opens no HTML
 * block included). Where it is surely lazy, a setext underline's shape (`=`, `--`) and a `|` (no table starts on a
 * lazy line) are text too: after a head with a quote in it (the line has no `>`), or left of the innermost item's
 * content (`lazyBefore`, a column); inside every item, they would be an underline or a table's row: left to remark.
 * (Lines of `<`, `=`, `|`, indented or tab-led text after `> - x` went to micromark: 12–17 s for 64 KB.)
 */
function nestedParagraphLine(line: string, lazyBefore: number): boolean {
  let i = 0;
  while (isSpaceOrTab(line.charCodeAt(i))) i++;
  const rest = i === 0 ? line : line.slice(i);
  if (CONTINUATION_LINE.test(rest) || plainLazyLine(rest) || (rest.charCodeAt(0) === 60 && htmlFlowStart(rest) === 0)) return true;
  return (rest.charCodeAt(0) === 124 || (lazyUnderline(rest) && !THEMATIC_BREAK.test(rest))) && (i === 0 || columnsOf(line) < lazyBefore);
}

/**
 * A run of container lines and lazy lines, maybe after a paragraph at the top level: lines of a block quote holding a
 * list item (`> - x`, `> 1. x`, `> > - x`) in turn with lazy lines of its paragraph (`!`, `$`, `x`, `|`…), or items of
 * a top-level list (`  - x`, `  - > x`, `  - - x`) in turn with lazy lines. remark reads them as one quote (or one
 * list) whose paragraph takes the lazy line, then a new item in the same list, over and over: micromark's time is
 * quadratic in such lines (1 s for 64 KB after `!` / `> - x`). Inside the quote nothing is top-level (no heading, row
 * or item); of the list, the model keeps its items' extents.
 */
function containerRun(text: string): ChunkData | undefined {
  if (text.includes('\r')) return undefined;
  const lines = text.split('\n');
  let n = lines.length;
  while (n > 0 && SPACES_ONLY.test(lines[n - 1]!)) n--;
  if (n < 2) return undefined;
  // What comes before the run (nothing when the chunk starts with a container line): link reference definitions, then
  // maybe a paragraph at the top level, to the first line that interrupts it with a quote or a list item that may
  // interrupt a paragraph.
  let h = 0;
  let rows: number[] | undefined;
  let definitions: string[] | undefined;
  const head = runHeadAt(lines[0]!);
  if (head === -1 || head > 3) {
    let paragraph = false; // a "[" line that starts no definition starts the paragraph
    for (;;) {
      if (h >= n) return undefined;
      if (lines[h]!.charCodeAt(0) !== 91 /* [ */) break;
      const d = definitionAt(lines[h]!, lines, h, n, '\n');
      if (d === undefined) return undefined;
      if (d === '') {
        paragraph = true;
        break;
      }
      (definitions ??= []).push(d.source);
      h += d.lines;
    }
    const from = h;
    if (paragraph || !(h > 0 && interruptsParagraph(lines[h]!))) {
      if (!paragraph && !topParagraphStart(lines[h]!, text)) return undefined;
      for (h++; h < n && !interruptsParagraph(lines[h]!); h++) if (!topParagraphNext(lines[h]!)) return undefined;
      if (h === n) return undefined;
      for (let i = from; i < h; i++) if (lines[i]!.charCodeAt(0) === 124 /* | */) (rows ??= []).push(i);
    }
  }
  const rowsData: readonly number[] = rows ?? NO_ROWS;
  const first = lines[h]!;
  const defs: readonly string[] = definitions ?? EMPTY.definitions;
  // Block quotes and lists at the top level in turn, each ended by the other's first line.
  const items: RawItem[] = [];
  for (let i = h; i !== -1 && i < n; ) {
    const at = runHeadAt(lines[i]!);
    i = at === -1 || at > 3 ? -1 : lines[i]!.charCodeAt(at) === 62 /* > */ ? quoteRun(lines, i, n) : listRun(lines, i, n, items);
    if (i === n) return { headings: EMPTY.headings, items: items.length === 0 ? EMPTY.items : items, rows: rowsData, codeLines: EMPTY.codeLines, definitions: defs, openAtEnd: false, openFrom: -1, frontMatter: undefined, lineResults: undefined, signals: undefined };
  }
  // Else, after the paragraph, a list item that interrupts it: the rest is read by listItem as a chunk of its own (the
  // paragraph ends above it). Only items and definitions are taken from it.
  if (h === 0) return undefined; // readChunk read that chunk
  let indent = 0;
  while (first.charCodeAt(indent) === 32) indent++;
  const rest = lines.slice(h);
  const read = itemChunk(text, rest, n - h, first, indent);
  if (read === NO_ITEM || read === undefined || read.headings.length > 0 || read.rows.length > 0 || read.codeLines.length > 0 || read.openAtEnd) return undefined;
  const shifted = read.items.map((item) => ({ line: item.line + h, endLine: item.endLine + h }));
  return { headings: EMPTY.headings, items: shifted, rows: rowsData, codeLines: EMPTY.codeLines, definitions: definitions ? [...definitions, ...read.definitions] : read.definitions, openAtEnd: false, openFrom: -1, frontMatter: undefined, lineResults: undefined, signals: undefined };
}

/**
 * Lines from h as one block quote at the top level: each a quote line of containers whose content starts or goes on
 * with a paragraph (see runHeadAt), or a lazy line of the paragraph open in it. A paragraph is open after each, inside
 * the quote, so every line without ">" is lazy there, but a list item's container line (up to three spaces before it),
 * which starts a list at the top level. The line after the quote (n at the chunk's end), or -1 when unsure.
 */
function quoteRun(lines: readonly string[], h: number, n: number): number {
  for (let i = h + 1; i < n; i++) {
    const line = lines[i]!;
    const at = runHeadAt(line);
    if (at !== -1 && at <= 3) {
      if (line.charCodeAt(at) !== 62) return i;
    } else if (quoteLed(line) || !nestedParagraphLine(line, Infinity)) return -1;
  }
  return n;
}

/**
 * Lines from h as a list at the top level, line h its first item's, whose items it adds to `items`. Left of the item's
 * content, a container line (up to three spaces before it) starts the next item when its first marker is a list
 * item's (its container is not continued: any marker starts a list there), a block quote at the top level when it is
 * ">" (the list ends); any other line must be a lazy line of the paragraph open in the item. Right of it (inside the
 * item), a container line or a line that goes on with a paragraph wherever it falls. A paragraph is open after each
 * line, somewhere in the item. After a blank line, only the next item or a quote. The line after the list (n at the
 * chunk's end), or -1 when unsure.
 */
function listRun(lines: readonly string[], h: number, n: number, items: RawItem[]): number {
  let start = h;
  let content = itemContentColumn(lines[h]!);
  if (content === -1) return -1;
  let blank = false; // a blank line came after the item's last line (`last`)
  let last = h;
  for (let i = h + 1; i < n; i++) {
    const line = lines[i]!;
    if (SPACES_ONLY.test(line)) {
      blank = true;
      continue;
    }
    const column = columnsOf(line);
    const at = runHeadAt(line);
    if (at !== -1 && column <= 3 && column < content) {
      // The next item, or a quote that ends the list.
      items.push({ line: start, endLine: blank ? last : i - 1 });
      const next = itemContentColumn(line);
      if (next === -1) return i;
      start = last = i;
      content = next;
      blank = false;
      continue;
    }
    if (blank) return -1;
    last = i;
    if (column < content ? !nestedParagraphLine(line, content) : at === -1 && !nestedParagraphLine(line, 0)) return -1;
  }
  items.push({ line: start, endLine: last });
  return n;
}


/**
 * A container line of a run: after spaces, one or more container markers (">" with one space or none after it, list
 * markers with one space after each: `> - x`, `> 1. x`, `- > x`, `  - - x`) whose innermost content starts a paragraph
 * or goes on with one (no definition, HTML, fence, heading or setext underline), with no tab (columns). Wherever such
 * a line falls where a paragraph is open, a paragraph is open after it: in new containers, or as its next line
 * (lazy or not). The index of its first marker; -1 for any other line.
 */
function runHeadAt(line: string): number {
  if (line.includes('\t')) return -1;
  let first = 0;
  while (line.charCodeAt(first) === 32) first++;
  let at = first;
  for (;;) {
    const c = line.charCodeAt(at);
    if (c === 62 /* > */) at += line.charCodeAt(at + 1) === 32 ? 2 : 1;
    else if ((c === 45 || c === 42 || c === 43) /* - * + */ && line.charCodeAt(at + 1) === 32) at += 2;
    else if (c >= 48 && c <= 57) {
      const ordered = ORDERED_SPACE.exec(line.slice(at, at + 12));
      if (!ordered) break;
      at += ordered[0].length;
    } else break;
  }
  if (at === first) return -1;
  const content = line.slice(at);
  return PARAGRAPH_LINE.test(content) && !SETEXT_SHAPE.test(content) && !THEMATIC_BREAK.test(line.slice(first)) ? first : -1;
}

/** The column of a list item's content, for a container line whose first marker is a list item's (one space after it); else -1. */
function itemContentColumn(line: string): number {
  let at = 0;
  while (line.charCodeAt(at) === 32) at++;
  const c = line.charCodeAt(at);
  if (c === 45 || c === 42 || c === 43) return at + 2;
  const ordered = ORDERED_SPACE.exec(line.slice(at, at + 12));
  return ordered ? at + ordered[0].length : -1;
}

/** A line (after up to three spaces) that surely starts a paragraph at the top level (no definition: "[" only with no "]:" in the chunk). */
function topParagraphStart(line: string, chunk: string): boolean {
  let at = 0;
  while (at < 3 && line.charCodeAt(at) === 32) at++;
  const rest = at === 0 ? line : line.slice(at);
  const c = rest.charCodeAt(0);
  if (c === 91 /* [ */) return !mayDefine(chunk);
  if (c === 124 /* | */) return true;
  if (c === 60 /* < */) return htmlFlowStart(rest) === 0;
  return PARAGRAPH_LINE.test(rest) || (visibleAscii(c) && plainLine(rest)) || paragraphDashes(rest);
}

/** A line (after up to three spaces) that goes on with an open paragraph at the top level: it starts no block. */
function topParagraphNext(line: string): boolean {
  let at = 0;
  while (at < 3 && line.charCodeAt(at) === 32) at++;
  const rest = at === 0 ? line : line.slice(at);
  const c = rest.charCodeAt(0);
  return CONTINUATION_LINE.test(rest) || (visibleAscii(c) && plainLine(rest)) || c === 124 || (c === 60 && inlineHtmlLine(rest, 'paragraph')) || cannotInterrupt(rest);
}

/** A line (after up to three spaces, no tab) that starts a block quote or a list item that may interrupt a paragraph. */
function interruptsParagraph(line: string): boolean {
  let at = 0;
  while (at < 3 && line.charCodeAt(at) === 32) at++;
  const rest = at === 0 ? line : line.slice(at);
  return rest.charCodeAt(0) === 62 || (INTERRUPTING_ITEM.test(rest) && !THEMATIC_BREAK.test(rest));
}

function readChunk(text: string, frontMatter: boolean): ChunkData | undefined {
  if (frontMatter && !text.includes('\r')) {
    // The front matter's value without splitting it into lines (a large one is read again at every edit in it): the
    // same as below when the last line is the closing fence.
    const firstEnd = text.indexOf('\n');
    const lastStart = text.lastIndexOf('\n') + 1;
    const last = text.slice(lastStart);
    if (firstEnd !== -1 && !SPACES_ONLY.test(last)) {
      const fence = text.slice(0, firstEnd).trimEnd();
      if (last.trimEnd() !== fence) return undefined;
      return { ...EMPTY, frontMatter: { kind: fence === '---' ? 'yaml' : 'toml', value: text.slice(firstEnd + 1, lastStart - 1) } };
    }
  }
  if (!frontMatter) {
    const one = oneLine(text);
    if (one !== NOT_ONE_LINE) return one;
  }
  // A native split on "\n" unless the chunk has a CR (most have none): the pattern's split was a third of the
  // garbage of a document of 40,000 small chunks.
  // And no split of a chunk of one line (most chunks of a long list): the native split copied each.
  const cr = text.includes('\r');
  const lines = cr ? text.split(/\r\n|\r|\n/) : text.indexOf('\n') === -1 ? [text] : text.split('\n');
  // The line ending a definition's label or title over lines holds (unknown in a chunk of CR and CRLF endings).
  const eol = cr ? undefined : '\n';
  let n = lines.length;
  while (n > 0 && SPACES_ONLY.test(lines[n - 1]!)) n--;
  if (n === 0) return chunkData(EMPTY.headings, EMPTY.rows, EMPTY.definitions);
  const first = lines[0]!;
  if (frontMatter) {
    const fence = first.trimEnd();
    if (n < 2 || lines[n - 1]!.trimEnd() !== fence || n !== lines.length) return undefined;
    return { ...EMPTY, frontMatter: { kind: fence === '---' ? 'yaml' : 'toml', value: lines.slice(1, n - 1).join('\n') } };
  }
  const c = first.charCodeAt(0);
  if (c === 35 /* # */ && ATX_START.test(first)) {
    const heading = atxHeading(first, text);
    if (!heading) return undefined;
    if (n === 1) return headingData(heading);
    // What follows the heading line in the chunk (a paragraph, rows, quotes) starts afresh: read from line 1, with the
    // heading first among the chunk's (no copy of the lines, nor of what they hold, one line down).
    // Indented code right after the heading line (a heading, then code, over and over, was read by micromark).
    if (indentOf(lines[1]!) >= 4 && !isBlank(lines[1]!)) return indentedCode(lines, n, 1, heading) ?? proseChunk(lines, n, eol, 1, heading);
    return proseChunk(lines, n, eol, 1, heading);
  }
  if (PARAGRAPH_LINE.test(first) || (c === 96 /* ` */ && !first.startsWith('```')) || c === 91 /* [ */ || (c === 60 /* < */ && htmlFlowStart(first) === 0) || (c !== 32 && c !== 9 && (plainLine(first) || paragraphDashes(first)))) {
    // A setext heading: one line of text, underlined with = (level 1) or - (level 2).
    // (White space at the line's end: proseChunk reads it.)
    const underline = n === 2 && c !== 91 && first === first.trimEnd() ? /^(=+|-+)[ \t]*$/.exec(lines[1]!) : null; // "[…" has inline syntax: never here
    if (underline) {
      let text = first.trim();
      // Brackets alone are literal with no "](" and no definition ("]x" then "-", over and over, went to micromark).
      if (INLINE_SYNTAX.test(text) && !(onlyBrackets(text) && !text.includes(']:'))) {
        const read = setextText(first, first.length + 1 + lines[1]!.length);
        if (read === undefined) return undefined;
        text = read;
      }
      const depth = underline[1]![0] === '=' ? 1 : 2;
      const heading: RawHeading = { depth, text: withoutNul(text), kind: 'setext', line: 0, character: 0, endLine: 1, endCharacter: lines[1]!.length };
      return headingData(heading);
    }
    return proseChunk(lines, n, eol);
  }
  if (c === 124 /* | */) return proseChunk(lines, n, eol);
  const fence = FENCE_LINE.exec(first);
  if (fence) {
    const marker = fence[1]!;
    if (marker[0] === '`' && fence[2]!.includes('`')) return undefined;
    const closeChar = marker.charCodeAt(0);
    for (let i = 1; i < n; i++) {
      if (closesFence(lines[i]!, closeChar, marker.length)) {
        if (i !== n - 1) return blockThenRest(text, lines, n, i + 1);
        return chunkData(EMPTY.headings, EMPTY.rows, EMPTY.definitions, lineNumbers(n));
      }
    }
    // Never closed: code to the end of the chunk, blank lines included, and it runs on into the next chunk.
    return { ...EMPTY, codeLines: lineNumbers(lines.length), openAtEnd: true, openFrom: 0 };
  }
  // Code, then other lines: read as prose, which takes code where nothing is open ("    x", "-", ")x" over and over
  // went to micromark).
  if ((c === 32 || c === 9) && indentOf(first) >= 4) return indentedCode(lines, n) ?? proseChunk(lines, n, eol);
  if (c === 32 && /^ {1,3}</.test(first)) {
    // An indented block starts a chunk too (see scan.ts); a line of inline HTML (`<span>x</span> text`) is prose.
    return htmlFlowStart(first, first.indexOf('<')) === 0 ? proseChunk(lines, n, eol) : htmlBlock(text, lines, n);
  }
  if (c === 32) {
    // A list item indented by one to three columns: a chunk starts at the top level (see scan.ts), so it is one there
    // (36,000 such items, each read by remark, took 3 s).
    let indent = 1;
    while (first.charCodeAt(indent) === 32) indent++;
    if (indent <= 3) {
      const read = itemChunk(text, lines, n, first, indent);
      if (read !== NO_ITEM) return read;
    }
  }
  if (c === 62 /* > */ || c === 32 || ((c === 45 || c === 42 || c === 95) && THEMATIC_BREAK.test(first))) return proseChunk(lines, n, eol);
  if (c === 60 /* < */) return htmlBlock(text, lines, n);
  const read = itemChunk(text, lines, n, first, 0);
  return read === NO_ITEM ? undefined : read;
}

/**
 * A chunk whose lines 0 to k - 1 are a fenced code block that its line k - 1 closed, then more lines: a fence is a
 * leaf block at the top level, so what follows starts afresh there and reads the same alone (the code holds no
 * definition), shifted below the code. Fences closed one after another are taken in a loop, not by recursion.
 * (Where the scan cannot tell the fence is at the top level, after a quote line, "~~~", "~~~", "> > x" went to
 * micromark.)
 */
function blockThenRest(text: string, lines: readonly string[], n: number, k: number): ChunkData | undefined {
  let at = 0; // where line k starts in the text
  for (let l = 0; l < k; l++) at += lineWithEnding(text, at, lines[l]!.length);
  for (;;) {
    const fence = FENCE_LINE.exec(lines[k]!);
    if (!fence || (fence[1]![0] === '`' && fence[2]!.includes('`'))) break;
    let close = k + 1;
    while (close < n && !closesFence(lines[close]!, fence[1]!.charCodeAt(0), fence[1]!.length)) close++;
    // Left open, or closed at the chunk's last line (blank lines after it): the general read below takes it.
    if (close >= n - 1) break;
    for (let l = k; l <= close; l++) at += lineWithEnding(text, at, lines[l]!.length);
    k = close + 1;
  }
  return withTail(text, lines, k, chunkData(EMPTY.headings, EMPTY.rows, EMPTY.definitions, lineNumbers(k)), at);
}

/** The length of a line that starts at `at` in `text`, with its ending (LF, CR or CRLF; none at the end). */
function lineWithEnding(text: string, at: number, length: number): number {
  const end = at + length;
  if (end >= text.length) return length;
  return length + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
}

/** What itemChunk says of a chunk that does not start with a list item. */
const NO_ITEM = null;

/** A chunk whose first line is a list item, its marker at column `indent` (0 to 3): see listItem. */
function itemChunk(text: string, lines: readonly string[], n: number, first: string, indent: number): ChunkData | undefined | typeof NO_ITEM {
  // The spaces after the marker are counted in columns: a tab goes on to the next multiple of 4 ("-\titem" has its
  // content at column 4).
  const rest = indent === 0 ? first : first.slice(indent);
  const item = itemStartOf(rest, indent);
  if (item === undefined) {
    // An item with nothing on its marker's line ("-", "1."): its content starts on the next line, one column after the
    // marker (a paragraph of 1 MB under "-" went to micromark). A blank line right after the marker ends the item:
    // remark reads that.
    const empty = EMPTY_ITEM.exec(rest);
    if (!empty) return NO_ITEM;
    // Alone in its chunk: one empty item (lines of "*", each an item, went to remark one by one).
    if (n === 1) return itemData(1);
    if (isBlank(lines[1]!)) return NO_ITEM;
    const marker = empty[1]!.length;
    // The next line left of where its content would start, and no list item: the item is empty, the list ends, and
    // that line starts afresh at the top level ("2.", then "  ```" and its code, over and over, was one chunk read
    // by micromark: 27 ms a KB). Not indented code: after code that follows a list, micromark reads a marker as an
    // item, not as a paragraph as at a chunk's start.
    if (columnsOf(lines[1]!) < Math.min(indent + marker + 1, 4) && !MARKER_LED.test(lines[1]!)) return withTail(text, lines, 1, itemData(1));
    const read = listItem(text, lines, n, indent + marker, 1, rest.length - marker);
    if (read) return read;
    // Its content a paragraph (maybe quoted, or a nested item's) with lazy lines, then prose ("-", "  - x", "\\x").
    const end = emptyItemParagraph(lines, 0, n, indent + marker + 1);
    return end === -1 ? undefined : itemThenProse(text, lines, n, end + 1, undefined, 0, undefined, false);
  }
  return listItem(text, lines, n, indent + item.markerLength, item.spaces, item.contentAt - item.markerLength);
}

/** A list item's marker with nothing after it but spaces (no tab: columns to count). */
const EMPTY_ITEM = /^([-+*]|\d{1,9}[.)]) *$/;

/** What fastParse's general path would say of a chunk of one line and blank lines, for the usual such chunks. */
const NOT_ONE_LINE = null;

/**
 * A chunk that is one line and blank lines (most chunks of a document of many headings), read without splitting it:
 * a blank chunk, an ATX heading or a link reference definition. NOT_ONE_LINE for any other, which the general path
 * reads. Says what the general path says of these.
 */
function oneLine(text: string): ChunkData | undefined | typeof NOT_ONE_LINE {
  const nl = text.indexOf('\n');
  let end = text.length;
  if (nl !== -1) {
    // Everything after the first line must be blank lines (a CR sends the chunk to the general path).
    for (let i = nl; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 32 && c !== 9) return NOT_ONE_LINE;
    }
    end = nl;
  }
  if (text.lastIndexOf('\r', end) !== -1) return NOT_ONE_LINE;
  const c = text.charCodeAt(0);
  if (c === 35 /* # */) {
    const first = end === text.length ? text : text.slice(0, end);
    if (PARAGRAPH_LINE.test(first)) return NOT_ONE_LINE; // "#tag": a paragraph
    const heading = atxHeading(first, text);
    return heading && headingData(heading);
  }
  if (c === 91 /* [ */ && text.includes(']:')) return definition(end === text.length ? text : text.slice(0, end)) ?? NOT_ONE_LINE;
  let blank = true;
  for (let i = 0; blank && i < end; i++) {
    const k = text.charCodeAt(i);
    blank = k === 32 || k === 9;
  }
  return blank ? chunkData(EMPTY.headings, EMPTY.rows, EMPTY.definitions) : NOT_ONE_LINE;
}

/** An ATX heading line (`first`, the chunk's first line; `text`, the chunk), or undefined when remark must read it. */
function atxHeading(first: string, text: string): RawHeading | undefined {
  const h = atxRead(first, text);
  return h === INLINE ? undefined : h;
}

/** What atxRead says of a heading line whose text needs an inline parse. */
const INLINE = 1;

/** A heading chunk whose text needs an inline parse: its source (the heading's lines) and all else remark says of it. */
export interface InlineHeading {
  readonly source: string;
  readonly depth: number;
  readonly kind: 'atx' | 'setext';
  readonly endLine: number;
  readonly endCharacter: number;
}

/**
 * A chunk that is one heading (and blank lines) whose text needs an inline parse: an ATX heading line, or a line and
 * its setext underline. remark reads such a chunk, then parses the heading again for its text; a group of chunks
 * parses its such headings together instead (see headingLinesText). Undefined for any other chunk, and for any that
 * fastParse reads.
 */
export function inlineHeading(text: string): InlineHeading | undefined {
  // No inline syntax anywhere, none in a heading: most pieces of a group, told apart without a split. Nor without
  // brackets: inlineText reads all else.
  if (!BRACKETS.test(text) || !INLINE_SYNTAX.test(text) || text.includes('\r')) return undefined;
  const c0 = text.charCodeAt(0);
  // A definition's piece ("[a]: …"): no heading (below, a "[" line is one only in a piece without "]:"). A heading
  // line alone whose only syntax is brackets, with no definition in the piece: literal, or references the model
  // resolves (atxRead reads it). Told apart without a split (a piece of each, for 50,000 headings with definitions).
  if (c0 === 91 && text.includes(']:')) return undefined;
  if (c0 === 35 && literalBrackets(text, text) && blankAfterFirstLine(text)) return undefined;
  // Nor a piece that starts with no "#" and whose second line is no underline ("=" or "-" first): most of the rest.
  if (c0 !== 35 /* # */) {
    const second = text.charCodeAt(text.indexOf('\n') + 1);
    if (second !== 61 && second !== 45) return undefined;
  }
  const lines = text.split('\n');
  let n = lines.length;
  while (n > 0 && SPACES_ONLY.test(lines[n - 1]!)) n--;
  const first = lines[0]!;
  const c = first.charCodeAt(0);
  if (n === 1 && c === 35 /* # */ && !PARAGRAPH_LINE.test(first)) {
    if (atxRead(first, text) !== INLINE) return undefined;
    let depth = 0;
    while (first.charCodeAt(depth) === 35) depth++;
    return { source: first, depth, kind: 'atx', endLine: 0, endCharacter: first.length };
  }
  // fastParse's setext heading, where the text has inline syntax.
  if (n !== 2 || !(PARAGRAPH_LINE.test(first) || (c === 96 /* ` */ && !first.startsWith('```')) || (c === 91 /* [ */ && !text.includes(']:')))) return undefined;
  const underline = /^(=+|-+)[ \t]*$/.exec(lines[1]!);
  if (!underline || first !== first.trimEnd() || !INLINE_SYNTAX.test(first)) return undefined;
  const source = `${first}\n${lines[1]!}`;
  if (source.length > MAX_INLINE_HEADING || inlineText(first) !== undefined) return undefined;
  return { source, depth: underline[1]![0] === '=' ? 1 : 2, kind: 'setext', endLine: 1, endCharacter: lines[1]!.length };
}

/**
 * A piece of a group of small chunks (see parseGroup in model.ts), read once: what fastParse reads of it; else the
 * heading whose text needs an inline parse (inlineHeading), which the group parses with its others; else undefined,
 * for remark.
 */
export function readPiece(text: string, wide = false): ChunkData | InlineHeading | undefined {
  return readingWide(wide, () => fastParse(text, false)) ?? inlineHeading(text);
}

const BRACKETS = /[[\]]/;

/** Whether all after the text's first line is line feeds, spaces and tabs. */
function blankAfterFirstLine(text: string): boolean {
  const nl = text.indexOf('\n');
  if (nl === -1) return true;
  for (let i = nl + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 32 && c !== 9) return false;
  }
  return true;
}

function atxRead(first: string, text: string): RawHeading | typeof INLINE | undefined {
  // /^(#{1,6})(?:[ \t](.*))?$/, read by character codes (its match array per heading was garbage): a run of one to six
  // "#", then the end, or a space or tab and content with no line terminator ("." takes none).
  let depth = 0;
  while (first.charCodeAt(depth) === 35) depth++;
  const length = first.length;
  if (depth === 0 || depth > 6 || (depth < length && !isSpaceOrTab(first.charCodeAt(depth)))) return undefined;
  for (let k = depth + 1; k < length; k++) {
    const c = first.charCodeAt(k);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return undefined;
  }
  // Trailing spaces and tabs end the heading (its range includes them); other trailing white space (what trimEnd takes)
  // is text to remark.
  let t = length;
  while (t > depth && isJsSpace(first.charCodeAt(t - 1))) t--;
  for (let k = t; k < length; k++) if (!isSpaceOrTab(first.charCodeAt(k))) return undefined;
  // The content without spaces and tabs around it, then without its closing sequence (a run of "#" that stands alone or
  // follows a space or tab), found by one scan back from the end (a pattern tried from each of a long run of spaces
  // read the whole run again): only spaces and tabs may come before it ("## \u00a0#" is "#"). Then trimmed.
  let s = depth + 1;
  let e = length;
  while (s < e && isSpaceOrTab(first.charCodeAt(s))) s++;
  while (e > s && isSpaceOrTab(first.charCodeAt(e - 1))) e--;
  if (e > s && first.charCodeAt(e - 1) === 35) {
    let h = e;
    while (h > s && first.charCodeAt(h - 1) === 35) h--;
    if (h === s || isSpaceOrTab(first.charCodeAt(h - 1))) e = h;
  }
  while (s < e && isJsSpace(first.charCodeAt(s))) s++;
  while (e > s && isJsSpace(first.charCodeAt(e - 1))) e--;
  const raw = s === 0 && e === length ? first : first.slice(s, e);
  // Inline syntax read by inlineText (plain links included: replacing them first read one inside inline HTML too).
  // (Content with no bracket has no literal ones: the patterns differ only in brackets, so the second would match too.)
  if (INLINE_SYNTAX.test(raw) && !(BRACKETS.test(raw) && literalBrackets(raw, text))) {
    // A heading too long for inline parsing is its raw text (see MAX_INLINE_HEADING), escapes and entities aside.
    if (length <= MAX_INLINE_HEADING) {
      const read = inlineText(raw);
      if (read === undefined) return INLINE;
      return { depth, text: read.trim(), kind: 'atx', line: 0, character: 0, endLine: 0, endCharacter: length };
    }
    return { depth, text: withoutNul(escapesAndReferences(raw)).trim(), kind: 'atx', line: 0, character: 0, endLine: 0, endCharacter: length };
  }
  return { depth, text: withoutNul(raw), kind: 'atx', line: 0, character: 0, endLine: 0, endCharacter: length };
}

/**
 * A setext heading's text, from its line with inline syntax (no trailing white space) and the length of its source:
 * read by inlineText, or undefined when remark must read it; a heading too long for inline parsing has only its
 * escapes and references read, as remark reads it (remark took 5.6 s for a line of 1 MB of backslashes over "---").
 */
function setextText(first: string, sourceLength: number): string | undefined {
  if (sourceLength > MAX_INLINE_HEADING) return escapesAndReferences(first).trim();
  return inlineText(first)?.trim();
}

/** Text with NUL characters as micromark reads them: U+FFFD. */
function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\ufffd') : text;
}

/** A chunk of one line that is a link reference definition: what remark says of it. Undefined for any other line. */
function definition(line: string): ChunkData | undefined {
  const d = readDefinition(line, NO_MORE_LINES, undefined);
  return d ? chunkData(EMPTY.headings, EMPTY.rows, [d.source]) : undefined;
}

/** The content of a definition that has no line after its first. */
const NO_MORE_LINES: ContentLine = () => null;

/**
 * Whether the chunk holds "]:" (a link reference definition may be in it), read once per chunk: asked of every
 * "["-led line of an item, a search of the whole chunk each time made a list of such lines quadratic (1 MB of
 * "  [a] b" lines under "- x": 109 s). The chunk last asked about is kept with its answer; a chunk is read as one
 * string, so the comparison is of the same object (but at a chunk's first question).
 */
function mayDefine(chunk: string): boolean {
  if (chunk !== definesChunk) defines = chunk.includes(']:');
  // Kept even when equal: a copy of the last chunk (the same text read again) compared equal character by character
  // at every call, as slow as the search.
  definesChunk = chunk;
  return defines;
}
let definesChunk: string | undefined;
let defines = false;

/** Whether the chunk holds a CR, read once per chunk (asked of every item that starts with a definition: see mayDefine). */
function hasCr(chunk: string): boolean {
  if (chunk !== crChunk) crIn = chunk.includes('\r');
  crChunk = chunk;
  return crIn;
}
let crChunk: string | undefined;
let crIn = false;

/** Content that starts a paragraph (inside a list item: after its marker or indentation). */
function startsParagraph(content: string, chunk: string): boolean {
  const c = content.charCodeAt(0);
  return PARAGRAPH_LINE.test(content) || (c === 96 && !content.startsWith('```')) || (c === 91 && !mayDefine(chunk)) || c === 124 || (c === 60 && htmlFlowStart(content) === 0);
}

/**
 * Content inside an item that cannot hold a definition, a fence or an HTML block at any depth (a nested quote or list
 * may start one mid-line): those decide whether the item runs on into the next chunk, or hold a definition.
 */
function innerSafe(content: string, chunk: string, itemStart = false): boolean {
  if (content.includes('```') || content.includes('~~~')) return false;
  const paragraph = startsParagraph(content, chunk);
  // "]:" in the first line of an item's paragraph that starts with no "[" is text: no container starts on the line to
  // hold a definition, and no label is open from a line above.
  if (content.includes(']:') && !(itemStart && paragraph && content.charCodeAt(0) !== 91)) return false;
  return paragraph || !content.includes('<');
}

/**
 * The link reference definition that starts a list item's content (`content`, on line `i` of the chunk `text`), whose
 * content starts at column `contentIndent`: see readDefinition.
 */
function itemDefinition(content: string, text: string, lines: readonly string[], i: number, n: number, contentIndent: number): ReturnType<typeof readDefinition> {
  return readDefinition(content, (k) => (i + k < n ? itemContinuation(lines[i + k]!, contentIndent) : null), hasCr(text) ? undefined : '\n');
}

/**
 * A line after the first of a list item whose content starts at column `contentIndent`, for a definition that starts
 * the item (see ContentLine): inside the item, its content; left of it, a lazy line or the item's end (continuation).
 */
function itemContinuation(line: string, contentIndent: number): string | null | undefined {
  let indent = 0;
  while (line.charCodeAt(indent) === 32) indent++;
  if (indent === line.length) return null;
  if (line.charCodeAt(indent) === 9) return isBlank(line) ? null : undefined;
  return indent >= contentIndent ? continuation(line.slice(contentIndent), false) : continuation(line, true);
}

/**
 * One top-level list item and everything that belongs to it: lines indented into it (whatever they hold: nested
 * lists, quotes, code), blank lines followed by such lines, and lazy lines that continue its paragraph. Read line by
 * line in linear time; the model needs only the item's extent. A fence at the item's own level is read here
 * (itemFence); HTML or a definition inside (which decide whether the item runs into the next chunk, or hold a
 * definition), or a fence in a container nested in the item, sends the chunk to remark, as does a line that may end
 * the item early.
 */
function listItem(text: string, lines: readonly string[], n: number, markerLength: number, spaces: number, spaceChars: number): ChunkData | undefined {
  // With five or more spaces after the marker, the content is indented code one space after the marker.
  const code = spaces > 4;
  let contentIndent = markerLength + (code ? 1 : spaces);
  const first = lines[0]!.slice(markerLength + spaceChars);
  if (!code && n === 1 && closedHtml(first)) return itemData(1);
  // A link reference definition that starts the item ("- [a]: /x \"t\""), read as at the top level; after it, a line
  // that may start another goes to remark (simpleItemContent), and nothing takes lazy lines (paragraph is false).
  let definitions: string[] | undefined;
  let from = 1;
  let paragraph: boolean;
  // A paragraph is surely open (somewhere in the item) before the line: `paragraph` is also true after a line that may
  // have ended one (a nested quote or item), where a "[" line may start a definition.
  let surePara: boolean;
  // A fenced code block on the marker's line ("- ```"): its lines are the item's, and nothing is open after it.
  const firstFence = code ? 0 : fenceLength(first);
  // The line that ended the item and an unclosed fence in it (see itemFence), while it is read; else -1.
  let fenceExit = -1;
  // A block quote or list was seen in an item of the chunk: a line in the item after it that starts HTML ("<br>") may
  // start an HTML block there rather than go on lazily with their paragraph (micromark does; remark says).
  let containerSeen = startsContainer(first);
  if (firstFence !== 0) {
    const fence = itemFence(lines, 1, n, contentIndent, first.charCodeAt(0), firstFence);
    if (fence === undefined) return undefined;
    if (fence.open && fence.next === n) return openItem(lines, undefined, 0, undefined);
    if (fence.open) fenceExit = fence.next;
    from = fence.next;
    paragraph = false;
    surePara = false;
  } else if (!code && first.charCodeAt(0) === 91 /* [ */) {
    const d = itemDefinition(first, text, lines, 0, n, contentIndent);
    if (d === undefined) return undefined;
    if (d !== '') {
      definitions = [d.source];
      from = d.lines;
    }
    paragraph = d === '';
    surePara = paragraph;
  } else {
    if (!code && !(simpleItemContent(first) && innerSafe(first, text, true))) return undefined;
    paragraph = !code && startsParagraph(first, text);
    surePara = paragraph;
  }
  // What is open at the item's own level (see ownAfter): nothing (an empty item), its paragraph, or other or unknown.
  let own: Own = !code && (first === '' || firstFence !== 0) && definitions === undefined ? OWN_NONE : paragraph ? OWN_PARA : OWN_OTHER;
  let afterBlank = false;
  // The items before the one being read, when a line left of its content started another (see below), and where it starts.
  let before: RawItem[] | undefined;
  let itemStart = 0;
  // The line of the item being read when nothing is on its marker's line and nothing came after it yet.
  let emptyAt = !code && first === '' ? 0 : -1;
  // The content column of an item nested in the one being read that the line before started (surely an item, its
  // content a paragraph, see nestedItemContent); else -1. A fence right under it is at that item's own level.
  let nested = -1;
  for (let i = from; i < n; i++) {
    const nestedBefore = nested;
    nested = -1;
    const line = lines[i]!;
    let at = 0;
    while (line.charCodeAt(at) === 32) at++;
    // The indentation in columns: a tab goes on to the next multiple of 4 (lines of "\tx" went to micromark).
    const indent = line.charCodeAt(at) === 9 ? columnsOf(line) : at;
    while (isSpaceOrTab(line.charCodeAt(at))) at++;
    const rest = at === 0 ? line : line.slice(at);
    if (emptyAt === i - 1 && (rest === '' || indent < contentIndent)) {
      // Right after an item with nothing on its marker's line, left of its content: the next item, or the item is over
      // (it holds no paragraph to take a lazy line) and the rest is read at the top level ("1.", then "  x"). After a
      // blank line the item is over too, and a line indented into it is not in it: remark says.
      if (rest === '') return undefined;
      if (!(indent <= 3 && (loneMarker(rest) !== 0 || itemStartOf(rest, indent) !== undefined))) return itemThenProse(text, lines, n, i, before, itemStart, definitions, false);
    }
    if (i === 1 && from === 1 && !code && indent <= 3 && indent < contentIndent && rest.charCodeAt(0) === 60 && QUOTE_TEXT.test(first) && htmlFlowStart(rest) === 7) {
      // A lone tag under an item that starts with a quote's paragraph ("- > q", "<br>"): micromark starts an HTML block
      // in the quote there, and the next line left of the item's content ends the quote and the item; the rest starts
      // afresh at the top level. Any other next line (in the quote or the item, blank) is left to remark. (Such items,
      // each with a lone tag and text under it, were chunks read by micromark: 18 s for 1 MB.)
      if (n === 2) return itemData(2);
      const next = lines[2]!;
      if (isBlank(next) || quoteLed(next) || columnsOf(next) >= contentIndent) return undefined;
      return itemThenProse(text, lines, n, 2, undefined, 0, definitions, false);
    }
    const lone = !afterBlank && indent <= 3 && indent < contentIndent ? loneMarker(rest) : 0;
    if (lone !== 0) {
      // A list marker alone on its line, left of the item's content ("*", "2.", "1)" after "- x"): an empty item that
      // starts the next (micromark lets any item start where the container above was not continued: no lazy line, no
      // setext underline). Its content, if any, starts one column after the marker. (Lines of lone markers after an
      // item went to micromark: 60 µs an item.)
      (before ??= []).push({ line: itemStart, endLine: i - 1 });
      itemStart = i;
      contentIndent = indent + lone + 1;
      paragraph = false;
      surePara = false;
      own = OWN_NONE;
      emptyAt = i;
      // Its content on the lines under it, a paragraph (maybe a nested item's or quoted) with its lazy lines, as for
      // an empty item that starts the chunk (emptyItemParagraph): after it, a paragraph is open in the item, nested
      // ("  - x", "-", "  - y", "<x" in turn went to micromark: 57 ms a KB).
      const end = i + 1 < n && !isBlank(lines[i + 1]!) && columnsOf(lines[i + 1]!) >= contentIndent ? emptyItemParagraph(lines, i, n, contentIndent) : -1;
      if (end !== -1) {
        i = end;
        paragraph = true;
        own = OWN_OTHER;
        containerSeen = true;
        emptyAt = -1;
      }
      continue;
    }
    if (rest === '') {
      paragraph = false;
      surePara = false;
      afterBlank = true;
      if (own === OWN_PARA) own = OWN_NONE;
      continue;
    }
    if (indent >= contentIndent) {
      // Inside the item. Indented 4 more than its content, it is code after a blank line, else it continues a paragraph
      // (a line that goes on with one is text, whatever it holds: "]:" included).
      const sureBefore = surePara;
      // A fence at the item's own level (nothing nested is open to take the line: own is known), spaces before it.
      // (Items each holding a fenced block went to micromark: 800 ms for 64 KB.)
      // Or right under a nested item's line, at that item's own level ("  - checked", "    ```"): what is open in the
      // item being read after it is unknown (own stays OWN_OTHER), but no paragraph is.
      const fenceChar = rest.charCodeAt(0);
      const fenceColumn = own !== OWN_OTHER ? contentIndent : nestedBefore;
      if ((fenceChar === 96 || fenceChar === 126) && fenceColumn !== -1 && indent >= fenceColumn && indent < fenceColumn + 4 && noTabBefore(line, at)) {
        const length = fenceLength(rest);
        if (length !== 0) {
          const fence = itemFence(lines, i + 1, n, fenceColumn, fenceChar, length);
          if (fence === undefined) return undefined;
          if (fence.open && fence.next === n) return openItem(lines, before, itemStart, definitions);
          if (fence.open) fenceExit = fence.next;
          i = fence.next - 1;
          paragraph = false;
          surePara = false;
          if (own !== OWN_OTHER) own = OWN_NONE;
          afterBlank = false;
          continue;
        }
      }
      // A list marker alone on its line continues a paragraph in the item open at its column, yet starts an empty item
      // left of a nested item's content ("- x", "  - y", "  *"): which one, remark says.
      if (paragraph && indent < contentIndent + 4 && loneMarker(rest) !== 0) return undefined;
      // A nested item that holds only an empty item ("- -", "* 1."): micromark reads it as a paragraph's next line or
      // as items, depending on what is open; remark says.
      if (markersOnly(rest)) return undefined;
      if (indent < contentIndent + 4 && SETEXT_SHAPE.test(rest)) {
        // "--" or "==": the underline of the item's own paragraph, or a paragraph's first line where nothing is open.
        const after = setextInItem(rest, own, surePara);
        if (after === undefined) return undefined;
        own = after;
        paragraph = surePara = after === OWN_PARA;
        afterBlank = false;
        continue;
      }
      if (rest.charCodeAt(0) === 62 || NESTED_ITEM.test(rest) || loneMarker(rest) !== 0) containerSeen = true;
      else if (containerSeen && rest.charCodeAt(0) === 60 && htmlFlowStart(rest) !== 0) return undefined;
      if (indent < contentIndent + 4) nested = nestedItemContent(line, at, rest, indent, paragraph, text);
      own = ownAfter(own, rest, indent - contentIndent, text);
      if ((!simpleItemContent(rest) || !innerSafe(rest, text)) && !(sureBefore && typeof continuation(rest, false) === 'string')) return undefined;
      const codeLine = indent >= contentIndent + 4 && !paragraph;
      // A heading in the item ends its paragraph: a line after it left of the content is no lazy line. So does one in a
      // nested item ("  - # h"), which `paragraph || …` kept open ("text" after it was read as a lazy line). (Where
      // "2. # h" goes on with a paragraph instead, none is taken to be open: the lines after it go to remark.)
      const heading = indent < contentIndent + 4 && ((rest.charCodeAt(0) === 35 && ATX_START.test(rest)) || headingInItem(rest));
      paragraph = !codeLine && !heading && !startsCodeItem(rest, indent, paragraph) && (paragraph || startsParagraph(rest, text));
      if (rest.charCodeAt(0) === 62 /* > */ && indent < contentIndent + 4) {
        // A quote in the item: a paragraph is open after it only if its content starts one (after ">" alone, a heading
        // or code in it, a line left of the item's content is no lazy line: the item ends above it).
        const inner = quoteContent(rest);
        paragraph = inner !== undefined && inner.content !== '' && inner.indent < 4 && startsQuoteParagraph(inner.content);
      }
      // (Read only as far as needed: asked of every line of a long list.)
      surePara = paragraph && ((startsParagraph(rest, text) && !SETEXT_SHAPE.test(rest)) || (sureBefore && typeof continuation(rest, false) === 'string'));
      afterBlank = false;
      continue;
    }
    // A block quote or a thematic break left of the content is never a lazy line: the item ends above it, and the
    // rest of the chunk is read as paragraphs and quotes ("- item", "> q" in turn was read by micromark).
    if (indent <= 3 && (rest.charCodeAt(0) === 62 || THEMATIC_BREAK.test(rest))) return itemThenProse(text, lines, n, i, before, itemStart, definitions, fenceExit === i);
    // Less indented, right after a line of the item: a list item with content ends this item and starts the next
    // top-level one. Whatever its marker: micromark lets any list item start where a container above was not
    // continued (it asks whether an item may interrupt a paragraph only when every container went on), so "3. c"
    // after "  - b" is an item, not a lazy line (markdown-it agrees). (Items of mixed markers at mixed indents, with
    // no blank line, each went to micromark: 6 s for 1 MB.)
    const next = !afterBlank && indent <= 3 ? itemStartOf(rest, indent) : undefined;
    if (next !== undefined) {
      const content = rest.slice(next.contentAt);
      if (next.spaces > 4) return undefined;
      const definition = content.charCodeAt(0) === 91 /* [ */;
      const length = fenceLength(content);
      if (!definition && length === 0 && !(simpleItemContent(content) && innerSafe(content, text, true))) return undefined;
      (before ??= []).push({ line: itemStart, endLine: i - 1 });
      itemStart = i;
      contentIndent = indent + next.markerLength + next.spaces;
      if (length !== 0) {
        // A fenced code block on the new item's marker line (see firstFence).
        const fence = itemFence(lines, i + 1, n, contentIndent, content.charCodeAt(0), length);
        if (fence === undefined) return undefined;
        if (fence.open && fence.next === n) return openItem(lines, before, itemStart, definitions);
        if (fence.open) fenceExit = fence.next;
        i = fence.next - 1;
        paragraph = false;
        surePara = false;
        own = OWN_NONE;
        continue;
      }
      if (definition) {
        // A definition that starts the item, as on the chunk's first line.
        const d = itemDefinition(content, text, lines, i, n, contentIndent);
        if (d === undefined) return undefined;
        paragraph = d === '';
        surePara = paragraph;
        own = paragraph ? OWN_PARA : OWN_OTHER;
        if (d !== '') {
          (definitions ??= []).push(d.source);
          i += d.lines - 1;
        }
        continue;
      }
      paragraph = startsParagraph(content, text);
      surePara = paragraph;
      own = paragraph ? OWN_PARA : OWN_OTHER;
      if (startsContainer(content)) containerSeen = true;
      continue;
    }
    // Nothing open in the item (its marker's line was empty, or a heading closed its paragraph): the line ends the item
    // (lines of " -x" after "-" went to micromark).
    if (own === OWN_NONE) return itemThenProse(text, lines, n, i, before, itemStart, definitions, fenceExit === i);
    // A line starting an HTML block left of the content, right under the item's own paragraph (no container seen, which
    // may hold the paragraph instead). Of kinds 1-6 it interrupts the paragraph and is no lazy line: the item ends above
    // it. Of kind 7 (a lone tag, "<br>"), micromark lets it interrupt there too, being lazy: when another line follows,
    // the block is in the item (micromark closes the item before a lazy line only when nothing above it is still open,
    // and the block is until that line comes), runs on over the lines indented into the item and ends at a blank line
    // or at a line left of the content; nothing in the item is open after it. (Items and lines of "<br>" in turn were
    // one chunk read by micromark: 7 ms a KB.)
    if (!afterBlank && own === OWN_PARA && surePara && !containerSeen && indent <= 3 && rest.charCodeAt(0) === 60) {
      const kind = htmlFlowStart(rest);
      if (kind >= 1 && kind <= 6) return itemThenProse(text, lines, n, i, before, itemStart, definitions, false);
      if (kind === 7) {
        let j = i + 1;
        while (j < n && !isBlank(lines[j]!) && columnsOf(lines[j]!) >= contentIndent) j++;
        i = j - 1;
        paragraph = surePara = false;
        own = OWN_NONE;
        continue;
      }
    }
    // Less indented: only a lazy line of the item's open paragraph keeps the item going (not a lone tag: micromark
    // lets a lazy line start an HTML block of type 7). A line that is a paragraph's line wherever it is (plainLine:
    // "$ cmd", "@user", "/path", "-x", ":x") is one too (lines of them after "- item" went to micromark, quadratic
    // in lazy lines: 0.5 s for 16 KB), if led by a visible ASCII character; with a "|", unless CONTINUATION_LINE takes
    // it, it is left to remark. So is a
    // line of "=" or of two "-" (a lazy line is never a setext underline; three are a thematic break, read above; one
    // is an item).
    if (afterBlank || !paragraph || !(CONTINUATION_LINE.test(rest) || rest.charCodeAt(0) === 124 || (rest.charCodeAt(0) === 60 && htmlFlowStart(rest) === 0) || plainLazyLine(rest) || lazyUnderline(rest))) return undefined;
    // A "[" line where no paragraph is surely open (after a nested quote or item) may start a definition.
    if (rest.charCodeAt(0) === 91 && !surePara) return undefined;
  }
  if (before === undefined) return definitions ? { ...itemData(n), definitions } : itemData(n);
  before.push({ line: itemStart, endLine: n - 1 });
  return { ...EMPTY, items: before, definitions: definitions ?? EMPTY.definitions };
}

/**
 * The length of a list marker alone on its line (`rest`, after the line's indentation): a bullet ("-", "+", "*") or
 * one to nine digits and "." or ")", then only spaces and tabs (an empty item, never a thematic break). 0 for any
 * other line. By character codes: asked of every line of a list left of its item's content.
 */
function loneMarker(rest: string): number {
  const c = rest.charCodeAt(0);
  let end = 1;
  if (!(c === 45 || c === 43 || c === 42)) {
    end = 0;
    while (end < 10 && rest.charCodeAt(end) >= 48 && rest.charCodeAt(end) <= 57) end++;
    const d = rest.charCodeAt(end);
    if (end === 0 || end > 9 || (d !== 46 && d !== 41)) return 0;
    end++;
  }
  for (let k = end; k < rest.length; k++) {
    const w = rest.charCodeAt(k);
    if (w !== 32 && w !== 9) return 0;
  }
  return end;
}

/**
 * The chunk's items up to line `i`, which is left of the last one's content and ends it (and the list), then the rest
 * read as paragraphs, quotes and code at the top level (proseChunk). `inFence`: line i also ended an unclosed fence
 * in the item.
 */
function itemThenProse(text: string, lines: readonly string[], n: number, i: number, before: readonly RawItem[] | undefined, itemStart: number, definitions: readonly string[] | undefined, inFence: boolean): ChunkData | undefined {
  const after = proseChunk(lines, n, hasCr(text) ? undefined : '\n', i, undefined, definitions);
  if (!after) return undefined;
  let end = i - 1;
  // After an unclosed fence that line i ended, remark ends the item on the line before it, blank lines in the fence
  // included (see remarkParseChunk).
  if (!inFence) while (lines[end]!.trim() === '') end--;
  const items = [...(before ?? []), { line: itemStart, endLine: end }, ...after.items];
  return { ...EMPTY, headings: after.headings, items, rows: after.rows, codeLines: after.codeLines, definitions: definitions ? [...definitions, ...after.definitions] : after.definitions, openAtEnd: after.openAtEnd, openFrom: after.openFrom };
}

/** A list item whose paragraph starts on its marker's line with a letter. */
const QUOTE_ITEM_TEXT = /^(?:[-+*]|\d{1,9}[.)]) {1,4}[a-z]/i;
/** A block quote's paragraph: quote markers, then a letter. */
const QUOTE_TEXT = /^(?:> ?){1,8}[a-z]/i;

/**
 * What is open at a list item's own level (not in a container nested in it), as far as listItem follows it: nothing
 * (the marker's line was empty, or a setext underline or blank line closed the item's paragraph), the item's own
 * paragraph, or anything else or unknown (a nested list or quote, code, a heading…).
 */
type Own = 0 | 1 | 2;
const OWN_NONE = 0;
const OWN_PARA = 1;
const OWN_OTHER = 2;

/** Two list markers or more, each followed by white space, then nothing ("- -", "1. *"). */
function markersOnly(rest: string): boolean {
  let at = 0;
  let markers = 0;
  for (;;) {
    const c = rest.charCodeAt(at);
    let end = at;
    if (c === 45 || c === 43 || c === 42) end = at + 1;
    else {
      while (end - at < 9 && rest.charCodeAt(end) >= 48 && rest.charCodeAt(end) <= 57) end++;
      const d = rest.charCodeAt(end);
      if (end === at || (d !== 46 && d !== 41)) return false;
      end++;
    }
    markers++;
    if (end === rest.length) return markers >= 2;
    if (!isSpaceOrTab(rest.charCodeAt(end))) return false;
    at = end;
    while (isSpaceOrTab(rest.charCodeAt(at))) at++;
    if (at === rest.length) return markers >= 2;
  }
}

/** A line's indentation in columns, a tab going on to the next multiple of 4. */
function columnsOf(line: string): number {
  let column = 0;
  for (let i = 0, c = line.charCodeAt(0); c === 32 || c === 9; c = line.charCodeAt(++i)) column = c === 9 ? column + 4 - (column % 4) : column + 1;
  return column;
}

/**
 * A line of a setext underline's shape inside a list item, less than 4 columns right of its content (`rest`, without
 * its indentation): under the item's own paragraph, surely open, it underlines it (nothing is open after it); where
 * nothing is open, "--" or "=" starts a paragraph (one "-" is an item, "---" a thematic break: simpleItemContent
 * refuses those). Undefined when unsure. (Lines of "  --" or "  ==" after "- x" went to micromark.)
 */
function setextInItem(rest: string, own: Own, surePara: boolean): Own | undefined {
  if (own === OWN_PARA) return surePara ? OWN_NONE : undefined;
  if (own === OWN_NONE && lazyUnderline(rest) && !THEMATIC_BREAK.test(rest)) return OWN_PARA;
  return undefined;
}

/**
 * What is open at the item's own level after a line inside it (`rest`, `relative` columns right of its content) that
 * is no setext underline: its paragraph goes on where one is open and the line continues it; a paragraph starts
 * where nothing is open and the line starts one; else anything may be.
 */
function ownAfter(own: Own, rest: string, relative: number, chunk: string): Own {
  if (own === OWN_PARA) return relative >= 4 || typeof continuation(rest, false) === 'string' ? OWN_PARA : OWN_OTHER;
  if (own === OWN_NONE && relative < 4 && startsParagraph(rest, chunk) && !SETEXT_SHAPE.test(rest)) return OWN_PARA;
  return OWN_OTHER;
}

/**
 * "--" (then only spaces or tabs) where a paragraph may start: no list item, no thematic break, so a paragraph's first
 * line (a setext underline only under a paragraph). Lines of "--" underlining one another went to micromark: 1.2 s for
 * 64 KB.
 */
function paragraphDashes(rest: string): boolean {
  return rest.charCodeAt(0) === 45 && rest.charCodeAt(1) === 45 && SETEXT_SHAPE.test(rest) && !THEMATIC_BREAK.test(rest);
}

/** A paragraph's line wherever it is, led by a visible ASCII character, with no "|" (a lazy line; with a "|", remark says). */
function plainLazyLine(line: string): boolean {
  return plainLine(line) && visibleAscii(line.charCodeAt(0)) && !line.includes('|');
}

/** A printable ASCII character other than a space (a form feed or other control character leads a line that may be blank to micromark). */
const visibleAscii = (c: number): boolean => c > 32 && c < 127;

/** A setext underline's shape that is a lazy line of an item's paragraph: "=" or "--", then only spaces or tabs. */
function lazyUnderline(rest: string): boolean {
  return SETEXT_SHAPE.test(rest) && (rest.charCodeAt(0) === 61 || rest.charCodeAt(1) === 45);
}

/**
 * Whether a line in an item starts a nested item whose content is indented code ("1.     o"), which ends the open
 * paragraph: a bullet or "1." / "1)" (the items that may interrupt a paragraph), or any item when none is open.
 */
function startsCodeItem(rest: string, indent: number, paragraph: boolean): boolean {
  const c = rest.charCodeAt(0);
  if (!(c === 45 || c === 43 || c === 42 || (c >= 48 && c <= 57))) return false;
  const item = itemStartOf(rest, indent);
  return item !== undefined && item.spaces > 4 && (!paragraph || c > 57 || c < 48 || (item.markerLength === 2 && c === 49));
}

/**
 * A list item's marker at the start of `rest` (after its indentation) with content after it: its length, and the
 * columns and characters of white space after it (tabs to the next multiple of 4, from the marker's column, which
 * follows spaces only). Undefined for any other line, a thematic break included.
 */
function itemStartOf(rest: string, indent: number): { markerLength: number; spaces: number; contentAt: number } | undefined {
  const item = /^(?:[-+*]|\d{1,9}[.)])([ \t]+)(?=\S)/.exec(rest);
  if (!item || /^(?:[-*_][ \t]*)+$/.test(rest)) return undefined;
  const markerLength = item[0].length - item[1]!.length;
  const white = item[1]!;
  let column = indent + markerLength;
  for (let i = 0; i < white.length; i++) column = white.charCodeAt(i) === 9 ? column + 4 - (column % 4) : column + 1;
  return { markerLength, spaces: column - indent - markerLength, contentAt: item[0].length };
}

/** The items of a chunk of one item over its first 1 to 4 lines: shared, as EMPTY's arrays are (read, never written). */
// Not frozen: a frozen object or array has a map of its own, and the loops that read every item would see two.
const SHARED_ITEMS: ReadonlyArray<readonly RawItem[]> = [0, 1, 2, 3, 4].map((n) => [{ line: 0, endLine: n - 1 }]);

/**
 * A chunk of one item over lines [0, n): a literal in EMPTY's order, the usual items shared (a spread of EMPTY and an
 * array and an item per chunk were most of what a long list of one-line items allocated).
 */
function itemData(n: number): ChunkData {
  const items = n < SHARED_ITEMS.length ? SHARED_ITEMS[n]! : [{ line: 0, endLine: n - 1 }];
  return { headings: EMPTY.headings, items, rows: EMPTY.rows, codeLines: EMPTY.codeLines, definitions: EMPTY.definitions, openAtEnd: false, openFrom: -1, frontMatter: undefined, lineResults: undefined, signals: undefined };
}

/**
 * An HTML block that opens and closes on the line (an item of one line, `- <div>x</div>`, `- <!-- c -->`): types 1–5
 * with their end marker after the opener, types 6 and 7, which the item's end closes. (Lists of 40,000 such items
 * were read by micromark, one item at a time: 3 s at 1 MB.)
 */
function closedHtml(content: string): boolean {
  switch (htmlFlowStart(content)) {
    case 1:
      return RAW_END.test(content.slice(1));
    case 2:
      return content.indexOf('-->', 2) !== -1;
    case 3:
      return content.indexOf('?>', 2) !== -1;
    case 4:
      return content.indexOf('>', 2) !== -1;
    case 5:
      return content.indexOf(']]>', 9) !== -1;
    case 6:
    case 7:
      return true;
    default:
      return false;
  }
}

/** Item content that holds no fence, HTML, definition, setext underline or thematic break. */
function simpleItemContent(content: string): boolean {
  if (/^(?:`{3,}|~{3,}|\[[^\]]*\]:)/.test(content)) return false;
  if (content.charCodeAt(0) === 60 && htmlFlowStart(content) !== 0) return false; // HTML; not inline HTML
  if (/^(?:=+|-+)[ \t]*$/.test(content) || /^(?:[-*_][ \t]*){3,}$/.test(content)) return false;
  return true;
}

function lineNumbers(n: number, from = 0): number[] {
  const out = new Array<number>(n - from);
  for (let l = from; l < n; l++) out[l - from] = l;
  return out;
}

/** A closing fence: up to 3 spaces, at least `length` of the opening character, then only spaces or tabs. */
function closesFence(line: string, char: number, length: number): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const from = i;
  while (line.charCodeAt(i) === char) i++;
  if (i - from < length) return false;
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  return i === line.length;
}

/**
 * The length of the fence that opens a fenced code block at the start of `rest` (after its line's indentation): three
 * or more backticks or tildes, then an info string, which after backticks holds no backtick (else the line is text).
 * 0 for any other line. By character codes: asked of lines of list items.
 */
function fenceLength(rest: string): number {
  const c = rest.charCodeAt(0);
  if (c !== 96 && c !== 126) return 0;
  let end = 1;
  while (rest.charCodeAt(end) === c) end++;
  if (end < 3 || (c === 96 && rest.indexOf('`', end) !== -1)) return 0;
  return end;
}

/** Whether the first `at` characters of the line (its indentation) hold no tab. */
function noTabBefore(line: string, at: number): boolean {
  for (let k = 0; k < at; k++) if (line.charCodeAt(k) === 9) return false;
  return true;
}

/**
 * A fenced code block opened inside a list item whose content starts at column `contentIndent` (its opening fence, of
 * `length` characters `char`, on the line before `from`, at most three columns right of the content), read as
 * micromark reads it: a blank line is the code's; a line left of the content ends the item and the code with it (a
 * fence takes no lazy line); a line of `length` or more of `char` then only spaces and tabs, less than four columns
 * right of the content, closes it; any other line is code. `next` is the line after the fence (its closing line's, or
 * the line that ended it, or n when the chunk ends inside it: `open`). Undefined when unsure: a line whose indentation
 * holds a tab that may close the fence (its columns inside the item), or a line left of the content led by a control
 * character (micromark may take it for blank).
 */
function itemFence(lines: readonly string[], from: number, n: number, contentIndent: number, char: number, length: number): { next: number; open: boolean } | undefined {
  for (let k = from; k < n; k++) {
    const line = lines[k]!;
    let at = 0;
    while (line.charCodeAt(at) === 32) at++;
    if (line.charCodeAt(at) === 9) {
      let w = at;
      while (isSpaceOrTab(line.charCodeAt(w))) w++;
      if (w === line.length) continue;
      if (columnsOf(line) < contentIndent) return line.charCodeAt(w) < 33 ? undefined : { next: k, open: true };
      if (line.charCodeAt(w) === char) return undefined;
      continue;
    }
    if (at === line.length) continue;
    if (at < contentIndent) return line.charCodeAt(at) < 33 ? undefined : { next: k, open: true };
    if (at - contentIndent < 4 && line.charCodeAt(at) === char) {
      let end = at;
      while (line.charCodeAt(end) === char) end++;
      if (end - at < length) continue;
      while (isSpaceOrTab(line.charCodeAt(end))) end++;
      if (end === line.length) return { next: k + 1, open: false };
    }
  }
  return { next: n, open: true };
}

/**
 * The content column of the list item that a line inside an item starts, less than four columns right of that item's
 * content (`rest` after its indentation, `at` characters; `indent` columns): surely an item, never a paragraph's lazy
 * or next line (a bullet, or "1." / "1)", which may interrupt a paragraph, or any when no paragraph is open), with
 * spaces only before its content and at most four after its marker, and content that starts a paragraph (so no item
 * or other container nested deeper). -1 for any other line.
 */
function nestedItemContent(line: string, at: number, rest: string, indent: number, paragraph: boolean, chunk: string): number {
  const c = rest.charCodeAt(0);
  if (!(c === 45 || c === 43 || c === 42 || (c >= 48 && c <= 57))) return -1;
  const item = itemStartOf(rest, indent);
  if (item === undefined || item.spaces > 4 || !noTabBefore(line, at + item.contentAt)) return -1;
  if (paragraph && c >= 48 && c <= 57 && !(item.markerLength === 2 && c === 49)) return -1;
  const content = rest.slice(item.contentAt);
  return simpleItemContent(content) && startsParagraph(content, chunk) ? indent + item.markerLength + item.spaces : -1;
}

/**
 * A line (`rest`, after its indentation) of list markers, each followed by white space, then "#" that starts an ATX
 * heading ("- # h", "1. - ## h"), or maybe indented code ("-     # h", no paragraph either). By character codes, in
 * one pass (a line of many markers is read once).
 */
function headingInItem(rest: string): boolean {
  let at = 0;
  for (;;) {
    const c = rest.charCodeAt(at);
    let end = at;
    if (c === 45 || c === 43 || c === 42) end = at + 1;
    else {
      while (end - at < 9 && rest.charCodeAt(end) >= 48 && rest.charCodeAt(end) <= 57) end++;
      const d = rest.charCodeAt(end);
      if (end === at || (d !== 46 && d !== 41)) break;
      end++;
    }
    if (!isSpaceOrTab(rest.charCodeAt(end))) break;
    at = end;
    while (isSpaceOrTab(rest.charCodeAt(at))) at++;
  }
  return at > 0 && rest.charCodeAt(at) === 35 && ATX_START.test(rest.slice(at));
}

/**
 * The chunk's items when the last one ends inside an unclosed fence: it runs on to the chunk's last line, blank lines
 * included, and the chunk ends open, though not at the top level (openFrom -1, as remark says).
 */
function openItem(lines: readonly string[], before: readonly RawItem[] | undefined, itemStart: number, definitions: readonly string[] | undefined): ChunkData {
  const last: RawItem = { line: itemStart, endLine: lines.length - 1 };
  return { ...EMPTY, items: before ? [...before, last] : [last], definitions: definitions ?? EMPTY.definitions, openAtEnd: true };
}

/**
 * A heading whose only inline syntax is brackets that cannot be links here: no "](" (an inline link) and no
 * definition in the chunk. References to definitions elsewhere are resolved by the model.
 */
function literalBrackets(content: string, chunk: string): boolean {
  return onlyBrackets(content) && !mayDefine(chunk);
}

/** Text whose only inline syntax is brackets, none before "(" (no inline link): literal where no definition is. */
function onlyBrackets(content: string): boolean {
  return !INLINE_SYNTAX_BUT_BRACKETS.test(content) && !content.includes('](');
}

/**
 * A chunk of paragraphs, table rows and block quotes, in any order and at any length: read line by line in linear
 * time (micromark takes about 70 µs per line of a long paragraph, and is super-linear on deep block quotes). Nothing
 * in it is a heading, list item or code, and nothing inside a block quote is top-level; what the model takes from it
 * is the table rows: lines starting with "|" in a top-level paragraph. Anything else (a line that could open another
 * block, a setext underline, a definition, a fence or HTML inside a quote, a row right after a quote, which may be
 * the quote's lazy line) sends the chunk to remark.
 */

/**
 * The last line of an item whose marker (line `at`) has nothing after it and whose content starts on the next line,
 * indented to `column`: one paragraph, maybe in a block quote ("-", "  > x"), with its next lines in the item and its
 * lazy lines, to the line before one that starts a block at the top level (a heading, a quote, a fence, a thematic
 * break, a list item), or to the chunk's end. -1 when the content is anything else, or a blank line, a setext-shaped
 * line or a line that may be a definition comes (remark says). Lines of "-", "\tx", "==", "*" in turn, or "-",
 * "  > x", "#x", went to micromark whole: 20 s for 256 KB.
 */
function emptyItemParagraph(lines: readonly string[], at: number, n: number, column: number): number {
  let i = at + 1;
  for (; i < n; i++) {
    const line = lines[i]!;
    if (isBlank(line)) return -1;
    const columns = columnsOf(line);
    let rest = line.trimStart();
    if (columns >= column) {
      // In the item, less than four columns right of its content: no code. A quote's markers, then its paragraph.
      // Or a nested list item's marker, then its paragraph ("-", "  - x").
      if (columns - column >= 4 || THEMATIC_BREAK.test(rest)) return -1;
      const nested = NESTED_ITEM.exec(rest);
      if (nested) rest = rest.slice(nested[0].length);
      else if (MARKER_LED.test(rest)) return -1; // a marker with a tab or five spaces after it, or none: remark says
      if (nested && MARKER_LED.test(rest)) return -1;
      if (rest.charCodeAt(0) === 62) {
        rest = rest.slice(1).trimStart();
        if (rest.charCodeAt(0) === 62 || rest === '') return -1;
      }
      // (A "[" may start a definition, "<" HTML: remark says. Inline HTML, "<x", is text.)
      const c = rest.charCodeAt(0);
      if (c === 91 || (c === 60 && htmlFlowStart(rest) !== 0) || !(i === at + 1 || nested ? topParagraphStart(rest, '') : continuesInItem(rest))) return -1;
      continue;
    }
    // Left of the content: a lazy line of the paragraph, or the item's end (not right under the marker: then the item
    // is empty, remark says).
    if (i === at + 1) return -1;
    if (columns <= 3 && (startsBlock(line) || loneMarker(rest) !== 0 || paragraphItem(line))) break;
    // (A line of "=" is a lazy line too: it underlines nothing there.)
    if (columns > 3 || !(continuesInItem(rest) || (rest.charCodeAt(0) === 61 && SETEXT_SHAPE.test(rest)))) return -1;
  }
  return i - 1;
}

/** Whether an item's content starts a block quote or a nested list item (see containerSeen in listItem). */
function startsContainer(content: string): boolean {
  return content.charCodeAt(0) === 62 || NESTED_ITEM.test(content) || loneMarker(content) !== 0;
}

/** A list item's marker with text after it (bullet, or ordered of any number), and the one to four spaces after it (five: code). */
const NESTED_ITEM = /^(?:[-+*]|\d{1,9}[.)]) {1,4}(?=\S)/;

/** The content of a line that goes on with a paragraph (in an item, or lazily): it starts no block, and underlines nothing. */
function continuesInItem(rest: string): boolean {
  const c = rest.charCodeAt(0);
  // ("[" may start a definition, "<" an HTML block where a container is not continued: remark says.)
  if (c === 91 || c === 62 || (c === 60 && htmlFlowStart(rest) !== 0) || SETEXT_SHAPE.test(rest) || startsBlock(rest)) return false;
  return topParagraphNext(rest) && loneMarker(rest) === 0;
}

/** A line that starts with a list marker (up to three spaces before it), maybe an empty item's. */
const MARKER_LED = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

/** A line a setext heading may be underlined with (no spaces between its characters). */
const SETEXT_SHAPE = /^(?:=+|-+)[ \t]*$/;

function proseChunk(lines: readonly string[], n: number, eol: string | undefined, from = 0, heading?: RawHeading, outer?: readonly string[]): ChunkData | undefined {
  // The rows: made only at a second one, so a chunk of one row (every row of a long table is its own chunk) keeps the
  // shared [0], not an array of 17 slots made by a push.
  let rows: number[] | undefined;
  let only = -1;
  let definitions: string[] | undefined;
  let open: 'none' | 'paragraph' | 'quote' = 'none';
  // In a block quote ('quote'): the quote's innermost block is surely a paragraph, which takes lazy lines (text, "===")
  // and how many ">" its last line had. Unsure (a list, code or heading in the quote), a lazy-looking line is sent to
  // remark: it may start a paragraph at the top level instead.
  let quotePara = false;
  let quoteDepth = 0;
  let quoteEmpty = false; // the quote's last line was ">" alone
  let quoteClosed = false; // the quote's last line closed the block open at its depth (a heading, a thematic break)
  // Every line of the quote so far was of a kind known here (a paragraph's, ">" alone, a definition, one that closes a
  // block): no list item, code or other block is open in it, whose lazy lines or nesting would read otherwise.
  let quoteSure = false;
  let afterDefinition = false; // the line before was a definition
  let quoteDefinition = -1; // the line before was a definition in a quote of this depth
  let headings: RawHeading[] | undefined = heading && [heading];
  let paraLine = -1; // the unindented line that started the open paragraph, if it did so here
  // The same line, while the paragraph it started is open (-1 once anything else is): a setext underline after it makes
  // its lines one heading.
  let paraFrom = -1;
  let paraIndent = 0; // the columns before paraLine's text (a setext heading starts there)
  // The first of the definitions right before paraLine, whose content the paragraph shares (a setext heading of it
  // starts there, remark says), and its indentation; -1 when none is.
  let paraDef = -1;
  let defStart = -1; // the first line of the run of definitions the last one read belongs to
  let defIndent = 0;
  // The setext headings, made at the end, when their text is read: for each, the line its source starts on and the
  // character, its content's first line, its underline's line and its depth (the only headings found here).
  let pending: number[] | undefined;
  let codeLines: number[] | undefined; // lines of indented code at the top level
  let codeTo = -1; // the line after the last line of code, while only blank lines follow it
  let markerItemAfterCode = false; // after that code, a list marker is an item, or remark says (see below)
  let quoteTag = -1; // the last line of a lone tag that a quote's paragraph took (an HTML block in the quote)
  let quoteItemText = false; // the quote's only line holds a list item whose paragraph starts there ("> - q")
  let markerPara = -1; // the first line of a paragraph that a list marker after code starts
  let items: RawItem[] | undefined; // empty list items (lone markers) at the top level
  // ATX headings and HTML blocks at the top level after the chunk's first line: their headings (HTML's `<h2>`),
  // merged with the setext headings by line at the end, and where the last HTML block or fenced code block starts when
  // it runs on into the next chunk.
  let midHeadings: RawHeading[] | undefined;
  let htmlOpenFrom = -1;
  // The depth of the quote of a fence left unclosed by the line last read, or by lines of ">" alone after it, each as
  // deep as the one before or less (they make no block); 0 when none is.
  let openFence = 0;
  let openFenceSure = true; // remark.ts takes that fence for an unclosed one (see unclosedEnd)
  for (let i = from; i < n; i++) {
    if (open !== 'paragraph') paraFrom = -1;
    const line = lines[i]!;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    let rest: string;
    if (line.charCodeAt(indent) === 9) {
      // A tab in the indentation makes four columns or more: read below as indented by four (code, a lazy line, the
      // next line of a paragraph or definition's content).
      if (isBlank(line)) {
        // (After code, a blank line of four columns or more is code: remark says.)
        if (codeTo !== -1) return undefined;
        open = 'none';
        afterDefinition = false;
        openFence = 0;
        continue;
      }
      let at = indent;
      while (isSpaceOrTab(line.charCodeAt(at))) at++;
      rest = line.slice(at);
      indent = 4;
    } else rest = indent === 0 ? line : line.slice(indent);
    if (rest === '') {
      if (codeTo !== -1 && indent >= 4) return undefined;
      open = 'none';
      afterDefinition = false;
      // (A line after it, ">" alone too, makes a block after the quote.)
      openFence = 0;
      continue;
    }
    const codeBefore = codeTo;
    codeTo = -1;
    if (indent <= 3 && rest.charCodeAt(0) === 62 /* > */) {
      afterDefinition = false;
      if (line.includes('```') || line.includes('~~~')) {
        // A fenced code block in the quote (a quote holding a fence, then a list item, over and over, went to
        // micromark: 1.5 s for 64 KB). Where a list may be open in the quote, only a fence left of any item's content
        // (one space at most) surely starts in the quote itself.
        const fence = quotedFenceOpen(rest, open !== 'quote' || quoteSure ? 4 : 2);
        if (fence === undefined) return undefined;
        const end = quotedFenceEnd(lines, i + 1, n, fence);
        if (end === undefined) return undefined;
        // Whatever was open in the quote ended at the fence, which ends where it closes or where a line does not go on
        // with its quotes (no lazy line goes on with a fence): after it nothing in the quote takes lazy lines, and the
        // next line starts afresh at its depth, as after a heading.
        quoteDefinition = -1;
        quoteDepth = fence.depth;
        quotePara = quoteEmpty = false;
        quoteClosed = quoteSure = true;
        open = 'quote';
        // Unclosed, the fence is open at the chunk's end (to remark, its last block) when nothing follows it but lines
        // of ">" alone, each as deep as the one before or less, which make no block; the next chunk ends the quote
        // and the fence with it (openFrom -1).
        openFence = end.closed ? 0 : fence.depth;
        openFenceSure = end.sure;
        i = end.closed ? end.line : end.line - 1;
        continue;
      }
      if (line.includes('<') && !quotedProse(rest)) return undefined;
      const depth = quoteDepth;
      const inner = quoteContent(rest);
      if (inner === undefined) return undefined;
      if (openFence !== 0) openFence = inner.content === '' && inner.depth <= openFence ? inner.depth : 0;
      if (open !== 'quote') quoteSure = true;
      // A paragraph in the quote: a line that starts one, or a lazy-proof continuation of the one open (not in a quote
      // nested deeper than the last line's, which starts afresh).
      const continues: boolean = open === 'quote' && quotePara && inner.depth <= depth;
      // Right after a definition in a quote of the same depth, the quote's content goes on: another definition may
      // start, however indented. A lazy line of a deeper quote's content ("> > [a]: /x", "> b") is left to remark.
      const afterQuotedDefinition = open === 'quote' && quoteDefinition !== -1;
      if (afterQuotedDefinition && inner.depth < quoteDefinition) return undefined;
      const contentGoesOn = afterQuotedDefinition && inner.depth === quoteDefinition;
      quoteDefinition = -1;
      // Indented code in the quote, where its blocks are known (in a list item in it, it may be a definition).
      const code = inner.indent >= 4 && !contentGoesOn;
      if (!continues && inner.content.charCodeAt(0) === 91 /* [ */ && !(code && quoteSure)) {
        // A definition may start only where no paragraph of the quote goes on: at the quote's start, after a line of
        // ">" alone, in a quote nested deeper than the line before, or right after a definition. Elsewhere (after a
        // list item, code or a line of unsure kind in the quote), remark says.
        if (code || !(open !== 'quote' || contentGoesOn || (quoteSure && (quoteEmpty || quoteClosed || inner.depth > depth)))) return undefined;
        // A link reference definition in the quote, or surely a paragraph's first line; anything unsure goes to remark.
        const d = quotedDefinitionAt(inner.content, lines, i, n, inner.depth, eol);
        if (d === undefined) return undefined;
        quoteEmpty = false;
        quoteClosed = false;
        quoteDepth = inner.depth;
        open = 'quote';
        if (d === '') {
          quotePara = true;
          continue;
        }
        (definitions ??= []).push(d.source);
        quotePara = false;
        quoteDefinition = inner.depth;
        i += d.lines - 1;
        continue;
      }
      // A line that closes the block open at its depth, so that the next line starts afresh: an ATX heading, a thematic
      // break, or a setext underline under the quote's paragraph of that depth (on a lazy line, "===" is text).
      // Where the quote held a block of unsure kind, "===" may be its lazy line or an underline: remark says.
      const content = inner.content;
      // An item that cannot interrupt a paragraph ("*", "2.") where the quote may hold a list: a line that does not
      // continue the list's item lets micromark start any container there (it checks interruption only on a line that
      // continues every container), so it may be a new item, which takes no lazy line ("> - x", "> *", then "\tx"
      // is code at the top level). remark says.
      if (continues && !quoteSure && cannotInterrupt(content)) return undefined;
      const setext = inner.indent < 4 && SETEXT_SHAPE.test(content);
      if (!quoteSure && setext && content.charCodeAt(0) === 61) return undefined;
      quoteClosed = inner.indent < 4 && (ATX_START.test(content) || THEMATIC_BREAK.test(content) || (quoteSure && continues && inner.depth === depth && setext));
      quotePara =
        !quoteClosed &&
        content !== '' &&
        ((inner.indent < 4 && startsQuoteParagraph(content)) ||
          (continues && (inner.indent >= 4 || CONTINUATION_LINE.test(content))) ||
          // Text that goes on with the paragraph of its depth, or after a definition with its content (a paragraph's),
          // unless it starts another block.
          ((continues || contentGoesOn) && inner.depth === depth && typeof continuation(inner.indent === 0 ? content : ' '.repeat(inner.indent) + content, false) === 'string'));
      if (!quotePara && !quoteClosed && content !== '') quoteSure = false;
      // "]:" in a line that is no paragraph's (a list item, code in the quote), or after a block of unsure kind (whose
      // label may go on into it): a definition may start or end in it, which remark reads.
      if (line.includes(']:') && !(quotePara && quoteSure)) return undefined;
      quoteEmpty = content === '';
      // (A quote's first line: nothing else in it may be open.)
      quoteItemText = open !== 'quote' && inner.indent < 4 && QUOTE_ITEM_TEXT.test(content);
      // A lazy line of a deeper quote's paragraph leaves that quote open: the depth stays the paragraph's.
      quoteDepth = continues && quotePara && inner.depth < depth ? depth : inner.depth;
      open = 'quote';
      continue;
    }
    // A line that is not a quote's, right after a definition in one: a lazy line of the quote's content, or the end of
    // the quote; the checks below send the first to remark (quotePara is false).
    quoteDefinition = -1;
    openFence = 0;
    // After a quote line with nothing on it, nothing takes lazy lines: the line is read as at the top level.
    if (open === 'quote' && (quoteEmpty || quoteClosed)) open = 'none';
    // A lone tag (type 7) on a lazy line of the quote's paragraph: micromark starts an HTML block in the quote there
    // (no block of the model's), which the next line ends unless it goes on with the quote (remark says); that line
    // starts afresh at the top level, as after a heading. ("> q", "<br>", then 1 MB of text was one chunk read by
    // micromark: 3 ms a KB.)
    if (open === 'quote' && (quotePara || quoteItemText) && indent <= 3 && rest.charCodeAt(0) === 60 && htmlFlowStart(rest) === 7) {
      if (i + 1 < n && quoteLed(lines[i + 1]!)) return undefined;
      open = 'none';
      quotePara = false;
      quoteTag = i;
      continue;
    }
    // After a quote line, too: a list item starts wherever the quote is not continued (micromark asks whether an empty
    // item may interrupt a paragraph only when every container went on), so the quote ends above it ("-", "> x", "-"
    // in turn went to micromark).
    if ((open === 'none' || open === 'quote') && indent <= 3) {
      // A list marker alone where nothing is open: an empty item, which holds no paragraph to take lazy lines, so the
      // next line starts afresh unless indented to the item's content (then remark says). Not after a definition or
      // indented code, where micromark reads the marker as paragraph text (see itemsAfterCode). Lines of "-" among text
      // (a setext heading, then empty items) went to micromark whole: 35 µs a byte, 430 ms for 32 KB of "'x" and "-".
      const marker = loneMarker(rest);
      if (marker !== 0 && codeBefore !== -1 && !markerItemAfterCode && !afterDefinition && open === 'none') {
        // After code, micromark reads the marker as a paragraph's first line ("~x", "-", "    x", "-", over and over, was
        // one chunk read by micromark: 6.5 s for 256 KB).
        open = 'paragraph';
        paraLine = paraFrom = i;
        paraIndent = indent;
        paraDef = -1;
        markerPara = i;
        continue;
      }
      if (marker !== 0) {
        if (afterDefinition || codeBefore !== -1) return undefined;
        const contentColumn = indent + marker + 1;
        let next = i + 1;
        while (next < n && isBlank(lines[next]!)) next++;
        if (next === i + 1 && next < n && columnsOf(lines[next]!) >= contentColumn) {
          // Content on the lines under the marker: a paragraph, maybe in a block quote, with its lazy lines.
          const end = emptyItemParagraph(lines, i, n, contentColumn);
          if (end === -1) return undefined;
          (items ??= []).push({ line: i, endLine: end });
          open = 'none';
          i = end;
          continue;
        }
        if (next < n && columnsOf(lines[next]!) >= (next === i + 1 ? contentColumn : 2)) return undefined;
        (items ??= []).push({ line: i, endLine: i });
        open = 'none';
        continue;
      }
    }
    // A list item with content where it starts a list at the top level: where nothing is open, after a quote's line
    // (the quote is not continued), or where it interrupts a paragraph (a bullet, or "1."). What is above ends there,
    // and the list from it on is read alone, below it (a paragraph or quote line, then "  - x", over and over, went to
    // micromark: each such chunk cost a parse, 18 ms a KB).
    if (indent <= 3 && eol !== undefined && !afterDefinition && codeBefore === -1 && (i > from || heading !== undefined) && !THEMATIC_BREAK.test(rest) && (open !== 'paragraph' || INTERRUPTING_ITEM.test(rest)) && itemStartOf(rest, indent) !== undefined) {
      const head = proseChunk(lines.slice(0, i), i, eol, from, heading, outer);
      if (!head || head.openAtEnd) return undefined;
      const tail = lines.slice(i).join(eol);
      return joinTail(head, readTail(tail), i, tail.includes('['));
    }
    if (open === 'none' && rest.charCodeAt(0) === 91 /* [ */ && (indent < 4 || afterDefinition)) {
      // A link reference definition, or surely a paragraph's first line; anything unsure goes to remark. Right after a
      // definition, the content goes on and another one may start, however indented.
      const afterDef = afterDefinition;
      afterDefinition = false;
      const d = definitionAt(rest, lines, i, n, eol);
      if (d === undefined) return undefined;
      if (d !== '') {
        (definitions ??= []).push(d.source);
        if (!afterDef) {
          defStart = i;
          defIndent = indent;
        }
        afterDefinition = true;
        i += d.lines - 1;
        continue;
      }
      open = 'paragraph';
      // The paragraph's first line, which a setext underline may make a heading ("[" then "-", over and over, went to
      // micromark: 2.2 s for 64 KB).
      paraLine = paraFrom = i;
      paraIndent = indent;
      paraDef = afterDef ? defStart : -1;
      continue;
    }
    if (indent >= 4) {
      // Indented code, unless it continues a paragraph (a quote's paragraph, lazily, or a top-level one), or follows a
      // definition: then it starts a paragraph (indented code cannot interrupt the definition's content).
      if (open === 'none' && afterDefinition) {
        open = 'paragraph';
        paraLine = paraFrom = i;
        paraDef = defStart;
      } else if (open === 'none') {
        // Indented code where nothing is open (at the start, after a quote line that takes no lazy line, a heading or
        // code): after code and blank lines, micromark reads the code on or a block of its own, depending on what
        // precedes (after a block quote: another block), so remark says ("\tx" lines after ">" went to micromark).
        if (codeBefore !== -1 && codeBefore !== i) return undefined;
        if (codeBefore === -1) {
          // A new run of code: after a block quote or a list item, micromark reads a list marker after it as an item;
          // at the chunk's start, after a heading, a thematic break or a paragraph (blank lines between), as a
          // paragraph's text (see below). Elsewhere, remark says.
          let above = i - 1;
          while (above >= from && isBlank(lines[above]!)) above--;
          const t = above >= from ? lines[above]! : '';
          markerItemAfterCode =
            above < from
              ? !(from === 0 || (from === 1 && heading !== undefined))
              : quoteLed(t) || above === quoteTag || (MARKER_LED.test(t) && !THEMATIC_BREAK.test(t.trim()) && !(pending !== undefined && pending[pending.length - 2] === above));
        }
        (codeLines ??= []).push(i);
        codeTo = i + 1;
      } else if (open !== 'paragraph' && !(open === 'quote' && quotePara)) return undefined;
      afterDefinition = false;
      continue;
    }
    // A fenced code block at the top level: it interrupts a paragraph and is no lazy line of a quote (which ends there),
    // so it starts afresh, and after its closing line nothing is open. Its lines are code; unclosed, it runs to the
    // chunk's end and on into the next chunk. Not right after a definition (remark says). ("2.", "(", "  ```" in turn
    // was one chunk read by micromark: 27 ms a KB.)
    const fence = afterDefinition ? 0 : fenceLength(rest);
    if (fence !== 0) {
      const char = rest.charCodeAt(0);
      let close = i + 1;
      while (close < n && !closesFence(lines[close]!, char, fence)) close++;
      codeLines ??= [];
      const last = close < n ? close : lines.length - 1;
      for (let l = i; l <= last; l++) codeLines.push(l);
      open = 'none';
      if (close >= n) {
        htmlOpenFrom = i;
        break;
      }
      i = close;
      continue;
    }
    // (A paragraph right after a definition shares its content: remark starts its setext heading at the definition.)
    const afterDef = afterDefinition;
    afterDefinition = false;
    if (open === 'none' && THEMATIC_BREAK.test(rest)) continue; // after a blank line or at the start: never an underline
    if (open === 'quote') {
      // A thematic break is never a lazy line: it ends the quote, and nothing is open after it. A line of "=" (or
      // "-", "--") after a paragraph in the quote is one of its lazy lines; elsewhere it may start a paragraph.
      if (THEMATIC_BREAK.test(rest)) {
        open = 'none';
        continue;
      }
      // ("--" lines after "> q" went to micromark, quadratic in lazy lines: 6.7 s for 64 KB.)
      if (lazyUnderline(rest)) {
        if (!quotePara) return undefined;
        continue;
      }
    }
    // A setext underline (indented by up to three) after a paragraph that started in this chunk: a heading of all its
    // lines ("x---" typed into a run of thematic breaks sent the whole run to micromark; 1 MB of a pasted log, then
    // "---", took 1.5 s). Its text is read at the chunk's end, when every definition a reference in it may name is known.
    // (Lines of a chunk with a CR keep their endings in the text, not known here: a heading of one line only.)
    if (open === 'paragraph' && paraFrom >= 0 && paraFrom === paraLine && SETEXT_SHAPE.test(rest) && (paraLine === i - 1 || eol !== undefined)) {
      // A heading whose text starts with a list marker and has inline syntax, or a line that ends in white space:
      // remark says (as in itemsAfterCode).
      if (markerPara === paraLine) {
        for (let l = paraLine; l < i; l++) if (lines[l]!.trimEnd() !== lines[l] || (l > paraLine && loneMarker(lines[l]!.trimStart()) === 0 && INLINE_SYNTAX.test(lines[l]!))) return undefined;
      }
      const start = paraDef === -1 ? paraLine : paraDef;
      (pending ??= []).push(start, paraDef === -1 ? paraIndent : defIndent, paraLine, i, rest.charCodeAt(0) === 61 ? 1 : 2);
      // Its rows are the heading's text.
      if (rows) while (rows.length > 0 && rows[rows.length - 1]! >= paraLine) rows.pop();
      else if (only >= paraLine) only = -1;
      open = 'none';
      continue;
    }
    // A thematic break that is no setext underline ("***", "- - -") ends a paragraph (not a table: rows are left alone).
    if (open === 'paragraph' && rows === undefined && only === -1 && THEMATIC_BREAK.test(rest) && !SETEXT_SHAPE.test(rest)) {
      open = 'none';
      continue;
    }
    if (rest.charCodeAt(0) === 124 /* | */) {
      // After a paragraph in a quote, a lazy line of it (no row); after anything else in a quote, unsure.
      if (open === 'quote') {
        if (!quotePara) return undefined;
        continue;
      }
      if (indent === 0) {
        if (rows) rows.push(i);
        else if (only === -1) only = i;
        else rows = [only, i];
      }
      if (open === 'none') {
        // A row's paragraph too may be a setext heading's text (a table, then lines of "  --", went to micromark).
        paraLine = paraFrom = i;
        paraIndent = indent;
        paraDef = afterDef ? defStart : -1;
      }
      open = 'paragraph';
      continue;
    }
    const c0 = rest.charCodeAt(0);
    // An ATX heading at the top level (it interrupts a paragraph), whose text needs no inline parse (brackets aside,
    // which may name a definition anywhere in the chunk: remark says). A chunk the scan did not cut before it (after
    // a paragraph line of a lone tag, "<br>", which may open an HTML block) went to micromark whole.
    if (c0 === 35 /* # */ && !afterDef && (open === 'none' || open === 'paragraph') && ATX_START.test(rest)) {
      if (BRACKETS.test(rest)) return undefined;
      const h = atxRead(rest, rest);
      if (h === undefined || h === INLINE) return undefined;
      (midHeadings ??= []).push({ ...h, line: i, character: indent, endLine: i, endCharacter: line.length });
      open = 'none';
      continue;
    }
    // An HTML block at the top level where it may start: any kind where nothing is open, kinds 1-6 also after a
    // paragraph line or a definition (they interrupt one; a lone tag of kind 7 is the paragraph's next line, or starts
    // a paragraph that shares the definition's content, read below). Not in a quote (remark says). Lines of "<br>" or
    // "<div>" after a heading or a setext underline, or a comment after text, sent the whole chunk to micromark (11 KB
    // of "<br>", "|" and "===" lines: about 1 s).
    const htmlKind = c0 === 60 /* < */ ? htmlFlowStart(rest) : 0;
    if (htmlKind !== 0 && eol !== undefined && (open === 'none' || open === 'paragraph')) {
      const kind = htmlKind;
      if (kind !== 7 || (open === 'none' && !afterDef)) {
        const end = htmlBlockEnd(lines, n, i, rest, kind);
        const last = end === -1 ? lines.length - 1 : end;
        const source = lines.slice(i, last + 1).join(eol);
        if (kind !== 2 || mayHoldHeadings(source)) for (const h of htmlHeadings(source, i, 0)) (midHeadings ??= []).push(h);
        codeLines ??= [];
        for (let l = i; l <= last; l++) codeLines.push(l);
        // Unclosed (kinds 1-5), or of kind 6-7 and reaching the chunk's last line with no blank line after it: it runs
        // on into the next chunk.
        if (end === -1 || (kind >= 6 && end === n - 1 && n === lines.length)) {
          htmlOpenFrom = i;
          break;
        }
        open = 'none';
        i = end;
        continue;
      }
    }
    const starts =
      (open === 'none' ? PARAGRAPH_LINE.test(rest) || (c0 === 96 && !rest.startsWith('```')) || paragraphDashes(rest) : CONTINUATION_LINE.test(rest)) ||
      (c0 === 60 ? inlineHtmlLine(rest, open) || (htmlKind === 7 && afterDef && open === 'none') : plainLine(rest) || (open === 'paragraph' && cannotInterrupt(rest))) ||
      (open === 'none' && codeBefore !== -1 && !markerItemAfterCode && !afterDef && paragraphItem(rest)); // "2." after code: see above
    if (!starts) return undefined;
    if (open === 'none' && codeBefore !== -1 && paragraphItem(rest)) markerPara = i;
    // A lazy line of a quote: only where the quote surely holds a paragraph (after "> - a" or ">" it may start one).
    if (open === 'quote' && !quotePara) return undefined;
    if (open === 'none') {
      open = 'paragraph';
      // (Indented by up to three: "  --" lines, each pair a heading, went to micromark.) Right after a definition, a
      // line of a setext underline's shape underlines nothing (the content holds only definitions): a paragraph starts
      // there; any other line goes on with the definitions' content, and a heading of it starts at the first of them.
      paraLine = paraFrom = i;
      paraIndent = indent;
      paraDef = afterDef && !SETEXT_SHAPE.test(rest) ? defStart : -1;
    }
  }
  if (codeTo !== -1) for (let i = n; i < lines.length; i++) if (indentOf(lines[i]!) >= 4) return undefined;
  if (openFence !== 0 && !openFenceSure) return undefined;
  if (pending) {
    // Every definition of the chunk is known now: those before `from` (outer) and those read here.
    const all = outer && definitions ? [...outer, ...definitions] : outer ?? definitions;
    let byLabel: ReadonlyMap<string, string> | undefined;
    const labels = all && all.length > 0 ? () => (byLabel ??= definitionsByLabel(all)) : undefined;
    headings ??= [];
    for (let k = 0; k < pending.length; k += 5) {
      const line = pending[k]!;
      const character = pending[k + 1]!;
      const end = pending[k + 3]!;
      const text = setextHeadingText(lines, line, character, pending[k + 2]!, end, labels);
      if (text === undefined) return undefined;
      headings.push({ depth: pending[k + 4]!, text: withoutNul(text), kind: 'setext', line, character, endLine: end, endCharacter: lines[end]!.length });
    }
  }
  if (midHeadings) headings = headings ? byLine(headings, midHeadings) : midHeadings;
  const data = chunkData(headings ?? EMPTY.headings, rows ?? (only === -1 ? NO_ROWS : only === 0 ? FIRST_ROW : [only]), definitions ?? EMPTY.definitions, codeLines);
  // Open at the end: an HTML block or a fence of the top level (from its line), or a fence in a quote (openFrom -1: see
  // ChunkData).
  const open2 = htmlOpenFrom !== -1 || openFence !== 0 ? { ...data, openAtEnd: true, openFrom: htmlOpenFrom } : data;
  return items ? { ...open2, items } : open2;
}

/** Two lists of headings, each in the order of their lines, merged into one. */
function byLine(a: readonly RawHeading[], b: readonly RawHeading[]): RawHeading[] {
  const out: RawHeading[] = [];
  let j = 0;
  for (const h of a) {
    while (j < b.length && b[j]!.line < h.line) out.push(b[j++]!);
    out.push(h);
  }
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/**
 * The last line of the HTML block of `kind` that starts on line `i` (`rest`: the line without its indentation): for
 * kinds 1-5 the line holding its end marker (type 1: any of the four closing tags, `<script>` … `</pre>` is closed;
 * types 2–5: their marker, which holds no letters, searched after the opener on the first line: "<!-->" is a whole
 * comment), -1 when none does (it runs to the chunk's end and on); for kinds 6-7 the line before the next blank line,
 * or the chunk's last line.
 */
function htmlBlockEnd(lines: readonly string[], n: number, i: number, rest: string, kind: number): number {
  if (kind >= 6) {
    let j = i + 1;
    while (j < n && !isBlank(lines[j]!)) j++;
    return j - 1;
  }
  const raw = kind === 1;
  const end = HTML_END_MARKERS[kind]!;
  for (let j = i; j < lines.length; j++) {
    const line = j === i ? rest : lines[j]!;
    const from = j === i ? HTML_OPENER_LENGTH[kind]! : 0;
    if (raw ? RAW_END.test(from === 0 ? line : line.slice(from)) : line.indexOf(end, from) !== -1) return j;
  }
  return -1;
}

/**
 * The text of the setext heading whose content is lines [from, to) of a paragraph, underlined by line `to`, as remark
 * reads it (remark.ts headingText): its source runs from line `start` (`from`, or the first of the definitions whose
 * content the paragraph shares), character `indent`, to the underline's end. After definitions, or longer than
 * MAX_INLINE_HEADING, the text is the block parse's (paragraphText: no inline parse), references resolved when brackets
 * are its only syntax; else its inline syntax is read by inlineText over the lines (a line ending is one there, as to
 * micromark: code spans, emphasis, hard breaks over lines), with the chunk's definitions (`labels`, undefined for
 * none) for references. Undefined when remark must read it.
 */
function setextHeadingText(lines: readonly string[], start: number, indent: number, from: number, to: number, labels: (() => ReadonlyMap<string, string>) | undefined): string | undefined {
  // White space at the end other than spaces and tabs, which micromark drops (a form feed: trimmed by remark, maybe not
  // by micromark): remark says.
  const last = lines[to - 1]!;
  let end = last.length;
  while (end > 0 && isSpaceOrTab(last.charCodeAt(end - 1))) end--;
  if (isJsSpace(last.charCodeAt(end - 1))) return undefined;
  const source = (to - start === 1 ? lines[start]! : lines.slice(start, to).join('\n')).slice(indent);
  const sourceLength = source.length + 1 + lines[to]!.length;
  const syntax = INLINE_SYNTAX.test(source);
  // Lines of plain text with no white space around them to drop (most headings): the source is the text.
  if (!syntax && start === from && untrimmed(lines, from, to)) return source.trim();
  if (start < from || sourceLength > MAX_INLINE_HEADING || !syntax) {
    // (With no inline syntax, nothing to decode.)
    const text = paragraphText(lines, from, to, syntax);
    // (A definition in the source names a label: remark resolves references then, and only then.)
    if (start === from || sourceLength > MAX_INLINE_HEADING || INLINE_SYNTAX_BUT_BRACKETS.test(source) || source.includes('](')) return text.trim();
    return (shortcutReferences(text, labels!()) ?? text).trim();
  }
  // (A BOM in the source is read apart by remark: keepBom.)
  if (source.includes('\uFEFF')) return undefined;
  const byLabel = labels?.();
  // Brackets its only syntax and no definition in the chunk: literal text (the model resolves references to definitions
  // elsewhere), which inlineText does not read ("]x" lines among "-" went to micromark again).
  if (!byLabel && onlyBrackets(source)) return paragraphText(lines, from, to, false).trim();
  // A definition the source's brackets name: with brackets its only syntax, remark resolves them in the block parse's text.
  if (byLabel && source.includes('[') && definitionsUsed(source, byLabel).length > 0 && !INLINE_SYNTAX_BUT_BRACKETS.test(source) && !source.includes('](')) {
    const simple = shortcutReferences(paragraphText(lines, from, to, true), byLabel);
    if (simple !== undefined) return simple.trim();
  }
  // The source is the content as micromark reads it: each line after the first whole (its indentation is text in a
  // code span). Inline HTML over lines is left to remark.
  if (to - from > 1 && source.includes('<')) return undefined;
  return inlineText(source, byLabel ? (label) => definedIn(byLabel, label) : NONE_DEFINED)?.trim();
}

/** Whether lines [from, to) have no space or tab at their ends (but the first line's start, not in the source). */
function untrimmed(lines: readonly string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const line = lines[k]!;
    if ((k > from && isSpaceOrTab(line.charCodeAt(0))) || isSpaceOrTab(line.charCodeAt(line.length - 1))) return false;
  }
  return true;
}

/** No label is defined (a chunk without definitions). */
const NONE_DEFINED = (): boolean => false;

/**
 * The text of a paragraph's lines [from, to) as remark's block parse gives it (no inline parse: remark.ts BLOCKS_ONLY),
 * the text of a heading it does not parse again: each line without the spaces and tabs around it, escapes and character
 * references decoded, joined by line feeds, or by nothing after two spaces or more (no tab: a hard break, which
 * mdast-util-to-string reads as nothing).
 */
function paragraphText(lines: readonly string[], from: number, to: number, decode: boolean): string {
  let out = '';
  for (let k = from; k < to; k++) {
    const line = lines[k]!;
    let s = 0;
    while (isSpaceOrTab(line.charCodeAt(s))) s++;
    let e = line.length;
    let tab = false;
    while (e > s && isSpaceOrTab(line.charCodeAt(e - 1))) if (line.charCodeAt(--e) === 9) tab = true;
    const piece = s === 0 && e === line.length ? line : line.slice(s, e);
    out += decode ? escapesAndReferences(piece) : piece;
    if (k + 1 < to && (tab || line.length - e < 2)) out += '\n';
  }
  return out;
}

/**
 * A block quote line's content: its ">" markers (each after up to three spaces, with one space after it) taken off;
 * `indent`, the spaces left before the content. Undefined for a tab among them (columns that need counting).
 */
function quoteContent(line: string): { depth: number; content: string; indent: number } | undefined {
  let i = 0;
  let depth = 0;
  for (;;) {
    let j = i;
    while (j - i < 3 && line.charCodeAt(j) === 32) j++;
    if (line.charCodeAt(j) !== 62) break;
    depth++;
    i = j + 1;
    if (line.charCodeAt(i) === 32) i++;
  }
  let j = i;
  while (line.charCodeAt(j) === 32) j++;
  if (line.charCodeAt(j) === 9) return undefined;
  return { depth, content: line.slice(j), indent: j - i };
}

/** A fenced code block's opening line in a block quote: its depth (the quote's), fence character and length. */
interface QuotedFence {
  readonly depth: number;
  readonly char: number;
  readonly length: number;
}

/**
 * A quote line (`rest`, from its first ">") that opens a fenced code block in the quote: ">" markers, each followed by
 * one space or none and nothing between them (no tab: columns), then fewer spaces than `before`, then three or more
 * backticks or tildes (a backtick fence's info string holds no backtick). Undefined for any other line. Quotes up to
 * eight deep (remark reads containers past MAX_CONTAINER_DEPTH as text).
 */
function quotedFenceOpen(rest: string, before: number): QuotedFence | undefined {
  let at = 0;
  let depth = 0;
  while (rest.charCodeAt(at) === 62) {
    depth++;
    at++;
    if (rest.charCodeAt(at) === 32) at++;
  }
  if (depth > 8) return undefined;
  const start = at;
  while (rest.charCodeAt(at) === 32) at++;
  if (at - start >= before) return undefined;
  const char = rest.charCodeAt(at);
  if (char !== 96 && char !== 126) return undefined;
  let length = 0;
  while (rest.charCodeAt(at + length) === char) length++;
  if (length < 3 || (char === 96 && rest.indexOf('`', at + length) !== -1)) return undefined;
  return { depth, char, length };
}

/**
 * Where a fence opened in a quote (`fence`, on the line before `from`) ends, as micromark reads it: at the line that
 * closes it (`closed`), or at the first line that does not go on with all its quotes (n at the chunk's end), which is
 * no lazy line of it: it ends the fence and the quotes deeper than its own, and starts afresh. A line that goes on with
 * them is the code's, or closes it after up to three spaces in the quote (a run of the fence's character at least as
 * long, then only spaces and tabs). Undefined when unsure: a tab among the markers, or before what may close the fence.
 */
function quotedFenceEnd(lines: readonly string[], from: number, n: number, fence: QuotedFence): QuotedFenceEnd | undefined {
  for (let j = from; j < n; j++) {
    const line = lines[j]!;
    // The fence's quotes, each ">" after up to three spaces, with one space after it or none.
    let at = 0;
    let depth = 0;
    for (; depth < fence.depth; depth++) {
      let spaces = 0;
      while (spaces < 3 && line.charCodeAt(at) === 32) {
        at++;
        spaces++;
      }
      const c = line.charCodeAt(at);
      // A tab before the first ">" takes it to column four: no quote goes on. Before another, columns: unsure.
      if (c === 9 && depth > 0) return undefined;
      if (c !== 62) break;
      at++;
      if (line.charCodeAt(at) === 32) at++;
    }
    if (depth < fence.depth) return unclosedEnd(lines, from, j, fence);
    // Inside the quotes: the code's line, unless it closes the fence.
    let k = at;
    let tab = false;
    for (let c = line.charCodeAt(k); c === 32 || c === 9; c = line.charCodeAt(++k)) if (c === 9) tab = true;
    if (line.charCodeAt(k) !== fence.char) continue;
    if (tab) return undefined;
    if (k - at > 3) continue;
    let length = 0;
    while (line.charCodeAt(k + length) === fence.char) length++;
    if (length < fence.length) continue;
    let after = k + length;
    while (isSpaceOrTab(line.charCodeAt(after))) after++;
    if (after === line.length) return { line: j, closed: true, sure: true };
  }
  return unclosedEnd(lines, from, n, fence);
}

/**
 * A fence in a quote that line `end` (n at the chunk's end) ends unclosed. `sure` is false when remark.ts may take the
 * fence for a closed one, should it be the chunk's last block (fencedAndUnclosed reads its last line without any ">"
 * and white space: a fence-like line of its code, "> > ```" under "> ```", looks like its closing line there).
 */
function unclosedEnd(lines: readonly string[], from: number, end: number, fence: QuotedFence): QuotedFenceEnd {
  if (end > from) {
    const last = lines[end - 1]!;
    let k = 0;
    for (let c = last.charCodeAt(0); c === 62 || isJsSpace(c); c = last.charCodeAt(++k));
    let length = 0;
    while (last.charCodeAt(k + length) === fence.char) length++;
    if (length >= fence.length) return { line: end, closed: false, sure: false };
  }
  return { line: end, closed: false, sure: true };
}

/** Where a fence in a quote ends (see quotedFenceEnd). */
interface QuotedFenceEnd {
  readonly line: number;
  readonly closed: boolean;
  /** Whether remark.ts says the fence is unclosed, should it be the chunk's last block. */
  readonly sure: boolean;
}

/**
 * Content in a quote that surely starts a paragraph there (not a definition: a "[" line that may start one is read by
 * quotedDefinitionAt).
 */
function startsQuoteParagraph(content: string): boolean {
  const c = content.charCodeAt(0);
  if (c === 91) return false;
  return PARAGRAPH_LINE.test(content) || (c === 96 && !content.startsWith('```')) || c === 124;
}

/**
 * Line `i` starts with "[" (`rest`, without its indentation) where a link reference definition may start, at the top
 * level: the definition (see readDefinition) over the chunk's lines (`n`, up to its trailing blank lines), '' when
 * surely none starts there, so the line starts a paragraph, or undefined when unsure, for remark.
 */
function definitionAt(rest: string, lines: readonly string[], i: number, n: number, eol: string | undefined): ReturnType<typeof readDefinition> {
  return readDefinition(rest, (k) => (i + k < n ? continuation(lines[i + k]!, false) : null), eol);
}

/** definitionAt in a block quote of `depth` ">", whose content on line `i` (after the markers) starts with "[". */
function quotedDefinitionAt(content: string, lines: readonly string[], i: number, n: number, depth: number, eol: string | undefined): ReturnType<typeof readDefinition> {
  return readDefinition(content, (k) => (i + k < n ? quotedContinuation(lines[i + k]!, depth) : null), eol);
}

/**
 * The first characters of a line (after up to three spaces) with which continuation may say other than "text": every
 * block that may interrupt a paragraph starts with one of them, or with a digit; so does every line plainLine is unsure of.
 */
const BLOCK_START_CHARACTERS: ReadonlySet<number> = new Set([...'#-*_+>`~<=|'].map((c) => c.charCodeAt(0)));

/** An ordered or bullet list item with content that may interrupt a paragraph (and so a definition's content). */
const INTERRUPTING_ITEM = /^(?:[-+*]|1[.)])[ \t]+\S/;

/**
 * A line after a definition's first, at the top level or in a quote (as the quote's content): the line, when the
 * definition's content (a paragraph's, to micromark) goes on into it; null when it ends before it (a blank line, or a
 * block that interrupts a paragraph: a quote, heading, fence, HTML of kinds 1–6, thematic break, setext underline,
 * list item that may interrupt); undefined when unsure. `lazy`, for a line after a quote's without its markers: such
 * a line may go on with the quote's content, which is left to remark.
 */
function continuation(line: string, lazy: boolean): string | null | undefined {
  let i = 0;
  let column = 0;
  for (let c = line.charCodeAt(0); c === 32 || c === 9; c = line.charCodeAt(++i)) column = c === 9 ? column + 4 - (column % 4) : column + 1;
  if (i === line.length) return null;
  // Indented by four columns or more: never a block of its own after a paragraph's line.
  if (column >= 4) return lazy ? undefined : line;
  const c = line.charCodeAt(i);
  // Most lines start with a character no block starts with (a letter, a quote mark): text, told without a pattern.
  if (!BLOCK_START_CHARACTERS.has(c) && !(c >= 48 && c <= 57)) return lazy ? undefined : line;
  const rest = i === 0 ? line : line.slice(i);
  if (c === 62 || ATX_START.test(rest) || THEMATIC_BREAK.test(rest) || INTERRUPTING_ITEM.test(rest)) return null;
  if ((c === 96 || c === 126) && rest.charCodeAt(1) === c && rest.charCodeAt(2) === c) {
    // A fence, unless a backtick follows a run of backticks (no fence then: text).
    let k = 3;
    while (rest.charCodeAt(k) === c) k++;
    if (c === 126 || rest.indexOf('`', k) === -1) return null;
    return lazy ? undefined : line;
  }
  const html = c === 60 ? htmlFlowStart(rest) : 0;
  if (html >= 1 && html <= 6) return null;
  if (lazy) return undefined;
  if ((c === 61 || c === 45) && SETEXT_SHAPE.test(rest)) return null;
  // A paragraph's next line: text, a row, inline HTML or a lone tag (kind 7 cannot interrupt), an item that cannot.
  return plainLine(rest) || c === 124 || c === 60 || cannotInterrupt(rest) ? line : undefined;
}

/**
 * A line after a definition's first in a quote of `depth` ">" (see continuation): a quote line of that depth gives its
 * content; a deeper one starts a quote, which ends the content; a shallower one or a line without markers may be a
 * lazy line of it (unsure), unless it ends the quote.
 */
function quotedContinuation(line: string, depth: number): string | null | undefined {
  let indent = 0;
  while (line.charCodeAt(indent) === 32) indent++;
  if (indent > 3 || line.charCodeAt(indent) !== 62) return continuation(line, true);
  const inner = quoteContent(line);
  if (inner === undefined || inner.depth < depth) return undefined;
  if (inner.depth > depth) return null;
  return continuation(inner.indent === 0 ? inner.content : ' '.repeat(inner.indent) + inner.content, false);
}

/**
 * A line (after at most three spaces) that is a paragraph's line wherever it is: at a paragraph's start, as its next
 * line, or as a quote's lazy line. It opens no other block and cannot end a paragraph or underline it: no heading,
 * fence, quote, list item (any line that may be one), thematic break or setext underline. Read by its first characters
 * (a line of any other first character, "@user", "/path", "$x", "+1", was read by micromark, whose time is quadratic in
 * the lines of a paragraph that hold "&", "<", "]" or "*": 256 KB of such lines took 3–4 s). "<" and "|" lines are
 * read apart; "[" may start a definition, which a chunk holding "]:" leaves to remark.
 */
function plainLine(rest: string): boolean {
  if (rest.length === 0) return false;
  const c = rest.charCodeAt(0);
  const next = rest.charCodeAt(1);
  const spaceOrEnd = next === 32 || next === 9 || rest.length === 1;
  switch (c) {
    case 62: // >
    case 60: // <
    case 124: // |
      return false;
    case 35: // #
      return !ATX_START.test(rest);
    case 96: // `
    case 126: // ~
      return !(next === c && rest.charCodeAt(2) === c);
    case 95: // _ (no list item: "_ x" is text)
      return !THEMATIC_BREAK.test(rest);
    case 45: // -
    case 43: // +
    case 42: // *
      return !spaceOrEnd && !THEMATIC_BREAK.test(rest) && !SETEXT_SHAPE.test(rest);
    case 61: // =
      return !SETEXT_SHAPE.test(rest);
    default:
      return !(c >= 48 && c <= 57 && ORDERED_MARKER.test(rest));
  }
}

/**
 * A list item that cannot interrupt a paragraph, so is the next line of an open top-level paragraph: an ordered item
 * that does not start with 1 ("2. x"), an empty one, or a "*" or "+" bullet with nothing after it. (Lines of "2. x & y" after a
 * paragraph line were read by micromark: 4 s for 256 KB.) Not as a quote's lazy line: micromark reads those apart.
 */
function cannotInterrupt(rest: string): boolean {
  const c = rest.charCodeAt(0);
  if (c >= 50 && c <= 57) return ORDERED_MARKER.test(rest); // "2." to "9…": never a list's first item here
  // "1." or "1)" with nothing after it (an empty item), or "10." (lines of "1)" after a paragraph line went to micromark).
  if (c === 49) return ORDERED_MARKER.test(rest) && (loneMarker(rest) !== 0 || !(rest.charCodeAt(1) === 46 || rest.charCodeAt(1) === 41));
  if (c === 42 || c === 43) return isBlank(rest.slice(1)); // an empty bullet
  return false;
}

/** An ATX heading's opening sequence. */
const ATX_START = /^#{1,6}(?:[ \t]|$)/;
/** An ordered list item's marker (it may start a list, or be a paragraph's next line). */
const ORDERED_MARKER = /^\d{1,9}[.)](?:[ \t]|$)/;

/**
 * A line starting with "<" that is a paragraph's line where `open` says what is open above it: one that starts no
 * HTML block (inline HTML, `<span>x</span> text`), or, as the next line of an open paragraph, one that starts a block
 * of kind 7 (a lone tag of any name but the block names), which cannot interrupt a paragraph. After a block quote it
 * may be the quote's lazy line or a paragraph of its own; either way it holds no row.
 */
function inlineHtmlLine(rest: string, open: 'none' | 'paragraph' | 'quote'): boolean {
  const kind = htmlFlowStart(rest);
  return kind === 0 || (kind === 7 && open === 'paragraph');
}

/**
 * A quote line whose content (after its ">" markers) is a paragraph line that opens nothing: it starts with a letter
 * or the like, or with inline HTML. So a "<" in it opens no HTML block inside the quote (which could be left open at
 * the chunk's end). Lines of `> <span>x</span> text` were read by micromark, super-linear on them.
 */
function quotedProse(rest: string): boolean {
  let i = 0;
  for (let c = rest.charCodeAt(0); c === 62 || c === 32 || c === 9; c = rest.charCodeAt(++i));
  const content = i === 0 ? rest : rest.slice(i);
  return content.charCodeAt(0) === 60 ? htmlFlowStart(content) === 0 : plainLine(content);
}

/**
 * A chunk of indented code (four columns or more), blank lines between allowed: its lines are code, to the last one
 * that is not blank (micromark reads 30 µs a line of it; the scan cuts after each line of code it is sure of, so the
 * chunks are read here). Undefined when a line is not indented so.
 */
function indentedCode(lines: readonly string[], n: number, from = 0, heading?: RawHeading): ChunkData | undefined {
  for (let i = from + 1; i < n; i++) {
    const line = lines[i]!;
    if (indentOf(line) < 4 && !isBlank(line)) return undefined;
  }
  // Blank lines after the code indented by four columns or more are code lines too, to the last such line.
  let end = n;
  for (let i = n; i < lines.length; i++) if (indentOf(lines[i]!) >= 4) end = i + 1;
  const codeLines = lineNumbers(end, from);
  return heading ? chunkData([heading], EMPTY.rows, EMPTY.definitions, codeLines) : chunkData(EMPTY.headings, EMPTY.rows, EMPTY.definitions, codeLines);
}

const NO_ROWS: readonly number[] = [];
const FIRST_ROW: readonly number[] = [0];

/**
 * A chunk's data with these headings, rows, definitions and code lines, and no items or open construct: EMPTY's fields
 * spelled out (a spread of EMPTY per chunk of a long table, or of many headings, cost more than reading the chunk).
 */
function chunkData(headings: readonly RawHeading[], rows: readonly number[], definitions: readonly string[], codeLines: readonly number[] = EMPTY.codeLines): ChunkData {
  return { headings, items: EMPTY.items, rows, codeLines, definitions, openAtEnd: false, openFrom: -1, frontMatter: undefined, lineResults: undefined, signals: undefined };
}

/** A chunk's data that is one heading. */
function headingData(heading: RawHeading): ChunkData {
  return chunkData([heading], EMPTY.rows, EMPTY.definitions);
}

/**
 * An HTML block that starts the chunk (CommonMark types 1–7, the names from micromark, which remark uses), read
 * without remark when it takes the whole chunk: its lines are code, and headings written in HTML are read from it.
 * Types 1–5 run to their end marker, types 6 and 7 to a blank line.
 */
function htmlBlock(text: string, lines: readonly string[], n: number): ChunkData | undefined {
  const first = lines[0]!.charCodeAt(0) === 32 ? lines[0]!.replace(/^ {1,3}/, '') : lines[0]!; // an indented block starts a chunk too (see scan.ts)
  const kind = htmlFlowStart(first);
  if (kind === 0) return undefined;
  if (kind >= 6) {
    // Types 6 and 7 (a lone tag of any other name, which may start a chunk: a chunk never starts inside a paragraph):
    // to the first blank line, which must come after the chunk's last line of content.
    for (let i = 1; i < n; i++) if (SPACES_ONLY.test(lines[i]!)) return afterHtml(text, lines, n);
    return { ...EMPTY, headings: htmlHeadings(linesSource(text, lines, n), 0, 0), codeLines: lineNumbers(n), openAtEnd: n === lines.length, openFrom: n === lines.length ? 0 : -1 };
  }
  // Types 1–5: to the first line holding the end marker (htmlBlockEnd).
  const end = htmlBlockEnd(lines, n, 0, first, kind);
  if (end !== -1) {
    if (end !== n - 1) return afterHtml(text, lines, n); // something follows the block in this chunk
    // Closed on the chunk's last line: what follows starts afresh (unlike a block of type 6, which runs to a blank line).
    return { ...EMPTY, headings: mayHoldHeadings(text) ? htmlHeadings(linesSource(text, lines, n), 0, 0) : [], codeLines: lineNumbers(n) };
  }
  // Never closed: it runs to the end of the chunk and on into the next.
  return { ...EMPTY, headings: htmlHeadings(text, 0, 0), codeLines: lineNumbers(lines.length), openAtEnd: true, openFrom: 0 };
}

/** A chunk that starts with an HTML block and goes on after it: read by proseChunk (a chunk with a CR by remark). */
function afterHtml(text: string, lines: readonly string[], n: number): ChunkData | undefined {
  return text.includes('\r') ? undefined : proseChunk(lines, n, '\n');
}

/** Whether text may hold an HTML heading's opening tag (htmlHeadings finds none in most blocks, such as comments). */
function mayHoldHeadings(text: string): boolean {
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const h = text.charCodeAt(i + 1) | 32;
    const d = text.charCodeAt(i + 2);
    if (h === 104 && d >= 49 && d <= 54) return true;
  }
  return false;
}

/** The end of an HTML block of type 1. */
const RAW_END = /<\/(?:script|pre|style|textarea)>/i;

/** The chunk's first n lines as written, line endings between them kept. */
function linesSource(text: string, lines: readonly string[], n: number): string {
  let end = 0;
  for (let i = 0; i < n - 1; i++) end += lineWithEnding(text, end, lines[i]!.length);
  return text.slice(0, end + lines[n - 1]!.length);
}
