// Reads one chunk and keeps only what the model needs, in chunk-relative lines, so that the result can be cached by
// the chunk's text and reused wherever the chunk moves. The usual chunks are read here; the rest go to remark
// (remark.ts).
import { htmlHeadings, MAX_INLINE_HEADING } from './heading-text';
import { remarkParseChunk } from './remark';
import { THEMATIC_BREAK, indentOf, isBlank, trimEndChars } from './text';
import { htmlFlowStart } from './html-start';
import type { ChunkData, RawHeading } from './chunk';

// The chunk types live in chunk.ts (remark.ts and heading-text.ts use them too); exported here as before.
export type { HeadingKind, RawHeading, RawItem, ChunkData } from './chunk';


/** Reads one chunk. Every call returns a new object: results of line-local rules are kept per chunk data object. */
export function parseChunk(text: string, frontMatter: boolean): ChunkData {
  return fastParse(text, frontMatter) ?? remarkParseChunk(text, frontMatter);
}

/** A line of nothing but spaces and tabs: one object, not a literal made again per chunk (a new RegExp each time). */
const SPACES_ONLY = /^[ \t]*$/;

const EMPTY: ChunkData = { headings: [], items: [], rows: [], codeLines: [], definitions: [], openAtEnd: false, openFrom: -1, frontMatter: undefined, lineResults: undefined, signals: undefined };
/** Characters after which heading text needs inline parsing (emphasis, code, links, HTML, entities, escapes). */
const INLINE_SYNTAX = /[\\`*_[\]<>&!]/;
/** The same without brackets: with no "](" in the text and no definitions, brackets are literal text. */
const INLINE_SYNTAX_BUT_BRACKETS = /[\\`*_<>&!]/;
/**
 * An inline link whose text has no inline syntax and whose destination has no spaces, parentheses, angle brackets,
 * backslashes or backticks (code spans and autolinks bind before links): `[Tracked in #40885](https://…)`.
 * Its text in a heading is the link text.
 */
const PLAIN_LINK = /\[([^\\`*_[\]<>&!\n]*)\]\(([^\s()<>\\`]*)\)/g;
/**
 * A line that can only start or continue a paragraph, never open another block or end one: it starts with a letter
 * or digit (not an ordered-list marker), a quote or parenthesis, any character outside ASCII (emoji such as ✅
 * included: no block starts with one), `!`, `\\`, `&`, or emphasis (`**Impact:**`, `_note_`) that cannot be a list
 * marker or thematic break because a non-space follows the run of `*` and `_`.
 */
