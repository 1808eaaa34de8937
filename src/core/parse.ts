// Reads one chunk and keeps only what the model needs, in chunk-relative lines, so that the result can be cached by
// the chunk's text and reused wherever the chunk moves. The usual chunks are read here; the rest go to remark
// (remark.ts).
import { remarkParseChunk } from './remark';
import { trimEndChars } from './text';

export type HeadingKind = 'atx' | 'setext' | 'html';

export interface RawHeading {
  readonly depth: number;
  readonly text: string;
  readonly kind: HeadingKind;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/** A top-level list item of the chunk: sub-bullets and continuation lines belong to it. */
export interface RawItem {
  readonly line: number;
  readonly endLine: number;
}

export interface ChunkData {
  readonly headings: readonly RawHeading[];
  readonly items: readonly RawItem[];
  /** Lines of the chunk that are table rows (paragraph lines starting with "|"). */
  readonly rows: readonly number[];
  /** Lines covered by fenced or indented code, HTML and the like: never prose. */
  readonly codeLines: readonly number[];
  /** Source of the link reference definitions in the chunk; other chunks' references may use them. */
  readonly definitions: readonly string[];
  /** True when the chunk ends inside an unclosed fenced code block or HTML comment. */
  readonly openAtEnd: boolean;
  /** Front matter: its kind and raw value, when this chunk is the front matter. */
  readonly frontMatter: { readonly kind: 'yaml' | 'toml'; readonly value: string } | undefined;
  /**
   * Results of line-local reads of this chunk, kept with it (see eachProseChunk in prose.ts): a cache, empty until
   * the first read. Every chunk data object has the same properties in the same order, so the loops that read
   * thousands of them stay monomorphic.
   */
  lineResults: unknown[] | undefined;
  /** What each line of the chunk says (see signals.ts): a cache, empty until the first read. */
  signals: Uint8Array | undefined;
}


/** Reads one chunk. Every call returns a new object: results of line-local rules are kept per chunk data object. */
export function parseChunk(text: string, frontMatter: boolean): ChunkData {
  return fastParse(text, frontMatter) ?? remarkParseChunk(text, frontMatter);
}

const EMPTY: ChunkData = { headings: [], items: [], rows: [], codeLines: [], definitions: [], openAtEnd: false, frontMatter: undefined, lineResults: undefined, signals: undefined };
/** Characters after which heading text needs inline parsing (emphasis, code, links, HTML, entities, escapes). */
const INLINE_SYNTAX = /[\\`*_[\]<>&!]/;
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
  const stripped = trimEndChars(content, /#/);
  if (stripped.length === content.length) return content;
  return stripped === '' || /[ \t]$/.test(stripped) ? stripped : content;
}

const FENCE_LINE = /^(`{3,}(?!`)|~{3,}(?!~))(.*)$/;

/**
 * Most chunks of a post-mortem are a heading line, a paragraph, one list item, a table row run or a fenced block.
 * Those are read here without remark; everything else (and anything unusual inside these) goes to remark.
 * A unit test checks that this path says what remarkParseChunk says, chunk by chunk.
 */
export function fastParse(text: string, frontMatter: boolean): ChunkData | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  let n = lines.length;
  while (n > 0 && /^[ \t]*$/.test(lines[n - 1]!)) n--;
  if (n === 0) return { ...EMPTY };
  const first = lines[0]!;
  if (frontMatter) {
    const fence = first.trimEnd();
    if (n < 2 || lines[n - 1]!.trimEnd() !== fence || n !== lines.length) return undefined;
    return { ...EMPTY, frontMatter: { kind: fence === '---' ? 'yaml' : 'toml', value: lines.slice(1, n - 1).join('\n') } };
  }
  const c = first.charCodeAt(0);
  if (c === 35 /* # */) {
    // A heading line, then perhaps a paragraph with no blank line between them.
    if (n > 1 && !PARAGRAPH_LINE.test(lines[1]!)) return undefined;
    for (let i = 2; i < n; i++) if (!CONTINUATION_LINE.test(lines[i]!)) return undefined;
    const m = /^(#{1,6})(?:[ \t](.*))?$/.exec(first);
    if (!m || first !== first.trimEnd()) return undefined;
    let content = (m[2] ?? '').trim();
    content = withoutClosingSequence(content).replace(PLAIN_LINK, '$1').trim();
    if (INLINE_SYNTAX.test(content)) return undefined;
    const heading: RawHeading = { depth: m[1]!.length, text: content, kind: 'atx', line: 0, character: 0, endLine: 0, endCharacter: first.length };
    return { ...EMPTY, headings: [heading] };
  }
  if (PARAGRAPH_LINE.test(first)) {
    // A setext heading: one line of text, underlined with = (level 1) or - (level 2).
    const underline = n === 2 ? /^(=+|-+)[ \t]*$/.exec(lines[1]!) : null;
    if (underline) {
      const text = first.replace(PLAIN_LINK, '$1').trim();
      if (INLINE_SYNTAX.test(text) || first !== first.trimEnd()) return undefined;
      const depth = underline[1]![0] === '=' ? 1 : 2;
      const heading: RawHeading = { depth, text, kind: 'setext', line: 0, character: 0, endLine: 1, endCharacter: lines[1]!.length };
      return { ...EMPTY, headings: [heading] };
    }
    for (let i = 1; i < n; i++) if (!CONTINUATION_LINE.test(lines[i]!)) return undefined;
    return { ...EMPTY };
  }
  if (c === 124 /* | */) {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) {
      if (lines[i]!.charCodeAt(0) !== 124) return undefined;
      rows.push(i);
    }
    return { ...EMPTY, rows };
  }
  const fence = FENCE_LINE.exec(first);
  if (fence) {
    const marker = fence[1]!;
    if (marker[0] === '`' && fence[2]!.includes('`')) return undefined;
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \t]*$`);
    for (let i = 1; i < n; i++) {
      if (close.test(lines[i]!)) {
        if (i !== n - 1) return undefined;
        const codeLines: number[] = [];
        for (let l = 0; l < n; l++) codeLines.push(l);
        return { ...EMPTY, codeLines };
      }
    }
    return undefined;
  }
  const item = /^(?:[-+*]|\d{1,9}[.)])([ \t]+)(?=\S)/.exec(first);
  if (item && !/^(?:[-*_][ \t]*)+$/.test(first) && item[1]!.length <= 4 && !item[1]!.includes('\t')) {
    const contentIndent = item[0].length;
    if (!simpleItemContent(first.slice(contentIndent))) return undefined;
    for (let i = 1; i < n; i++) {
      const line = lines[i]!;
      if (/^[ \t]*$/.test(line)) {
        // A blank line inside the item must be followed by content indented into it.
        continue;
      }
      const indent = line.length - line.trimStart().length;
      if (line.includes('\t', 0) && line.slice(0, indent).includes('\t')) return undefined;
      if (indent === 0) {
        if (!PARAGRAPH_LINE.test(line) || /^[ \t]*$/.test(lines[i - 1]!)) return undefined;
      } else if (indent < contentIndent || !simpleItemContent(line.slice(indent))) {
        return undefined;
      }
    }
    return { ...EMPTY, items: [{ line: 0, endLine: n - 1 }] };
  }
  return undefined;
}

/** Item content that holds no fence, HTML, definition, setext underline or thematic break. */
function simpleItemContent(content: string): boolean {
  if (/^(?:`{3,}|~{3,}|<|\[[^\]]*\]:)/.test(content)) return false;
  if (/^(?:=+|-+)[ \t]*$/.test(content) || /^(?:[-*_][ \t]*){3,}$/.test(content)) return false;
  return true;
}
