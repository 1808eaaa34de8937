// The remark side of the chunk parse: what parse.ts's fast path does not read itself. Only this module loads remark,
// so the Node extension host can leave remark uncompiled until a document needs it (see LAZY in scripts/build.mjs).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, Heading as MdHeading, Html, List, Code } from 'mdast';
import type { ChunkData, RawHeading, RawItem } from './parse';
import { removeDelimited } from './text';

let processors: { markdown: ReturnType<typeof markdownProcessor>; withFrontMatter: ReturnType<typeof frontMatterProcessor> } | undefined;
const markdownProcessor = () => unified().use(remarkParse);
const frontMatterProcessor = () => unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

function parser(frontMatter: boolean) {
  processors ??= { markdown: markdownProcessor(), withFrontMatter: frontMatterProcessor() };
  return frontMatter ? processors.withFrontMatter : processors.markdown;
}

/**
 * A chunk is parsed as a document of its own, and remark drops a byte order mark at a document's start. Inside the
 * whole document that character is text (which JavaScript and micromark count as whitespace), so it is swapped for a
 * character micromark reads the same way, a no-break space, of the same length.
 */
function keepBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? `\u00a0${text.slice(1)}` : text;
}

// The content stops at the next <h…> or </h…> tag, so an unclosed heading costs a scan to that tag, not to the end.
const HTML_HEADING = /<h([1-6])(?:\s[^<>]*)?>((?:[^<]|<(?!\/?h[1-6]))*)<\/h\1\s*>/gi;

/** The chunk as remark reads it; parseChunk gives the same result, faster for the usual chunks (a test checks). */
export function remarkParseChunk(text: string, frontMatter: boolean): ChunkData {
  const root = parser(frontMatter).parse(keepBom(text)) as Root;
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
  return { headings, items, rows, codeLines, definitions, openAtEnd: endsOpen(root, lines), frontMatter: fm, lineResults: undefined, signals: undefined };
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
      text: decodeEntities(removeDelimited(removeDelimited(m[2]!, '<!--', '-->'), '<', '>')).replace(/\s+/g, ' ').trim(),
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
  return openNode(root, lines) !== undefined;
}

/** The construct a chunk ends inside: an unclosed fence or HTML block, or an HTML block that runs to the last line. */
function openNode(root: Root, lines: readonly string[]): Code | Html | undefined {
  let node: RootContent | undefined = root.children[root.children.length - 1];
  // A top-level HTML block of types 6–7 runs to the next blank line, so one that reaches the chunk's last line
  // (chunks cut at blank lines keep the blank line) goes on into the next chunk.
  if (node?.type === 'html' && node.position && node.position.end.line >= lines.length && !/^[ \t]*$/.test(lines[lines.length - 1] ?? '')) {
    return node;
  }
  while (node && 'children' in node && node.children.length > 0 && node.type !== 'paragraph' && node.type !== 'heading') {
    node = node.children[node.children.length - 1] as RootContent;
  }
  if (!node || !node.position) return undefined;
  if (node.type === 'code') return fencedAndUnclosed(node, lines) ? node : undefined;
  if (node.type === 'html') return htmlUnclosed(node.value.trimStart()) ? node : undefined;
  return undefined;
}

/** What a text ends inside, for edits that add text after it: the construct's first line and the line that closes it. */
export interface OpenConstruct {
  readonly kind: 'code' | 'html';
  /** 0-based line of the text where the construct starts. */
  readonly line: number;
  /** The line that closes it (with the container's indentation or quote markers); empty when a blank line does. */
  readonly closer: string;
}

/**
 * The fenced code block or HTML block (comment, `<script>`, `<pre>`…) that `text` ends inside, or undefined. A
 * document that ends so swallows anything appended to it; appending `closer` on its own line first ends it, and
 * changes nothing in how the text before renders.
 */
export function openConstructAtEnd(text: string, frontMatter: boolean): OpenConstruct | undefined {
  const root = parser(frontMatter).parse(keepBom(text)) as Root;
  const lines = text.split(/\r\n|\r|\n/);
  const node = openNode(root, lines);
  if (!node?.position) return undefined;
  const line = node.position.start.line - 1;
  const opener = lines[line] ?? '';
  // Block quote markers stay; list markers become spaces, so the closer is inside the same containers.
  const container = opener.slice(0, node.position.start.column - 1).replace(/[-+*]|\d{1,9}[.)]/g, (m) => ' '.repeat(m.length));
  if (node.type === 'code') {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(opener.slice(node.position.start.column - 1));
    return { kind: 'code', line, closer: `${container}${fence?.[1] ?? '```'}` };
  }
  const v = node.value.trimStart();
  const tag = /^<(script|pre|style|textarea)(?:[\s>]|$)/i.exec(v);
  const closer = tag ? `</${tag[1]!.toLowerCase()}>` : v.startsWith('<!--') ? '-->' : v.startsWith('<?') ? '?>' : v.startsWith('<![CDATA[') ? ']]>' : /^<![A-Za-z]/.test(v) ? '>' : '';
  return { kind: 'html', line, closer: closer && `${container}${closer}` };
}

/** HTML blocks of types 1–5 run until their end marker, across blank lines; types 6–7 end at a blank line. */
function htmlUnclosed(v: string): boolean {
  if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(v)) return !/<\/(?:script|pre|style|textarea)>/i.test(v);
  if (v.startsWith('<!--')) return !v.slice(4).includes('-->');
  if (v.startsWith('<?')) return !v.slice(2).includes('?>');
  if (v.startsWith('<![CDATA[')) return !v.slice(9).includes(']]>');
  if (/^<![A-Z]/i.test(v)) return !v.slice(2).includes('>');
  return false;
}

function fencedAndUnclosed(node: Code, lines: readonly string[]): boolean {
  const p = node.position!;
  const first = (lines[p.start.line - 1] ?? '').slice(p.start.column - 1);
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(first);
  if (!fence) return false; // indented code
  const open = [fence[0], fence[1]!] as const;
  if (p.end.line === p.start.line) return true;
  const last = (lines[p.end.line - 1] ?? '').trim();
  const closes = last.startsWith(open[1]!) && /^(?:`+|~+)$/.test(last) && last[0] === open[1]![0];
  return !closes;
}

/**
 * The text of a Markdown heading whose references point at definitions elsewhere in the document: parse the
 * heading's source together with those definitions, as a whole-document parse would see it.
 */
export function headingTextWithDefinitions(source: string, definitions: string): string {
  const root = parser(false).parse(keepBom(`${source}\n\n${definitions}`)) as Root;
  const first = root.children[0];
  return first && first.type === 'heading' ? toString(first).trim() : '';
}