const PARAGRAPH_LINE = /^(?:(?!\d{1,9}[.)](?:[ \t]|$))[A-Z0-9"'(!\\&\u0080-\uffff]|[*_]+[^\s*_])/i;
/**
 * A line that continues a paragraph already open: also a link (`[text](…)`) or code span at its start, since link
 * reference definitions cannot interrupt a paragraph, and a single or double backtick is not a fence.
 */
const CONTINUATION_LINE = /^(?:(?!\d{1,9}[.)](?:[ \t]|$))[A-Z0-9"'(!\\&\u0080-\uffff[]|[*_]+[^\s*_]|`(?!``))/i;
/** An ATX heading's text without its closing `#` run (one that stands alone or follows a space or tab). Linear. */
function withoutClosingSequence(content: string): string {
  if (content.charCodeAt(content.length - 1) !== 35 /* # */) return content;
  const stripped = trimEndChars(content, /#/);
  if (stripped.length === content.length) return content;
  return stripped === '' || /[ \t]$/.test(stripped) ? stripped : content;
}

/** A fence's opening line: up to 3 spaces (a fence left open after an indented one is cut there: see model.ts). */
const FENCE_LINE = /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))(.*)$/;

/**
 * Most chunks of a post-mortem are a heading line, a paragraph, one list item, a table row run or a fenced block.
 * Those are read here without remark; everything else (and anything unusual inside these) goes to remark.
 * A unit test checks that this path says what remarkParseChunk says, chunk by chunk.
 */
export function fastParse(text: string, frontMatter: boolean): ChunkData | undefined {
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
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  let n = lines.length;
  while (n > 0 && SPACES_ONLY.test(lines[n - 1]!)) n--;
  if (n === 0) return { ...EMPTY };
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
    if (n === 1) return { ...EMPTY, headings: [heading] };
    // What follows the heading line in the chunk (a paragraph, rows, quotes) starts afresh.
    const after = first.length + (text.charCodeAt(first.length) === 13 && text.charCodeAt(first.length + 1) === 10 ? 2 : 1);
    const restLines = lines.slice(1);
    // Indented code right after the heading line (a heading, then code, over and over, was read by micromark).
    const code = indentOf(restLines[0]!) >= 4 ? indentedCode(restLines, n - 1) : undefined;
    if (code) return { ...EMPTY, headings: [heading], codeLines: code.codeLines.map((l) => l + 1) };
    const rest = proseChunk(text.slice(after), restLines, n - 1);
    return rest && { ...EMPTY, headings: [heading], rows: rest.rows.map((r) => r + 1) };
  }
  if (PARAGRAPH_LINE.test(first) || (c === 96 /* ` */ && !first.startsWith('```')) || (c === 91 /* [ */ && !text.includes(']:')) || (c === 60 /* < */ && htmlFlowStart(first) === 0) || (c !== 91 && c !== 32 && c !== 9 && plainLine(first))) {
    // A setext heading: one line of text, underlined with = (level 1) or - (level 2).
    const underline = n === 2 ? /^(=+|-+)[ \t]*$/.exec(lines[1]!) : null;
    if (underline) {
      const text = withoutPlainLinks(first).trim();
      if ((INLINE_SYNTAX.test(text) && !plainAngles(text)) || first !== first.trimEnd()) return undefined;
      const depth = underline[1]![0] === '=' ? 1 : 2;
      const heading: RawHeading = { depth, text: withoutNul(text), kind: 'setext', line: 0, character: 0, endLine: 1, endCharacter: lines[1]!.length };
      return { ...EMPTY, headings: [heading] };
    }
    return proseChunk(text, lines, n);
  }
  if (c === 124 /* | */) return proseChunk(text, lines, n);
  const fence = FENCE_LINE.exec(first);
  if (fence) {
    const marker = fence[1]!;
    if (marker[0] === '`' && fence[2]!.includes('`')) return undefined;
    const closeChar = marker.charCodeAt(0);
    for (let i = 1; i < n; i++) {
      if (closesFence(lines[i]!, closeChar, marker.length)) {
        if (i !== n - 1) return undefined;
        return { ...EMPTY, codeLines: lineNumbers(n) };
      }
    }
    // Never closed: code to the end of the chunk, blank lines included, and it runs on into the next chunk.
    return { ...EMPTY, codeLines: lineNumbers(lines.length), openAtEnd: true, openFrom: 0 };
  }
  if ((c === 32 || c === 9) && indentOf(first) >= 4) return indentedCode(lines, n);
  if (c === 32 && /^ {1,3}</.test(first)) {
    // An indented block starts a chunk too (see scan.ts); a line of inline HTML (`<span>x</span> text`) is prose.
    return htmlFlowStart(first, first.indexOf('<')) === 0 ? proseChunk(text, lines, n) : htmlBlock(text, lines, n);
  }
  if (c === 62 /* > */ || c === 32 || ((c === 45 || c === 42 || c === 95) && THEMATIC_BREAK.test(first))) return proseChunk(text, lines, n);
  if (c === 60 /* < */) return htmlBlock(text, lines, n);
  if (c === 91 /* [ */ && n === 1) {
    const d = definition(first);
    if (d) return d;
  }
  const item = /^(?:[-+*]|\d{1,9}[.)])([ \t]+)(?=\S)/.exec(first);
  if (item && !/^(?:[-*_][ \t]*)+$/.test(first) && !item[1]!.includes('\t')) return listItem(text, lines, n, item[0].length - item[1]!.length, item[1]!.length);
  return undefined;
}

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
    const heading = atxHeading(end === text.length ? text : text.slice(0, end), text);
    return heading && { ...EMPTY, headings: [heading] };
  }
  if (c === 91 /* [ */ && text.includes(']:')) return definition(end === text.length ? text : text.slice(0, end));
  let blank = true;
  for (let i = 0; blank && i < end; i++) {
    const k = text.charCodeAt(i);
    blank = k === 32 || k === 9;
  }
  return blank ? { ...EMPTY } : NOT_ONE_LINE;
}

