// Which kind of HTML block (CommonMark's seven start conditions) a line starts, read as micromark's html-flow reads
// it, so the chunk scan and the fast reader can tell a line of inline HTML (`<span>x</span> text`, a paragraph line)
// from one that opens a block. One pass over the line's characters; no pattern.
import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';
import { isAsciiAlpha, isAsciiAlphanumeric, isSpaceOrTab } from './text';

const BLOCK_NAMES = new Set(htmlBlockNames);
const RAW_NAMES = new Set(htmlRawNames);

/**
 * The kind of HTML block `line` starts at `from` (where its `<` is, after at most three spaces of indentation): 1 for
 * `<script`, `<pre`, `<style`, `<textarea`; 2 a comment `<!--`; 3 `<?`; 4 `<!` and a letter; 5 `<![CDATA[`; 6 a
 * block tag (`<div`, `</table>`…); 7 a line that is one complete open or closing tag of any other name and nothing
 * but spaces and tabs after it; 0 when the line starts no HTML block (inline HTML such as `<span>x</span> text`, or
 * no HTML). Kinds 1–6 may interrupt a paragraph; kind 7 may not (the line is then the paragraph's next line).
 */
export function htmlFlowStart(line: string, from = 0): number {
  if (line.charCodeAt(from) !== 60) return 0;
  let i = from + 1;
  let c = line.charCodeAt(i);
  if (c === 33 /* ! */) {
    c = line.charCodeAt(++i);
    if (c === 45) return line.charCodeAt(i + 1) === 45 ? 2 : 0;
    if (c === 91) return line.startsWith('CDATA[', i + 1) ? 5 : 0;
    return isAsciiAlpha(c) ? 4 : 0;
  }
  if (c === 63 /* ? */) return 3;
  const closing = c === 47; /* / */
  if (closing) c = line.charCodeAt(++i);
  if (!isAsciiAlpha(c)) return 0;
  const nameStart = i;
  for (c = line.charCodeAt(++i); c === 45 || isAsciiAlphanumeric(c); c = line.charCodeAt(++i));
  // The name ends at the line's end, "/", ">", a space or a tab; anything else is no tag.
  if (!(i === line.length || c === 47 || c === 62 || isSpaceOrTab(c))) return 0;
  const slash = c === 47;
  const name = line.slice(nameStart, i).toLowerCase();
  if (!slash && !closing && RAW_NAMES.has(name)) return 1;
  if (BLOCK_NAMES.has(name)) return !slash || line.charCodeAt(i + 1) === 62 ? 6 : 0;
  return completeTag(line, i, closing) ? 7 : 0;
}

/** States of completeTag, named after micromark's html-flow functions. */
const S_NameBefore = 0;
const S_Name = 1;
const S_NameAfter = 2;
const S_ValueBefore = 3;
const S_Quoted = 4;
const S_Unquoted = 5;
const S_QuotedAfter = 6;
const S_End = 7;
const S_After = 8;

/**
 * From `i`, just after a tag's name: the rest of a complete tag, then only spaces and tabs to the line's end. A
 * transcription of micromark's states (completeAttributeNameBefore … completeAfter), quirks included: each step
 * either moves past one character or changes state without moving, and no state is entered twice without moving.
 */
function completeTag(line: string, i: number, closing: boolean): boolean {
  const n = line.length;
  let state = S_NameBefore;
  if (closing) {
    while (i < n && isSpaceOrTab(line.charCodeAt(i))) i++;
    state = S_End;
  }
  let quote = 0;
  for (;;) {
    const c = i < n ? line.charCodeAt(i) : -1; // -1: the line's end
    switch (state) {
      case S_NameBefore:
        if (c === 47) {
          i++;
          state = S_End;
        } else if (c === 58 || c === 95 || isAsciiAlpha(c)) {
          i++;
          state = S_Name;
        } else if (isSpaceOrTab(c)) i++;
        else state = S_End;
        break;
      case S_Name:
        if (c === 45 || c === 46 || c === 58 || c === 95 || isAsciiAlphanumeric(c)) i++;
        else state = S_NameAfter;
        break;
      case S_NameAfter:
        if (c === 61) {
          i++;
          state = S_ValueBefore;
        } else if (isSpaceOrTab(c)) i++;
        else state = S_NameBefore;
        break;
      case S_ValueBefore:
        if (c === -1 || c === 60 || c === 61 || c === 62 || c === 96) return false;
        if (c === 34 || c === 39) {
          quote = c;
          i++;
          state = S_Quoted;
        } else if (isSpaceOrTab(c)) i++;
        else state = S_Unquoted;
        break;
      case S_Quoted: {
        const close = line.indexOf(quote === 34 ? '"' : "'", i);
        if (close === -1) return false;
        i = close + 1;
        state = S_QuotedAfter;
        break;
      }
      case S_Unquoted:
        if (c === -1 || c === 34 || c === 39 || c === 47 || c === 60 || c === 61 || c === 62 || c === 96 || isSpaceOrTab(c)) state = S_NameAfter;
        else i++;
        break;
      case S_QuotedAfter:
        if (c === 47 || c === 62 || isSpaceOrTab(c)) state = S_NameBefore;
        else return false;
        break;
      case S_End:
        if (c !== 62) return false;
        i++;
        state = S_After;
        break;
      case S_After:
        if (c === -1) return true;
        if (!isSpaceOrTab(c)) return false;
        i++;
        break;
    }
  }
}

/**
 * By HTML block type (1–5): the end marker (type 1 ends at any of its four closing tags: "</" starts them), and the
 * opener's length, after which the end is searched on the opening line ("<!-->" is a whole comment: the end marker
 * may reuse the opener's dashes).
 */
export const HTML_END_MARKERS: readonly string[] = ['', '</', '-->', '?>', '>', ']]>'];
export const HTML_OPENER_LENGTH: readonly number[] = [0, 1, 2, 2, 2, 9];

/** An HTML block of types 1–5 (which end at their end marker, not at a blank line), from its value. */
export function closesAtItsEnd(value: string): boolean {
  const v = value.trimStart();
  let eol = v.search(/[\r\n]/);
  if (eol === -1) eol = v.length;
  const kind = htmlFlowStart(v.slice(0, eol));
  return kind >= 1 && kind <= 5;
}

/** HTML blocks of types 1–5 run until their end marker, across blank lines; types 6–7 end at a blank line. */
export function htmlUnclosed(v: string): boolean {
  if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(v)) return !/<\/(?:script|pre|style|textarea)>/i.test(v);
  if (v.startsWith('<!--')) return !v.slice(2).includes('-->'); // "<!-->" is a whole comment
  if (v.startsWith('<?')) return !v.slice(2).includes('?>');
  if (v.startsWith('<![CDATA[')) return !v.slice(9).includes(']]>');
  if (/^<![A-Z]/i.test(v)) return !v.slice(2).includes('>');
  return false;
}
