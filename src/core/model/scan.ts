// A fence- and HTML-aware line scan that cuts a document into chunks at top-level block boundaries.
// A boundary is only placed where parsing the parts separately yields the same blocks as parsing the whole:
// before a non-indented line that starts a heading, a list item or a table row, or that follows a blank line,
// and never inside front matter, a fenced code block or an HTML block. Chunk boundaries depend on the text
// alone, never on edit history, so an incremental analysis can reuse chunks whose text is unchanged.
import { htmlBlockNames } from 'micromark-util-html-tag-name';
import { firstIndex, isBlank, isSpaceCode, indentOf, quoteLed, SETEXT_UNDERLINE, THEMATIC_BREAK } from './text';
import { HTML_END_MARKERS, HTML_OPENER_LENGTH, htmlFlowStart } from './html-start';
import { leadingDefinitionsEnd } from './definition-read';

export interface ChunkSpan {
  /** First line of the chunk (0-based, inclusive). */
  readonly start: number;
  /** Line after the last line of the chunk (exclusive). */
  readonly end: number;
  /** True for the front matter block at the top of the document. */
  readonly frontMatter: boolean;
  /**
   * True when the next chunk goes on with this chunk's HTML block, cut where reading the two apart gives the same
   * lines and headings as reading them together (see HtmlCuts): the chunk ends inside the block, yet is not open.
   */
  readonly htmlCut: boolean;
  /**
   * True when the chunk ends at a line that closed a paragraph at the top level (a setext underline or a thematic
   * break, see scanFrom): the scan's state where the next chunk starts is then always the same, so a rescan may take
   * the previous scan's chunks from such a cut it made at the same line. False (or absent) on spans made elsewhere.
   */
  readonly closedCut?: boolean;
  /**
   * Set when the chunk ends inside a paragraph at the top level, before a line that reads the same whether a paragraph
   * goes on into it or starts with it (see paragraphCut in scanFrom). Such a cut holds only while no setext underline
   * ends the paragraph (see paraCutHolds): a rescan checks it before it starts there. False (or absent) on spans made
   * elsewhere.
   */
  readonly paraCut?: boolean;
}

/**
 * A span of the scan, every one of the same shape (all six fields, in this order): spans of three shapes made every
 * read of a span's fields, in the scan and in each reader after it, polymorphic.
 */
export function span(start: number, end: number, frontMatter: boolean, htmlCut: boolean, closedCut = false, paraCut = false): ChunkSpan {
  return { start, end, frontMatter, htmlCut, closedCut, paraCut };
}

const HTML_BLOCK_NAMES = new Set(htmlBlockNames);

/**
 * An unindented line that starts an HTML block of type 6 (a block tag such as <div>, <h2>, <table>) by itself:
 * `<` or `</`, a block name, then white space, `>`, `/>` or the line's end. Read by character codes: asked of every
 * line of a long HTML block.
 */
function startsBlockTag(line: string): boolean {
  if (line.charCodeAt(0) !== 60) return false;
  let i = line.charCodeAt(1) === 47 ? 2 : 1;
  const nameStart = i;
  let c = line.charCodeAt(i) | 32;
  if (!(c >= 97 && c <= 122)) return false;
  for (c = line.charCodeAt(++i); (c | 32) >= 97 && (c | 32) <= 122 || (c >= 48 && c <= 57) || c === 45; c = line.charCodeAt(++i));
  if (i < line.length && !(isSpaceCode(c) || c === 47 || c === 62)) return false;
  if (c === 47 && line.charCodeAt(i + 1) !== 62) return false; // "<div/x": not a tag
  const name = line.slice(nameStart, i);
  return HTML_BLOCK_NAMES.has(name) || HTML_BLOCK_NAMES.has(name.toLowerCase()); // the names are lower case
}

/**
 * Follows the HTML headings of a block that runs to a blank line (types 6 and 7), line by line, as htmlHeadings in
 * heading-text.ts reads them: each `<hN …>` to the first `</hN>` after it. The block may be cut before a line when
 * no heading is open there, so each part holds the same headings as the whole. Anything it cannot follow within one
 * line (a tag or a closing tag split over lines) stops the cuts for the rest of the block: fewer cuts, never a wrong one.
 * Without cuts, a document of one long HTML block (40,000 `<h2>` lines) was one chunk, read again on every edit.
 */
const CLOSERS = ['', '</h1', '</h2', '</h3', '</h4', '</h5', '</h6'];


class HtmlCuts {
  /** The level of the heading open at the end of the lines read so far, or 0. */
  private open = 0;
  private stopped = false;

  get clean(): boolean {
    return !this.stopped && this.open === 0;
  }

  feed(line: string): void {
    if (this.stopped || line.indexOf('<') === -1) return;
    // Lower-cased only when it has an "H" (toLowerCase copies every line of the block).
    const lower = line.indexOf('H') === -1 ? line : line.toLowerCase();
    let pos = 0;
    for (;;) {
      if (this.open > 0) {
        const c = lower.indexOf(CLOSERS[this.open]!, pos);
        if (c === -1) return;
        let k = c + 4;
        while (k < lower.length && isSpaceCode(lower.charCodeAt(k))) k++;
        if (k === lower.length) {
          this.stopped = true; // "</h2" then the line ends: its ">" may be on the next line
          return;
        }
        if (lower.charCodeAt(k) === 62) {
          this.open = 0;
          pos = k + 1;
        } else pos = c + 4;
        continue;
      }
      const o = lower.indexOf('<h', pos);
      if (o === -1) return;
      const level = lower.charCodeAt(o + 2) - 48;
      if (level < 1 || level > 6) {
        pos = o + 2;
        continue;
      }
      if (o + 3 >= lower.length) {
        this.stopped = true; // "<h2" ends the line: a tag that goes on on the next line
        return;
      }
      const after = lower.charCodeAt(o + 3);
      if (!(after === 62 || after === 32 || after === 9 || after === 12 || after === 13)) {
        pos = o + 2;
        continue;
      }
      const gt = lower.indexOf('>', o + 3);
      if (gt === -1) {
        this.stopped = true; // the tag's ">" is on a later line
        return;
      }
      this.open = level;
      pos = gt + 1;
    }
  }
}


/**
 * Whether a line closes the fence: up to three columns of indentation more than the fence's, a run of its character at
 * least as long, then only spaces and tabs. By char codes: asked of every line inside a fence.
 */
function closesFence(line: string, fence: { char: string; length: number; indent: number }): boolean {
  let i = 0;
  let col = 0;
  for (let c = line.charCodeAt(0); c === 32 || c === 9; c = line.charCodeAt(++i)) col = c === 9 ? col + 4 - (col % 4) : col + 1;
  if (col > fence.indent + 3) return false;
  const mark = fence.char.charCodeAt(0);
  const from = i;
  while (line.charCodeAt(i) === mark) i++;
  if (i - from < fence.length) return false;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * The fence a line opens (a backtick fence's info string holds no backtick), or undefined: up to three spaces, three or
 * more of one of "`~", then anything but a line separator. By char codes (a pattern's match and groups, for each of
 * 40,000 fence lines, were the scan's largest garbage).
 */
function fenceOpener(line: string): { char: string; length: number; indent: number } | undefined {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const mark = line.charCodeAt(i);
  if (mark !== 96 && mark !== 126) return undefined;
  const indent = i;
  while (line.charCodeAt(i) === mark) i++;
  const length = i - indent;
  if (length < 3) return undefined;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // As the pattern this was, /^( {0,3})(`{3,}(?!`)|~{3,}(?!~))(.*)$/: no line separator in the rest.
    if ((c === 96 && mark === 96) || c === 0x2028 || c === 0x2029) return undefined;
  }
  return { char: mark === 96 ? '`' : '~', length, indent };
}
const ATX = /^#{1,6}(?:[ \t]|$)/;
/**
 * First characters of lines that may be no paragraph line (quote, row, heading, HTML, fence, definition, code): such a
 * line is not taken as a sure paragraph line for a setext cut.
 */
const PARA_EXCLUDED = new Set([62, 124, 35, 60, 96, 126, 91, 9]);
const BULLET = /^[-+*](?:[ \t]|$)/;
const ORDERED = /^\d{1,9}[.)](?:[ \t]|$)/;
/**
 * `/^(?:[-=_*][ \t]*)+$/.test(line)`: a first character of "-=_*" and nothing but those, spaces and tabs after it. A
 * loop that stops at the first other character: the pattern, asked about every list item, backtracked through each
 * item's leading run of "*" and "_".
 */
function thematicOrSetext(line: string): boolean {
  const first = line.charCodeAt(0);
  if (first !== 45 && first !== 61 && first !== 95 && first !== 42) return false;
  for (let i = 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 45 && c !== 61 && c !== 95 && c !== 42 && c !== 32 && c !== 9) return false;
  }
  return true;
}
/** Whether the line from `from` on is a thematic break: three or more of one of "-*_", spaces and tabs between. */
function thematicBreak(line: string, from: number): boolean {
  const mark = line.charCodeAt(from);
  if (mark !== 45 && mark !== 42 && mark !== 95) return false;
  let count = 0;
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === mark) count++;
    else if (c !== 32 && c !== 9) return false;
  }
  return count >= 3;
}

