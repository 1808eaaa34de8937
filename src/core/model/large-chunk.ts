// Chunks too large for micromark: a chunk the scan could not cut and the fast reader does not read, of more than
// LARGE_CHUNK_LINES lines or in a wide document (isWideDocument), is read by markdown-it's block parser (the parser
// VS Code's Markdown preview renders with) instead of remark. micromark's time on such a chunk grows faster than its
// length (lazy lines of a block quote led by a tab, "*x" and "-->" in turn: 0.5 s for 16 KB, 3.8 s for 64 KB), and at
// some 30 µs a line even where it is linear; markdown-it reads blocks in linear time (44 ms for that 64 KB). Both
// follow CommonMark; where micromark departs from it (lazy lines in edge cases), such a chunk is read as the preview
// shows it. Only the block structure is parsed: heading text is read as the fast reader reads it (heading-text.ts),
// and what that leaves is read by remark one heading at a time, in one parse for all of them (headingLinesText).
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type { ChunkData, RawHeading, RawItem } from './chunk';
import { definedIn, definitionsByLabel, escapesAndReferences, htmlHeadings, inlineText, MAX_INLINE_HEADING } from './heading-text';
import { closesAtItsEnd, htmlUnclosed } from './html-start';
import { capContainerDepth } from './container-depth';
import { isBlank, SETEXT_UNDERLINE } from './text';
import { headingLinesText } from './remark';

export { isLargeChunk, LARGE_CHUNK_LINES } from './large-chunk-size';

let parser: MarkdownIt | undefined;

/**
 * markdown-it as CommonMark with HTML, block rules only (no inline parse, no tables: remark-parse reads neither),
 * every link destination allowed (a definition refused for its scheme would turn into a paragraph), definitions that
 * lazy lines go on from read as CommonMark reads them (see lazyDefinitions), and block quotes read in linear time
 * (boundQuotes; `linearQuotes` false only for the test that compares the two). Nesting is capped before
 * (capContainerDepth), below maxNesting, so no block is dropped for depth.
 */
export function markdownItBlocks(linearQuotes = true): MarkdownIt {
  const md = new MarkdownIt('commonmark', { html: true });
  // (Not in the typings' Options: the preset's own option, 20 for CommonMark.)
  (md.options as { maxNesting?: number }).maxNesting = 1000;
  md.core.ruler.enableOnly(['normalize', 'block']);
  md.validateLink = () => true;
  lazyDefinitions(md);
  if (linearQuotes) boundQuotes(md);
  return md;
}

function blocksParser(): MarkdownIt {
  if (!parser) {
    parser = markdownItBlocks();
    parser.block.State = keptTokensState(parser.block.State);
  }
  return parser;
}

/** markdown-it's block tokens of a text as far as largeChunkParse reads them (see keptTokensState), and its env. */
export function keptBlockTokens(text: string): { tokens: Token[]; env: ParseEnv } {
  const env: ParseEnv = {};
  return { tokens: blocksParser().parse(text, env), env };
}

/** What largeChunkParse hands markdown-it's parse, and reads back: definitions, and the last opening or leaf token. */
export interface ParseEnv {
  references?: Record<string, { href: string; title: string }>;
  lastLeaf?: Token;
}

/**
 * markdown-it's block state, keeping in its token list only what largeChunkParse reads: the opening and leaf tokens
 * of top-level blocks, the inline token of a top-level heading, the items of top-level lists; and the last opening or
 * leaf token at any depth (the env's `lastLeaf`: the block the chunk may end inside). Every token is still made
 * and handed to the rule that pushed it, but the others are dropped at once: a block quote of a tag and a paragraph, line after
 * line, made six tokens each, all kept to the parse's end (a third of a 1 MB chunk's time went to the collector
 * moving them). Rules that read tokens back (tight lists hide their paragraphs) look only at tokens nested deeper
 * than the top level's, which are dropped, so they read nothing and change nothing kept.
 */
function keptTokensState(Base: typeof StateBlock): typeof StateBlock {
  return class extends Base {
    override push(type: string, tag: string, nesting: 1 | 0 | -1): Token {
      const tokens = this.tokens;
      const before = tokens[tokens.length - 1];
      const token = super.push(type, tag, nesting);
      if (nesting !== -1) (this.env as ParseEnv).lastLeaf = token;
      const level = token.level;
      const kept = nesting !== -1 && (level === 0 || (level === 1 && (type === 'list_item_open' || (type === 'inline' && before?.type === 'heading_open'))));
      if (!kept) tokens.pop();
      return token;
    }
  };
}

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

function blockRule(md: MarkdownIt, name: string): { fn: BlockRule; alt: string[] } | undefined {
  return (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: BlockRule; alt: string[] }> }).__rules__.find((r) => r.name === name);
}

