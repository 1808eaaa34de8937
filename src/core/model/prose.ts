// Reading the prose of sections: what counts as content, what is a placeholder, and text with code spans, quotes
// and HTML comments blanked out (same length, so columns stay exact).
import type { SectionId } from './catalogue';
import type { ParsedChunk, RawHeading } from './chunk';
import { keptFor, perSection, SectionFilter, sectionsWhere, type Heading, type PostmortemModel, type Section, SectionResults } from './model';
import { asciiFirst, codeMask, firstIndex, isSpaceCode } from './text';

export interface ProseLine {
  readonly line: number;
  /** The line with comments blanked out; code lines are left out entirely. */
  readonly text: string;
}

/** The line with HTML comments blanked out (same length); `inComment` carries a comment that spans lines. */
export function blankComments(raw: string, inComment: boolean): { text: string; inComment: boolean } {
  if (!inComment && !raw.includes('<!--')) return { text: raw, inComment: false }; // most lines
  let text = '';
  let open = inComment;
  let i = 0;
  while (i < raw.length) {
    if (open) {
      const end = raw.indexOf('-->', i);
      const stop = end === -1 ? raw.length : end + 3;
      text += ' '.repeat(stop - i);
      i = stop;
      if (end !== -1) open = false;
    } else {
      const start = raw.indexOf('<!--', i);
      if (start === -1) {
        text += raw.slice(i);
        break;
      }
      text += raw.slice(i, start);
      i = start;
      open = true;
    }
  }
  return { text, inComment: open };
}

/** Lines that hold a heading, per model (sectionLines skips them). */
/**
 * Which lines of a section are heading lines, asked in line order: the model's headings from the section's first line
 * on, found by a binary search (a mask of every line of the document, made on every edit, cost more than the few
 * sections an edit makes read again).
 */
class HeadingLines {
  private next: number;
  constructor(
    private readonly headings: readonly Heading[],
    from: number,
    guess = -1,
  ) {
    // The guess (the heading after the section's own) is taken when it is the answer, as it is for every section of
    // a model without labels: no search per section.
    if (guess >= 0 && guess <= headings.length && (guess === 0 || headings[guess - 1]!.range.end.line < from) && (guess === headings.length || headings[guess]!.range.end.line >= from)) {
      this.next = guess;
      return;
    }
    let lo = 0;
    let hi = headings.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (headings[mid]!.range.end.line < from) lo = mid + 1;
      else hi = mid;
    }
    this.next = lo;
  }
  /** Lines must be asked in increasing order. */
  has(line: number): boolean {
    const hs = this.headings;
    while (this.next < hs.length && hs[this.next]!.range.end.line < line) this.next++;
    const h = hs[this.next];
    return h !== undefined && h.range.start.line <= line;
  }
}
/** Where the heading after a section's own should be in model.headings (sections follow the headings, the title apart). */
const headingAfter = (model: PostmortemModel, section: Section): number => section.index + (model.title ? 2 : 1);

/** sectionLines per section: several rules read the same section's lines. */
const sectionLineCache = new SectionResults<readonly ProseLine[]>();

/** The lines of a section's body (subsections included, their heading lines excluded), comments blanked out. */
export function sectionLines(model: PostmortemModel, section: Section): readonly ProseLine[] {
  return perSection(sectionLineCache, model, section, readSectionLines, undefined);
}

const readSectionLines = (model: PostmortemModel, section: Section): readonly ProseLine[] => [...walkSection(model, section)];

/** sectionLines one at a time, for readers that may stop early (a long Timeline is mostly not read). */
export function* walkSection(model: PostmortemModel, section: Section): Generator<ProseLine> {
  let inComment = false;
  // A label with text after it ("- **Impact**: all requests failed") holds content on its own line.
  const from = section.heading.kind === 'label' ? section.contentRange.start.line : section.heading.range.end.line + 1;
  const headingLines = new HeadingLines(model.headings, from, headingAfter(model, section));
  for (let l = from; l <= section.contentRange.end.line && l < model.lines.length; l++) {
    if (headingLines.has(l)) {
      inComment = false; // a heading ends any comment its text or the lines before it opened (see chunkResult)
      continue;
    }
    const blanked = blankComments(model.lines[l] ?? '', inComment);
    inComment = blanked.inComment;
    yield { line: l, text: blanked.text };
  }
}

/** Placeholder words, lower-case: the whole of a placeholder line once its marker, checkbox and punctuation are gone. */
const PLACEHOLDER_WORDS = ['todo', 'tbd', 'tba', 'tbc', 'n/a', 'na', 'fixme', 'xxx', 'placeholder', 'to be written', 'to be determined', 'to be done', 'to be added', 'coming soon', '...', '…'];