/**
 * A list item that starts a list even right after a paragraph line (a bullet with content, or "1." with content), so
 * never a lazy line of what is before it: a boundary wherever it is unindented (a paragraph followed by thousands of
 * items was one chunk).
 */
const INTERRUPTING_ITEM = /^(?:[-+*]|1[.)])[ \t]+\S/;

/**
 * A list item right after a line of indented code that micromark reads as a paragraph line, unlike CommonMark (as
 * if the code could still take it): an empty item or one numbered other than 1 ("+", "2. x"). The code's chunk goes
 * on into it (the line read alone was a list item).
 */
function itemAfterCode(line: string): boolean {
  return itemContentColumn(line, true) !== 0 && !INTERRUPTING_ITEM.test(line);
}

/**
 * Where the content of the list item that `line` starts begins (its column), when the line surely starts one: up to
 * three spaces, a bullet or an ordered marker, then white space or the line's end; else 0; negative (minus the
 * column) for an item with nothing after its marker, which a blank line right after ends. `noParagraph` says no paragraph
 * can be open above (after a blank line): then any item starts a list; otherwise only an item that interrupts a
 * paragraph (a bullet or "1." with content) surely does, and any other is 0 (it may be the paragraph's next line).
 * 0 is always safe: it only means the scan treats what follows as outside any item. (A tab before the marker makes
 * four columns of indentation: no item.)
 */
function itemContentColumn(line: string, noParagraph: boolean): number {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const markerStart = i;
  const c = line.charCodeAt(i);
  let ordered = false;
  if (c === 45 || c === 43 || c === 42) {
    i++;
  } else {
    while (i - markerStart < 9 && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
    const d = line.charCodeAt(i);
    if (i === markerStart || (d !== 46 && d !== 41)) return 0;
    ordered = true;
    i++;
  }
  const markerEnd = i; // also its column: no tab before it
  // The white space after the marker, in columns (a tab goes on to the next multiple of 4).
  let column = markerEnd;
  for (let ch = line.charCodeAt(i); ch === 32 || ch === 9; ch = line.charCodeAt(++i)) column = ch === 9 ? column + 4 - (column % 4) : column + 1;
  if (i < line.length && i === markerEnd) return 0; // "-x": no white space after the marker
  const empty = i === line.length;
  if (!ordered && thematicBreak(line, markerStart)) return 0; // "- - -", "* * *": not an item
  const interrupts = !empty && (!ordered || (markerEnd - markerStart === 2 && line.charCodeAt(markerStart) === 49));
  if (!noParagraph && !interrupts) return 0;
  // Five or more columns of white space (or nothing after it): the content starts one column after the marker.
  if (empty) return -(markerEnd + 1);
  return column - markerEnd > 4 ? markerEnd + 1 : column;
}

/**
 * Whether the last non-blank line above line `i` (of indented code after blank lines) holds only a list marker (up to
 * three spaces, then "-", "2.", "1)"…): after an empty item that blank lines end, micromark reads a list item after
 * the code as one ("*", "", "    code", "+" is a list, code, a list), yet reads the code and that line alone as code
 * and a paragraph. Not cut before such code, then. By the text alone (a rescan finds the same), and asked only of a
 * line of code after blank lines, each run of them looked back over once.
 */
function codeAfterEmptyItem(lines: readonly string[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && isBlank(lines[k] as string)) k--;
  if (k < 0) return false;
  const line = lines[k] as string;
  let at = 0;
  while (at < 3 && line.charCodeAt(at) === 32) at++;
  const c = line.charCodeAt(at);
  let end = at + 1;
  if (!(c === 45 || c === 43 || c === 42)) {
    end = at;
    while (end - at < 10 && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end++;
    const d = line.charCodeAt(end);
    if (end === at || end - at > 9 || (d !== 46 && d !== 41)) return false;
    end++;
  }
  for (; end < line.length; end++) if (!isSpaceCode(line.charCodeAt(end))) return false;
  return true;
}

/** A list marker's kind (items of one list share it): the bullet's code, 256 + the delimiter's after digits, or 0. */
function markerKind(line: string, indent: number): number {
  const c = line.charCodeAt(indent);
  let kind: number;
  let end: number; // after the marker
  if (c === 45 || c === 43 || c === 42) {
    kind = c;
    end = indent + 1;
  } else {
    let i = indent;
    while (line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
    const d = line.charCodeAt(i);
    if (i === indent || i - indent > 9 || (d !== 46 && d !== 41)) return 0;
    kind = 256 + d;
    end = i + 1;
  }
  // A marker only with a space, a tab or the line's end after it: " --> x" is a paragraph's lazy line, no sibling.
  const after = line.charCodeAt(end);
  return end === line.length || after === 32 || after === 9 ? kind : 0;
}

/**
 * Whether a non-blank line left of an item's content may continue a paragraph in the item (a lazy line): not a
 * heading, block quote or fence, which end any paragraph. Erring towards "may" is safe (the item is then only maybe
 * open), and so is erring towards "not" (the item is over, and what follows is read at the top level).
 */
function mayBeLazy(line: string, indent: number): boolean {
  if (indent >= 4) return true; // indented code cannot interrupt a paragraph
  const t = indent === 0 ? line : line.slice(indent); // under 4 columns: spaces only
  // A thematic break is no lazy line either: "- a", "---" is a list, then a break.
  return !(t.charCodeAt(0) === 62 || ATX.test(t) || fenceOpener(t) !== undefined || THEMATIC_BREAK.test(t));
}

/**
 * Whether the line, from character `at` (its indentation, or an item's content column), is surely a paragraph's text
 * there: it starts with a letter or a character that starts no block and underlines nothing, or with "<" that starts
 * no HTML block. No tab before `at`.
 */
function surelyText(line: string, at: number): boolean {
  if (line.lastIndexOf('\t', at) !== -1) return false;
  const c = line.charCodeAt(at) | 0;
  if ((c | 32) >= 97 && (c | 32) <= 122) return true;
  if (c === 60) return htmlKind(line) === 0;
  return TEXT_LEADS.includes(c);
}

/**
 * Whether a paragraph is surely open after a line inside an item whose content starts at `column` (the line indented
 * by `indent`, at least that): the line, past container markers at its start ("- ", "1. ", "> "), is surely a
 * paragraph's text; or, four columns or more past the content (code, unless a paragraph is open), it goes on with the
 * paragraph open above it (`above`).
 */
function paragraphAfter(line: string, indent: number, column: number, above: boolean): boolean {
  if (line.lastIndexOf('\t', indent) !== -1) return false;
  if (indent - column >= 4) return above && !isBlank(line);
  let rest = line.slice(indent);
  for (let k = 0; k < 8; k++) {
    const marker = CONTAINER_MARKER.exec(rest);
    if (!marker) break;
    rest = rest.slice(marker[0].length);
  }
  return surelyText(rest, 0);
}

/**
 * Whether the line above line `i` is the first line of a block quote (the line before it is no quote's) whose content,
 * past container markers ("> q", "> - q"), is surely a paragraph's text: a lone tag on line `i` is then its lazy line
 * (CommonMark) or an HTML block in its innermost container (micromark), never a block at the top level that runs to a
 * blank line. (Not after a later line of the quote, which may be a fence's in it.)
 */
function quoteParagraphAbove(lines: readonly string[], i: number): boolean {
  const before = i >= 2 ? (lines[i - 2] as string) : '';
  return !quoteLed(before) && paragraphAfter(lines[i - 1] as string, 0, 0, false);
}

/** A block quote's marker, or a list item's followed by one to four spaces and content. */
const CONTAINER_MARKER = /^(?:> ?|(?:[-+*]|\d{1,9}[.)]) {1,4}(?=\S))/;

/** Characters that lead a line of paragraph text wherever they are: `(`, `)`, `$`, `@`, `/`, quotes, `,`, `.`, `:`, `;`, `?`, `!`, `%`, `&`. */
const TEXT_LEADS = [40, 41, 36, 64, 47, 39, 34, 44, 46, 58, 59, 63, 33, 37, 38];

type HtmlEnd = 'blank' | RegExp;

/** The end of an HTML block of type 1 (global: searched from a position). */
const RAW_CLOSE = /<\/(?:script|pre|style|textarea)>/gi;

/**
 * Whether an HTML block of type 1–5 closes on the line that opens it, after its opening marker ("<!-->" and "<!--->"
 * are whole comments: the end marker may reuse the opener's dashes). By indexOf from the marker's end, not a pattern on
 * a slice: asked of each of 64,000 one-line comments.
 */
function closesOnItsLine(line: string, kind: number): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const from = i + HTML_OPENER_LENGTH[kind]!;
  if (kind === 1) {
    RAW_CLOSE.lastIndex = from;
    return RAW_CLOSE.test(line);
  }
  return line.indexOf(HTML_END_MARKERS[kind]!, from) !== -1;
}

/**
 * Where each kind of HTML block (see htmlFlowStart) ends: types 1–5 at a line holding their end marker, 6 and 7 at a
 * blank line; none for a line that starts no HTML block (inline HTML such as `<span>x</span> text` is a paragraph line:
 * 64,000 such lines were taken for one HTML block, one chunk read by micromark). Type 7 cannot interrupt a paragraph,
 * and the scan does not always know whether one is open: taking it for a block is conservative, as it can only remove
 * boundaries, never add a wrong one.
 */
const HTML_ENDS: ReadonlyArray<HtmlEnd | undefined> = [undefined, /<\/(?:script|pre|style|textarea)>/i, /-->/, /\?>/, />/, /\]\]>/, 'blank', 'blank'];