/** An ATX heading line (`first`, the chunk's first line; `text`, the chunk), or undefined when remark must read it. */
function atxHeading(first: string, text: string): RawHeading | undefined {
  const m = /^(#{1,6})(?:[ \t](.*))?$/.exec(first);
  // Trailing spaces and tabs end the heading (its range includes them); other trailing whitespace is text to remark.
  const trimmed = first.trimEnd();
  if (!m || (trimmed !== first && !/^[ \t]+$/.test(first.slice(trimmed.length)))) return undefined;
  // The closing sequence is found by one scan back from the end (a pattern tried from each of a long run of spaces
  // read the whole run again).
  const raw = withoutClosingSequence((m[2] ?? '').trim()).trim();
  let content = withoutPlainLinks(raw).trim();
  if (INLINE_SYNTAX.test(content) && !literalBrackets(content, text) && !plainAngles(content)) {
    // A heading too long for inline parsing is its raw text (see MAX_INLINE_HEADING), escapes and entities aside.
    if (first.length <= MAX_INLINE_HEADING || /[\\&]/.test(raw)) return undefined;
    content = raw;
  }
  return { depth: m[1]!.length, text: withoutNul(content), kind: 'atx', line: 0, character: 0, endLine: 0, endCharacter: first.length };
}

/** The inline syntax that `plainAngles` leaves to remark: all of INLINE_SYNTAX but angle brackets. */
const INLINE_SYNTAX_BUT_ANGLES = /[\\`*_[\]&!]/;
/** What may start an autolink: "<", a scheme and ":" (an e-mail autolink needs an "@"). */
const AUTOLINK_START = /<[A-Z][A-Z0-9+.-]{1,31}:/i;

/**
 * Heading text whose only inline syntax is angle brackets that make no autolink: inline HTML (`<span>Impact</span>`)
 * or literal "<" and ">". Its text is then its source, as remark reads it (the text of inline HTML is its source).
 */
function plainAngles(content: string): boolean {
  return !INLINE_SYNTAX_BUT_ANGLES.test(content) && !content.includes('@') && !AUTOLINK_START.test(content);
}

/** Text with NUL characters as micromark reads them: U+FFFD. */
function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\ufffd') : text;
}

/** Plain inline links as their text (see PLAIN_LINK); the search only where one may be. */
function withoutPlainLinks(text: string): string {
  return text.includes('](') ? text.replace(PLAIN_LINK, '$1') : text;
}

/**
 * A chunk of one line that is a link reference definition with a plain destination and no title: what remark says of
 * it. Undefined for any other line.
 */
function definition(line: string): ChunkData | undefined {
  const d = /^\[([^\s[\]\\&][^[\]\\&]{0,998})\]:[ \t]*([^\s<>()\\&]+)[ \t]*$/.exec(line);
  if (d && d[1]!.trim() !== '' && !hasControl(d[2]!)) return { ...EMPTY, definitions: [`[${d[1]}]: <${d[2]}>`] };
  return undefined;
}

/** Content that starts a paragraph (inside a list item: after its marker or indentation). */
function startsParagraph(content: string, chunk: string): boolean {
  const c = content.charCodeAt(0);
  return PARAGRAPH_LINE.test(content) || (c === 96 && !content.startsWith('```')) || (c === 91 && !chunk.includes(']:')) || c === 124 || (c === 60 && htmlFlowStart(content) === 0);
}

