// The post-mortem model: front matter, headings, sections mapped to canonical ids, timeline entries and action
// items, all with ranges. It is assembled from cached per-chunk parses (see scan.ts and parse.ts), so a document
// that changed in one place is re-parsed only there.
import type { HeadingTextMemo } from './heading-memo';
import type { SectionId } from './catalogue';
import { CONTINUATION_LINE, fullParse, PARAGRAPH_LINE, parseChunk, readPiece, type InlineHeading } from './parse';
import { isWideDocument } from './large-chunk-size';
import type { ChunkData, HeadingKind, ParsedChunk, RawHeading, RawItem } from './chunk';
import { bracketedTexts, definedIn, definitionsFor, INLINE_SYNTAX_BUT_BRACKETS, inlineText, isJsSpace, MAX_INLINE_HEADING, normaliseLabel, shortcutReferences } from './heading-text';
import { DefinitionIndex } from './definitions';
import { leadingDefinitionsEnd } from './definition-read';
import { headingLinesText, headingTextWithDefinitions } from './remark';
import { htmlKind, rescanChunks, scanChunks, span as spanOf, type ChunkSpan } from './scan';
import { firstIndex, isSpaceCode, range, sameItems, spliceLines, splitLines, THEMATIC_BREAK, type Range, type Splice, type SplitText } from './text';
import { parseFrontMatter, type FrontMatter } from './frontmatter';
import { FrontMatterPieces } from './frontmatter-pieces';
import { SectionMatcher } from './match';
import { recognise, type HeadingRoles, type Recognition, type RoleReason } from './recognise';
import { documentFlags, LineMemo } from './signals';
import { detectLanguage, type Language } from './vocabulary';
import { frontMatterEnd } from './scan';

export interface Heading {
  readonly level: number;
  readonly text: string;
  /** `label`: a line acting as a heading without heading markup (`**Root causes**:`); only in `sections`. */
  readonly kind: HeadingKind | 'label';
  readonly range: Range;
  /** Roles the heading serves; empty for the title and for headings that serve none. */
  readonly roles: readonly SectionId[];
  /** Why it serves each role (words, context, content), in the order of `roles`. */
  readonly reasons: readonly RoleReason[];
  readonly isTitle: boolean;
}

/**
 * A section of the document. After an edit, the model hands on the previous model's Section object (see
 * previousModel) only when nothing about it changed: the same heading and roles, the same index and content range,
 * and every line from its heading to its end the very string it was, read from the same parsed chunks. So what is read
 * from a section's own lines may be kept by its index and taken again while `previous.sections[index]` is the object.
 */
export interface Section {
  readonly heading: Heading;
  readonly roles: readonly SectionId[];
  /** From the line after the heading to the end of the line before the next heading of the same or a higher level. */
  readonly contentRange: Range;
  /** Its position in the model's `sections`: per-section results are kept in arrays by it (Maps of 65,000 sections cost more than the work). */
  readonly index: number;
}

/** A top-level list item or table row inside a section: its first line and, for items, sub-bullets. */
export interface Entry {
  readonly kind: 'item' | 'row';
  readonly range: Range;
  /** The text of the entry's first line, without the list marker. */
  readonly text: string;
  /** Every line of the entry, sub-bullets and continuation lines included. */
  readonly lines: readonly string[];
}

export interface PostmortemModel {
  readonly lines: readonly string[];
  readonly eol: '\n' | '\r\n';
  /** The line ending after `line` as it is in the text (CRLF, LF or CR), or '' after the last line. */
  lineEnding(line: number): string;
  readonly hasBom: boolean;
  readonly frontMatter: FrontMatter | undefined;
  readonly headings: readonly Heading[];
  readonly title: Heading | undefined;
  readonly sections: readonly Section[];
  readonly timeline: readonly Entry[];
  readonly actionItems: readonly Entry[];
  /** Lines holding code or raw HTML (never prose). */
  readonly codeLines: LineSet;
  /**
   * The chunks the document was cut into, in order, covering every line. A chunk's data is shared with every
   * analysis of the same chunk text, so rules can keep line-local results with it (see eachProseChunk).
   */
  readonly chunks: readonly ParsedChunk[];
  /** The language whose vocabulary was used to read the headings. */
  readonly language: Language;
  /** Per line, what its text says (see SIGNAL in signals.ts): kept with each chunk, so edits re-read only their chunks. */
  readonly signals: Uint8Array;
}

export type { ParsedChunk } from './chunk';

/** A set of line numbers: what the model's readers ask of its code lines. */
export interface LineSet extends Iterable<number> {
  has(line: number): boolean;
  readonly size: number;
}

/**
 * The document's code lines, gathered from its chunks on first use, one byte per line: most analyses never ask,
 * and a Set of every line of a long HTML block or fence (65,000 lines) cost more than the rest of the model.
 */
class CodeLines implements LineSet {
  private mask: Uint8Array | undefined;
  private count = 0;

  constructor(
    private readonly chunks: readonly ParsedChunk[],
    private readonly lineCount: number,
    /** The indices of the chunks that hold code lines (buildModel reads every chunk's data: a second walk of 64,000 chunks cost more). */
    private readonly withCode: readonly number[],
  ) {}

  private build(): Uint8Array {
    if (this.mask) return this.mask;
    const mask = new Uint8Array(this.lineCount);
    const chunks = this.chunks;
    for (let w = 0; w < this.withCode.length; w++) {
      const { span, data } = chunks[this.withCode[w]!]!;
      const codeLines = data.codeLines;
      for (let i = 0; i < codeLines.length; i++) {
        const line = span.start + codeLines[i]!;
        if (line < this.lineCount && mask[line] === 0) {
          mask[line] = 1;
          this.count++;
        }
      }
    }
    return (this.mask = mask);
  }

  has(line: number): boolean {
    return line >= 0 && line < this.lineCount && this.build()[line] === 1;
  }

  get size(): number {
    this.build();
    return this.count;
  }

  *[Symbol.iterator](): Iterator<number> {
    const mask = this.build();
    for (let l = 0; l < mask.length; l++) if (mask[l] === 1) yield l;
  }
}

/**
 * Caches chunk parses by chunk text (line endings included). One per document; after each call the cache holds
 * the chunks of the latest text and at most as many others (texts edits replaced), so memory stays proportional to
 * the document.
 *
 * It also keeps the last split and chunks: the next text is split only where it changed (spliceLines), and a chunk
 * wholly in the unchanged lines before or after the edit takes the parse of the chunk that was there, without
 * slicing or hashing its text.
 */
export class ChunkCache {
  /**
   * For one analysis from scratch (oneOff): chunks are parsed once per text only among recent ones (RecentChunks),
   * not kept in the maps, which no later analysis reads (a map of 50,000 one-row chunks cost more than parsing them).
   */
  private readonly recent: RecentChunks | undefined;
  private readonly recentGroups: RecentChunks | undefined;
  /**
   * Whether the text being parsed is wide (isWideDocument): its chunks that the fast reader leaves are read by
   * markdown-it (see parseChunk). What the maps and the last chunks hold was read so by the last text.
   */
  private wide = false;

  constructor(oneOff = false) {
    this.recent = oneOff ? new RecentChunks(() => this.parsedLastRun++) : undefined;
    this.recentGroups = oneOff ? new RecentChunks(() => this.parsedLastRun++) : undefined;
  }

  private cache = new Map<string, ChunkData>();
  private frontMatterCache = new Map<string, ChunkData>();
  /** Groups of small chunks by text (see groupChunks): read piece by piece, so kept apart from chunks read whole. */
  private groupCache = new Map<string, ChunkData>();
  private last: { readonly split: SplitText; readonly chunks: readonly ParsedChunk[] } | undefined;
  private splice: Splice | undefined;
  /** The scan's chunks of the last text, before open chunks were merged: where the next scan starts from. */
  private lastSpans: readonly ChunkSpan[] | undefined;
  /** What groupChunks read of each of those chunks (see chunkKinds). */
  private lastKinds: Uint8Array | undefined;
  /** The last call's edit (which lines are the previous text's), if it followed one. */
  get lastEdit(): Splice | undefined {
    return this.edit;
  }
  private edit: Splice | undefined;
  /** Chunks parsed (not reused) by the last call; for tests and the benchmark. */
  parsedLastRun = 0;
  /** Chunks the last call took from the previous chunk at the same lines, without hashing their text; for tests. */
  reusedLastRun = 0;

  /**
   * The document's front matter, parsed again only when it changed: an edit below it leaves it as it was, and parsing
   * YAML is the costliest step of a large front matter (about 0.6 µs per character). An edit inside it parses again
   * only the top-level entries it touched (see FrontMatterPieces).
   */
  frontMatter(kind: 'yaml' | 'toml', value: string, firstLine: number, lineCount: number, lastLineLength: number): FrontMatter {
    const k = this.lastFrontMatter?.key;
    if (k && k[0] === kind && k[2] === firstLine && k[3] === lineCount && k[4] === lastLineLength && k[1] === value) return this.lastFrontMatter!.value;
    const parsed = parseFrontMatter(kind, value, firstLine, lineCount, lastLineLength, this.frontMatterPieces);
    this.lastFrontMatter = { key: [kind, value, firstLine, lineCount, lastLineLength], value: parsed };
    return parsed;
  }

  /** The front matter's pieces parsed for the last text; for tests, parsedLastRun says how many the last parse read. */
  readonly frontMatterPieces = new FrontMatterPieces();
  private lastFrontMatter: { key: readonly [string, string, number, number, number]; value: FrontMatter } | undefined;

  /** Line flags of the document's long chunks, kept between analyses (see LineMemo in signals.ts). */
  readonly lineMemo = new LineMemo();

  /** The text's lines, split again only where it differs from the text of the last parse. */
  split(text: string): SplitText {
    this.splice = this.last ? spliceLines(this.last.split, text) : undefined;
    return this.splice?.split ?? splitLines(text);
  }

