// The remark side of the chunk parse: what parse.ts's fast path does not read itself. Only this module loads remark,
// so the Node extension host can leave remark uncompiled until a document needs it (see LAZY in scripts/build.mjs).
import { unified, type Processor as AnyProcessor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, Heading as MdHeading, Html, List, Code } from 'mdast';
import type { ChunkData, RawHeading, RawItem } from './chunk';
import { closesAtItsEnd, htmlUnclosed } from './html-start';
import { capContainerDepth } from './container-depth';
import { definitionsByLabel, definitionsUsed, htmlHeadings, INLINE_SYNTAX, INLINE_SYNTAX_BUT_BRACKETS, MAX_INLINE_HEADING, shortcutReferences } from './heading-text';

/**
 * The inline constructs of Markdown, switched off for reading a chunk's blocks: block structure does not depend on
 * them (CommonMark reads blocks first), the model needs inline structure only for heading text (read apart, see
 * headingText), and micromark's inline parsing is super-linear on some inputs (unclosed links and emphasis: 32 KB of
 * "[a](" took 2.8 s). Character escapes and references stay: definitions' destinations and titles need them.
 */
const BLOCKS_ONLY = { disable: { null: ['attention', 'autolink', 'codeText', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink', 'hardBreakEscape'] } };

/** What this module asks of a processor: a syntax tree. */
interface Processor {
  parse(text: string): unknown;
}
let processors: { markdown: Processor; blocks: Processor; blocksWithFrontMatter: Processor } | undefined;
const markdownProcessor = () => unified().use(remarkParse);
function blocksOnly(this: AnyProcessor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(BLOCKS_ONLY);
}
const blockProcessor = (frontMatter: boolean): Processor =>
  frontMatter ? unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(blocksOnly) : unified().use(remarkParse).use(blocksOnly);

function parsers() {
  return (processors ??= { markdown: markdownProcessor(), blocks: blockProcessor(false), blocksWithFrontMatter: blockProcessor(true) });
}

export { capContainerDepth, MAX_CONTAINER_DEPTH, MAX_INDENT } from './container-depth';

/**
 * A chunk is parsed as a document of its own, and remark drops a byte order mark at a document's start. Inside the
 * whole document that character is text (which JavaScript and micromark count as whitespace), so it is swapped for a
 * character micromark reads the same way, a no-break space, of the same length.
 */
function keepBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? `\u00a0${text.slice(1)}` : text;
}

/** The chunk as remark reads it; parseChunk gives the same result, faster for the usual chunks (a test checks). */
export function remarkParseChunk(text: string, frontMatter: boolean): ChunkData {
  const p = parsers();
  // Offsets in the tree are offsets in the text as parsed: a heading's source is sliced from it, not from `text` (cut
  // indentation before the heading moved them).
  const parsed = capContainerDepth(text);
  // Read as if a line ending followed the chunk's last line, as it does in the document (but at its end): micromark
  // reads a lone tag on a lazy line as an HTML block at the very end of the text only ("- q", "<x>": an item of two
  // lines in CommonMark, and in micromark whenever anything follows).
  const last = parsed.charCodeAt(parsed.length - 1);
  const root = (frontMatter ? p.blocksWithFrontMatter : p.blocks).parse(keepBom(last === 10 || last === 13 || parsed.length === 0 ? parsed : `${parsed}\n`)) as Root;
  const headings: RawHeading[] = [];
  const items: RawItem[] = [];
  const rows: number[] = [];
  const codeLines: number[] = [];
  const definitions: string[] = [];
  let fm: ChunkData['frontMatter'];
  const lines = text.split(/\r\n|\r|\n/);
  collectDefinitions(root, definitions);
  let byLabel: ReadonlyMap<string, string> | undefined; // made when a heading refers to something
  const labels = (): ReadonlyMap<string, string> => (byLabel ??= definitionsByLabel(definitions));

  // Heading sources to read in one parse after the walk (see headingText).
  const later: LaterText[] = [];
  for (let n = 0; n < root.children.length; n++) {
    const node = root.children[n]!;
    const p = node.position;
    if (!p) continue;
    const startLine = p.start.line - 1;
    // (Not past the chunk's last line: an unclosed fence takes the line ending read after it.)
    const endLine = Math.min(p.end.line, lines.length) - 1;
    switch (node.type) {
      case 'heading':
        headings.push(markdownHeading(node, lines, parsed, definitions, labels, later, headings.length));
        break;
      case 'html':
        collectHtmlHeadings(node, headings);
        for (let l = startLine; l <= endLine; l++) codeLines.push(l);
        break;
      case 'code':
        for (let l = startLine; l <= endLine; l++) codeLines.push(l);
        break;
      case 'list': {
        const list = (node as List).children;
        for (let k = 0; k < list.length; k++) {
          const p = list[k]!.position;
          if (!p) continue;
          // An item that ends inside an unclosed fence or HTML block is closed by micromark only once the line after
          // it is read, so its end is on that line (the next item's, or the next block's): it ends on the line before.
          const next = (k + 1 < list.length ? list[k + 1] : root.children[n + 1])?.position?.start.line;
          items.push({ line: p.start.line - 1, endLine: Math.min(p.end.line, lines.length, next === undefined ? Infinity : next - 1) - 1 });
        }
        break;
      }
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
  readLater(later, headings);
  const open = openNode(root, lines);
  // A construct at the top level is the root's last child; any other is inside a list item or block quote.
  const openFrom = open?.position && open === root.children[root.children.length - 1] ? open.position.start.line - 1 : -1;
  return { headings, items, rows, codeLines, definitions, openAtEnd: open !== undefined, openFrom, frontMatter: fm, lineResults: undefined, signals: undefined };
}

/**
 * Link reference definitions anywhere in the chunk (lists and block quotes included), as Markdown source. Walks the
 * tree with an explicit stack: its depth follows the input's nesting.
 */
function collectDefinitions(root: Root, out: string[]): void {
  const stack: Array<Root | RootContent> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition') {
      const title = node.title ? ` "${node.title.replace(/["\\]/g, '\\$&')}"` : '';
      out.push(`[${node.label ?? node.identifier}]: <${node.url.replace(/[<>]/g, encodeURIComponent)}>${title}`);
      continue;
    }
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code' || node.type === 'html') continue;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as RootContent);
  }
}

function markdownHeading(node: MdHeading, lines: readonly string[], text: string, definitions: readonly string[], labels: () => ReadonlyMap<string, string>, later: LaterText[], index: number): RawHeading {
  const p = node.position!;
  const line = p.start.line - 1;
  const endLine = p.end.line - 1;
  const setext = endLine > line || !/^ {0,3}#/.test(lines[line] ?? '');
  return {
    depth: node.depth,
    text: headingText(node, text, definitions, labels, later, index),
    kind: setext ? 'setext' : 'atx',
    line,
    character: p.start.column - 1,
    endLine,
    endCharacter: p.end.column - 1,
  };
}

/**
 * A heading's text with inline Markdown read: its source parsed on its own, with the chunk's definitions its
 * bracketed texts name (all of them, for each heading, was quadratic: a chunk of 400 headings with their
 * definitions, swallowed by an unclosed fence, took two seconds).
 */
function headingText(node: MdHeading, text: string, definitions: readonly string[], labels: () => ReadonlyMap<string, string>, later: LaterText[], index: number): string {
  const p = node.position!;
  const source = text.slice(p.start.offset, p.end.offset);
  if (p.start.offset === undefined || p.end.offset === undefined || source.length > MAX_INLINE_HEADING) return toString(node).trim();
  if (!INLINE_SYNTAX.test(source)) return toString(node).trim();
  const used = definitions.length > 0 && source.includes('[') ? definitionsUsed(source, labels()) : [];
  // Brackets the only syntax: read without a parse per heading, as the model does across chunks (a chunk of
  // thousands of "## [ref] …" headings parsed each one again).
  if (used.length > 0 && !INLINE_SYNTAX_BUT_BRACKETS.test(source) && !source.includes('](')) {
    const simple = shortcutReferences(toString(node), labels());
    if (simple !== undefined) return simple.trim();
  }
  if (used.length === 0 && !source.includes(']:') && !source.includes('\uFEFF')) {
    // Read with the chunk's other such headings in one parse (readLater): a parse each cost ~100 µs of micromark's
    // set-up, and a chunk of 16,000 setext headings of "=" and "!" lines took 3 s for 64 KB.
    later.push({ index, source, node });
    return '';
  }
  return headingTextWithDefinitions(source, used.join('\n\n')) ?? toString(node).trim();
}

/** A heading whose text is read after the chunk's walk: its index among the chunk's headings, its source and node. */
interface LaterText {
  readonly index: number;
  readonly source: string;
  readonly node: MdHeading;
}

/**
 * The texts of the headings put off by headingText, each as a parse of its source alone reads it: together in one
 * parse (headingLinesText) where it reads each as a heading where it put it, else alone. Sources that may define a
 * label (`]:`) or hold a BOM are never put off, so no source changes how another reads.
 */
function readLater(later: readonly LaterText[], headings: RawHeading[]): void {
  if (later.length === 0) return;
  const read = later.length > 1 ? headingLinesText(later.map((l) => l.source)) : [];
  for (let k = 0; k < later.length; k++) {
    const { index, source, node } = later[k]!;
    const text = read[k] ?? headingTextWithDefinitions(source, '') ?? toString(node).trim();
    headings[index] = { ...headings[index]!, text };
  }
}

/** Headings written in HTML (`<h2>Impact</h2>`) in an HTML block, in one pass over the block. */
function collectHtmlHeadings(node: Html, out: RawHeading[]): void {
  const p = node.position!;
  for (const h of htmlHeadings(node.value, p.start.line - 1, p.start.column - 1)) out.push(h);
}

/** The construct a chunk ends inside: an unclosed fence or HTML block, or an HTML block that runs to the last line. */
function openNode(root: Root, lines: readonly string[]): Code | Html | undefined {
  let node: RootContent | undefined = root.children[root.children.length - 1];
  // A top-level HTML block of types 6–7 runs to the next blank line, so one that reaches the chunk's last line
  // (chunks cut at blank lines keep the blank line) goes on into the next chunk. One of types 1–5 (a comment…) that
  // closed there does not: it is open only if unclosed (below). Taking a closed one as open read each one-line
  // comment of a long run of them together with the next chunks, by micromark.
  if (node?.type === 'html' && node.position && node.position.end.line >= lines.length && !/^[ \t]*$/.test(lines[lines.length - 1] ?? '') && !closesAtItsEnd(node.value)) {
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
  const p = parsers();
  const root = (frontMatter ? p.blocksWithFrontMatter : p.blocks).parse(keepBom(capContainerDepth(text))) as Root;
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
  const closer = tag ? `</${tag[1]!.toLowerCase()}>` : v.startsWith('<!--') ? '-->' : v.startsWith('<?') ? '?>' : v.startsWith('<![CDATA[') ? ']]>' : /^<![A-Z]/i.test(v) ? '>' : '';
  return { kind: 'html', line, closer: closer && `${container}${closer}` };
}

function fencedAndUnclosed(node: Code, lines: readonly string[]): boolean {
  const p = node.position!;
  const first = (lines[p.start.line - 1] ?? '').slice(p.start.column - 1);
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(first);
  if (!fence) return false; // indented code
  const open = fence[1]!;
  const span = p.end.line - p.start.line;
  if (span === 0) return true;
  // The last line, without its block quote markers and indentation, must be a fence that can close this one…
  const last = (lines[p.end.line - 1] ?? '').replace(/^(?:[ \t]*>)+/, '').trim();
  if (last.length < open.length || !/^(?:`+|~+)$/.test(last) || last[0] !== open[0]) return true;
  // …and not a line of the code: a closed fence's value holds every line between the fences, so one line fewer than
  // the node spans after its opening line. (A fence-like line indented four or more within its container is code,
  // and counted in the value.) An empty value is no line or one blank line.
  if (node.value === '') return span > 2;
  const lineBreak = /\r\n?|\n/g;
  let breaks = 0;
  while (lineBreak.exec(node.value)) breaks++;
  return breaks + 1 !== span - 1;
}

/**
 * The texts of headings (an ATX heading line, or a line and its setext underline), each read as on its own with no
 * definitions, in one parse of them all with a blank line between (a heading leaves nothing open): a parse each cost
 * about 100 µs of micromark's set-up, and 1 MB of "## Fix `x` i" headings took 6 s. Undefined for a heading the
 * parse did not read as one where it put it.
 */
export function headingLinesText(lines: readonly string[]): Array<string | undefined> {
  const at = new Map<number, number>();
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    at.set(offset, i);
    offset += lines[i]!.length + 2;
  }
  const root = parsers().markdown.parse(lines.join('\n\n')) as Root;
  const out = new Array<string | undefined>(lines.length).fill(undefined);
  for (const node of root.children) {
    const i = node.type === 'heading' ? at.get(node.position?.start.offset ?? -1) : undefined;
    if (i !== undefined) out[i] = toString(node).trim();
  }
  return out;
}

/**
 * The text of a Markdown heading whose references point at definitions elsewhere in the document: parse the
 * heading's source together with those definitions, as a whole-document parse would see it.
 */
export function headingTextWithDefinitions(source: string, definitions: string): string | undefined {
  const root = parsers().markdown.parse(keepBom(definitions === '' ? source : `${source}\n\n${definitions}`)) as Root;
  const first = root.children[0];
  return first && first.type === 'heading' ? toString(first).trim() : undefined;
}