/**
 * A definition in a block quote or list item that a lazy line follows: CommonMark (and micromark) read the line on
 * in the paragraph the definition starts (a paragraph is open when the line is read; its definitions are taken off
 * its start when it closes), markdown-it ends the container before it ("> [a]: /x" then "| a |": a table row at the
 * top level). Here the definition is kept (CommonMark defines it too) and its lines are left to the paragraph rule.
 */
function lazyDefinitions(md: MarkdownIt): void {
  const rule = blockRule(md, 'reference');
  if (!rule) return;
  const reference = rule.fn;
  const read: BlockRule = (state, startLine, endLine, silent) => {
    if (!reference(state, startLine, endLine, silent)) return false;
    const next = state.line;
    if (silent || next >= endLine || state.isEmpty(next) || state.sCount[next]! >= state.blkIndent) return true;
    // (A quote's lazy line, marked -1, was checked for blocks that end the quote; a line left of a list item's content
    // is lazy unless it starts a block.)
    if (state.sCount[next]! >= 0) for (const terminates of md.block.ruler.getRules('paragraph')) if (terminates(state, next, endLine, true)) return true;
    state.line = startLine;
    return false;
  };
  md.block.ruler.at('reference', read, { alt: rule.alt });
}

/**
 * markdown-it's block quote rule, made linear: it looks ahead for the quote's end over every line that could be a
 * lazy line of it, to the next blank line, before it reads the quote; where the quote ends sooner (its last block is
 * no paragraph: a definition, an HTML block), the next quote looks ahead over the same lines again (quotes of
 * definitions or of a tag, then lines of text, in turn: 1 s for 64 KB, quadratic). Here it is given the lines to a
 * bound past the run of quote lines and its first lazy line, doubled while the quote reads to the bound: a quote
 * that ends before the bound reads as with every line (the lines before the bound are read the same way, and the
 * quote read none after them), so each quote costs about the lines it holds.
 */
function boundQuotes(md: MarkdownIt): void {
  const rule = blockRule(md, 'blockquote');
  if (!rule) return;
  const quote = rule.fn;
  const bounded: BlockRule = (state, startLine, endLine, silent) => {
    if (silent) return quote(state, startLine, endLine, true);
    let run = startLine + 1;
    while (run < endLine && state.src.charCodeAt(state.bMarks[run]! + state.tShift[run]!) === 62 /* > */) run++;
    const tokens = state.tokens.length;
    for (let bound = run + 1; ; bound = startLine + 2 * (bound - startLine)) {
      if (bound >= endLine) return quote(state, startLine, endLine, false);
      if (!quote(state, startLine, bound, false)) return false;
      if (state.line < bound) return true;
      // Read to the bound: it may read on past it.
      state.tokens.length = tokens;
      state.line = startLine;
    }
  };
  md.block.ruler.at('blockquote', bounded, { alt: rule.alt });
}

/** A heading whose text the fast reader left: its index among the chunk's headings and its source. */
interface Later {
  readonly index: number;
  readonly source: string;
  readonly fallback: string;
}

/** The chunk as markdown-it's block parse reads it, in the terms remarkParseChunk gives. Linear in the chunk. */
export function largeChunkParse(text: string): ChunkData {
  const capped = capContainerDepth(text);
  // Read as if a line ending followed the last line, as remark reads a chunk (remarkParseChunk), so that the last
  // line of an unclosed fence is a line of its content.
  const last = capped.charCodeAt(capped.length - 1);
  const parsed = last === 10 || last === 13 || capped.length === 0 ? capped : `${capped}\n`;
  const { tokens, env } = keptBlockTokens(parsed);
  const lines = text.split(/\r\n|\r|\n/);
  const headings: RawHeading[] = [];
  const items: RawItem[] = [];
  const rows: number[] = [];
  const codeLines: number[] = [];
  const definitions: string[] = [];
  for (const [label, ref] of Object.entries(env.references ?? {})) {
    const title = ref.title ? ` "${ref.title.replace(/["\\]/g, '\\$&')}"` : '';
    definitions.push(`[${label}]: <${ref.href.replace(/[<>]/g, encodeURIComponent)}>${title}`);
  }
  const byLabel = definitions.length > 0 ? definitionsByLabel(definitions) : undefined;
  const defined = (label: string): boolean | undefined => definedIn(byLabel, label);
  const later: Later[] = [];
  const open = openToken(tokens, env.lastLeaf, lines, lines.length - 1);
  // The line after the last top-level block so far: lines between it and the next block, none blank, are definitions.
  let after = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const map = token.map;
    if (token.level === 1 && token.type === 'list_item_open' && map) {
      // An item of a top-level list.
      // Trailing blank lines are markdown-it's, not the item's (remark ends it at its last content).
      let end = Math.min(map[1], lines.length) - 1;
      while (end > map[0] && isBlank(lines[end]!)) end--;
      items.push({ line: map[0], endLine: end });
      continue;
    }
    if (token.level !== 0 || !map) continue;
    const from = map[0];
    // The block the chunk ends inside (an unclosed fence or comment) takes its last lines, blank ones too.
    const to = (map[1] >= lines.length || token === open ? lines.length : map[1]) - 1;
    const before = after;
    after = map[1];
    switch (token.type) {
      case 'heading_open':
        headings.push(heading(token, tokens[t + 1], lines, from, to, before, defined, later, headings.length));
        break;
      case 'html_block':
        for (const h of htmlHeadings(token.content.slice(leadingWhite(lines[from]!)), from, leadingWhite(lines[from]!))) headings.push(h);
        for (let l = from; l <= to; l++) codeLines.push(l);
        break;
      case 'code_block':
        // Right under definitions (lines no block covers), indented lines are paragraph text in CommonMark, as
        // micromark reads them; markdown-it reads code.
        if (from > before && !isBlank(lines[from - 1]!)) {
          for (let l = from; l <= to; l++) if ((lines[l] ?? '').startsWith('|')) rows.push(l);
          break;
        }
        for (let l = from; l <= to; l++) codeLines.push(l);
        break;
      case 'fence':
        for (let l = from; l <= to; l++) codeLines.push(l);
        break;
      case 'paragraph_open':
        for (let l = from; l <= to; l++) if ((lines[l] ?? '').startsWith('|')) rows.push(l);
        break;
    }
  }
  if (later.length > 0) {
    const read = headingLinesText(later.map((l) => l.source));
    for (let k = 0; k < later.length; k++) {
      const { index, fallback } = later[k]!;
      headings[index] = { ...headings[index]!, text: read[k] ?? fallback };
    }
  }
  return {
    headings,
    items,
    rows,
    codeLines,
    definitions,
    openAtEnd: open !== undefined,
    openFrom: open && open.level === 0 && open.map ? open.map[0] : -1,
    frontMatter: undefined,
    lineResults: undefined,
    signals: undefined,
  };
}