  parse(split: SplitText): ParsedChunk[] {

    const next = new Map<string, ChunkData>();
    const nextFrontMatter = new Map<string, ChunkData>();
    const nextGroups = new Map<string, ChunkData>();
    const out: ParsedChunk[] = [];
    const splice = this.splice?.split === split ? this.splice : undefined;
    this.edit = splice;
    // A text that crosses the width reads every chunk again: nothing read the other way is reused (front matter is
    // read the same either way).
    const wide = isWideDocument(split.lines, split.body);
    const sameReading = wide === this.wide;
    this.wide = wide;
    if (!sameReading) {
      this.cache = new Map();
      this.groupCache = new Map();
    }
    // After an edit, the chunks are found again only around it (rescanChunks gives what scanChunks would).
    const spans = splice && this.lastSpans ? rescanChunks(split.lines, { lines: this.last!.split.lines, spans: this.lastSpans }, splice) : scanChunks(split.lines);
    const kinds = chunkKinds(spans, split, splice && this.lastSpans && this.lastKinds ? { spans: this.lastSpans, kinds: this.lastKinds, splice } : undefined);
    const groupEnd = groupChunks(kinds, spans, split);
    const previous = splice && sameReading ? this.last!.chunks : [];
    let p = 0; // walks the previous chunks, which are in line order, as the new spans are
    this.parsedLastRun = 0;
    this.reusedLastRun = 0;
    for (let i = 0; i < spans.length; i++) {
      let span = spans[i]!;
      let chunk: ParsedChunk | undefined;
      const end = groupEnd[i]!;
      if (end > 0) {
        // A group of small chunks, read as one: the previous group at the same lines, or the group of this text.
        const from = span.start;
        const to = spans[end - 1]!.end;
        const shift = splice ? reuseShift(from, to, splice) : undefined;
        if (shift !== undefined) {
          while (p < previous.length && previous[p]!.span.start < from + shift) p++;
          const old = previous[p];
          if (old && old.pieces !== undefined && old.span.start === from + shift && old.span.end === to + shift) {
            // At the same lines, the same object (nothing made for each of thousands of groups an edit left).
            out.push(shift === 0 ? old : { span: spanOf(from, to, false, false), data: old.data, key: old.key, pieces: spans.slice(i, end) });
            this.reusedLastRun++;
            i = end - 1;
            continue;
          }
        }
        const grouped = this.lookup(split, spanOf(from, to, false, false), nextGroups, spans.slice(i, end));
        if (grouped.data !== UNGROUPED) {
          out.push(grouped);
          i = end - 1;
          continue;
        }
        // A piece leaves a construct open at its top level: the chunks are read one by one, as below.
      }
      if (splice) {
        // The previous chunk at the same lines, when the span lies wholly before or wholly after the edit.
        const shift = reuseShift(span.start, span.end, splice);
        if (shift !== undefined) {
          while (p < previous.length && previous[p]!.span.start < span.start + shift) p++;
          const old = previous[p];
          if (old && old.pieces === undefined && old.span.start === span.start + shift && old.span.end === span.end + shift && old.span.frontMatter === span.frontMatter) {
            chunk = shift === 0 ? old : { span, data: old.data, key: old.key, pieces: undefined }; // at the same lines: the same object
            this.reusedLastRun++;
          }
        }
      }
      chunk ??= this.lookup(split, span, span.frontMatter ? nextFrontMatter : next);
      // A chunk that ends inside an unclosed fence or comment at its top level swallows what follows, as Markdown
      // does. (Not a chunk cut inside an HTML block where the next one goes on with it: see HtmlCuts in scan.ts,
      // unless what is open there is no such block, a fence that a lone tag the scan took for one held: "> q", "<x>",
      // "```", "<div>". Nor one whose open construct is inside a list item or block quote: the next chunk's first
      // line ends it.)
      for (let from = chunk.data.openFrom; from >= 0 && !(span.htmlCut && endsAtBlank(split.lines[span.start + from]!)); from = chunk.data.openFrom) {
        if (from > 0 && !span.frontMatter) {
          // The lines before the construct are a chunk of their own (it starts at the top level, so nothing above
          // goes on into it), and the construct starts the next one: the fast path reads a fence there, where remark
          // read the lines of a fence left open, to the end of the document, at every edit. Only if those lines,
          // read alone, say what they said read with the rest (micromark reads a line such as "</script>" after a
          // list item as the item's lazy line or not, depending on the line after it).
          const head = this.lookup(split, spanOf(span.start, span.start + from, false, false), next);
          if (sameBefore(head.data, chunk.data, from)) {
            out.push(head);
            span = spanOf(span.start + from, span.end, false, false);
            chunk = this.lookup(split, span, next);
            continue;
          }
        }
        if (i + 1 >= spans.length) break;
        // It takes at least as much text again at each step (one chunk at a time re-parsed a growing prefix:
        // quadratic); a merged chunk that reaches past where the construct closes is still read as one document would.
        const size = split.offsets[span.end]! - split.offsets[span.start]!;
        i++;
        while (i + 1 < spans.length && split.offsets[spans[i]!.end]! - split.offsets[span.start]! < 2 * size) i++;
        span = spanOf(span.start, spans[i]!.end, span.frontMatter, false);
        chunk = this.lookup(split, span, span.frontMatter ? nextFrontMatter : next);
      }
      out.push(chunk);
    }
    if (splice) {
      // The maps already hold every chunk reused by position (setting 50,000 of them again was most of an edit's time
      // in a long table): add the parsed ones. Texts the edit replaced stay until they are as many as the chunks.
      for (const [k, v] of next) this.cache.set(k, v);
      for (const [k, v] of nextFrontMatter) this.frontMatterCache.set(k, v);
      for (const [k, v] of nextGroups) this.groupCache.set(k, v);
      if (this.cache.size + this.frontMatterCache.size + this.groupCache.size > 2 * out.length + 64) {
        this.cache = new Map();
        this.frontMatterCache = new Map();
        this.groupCache = new Map();
        for (const c of out) (c.span.frontMatter ? this.frontMatterCache : c.pieces ? this.groupCache : this.cache).set(c.key, c.data);
      }
    } else {
      this.cache = next;
      this.frontMatterCache = nextFrontMatter;
      this.groupCache = nextGroups;
    }
    this.last = { split, chunks: out };
    this.lastSpans = spans;
    this.lastKinds = kinds;
    this.splice = undefined;
    return out;
  }

  private lookup(split: Pick<SplitText, 'body' | 'offsets'>, span: ChunkSpan, next: Map<string, ChunkData>, pieces?: readonly ChunkSpan[]): ParsedChunk {
    // The chunk's text is a slice of the body: from its first line's start to its last line's end.
    const { body, offsets } = split;
    const start = offsets[span.start]!;
    let end = offsets[span.end]! - 1; // the line ending after the chunk's last line, or the end of the text
    if (end > start && body.charCodeAt(end) === 10 && body.charCodeAt(end - 1) === 13) end--;
    const key = body.slice(start, Math.max(start, end));
    // A one-off analysis reads chunks through tables of recent ones (no map of every text, which no later analysis
    // reads): groups through their own, as a document of like sections repeats its groups (36,000 Timeline sections of
    // 60 texts were each read again when groups had no table).
    if (this.recent && !span.frontMatter) {
      if (pieces) {
        const data = this.recentGroups!.get(key, this.wide, () => parseGroup(body, offsets, pieces, this.wide));
        return { span, data, key: this.recentGroups!.key, pieces };
      }
      const data = this.recent.get(key, this.wide);
      // The text its slot holds, equal to this one: the slice is garbage at once (95,000 like chunks kept 95,000 copies).
      return { span, data, key: this.recent.key, pieces };
    }
    let data = next.get(key);
    if (data === undefined) {
      // Set once: a chunk text seen again in this text (a repeated heading) is already there.
      const before = pieces ? this.groupCache : span.frontMatter ? this.frontMatterCache : this.cache;
      data = before.size > 0 ? before.get(key) : undefined;
      if (data === undefined) {
        data = pieces ? parseGroup(body, offsets, pieces, this.wide) : parseChunk(key, span.frontMatter, this.wide);
        this.parsedLastRun++;
      }
      next.set(key, data);
    }
    return { span, data, key, pieces };
  }
}

/**
 * Parsed chunks by text, among the last ones parsed: a table of 4,096 slots by a hash of the text (of at most 64 of
 * its characters, and its length), each holding the last text that fell there. Texts repeated in a document (the
 * chunks of a long timeline of like rows) are parsed once, mostly; any text is parsed at most once per analysis
 * while its slot holds it, and the answer is the same either way (parseChunk is a pure function of the text).
 */
class RecentChunks {
  private readonly keys = new Array<string | undefined>(RECENT_SLOTS).fill(undefined);
  private readonly data = new Array<ChunkData | undefined>(RECENT_SLOTS).fill(undefined);

  /** After get: the text its slot holds, the first of the texts equal to the one asked for. */
  key = '';

  constructor(private readonly parsed: () => void) {}

  /** The chunk data of the text `key`: parseChunk's, or `make`'s (a group's, read as its pieces). */
  get(key: string, wide: boolean, make?: () => ChunkData): ChunkData {
    const slot = textHash(key) & (RECENT_SLOTS - 1);
    const held = this.keys[slot];
    let data = held === key ? this.data[slot] : undefined;
    if (!data) {
      data = make ? make() : parseChunk(key, false, wide);
      this.parsed();
      this.keys[slot] = key;
      this.data[slot] = data;
      this.key = key;
    } else this.key = held!;
    return data;
  }
}

const RECENT_SLOTS = 4096;