/** The kind of HTML block the line starts (0 for none), after up to three spaces. */
export function htmlKind(line: string): number {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  return htmlFlowStart(line, i);
}

/** A front-matter fence line: `---` (YAML) or `+++` (TOML), trailing white space allowed. */
const isFence = (line: string | undefined): boolean => line !== undefined && (line.trimEnd() === '---' || line.trimEnd() === '+++');

/** Where the front matter ends (exclusive line), or 0 when the document has none. */
export function frontMatterEnd(lines: readonly string[]): number {
  const first = lines[0];
  if (first === undefined) return 0;
  if (!isFence(first)) return 0;
  const fence = first.trimEnd();
  for (let i = 1; i < lines.length; i++) {
    const l = (lines[i] as string).trimEnd();
    if (l === fence) return i + 1;
  }
  return 0;
}

/** Fewest lines of a paragraph's chunk before a cut inside it, and most (see paragraphCut). */
const PARA_MIN = 8;
const PARA_MAX = 128;

/**
 * Whether the scan cuts before line `i` inside a paragraph at the top level (the line above being in it, see `plain`
 * in scanFrom), `lines` lines after the chunk's first: the line starts with an ASCII letter, so it reads the same
 * whether the paragraph goes on into it or starts with it (no block starts with a letter). Our parser reads no GFM
 * tables, yet the cut keeps clear of what GFM would read as one, to be safe: the line holds no "|" (no table's
 * header) and the line after it is no delimiter row. Where: at a line whose
 * hash says so, so that after an edit the scan cuts where it cut before and a rescan meets the previous cuts again,
 * and at most PARA_MAX lines apart (identical lines).
 */
function paragraphCut(lines: readonly string[], i: number, length: number): boolean {
  if (length < PARA_MIN) return false;
  const line = lines[i] as string;
  const c = line.charCodeAt(0) | 32;
  if (c < 97 || c > 122 || line.includes('|') || mayBeDelimiterRow(lines[i + 1])) return false;
  return length >= PARA_MAX || (lineHash(line) & 15) === 0;
}

/** A hash of a line (FNV-1a over its UTF-16 code units, then mixed): asked once per candidate line of a scan. */
function lineHash(line: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < line.length; k++) h = Math.imul(h ^ line.charCodeAt(k), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/** Whether a cut inside a paragraph before line `i` still holds in `lines` (see paragraphCut; the lines before it are as they were). */
function paraCutHolds(lines: readonly string[], i: number): boolean {
  return !mayBeDelimiterRow(lines[i + 1]) && !setextLookahead(lines)(i);
}

/** A line that may be a table's delimiter row: only "|", ":", "-", spaces and tabs, with a "-". */
function mayBeDelimiterRow(line: string | undefined): boolean {
  if (line === undefined) return false;
  let dash = false;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === 45) dash = true;
    else if (c !== 124 && c !== 58 && c !== 32 && c !== 9) return false;
  }
  return dash;
}

/**
 * Whether lines `from` to `to` - 1, a paragraph's at the top level led by "[", are link reference definitions and
 * nothing else, as micromark asks when an underline's shape follows them (read by readDefinition, as the fast reader
 * reads them: each character once): true; false when they are a paragraph (the next line underlines it); undefined
 * when unsure.
 */
function definitionsOnly(lines: readonly string[], from: number, to: number): boolean | undefined {
  const end = leadingDefinitionsEnd(lines, from, to);
  return end === undefined ? undefined : end === to;
}

/**
 * Could the paragraph holding the run of "|" lines starting at `from` end in a setext underline (which would make
 * all its lines one heading)? Looks up to the next blank line; conservative. Asked for increasing `from`, it
 * remembers where its last look stopped, so each line is looked at once (looking again from every run was quadratic
 * on alternating rows and text).
 */
function setextLookahead(lines: readonly string[]): (from: number) => boolean {
  let start = Infinity;
  let stop = -1; // the first blank or underline line after `start`, or lines.length
  return (from) => {
    if (from < start && stop > start) {
      // Asked for an earlier line (a rescan looking back for where to start): the lines up to the last look's start
      // are read, and its stop holds if none of them ends the look (each line read once, whichever way asked).
      let k = from + 1;
      while (k <= start && !endsLookahead(lines[k] as string)) k++;
      if (k <= start) stop = k;
      start = from;
    } else if (!(start <= from && stop > from)) {
      start = from;
      stop = from + 1;
      while (stop < lines.length && !endsLookahead(lines[stop] as string)) stop++;
    }
    return stop < lines.length && SETEXT_UNDERLINE.test(lines[stop] as string);
  };
}

/**
 * Whether a line ends a paragraph at the top level that the lines above it make: a blank line, a setext underline
 * (which makes it a heading), or a line that interrupts a paragraph (an ATX heading, a fence, a block quote, a thematic
 * break, a list item that may interrupt one, an HTML block of types 1–6). Exactly those: the look ahead then reads
 * the paragraph's lines and the line after them, no further, so a cut inside the paragraph depends on nothing past
 * its end (a rescan keeps the cuts above the edit only where their look ends above it too).
 */
function endsLookahead(line: string): boolean {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  if (i === line.length) return true;
  const c = line.charCodeAt(i);
  // Indented by four columns or more (a tab among the first), a line goes on with a paragraph unless it is blank.
  if (i >= 4 || c === 9) return isBlank(line);
  switch (c) {
    case 61: // =
      return SETEXT_UNDERLINE.test(line);
    case 45: // -
      return SETEXT_UNDERLINE.test(line) || thematicBreak(line, i) || INTERRUPTING_ITEM.test(line.slice(i));
    case 42: // *
    case 95: // _
      return thematicBreak(line, i) || (c === 42 && INTERRUPTING_ITEM.test(line.slice(i)));
    case 43: // +
    case 49: // 1
      return INTERRUPTING_ITEM.test(line.slice(i));
    case 35: // #
      return ATX.test(line.slice(i));
    case 96: // `
    case 126: // ~
      return fenceOpener(line) !== undefined;
    case 62: // >
      return true;
    case 60: // <
      return interruptsWithHtml(line);
    default:
      return false;
  }
}

/**
 * A line that starts an HTML block that ends any paragraph above it (types 1–6): an underline after it is not the
 * paragraph's. The lookahead stops there, as the scan cuts after such a block when it closes on its line (a rescan
 * that took the chunks above that cut as they were must find what a whole scan finds).
 */
function interruptsWithHtml(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c !== 60 && c !== 32) return false;
  const kind = htmlKind(line);
  return kind >= 1 && kind <= 6;
}

/**
 * The scan's state before the first line of each chunk of a scan (see packState), or -1 where it is not kept (a fence
 * or HTML block open there, the front matter): kept with the list of chunks, so that a rescan after an edit starts at
 * the chunk just before the edit and stops at the first cut after it where the state is the one the previous scan had
 * there. Inside a long list with no blank line (any run of lines with no blank line and no closed block), every line
 * after the list's start was scanned again on every edit.
 */
const spanStates = new WeakMap<readonly ChunkSpan[], number[]>();

// The scan's flags in a packed state (see packState).
const S_SURE = 1;
const S_TOP = 2;
const S_NO_ITEM = 4;
const S_EMPTY_ABOVE = 8; // the line above is an item marker with nothing after it (emptyItem)
const S_IN_LIST = 16;
const S_CODE_OPEN = 32;
const S_PREV_BLANK = 64;
const S_PREV_ROW = 128;
const S_CHUNK_LIST = 256;
const S_CHUNK_ROW = 512;
const S_ROWS_SPLIT = 1024;
const S_PARA = 2048;
const S_CLOSED_ABOVE = 4096;
const S_CODE_ABOVE = 8192;
const S_QUOTE_OPEN = 16384;
const S_PLAIN = 32768;
const S_ITEM_PARA = 65536;
const S_KIND = 131072; // the item's marker kind (below 512), then its content column
const S_ITEM = S_KIND * 512;