/**
 * Content inside an item that cannot hold a definition, a fence or an HTML block at any depth (a nested quote or list
 * may start one mid-line): those decide whether the item runs on into the next chunk, or hold a definition.
 */
function innerSafe(content: string, chunk: string): boolean {
  return !content.includes(']:') && !content.includes('```') && !content.includes('~~~') && (startsParagraph(content, chunk) || !content.includes('<'));
}

/**
 * One top-level list item and everything that belongs to it: lines indented into it (whatever they hold: nested
 * lists, quotes, code), blank lines followed by such lines, and lazy lines that continue its paragraph. Read line by
 * line in linear time; the model needs only the item's extent. A fence, HTML or a definition inside (which decide
 * whether the item runs into the next chunk, or hold a definition) sends the chunk to remark, as does a line that may
 * end the item early.
 */
function listItem(text: string, lines: readonly string[], n: number, markerLength: number, spaces: number): ChunkData | undefined {
  // With five or more spaces after the marker, the content is indented code one space after the marker.
  const code = spaces > 4;
  const contentIndent = markerLength + (code ? 1 : spaces);
  const first = lines[0]!.slice(markerLength + spaces);
  if (!code && n === 1 && closedHtml(first)) return { ...EMPTY, items: [{ line: 0, endLine: 0 }] };
  if (!code && !(simpleItemContent(first) && innerSafe(first, text))) return undefined;
  let paragraph = !code && startsParagraph(first, text);
  let afterBlank = false;
  for (let i = 1; i < n; i++) {
    const line = lines[i]!;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (line.charCodeAt(indent) === 9) return undefined;
    const rest = indent === 0 ? line : line.slice(indent);
    if (rest === '') {
      paragraph = false;
      afterBlank = true;
      continue;
    }
    if (indent >= contentIndent) {
      // Inside the item. Indented 4 more than its content, it is code after a blank line, else it continues a paragraph.
      if (!simpleItemContent(rest) || !innerSafe(rest, text)) return undefined;
      const codeLine = indent >= contentIndent + 4 && !paragraph;
      paragraph = !codeLine && (paragraph || startsParagraph(rest, text));
      afterBlank = false;
      continue;
    }
    // Less indented: only a lazy line of the item's open paragraph keeps the item going (not a lone tag: micromark
    // lets a lazy line start an HTML block of type 7).
    if (afterBlank || !paragraph || !(CONTINUATION_LINE.test(rest) || rest.charCodeAt(0) === 124 || (rest.charCodeAt(0) === 60 && htmlFlowStart(rest) === 0))) return undefined;
  }
  return { ...EMPTY, items: [{ line: 0, endLine: n - 1 }] };
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

function lineNumbers(n: number): number[] {
  const out: number[] = [];
  for (let l = 0; l < n; l++) out.push(l);
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
 * A heading whose only inline syntax is brackets that cannot be links here: no "](" (an inline link) and no
 * definition in the chunk. References to definitions elsewhere are resolved by the model.
 */
function literalBrackets(content: string, chunk: string): boolean {
  return !INLINE_SYNTAX_BUT_BRACKETS.test(content) && !content.includes('](') && !chunk.includes(']:');
}

/**
 * A chunk of paragraphs, table rows and block quotes, in any order and at any length: read line by line in linear
 * time (micromark takes about 70 µs per line of a long paragraph, and is super-linear on deep block quotes). Nothing
 * in it is a heading, list item or code, and nothing inside a block quote is top-level; what the model takes from it
 * is the table rows: lines starting with "|" in a top-level paragraph. Anything else (a line that could open another
 * block, a setext underline, a definition, a fence or HTML inside a quote, a row right after a quote, which may be
 * the quote's lazy line) sends the chunk to remark.
 */

/** A line a setext heading may be underlined with (no spaces between its characters). */
const SETEXT_SHAPE = /^(?:=+|-+)[ \t]*$/;

function proseChunk(text: string, lines: readonly string[], n: number): ChunkData | undefined {
  // A definition ("[a]: /x", its label maybe over lines) starts a paragraph with "[", in a quote or not: such a chunk
  // is left to remark when it holds "]:" (asked once, at the first such start).
  let defined: boolean | undefined;
  // The rows: made only at a second one, so a chunk of one row (every row of a long table is its own chunk) keeps the
  // shared [0], not an array of 17 slots made by a push.
  let rows: number[] | undefined;
  let only = -1;
  let open: 'none' | 'paragraph' | 'quote' = 'none';
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (line.charCodeAt(indent) === 9) {
      // A tab in the indentation makes four columns or more: indented code, or the next line of a paragraph.
      if (isBlank(line)) {
        open = 'none';
        continue;
      }
      if (open !== 'paragraph') return undefined;
      continue;
    }
    const rest = indent === 0 ? line : line.slice(indent);
    if (rest === '') {
      open = 'none';
      continue;
    }
    if (indent <= 3 && rest.charCodeAt(0) === 62 /* > */) {
      if (line.includes('```') || line.includes('~~~') || (line.includes('<') && !quotedProse(rest))) return undefined;
      if (rest.includes('[') && (defined ??= text.includes(']:'))) return undefined;
      open = 'quote';
      continue;
    }
    if (indent >= 4) {
      // Indented code, unless it continues a paragraph (a quote's paragraph, lazily, or a top-level one).
      if (open !== 'paragraph') return undefined;
      continue;
    }
    if (open === 'none' && THEMATIC_BREAK.test(rest)) continue; // after a blank line or at the start: never an underline
    // A thematic break that is no setext underline ("***", "- - -") ends a paragraph (not a table: rows are left alone).
    if (open === 'paragraph' && rows === undefined && only === -1 && THEMATIC_BREAK.test(rest) && !SETEXT_SHAPE.test(rest)) {
      open = 'none';
      continue;
    }
    if (rest.charCodeAt(0) === 124 /* | */) {
      if (open === 'quote') return undefined;
      if (indent === 0) {
        if (rows) rows.push(i);
        else if (only === -1) only = i;
        else rows = [only, i];
      }
      open = 'paragraph';
      continue;
    }
    if (!(rest.charCodeAt(0) === 60 ? inlineHtmlLine(rest, open) : plainLine(rest) || (open === 'paragraph' && cannotInterrupt(rest)))) return undefined;
    // (After a quote, the line may start a paragraph of its own: the quote may hold no paragraph.)
    if (open !== 'paragraph' && rest.charCodeAt(0) === 91 && (defined ??= text.includes(']:'))) return undefined;
    if (open === 'none') open = 'paragraph';
  }
  return withRows(rows ?? (only === -1 ? NO_ROWS : only === 0 ? FIRST_ROW : [only]));
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
    case 45: // -
    case 43: // +
    case 42: // *
    case 95: // _
      return !spaceOrEnd && !THEMATIC_BREAK.test(rest) && !SETEXT_SHAPE.test(rest);
    case 61: // =
      return !SETEXT_SHAPE.test(rest);
    default:
      return !(c >= 48 && c <= 57 && ORDERED_MARKER.test(rest));
  }
}