/** A hash of a text's length and at most 64 of its characters, spread over it. */
function textHash(text: string): number {
  const n = text.length;
  const step = n > 64 ? Math.floor(n / 64) : 1;
  let h = n | 0;
  for (let i = 0; i < n; i += step) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Walks a model's chunks, the pieces of its groups included, in line order: whether it read a span as a chunk. */
class SpanCursor {
  private c = 0;
  private k = 0;

  constructor(private readonly chunks: readonly ParsedChunk[]) {}

  /** Asked in increasing order of `start`. */
  had(start: number, end: number): boolean {
    for (;;) {
      const chunk = this.chunks[this.c];
      if (chunk === undefined) return false;
      const pieces = chunk.pieces;
      const span = pieces ? pieces[this.k]! : chunk.span;
      if (span.start >= start) return span.start === start && span.end === end && !span.frontMatter;
      if (pieces && this.k + 1 < pieces.length) this.k++;
      else {
        this.c++;
        this.k = 0;
      }
    }
  }
}

/** How far the previous chunk at lines [start, end) was, when they lie wholly before or wholly after the edit. */
function reuseShift(start: number, end: number, splice: Splice): number | undefined {
  return end <= splice.firstChanged ? 0 : start >= splice.newAfter ? splice.oldAfter - splice.newAfter : undefined;
}

/**
 * Small chunks of the scan are read in groups: a document of 50,000 one-line chunks (headings, definitions) paid per
 * chunk for a text slice, a cache entry, a parsed object and a pass of every reader of chunks, more than for reading
 * it. A group is a run of 2 to MAX_GROUP small chunks that ends after a chunk whose text hashes to 0 modulo GROUP (so
 * groups are GROUP chunks on average), or before a chunk that is not small. Where groups end depends only on the text
 * of the chunks there, so an edit changes only the groups around it, and the others keep their cached reading. A run
 * longer than MAX_GROUP (a text of few distinct chunks) or MAX_GROUP_SIZE characters is not grouped that way: an edit
 * in a group has its lines read again by every reader of chunks, and chunks of ordinary paragraphs gain little from
 * it. Small chunks left ungrouped (such runs, and chunks that end groups one after another) are grouped where they
 * repeat one chunk, or two or four in turn (repeatedGroups). Returns, for each chunk that starts a group, the index
 * after its last chunk; else 0.
 */
function groupChunks(kinds: Uint8Array, spans: readonly ChunkSpan[], split: Pick<SplitText, 'body' | 'offsets'>): Int32Array {
  const { offsets } = split;
  const ends = new Int32Array(kinds.length);
  let from = 0; // the first chunk of the run being read
  let loose = -1; // the first of the small chunks left ungrouped just before it, if any
  for (let i = 0; i <= kinds.length; i++) {
    const kind = i < kinds.length ? kinds[i]! : NOT_SMALL;
    // The run ends before a chunk that is not small (or the end of the text), or after one that ends groups.
    if (kind === SMALL) continue;
    const runEnd = kind === NOT_SMALL ? i : i + 1;
    const grouped = runEnd - from >= 2 && runEnd - from <= MAX_GROUP && offsets[spans[runEnd - 1]!.end]! - offsets[spans[from]!.start]! <= MAX_GROUP_SIZE;
    if (!grouped && runEnd > from && loose < 0) loose = from;
    // Small chunks left ungrouped, up to a group or a chunk that is not small: grouped where they repeat.
    if (loose >= 0 && (grouped || kind === NOT_SMALL)) {
      const looseEnd = grouped ? from : runEnd;
      if (looseEnd - loose >= 4) repeatedGroups(ends, spans, split, loose, looseEnd);
      loose = -1;
    }
    if (grouped) ends[from] = runEnd;
    from = i + 1;
  }
  return ends;
}

/**
 * Groups of the stretches of chunks [from, to) that repeat a period of one, two or four chunks (1 MB of "#", or of
 * "Impact" and "---": 500,000 chunks of one text, which the hash never ends a group in, or ends every one), cut
 * from each stretch's first chunk into groups of whole periods (MAX_GROUP chunks and MAX_GROUP_SIZE characters at
 * most). Their texts are the same, so a group the edit moved is read from the cache: an edit that adds a chunk
 * shifts the groups after it, and each is found by its text. Other chunks of the run are left alone.
 */
function repeatedGroups(ends: Int32Array, spans: readonly ChunkSpan[], split: Pick<SplitText, 'body' | 'offsets'>, from: number, to: number): void {
  const { body, offsets } = split;
  const sameText = (a: number, b: number): boolean => {
    const sa = offsets[spans[a]!.start]!;
    const sb = offsets[spans[b]!.start]!;
    const n = offsets[spans[a]!.end]! - sa;
    if (offsets[spans[b]!.end]! - sb !== n) return false;
    for (let k = 0; k < n; k++) if (body.charCodeAt(sa + k) !== body.charCodeAt(sb + k)) return false;
    return true;
  };
  let k = from;
  while (k < to) {
    // The shortest period the stretch from k repeats at least twice.
    let period = 0;
    for (const p of PERIODS) {
      if (k + 2 * p > to) break;
      let repeats = true;
      for (let j = 0; j < p && repeats; j++) repeats = sameText(k + j, k + p + j);
      if (repeats) {
        period = p;
        break;
      }
    }
    if (period === 0) {
      k++;
      continue;
    }
    let end = k + 2 * period;
    while (end < to && sameText(end, end - period)) end++;
    const size = offsets[spans[k + period - 1]!.end]! - offsets[spans[k]!.start]!;
    const periods = Math.min(Math.floor(MAX_GROUP / period), Math.floor(MAX_GROUP_SIZE / size));
    const length = periods * period;
    if (length >= 2) for (let g = k; g + length <= end; g += length) ends[g] = g + length;
    k = end;
  }
}

/** The periods repeatedGroups looks for, shortest first. */
const PERIODS = [1, 2, 4];

const NOT_SMALL = 0;
const SMALL = 1;
/** A small chunk whose text ends groups. */
const SMALL_LAST = 2;

/**
 * Whether each chunk is small, and whether it ends groups: a hash of its first and last characters and its length,
 * read in a few steps whatever its size. After an edit, a chunk the rescan kept (the same object at the same index
 * before the edit, the same lines moved after it) takes what was read of it: only the chunks around the edit are read.
 */
function chunkKinds(spans: readonly ChunkSpan[], split: Pick<SplitText, 'body' | 'offsets'>, before: { spans: readonly ChunkSpan[]; kinds: Uint8Array; splice: Splice } | undefined): Uint8Array {
  const kinds = new Uint8Array(spans.length);
  const { body, offsets } = split;
  let a = 0;
  let b = spans.length;
  if (before) {
    const old = before.spans;
    const { firstChanged, newAfter, oldAfter } = before.splice;
    // Before the edit: the same lines, and the line break after them (the rescan may have made them again).
    for (; a < spans.length && a < old.length; a++) {
      const s = spans[a]!;
      const o = old[a]!;
      if (s !== o && !(s.end < firstChanged && o.start === s.start && o.end === s.end && o.frontMatter === s.frontMatter && o.htmlCut === s.htmlCut)) break;
      kinds[a] = before.kinds[a]!;
    }
    const delta = old.length - spans.length;
    while (b > a && b - 1 + delta >= a) {
      const s = spans[b - 1]!;
      const o = old[b - 1 + delta]!;
      if (s.start < newAfter || o.start - s.start !== oldAfter - newAfter || o.end - s.end !== oldAfter - newAfter || o.frontMatter !== s.frontMatter || o.htmlCut !== s.htmlCut) break;
      b--;
      kinds[b] = before.kinds[b + delta]!;
    }
  }
  for (let i = a; i < b; i++) {
    const span = spans[i]!;
    const start = offsets[span.start]!;
    const size = offsets[span.end]! - start;
    if (span.frontMatter || span.htmlCut || span.end - span.start > PIECE_LINES || size > PIECE_SIZE) continue;
    let h = size;
    const head = Math.min(size, 24);
    for (let k = 0; k < head; k++) h = Math.imul(h ^ body.charCodeAt(start + k), 0x01000193);
    for (let k = Math.max(head, size - 16); k < size; k++) h = Math.imul(h ^ body.charCodeAt(start + k), 0x01000193);
    // Mixed (murmur3's finaliser) before its low bits are read: the low bits of a product depend only on the low bits
    // of its factors, so lines that differ in a number ("## *Impact* 17") ended groups in long runs, and 60 % of
    // such chunks were never grouped.
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    kinds[i] = ((h ^ (h >>> 16)) & (GROUP - 1)) === 0 ? SMALL_LAST : SMALL;
  }
  return kinds;
}

/** A chunk that may be grouped: at most this many lines and characters (line endings included). */
const PIECE_LINES = 2;
const PIECE_SIZE = 256;
/** The average group size (a power of 2), and the largest, in chunks and characters. */
const GROUP = 8;
const MAX_GROUP = 32;
const MAX_GROUP_SIZE = 1024;

/** What a group's text reads as when one of its chunks leaves a construct open at its top level: read them one by one. */
const UNGROUPED: ChunkData = Object.freeze({ headings: [], items: [], rows: [], codeLines: [], definitions: [], openAtEnd: false, openFrom: -1, frontMatter: undefined, lineResults: undefined, signals: undefined });

/** A group's data: each of its chunks read alone (as the model reads chunks apart), lines counted from the group's start. */
function parseGroup(body: string, offsets: readonly number[], pieces: readonly ChunkSpan[], wide: boolean): ChunkData {
  const headings: RawHeading[] = [];
  const items: RawItem[] = [];
  const rows: number[] = [];
  const codeLines: number[] = [];
  const definitions: string[] = [];
  const base = pieces[0]!.start;
  let openAtEnd = false;
  // What the fast reader reads of each piece (each read once); the text of those it leaves to remark.
  const fast = new Array<ChunkData | undefined>(pieces.length);
  let texts: string[] | undefined;
  // Heading lines whose text needs an inline parse: parsed together, not each twice (see headingLinesText).
  let inline: Array<{ k: number; heading: InlineHeading }> | undefined;
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k]!;
    const start = offsets[piece.start]!;
    let end = offsets[piece.end]! - 1;
    if (end > start && body.charCodeAt(end) === 10 && body.charCodeAt(end - 1) === 13) end--;
    const text = body.slice(start, Math.max(start, end));
    const read = readPiece(text, wide);
    if (read === undefined || 'source' in read) (texts ??= new Array<string>(pieces.length))[k] = text;
    if (read === undefined) continue;
    if ('source' in read) (inline ??= []).push({ k, heading: read });
    else fast[k] = read;
  }
  const read = inline && inline.length > 1 ? headingLinesText(inline.map((h) => h.heading.source)) : undefined;
  let next = 0; // the next of `inline`
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k]!;
    let d = fast[k];
    if (!d && read && inline![next]?.k === k) {
      const h = inline![next]!.heading;
      const text = read[next++];
      if (text !== undefined) d = { ...UNGROUPED, headings: [{ depth: h.depth, text, kind: h.kind, line: 0, character: 0, endLine: h.endLine, endCharacter: h.endCharacter }] };
    }
    d ??= fullParse(texts![k]!, wide);
    if (d.openFrom >= 0) return UNGROUPED;
    const o = piece.start - base;
    for (let j = 0; j < d.headings.length; j++) {
      const h = d.headings[j]!;
      headings.push(o === 0 ? h : { depth: h.depth, text: h.text, kind: h.kind, line: h.line + o, character: h.character, endLine: h.endLine + o, endCharacter: h.endCharacter });
    }
    for (let j = 0; j < d.items.length; j++) items.push({ line: d.items[j]!.line + o, endLine: d.items[j]!.endLine + o });
    for (let j = 0; j < d.rows.length; j++) rows.push(d.rows[j]! + o);
    for (let j = 0; j < d.codeLines.length; j++) codeLines.push(d.codeLines[j]! + o);
    for (let j = 0; j < d.definitions.length; j++) definitions.push(d.definitions[j]!);
    openAtEnd = d.openAtEnd;
  }
  return { headings, items, rows, codeLines, definitions, openAtEnd, openFrom: -1, frontMatter: undefined, lineResults: undefined, signals: undefined };
}

/** Whether the line starts an HTML block that a blank line ends (types 6 and 7). */
function endsAtBlank(line: string): boolean {
  const kind = htmlKind(line);
  return kind === 6 || kind === 7;
}

/** Whether `head`, the first `n` lines of a chunk read alone, holds what `whole`, the chunk, holds in those lines. */
function sameBefore(head: ChunkData, whole: ChunkData, n: number): boolean {
  const same = <T>(a: readonly T[], b: readonly T[], before: (x: T) => boolean, eq: (x: T, y: T) => boolean): boolean => {
    let k = 0;
    for (const x of b) {
      if (!before(x)) continue;
      if (k >= a.length || !eq(a[k]!, x)) return false;
      k++;
    }
    return k === a.length;
  };
  return (
    same(head.headings, whole.headings, (h) => h.line < n, (x, y) => x.line === y.line && x.endLine === y.endLine && x.character === y.character && x.endCharacter === y.endCharacter && x.depth === y.depth && x.kind === y.kind && x.text === y.text) &&
    same(head.items, whole.items, (it) => it.line < n, (x, y) => x.line === y.line && x.endLine === y.endLine) &&
    same(head.rows, whole.rows, (r) => r < n, (x, y) => x === y) &&
    same(head.codeLines, whole.codeLines, (l) => l < n, (x, y) => x === y) &&
    same(head.definitions, whole.definitions, () => true, (x, y) => x === y)
  );
}

export interface ModelOptions {
  readonly matcher?: SectionMatcher;
  readonly cache?: ChunkCache;
}