/** The flags of a packed state (see packState). */
function flagsOf(
  itemSure: boolean,
  itemTop: boolean,
  noItem: boolean,
  emptyAbove: boolean,
  prevInList: boolean,
  codeOpen: boolean,
  prevBlank: boolean,
  prevTableRow: boolean,
  chunkIsList: boolean,
  chunkIsRow: boolean,
  rowRunSplittable: boolean,
  para: boolean,
  closedAbove: boolean,
  codeAbove: boolean,
  quoteOpen: boolean,
  plain: boolean,
  itemPara: boolean,
): number {
  return (
    (itemSure ? S_SURE : 0) |
    (itemTop ? S_TOP : 0) |
    (noItem ? S_NO_ITEM : 0) |
    (emptyAbove ? S_EMPTY_ABOVE : 0) |
    (prevInList ? S_IN_LIST : 0) |
    (codeOpen ? S_CODE_OPEN : 0) |
    (prevBlank ? S_PREV_BLANK : 0) |
    (prevTableRow ? S_PREV_ROW : 0) |
    (chunkIsList ? S_CHUNK_LIST : 0) |
    (chunkIsRow ? S_CHUNK_ROW : 0) |
    // Read only within a run of rows (the next run's first row sets it).
    (rowRunSplittable && prevTableRow ? S_ROWS_SPLIT : 0) |
    (para ? S_PARA : 0) |
    (closedAbove ? S_CLOSED_ABOVE : 0) |
    (codeAbove ? S_CODE_ABOVE : 0) |
    (quoteOpen ? S_QUOTE_OPEN : 0) |
    (plain ? S_PLAIN : 0) |
    (itemPara ? S_ITEM_PARA : 0)
  );
}

/**
 * Every variable of scanFrom's state before a line where no fence or HTML block is open, as one number: a scan started
 * there with this state reads the rest as the scan that saved it (a pure function of the state and the lines from the
 * one above on). The item's sureness, place and kind are kept only while an item may be open (unread otherwise).
 */
function packState(item: number, itemKind: number, flags: number): number {
  // A content column is a few columns past a marker of at most 9 digits (see itemContentColumn): small.
  return item === 0 ? flags & ~(S_SURE | S_TOP | S_ITEM_PARA) : item * S_ITEM + itemKind * S_KIND + flags;
}

/** `line.trimStart().charCodeAt(0)` without the copy (asked of every indented line). */
function leadCode(line: string): number {
  let i = 0;
  while (i < line.length && isSpaceCode(line.charCodeAt(i))) i++;
  return line.charCodeAt(i);
}

/** Cuts lines into chunks. Pure function of the lines. */
export function scanChunks(lines: readonly string[]): ChunkSpan[] {
  const chunks: ChunkSpan[] = [];
  const states: number[] = [];
  const fmEnd = frontMatterEnd(lines);
  if (fmEnd > 0) {
    chunks.push(span(0, fmEnd, true, false));
    states.push(-1);
  }
  return scanFrom(lines, fmEnd, chunks, states, undefined);
}

/** Which lines an edit changed (see Splice in text.ts). */
export interface LineEdit {
  /** Lines before this one are the previous lines. */
  readonly firstChanged: number;
  /** From this line on, the lines are the previous lines from `oldAfter` on. */
  readonly newAfter: number;
  readonly oldAfter: number;
}

/**
 * scanChunks after an edit, reading only around it: the same chunks, found from the previous ones. The scan starts
 * again at the last chunk before the edit that follows a blank line, and stops once, past the edit, it cuts after a
 * blank line where the previous scan cut too: at such a cut the scan's state is always the same (no fence or HTML
 * block open, nothing carried from above), so what follows is what the previous scan found, moved by the lines the
 * edit added or removed. Reading every line of a 1 MB document again was a fifth of an edit's time.
 */
export function rescanChunks(lines: readonly string[], previous: { readonly lines: readonly string[]; readonly spans: readonly ChunkSpan[] }, edit: LineEdit): ChunkSpan[] {
  const old = previous.spans;
  const oldStates = spanStates.get(old);
  const fm = old[0]?.frontMatter ? old[0].end : 0;
  // The front matter ends at its closing fence, wherever that is: read it all again unless the edit is below it.
  if (old.length === 0 || edit.firstChanged === 0 || (fm > 0 ? edit.firstChanged < fm : isFence(lines[0]))) return scanChunks(lines);
  // The last chunk before the edit (its first line unchanged too, and the line above it) whose state the previous scan
  // kept (see spanStates), or that follows a blank line or an HTML cut, else the body's start.
  let k = firstIndex(old.length, (i) => old[i]!.start <= edit.firstChanged - 1) - 1;
  // Within a run of table rows, the cuts before a chunk depend on the lines after the run (see setextLookahead), which
  // the edit may have changed: its state is used only when that look finds what it found before.
  let lookahead: ((from: number) => boolean) | undefined;
  const kept = (k: number): boolean => {
    const state = oldStates![k]!;
    if (state < 0) return false;
    if ((state & S_PREV_ROW) === 0) return true;
    lookahead ??= setextLookahead(lines);
    return ((state & S_ROWS_SPLIT) !== 0) === !lookahead(old[k]!.start - 1);
  };
  for (;;) {
    while (k >= 0 && !(old[k]!.start > fm && ((oldStates !== undefined && kept(k)) || old[k - 1]!.htmlCut || old[k - 1]!.closedCut === true || isBlank(previous.lines[old[k]!.start - 1] ?? 'x')))) k--;
    // A cut inside a paragraph holds while no setext underline ends the paragraph and the line after the cut is no
    // table's delimiter row: lines the edit may have changed. Else none of the paragraph's cuts holds (nothing
    // between them stops the look ahead): start before the paragraph.
    if (k < 0 || old[k - 1]!.paraCut !== true || paraCutHolds(lines, old[k]!.start)) break;
    while (k > 0 && old[k - 1]!.paraCut === true) k--;
  }
  const from = k >= 0 ? old[k]!.start : fm;
  // The state the previous scan had there (-1 when it did not keep it), else the state at the body's start.
  const restore = k < 0 ? undefined : oldStates !== undefined && kept(k) ? oldStates[k]! : -1;
  const atCut = restore === -1 && old[k - 1]!.htmlCut;
  // Or after a line that closed a paragraph (the state there is always the same, see closedCut).
  const atClosed = restore === -1 && !atCut && old[k - 1]!.closedCut === true;
  const before = k >= 0 ? k : fm > 0 ? 1 : 0;
  const chunks = old.slice(0, before);
  const states = oldStates ? oldStates.slice(0, before) : new Array<number>(before).fill(-1);
  const shift = edit.newAfter - edit.oldAfter;
  const resync = (i: number): number | undefined => {
    if (i - 1 < edit.newAfter) return undefined; // the blank line above must be one the edit left
    const at = i - shift;
    const a = firstIndex(old.length, (j) => old[j]!.start < at);
    return a < old.length && old[a]!.start === at && !old[a]!.frontMatter ? a : undefined;
  };
  // A cut after a closing line past the edit, where the previous scan made such a cut at the same line.
  const resyncClosed = (i: number): number | undefined => {
    if (i - 1 < edit.newAfter) return undefined; // the closing line above must be one the edit left
    const at = i - shift;
    const a = firstIndex(old.length, (j) => old[j]!.start < at);
    return a > 0 && a < old.length && old[a]!.start === at && old[a - 1]!.closedCut === true ? a : undefined;
  };
  // A cut past the edit where the previous scan cut too, at the same line, with the scan in the same state there.
  const resyncState = (i: number, state: number): number | undefined => {
    if (oldStates === undefined || i - 1 < edit.newAfter) return undefined; // the line above must be one the edit left
    const at = i - shift;
    const a = firstIndex(old.length, (j) => old[j]!.start < at);
    return a < old.length && old[a]!.start === at && oldStates[a] === state ? a : undefined;
  };
  // A cut past the edit where the previous scan cut too, at the same line of the same text.
  const resyncCut = (i: number): number | undefined => {
    if (i < edit.newAfter) return undefined;
    const at = i - shift;
    const a = firstIndex(old.length, (j) => old[j]!.start < at);
    return a > 0 && a < old.length && old[a]!.start === at && old[a - 1]!.htmlCut ? a : undefined;
  };
  // Appended to the scan's own list: a list of its own, then copied over with an iterator, was an edit's garbage.
  const tail = (j: number, into: ChunkSpan[], intoStates: number[]): ChunkSpan[] => {
    for (; j < old.length; j++) {
      const o = old[j]!;
      intoStates.push(oldStates ? oldStates[j]! : -1);
      if (shift === 0) into.push(o);
      else into.push(span(o.start + shift, o.end + shift, false, o.htmlCut, o.closedCut === true, o.paraCut === true));
    }
    return into;
  };
  return scanFrom(lines, from, chunks, states, { resync, resyncCut, resyncClosed, resyncState, tail }, atCut, atClosed, restore);
}

