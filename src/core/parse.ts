// Parses one chunk with remark and keeps only what the model needs, in chunk-relative lines, so that the result
// can be cached by the chunk's text and reused wherever the chunk moves.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, Heading as MdHeading, Html, List, Code } from 'mdast';

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
  lineResults: Array<{ readonly key: string; readonly byCommentState: [unknown?, unknown?] }> | undefined;
}

const markdown = unified().use(remarkParse);
const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

const HTML_HEADING = /<h([1-6])(?:\s[^>]*)?>([\s\S]*?)<\/h\1\s*>/gi;

/** Reads one chunk. Every call returns a new object: results of line-local rules are kept per chunk data object. */
export function parseChunk(text: string, frontMatter: boolean): ChunkData {
  return fastParse(text, frontMatter) ?? remarkParseChunk(text, frontMatter);
}

const EMPTY: ChunkData = { headings: [], items: [], rows: [], codeLines: [], definitions: [], openAtEnd: false, frontMatter: undefined, lineResults: undefined };
/** Characters after which heading text needs inline parsing (emphasis, code, links, HTML, entities, escapes). */
const INLINE_SYNTAX = /[\\`*_[\]<>&!#]/;
/**
 * A line that can only start or continue a paragraph, never open another block or end one: it starts with a letter
 * or digit (not an ordered-list marker), a quote or parenthesis, any character outside ASCII (emoji such as ✅
 * included: no block starts with one), `!`, `\\`, `&`, or emphasis (`**Impact:**`, `_note_`) that cannot be a list
 * marker or thematic break because a non-space follows the run of `*` and `_`.
 */
const PARAGRAPH_LINE = /^(?:(?!\d{1,9}[.)](?:[ \t]|$))[A-Za-z0-9"'(!\\&\u0080-\uffff]|[*_]+[^\s*_])/;
/**
 * A line that continues a paragraph already open: also a link (`[text](…)`) or code span at its start, since link
 * reference definitions cannot interrupt a paragraph, and a single or double backtick is not a fence.
 */
const CONTINUATION_LINE = /^(?:(?!\d{1,9}[.)](?:[ \t]|$))[A-Za-z0-9"'(!\\&\u0080-\uffff[]|[*_]+[^\s*_]|`(?!``))/;
const FENCE_LINE = /^(`{3,}|~{3,})(.*)$/;

/**
 * Most chunks of a post-mortem are a heading line, a paragraph, one list item, a table row run or a fenced block.
 * Those are read here without remark; everything else (and anything unusual inside these) goes to remark.
 * The differential test checks this path against a whole-document remark parse.
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
    const m = /^(#{1,6})(?:[ \t]+(.*))?$/.exec(first);
    if (!m || first !== first.trimEnd()) return undefined;
    let content = (m[2] ?? '').trim();
    content = content.replace(/(?:^|[ \t]+)#+$/, '').trim();
    if (INLINE_SYNTAX.test(content)) return undefined;
    const heading: RawHeading = { depth: m[1]!.length, text: content, kind: 'atx', line: 0, character: 0, endLine: 0, endCharacter: first.length };
    return { ...EMPTY, headings: [heading] };
  }
  if (PARAGRAPH_LINE.test(first)) {
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

/** The chunk as remark reads it; parseChunk gives the same result, faster for the usual chunks (a test checks). */
export function remarkParseChunk(text: string, frontMatter: boolean): ChunkData {
  const root = (frontMatter ? withFrontMatter : markdown).parse(text) as Root;
  const headings: RawHeading[] = [];
  const items: RawItem[] = [];
  const rows: number[] = [];
  const codeLines: number[] = [];
  const definitions: string[] = [];
  let fm: ChunkData['frontMatter'];
  const lines = text.split(/\r\n|\r|\n/);

  for (const node of root.children) {
    const p = node.position;
    if (!p) continue;
    const startLine = p.start.line - 1;
    const endLine = p.end.line - 1;
    switch (node.type) {
      case 'heading':
        headings.push(markdownHeading(node, lines));
        break;
      case 'html':
        collectHtmlHeadings(node, headings);
        for (let l = startLine; l <= endLine; l++) codeLines.push(l);
        break;
      case 'code':
        for (let l = startLine; l <= endLine; l++) codeLines.push(l);
        break;
      case 'list':
        for (const item of (node as List).children) {
          if (item.position) items.push({ line: item.position.start.line - 1, endLine: item.position.end.line - 1 });
        }
        break;
      case 'paragraph':
        for (let l = startLine; l <= endLine; l++) if ((lines[l] ?? '').startsWith('|')) rows.push(l);
        break;
      case 'yaml':
        fm = { kind: 'yaml', value: (node as { value: string }).value };
        break;
      default:
        if ((node as { type: string }).type === 'toml') fm = { kind: 'toml', value: (node as unknown as { value: string }).value };
        break;
    }
  }
  collectDefinitions(root, definitions);
  return { headings, items, rows, codeLines, definitions, openAtEnd: endsOpen(root, lines), frontMatter: fm, lineResults: undefined };
}

/** Link reference definitions anywhere in the chunk (lists and block quotes included), as Markdown source. */
function collectDefinitions(node: Root | RootContent, out: string[]): void {
  if (node.type === 'definition') {
    const title = node.title ? ` "${node.title.replace(/["\\]/g, '\\$&')}"` : '';
    out.push(`[${node.label ?? node.identifier}]: <${node.url.replace(/[<>]/g, encodeURIComponent)}>${title}`);
    return;
  }
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code' || node.type === 'html') return;
  if ('children' in node) for (const child of node.children) collectDefinitions(child as RootContent, out);
}