/**
 * A text's line endings, read from it when asked. Made here, not in buildModel: a closure made there shares one
 * context with buildModel's other closures, the model before included, so each model kept the one before it alive, and
 * an open document every model since it was opened (megabytes per keystroke).
 */
function lineEndingsOf(body: string, lines: readonly string[], offsets: readonly number[]): (line: number) => string {
  return (line) => (line >= 0 && line < lines.length - 1 ? body.slice(offsets[line]! + lines[line]!.length, offsets[line + 1]!) : '');
}

/** Made on first use: building it reads every alias of the catalogue, which loading the extension need not pay. */
let defaultMatcher: SectionMatcher | undefined;

/** Builds the model of a document. Never throws on any input text. */
let empty: PostmortemModel | undefined;

/** The model of an empty document, shared: what a document that was not read has (see failure.ts, size-limit.ts). */
export function emptyModel(): PostmortemModel {
  return (empty ??= buildModel(''));
}

export function buildModel(text: string, options: ModelOptions = {}): PostmortemModel {
  const cache = options.cache ?? new ChunkCache(true);
  const split = cache.split(text);
  const { lines, eol, hasBom, body, offsets } = split;
  const matcher = options.matcher ?? (defaultMatcher ??= new SectionMatcher());
  const chunks = cache.parse(split);

  let frontMatter: FrontMatter | undefined;
  // After an edit, the previous model of the document: a chunk it read at the same lines (the same ParsedChunk
  // object) hands on its headings, and their sections when nothing they cover changed.
  const previous = options.cache ? lastModel.get(options.cache) : undefined;
  const previousBuilt = previous ? built.get(previous) : undefined;
  let pc = 0; // walks the previous model's chunks, in line order as the new ones are
  let ph = 0; // walks its headings
  // A group of small chunks read again (see groupChunks) holds chunks the edit left: what they read is handed on too.
  const edit = previous ? cache.lastEdit : undefined;
  const read = edit ? new SpanCursor(previous!.chunks) : undefined;
  const clean: boolean[] = [];
  // Lines of the chunks not taken as they were (parsed again, merged or moved): a section that reaches into them is new.
  let dirtyFrom = previous ? Infinity : 0;
  let dirtyTo = previous ? -Infinity : Infinity;
  // Filled by index, its length counted first: pushed one by one, 65,000 headings grew it through a dozen copies.
  let headingCount = 0;
  for (let c = 0; c < chunks.length; c++) headingCount += chunks[c]!.data.headings.length;
  const rawHeadings = new Array<RawModelHeading>(headingCount);
  let rh = 0;
  // Where each chunk's headings start in rawHeadings (see Built.rawStart).
  const rawStart = options.cache ? new Int32Array(chunks.length) : undefined;
  const definitions: string[] = [];
  const withCode: number[] = []; // the chunks with code lines (see CodeLines)

  // Index loops, not for…of: five iterators per chunk, for 65,000 chunks, were a fifth of the model's garbage.
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    const { span, data } = chunk;
    const base = span.start;
    if (data.frontMatter) {
      const lastLine = span.end - 1;
      frontMatter = cache.frontMatter(data.frontMatter.kind, data.frontMatter.value, base, span.end - span.start, (lines[lastLine] ?? '').length);
    }
    let same = false;
    let cleanAlone = false; // not the same object, yet read as it was: see below
    if (previous) {
      const old = previous.chunks;
      while (pc < old.length && old[pc]!.span.start < span.start) pc++;
      same = old[pc] === chunk;
      const pieces = chunk.pieces;
      if (!same && pieces && read) {
        // A piece is as it was when the previous model read the same lines, unchanged and not moved, as a chunk.
        for (let k = 0; k < pieces.length; k++) {
          const piece = pieces[k]!;
          clean[k] = (piece.end <= edit!.firstChanged || (piece.start >= edit!.newAfter && edit!.newAfter === edit!.oldAfter)) && read.had(piece.start, piece.end);
          if (clean[k]) continue;
          if (piece.start < dirtyFrom) dirtyFrom = piece.start;
          if (piece.end > dirtyTo) dirtyTo = piece.end;
        }
      } else if (!same) {
        // A chunk the previous model read as a piece of a group (a group too long now, say) is as it was too.
        cleanAlone = read !== undefined && !span.frontMatter && (span.end <= edit!.firstChanged || (span.start >= edit!.newAfter && edit!.newAfter === edit!.oldAfter)) && read.had(span.start, span.end);
        if (!cleanAlone) {
          if (span.start < dirtyFrom) dirtyFrom = span.start;
          if (span.end > dirtyTo) dirtyTo = span.end;
        }
      }
    }
    if (rawStart) rawStart[c] = rh;
    if (same && previousBuilt && data.headings.length > 0) {
      // The same chunk at the same lines: its headings are the objects the previous model made of them, where that
      // model's chunk put them (each heading's line was read to find them: a cache miss for each of 95,000).
      const raws = previousBuilt.raw;
      ph = previousBuilt.rawStart[pc]!;
      for (let k = 0; k < data.headings.length; k++) rawHeadings[rh++] = raws[ph + k]!;
      ph += data.headings.length;
    } else {
      const pieces = previousBuilt && read ? chunk.pieces : undefined;
      let piece = 0;
      for (let k = 0; k < data.headings.length; k++) {
        const h = data.headings[k]!;
        if (pieces || (cleanAlone && previousBuilt)) {
          // In a piece the edit left: the previous model's heading at the same lines, when it is this one.
          const line = base + h.line;
          if (pieces) while (piece + 1 < pieces.length && pieces[piece]!.end <= line) piece++;
          if (pieces ? clean[piece] : cleanAlone) {
            const raws = previousBuilt!.raw;
            while (ph < raws.length && raws[ph]!.startLine < line) ph++;
            const r = raws[ph];
            if (r && r.startLine === line && r.endLine === base + h.endLine && r.level === h.depth && r.kind === h.kind && r.text === h.text && r.range.start.character === h.character && r.range.end.character === h.endCharacter) {
              rawHeadings[rh++] = r;
              continue;
            }
          }
        }
        rawHeadings[rh++] = new RawModelHeading(h.depth, h.text, h.kind, range(base + h.line, h.character, base + h.endLine, h.endCharacter));
      }
    }
    if (data.codeLines.length > 0) withCode.push(c);
    for (let k = 0; k < data.definitions.length; k++) definitions.push(data.definitions[k]!);
  }
  // recognise() reads the headings with their references resolved; the next model takes the unresolved ones.
  const refs = definitions.length > 0 ? resolveReferences(rawHeadings, definitions, lines, previousBuilt, options.cache !== undefined) : undefined;
  const recognised = refs?.headings ?? rawHeadings;

  // The line memo only helps an analysis that follows another of the same document (an edit).
  const flags = documentFlags(chunks, lines, options.cache ? cache.lineMemo : undefined);
  const language = detectLanguage(lines);
  const recognition = recognise({ headings: recognised, lines, flags, matcher, language, bodyStart: frontMatterEnd(lines) }, previousBuilt?.recognition);
  const headings = new Array<Heading>(recognised.length);
  for (let i = 0; i < recognised.length; i++) {
    const h = recognised[i]!;
    const r = recognition.headings[i]!;
    const kept = h.heading;
    // The heading of the previous model when its roles and reasons are the same (a new object only where they changed).
    if (kept && kept.isTitle === r.isTitle && sameRoles(kept, r)) headings[i] = kept;
    else headings[i] = h.publish(r);
  }
  const title = headings[0]?.isTitle ? headings[0] : undefined;

  const lastLine = lines.length - 1;
  // Each section ends before the next heading of the same or a higher level (recognition found where).
  const endBefore = recognition.ends;
  const labels = recognition.labels.length;
  // Filled by index and cut to length (see rawHeadings).
  const sections = new Array<BuiltSection>(headings.length + labels);
  // Where each section was in the previous model's sections, or -1 for a new one (see Built.wasAt).
  let wasAt = previous && labels === 0 ? new Int32Array(headings.length) : undefined;
  let sn = 0;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    if (h.isTitle) continue;
    let endLine = Math.min(endBefore[i]! - 1, lastLine);
    let endChar = (lines[endLine] ?? '').length;
    const startLine = h.range.end.line + 1;
    if (endLine < startLine) {
      endLine = h.range.end.line;
      endChar = h.range.end.character;
    }
    const startChar = startLine > endLine ? h.range.end.character : 0;
    const contentStart = Math.min(startLine, endLine);
    // The previous model's section when it is the same in every way and none of its lines were read again (see Section).
    const raw = recognised[i]!;
    const kept = raw.section;
    // Kept at another index when headings before it were added or removed (typing "x" before a setext underline):
    // its index moves with it, and what was kept with it stays (nothing kept per section reads its index).
    if (
      wasAt !== undefined &&
      kept !== undefined &&
      kept.heading === h &&
      previous!.sections[kept.index] === kept &&
      (h.range.start.line >= dirtyTo || endLine < dirtyFrom) &&
      sameRange(kept.contentRange, contentStart, startChar, endLine, endChar)
    ) {
      wasAt[sn] = kept.index;
      kept.index = sn;
      sections[sn++] = kept;
      continue;
    }
    // An empty section's content is the point where its heading ends: that very position, twice (a document of
    // 95,000 empty sections made 190,000 positions that said the same).
    const at = h.range.end;
    const content = contentStart === at.line && startChar === at.character && endLine === at.line && endChar === at.character ? { start: at, end: at } : range(contentStart, startChar, endLine, endChar);
    const section = BuiltSection.make(h, h.roles, content, sn, recognition.basis.words[i]?.memo);
    if (labels === 0) raw.section = section;
    if (wasAt) wasAt[sn] = -1;
    sections[sn++] = section;
  }
  sections.length = sn;
  wasAt = wasAt?.subarray(0, sn); // one per section (the title has none)
  if (labels > 0) {
    for (const l of recognition.labels) {
      const heading: Heading = {
        level: l.level,
        text: l.text,
        kind: 'label',
        range: range(l.line, l.start, l.line, l.end),
        roles: l.roles,
        reasons: l.reasons,
        isTitle: false,
      };
      // A label with text after it on its line ("- **Impact**: …") starts its content on that line.
      const startLine = l.inline || l.endLine === l.line ? l.line : l.line + 1;
      const startChar = startLine === l.line ? l.end : 0;
      sections[sn++] = BuiltSection.make(heading, l.roles, range(startLine, startChar, l.endLine, (lines[l.endLine] ?? '').length), 0);
    }
    sections.sort((a, b) => a.heading.range.start.line - b.heading.range.start.line);
    for (let i = 0; i < sections.length; i++) sections[i]!.index = i;
  }

  // The model first, its entries after: they are read from its sections of each role (sectionsFor, which an edit
  // patches), not by asking each of 95,000 sections for its roles.
  const model: { -readonly [K in keyof PostmortemModel]: PostmortemModel[K] } = {
    lines,
    eol,
    lineEnding: lineEndingsOf(body, lines, offsets),
    hasBom,
    frontMatter,
    headings,
    title,
    sections,
    timeline: NO_ENTRIES,
    actionItems: NO_ENTRIES,
    codeLines: new CodeLines(chunks, lines.length, withCode),
    chunks,
    language,
    signals: flags,
  };
  (model as { [KEPT]?: Kept })[KEPT] = { previous };
  const made: Built = { raw: rawHeadings, rawStart: rawStart ?? NO_STARTS, definitions: refs?.index, recognition, timelineSpans: undefined, actionSpans: undefined, wasAt };
  if (options.cache) built.set(model, made); // byRoleOf reads wasAt
  const priorOf = (entries: readonly Entry[], spans: EntrySpans | undefined): EntriesBefore | undefined =>
    previous ? { entries, spans, sections: previous.sections, wasAt, lines: previous.lines } : undefined;
  // Where each section's entries are, kept only for the next model of the document (all -1 until found).
  const spans = (of: readonly Section[]): EntrySpans | undefined => (options.cache && of.length > 0 ? new Int32Array(2 * sections.length).fill(-1) : undefined);
  const timelineSections = sectionsFor(model, 'timeline');
  const actionSections = sectionsFor(model, 'action-items');
  // Only a model with sections of entries reads the chunks' items and rows (80,000 items in other sections were
  // gathered on every keystroke, for nothing).
  const found = timelineSections.length + actionSections.length > 0 ? entryLines(chunks) : NO_ENTRY_LINES;
  const timelineRead = collectEntries(timelineSections, headings, found, lines, previous && priorOf(previous.timeline, previousBuilt?.timelineSpans), spans(timelineSections));
  const actionRead = collectEntries(actionSections, headings, found, lines, previous && priorOf(previous.actionItems, previousBuilt?.actionSpans), spans(actionSections));
  model.timeline = timelineRead.entries;
  model.actionItems = actionRead.entries;
  // One step back only: a chain of every model of the document would never be freed.
  const before = previous ? (previous as KeptModel)[KEPT] : undefined;
  if (before) before.previous = undefined;
  if (options.cache) {
    keeping.add(model);
    lastModel.set(options.cache, model);
    built.set(model, { ...made, timelineSpans: timelineRead.spans, actionSpans: actionRead.spans });
  }
  return model;
}