/** Characters of spaces and tabs a line starts with. */
function leadingWhite(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
  return i;
}

/** A heading's depth, kind, place and text: read as the fast reader reads heading text, or put off to `later`. */
function heading(
  open: Token,
  inline: Token | undefined,
  lines: readonly string[],
  from: number,
  to: number,
  after: number,
  defined: (label: string) => boolean | undefined,
  later: Later[],
  index: number,
): RawHeading {
  const depth = Number(open.tag.slice(1));
  const setext = open.markup === '=' || open.markup === '-';
  // A setext heading right under definitions starts at the first of them, as micromark reads it (their content and
  // the heading's are one).
  let start = from;
  // (Not when its first line has an underline's shape: under definitions alone, that line starts the paragraph.)
  if (setext && !SETEXT_UNDERLINE.test(lines[from]!)) while (start > after && !isBlank(lines[start - 1]!)) start--;
  const first = lines[start]!;
  const character = leadingWhite(first);
  const content = (inline?.content ?? '').replaceAll('\u0000', '\ufffd');
  // The source as remark's parse of headings alone reads it: the heading's lines from its first character.
  const source = setext ? lines.slice(from, to + 1).join('\n').slice(from === start ? character : leadingWhite(lines[from]!)) : first.slice(character);
  const plain = escapesAndReferences(content).trim();
  let text: string | undefined;
  if (source.length > MAX_INLINE_HEADING) text = plain;
  else {
    text = inlineText(content, defined)?.trim();
    if (text === undefined) later.push({ index, source, fallback: plain });
  }
  return { depth, text: text ?? plain, kind: setext ? 'setext' : 'atx', line: start, character, endLine: to, endCharacter: lines[to]!.length };
}

/**
 * The fenced code or HTML block the chunk ends inside (as remark.ts openNode finds it): a top-level HTML block of
 * types 6–7 that reaches the chunk's last line, not blank; else the last block, if it is a fence with no closing line
 * or an HTML block of types 1–5 with no end marker.
 */
function openToken(tokens: readonly Token[], leaf: Token | undefined, lines: readonly string[], last: number): Token | undefined {
  let top: Token | undefined;
  for (let j = tokens.length - 1; j >= 0 && !top; j--) if (tokens[j]!.level === 0 && tokens[j]!.nesting !== -1) top = tokens[j];
  if (top?.type === 'html_block' && top.map && top.map[1] - 1 >= last && !isBlank(lines[last] ?? '') && !closesAtItsEnd(top.content)) return top;
  if (!leaf?.map) return undefined;
  if (leaf.type === 'fence') {
    // Closed, its content holds one line fewer than the lines after its opening line.
    let breaks = 0;
    for (let i = leaf.content.indexOf('\n'); i !== -1; i = leaf.content.indexOf('\n', i + 1)) breaks++;
    return breaks === leaf.map[1] - leaf.map[0] - 1 ? leaf : undefined;
  }
  if (leaf.type === 'html_block') return htmlUnclosed(leaf.content.trimStart()) ? leaf : undefined;
  return undefined;
}