function skipSpaces(t: string, i: number): number {
  while (i < t.length && isSpaceCode(t.charCodeAt(i))) i++;
  return i;
}

/** Where a run of the character `ch` (a code) starting at `i` ends (i itself when there is none). */
function skipRun(t: string, i: number, ch: number): number {
  while (t.charCodeAt(i) === ch) i++;
  return i;
}

/**
 * A character code as toLowerCase() gives it for the placeholder words' characters: ASCII capitals, and the Kelvin
 * sign (the one character outside ASCII whose lower case is a single ASCII letter). Any other code stays, and matches
 * no word's character unless it is that character.
 */
function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c === 0x212a ? 107 : c;
}

/** Does `t` hold `word` (lower-case) at `i`, ignoring case? */
function wordAt(t: string, i: number, word: string): boolean {
  if (t.length - i < word.length) return false;
  for (let k = 0; k < word.length; k++) if (lowerCode(t.charCodeAt(i + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** From `i`: nothing, or one placeholder word or mark (`-`, `???`, `<…>`, `[…]`, a word), then only punctuation. */
function placeholderFrom(t: string, i: number): boolean {
  if (onlyTrailingPunctuation(t, i)) return true;
  const c = t.charCodeAt(i);
  if (c === 45 || c === 63) return onlyTrailingPunctuation(t, skipRun(t, i, c)); // - ?
  if (c === 60 || c === 91) {
    // < [
    const close = t.indexOf(c === 60 ? '>' : ']', i + 1);
    if (close !== -1 && onlyTrailingPunctuation(t, close + 1)) return true;
  }
  // Only the words that start with this character (most lines start with one no word starts with).
  const words = wordsStartingWith(lowerCode(c));
  if (words === undefined) return false;
  for (let k = 0; k < words.length; k++) if (wordAt(t, i, words[k]!) && onlyTrailingPunctuation(t, i + words[k]!.length)) return true;
  return false;
}

/** PLACEHOLDER_WORDS by their first character's code (asked of every list item: 65,000 of them read all 16 words). */
const WORDS_BY_FIRST = new Map<number, string[]>();
for (const w of PLACEHOLDER_WORDS) {
  const list = WORDS_BY_FIRST.get(w.charCodeAt(0)) ?? [];
  list.push(w);
  WORDS_BY_FIRST.set(w.charCodeAt(0), list);
}
const wordsStartingWith = (code: number): readonly string[] | undefined => WORDS_BY_FIRST.get(code);

/** `\s*[.:!]?\s*\|?\s*$` from `i`. */
function onlyTrailingPunctuation(t: string, i: number): boolean {
  i = skipSpaces(t, i);
  const c = t.charCodeAt(i);
  if (c === 46 || c === 58 || c === 33) i = skipSpaces(t, i + 1); // . : !
  if (t.charCodeAt(i) === 124) i = skipSpaces(t, i + 1); // |
  return i === t.length;
}

/** The length of `/^(?:[-*+|]|\d+[.)])/` at the start of `t`, or 0 when it does not match. */
function markerLength(t: string): number {
  const c = t.charCodeAt(0);
  if (c === 45 || c === 42 || c === 43 || c === 124) return 1; // - * + |
  let i = 0;
  while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
  const after = t.charCodeAt(i);
  return i > 0 && (after === 46 || after === 41) ? i + 1 : 0; // . )
}

/**
 * The trimmed line is, in order and each optional: a list marker or "|", a checkbox, one placeholder (TODO, TBD,
 * N/A, "-", "???", "<name>", "[link text]"…), one of ".:!", a closing "|". Read left to right with at most two
 * choices at each step, in time linear in the line (a single regular expression for this took O(n⁴) on a line of
 * spaces); on ordinary text it stops at the first word.
 */
function isPlaceholderText(t: string): boolean {
  const marker = markerLength(t);
  for (let choice = 0; choice < (marker > 0 ? 2 : 1); choice++) {
    const afterMarker = skipSpaces(t, choice === 0 ? 0 : marker);
    if (placeholderFrom(t, afterMarker)) return true;
    const box = t.charCodeAt(afterMarker + 1);
    if (t.charCodeAt(afterMarker) === 91 && (box === 32 || box === 120 || box === 88) && t.charCodeAt(afterMarker + 2) === 93 && placeholderFrom(t, skipSpaces(t, afterMarker + 3))) {
      return true;
    }
  }
  return false;
}

/** Only white space, ":", "|" and "-" (native: a long run of spaces is read faster than by a loop). */
const RULE_MARKS = /^[\s:|-]*$/;

/** A line that holds nothing a reader could use: blank, a bare list marker, or placeholder text such as TODO or TBD. */
export function isPlaceholderLine(text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  return isPlaceholderText(t) || RULE_MARKS.test(t);
}

/** True when the section holds no real content (code blocks count as content). */
export function isEmptySection(model: PostmortemModel, section: Section): boolean {
  return perSection(emptySections, model, section, computeIsEmpty, undefined);
}

/** isEmptySection per model, by section index: several rules ask about the same section. */
const emptySections = new SectionResults<boolean>();

/**
 * The sections serving a role that hold content, in document order, kept per list of the role's sections (see
 * sectionsWhere): after an edit only the sections it made are asked, not each of 95,000 empty ones.
 */
export function sectionsWithContent(model: PostmortemModel, id: SectionId): readonly Section[] {
  return sectionsWhere(model, id, withContent, hasContent);
}

const withContent = new SectionFilter();
const hasContent = (model: PostmortemModel, section: Section): boolean => !isEmptySection(model, section);

function isContentLine(model: PostmortemModel, line: number, text: string): boolean {
  if (model.codeLines.has(line) && !/^\s*(?:<!--|-->)/.test(model.lines[line] ?? '') && text.trim() !== '') return true;
  return !isPlaceholderLine(text);
}

function computeIsEmpty(model: PostmortemModel, section: Section): boolean {
  // Stops at the first line with content: reading a long Timeline to its end only to find its first entry is waste.
  const cached = keptFor(sectionLineCache, model, section);
  if (cached) return !cached.some(({ line, text }) => isContentLine(model, line, text));
  // walkSection's lines, with a line wholly inside a comment passed over unread (it blanks to spaces: no content).
  let inComment = false;
  const from = section.heading.kind === 'label' ? section.contentRange.start.line : section.heading.range.end.line + 1;
  const headingLines = new HeadingLines(model.headings, from, headingAfter(model, section));
  for (let l = from; l <= section.contentRange.end.line && l < model.lines.length; l++) {
    if (headingLines.has(l)) {
      inComment = false; // a heading ends any comment its text or the lines before it opened (see chunkResult)
      continue;
    }
    const raw = model.lines[l] ?? '';
    if (!inComment && wholeComment(raw)) continue; // blanks to spaces: no content (a section of 64,000 such lines)
    if (inComment ? !raw.includes('-->') : !raw.includes('<!--')) {
      // Wholly inside a comment (blanks to spaces: no content), or outside any (the line as it is).
      if (!inComment && isContentLine(model, l, raw)) return false;
      continue;
    }
    const blanked = blankComments(raw, inComment);
    inComment = blanked.inComment;
    if (isContentLine(model, l, blanked.text)) return false;
  }
  return true;
}

/** A line that is one HTML comment and white space: what blankComments makes all spaces, with no comment left open. */
function wholeComment(raw: string): boolean {
  let s = 0;
  while (raw.charCodeAt(s) === 32 || raw.charCodeAt(s) === 9) s++;
  if (!raw.startsWith('<!--', s)) return false;
  const end = raw.indexOf('-->', s); // from the opener, as blankComments reads it ("<!-->" is a whole comment)
  if (end === -1) return false;
  for (let i = end + 3; i < raw.length; i++) if (raw.charCodeAt(i) !== 32 && raw.charCodeAt(i) !== 9) return false;
  return true;
}

/**
 * `text` with its code spans blanked: a run of n backticks up to the next run of exactly n (CommonMark); a run with no
 * partner stays. Linear: each run is looked at once, with the next run of each length found from the right.
 */
function blankCodeSpans(text: string): string {
  if (!text.includes('`')) return text;
  const runs: Array<{ start: number; end: number }> = [];
  for (let i = text.indexOf('`'); i >= 0; i = text.indexOf('`', i)) {
    const start = i;
    while (text[i] === '`') i++;
    runs.push({ start, end: i });
  }
  const partner: number[] = new Array<number>(runs.length).fill(-1);
  const nextOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const len = runs[r]!.end - runs[r]!.start;
    partner[r] = nextOfLength.get(len) ?? -1;
    nextOfLength.set(len, r);
  }
  let out = '';
  let from = 0;
  for (let r = 0; r < runs.length; r++) {
    const close = partner[r]!;
    if (close < 0) continue;
    out += text.slice(from, runs[r]!.start) + ' '.repeat(runs[close]!.end - runs[r]!.start);
    from = runs[close]!.end;
    r = close;
  }
  return out + text.slice(from);
}

/** The line with inline code spans and quoted passages blanked out (blameless language is allowed there). */
export function withoutQuotesAndCode(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  if (/^\s*>/.test(text)) return blank(text);
  return blankCodeSpans(text)
    .replace(/"[^"\n]*"/g, blank)
    // An opening quote ends the search too, so a line of unclosed “ costs one pass, not one per quote.
    .replace(/“[^“”\n]*”/g, blank)
    .replace(/(^|[\s(])'[^'\n]*'(?=$|[\s).,;:!?])/g, (m, lead: string) => lead + blank(m.slice(lead.length)));
}

/** Sentences in a block of prose (a simple splitter: ., ! or ? followed by a space or the end). */
export function sentences(text: string): string[] {
  const cleaned = text.replace(/\s+/g, ' ').trim();
  if (cleaned === '') return [];
  return cleaned.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/).filter((s) => s.trim().length > 0);
}

const hasLetterOrDigit = asciiFirst(/[A-Z0-9]/i, () => /[\p{L}\p{N}]/u);

export function words(text: string): string[] {
  return text.split(/\s+/).filter(hasLetterOrDigit);
}

interface ChunkResult<T> {
  readonly items: readonly T[];
  /** An HTML comment is still open at the chunk's end. */
  readonly inComment: boolean;
}

/** The usual result, shared: nothing found, no comment left open. Most chunks keep this one. */
const NOTHING: ChunkResult<never> = { items: [], inComment: false };
const NOTHING_IN_COMMENT: ChunkResult<never> = { items: [], inComment: true };

/**
 * Every prose line of the document outside front matter and code, with HTML comments blanked out, chunk by chunk:
 * for rules that read every line on their own. `read` gets a chunk's prose lines (chunk-relative line numbers), and
 * its result is kept with the chunk's cached data under `key`, so after an edit only the chunks the edit touched are
 * read again; it must not keep the array it is given nor its line objects (the next chunk's lines go in them), and is
 * not called for a chunk without prose lines. `emit` gets each item with the chunk's first line. `key` must stand
 * for everything besides the chunk's text that `read` depends on (such as configured phrases); the same string object
 * each time spares comparing its characters at every chunk.
 */
export function eachProseChunk<T>(
  model: PostmortemModel,
  key: string,
  read: (lines: readonly ProseLine[]) => readonly T[],
  emit: (base: number, item: T) => void,
): void {
  let inComment = false;
  const scratch: Scratch = { lines: [], used: 0 };
  const chunks = model.chunks;
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    if (chunk.span.frontMatter) continue;
    const result: ChunkResult<T> = chunkResult(model, chunk, key, read, inComment, false, scratch);
    const items = result.items;
    for (let k = 0; k < items.length; k++) emit(chunk.span.start, items[k]!);
    inComment = result.inComment;
  }
  releaseScratch(scratch);
}

/**
 * Whether a line of the section's content, as sectionLines reads it (comments blanked, code lines too, heading lines
 * left out), passes `test`: read chunk by chunk like eachProseChunk, each chunk's answer kept with it under `key`
 * (which stands for `test`), so an edit in a section of a million lines reads again only the chunks it touched, where
 * reading the section's lines was a pass over all of them on every keystroke.
 */
export function someSectionLine(model: PostmortemModel, section: Section, key: string, test: (text: string) => boolean): boolean {
  const from = section.heading.kind === 'label' ? section.contentRange.start.line : section.heading.range.end.line + 1;
  const to = Math.min(section.contentRange.end.line, model.lines.length - 1);
  if (from > to) return false;
  const headingLines = new HeadingLines(model.headings, from, headingAfter(model, section));
  const read = (lines: readonly ProseLine[]): readonly number[] => {
    let out: number[] | undefined;
    for (let k = 0; k < lines.length; k++) if (test(lines[k]!.text)) (out ??= []).push(lines[k]!.line);
    return out ?? NOTHING.items;
  };
  const chunks = model.chunks;
  const scratch: Scratch = { lines: [], used: 0 };
  let inComment = false;
  let found = false;
  for (let c = firstIndex(chunks.length, (i) => chunks[i]!.span.end <= from); c < chunks.length && !found; c++) {
    const chunk = chunks[c]!;
    const base = chunk.span.start;
    if (base > to) break;
    if (chunk.span.frontMatter) continue;
    const result: ChunkResult<number> = chunkResult(model, chunk, key, read, inComment, true, scratch);
    const items = result.items;
    for (let k = 0; k < items.length && !found; k++) {
      const line = base + items[k]!;
      if (line >= from && line <= to && !headingLines.has(line)) found = true;
    }
    inComment = result.inComment;
  }
  releaseScratch(scratch);
  return found;
}

/** One array for every chunk's lines, written over and cut to each chunk's count, and how many pool objects it used. */
interface Scratch {
  readonly lines: ProseLine[];
  used: number;
}

/** The pool keeps no text of the document once read. */
function releaseScratch(scratch: Scratch): void {
  for (let k = 0; k < scratch.used; k++) LINE_POOL[k]!.text = '';
}

/**
 * What `read` makes of a chunk's prose lines (see eachProseChunk), kept with the chunk's data under `key` and the
 * comment state at its start. `withCode`: code lines are read too, with comments blanked (as sectionLines reads them).
 */
function chunkResult<T>(
  model: PostmortemModel,
  chunk: ParsedChunk,
  key: string,
  read: (lines: readonly ProseLine[]) => readonly T[],
  inComment: boolean,
  withCode: boolean,
  scratch: Scratch,
): ChunkResult<T> {
  const { span, data, key: source } = chunk;
  // Kept flat, as [key, result with no comment open at the start, result inside a comment, key, …]: one small
  // array per chunk, since a full analysis of a long document fills tens of thousands of them.
  let slots = data.lineResults;
  let at = 0;
  if (!slots) data.lineResults = slots = [key, undefined, undefined]; // exactly three: not grown from empty
  else if ((at = slots.indexOf(key)) === -1) at = slots.push(key, undefined, undefined) - 3;
  const slot = at + (inComment ? 2 : 1);
  const kept = slots[slot] as ChunkResult<T> | undefined;
  if (kept) return kept;
  // One array for every chunk's lines, written over and cut to each chunk's count: `read` reads it and keeps none of
  // it. An array per chunk (or one emptied per chunk, which lets its storage go) was most of this function's garbage
  // on a long table of one-line chunks.
  const lines = scratch.lines;
  let n = 0;
  const code = withCode ? undefined : codeMask(data.codeLines, span.end - span.start);
  let open: boolean = inComment;
  // A chunk whose text opens no comment, with none open before it, has none to blank: one search of its text,
  // not one per line (a chunk of 160,000 lines).
  const plain = !open && !source.includes('<!--');
  // A heading's text is inline: a comment it opens ends with it ("## Impact <!--" leaves the lines after it alone).
  // Sections are read from the line after their heading with no comment open (walkSection), whatever the chunk
  // holds before: a heading's "<!--" read as open on, from the chunk's start, blanked the next section's lines in one
  // analysis and not in the next (its answer kept with the section).
  const headings = plain ? NO_HEADINGS : data.headings;
  let h = 0;
  for (let l = 0; l < span.end - span.start; l++) {
    const raw = model.lines[span.start + l] ?? '';
    let text = raw;
    if (plain || (!open && !raw.includes('<!--'))) {
      // Most lines: no comment to blank, and none left open (a code line is left out unless it holds "-->").
      if (code?.[l] && !raw.includes('-->')) continue;
    } else {
      // A code line without comment marks is left out and leaves a comment as it was: no need to blank it.
      if (code?.[l] && !raw.includes('<!--') && !raw.includes('-->')) continue;
      const blanked = blankComments(raw, open);
      open = blanked.inComment;
      text = blanked.text;
      if (open) {
        while (h < headings.length && headings[h]!.endLine < l) h++;
        const heading = headings[h];
        if (heading !== undefined && heading.line <= l && (heading.kind === 'atx' || heading.kind === 'setext')) open = false;
      }
    }
    // The line objects are the pool's, written over: 160,000 of them for a chunk of a long timeline were made
    // again on every analysis.
    let line = LINE_POOL[n];
    if (line) {
      line.line = l;
      line.text = text;
    } else LINE_POOL.push((line = { line: l, text }));
    if (n < lines.length) lines[n] = line;
    else lines.push(line);
    n++;
    if (n > scratch.used) scratch.used = n;
  }
  let items: readonly T[] = NOTHING.items;
  if (n > 0) {
    if (lines.length !== n) lines.length = n;
    items = read(lines);
  }
  const result: ChunkResult<T> = items.length > 0 ? { items, inComment: open } : open ? NOTHING_IN_COMMENT : NOTHING;
  slots[slot] = result;
  return result;
}

const NO_HEADINGS: readonly RawHeading[] = [];

/** The line objects eachProseChunk hands to `read`, made once and written over (see there). */
const LINE_POOL: Array<{ line: number; text: string }> = [];