/**
 * A heading as the model reads it from its chunk, before recognition: kept from one model of a document to the next
 * while its chunk is the same object at the same lines, with the Heading and Section last made of it. The first model
 * that reads it publishes it as its Heading too, its roles set once recognised (an object for each, the heading read
 * and the heading published, were two of the ten objects per section a document of 95,000 sections kept). A later
 * model that gives it other roles publishes a copy. What only the model reads is private (accessors on the
 * prototype), so a heading has the same own properties as any Heading: snapshots and JSON see nothing else.
 */
class RawModelHeading implements Heading {
  // Own properties in a Heading's order; roles, reasons and isTitle are set once, before it is published.
  roles: readonly SectionId[] = NO_SECTION_IDS;
  reasons: readonly RoleReason[] = NO_REASONS;
  isTitle = false;
  #references: References | undefined = undefined;
  #heading: Heading | undefined = undefined;
  #section: BuiltSection | undefined = undefined;
  constructor(
    readonly level: number,
    readonly text: string,
    readonly kind: HeadingKind,
    readonly range: Range,
  ) {}

  get startLine(): number {
    return this.range.start.line;
  }

  get endLine(): number {
    return this.range.end.line;
  }

  /** Its references as last resolved: the labels it read, the result (itself if none), and the definitions' version. */
  get references(): References | undefined {
    return this.#references;
  }

  set references(value: References | undefined) {
    this.#references = value;
  }

  /** The Heading last published for it: itself, or a copy with other roles. */
  get heading(): Heading | undefined {
    return this.#heading;
  }

  set heading(value: Heading | undefined) {
    this.#heading = value;
  }

  get section(): BuiltSection | undefined {
    return this.#section;
  }

  set section(value: BuiltSection | undefined) {
    this.#section = value;
  }