/**
 * Scans from `from` (where no fence or HTML block is open, as after a blank line or the front matter) to the end, or
 * until `resume` finds where the previous scan's chunks take over.
 */
function scanFrom(
  lines: readonly string[],
  from: number,
  chunks: ChunkSpan[],
  states: number[],
  resume:
    | {
        resync(i: number): number | undefined;
        resyncCut(i: number): number | undefined;
        resyncClosed(i: number): number | undefined;
        resyncState(i: number, state: number): number | undefined;
        tail(j: number, into: ChunkSpan[], intoStates: number[]): ChunkSpan[];
      }
    | undefined,
  atCut = false,
  atClosed = false,
  restore: number | undefined = undefined,
): ChunkSpan[] {
  const out = scanLines(lines, from, chunks, states, resume, atCut, atClosed, restore);
  spanStates.set(out, states);
  return out;
}

/** How long the chunks a long run of blank lines is cut into are (see scanLines). */
const BLANK_RUN = 256;

function scanLines(
  lines: readonly string[],
  from: number,
  chunks: ChunkSpan[],
  states: number[],
  resume: Parameters<typeof scanFrom>[4],
  atCut: boolean,
  atClosed: boolean,
  restore: number | undefined,
): ChunkSpan[] {
  const n = lines.length;
  let start = from;
  let fence: { char: string; length: number; indent: number } | undefined;
  // The open fence is surely at the top level (unindented, in no list item or block quote): when it closes, the line
  // after starts a block there (see closedAbove).
  let fenceTop = false;
  // `atCut`: `from` is where a previous scan cut an HTML block that runs to a blank line (the state there is known).
  let html: HtmlEnd | undefined = atCut ? 'blank' : undefined;
  let cuts: HtmlCuts | undefined = atCut ? new HtmlCuts() : undefined; // while in an HTML block that runs to a blank line
  let prevBlank = !atCut && !atClosed;
  // The first line of the run of blank lines the scan is in (see BLANK_RUN). A scan that starts inside a run starts
  // at one of its cuts, or at its first line: either is where the cuts are counted from.
  let blankFrom = from;
  // At a cut inside a paragraph, the line above is one of its lines, maybe a row.
  let prevTableRow = false;
  let chunkIsList = false;
  let chunkIsRow = false;
  // Rows of a run may be cut apart unless a setext underline follows the run (it would make them one heading).
  let rowRunSplittable = false;
  const setextFollowsRun = setextLookahead(lines);
  // The content column of a list item that is (itemSure) or may be open here, or 0. A fence or HTML block that opens
  // in an item ends with it: at the first non-blank line indented less than this column (a line that closes the item
  // cannot continue a code or HTML block lazily). So a sure item's lines open nothing here, and the unindented line
  // that ends the item is read as any other (in CommonMark, "- a", "  ```", "## b": the heading ends the fence).
  let item = 0;
  let itemSure = false;
  let itemTop = false; // the item's marker is left of column 2: it is in no other item
  // Surely no list item is open here: a fence or HTML block that opens here is at the top level.
  let noItem = true;
  // The line of an item marker with nothing after it: a blank line right after it ends that item.
  let emptyItem = -1;
  let itemKind = 0; // its marker: the bullet, or 256 + the ordered marker's delimiter (see markerKind)
  let prevInList = false; // the line before was surely in that item
  // That item (surely open) has a paragraph surely open on the line before (its own, begun on its marker's line, or a
  // nested item's or quote's, see paragraphAfter): a line of plain text left of its content is surely a lazy line of
  // it, and the item surely goes on.
  let itemPara = false;
  let codeOpen = false; // the last non-blank line was indented by 4 or more at the top level (see afterCode)
  // A fence or HTML block opened in an item that may be open (a "2." after a paragraph line may be its next line,
  // a line left of an item's content may be a lazy one) ends, here, at the first non-blank line left of this column.
  // If it was at the top level after all, the chunk that ends inside it says so when parsed (an open fence or HTML
  // block at its top level), and the model reads it together with what follows (see ChunkCache.parse in model.ts).
  let scope = 0;
  // A setext heading closes what is above it: the line after its underline starts a block at the top level, and may
  // start a chunk (40,000 "Impact" / "---" pairs with no blank line were one chunk, read whole by remark). Only where
  // the paragraph it underlines is surely at the top level: the line before was a sure paragraph line (`para`), with
  // no list item or block quote that may take lines lazily.
  let para = false;
  // The line above is in a paragraph at the top level that no table, container, fence or HTML block can have taken:
  // sure paragraph lines, and lines with a "|" that cannot be a table's delimiter row. A line after it that starts
  // with a letter and holds no "|" reads the same whether the paragraph goes on into it or starts with it, so the
  // scan may cut before it (see paragraphCut): 1 MB of rows and text with no blank line was one chunk, scanned and
  // read whole on every edit.
  let plain = false;
  let closedAbove = atClosed;
  // The lines since `defStart` are a paragraph's at the top level whose first line is led by "[": they may all be
  // link reference definitions, so the scan is unsure of them (see PARA_EXCLUDED) until a setext underline's shape
  // asks: micromark reads such a line as an underline (a heading, which closes what is above it) unless the lines
  // above are definitions and nothing else (then it is paragraph text, and the paragraph is sure). Asked once for the
  // lines of a paragraph, as any later line is sure or no longer in such a run ("[x", "![i](j)", "-" in turn, or "[a]:
  // /x" and "-", was one chunk read by micromark: 10 s for 256 KB).
  let defRun = false;
  let defStart = -1;
  // closedAbove comes from a line of indented code: the next line of code goes on in the same chunk (a chunk per
  // line of a long run of code cost more per line, in the model, than reading the run whole).
  let codeAbove = false;
  let quoteOpen = false; // a block quote began since the last blank line: lines after it may be its lazy lines
  // The HTML block open (types 1–5) began surely at the top level: the line that closes it closes what is above it.
  let htmlTop = false;
  // The block open was begun by a lone tag (type 7) on a line a paragraph may take (not surely, see `para`): it may be
  // that paragraph's text, and the lines after it blocks of their own. `html7Item`: one of them starts a list item,
  // which may then be open after the blank line that ends the block ("> q", "<br>", "- x", "", "    code": the code
  // is the item's). `html7Code`: the last line may be indented code, which goes on after blank lines.
  let html7Maybe = false;
  let html7Item = false;
  let html7Code = false;
  if (restore !== undefined && restore >= 0) {
    // The state the previous scan had before line `from` (see packState): it goes on from there as that scan did.
    item = Math.floor(restore / S_ITEM);
    itemKind = Math.floor(restore / S_KIND) % 512;
    itemSure = (restore & S_SURE) !== 0;
    itemTop = (restore & S_TOP) !== 0;
    noItem = (restore & S_NO_ITEM) !== 0;
    emptyItem = (restore & S_EMPTY_ABOVE) !== 0 ? from - 1 : -2;
    prevInList = (restore & S_IN_LIST) !== 0;
    codeOpen = (restore & S_CODE_OPEN) !== 0;
    prevBlank = (restore & S_PREV_BLANK) !== 0;
    prevTableRow = (restore & S_PREV_ROW) !== 0;
    chunkIsList = (restore & S_CHUNK_LIST) !== 0;
    chunkIsRow = (restore & S_CHUNK_ROW) !== 0;
    // Not taken from the state: it looks ahead, past the edit (the same answer for any row of the run, see
    // setextLookahead, whose look stops at no row).
    if (prevTableRow) rowRunSplittable = !setextFollowsRun(from - 1);
    para = (restore & S_PARA) !== 0;
    closedAbove = (restore & S_CLOSED_ABOVE) !== 0;
    codeAbove = (restore & S_CODE_ABOVE) !== 0;
    quoteOpen = (restore & S_QUOTE_OPEN) !== 0;
    plain = (restore & S_PLAIN) !== 0;
    itemPara = (restore & S_ITEM_PARA) !== 0;
  }
  // The state before the first line of the chunk being read (see spanStates), -1 when not kept.
  let startState =
    restore !== undefined
      ? restore
      : atCut
        ? -1
        : packState(item, itemKind, flagsOf(itemSure, itemTop, noItem, emptyItem === from - 1, prevInList, codeOpen, prevBlank, prevTableRow, chunkIsList, chunkIsRow, rowRunSplittable, para, closedAbove, codeAbove, quoteOpen, plain, itemPara));

  for (let i = start; i < n; i++) {
    const line = lines[i] as string;
    // The first line of a run of blank lines, by the text alone (an HTML block ends at one, a fence may hold them).
    if (i > from && (line.length === 0 || isBlank(line)) && !isBlank(lines[i - 1] as string)) blankFrom = i;
    // Whether a fence or HTML block was open before this line: the state before it is then not kept.
    const wasOpen = fence !== undefined || html !== undefined;
    if (scope > 0 && (fence || html) && !isBlank(line) && indentOf(line) < scope) {
      // The item the fence or HTML block may be in ends here, and the block with it: read the line as any other.
      fence = undefined;
      html = undefined;
      cuts = undefined;
      scope = 0;
      item = 0;
    }
    if (fence) {
      let closed = false;
      if (closesFence(line, fence)) {
        fence = undefined;
        closed = fenceTop;
      }
      prevBlank = scope > 0 && isBlank(line);
      prevTableRow = false;
      prevInList = false;
      itemPara = false;
      codeOpen = false;
      para = plain = quoteOpen = defRun = false;
      // A fence closed at the top level ends its block: nothing after it goes on into it, as after a setext heading
      // (a paragraph line, a fence and its close, 1 MB of them, were chunks of three lines, each read by remark).
      closedAbove = closed;
      continue;
    }
    if (html) {
      let closes = false;
      let codeAfter = false; // the block closed, and its last line may have been indented code (see html7Code)
      if (html === 'blank') {
        if (isBlank(line)) {
          html = undefined;
          cuts = undefined;
          prevBlank = true;
          if (html7Item) {
            // An item may be open, in no other item: any indented line may be in it. (Set here and below in place,
            // not by a closure: one would move the loop's state out of registers.)
            item = 1;
            itemSure = false;
            itemTop = true;
            noItem = false;
          }
          codeAfter = html7Code;
          html7Maybe = html7Item = html7Code = false;
        } else {
          let maybeText = false;
          if (html7Maybe) {
            maybeText = true;
            const blockTag = startsBlockTag(line);
            const deep = indentOf(line) >= 4;
            html7Code = deep;
            const opener = deep || blockTag ? undefined : fenceOpener(line);
            const k = deep || blockTag ? 0 : htmlKind(line);
            if (opener || (k >= 1 && k <= 5)) {
              // A fence or a block that no blank line ends (a comment, "<pre>") may open here: the scan follows it,
              // as if the tag was the paragraph's (the lines after it are then no chunk of their own until it
              // closes); an item that may be open above holds it, if indented (an unindented line ends it).
              const held = html7Item && line.charCodeAt(0) === 32;
              if (held) {
                item = 1;
                itemSure = false;
                itemTop = true;
                noItem = false;
              }
              scope = held ? 1 : 0;
              html7Maybe = html7Item = html7Code = false;
              cuts = undefined;
              if (opener) {
                html = undefined;
                fence = opener;
                fenceTop = false;
              } else {
                html = closesOnItsLine(line, k) ? undefined : HTML_ENDS[k];
                htmlTop = false;
              }
            } else if (blockTag) {
              // A block tag of type 6 (unindented) starts an HTML block whatever is above it, and ends any item: from
              // there the block is sure.
              html7Maybe = html7Item = html7Code = false;
            } else if (!deep && !html7Item && itemContentColumn(line, true) !== 0) html7Item = true;
          }
          // Cut only where surely no list item is open: the state at a cut is then always the same (in the block, no
          // heading open, no item, a chunk of no list or rows), so a rescan may start at a cut, or take the previous
          // scan's chunks from a cut it made at the same line.
          if (!maybeText && cuts?.clean === true && i > start && item === 0 && noItem && startsBlockTag(line)) {
            chunks.push(span(start, i, false, true));
            states.push(startState);
            startState = -1;
            start = i;
            chunkIsList = false;
            chunkIsRow = false;
            const j = resume ? resume.resyncCut(i) : undefined;
            if (j !== undefined) return resume!.tail(j, chunks, states);
          }
          cuts?.feed(line);
        }
      } else {
        closes = html.test(line);
        if (closes) html = undefined;
        prevBlank = scope > 0 && isBlank(line);
      }
      prevTableRow = false;
      prevInList = false;
      itemPara = false;
      codeOpen = codeAfter;
      para = plain = quoteOpen = defRun = false;
      // The line after a top-level comment (or other block of types 1–5) closed starts a block: it may start a chunk,
      // where a rescan can take over (two-line comments with no blank line were one chunk per edit to rescan).
      closedAbove = closes && htmlTop && scope === 0;
      continue;
    }
    // The state before this line, as far as the line changes it before a cut (see packState).
    const itemAbove = item;
    const kindAbove = itemKind;
    const codeOpenAbove = codeOpen;
    const flagsAbove = wasOpen ? -1 : flagsOf(itemSure, itemTop, noItem, emptyItem === i - 1, prevInList, codeOpen, prevBlank, prevTableRow, chunkIsList, chunkIsRow, rowRunSplittable, para, closedAbove, codeAbove, quoteOpen, plain, itemPara);
    const itemParaAbove = itemPara;
    itemPara = false;
    const c = line.charCodeAt(0);
    const unindented = c !== 32 && c !== 9;
    // Each block pattern needs a certain first character: test only the ones that can match (most lines are prose).
    const blank = unindented ? line.length === 0 : isBlank(line);
    const listItem = c === 45 || c === 43 || c === 42 ? BULLET.test(line) && !thematicOrSetext(line) : c >= 48 && c <= 57 && ORDERED.test(line);
    // Under a sure paragraph line at the top level, a list item that cannot interrupt a paragraph ("*" or "1." alone,
    // "2. x") is its next line: "^x", "*", "%x", "-" is a setext heading ("*" was taken for an item that may be open,
    // and the rest of a run of such headings and empty items was one chunk).
    const continuesPara = para && (c === 42 || c === 43 || (c >= 48 && c <= 57)) && itemContentColumn(line, true) !== 0 && itemContentColumn(line, false) === 0;
    let inItem = false;
    let lazyTag = false;
    let sibling = false;
    let afterCode = false;
    const noItemBefore = noItem;
    // An underline's shape under a run of lines that may be definitions (see defRun): false where it underlines them
    // (a heading), true where they are definitions and it is paragraph text, undefined elsewhere or when unsure. (Not
    // a thematic break: one closes what is above it either way, see closedAbove.)
    const defUnderline: boolean | undefined = defRun && (c === 45 || c === 61) && SETEXT_UNDERLINE.test(line) && !THEMATIC_BREAK.test(line) ? definitionsOnly(lines, defStart, i) : undefined;
    // The line right after a marker line surely of an item with nothing on it, in no other item ("-", "1."): the item
    // holds no paragraph, so a line left of its content is no lazy line of it and ends it, and the list. Unindented
    // and no list item, it starts a block at the top level, as after a blank line: "-" then 1 MB of paragraph lines was
    // one chunk, read by micromark (6 s).
    const afterEmptyItem = i === emptyItem + 1 && item > 0 && itemSure && itemTop && !quoteOpen;
    const afterQuoteLine = i > 0 && (lines[i - 1] as string).charCodeAt(0) === 62;
    // An unindented line right after a line surely in a top-level list item, or after an unindented ATX heading: no
    // paragraph can take it, so a list item there surely starts one, whatever its marker (micromark asks whether an
    // item may interrupt a paragraph only when every container went on; an empty one too: "- x", "*", "2.", "1)").
    // (Lines of lone markers after an item or a heading were one chunk: 60 µs an item in micromark, then a rescan and
    // a read of all of it at every edit.)
    const atxAbove = i > 0 && (lines[i - 1] as string).charCodeAt(0) === 35 && ATX.test(lines[i - 1] as string);
    const itemAfterBlock = c !== 32 && c !== 9 && i > 0 && ((prevInList && itemTop) || atxAbove);
    let sureAfterBlock = false;
    // The line's indentation in columns, once (0 for a blank line).
    const indent = blank || unindented ? 0 : indentOf(line);
    // A list item indented by one to three that may interrupt a paragraph, where no item is open or left of the
    // content of one in no other item (after its lazy lines too): it is in no container (a line that starts an item
    // is never lazy, and a quote it does not continue ends), so it starts a list at the top level or the next item of
    // one. Items indented by two, each with a lazy line ("  - x", "<x"), were one chunk.
    const topLevel = !unindented && !blank && indent <= 3 && !codeOpenAbove && (noItem || (item > 0 && itemTop && indent < item));
    const topItem = topLevel && INTERRUPTING_ITEM.test(line.trimStart()) && !THEMATIC_BREAK.test(line.trimStart());
    if (blank) {
      if (i === emptyItem + 1) {
        // An item with nothing on its marker's line and a blank line after it is over (and, left of column 2, it
        // was in no other item: then none is open).
        if (item > 0 && itemSure && itemTop) noItem = true;
        item = 0;
      }
      if (prevBlank && i > start && (i - blankFrom) % BLANK_RUN === 0 && noItem && item === 0 && !codeOpen && !quoteOpen) {
        // Inside a run of blank lines at the top level, with nothing open that a later line could go on with, every
        // BLANK_RUN-th line from the run's first starts a chunk: blank lines read alone are nothing, and the state
        // here is always the same, as after any blank line. Where the cuts are depends on the text alone (the line
        // where the run starts), as every cut must (an edit before the run moves them with it). A million blank
        // lines were one chunk with the paragraph above them, scanned and read whole again at every keystroke.
        chunks.push(span(start, i, false, false));
        states.push(startState);
        startState = flagsAbove < 0 ? -1 : packState(itemAbove, kindAbove, flagsAbove);
        start = i;
        const j = resume ? resume.resync(i) : undefined;
        if (j !== undefined) return resume!.tail(j, chunks, states);
      }
    } else {
      if (item > 0 && indent >= item) {
        inItem = true;
        noItem = false;
        // A paragraph surely open in the item after the line (its own, a nested item's, a quote's in it): a lazy line
        // after it keeps the item surely open ("-", "  - x", "<x", "-" in turn was one chunk). Only where one was open
        // on the line above, or the line is the first under an empty marker: anywhere else a fence may be open in the
        // item (a sure item's fences are not followed here), and its code would look like text.
        itemPara = itemSure && (itemParaAbove || emptyItem === i - 1) && paragraphAfter(line, indent, item, itemParaAbove);
      } else {
        // The next item of the list the line before was surely in (the same kind of marker): an item whatever the
        // line before holds, as no paragraph of the list can take it as its next line.
        sibling = prevInList && itemTop && indent < 4 && markerKind(line, indent) === itemKind;
        // Left of the item's content: the item ends, unless the line may be a lazy line of a paragraph in it (asked
        // only when an item may be open).
        const lazy: boolean = !noItem && !prevBlank && !(afterEmptyItem && indent < item) && mayBeLazy(line, indent);
        // No item is open after this line (unless it starts one) if none was, or if it ends every item that was: one
        // left of column 2 or of a top-level item's content that is not a lazy line.
        // (Or one left of the content of an item in no other item, indented by one to three, that may be open: if it
        // is not, the line is at the top level all the same. A fence there then starts a chunk, see below: "2.", "(x",
        // "  ```" in turn was one chunk.)
        const clear: boolean = noItem || (!lazy && (indent < 2 || (item > 0 && itemSure && itemTop) || topLevel));
        // After indented code and blank lines, micromark reads "2." or an empty item as a paragraph (as if the code
        // could still take the line), unlike CommonMark: the line is then no item here and starts no chunk.
        // After a line of a block quote at the top level, micromark reads any list item as one ("> q", "3. x" is a
        // quote, then a list), as it does after a blank line.
        // After a line that closed what was above it at the top level (a setext underline, a thematic break, a closed
        // HTML comment), no paragraph is open to take a marker alone as its text: it is an empty item ("'x", "-", "-",
        // over and over, setext headings and empty items, was one chunk read by micromark). Not after indented code.
        const sure: number = indent < 4 ? itemContentColumn(line, (prevBlank && !codeOpen) || sibling || (indent === 0 && afterQuoteLine) || itemAfterBlock || (closedAbove && !codeAbove)) : 0;
        sureAfterBlock = itemAfterBlock && sure !== 0;
        // Under a sure paragraph line at the top level, a lone "-" underlines it: never an item that may be open.
        // So does one under lines that may be definitions, which asked what they are (an empty item interrupts neither).
        const found = sure !== 0 || indent >= 4 || continuesPara || (para && c === 45 && SETEXT_UNDERLINE.test(line)) || defUnderline !== undefined ? sure : itemContentColumn(line, true);
        if (found !== 0) {
          item = Math.abs(found);
          itemSure = sure !== 0;
          // In no other item: a marker left of column 2, or one on a line that ends every item that was open (the
          // next item of a list indented by two or three).
          itemTop = indent < 2 || clear || (sibling && sure !== 0) || topItem;
          itemKind = markerKind(line, indent);
          if (found < 0) emptyItem = i;
          itemPara = itemSure && found > 0 && paragraphAfter(line, found, found, false);
        } else if (item > 0 && lazy) {
          // ("  - x", "<x", "-" in turn was one chunk: after the lazy line the "-" was taken for a setext underline.)
          // (Indented by four or more, a line goes on with a paragraph: no code interrupts one.)
          if (itemSure && itemParaAbove && (indent >= 4 || surelyText(line, indent))) itemPara = true;
          else {
            // A lone tag under the item's paragraph, surely open: its lazy line in CommonMark; an HTML block in the
            // item in micromark, which the next line left of the content ends. Either way no block at the top level
            // runs on to a blank line: the lines after it are read here ("- x", "<br>", "text" in turn was one chunk).
            lazyTag = itemSure && itemParaAbove && indent < 4 && line.charCodeAt(indent) === 60 && htmlKind(line) === 7;
            itemSure = false;
          }
        }
        else item = 0;
        noItem = clear && item === 0;
      }
      afterCode = codeOpen && prevBlank;
      codeOpen = indent >= 4 && item === 0; // indented code at the top level, or a paragraph's next line
    }
    const lead = unindented ? c : leadCode(line);
    // The kind of HTML block the line starts, asked once (most lines start with no "<").
    const hk = lead === 60 ? htmlKind(line) : 0;
    // And the fence it opens, if any.
    const opens = lead === 96 || lead === 126 ? fenceOpener(line) : undefined;
    if (!blank && i > start) {
      if (unindented) {
        const isAtx = c === 35 && ATX.test(line);
        const isRow = c === 124;
        const boundary =
          (prevBlank && !(afterCode && itemAfterCode(line))) ||
          isAtx ||
          // A fence or an HTML block that may interrupt a paragraph (types 1–6) ends whatever is above it, as a
          // heading does; its chunk starts with it (a paragraph line, then a fence left open, was one chunk to the end).
          ((c === 96 || c === 126) && opens !== undefined) ||
          (c === 60 && hk >= 1 && hk <= 6) ||
          (listItem && ((chunkIsList && sibling) || INTERRUPTING_ITEM.test(line) || afterQuoteLine)) ||
          (afterEmptyItem && !listItem) ||
          sureAfterBlock ||
          (isRow && prevTableRow && chunkIsRow && rowRunSplittable) ||
          (closedAbove && !(codeAbove && itemAfterCode(line)));
        if (boundary) {
          chunks.push(span(start, i, false, false, closedAbove));
          states.push(startState);
          startState = flagsAbove < 0 ? -1 : packState(itemAbove, kindAbove, flagsAbove);
          start = i;
          const j = !resume ? undefined : prevBlank ? resume.resync(i) : closedAbove ? resume.resyncClosed(i) : startState >= 0 ? resume.resyncState(i, startState) : undefined;
          if (j !== undefined) return resume!.tail(j, chunks, states);
        } else if (plain && paragraphCut(lines, i, i - start) && !setextFollowsRun(i)) {
          // Inside a paragraph that no setext underline ends (it would make all its lines one heading).
          chunks.push(span(start, i, false, false, false, true));
          states.push(startState);
          startState = packState(itemAbove, kindAbove, flagsAbove);
          start = i;
          const j = resume ? resume.resyncState(i, startState) : undefined;
          if (j !== undefined) return resume!.tail(j, chunks, states);
        }
      } else if (
        (prevBlank && noItemBefore && !afterCode && !(indent >= 4 && codeAfterEmptyItem(lines, i))) ||
        (sibling && chunkIsList) ||
        (closedAbove && !(codeAbove && (indent >= 4 || itemAfterCode(line.trimStart())))) ||
        // A list item indented by one to three that interrupts a sure top-level paragraph line above (a bullet or "1."
        // with content) starts a list at the top level: a paragraph line, then a staircase of nested items, was one
        // chunk read by micromark, whose list handling is quadratic in the items (700 ms for 14 KB).
        (para && indent <= 3 && INTERRUPTING_ITEM.test(line.trimStart()) && !THEMATIC_BREAK.test(line.trimStart())) ||
        // Such an item where no item is open, or left of the content of one in no other item (after its lazy lines
        // too): it is in no container (a line that starts an item is never lazy), so it starts a list at the top level
        // or the next item of one. Items indented by two, each with a lazy line ("  - x", "<x"), were one chunk.
        topItem
      ) {
        // A line indented after a blank line where no item was open starts a block at the top level, as an unindented
        // one does (indented code too, unless code above the blank line goes on with it); so does the next item of a
        // list indented so (a list of 36,000 such items was one chunk), and any line after one that closed what was
        // above it (a setext underline, a thematic break, a line of indented code: 64,000 lines of code were one chunk).
        chunks.push(span(start, i, false, false, closedAbove && !prevBlank));
        states.push(startState);
        startState = flagsAbove < 0 ? -1 : packState(itemAbove, kindAbove, flagsAbove);
        start = i;
        // (After a blank line the state is the same whenever no item was open above it; else it is compared.)
        const j = !resume ? undefined : prevBlank && noItemBefore ? resume.resync(i) : closedAbove ? resume.resyncClosed(i) : startState >= 0 ? resume.resyncState(i, startState) : undefined;
        if (j !== undefined) return resume!.tail(j, chunks, states);
      }
    }
    if (c === 124 && !prevTableRow) rowRunSplittable = !setextFollowsRun(i);
    if (i === start) {
      // A list item, also one indented by one to three columns that is in no other item.
      chunkIsList = listItem || (!unindented && !inItem && item > 0 && itemSure && itemTop && i !== emptyItem);
      chunkIsRow = c === 124;
    } else if (c !== 124) {
      // Rows are cut apart only while the chunk holds nothing but rows (after a list item they are its lazy lines).
      chunkIsRow = false;
    }
    let htmlClosedHere = false; // a block of types 1–5 opened and closed on this line
    // A lone tag right under a quote's first line of paragraph text ("> q", "> - q"): micromark starts an HTML block in
    // the quote's innermost container, which the next line ends unless it goes on with the quote, so the lines after
    // it are read here, as lazy lines of the quote ("> - q", "<br>", "text", "- > q" in turn was one chunk).
    const quoteTag = hk === 7 && afterQuoteLine && noItem && item === 0 && quoteParagraphAbove(lines, i);
    if (!blank && !(inItem && itemSure) && (lead === 96 || lead === 126 || lead === 60)) {
      // In an item that may be open, a fence or HTML block ends with the item; else it is at the top level.
      const open = opens;
      if (open) {
        if (!unindented && !inItem && noItem && i > start) {
          // Surely at the top level, an indented fence starts a chunk too (unindented ones are cut above).
          chunks.push(span(start, i, false, false));
          states.push(startState);
          startState = -1; // not kept: the line changed the state before this cut
          start = i;
          chunkIsList = false;
          chunkIsRow = false;
        }
        fence = open;
        scope = inItem ? item : 0;
        fenceTop = unindented && !inItem && noItem && item === 0 && !quoteOpen;
      } else if (indent < 4 && !(hk === 7 && (para || lazyTag || quoteTag))) {
        // (A lone tag under a sure paragraph line at the top level is its next line: no HTML block, see inlineHtml.)
        html = HTML_ENDS[hk];
        scope = inItem ? item : 0;
        htmlTop = !inItem && noItem && item === 0 && !quoteOpen;
        if (!unindented && !inItem && noItem && i > start && hk >= 1 && hk <= 6) {
          // So does an indented HTML block that may interrupt a paragraph (types 1–6).
          chunks.push(span(start, i, false, false));
          states.push(startState);
          startState = -1; // not kept: the line changed the state before this cut
          start = i;
          chunkIsList = false;
          chunkIsRow = false;
        }
        if (html === 'blank') {
          html7Maybe = hk === 7 && i > 0 && !prevBlank && !closedAbove && !atxAbove;
          html7Item = html7Code = false;
          cuts = new HtmlCuts();
          cuts.feed(line);
        }
        if (html instanceof RegExp) {
          // A one-line block closes on its own line (after the opening marker).
          if (closesOnItsLine(line, hk)) {
            html = undefined;
            htmlClosedHere = true;
          }
        }
      }
    }
    if (blank) {
      para = plain = closedAbove = quoteOpen = defRun = false;
    } else {
      const shallow = indent < 4;
      if (shallow && lead === 62) quoteOpen = true;
      const top = noItem && item === 0 && !quoteOpen && fence === undefined && html === undefined;
      const underline = shallow && (lead === 61 || lead === 45) && SETEXT_UNDERLINE.test(line);
      const wasPara: boolean = para;
      const afterHeading: boolean = closedAbove;
      // A setext underline or a thematic break ("***", "- - -") after a sure paragraph line: the line after starts a
      // block. (A run of thematic breaks with no paragraph is left in one chunk: the fast reader takes it whole.)
      // So does a thematic break (indented by up to three) wherever no list item may be open (fences and HTML blocks
      // are read above): it is never a lazy line, so it ends any block quote ("> q", "---", 40,000 times, was one chunk read by
      // micromark), and it underlines a paragraph only at the top level, where a setext heading closes it too. (Not
      // within a run of breaks, after its first: the run stays one chunk, which the fast reader takes whole.) So
      // does a line of indented code at the top level that no paragraph can take (after a blank line, or after a line
      // that closed what was above it, such as another line of code): code takes no lazy line, and a line of code
      // read alone is code. (The next line of code goes on in the chunk: see codeAbove.)
      closedAbove =
        (top && (shallow ? htmlClosedHere || defUnderline === false || (wasPara && (underline || THEMATIC_BREAK.test(unindented ? line : line.trimStart()))) : prevBlank || afterHeading)) ||
        (shallow &&
          noItem &&
          item === 0 &&
          (lead === 45 || lead === 42 || lead === 95) &&
          THEMATIC_BREAK.test(unindented ? line : line.trimStart()) &&
          !(i > 0 && THEMATIC_BREAK.test((lines[i - 1] as string).trimStart())));
      codeAbove = closedAbove && !shallow;
      // Nothing is open after it (the state a rescan starts from at such a cut).
      if (closedAbove) quoteOpen = false;
      // A line of a paragraph at the top level, if what is above it lets one go on or start here.
      // (Also right after an unindented ATX heading, which nothing goes on with: "## h", "'x", "-" was no sure
      // paragraph, so no setext heading closed there.)
      const opensBlock: boolean = prevBlank || afterHeading || afterEmptyItem || (atxAbove && unindented);
      // "--" where a block starts is a paragraph's first line (no item, no thematic break): the "--" under it makes a
      // heading, which closes it (lines of "--", each pair a heading, were one chunk).
      const dashes = unindented && opensBlock && c === 45 && line.charCodeAt(1) === 45 && SETEXT_UNDERLINE.test(line) && !THEMATIC_BREAK.test(line);
      const paragraphLine = (dashes || continuesPara || (!underline && !thematicOrSetext(line.trimStart()))) && top && shallow && !codeOpen && (!listItem || continuesPara);
      // (Or a lone tag that a sure paragraph took, above: type 7 cannot interrupt one.)
      const inlineHtml = lead === 60 && html === undefined && (hk === 0 || hk === 7);
      // (A line led by "[" under a sure paragraph line is its text: a definition cannot interrupt a paragraph. So is an
      // underline's shape under definitions alone, see defRun.)
      para = defUnderline === true || (paragraphLine && (opensBlock || wasPara) && (!PARA_EXCLUDED.has(lead) || inlineHtml || (lead === 91 && wasPara)) && !line.includes('|'));
      // A run of lines that may be definitions: from a line led by "[" where a block starts, on over paragraph lines.
      defRun = defUnderline === undefined && paragraphLine && (opensBlock ? lead === 91 : defRun) && (!PARA_EXCLUDED.has(lead) || inlineHtml || lead === 91) && !line.includes('|');
      if (defRun && opensBlock) defStart = i;
      plain = !mayBeDelimiterRow(line) && (para || (paragraphLine && (opensBlock || plain) && (lead === 124 || !PARA_EXCLUDED.has(lead) || inlineHtml)));
    }
    // Past the second line of a run of blank lines, each blank line leaves the state as it was: the run is passed over
    // up to the next line where it may be cut (see BLANK_RUN), or to its end, without reading each line as above (a
    // rescan after a keystroke among a million blank lines read half of them).
    const skip = blank && prevBlank;
    prevBlank = blank;
    prevTableRow = c === 124;
    // Surely in a list item: one of its lines, or its marker's line.
    prevInList = !blank && item > 0 && itemSure;
    if (skip && i > start) {
      const cutAt = noItem && item === 0 && !codeOpen && !quoteOpen ? blankFrom + BLANK_RUN * (Math.floor((i - blankFrom) / BLANK_RUN) + 1) : n;
      const stop = Math.min(n, cutAt);
      let j = i + 1;
      while (j < stop && isBlank(lines[j] as string)) j++;
      i = j - 1;
    }
  }
  if (start < n || chunks.length === 0) {
    chunks.push(span(start, n, false, false));
    states.push(startState);
  }
  return chunks;
}