/**
 * A list item that cannot interrupt a paragraph, so is the next line of an open top-level paragraph: an ordered item
 * that does not start with 1 ("2. x"), or a "*" or "+" bullet with nothing after it. (Lines of "2. x & y" after a
 * paragraph line were read by micromark: 4 s for 256 KB.) Not as a quote's lazy line: micromark reads those apart.
 */
function cannotInterrupt(rest: string): boolean {
  const c = rest.charCodeAt(0);
  if (c >= 50 && c <= 57) return ORDERED_MARKER.test(rest); // "2." to "9…": never a list's first item here
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
function indentedCode(lines: readonly string[], n: number): ChunkData | undefined {
  for (let i = 1; i < n; i++) {
    const line = lines[i]!;
    if (indentOf(line) < 4 && !isBlank(line)) return undefined;
  }
  return { ...EMPTY, codeLines: lineNumbers(n) };
}

const NO_ROWS: readonly number[] = [];
const FIRST_ROW: readonly number[] = [0];

/** EMPTY with these rows, spelled out (a spread per chunk of a long table cost more than reading the row). */
function withRows(rows: readonly number[]): ChunkData {
  return { headings: EMPTY.headings, items: EMPTY.items, rows, codeLines: EMPTY.codeLines, definitions: EMPTY.definitions, openAtEnd: false, openFrom: -1, frontMatter: undefined, lineResults: undefined, signals: undefined };
}

/**
 * An HTML block that starts the chunk (CommonMark types 1–7, the names from micromark, which remark uses), read
 * without remark when it takes the whole chunk: its lines are code, and headings written in HTML are read from it.
 * Types 1–5 run to their end marker, types 6 and 7 to a blank line.
 */
function htmlBlock(text: string, lines: readonly string[], n: number): ChunkData | undefined {
  const first = lines[0]!.replace(/^ {1,3}/, ''); // an indented block starts a chunk too (see scan.ts)
  let end: string | undefined;
  let opener = 0;
  const kind = htmlFlowStart(first);
  // Type 1 ends at a line holding any of the four closing tags (`<script>` … `</pre>` is closed).
  const raw = kind === 1;
  if (raw) {
    end = '</';
    opener = 1;
  } else if (first.startsWith('<!--')) [end, opener] = ['-->', 2]; // "<!-->" is a whole comment: the end marker may reuse the opener's dashes
  else if (first.startsWith('<?')) [end, opener] = ['?>', 2];
  else if (first.startsWith('<![CDATA[')) [end, opener] = [']]>', 9];
  else if (/^<![A-Z]/i.test(first)) [end, opener] = ['>', 2];
  else {
    // Types 6 and 7 (a lone tag of any other name, which may start a chunk: a chunk never starts inside a paragraph):
    // to the first blank line, which must come after the chunk's last line of content.
    if (kind !== 6 && kind !== 7) return undefined;
    for (let i = 1; i < n; i++) if (SPACES_ONLY.test(lines[i]!)) return undefined;
    return { ...EMPTY, headings: htmlHeadings(linesSource(text, lines, n), 0, 0), codeLines: lineNumbers(n), openAtEnd: n === lines.length, openFrom: n === lines.length ? 0 : -1 };
  }
  // Types 1–5: to the first line holding the end marker (after the opener on the first line).
  for (let i = 0; i < lines.length; i++) {
    const line = i === 0 ? first.slice(opener) : lines[i]!;
    if (raw ? RAW_END.test(line) : line.includes(end)) { // the end markers of types 2–5 hold no letters
      if (i !== n - 1) return undefined; // something follows the block in this chunk
      // Closed on the chunk's last line: what follows starts afresh (unlike a block of type 6, which runs to a blank line).
      return { ...EMPTY, headings: htmlHeadings(linesSource(text, lines, n), 0, 0), codeLines: lineNumbers(n) };
    }
  }
  // Never closed: it runs to the end of the chunk and on into the next.
  return { ...EMPTY, headings: htmlHeadings(text, 0, 0), codeLines: lineNumbers(lines.length), openAtEnd: true, openFrom: 0 };
}

/** The end of an HTML block of type 1. */
const RAW_END = /<\/(?:script|pre|style|textarea)>/i;

/** The chunk's first n lines as written, line endings between them kept. */
function linesSource(text: string, lines: readonly string[], n: number): string {
  let end = 0;
  for (let i = 0; i < n - 1; i++) {
    end += lines[i]!.length;
    end += text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1;
  }
  return text.slice(0, end + lines[n - 1]!.length);
}

/** ASCII control characters, which a plain link destination cannot hold. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