  /** The Heading to publish for it with these roles: itself the first time, else a copy (a published one never changes). */
  publish(r: HeadingRoles): Heading {
    const h = this.#heading === undefined ? this : new RawModelHeading(this.level, this.text, this.kind, this.range);
    h.roles = r.roles;
    h.reasons = r.reasons;
    h.isTitle = r.isTitle;
    h.#heading = h;
    return (this.#heading = h);
  }
}

const NO_SECTION_IDS: readonly SectionId[] = [];
const NO_REASONS: readonly RoleReason[] = [];

/** rawStart of a model no other follows (a one-off analysis keeps none). */
const NO_STARTS = new Int32Array(0);

/** What the next model of a document takes from this one: its headings as read from their chunks, unresolved. */
interface Built {
  readonly raw: readonly RawModelHeading[];
  /** Per chunk of the model, where its headings start in `raw`. */
  readonly rawStart: Int32Array;
  /** The document's definitions by label, when a heading needed them: the next model updates them in place. */
  readonly definitions: DefinitionIndex | undefined;
  /** Its recognition: the next model's, when its headings and line flags are these, reads only the labels again. */
  readonly recognition: Recognition;
  /** Where each section's timeline entries and action items are in its lists (see collectEntries). */
  readonly timelineSpans: EntrySpans | undefined;
  readonly actionSpans: EntrySpans | undefined;
  /**
   * Where each section was in the sections of the model before (its index there), or -1 for a section made new;
   * undefined when there was none, or the document has labels (every section is new then). A section kept at another
   * index has its `index` moved: the model before's readers of it (collectEntries, byRoleOf) read where it was here.
   */
  readonly wasAt: Int32Array | undefined;
}
const built = new WeakMap<PostmortemModel, Built>();

/** What a heading's references resolved to: kept with its RawModelHeading, checked against the definitions' changes. */
interface References {
  /** The normalised labels of its bracketed texts: only definitions of these can change what it reads. */
  readonly labels: readonly string[];
  readonly resolved: RawModelHeading;
  /** The version of the DefinitionIndex it was resolved (or last found still good) with. */
  version: number;
}

/**
 * Resolves the references of the headings that hold brackets, as a whole-document parse does: references may use
 * definitions from other chunks. A heading reads only the definitions of its own labels (all of them, for each
 * heading, was quadratic). After an edit, the definitions by label are updated where the edit changed definitions,
 * and a heading of the previous model keeps its answer unless the first definition of one of its labels changed: an
 * edit re-read 20,000 headings and their definitions. `keep`: the answers are kept for the next model (an
 * IncrementalAnalyzer's).
 */
function resolveReferences(
  raws: readonly RawModelHeading[],
  definitions: readonly string[],
  lines: readonly string[],
  before: Built | undefined,
  keep: boolean,
): { headings: readonly RawModelHeading[]; index: DefinitionIndex | undefined } {
  let headings: RawModelHeading[] | undefined;
  let index: DefinitionIndex | undefined; // made when a heading needs it: most documents have none such
  let changed: ReadonlySet<string> | undefined; // labels whose first definition differs from `before`'s
  let was = -1; // the version of `before`'s definitions: answers found with it hold unless one of their labels changed
  for (let i = 0; i < raws.length; i++) {
    const h = raws[i]!;
    if (h.kind === 'html' || !h.text.includes('[')) continue;
    if (index === undefined) {
      const old = before?.definitions;
      if (old) {
        was = old.version;
        changed = old.update(definitions);
        index = old;
      } else index = new DefinitionIndex(definitions);
    }
    const last = h.references;
    let kept = last !== undefined && last.version === was;
    if (kept) {
      const labels = last!.labels;
      for (let k = 0; k < labels.length; k++) if (changed!.has(labels[k]!)) kept = false;
    }
    let resolved: RawModelHeading;
    if (kept) {
      last!.version = index.version;
      resolved = last!.resolved;
    } else {
      const references = resolveHeading(h, index.byLabel, index.version, lines);
      // Kept for the next model of the document only (a one-off analysis has none: 26,000 of them outlived a GC).
      if (keep) h.references = references;
      resolved = references.resolved;
    }
    if (resolved === h) continue;
    headings ??= raws.slice();
    headings[i] = resolved;
  }
  return { headings: headings ?? raws, index };
}

const NO_LABELS: readonly string[] = [];

/** The heading with its references resolved (itself when they change nothing), and the labels it read. */
function resolveHeading(h: RawModelHeading, byLabel: ReadonlyMap<string, string>, version: number, lines: readonly string[]): References {
  const start = h.range.start.line;
  const source = h.range.end.line === start ? lines[start] ?? '' : lines.slice(start, h.range.end.line + 1).join('\n');
  if (source.length > MAX_INLINE_HEADING) return { labels: NO_LABELS, resolved: h, version };
  // The text's brackets are the source's (the text is read from it), so the source's labels are all it reads.
  const labels = bracketedTexts(source);
  let defined = false;
  for (let i = 0; i < labels.length; i++) {
    const label = (labels[i] = normaliseLabel(labels[i]!));
    if (!defined && byLabel.has(label)) defined = true;
  }
  if (!defined) return { labels, resolved: h, version };
  const simple = INLINE_SYNTAX_BUT_BRACKETS.test(source) || source.includes('](') ? undefined : shortcutReferences(h.text, byLabel);
  const text = simple?.trim() ?? setextText(h, lines, byLabel) ?? resolvedHeadingText(source, definitionsFor(labels, byLabel)) ?? h.text;
  if (text === h.text) return { labels, resolved: h, version };
  // The same resolved object while the text resolves the same: its heading and section may be kept too.
  const last = h.references?.resolved;
  // Spelled out, not spread: one shape with the headings read from chunks (a spread per heading cost more than the rest).
  const resolved = last && last !== h && last.text === text ? last : new RawModelHeading(h.level, text, h.kind, h.range);
  return { labels, resolved, version };
}

/**
 * A setext heading's text with the document's definitions, read by the linear inline reader as the fast chunk reader
 * reads one (parse.ts setextHeadingText): its content lines, the first without its indentation; its text as read when
 * the content starts with definitions (read by readDefinition). Undefined where that reader leaves it to remark, or a
 * definition is unsure (and for content that holds a BOM, inline HTML over lines, or white space at its end other
 * than spaces and tabs). Headings of several lines with brackets, each of its own text,
 * were a micromark parse each (30,000 of them: 1.6 s, more than the 10,000 the cache of resolved texts holds).
 */
function setextText(h: RawModelHeading, lines: readonly string[], byLabel: ReadonlyMap<string, string>): string | undefined {
  if (h.kind !== 'setext') return undefined;
  const from = h.range.start.line;
  const to = h.range.end.line; // the underline
  if (to <= from) return undefined;
  const last = lines[to - 1] ?? '';
  let end = last.length;
  while (end > 0 && (last.charCodeAt(end - 1) === 32 || last.charCodeAt(end - 1) === 9)) end--;
  if (end > 0 && isJsSpace(last.charCodeAt(end - 1))) return undefined;
  // Definitions the content starts with (micromark starts the heading there): its text is what follows them.
  const start = leadingDefinitionsEnd(lines, from, to);
  if (start === undefined) return undefined;
  // After definitions, remark's text is the block parse's (its parse of the source finds a definition first, not a
  // heading): the heading's text as read, as resolvedHeadingText gives it then (a micromark parse each, to say so).
  if (start > from) return h.text;
  const first = lines[start] ?? '';
  let indent = 0;
  while (first.charCodeAt(indent) === 32 || first.charCodeAt(indent) === 9) indent++;
  const content = (to - start === 1 ? first : lines.slice(start, to).join('\n')).slice(indent);
  // (Only content whose first line surely starts a paragraph parsed alone: remark's parse of the source, a list item
  // or other block first, gives the text as read.)
  if (!(PARAGRAPH_LINE.test(content) || CONTINUATION_LINE.test(content) || markLedParagraph(content)) || content.includes('\uFEFF') || (to - start > 1 && content.includes('<'))) return undefined;
  return inlineText(content, (label) => definedIn(byLabel, label))?.trim();
}

/**
 * Content whose first line is led by "-", "+" or "*" and starts no list item and no thematic break ("--", "-x",
 * "*-"): a paragraph's start, read alone. (Lines of "\\", a definition and "--" in a random order made 782 distinct
 * headings of such content at 1 MB, each a micromark parse.)
 */
function markLedParagraph(content: string): boolean {
  const c = content.charCodeAt(0);
  if (c !== 45 && c !== 43 && c !== 42) return false;
  const next = content.charCodeAt(1);
  if (Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13) return false;
  const eol = content.indexOf('\n');
  return !THEMATIC_BREAK.test(eol === -1 ? content : content.slice(0, eol));
}

/**
 * Where the sections changed: those below `from` are at the same places as in the model before, the last
 * `sections.length - newTo` are the model before's last `was.length - oldTo` (kept, their indices moved); undefined when
 * the sections between are too many (or the model was not made from the one before).
 */
function changedWindow(sections: readonly Section[], was: readonly Section[], wasAt: Int32Array | undefined): { from: number; newTo: number; oldTo: number } | undefined {
  if (wasAt === undefined || wasAt.length !== sections.length) return undefined;
  const n = sections.length;
  const m = was.length;
  let from = 0;
  while (from < n && from < m && wasAt[from] === from) from++;
  let newTo = n;
  let oldTo = m;
  while (newTo > from && oldTo > from && wasAt[newTo - 1] === oldTo - 1) {
    newTo--;
    oldTo--;
  }
  if (newTo - from > 4 * PATCH_SECTIONS || oldTo - from > 4 * PATCH_SECTIONS) return undefined;
  return { from, newTo, oldTo };
}

/** The sections an edit removed (of the model before) and added (of this one), in order; see sectionChanges. */
export interface SectionChanges {
  readonly previous: PostmortemModel;
  readonly removed: readonly Section[];
  readonly added: readonly Section[];
}

/**
 * The sections the edit since previousModel(model) removed and added, when they are few: every other section of
 * either model is the very object in the other (its index may have moved), with what was read from it. Undefined when
 * there is no model before, or the sections changed too much to list.
 */
export function sectionChanges(model: PostmortemModel): SectionChanges | undefined {
  const previous = previousModel(model);
  if (!previous) return undefined;
  const w = changedWindow(model.sections, previous.sections, built.get(model)?.wasAt);
  if (!w) return undefined;
  const removed: Section[] = [];
  const added: Section[] = [];
  for (let j = w.from; j < w.oldTo; j++) {
    const s = previous.sections[j]!;
    if (model.sections[s.index] !== s) removed.push(s);
  }
  for (let i = w.from; i < w.newTo; i++) if (built.get(model)!.wasAt![i]! < 0) added.push(model.sections[i]!);
  return { previous, removed, added };
}

/**
 * The lists by role of the sections before, when an edit added or removed a few sections (a heading taken away moves
 * every section after it one place): the sections before the change and those after it (kept, their indices moved) are
 * the lists' own runs, copied, with the sections between them read from the new sections; the lists of roles no
 * section there serves are the very lists before. Else undefined.
 */
function movedByRole(sections: readonly Section[], was: readonly Section[], wasAt: Int32Array | undefined, before: Map<SectionId, readonly Section[]>): Map<SectionId, readonly Section[]> | undefined {
  const w = changedWindow(sections, was, wasAt);
  if (!w) return undefined;
  const { from, newTo, oldTo } = w;
  const touched = new Set<SectionId>();
  for (let i = from; i < newTo; i++) for (const role of sections[i]!.roles) touched.add(role);
  for (let j = from; j < oldTo; j++) for (const role of was[j]!.roles) touched.add(role);
  const out = new Map(before);
  for (const role of touched) {
    const list = before.get(role) ?? NO_SECTIONS;
    // The list's sections before the change keep their indices, below `from`; every other has one at or above it.
    const p0 = firstIndex(list.length, (k) => list[k]!.index < from);
    // Then those the change removed or moved (at most as many as were between), then those after it.
    let p1 = p0;
    while (p1 < list.length && !(list[p1]!.index >= newTo && sections[list[p1]!.index] === list[p1])) p1++;
    const between: Section[] = [];
    for (let i = from; i < newTo; i++) if (sections[i]!.roles.includes(role)) between.push(sections[i]!);
    const next = p0 === 0 && p1 === list.length ? between : list.slice(0, p0).concat(between, list.slice(p1));
    derived.set(next, { old: list, from, newTo, sections });
    if (next.length > 0) out.set(role, next);
    else out.delete(role);
  }
  return out;
}

/** Same roles for the same reasons (recognition shares its results between headings of the same words, not always). */
function sameRoles(a: Pick<Heading, 'roles' | 'reasons'>, b: Pick<Heading, 'roles' | 'reasons'>): boolean {
  if (a.roles === b.roles && a.reasons === b.reasons) return true;
  if (a.roles.length !== b.roles.length || a.reasons.length !== b.reasons.length) return false;
  for (let i = 0; i < a.roles.length; i++) if (a.roles[i] !== b.roles[i]) return false;
  for (let i = 0; i < a.reasons.length; i++) {
    const x = a.reasons[i]!;
    const y = b.reasons[i]!;
    if (x !== y && (x.role !== y.role || x.source !== y.source || x.detail !== y.detail)) return false;
  }
  return true;
}

function sameRange(r: Range, startLine: number, startChar: number, endLine: number, endChar: number): boolean {
  return r.start.line === startLine && r.start.character === startChar && r.end.line === endLine && r.end.character === endChar;
}

const NO_SECTIONS: readonly Section[] = [];
const NO_ENTRIES: readonly Entry[] = [];

/** Sections by role, per model: every rule asks, and a document may have 65,000 sections. */
const sectionsByRole = new WeakMap<PostmortemModel, Map<SectionId, readonly Section[]>>();

/** Sections serving a role, in document order (kept per model: read it, never change it). */
export function sectionsFor(model: PostmortemModel, id: SectionId): readonly Section[] {
  let byRole = sectionsByRole.get(model);
  if (!byRole) byRole = byRoleOf(model);
  return byRole.get(id) ?? NO_SECTIONS;
}

function byRoleOf(model: PostmortemModel): Map<SectionId, readonly Section[]> {
  // After an edit that left every section as it was (typing in a section's text), the lists of the model before.
  const previous = previousModel(model);
  const before = previous ? sectionsByRole.get(previous) : undefined;
  if (before && sameItems(model.sections, previous!.sections)) {
    sectionsByRole.set(model, before);
    return before;
  }
  const patched = before && (patchByRole(model.sections, previous!.sections, before) ?? movedByRole(model.sections, previous!.sections, built.get(model)?.wasAt, before));
  if (patched) {
    sectionsByRole.set(model, patched);
    return patched;
  }
  const byRole = new Map<SectionId, readonly Section[]>();
  const sections = model.sections;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    for (let j = 0; j < s.roles.length; j++) {
      const role = s.roles[j]!;
      const list = byRole.get(role);
      if (list) (list as Section[]).push(s);
      else byRole.set(role, [s]);
    }
  }
  sectionsByRole.set(model, byRole);
  return byRole;
}



/**
 * How a list of sectionsFor was made from the previous model's list of the same role (by patchByRole or movedByRole):
 * its sections below index `from` are the old list's first ones, its sections from index `newTo` on are the old list's
 * last ones (kept, their indices moved), and those between are read from the model's sections.
 */
interface Derived {
  readonly old: readonly Section[];
  readonly from: number;
  readonly newTo: number;
  /**
   * The sections of the model the list was made for: `from` and `newTo` are indices in them. A later model may take
   * the very list again (its role's sections did not change), with other sections around it; there the window says
   * nothing (the model it was made for may have run no rule that asked, so its answer was never kept).
   */
  readonly sections: readonly Section[];
}
const derived = new WeakMap<readonly Section[], Derived>();

/** What sectionsWhere keeps for one predicate: the sections of each role list that pass it. */
export class SectionFilter {
  readonly byList = new WeakMap<readonly Section[], readonly Section[]>();
}

/**
 * The sections serving a role that pass `keep`, in document order, kept per role list (read it, never change it).
 * `keep` must read only the section (as a perSection computation does: a kept section gives what it gave). After an edit
 * the role's list is the same object (the answer is taken again), or patched from the previous model's (the answer for
 * it is patched the same way: only the sections the edit made are asked): a rule that reads only such sections (the
 * non-empty ones, say) does not walk 95,000 empty sections on every keystroke.
 */
export function sectionsWhere(model: PostmortemModel, id: SectionId, filter: SectionFilter, keep: (model: PostmortemModel, section: Section) => boolean): readonly Section[] {
  const list = sectionsFor(model, id);
  const d = derived.get(list);
  return filter.byList.get(list) ?? filtered(model, list, d && d.sections === model.sections ? d : undefined, filter, keep, id);
}

/**
 * sectionsWhere over every section of the model (any roles), kept per model; after an edit, patched from the answer for
 * the model before where the sections changed (see sectionChanges). With how it was patched, when it was (see
 * Patched): a rule that reports one finding per section of the answer may hand on the findings of the rest.
 */
export function allSectionsWhere(model: PostmortemModel, filter: SectionFilter, keep: (model: PostmortemModel, section: Section) => boolean): { readonly sections: readonly Section[]; readonly patched: Patched | undefined } {
  const list = model.sections;
  let out = filter.byList.get(list);
  if (!out) {
    const previous = previousModel(model);
    const w = previous ? changedWindow(list, previous.sections, built.get(model)?.wasAt) : undefined;
    out = filtered(model, list, w && { old: previous!.sections, from: w.from, newTo: w.newTo, sections: list }, filter, keep, undefined);
  }
  return { sections: out, patched: patchedAnswers.get(out) };
}

/** How an answer of sectionsWhere was made from `old`, the answer for the model before: see allSectionsWhere. */
export interface Patched {
  readonly old: readonly Section[];
  /** The answer is old[0, p0), then `between`, then old[p1, old.length). */
  readonly p0: number;
  readonly p1: number;
  readonly between: readonly Section[];
}
const patchedAnswers = new WeakMap<readonly Section[], Patched>();