function markdownHeading(node: MdHeading, lines: readonly string[]): RawHeading {
  const p = node.position!;
  const line = p.start.line - 1;
  const endLine = p.end.line - 1;
  const setext = endLine > line || !/^ {0,3}#/.test(lines[line] ?? '');
  return {
    depth: node.depth,
    text: toString(node).trim(),
    kind: setext ? 'setext' : 'atx',
    line,
    character: p.start.column - 1,
    endLine,
    endCharacter: p.end.column - 1,
  };
}

function collectHtmlHeadings(node: Html, out: RawHeading[]): void {
  const p = node.position!;
  const value = node.value;
  if (!/<h[1-6]/i.test(value)) return;
  HTML_HEADING.lastIndex = 0;
  for (let m = HTML_HEADING.exec(value); m; m = HTML_HEADING.exec(value)) {
    const start = offsetToLineChar(value, m.index);
    const end = offsetToLineChar(value, m.index + m[0].length);
    const baseLine = p.start.line - 1;
    const baseChar = p.start.column - 1;
    out.push({
      depth: Number(m[1]),
      text: decodeEntities(m[2]!.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim(),
      kind: 'html',
      line: baseLine + start.line,
      character: start.line === 0 ? baseChar + start.character : start.character,
      endLine: baseLine + end.line,
      endCharacter: end.line === 0 ? baseChar + end.character : end.character,
    });
  }
}

function offsetToLineChar(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeFromCodePoint(parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeFromCodePoint(parseInt(name.slice(1), 10), whole);
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function safeFromCodePoint(cp: number, fallback: string): string {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : fallback;
}

/** Does the chunk end inside a construct that would swallow the following chunk (an unclosed fence or comment)? */
function endsOpen(root: Root, lines: readonly string[]): boolean {
  let node: RootContent | undefined = root.children[root.children.length - 1];
  // A top-level HTML block of types 6–7 runs to the next blank line, so one that reaches the chunk's last line
  // (chunks cut at blank lines keep the blank line) goes on into the next chunk.
  if (node?.type === 'html' && node.position && node.position.end.line >= lines.length && !/^[ \t]*$/.test(lines[lines.length - 1] ?? '')) {
    return true;
  }
  while (node && 'children' in node && node.children.length > 0 && node.type !== 'paragraph' && node.type !== 'heading') {
    node = node.children[node.children.length - 1] as RootContent;
  }
  if (!node || !node.position) return false;
  if (node.type === 'code') return fencedAndUnclosed(node, lines);
  if (node.type === 'html') return htmlUnclosed(node.value.trimStart());
  return false;
}

/** HTML blocks of types 1–5 run until their end marker, across blank lines; types 6–7 end at a blank line. */
function htmlUnclosed(v: string): boolean {
  if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(v)) return !/<\/(?:script|pre|style|textarea)>/i.test(v);
  if (v.startsWith('<!--')) return !v.slice(4).includes('-->');
  if (v.startsWith('<?')) return !v.slice(2).includes('?>');
  if (v.startsWith('<![CDATA[')) return !v.slice(9).includes(']]>');
  if (/^<![A-Za-z]/.test(v)) return !v.slice(2).includes('>');
  return false;
}

function fencedAndUnclosed(node: Code, lines: readonly string[]): boolean {
  const p = node.position!;
  const first = (lines[p.start.line - 1] ?? '').slice(p.start.column - 1);
  const fence = /^( {0,3})(`{3,}|~{3,})/.exec(first);
  if (!fence) return false; // indented code
  const open = [fence[0], fence[2]!] as const;
  if (p.end.line === p.start.line) return true;
  const last = (lines[p.end.line - 1] ?? '').trim();
  const closes = last.startsWith(open[1]!) && /^(`+|~+)$/.test(last) && last[0] === open[1]![0];
  return !closes;
}

/**
 * The text of a Markdown heading whose references point at definitions elsewhere in the document: parse the
 * heading's source together with those definitions, as a whole-document parse would see it.
 */
export function headingTextWithDefinitions(source: string, definitions: string): string {
  const root = markdown.parse(`${source}\n\n${definitions}`) as Root;
  const first = root.children[0];
  return first && first.type === 'heading' ? toString(first).trim() : '';
}
