// What the parser keeps of one chunk (parse.ts for the usual chunks, remark.ts for the rest), and a parsed chunk as
// the model caches it. Types only, in their own module, so the parsers and the model import them without a circle.
import type { ChunkSpan } from './scan';

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
  /**
   * The chunk's line where that construct starts, when it is at the top level; else -1 (none, or inside a list item
   * or block quote: then the next chunk's first line, never indented, see scan.ts, ends the container and the
   * construct with it, so the chunks need not be read together).
   */
  readonly openFrom: number;
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

export interface ParsedChunk {
  readonly span: ChunkSpan;
  readonly data: ChunkData;
  /** The chunk's text (line endings included): its key in the cache. */
  readonly key: string;
  /**
   * For a group of small chunks of the scan read as one (see groupChunks in model.ts), those chunks: its data is
   * theirs, read one by one, put together. Undefined for a chunk of the scan (or merged ones).
   */
  readonly pieces: readonly ChunkSpan[] | undefined;
}