/** The sections of `list` that pass `keep` (those serving `id`, if given), patched from the answer before when `d` says how. */
function filtered(model: PostmortemModel, list: readonly Section[], d: Derived | undefined, filter: SectionFilter, keep: (model: PostmortemModel, section: Section) => boolean, id: SectionId | undefined): readonly Section[] {
  let out: readonly Section[];
  const old = d && filter.byList.get(d.old);
  if (d && old) {
    const sections = model.sections;
    // As in movedByRole: the old answer's sections before the change (indices below `from`), those the change
    // removed or moved, then those after it (kept, at or above `newTo`).
    const p0 = firstIndex(old.length, (k) => old[k]!.index < d.from);
    let p1 = p0;
    while (p1 < old.length && !(old[p1]!.index >= d.newTo && sections[old[p1]!.index] === old[p1])) p1++;
    const between: Section[] = [];
    for (let i = d.from; i < d.newTo; i++) {
      const s = sections[i]!;
      if ((id === undefined || s.roles.includes(id)) && keep(model, s)) between.push(s);
    }
    out = p0 === 0 && p1 === old.length ? between : old.slice(0, p0).concat(between, old.slice(p1));
    patchedAnswers.set(out, { old, p0, p1, between });
  } else {
    const all: Section[] = [];
    for (let i = 0; i < list.length; i++) if (keep(model, list[i]!)) all.push(list[i]!);
    out = all;
  }
  filter.byList.set(list, out);
  return out;
}

/** Sections that an edit changed, at most, for byRoleOf to patch the lists before rather than make them again. */
const PATCH_SECTIONS = 64;

/**
 * The lists by role of the sections before, with the few sections an edit made new in their places, when each has the
 * roles of the one it replaces (typing in a section or its heading's line); else undefined. Copies of the lists, not
 * 65,000 pushes.
 */
function patchByRole(sections: readonly Section[], was: readonly Section[], before: Map<SectionId, readonly Section[]>): Map<SectionId, readonly Section[]> | undefined {
  if (sections.length !== was.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < sections.length; i++) {
    if (sections[i] === was[i]) continue;
    if (changed.length >= PATCH_SECTIONS || !sameItems(sections[i]!.roles, was[i]!.roles)) return undefined;
    changed.push(i);
  }
  const out = new Map(before);
  const copied = new Set<SectionId>();
  for (const i of changed) {
    for (const role of sections[i]!.roles) {
      let list = out.get(role) as Section[];
      if (!copied.has(role)) {
        const old = list;
        out.set(role, (list = list.slice()));
        derived.set(list, { old, from: changed[0]!, newTo: changed[changed.length - 1]! + 1, sections });
        copied.add(role);
      }
      // Lists are in section order: the section's place, by its index.
      const at = firstIndex(list.length, (k) => list[k]!.index < i);
      list[at] = sections[i]!;
    }
  }
  return out;
}

/**
 * A heading's text with its references resolved, cached by source and definitions: the model is rebuilt on every
 * edit, and the headings an edit did not touch give the same answer. Bounded.
 */
const resolvedHeadings = new Map<string, string | undefined>();

function resolvedHeadingText(source: string, used: readonly string[]): string | undefined {
  const defs = used.join('\n\n');
  const key = `${source}\u0000${defs}`;
  if (resolvedHeadings.has(key)) return resolvedHeadings.get(key);
  if (resolvedHeadings.size >= 10_000) resolvedHeadings.clear();
  const text = headingTextWithDefinitions(source, defs);
  resolvedHeadings.set(key, text);
  return text;
}

/** The first index in `sorted` (ascending) whose value is at least `min`. */
function lowerBound(sorted: ArrayLike<number>, min: number): number {
  return firstIndex(sorted.length, (i) => sorted[i]! < min);
}

/** Where entries may start: top-level list items (first and last line) and table rows, in line order. */
interface EntryLines {
  readonly itemStarts: ArrayLike<number>;
  readonly itemEnds: ArrayLike<number>;
  readonly rows: ArrayLike<number>;
}

const NO_ENTRY_LINES: EntryLines = { itemStarts: [], itemEnds: [], rows: [] };

/** The chunks' top-level list items, as two parallel lists of line numbers (no object per item), and table rows. */
function entryLines(chunks: readonly ParsedChunk[]): EntryLines {
  let items = 0;
  let rowCount = 0;
  for (let c = 0; c < chunks.length; c++) {
    items += chunks[c]!.data.items.length;
    rowCount += chunks[c]!.data.rows.length;
  }
  const itemStarts = new Int32Array(items);
  const itemEnds = new Int32Array(items);
  const rows = new Int32Array(rowCount);
  let i = 0;
  let r = 0;
  for (let c = 0; c < chunks.length; c++) {
    const { span, data } = chunks[c]!;
    const base = span.start;
    for (let k = 0; k < data.items.length; k++) {
      const it = data.items[k]!;
      itemStarts[i] = base + it.line;
      itemEnds[i++] = base + it.endLine;
    }
    for (let k = 0; k < data.rows.length; k++) rows[r++] = base + data.rows[k]!;
  }
  return { itemStarts, itemEnds, rows };
}

/**
 * The last model built with a cache (one per document). Its entries are handed on: an entry whose lines are the very
 * strings they were, at the same line numbers, is the same object again. spliceLines keeps the string of every line an
 * edit did not touch, so after an edit only the touched entries are new, and what was read from the others (kept per
 * Entry, or by position: see previousModel) is still good.
 */
const lastModel = new WeakMap<ChunkCache, PostmortemModel>();

/**
 * The model built before this one by the same IncrementalAnalyzer, if any: what reads the entries may keep its results
 * with a model and take those of the unchanged entries from the model before (the same Entry objects, in order).
 */
export function previousModel(model: PostmortemModel): PostmortemModel | undefined {
  return (model as KeptModel)[KEPT]?.previous;
}

/**
 * Lets the model before this one go: called once an analysis has read the model (its rules took what they reuse),
 * so a document keeps one model alive, not two.
 */
export function releasePrevious(model: PostmortemModel): void {
  changes.delete(model);
  const kept = (model as KeptModel)[KEPT];
  if (kept) kept.previous = undefined;
}

/** What a model keeps: the model built before it by the same IncrementalAnalyzer (until releasePrevious). */
interface Kept {
  previous: KeptModel | undefined;
}
const KEPT = Symbol('kept');
type KeptModel = PostmortemModel & { readonly [KEPT]?: Kept };

let stores = 0;
/** How many stores a section holds (one field each in BuiltSection). */
const SLOTS = 12;

/** What perSection keeps for one kind of result: a slot in every section's own results. */
export class SectionResults<T> {
  readonly id = stores++;
  /** Never read: ties T to the store, for perSection's callers. */
  declare readonly kind?: T;

  constructor() {
    if (this.id >= SLOTS) throw new Error(`A section holds ${SLOTS} stores: give BuiltSection another slot`);
  }
}

/**
 * A section made by buildModel. One that serves a role carries what perSection kept from its own lines, in private
 * fields (SlottedSection): handed on to the next model only when nothing about it changed (see Section), it hands on
 * its results with it, whatever the number of models in between, with no array per model and no lookup in the model
 * before. Private, so plain data (a test's deep comparison, JSON) sees only the Section's fields. A field per store,
 * not an array: an array per section took 112 bytes more than its slots (10 MB for 95,000 sections, copied by every
 * garbage collection). A section with no role, which few readers ask about, keeps its results in an array made
 * at the first: 524,000 empty "#" headings carried twelve empty fields each, 50 MB the collector copied.
 */
class BuiltSection implements Section {
  /** What readers derive from its heading's text (see heading-memo.ts); private, so no snapshot compares it. */
  readonly #memo: HeadingTextMemo | undefined;
  /** A section with no role: its results by store, once it keeps one. */
  #kept: unknown[] | undefined = undefined;
  constructor(
    readonly heading: Heading,
    readonly roles: readonly SectionId[],
    readonly contentRange: Range,
    public index: number,
    memo?: HeadingTextMemo,
  ) {
    this.#memo = memo;
  }

  /** A section of these roles: one with slots when it serves a role. */
  static make(heading: Heading, roles: readonly SectionId[], contentRange: Range, index: number, memo?: HeadingTextMemo): BuiltSection {
    return roles.length > 0 ? new SlottedSection(heading, roles, contentRange, index, memo) : new BuiltSection(heading, roles, contentRange, index, memo);
  }

  static memo(s: BuiltSection): HeadingTextMemo | undefined {
    return s.#memo;
  }

  /** The model's own section (buildModel's, in its place), else undefined: only those keep results. */
  static of(model: PostmortemModel, section: Section): BuiltSection | undefined {
    return section instanceof BuiltSection && model.sections[section.index] === section ? section : undefined;
  }

  /** What the section keeps for a store. */
  static get(s: BuiltSection, id: number): unknown {
    return s instanceof SlottedSection ? SlottedSection.read(s, id) : s.#kept?.[id];
  }

  /** Keeps a value for a store. */
  static set(s: BuiltSection, id: number, value: unknown): void {
    if (s instanceof SlottedSection) SlottedSection.write(s, id, value);
    else (s.#kept ??= new Array<unknown>(SLOTS).fill(undefined))[id] = value;
  }
}

/** A section that serves a role, with a slot per store (see BuiltSection). */
class SlottedSection extends BuiltSection {
  #s0: unknown = undefined;
  #s1: unknown = undefined;
  #s2: unknown = undefined;
  #s3: unknown = undefined;
  #s4: unknown = undefined;
  #s5: unknown = undefined;
  #s6: unknown = undefined;
  #s7: unknown = undefined;
  #s8: unknown = undefined;
  #s9: unknown = undefined;
  #s10: unknown = undefined;
  #s11: unknown = undefined;

  static read(s: SlottedSection, id: number): unknown {
    switch (id) {
      case 0: return s.#s0;
      case 1: return s.#s1;
      case 2: return s.#s2;
      case 3: return s.#s3;
      case 4: return s.#s4;
      case 5: return s.#s5;
      case 6: return s.#s6;
      case 7: return s.#s7;
      case 8: return s.#s8;
      case 9: return s.#s9;
      case 10: return s.#s10;
      default: return s.#s11;
    }
  }

  static write(s: SlottedSection, id: number, value: unknown): void {
    switch (id) {
      case 0: s.#s0 = value; break;
      case 1: s.#s1 = value; break;
      case 2: s.#s2 = value; break;
      case 3: s.#s3 = value; break;
      case 4: s.#s4 = value; break;
      case 5: s.#s5 = value; break;
      case 6: s.#s6 = value; break;
      case 7: s.#s7 = value; break;
      case 8: s.#s8 = value; break;
      case 9: s.#s9 = value; break;
      case 10: s.#s10 = value; break;
      default: s.#s11 = value;
    }
  }
}

/**
 * A result read from a section's own lines, computed once per section object: a section an edit left (the very
 * Section object of the previous model, see Section) keeps it. `compute` must read nothing outside the section's
 * lines, its heading and its roles, or say with `stillGood` whether what else it read is still the same. Never
 * undefined: use null for "none".
 */
export function perSection<T, A = undefined>(
  store: SectionResults<T>,
  model: PostmortemModel,
  section: Section,
  compute: (model: PostmortemModel, section: Section, arg: A) => T,
  arg: A,
  stillGood?: (kept: T, arg: A) => boolean,
): T {
  // Module-level functions and an argument, not closures: one closure per section and call was most of the garbage.
  const built = BuiltSection.of(model, section);
  if (built === undefined) return compute(model, section, arg);
  let value = BuiltSection.get(built, store.id) as T | undefined;
  if (value === undefined || (stillGood !== undefined && !stillGood(value, arg))) BuiltSection.set(built, store.id, (value = compute(model, section, arg)));
  return value;
}

/** What perSection kept for the section, if anything: for a reader that can use it but would not compute it. */
export function keptFor<T>(store: SectionResults<T>, model: PostmortemModel, section: Section): T | undefined {
  const built = BuiltSection.of(model, section);
  return built === undefined ? undefined : (BuiltSection.get(built, store.id) as T | undefined);
}

/**
 * What readers derive from the text of the section's heading, kept with the text's words (see heading-memo.ts);
 * undefined for a section the model did not build, or one of a line acting as a heading.
 */
export function headingMemo(model: PostmortemModel, section: Section): HeadingTextMemo | undefined {
  const built = BuiltSection.of(model, section);
  return built === undefined ? undefined : BuiltSection.memo(built);
}

/**
 * Keeps `value` for the section in place of what perSection kept: a rule keeps the finding `report` made of what it
 * computed (see RuleContext.report), so the next run reports that very object again.
 */
export function keepInstead<T>(store: SectionResults<T>, model: PostmortemModel, section: Section, value: T): void {
  const built = BuiltSection.of(model, section);
  if (built !== undefined) BuiltSection.set(built, store.id, value);
}

/** Which lines an edit changed, between the model before and this one. */
export interface LineChange {
  readonly previous: PostmortemModel;
  /** Lines before this one are the very strings they were. */
  readonly first: number;
  /**
   * From this line on, every line is the very string it was at the same number; Infinity when the edit added or
   * removed lines (the lines after it moved).
   */
  readonly unchangedFrom: number;
}

const changes = new WeakMap<PostmortemModel, LineChange>();

/**
 * The lines changed since previousModel(model), or undefined when there is none. Compares line strings with ===
 * (spliceLines keeps those an edit did not touch): a pass over two arrays of pointers, made once per model.
 */
export function changeSincePrevious(model: PostmortemModel): LineChange | undefined {
  const previous = previousModel(model);
  if (!previous) return undefined;
  let change = changes.get(model);
  if (!change) {
    const old = previous.lines;
    const lines = model.lines;
    const common = Math.min(old.length, lines.length);
    let first = 0;
    while (first < common && old[first] === lines[first]) first++;
    let unchangedFrom = Infinity;
    if (old.length === lines.length) {
      unchangedFrom = lines.length;
      while (unchangedFrom > first && old[unchangedFrom - 1] === lines[unchangedFrom - 1]) unchangedFrom--;
    }
    change = { previous, first, unchangedFrom };
    changes.set(model, change);
  }
  return change;
}

/** Models built with a cache: the next model of the same document may keep their entries. */
const keeping = new WeakSet<PostmortemModel>();

/**
 * Whether what is read from this model's entries is worth keeping per Entry (in a WeakMap keyed by it): only when an
 * IncrementalAnalyzer built it, so the next model of the document may hand back the same Entry objects. A one-off
 * analysis keeps nothing (a WeakMap entry per row, never read again, cost set-up and garbage-collection time).
 */
export function keepsEntries(model: PostmortemModel): boolean {
  return keeping.has(model);
}

/** The first entry of `entries` (sorted by start line) that starts at or after `line`. */
function entryAtOrAfter(entries: readonly Entry[], line: number): number {
  return firstIndex(entries.length, (i) => entries[i]!.range.start.line < line);
}

/**
 * Finds the previous analysis's entry for lines [start, end], when it is the same: same kind, same lines, every line
 * the same string. Asked in increasing line order within a section; `at` is where the last answer was.
 */
class Reuse {
  private at = 0;

  constructor(private readonly entries: readonly Entry[]) {}

  find(kind: Entry['kind'], start: number, end: number, lines: readonly string[]): Entry | undefined {
    const entries = this.entries;
    let i = this.at;
    // Usually the next entry; else a binary search (rows after items of a section go back to its start).
    if (!(i < entries.length && entries[i]!.range.start.line === start)) i = entryAtOrAfter(entries, start);
    const e = entries[i];
    if (e === undefined || e.range.start.line !== start) return undefined;
    this.at = i + 1;
    if (e.kind !== kind || e.range.end.line !== end) return undefined;
    const old = e.lines;
    for (let k = 0; k < old.length; k++) if (old[k] !== lines[start + k]) return undefined;
    return e;
  }
}

/**
 * A delimiter row ("|---|:--:|"): /^[\s:|-]+$/ holding a "-", by char codes. Asked for each row of a table and the
 * line below it: nearly every one is ruled out at its first characters, without a call of a search or a pattern.
 */
export function isDelimiterRow(text: string): boolean {
  let dash = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) dash = true;
    // ASCII white space here, the rest of \s only past ASCII: a letter or digit returns without a call.
    else if (c !== 124 && c !== 58 && c !== 32 && (c < 128 ? c < 9 || c > 13 : !isSpaceCode(c))) return false;
  }
  return dash;
}

/**
 * An item's text: its first line without `/^\s*(?:[-+*]|\d{1,9}[.)])\s+/` (white space, a list marker, white space),
 * read by character codes (the pattern, once per entry, was a tenth of reading a long timeline's entries).
 */
function itemText(first: string): string {
  let i = 0;
  while (i < first.length && isSpaceCode(first.charCodeAt(i))) i++;
  const c = first.charCodeAt(i);
  if (c === 45 || c === 43 || c === 42) i++;
  else {
    const digits = i;
    while (i - digits < 9 && first.charCodeAt(i) >= 48 && first.charCodeAt(i) <= 57) i++;
    const d = first.charCodeAt(i);
    if (i === digits || (d !== 46 && d !== 41)) return first;
    i++;
  }
  const marker = i;
  while (i < first.length && isSpaceCode(first.charCodeAt(i))) i++;
  return i === marker ? first : first.slice(i);
}

/** Where each section's entries are in a model's list of them (by section index: start, end; -1 for none). */
type EntrySpans = Int32Array;



/** The entries of the previous model of the document, with where each of its sections' entries are. */
interface EntriesBefore {
  readonly entries: readonly Entry[];
  readonly spans: EntrySpans | undefined;
  readonly sections: readonly Section[];
  /** Where each section of the new model was in `sections` (see Built.wasAt). */
  readonly wasAt: Int32Array | undefined;
  readonly lines: readonly string[];
}

/** The entries of `sections` (those of one role, in document order; see EntrySpans for `spans`, by section index). */
function collectEntries(
  sections: readonly Section[],
  headings: readonly Heading[],
  found: EntryLines,
  lines: readonly string[],
  prior: EntriesBefore | undefined,
  spans: EntrySpans | undefined,
): { entries: Entry[]; spans: EntrySpans | undefined } {
  if (sections.length === 0) return { entries: [], spans };
  const { itemStarts, itemEnds, rows } = found;
  // Made at the size it will have (at most every item and row, or as many as before and a few): one push per entry
  // grew the array of a long table again and again, copying it each time. Trimmed to `count` at the end.
  const out = new Array<Entry>(prior ? prior.entries.length + 16 : itemStarts.length + rows.length);
  let count = 0;
  const previous = prior?.entries;
  const reuse = previous && previous.length > 0 ? new Reuse(previous) : undefined;
  // Items and rows are in line order: each section reads only its own, found by binary search (reading all of them
  // for each section was quadratic in a document of many Timeline sections).
  let sorted = true;
  for (let r = 0; r < sections.length; r++) {
    const section = sections[r]!;
    const si = section.index;
    const from = section.heading.range.end.line + 1;
    const to = section.contentRange.end.line;
    const before = count;
    if (spans) spans[2 * si] = before;
    // A section handed on from the previous model (its lines and parse unchanged, see Section), with the line after
    // it unchanged too (a row's header is read from the line below): its entries, as they were. 36,000 Timeline
    // sections were each searched for their items on every keystroke.
    const was = prior?.spans;
    const at = prior?.wasAt ? prior.wasAt[si]! : -1; // where it was in the model before (it may have moved)
    if (was && at >= 0 && prior!.sections[at] === section && was[2 * at]! >= 0 && prior!.lines[to + 1] === lines[to + 1]) {
      for (let k = was[2 * at]!; k < was[2 * at + 1]!; k++) out[count++] = previous![k]!;
      if (spans) spans[2 * si + 1] = count;
      if (before > 0 && count > before && out[before - 1]!.range.start.line > out[before]!.range.start.line) sorted = false;
      continue;
    }
    for (let k = lowerBound(itemStarts, from); k < itemStarts.length && itemStarts[k]! <= to; k++) {
      const start = itemStarts[k]!;
      const end = Math.min(itemEnds[k]!, to);
      const same = reuse?.find('item', start, end, lines);
      if (same) {
        out[count++] = same;
        continue;
      }
      const first = lines[start] ?? '';
      out[count++] = {
        kind: 'item',
        range: range(start, 0, end, (lines[end] ?? '').length),
        text: itemText(first),
        lines: lines.slice(start, end + 1),
      };
    }
    const itemsEnd = count;
    let headerSkipped = false;
    const k0 = lowerBound(rows, from);
    // Headings among the rows (a row run under a setext underline is one), walked along with them: a Set of every
    // heading line, made for each analysis, cost more than the rows of a document of 65,000 headings.
    let h = k0 < rows.length && rows[k0]! <= to ? firstIndex(headings.length, (i) => headings[i]!.range.start.line < rows[k0]!) : headings.length;
    for (let k = k0; k < rows.length && rows[k]! <= to; k++) {
      const r = rows[k]!;
      while (h < headings.length && headings[h]!.range.start.line < r) h++;
      if (h < headings.length && headings[h]!.range.start.line === r) continue;
      const text = lines[r] ?? '';
      // The delimiter row and the header row above it are not entries.
      if (isDelimiterRow(text)) continue;
      if (!headerSkipped && isDelimiterRow(lines[r + 1] ?? '')) {
        headerSkipped = true;
        continue;
      }
      const same = reuse?.find('row', r, r, lines);
      out[count++] = same ?? { kind: 'row', range: range(r, 0, r, text.length), text, lines: [text] };
    }
    if (spans) spans[2 * si + 1] = count;
    // A section holds items and rows: each run is in line order; the section is in order when one run is empty.
    if (itemsEnd > before && count > itemsEnd) sorted = false;
    else if (before > 0 && count > before && out[before - 1]!.range.start.line > out[before]!.range.start.line) sorted = false;
  }
  out.length = count;
  // Sorted, the entries are no longer where the spans say: the next model reads every section again.
  if (!sorted) out.sort((a, b) => a.range.start.line - b.range.start.line);
  return { entries: out, spans: sorted ? spans : undefined };
}
