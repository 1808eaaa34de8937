// Heading text read without remark, shared by the fast chunk reader (parse.ts) and remark's (remark.ts), which is
// loaded lazily: what both need lives here.
import type { RawHeading } from './chunk';
import { classifyCharacter } from 'micromark-util-classify-character';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { isAsciiAlpha, isAsciiAlphanumeric, isAsciiDigit, isSpaceOrTab } from './text';

/**
 * Headings longer than this get their text without inline parsing (markup characters kept, escapes and entities
 * decoded): micromark's inline parsing is super-linear, so it only ever reads bounded pieces. A section heading is a
 * few words; the text is only matched against section names, word by word.
 */
export const MAX_INLINE_HEADING = 2000;

/**
 * Heading text that inline parsing may read differently from its source: escapes, code spans, emphasis, brackets
 * (links, images, references), "!" (a plain link's text is taken before the test, and "![a](b)" leaves "!a"), and
 * only such `&` and `<` as may start an entity or an autolink. Inline HTML (`<span>`) reads as its source, so a
 * heading whose only syntax is HTML is read without a parse (one per heading, about 100 µs of micromark's set-up
 * each, took 5 s for 1 MB of "## Impact <span>i</span>" lines).
 */
export const INLINE_SYNTAX = /[!*[\\\]_`]|&(?:#\d{1,7}|#X[\dA-F]{1,6}|[A-Z][\dA-Z]{1,31});|<(?:[A-Z][\d+.A-Z-]{1,31}:|[^\s<>@]*@)/i;
/** The same without brackets (an image's "!" kept): with no "](" and no definitions, brackets are literal text. */
export const INLINE_SYNTAX_BUT_BRACKETS = /[\\`*_!]|&(?:#\d{1,7}|#X[\dA-F]{1,6}|[A-Z][\dA-Z]{1,31});|<(?:[A-Z][\d+.A-Z-]{1,31}:|[^\s<>@]*@)/i;

/** Whether a character code is ASCII punctuation: what a backslash escapes. */
export function asciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/**
 * Scratch space of inlineText, reused by every call (it never calls itself, and reads nothing it does not set first):
 * arrays, maps and objects made per heading were a kilobyte of garbage each, most of what a document of 40,000
 * headings with inline syntax allocated. Grown when a heading needs more.
 */
const scratch = {
  /** Backtick runs, in order: where each starts, its length, and the index of the next run of the same length (or -1). */
  runAt: new Int32Array(16),
  runLength: new Int32Array(16),
  runNext: new Int32Array(16),
  /**
   * By run length: the first run of that length not yet passed (see closerAfter), -1 for none. Kept at -1 between
   * calls: a call sets only the entries of its runs' lengths, and puts them back.
   */
  firstOfLength: new Int32Array(64).fill(-1),
  /** Runs of `*` and `_` (see Delimiter flags below): marker, characters left, length, characters that closed, flags. */
  marker: new Int32Array(16),
  size: new Int32Array(16),
  length: new Int32Array(16),
  closed: new Int32Array(16),
  flags: new Uint8Array(16),
  /** Where each run's characters go in `pieces` (a placeholder until emphasis is resolved). */
  piece: new Int32Array(16),
  /**
   * The output, in order: text, and a placeholder for each run of `*` or `_`; `pieces` entries in use. Emptied after
   * each call, not cut short: an array's length set to 0 drops its storage, which the next call would grow again.
   */
  pieces: [] as string[],
  count: 0,
  /** The last answer for each of HTML_NEEDLES: searched from (-1: never), and where it was found (see needleAfter). */
  needleFrom: new Int32Array(6),
  needleAt: new Int32Array(6),
};

/** Delimiter flags: may open, may close, still active (not inside emphasis that closed around it), a NUL follows it. */
const OPEN = 1;
const CLOSE = 2;
const ACTIVE = 4;
const NUL_AFTER = 8;

/** `a` with room for at least `n` entries, its content kept. */
function roomFor<T extends Int32Array | Uint8Array>(a: T, n: number): T {
  if (a.length >= n) return a;
  const b = new (a.constructor as { new (n: number): T })(Math.max(n, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * What inline parsing reads in a heading's content (one line, or a setext heading's lines joined by line feeds, each
 * after the first with its indentation) whose only brackets are plain links and images and shortcut references (other
 * links and references are left to micromark). micromark's rules, read without it (40 to 100 µs a heading: 1 MB of
 * "## Fix `x` i" headings took 3 s with a parse per group of them), left to right as micromark tries its constructs:
 * - a run of n backticks opens a code span closed by the next run of exactly n (escapes do not work inside, so runs
 *   are counted in the raw text); a run with none is literal; a code span drops one space or line feed at each end
 *   when it has one at both and is not all of them; line feeds and indentation inside it are kept;
 * - a backslash before ASCII punctuation is that character; before a line feed, a hard break;
 * - a line feed elsewhere drops the spaces and tabs around it; after two spaces or more (no tab), a hard break;
 *   mdast-util-to-string reads a hard break as nothing (the line feed goes with it);
 * - a character reference (`&amp;`, `&#35;`, `&#x23;`: a name of the HTML list, up to 7 decimal or 6 hexadecimal
 *   digits, then ";") is its character, decoded as remark decodes it;
 * - "<" opens an autolink (a scheme of 2 to 32 characters, ":", then no space, "<" or control character up to ">";
 *   or an e-mail address), read as its content, else inline HTML (a tag, closing tag, comment, processing
 *   instruction, declaration or CDATA section), read as its source (see htmlTextEnd); else it is literal;
 * - an inline link whose text has no inline syntax and whose destination is plain (plainLinkEnd) is its text, an
 *   image ("!" before it) its alt text; a shortcut reference (`[a]`, `![a]`: see bracketEnd) is its label when
 *   `defined` says so, literal when it says not;
 * - a run of `*` or `_` may open or close emphasis by the characters around it (classifyCharacter, micromark's
 *   own), and each closer takes the nearest opener of its marker that the rule of three allows (micromark's
 *   resolveAllAttention: sizes as they are after earlier matches; runs inside a match are text). What emphasis uses
 *   is dropped; the rest of a run is text.
 * Nothing inside a code span, autolink, inline HTML or link is read further. NUL reads as U+FFFD, as micromark reads
 * it (and a run of `*` or `_` before it as remark reads it: see the output below). Any other opener ("[", "![") is
 * literal when no "]" closes it; undefined for content where one does (a full or collapsed reference, a link with
 * more in it, any reference when `defined` is not given or unsure): micromark reads it. The search for an opener
 * goes back over the runs: quadratic in a heading, as micromark is, and headings are cut to MAX_INLINE_HEADING before.
 * A "]" with no "[" before it is literal.
 * Allocates only the strings of its output (see scratch).
 */
export function inlineText(content: string, defined?: (label: string) => boolean | undefined): string | undefined {
  const s = scratch;
  const raw = content.includes('\u0000') ? content.replaceAll('\u0000', '\ufffd') : content;
  // The backtick runs, and for each the next of the same length (a pass from the right, by length).
  let runs = 0;
  for (let i = raw.indexOf('`'); i !== -1; i = raw.indexOf('`', i)) {
    const start = i;
    while (raw.charCodeAt(i) === 96) i++;
    if (runs === s.runAt.length) {
      s.runAt = roomFor(s.runAt, runs + 1);
      s.runLength = roomFor(s.runLength, runs + 1);
      s.runNext = roomFor(s.runNext, runs + 1);
    }
    s.runAt[runs] = start;
    s.runLength[runs] = i - start;
    if (i - start >= s.firstOfLength.length) {
      const wider = new Int32Array(Math.max(i - start + 1, 2 * s.firstOfLength.length)).fill(-1);
      wider.set(s.firstOfLength);
      s.firstOfLength = wider;
    }
    runs++;
  }
  for (let j = runs - 1; j >= 0; j--) {
    const l = s.runLength[j]!;
    s.runNext[j] = s.firstOfLength[l]!;
    s.firstOfLength[l] = j;
  }
  s.count = 0;
  try {
    return readInline(raw, content, defined);
  } finally {
    for (let j = 0; j < runs; j++) s.firstOfLength[s.runLength[j]!] = -1;
    // No piece kept: a slice of a heading may hold the whole document's text.
    for (let j = 0; j < s.count; j++) s.pieces[j] = '';
  }
}

/** inlineText's reading of `raw` (content with NUL replaced), its backtick runs found (see scratch). */
function readInline(raw: string, content: string, defined: ((label: string) => boolean | undefined) | undefined): string | undefined {
  const s = scratch;
  // A "[" with no "]" anywhere after it opens nothing micromark could close: literal ("[" then "`x" over "===" went to
  // micromark).
  const lastClose = raw.lastIndexOf(']');
  // Openers ("[", "![") read as literal so far: nothing read after them closed them (a "]" the loop meets unread,
  // while one is pending, would: the text then goes to micromark).
  let pending = 0;
  let delimiters = 0;
  s.needleFrom.fill(-1); // no answers yet for this text (see needleAt)
  let r = 0; // the first backtick run that ends after the reading position
  let from = 0; // the start of text not yet in pieces
  for (let i = 0; i < raw.length; ) {
    const c = raw.charCodeAt(i);
    if (c === 92 /* \ */) {
      if (i + 1 < raw.length && asciiPunctuation(raw.charCodeAt(i + 1))) {
        add(raw.slice(from, i));
        from = i + 1; // the escaped character is text with what follows
        i += 2;
      } else if (raw.charCodeAt(i + 1) === 10) {
        // A hard break (a backslash at a line's end), which mdast-util-to-string reads as nothing: its line ending
        // and the next line's indentation with it.
        add(raw.slice(from, i));
        i += 2;
        while (isSpaceOrTab(raw.charCodeAt(i))) i++;
        from = i;
      } else i++;
      continue;
    }
    if (c === 10 /* \n */) {
      // A line ending between lines of a paragraph: the spaces and tabs around it are dropped, and two spaces or more
      // (no tab) before it make a hard break, read as nothing, line ending included (micromark's line suffixes). No
      // construct but a code span (jumped over below, which keeps them) holds a line ending here.
      let e = i;
      let tab = false;
      while (e > from && isSpaceOrTab(raw.charCodeAt(e - 1))) if (raw.charCodeAt(--e) === 9) tab = true;
      add(raw.slice(from, e), tab || i - e < 2 ? '\n' : '');
      i++;
      while (isSpaceOrTab(raw.charCodeAt(i))) i++;
      from = i;
      continue;
    }
    if (c === 33 /* ! */ && raw.charCodeAt(i + 1) === 91 /* [ */ && i + 1 < lastClose) {
      // An image: its alt text (an unescaped "!" before a bracket is always read here).
      const end = bracketEnd(raw, i + 1, defined);
      if (end === -1) {
        // Literal unless a "]" read later closes it (see pending).
        pending++;
        i += 2;
        continue;
      }
      if (bracketText !== undefined) {
        add(raw.slice(from, i), bracketText);
        from = end;
      }
      i = end;
      continue;
    }
    if (c === 38 /* & */) {
      const end = characterReferenceEnd(raw, i);
      if (end === -1) i++;
      else {
        add(raw.slice(from, i), referenceValue);
        i = from = end;
      }
      continue;
    }
    if (c === 91 /* [ */ && i < lastClose) {
      // A plain inline link or shortcut reference is its text; any other bracket: micromark reads it. (A "!" before
      // it was escaped: an image is read above.)
      const end = bracketEnd(raw, i, defined);
      if (end === -1) {
        // An opener bracketEnd does not read: literal text if no "]" closes it, as none does when every "]" after it
        // is read with an opener of its own (a link or image in it, "[x ![i](j)"), or in a code span, autolink or
        // inline HTML; any other "]" closes the nearest opener, whatever follows it, and sends the text to micromark
        // (setext headings of "[x" and "![i](j)" lines went to micromark, 10 s for 256 KB).
        pending++;
        i++;
        continue;
      }
      if (bracketText !== undefined) {
        add(raw.slice(from, i), bracketText);
        from = end;
      }
      i = end;
      continue;
    }
    // A "]" read here closes the nearest pending opener (which micromark then reads), or nothing: every "[" before it
    // was read with its own "]" by bracketEnd. Literal text ("]x" lines among "-" went to micromark).
    if (c === 93 /* ] */ && pending > 0) return undefined;
    if (c === 60 /* < */) {
      const link = autolinkEnd(raw, i);
      if (link !== -1) {
        add(raw.slice(from, i), raw.slice(i + 1, link - 1));
        i = from = link;
        continue;
      }
      // Inline HTML is its source: it stays in the text that follows `from`.
      const html = htmlTextEnd(raw, i);
      i = html === -1 ? i + 1 : html;
      continue;
    }
    if (c === 42 /* * */ || c === 95 /* _ */) {
      const start = i;
      while (raw.charCodeAt(i) === c) i++;
      // micromark's tokenizeAttention: the characters before and after the run (none is whitespace).
      const previous = start > 0 ? raw.charCodeAt(start - 1) : null;
      const next = i < raw.length ? raw.charCodeAt(i) : null;
      const before = classify(previous);
      const after = classify(next);
      const open = !after || (after === 2 && !!before) || next === 42 || next === 95;
      const close = !before || (before === 2 && !!after) || previous === 42 || previous === 95;
      const d = delimiters++;
      if (d === s.marker.length) {
        s.marker = roomFor(s.marker, d + 1);
        s.size = roomFor(s.size, d + 1);
        s.length = roomFor(s.length, d + 1);
        s.closed = roomFor(s.closed, d + 1);
        s.flags = roomFor(s.flags, d + 1);
        s.piece = roomFor(s.piece, d + 1);
      }
      const opens = c === 42 ? open : open && (!!before || !close);
      const closes = c === 42 ? close : close && (!!after || !open);
      s.marker[d] = c;
      s.size[d] = s.length[d] = i - start;
      s.closed[d] = 0;
      s.flags[d] = (opens ? OPEN : 0) | (closes ? CLOSE : 0) | ACTIVE | (content.charCodeAt(i) === 0 ? NUL_AFTER : 0);
      add(raw.slice(from, start), '');
      s.piece[d] = s.count - 1;
      from = i;
      continue;
    }
    if (c !== 96) {
      i++;
      continue;
    }
    const start = i;
    while (raw.charCodeAt(i) === 96) i++;
    while (s.runAt[r]! + s.runLength[r]! <= start) r++;
    // The next run of the same length: the opener's, or (a run's rest after an escaped backtick) the first of that
    // length after it.
    const k = s.runAt[r] === start ? s.runNext[r]! : closerAfter(r, i - start);
    if (k === -1) continue; // never closed: literal backticks
    const close = s.runAt[k]!;
    let codeStart = i;
    let codeEnd = close;
    if (codeEnd - codeStart >= 2 && padding(raw.charCodeAt(codeStart)) && padding(raw.charCodeAt(codeEnd - 1)) && !allSpaces(raw, codeStart, codeEnd)) {
      codeStart++;
      codeEnd--;
    }
    add(raw.slice(from, start), raw.slice(codeStart, codeEnd));
    i = close + (i - start);
    from = i;
  }
  add(raw.slice(from));
  if (delimiters > 0) resolveEmphasis(delimiters);
  if (s.count === 1) return s.pieces[0]!;
  let out = '';
  for (let j = 0; j < s.count; j++) out += s.pieces[j]!;
  return out;
}

/**
 * micromark's classifyCharacter: 1 for white space (and the text's start or end, null), 2 for punctuation, 0 for
 * anything else; ASCII without its patterns (two tests of a one-character string per run of `*` or `_`).
 */
function classify(c: number | null): number {
  if (c === null) return 1;
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) ? 1 : asciiPunctuation(c) ? 2 : 0;
  return classifyCharacter(c) ?? 0;
}

/** Appends to the output (scratch's pieces). */
function add(a: string, b?: string): void {
  const s = scratch;
  s.pieces[s.count++] = a;
  if (b !== undefined) s.pieces[s.count++] = b;
}

/**
 * The first backtick run after run `r` of `length` (a run's rest, after an escaped backtick, opens a code span of its
 * own length), or -1. Asked for increasing `r`, so each length's chain of runs is walked once (firstOfLength).
 */
function closerAfter(r: number, length: number): number {
  const s = scratch;
  let k = s.firstOfLength[length]!;
  while (k !== -1 && k <= r) k = s.runNext[k]!;
  s.firstOfLength[length] = k;
  return k;
}

/** A space or line feed: what a code span drops one of at each end (micromark's space and lineEnding tokens). */
const padding = (c: number): boolean => c === 32 || c === 10;

/** Whether a code span's content is all padding (then none is dropped). */
function allSpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!padding(text.charCodeAt(i))) return false;
  return true;
}

/**
 * micromark's resolveAllAttention on the runs of `*` and `_` (scratch): each closer, in order, takes the nearest opener
 * it may, again while it has characters left; then each run's place in the pieces gets the characters it keeps.
 */
function resolveEmphasis(count: number): void {
  const { marker, size, length, closed, flags, piece, pieces } = scratch;
  for (let c = 0; c < count; c++) {
    while ((flags[c]! & (ACTIVE | CLOSE)) === (ACTIVE | CLOSE) && size[c]! > 0) {
      let o = c - 1;
      for (; o >= 0; o--) {
        const f = flags[o]!;
        if ((f & (ACTIVE | OPEN)) !== (ACTIVE | OPEN) || size[o] === 0 || marker[o] !== marker[c]) continue;
        if ((f & CLOSE || flags[c]! & OPEN) && size[c]! % 3 !== 0 && (size[o]! + size[c]!) % 3 === 0) continue;
        break;
      }
      if (o < 0) break;
      const use = size[o]! > 1 && size[c]! > 1 ? 2 : 1;
      size[o] -= use;
      size[c] -= use;
      closed[c] += use;
      for (let k = o + 1; k < c; k++) flags[k] &= ~ACTIVE;
    }
  }
  for (let d = 0; d < count; d++) {
    // A run that opened emphasis and has characters left, right before a NUL, is all text but what it closed:
    // remark slices it so (its end point, moved back, is inside the U+FFFD that stands for the NUL).
    const kept = flags[d]! & NUL_AFTER && size[d]! > 0 && size[d]! + closed[d]! < length[d]! ? length[d]! - closed[d]! : size[d]!;
    if (kept > 0) pieces[piece[d]!] = String.fromCharCode(marker[d]!).repeat(kept);
  }
}

/** The text of what bracketEnd read last: a link's or reference's, undefined for brackets that are literal text. */
let bracketText: string | undefined;

/**
 * The end of what starts at `i` ("["): a plain inline link (plainLinkEnd), or a shortcut reference (`[label]`, not
 * followed by "(" or "[", its label plain text on one line), which is a link when `defined` says its label is defined
 * and literal text when it says not (unsure, when it says undefined or is not given: the definitions are not known). Sets bracketText. -1 for anything else (a full or collapsed reference, a link that is not plain,
 * brackets in brackets), which micromark reads.
 */
function bracketEnd(s: string, i: number, defined: ((label: string) => boolean | undefined) | undefined): number {
  const link = plainLinkEnd(s, i);
  if (link !== -1) {
    bracketText = s.slice(i + 1, linkTextEnd);
    return link;
  }
  if (defined === undefined) return -1;
  let k = i + 1;
  let blank = true;
  for (; k < s.length && k - i <= 999; k++) {
    const c = s.charCodeAt(k);
    // Not in the label: \ ` * _ [ ] < > & ! and line endings (as in plainLinkEnd).
    if (c === 92 || c === 96 || c === 42 || c === 95 || c === 91 || c === 93 || c === 60 || c === 62 || c === 38 || c === 33 || c === 10 || c === 13) break;
    if (!isJsSpace(c)) blank = false;
  }
  const after = s.charCodeAt(k + 1);
  if (s.charCodeAt(k) !== 93 || blank || after === 40 || after === 91) return -1;
  const label = s.slice(i + 1, k);
  const reference = defined(normaliseLabel(label));
  if (reference === undefined) return -1;
  bracketText = reference ? label : undefined;
  return k + 1;
}

/** Where the text of the link plainLinkEnd read last ends (before its "]"). */
let linkTextEnd = 0;

/**
 * The end (after ")") of the inline link that starts at `i` ("["), or -1: here, a link whose text holds no inline
 * syntax and whose destination no white space (as /\s/ reads it), parenthesis, angle bracket, backslash, backtick
 * (code spans and autolinks bind before links) or control character, `[Tracked in #40885](https://…)`. Nothing in it
 * is read further, and micromark reads it as a link. Read by character codes: a sticky pattern's match array per link
 * was garbage. Sets linkTextEnd.
 */
function plainLinkEnd(s: string, i: number): number {
  let k = i + 1;
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    // Not in the text: \ ` * _ [ ] < > & ! and line feeds.
    if (c === 92 || c === 96 || c === 42 || c === 95 || c === 91 || c === 93 || c === 60 || c === 62 || c === 38 || c === 33 || c === 10) break;
  }
  if (s.charCodeAt(k) !== 93 || s.charCodeAt(k + 1) !== 40) return -1;
  linkTextEnd = k;
  for (k += 2; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 41 /* ) */) return k + 1;
    if (c < 0x20 || c === 0x7f || c === 40 || c === 60 || c === 62 || c === 92 || c === 96 || isJsSpace(c)) return -1;
  }
  return -1;
}

/** What /\s/ matches (and String.prototype.trim takes off): ECMAScript white space and line terminators. */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether a text holds an ASCII control character (which no link destination may hold). */
export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

const isAsciiHexDigit = (c: number): boolean => isAsciiDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/** micromark's asciiAtext: what an e-mail autolink's local part may hold. */
const isAsciiAtext = (c: number): boolean => (c >= 35 && c <= 39) || c === 42 || c === 43 || (c >= 45 && c <= 57) || c === 61 || c === 63 || (c >= 65 && c <= 90) || (c >= 94 && c <= 126);

/** The character of the reference characterReferenceEnd read last. */
let referenceValue = '';

/** The usual named references, decoded without a look-up among the 2,000 names (0.9 µs each, for its string key). */
function commonReference(name: string): string | undefined {
  switch (name) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'nbsp':
      return '\u00a0';
    default:
      return undefined;
  }
}

/**
 * The end (after ";") of the character reference that starts at `i` ("&"), or -1: micromark's characterReference, a
 * name of up to 31 letters and digits that is one of HTML's, "#" and 1 to 7 digits, or "#x" and 1 to 6 hex digits.
 * Sets referenceValue to its character, decoded as remark decodes it.
 */
function characterReferenceEnd(s: string, i: number): number {
  let k = i + 1;
  let max = 31;
  let test = isAsciiAlphanumeric;
  let base = 0; // 10 or 16 for a numeric reference
  if (s.charCodeAt(k) === 35 /* # */) {
    k++;
    const x = s.charCodeAt(k);
    if (x === 120 || x === 88) {
      k++;
      max = 6;
      test = isAsciiHexDigit;
      base = 16;
    } else {
      max = 7;
      test = isAsciiDigit;
      base = 10;
    }
  }
  const valueStart = k;
  while (k - valueStart < max && test(s.charCodeAt(k))) k++;
  if (k === valueStart || s.charCodeAt(k) !== 59 /* ; */) return -1;
  const value = s.slice(valueStart, k);
  if (base === 0) {
    const decoded = commonReference(value) ?? decodeNamedCharacterReference(value);
    if (decoded === false) return -1;
    referenceValue = decoded;
  } else referenceValue = decodeNumericCharacterReference(value, base);
  return k + 1;
}

/**
 * Text with its backslash escapes and character references decoded, and nothing else read: what remark gives for
 * text whose other inline syntax is not parsed (a heading longer than MAX_INLINE_HEADING). One pass: remark took 6 s
 * for a heading of 1 MB of backslashes, one escape node each.
 */
export function escapesAndReferences(s: string): string {
  // Into a buffer of character codes, turned into a string in blocks at the end: a string grown by one piece per
  // escape, or a list of them joined, grew faster than the text. Decoded text is never longer than its source.
  let out: Uint16Array | undefined;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */ && asciiPunctuation(s.charCodeAt(i + 1))) {
      out ??= copyOf(s, i);
      out[n++] = s.charCodeAt(++i); // the escaped character, not read again as syntax
      continue;
    }
    if (c === 38 /* & */) {
      const end = characterReferenceEnd(s, i);
      if (end !== -1) {
        out ??= copyOf(s, i);
        for (let k = 0; k < referenceValue.length; k++) out[n++] = referenceValue.charCodeAt(k);
        i = end - 1;
        continue;
      }
    }
    if (out) out[n] = c;
    n++;
  }
  if (!out) return s;
  const parts: string[] = [];
  for (let at = 0; at < n; at += 4096) parts.push(String.fromCharCode(...out.subarray(at, Math.min(n, at + 4096))));
  return parts.join('');
}

/** A buffer for escapesAndReferences, holding the text before `i` (nothing decoded in it). */
function copyOf(s: string, i: number): Uint16Array {
  const out = new Uint16Array(s.length);
  for (let k = 0; k < i; k++) out[k] = s.charCodeAt(k);
  return out;
}

/** The end (after ">") of the autolink that starts at `i` ("<"), or -1: micromark's autolink. */
function autolinkEnd(s: string, i: number): number {
  const k = i + 1;
  if (isAsciiAlpha(s.charCodeAt(k))) {
    // A scheme of 2 to 32 letters, digits, "+", "-" and ".", then ":", then anything but space, "<" and controls.
    let j = k + 1;
    while (j - k < 32 && isSchemeCharacter(s.charCodeAt(j))) j++;
    if (j - k >= 2 && s.charCodeAt(j) === 58 /* : */) {
      for (let m = j + 1; m < s.length; m++) {
        const c = s.charCodeAt(m);
        if (c === 62 /* > */) return m + 1;
        if (c === 32 || c === 60 || c < 32 || c === 127) return -1;
      }
      return -1;
    }
  }
  // An e-mail address: atext, "@", then labels of 1 to 63 letters, digits and "-" (not at either end) split by ".".
  let m = k;
  while (isAsciiAtext(s.charCodeAt(m))) m++;
  if (m === k || s.charCodeAt(m) !== 64 /* @ */) return -1;
  m++;
  for (;;) {
    const labelStart = m;
    if (!isAsciiAlphanumeric(s.charCodeAt(m))) return -1;
    while (m - labelStart < 63 && (isAsciiAlphanumeric(s.charCodeAt(m)) || s.charCodeAt(m) === 45)) m++;
    if (s.charCodeAt(m - 1) === 45) return -1;
    const c = s.charCodeAt(m);
    if (c === 62 /* > */) return m + 1;
    if (c !== 46 /* . */) return -1;
    m++;
  }
}

function isSchemeCharacter(c: number): boolean {
  return isAsciiAlphanumeric(c) || c === 43 || c === 45 || c === 46;
}

/**
 * What inline HTML that may run on (a comment, a quoted attribute value) is searched for: its end is searched from each
 * "<" (a line of `<a b="` read the rest of the line from each one), so the last answer for each is kept (scratch's
 * needleFrom and needleAt, reset for each text), and a search from inside the stretch it covered is answered from it.
 */
const HTML_NEEDLES = ['-->', ']]>', '>', '?>', '"', "'"] as const;
const COMMENT_END = 0;
const CDATA_END = 1;
const TAG_END = 2;
const INSTRUCTION_END = 3;
const DOUBLE_QUOTE = 4;
const SINGLE_QUOTE = 5;

/** `s.indexOf(HTML_NEEDLES[n], from)`, from the last answer when it holds (searches from positions that mostly go forward). */
function needleAt(s: string, n: number, from: number): number {
  const { needleFrom, needleAt: found } = scratch;
  const last = needleFrom[n]!;
  const at = found[n]!;
  if (last !== -1 && from >= last && (at === -1 || from <= at)) return at;
  const next = s.indexOf(HTML_NEEDLES[n]!, from);
  needleFrom[n] = from;
  found[n] = next;
  return next;
}

/** The end of needle `n` found at or after `from`, or -1. */
function needleEnd(s: string, n: number, from: number): number {
  const at = needleAt(s, n, from);
  return at === -1 ? -1 : at + HTML_NEEDLES[n]!.length;
}

/**
 * The end (after ">") of the inline HTML that starts at `i` ("<"), or -1: micromark's htmlText on one line. A
 * comment ("<!-->" and "<!--->" included), processing instruction, declaration, CDATA section, closing tag, or
 * opening tag with attributes (names, unquoted or quoted values).
 */
function htmlTextEnd(s: string, i: number): number {
  const c = s.charCodeAt(i + 1);
  if (c === 33 /* ! */) {
    const d = s.charCodeAt(i + 2);
    if (d === 45 /* - */) return s.charCodeAt(i + 3) === 45 ? needleEnd(s, COMMENT_END, i + 2) : -1;
    if (d === 91 /* [ */) return s.startsWith('CDATA[', i + 3) ? needleEnd(s, CDATA_END, i + 9) : -1;
    return isAsciiAlpha(d) ? needleEnd(s, TAG_END, i + 3) : -1;
  }
  if (c === 63 /* ? */) return needleEnd(s, INSTRUCTION_END, i + 2);
  if (c === 47 /* / */) {
    let k = i + 2;
    if (!isAsciiAlpha(s.charCodeAt(k))) return -1;
    while (isAsciiAlphanumeric(s.charCodeAt(k)) || s.charCodeAt(k) === 45) k++;
    while (isSpaceOrTab(s.charCodeAt(k))) k++;
    return s.charCodeAt(k) === 62 ? k + 1 : -1;
  }
  if (!isAsciiAlpha(c)) return -1;
  let k = i + 2;
  while (isAsciiAlphanumeric(s.charCodeAt(k)) || s.charCodeAt(k) === 45) k++;
  let d = s.charCodeAt(k);
  if (!(d === 47 || d === 62 || isSpaceOrTab(d))) return -1;
  // Between attributes (micromark's tagOpenBetween).
  for (;;) {
    while (isSpaceOrTab(s.charCodeAt(k))) k++;
    d = s.charCodeAt(k);
    if (d === 47 /* / */) return s.charCodeAt(k + 1) === 62 ? k + 2 : -1;
    if (!(d === 58 || d === 95 || isAsciiAlpha(d))) return d === 62 ? k + 1 : -1;
    // An attribute name, then maybe "=" and a value.
    k++;
    for (d = s.charCodeAt(k); isAsciiAlphanumeric(d) || d === 45 || d === 46 || d === 58 || d === 95; d = s.charCodeAt(++k));
    while (isSpaceOrTab(s.charCodeAt(k))) k++;
    if (s.charCodeAt(k) !== 61 /* = */) continue;
    k++;
    while (isSpaceOrTab(s.charCodeAt(k))) k++;
    d = s.charCodeAt(k);
    if (Number.isNaN(d) || d === 60 || d === 61 || d === 62 || d === 96) return -1;
    if (d === 34 || d === 39) {
      const close = needleAt(s, d === 34 ? DOUBLE_QUOTE : SINGLE_QUOTE, k + 1);
      if (close === -1) return -1;
      k = close + 1;
      d = s.charCodeAt(k);
      if (!(d === 47 || d === 62 || isSpaceOrTab(d))) return -1;
      continue;
    }
    for (; ; d = s.charCodeAt(++k)) {
      if (Number.isNaN(d) || d === 34 || d === 39 || d === 60 || d === 61 || d === 96) return -1;
      if (d === 47 || d === 62 || isSpaceOrTab(d)) break;
    }
  }
}

/**
 * HTML headings in `value`, whose first character is at (baseLine, baseChar): each `<hN …>` to the first `</hN>`
 * after it. Found with string searches that never go back (a lazy regular expression from each opening tag re-read
 * the rest of the block once per unclosed tag), and positions counted as the search goes (counting lines from the
 * start for each heading was quadratic: 40,000 headings took 13 s).
 */
export function htmlHeadings(value: string, baseLine: number, baseChar: number): RawHeading[] {
  const out: RawHeading[] = [];
  if (!/<h[1-6]/i.test(value)) return out;
  const lower = value.toLowerCase();
  let line = 0;
  let lineStart = 0;
  let counted = 0;
  const at = (offset: number): { line: number; character: number } => {
    for (let i = counted; i < offset; i++) {
      const c = value.charCodeAt(i);
      if (c === 10 || (c === 13 && value.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    counted = Math.max(counted, offset);
    return { line, character: offset - lineStart };
  };
  // Next ">" and next "</hN" at or after a position, remembered: the searches only move forward.
  let gt = -2;
  const closers: number[] = [-2, -2, -2, -2, -2, -2, -2];
  let from = 0;
  for (;;) {
    const open = lower.indexOf('<h', from);
    if (open === -1) break;
    const level = lower.charCodeAt(open + 2) - 48;
    const after = lower.charCodeAt(open + 3);
    if (level < 1 || level > 6 || !(after === 62 || after === 32 || after === 9 || after === 10 || after === 13 || after === 12)) {
      from = open + 2;
      continue;
    }
    if (gt !== -1 && gt < open + 3) gt = lower.indexOf('>', open + 3);
    if (gt === -1) break; // no ">" after this tag, so none after any later one
    const contentStart = gt + 1;
    // The first "</hN" followed by optional whitespace and ">" after the opening tag.
    let close = -1;
    let closeEnd = -1;
    let search = contentStart;
    while (closers[level] !== -1) {
      if (closers[level]! < search) closers[level] = lower.indexOf(`</h${level}`, search);
      const c = closers[level]!;
      if (c === -1) break;
      let k = c + 4;
      while (k < lower.length && /\s/.test(lower[k]!)) k++;
      if (lower.charCodeAt(k) === 62) {
        close = c;
        closeEnd = k + 1;
        break;
      }
      search = c + 4;
    }
    if (close === -1) {
      from = open + 2;
      continue;
    }
    const start = at(open);
    const startLine = start.line;
    const startChar = start.character;
    const end = at(closeEnd);
    out.push({
      depth: level,
      text: htmlHeadingText(value.slice(contentStart, close)),
      kind: 'html',
      line: baseLine + startLine,
      character: startLine === 0 ? baseChar + startChar : startChar,
      endLine: baseLine + end.line,
      endCharacter: end.line === 0 ? baseChar + end.character : end.character,
    });
    from = closeEnd;
  }
  return out;
}

/**
 * An HTML heading's text from its content: tags and comments dropped, entities decoded, whitespace runs as one space.
 * Kept for the texts seen last (bounded): a document of many HTML headings repeats their texts, and an edit reads the
 * whole HTML block again.
 */
const htmlTexts = new Map<string, string>();

function htmlHeadingText(content: string): string {
  let text = htmlTexts.get(content);
  if (text === undefined) {
    text = decodeEntities(stripTags(content)).replace(/\s+/g, ' ').trim();
    if (htmlTexts.size >= 10_000) htmlTexts.clear();
    if (content.length <= 1000) htmlTexts.set(content, text);
  }
  return text;
}

/** Text without HTML comments and tags, in one pass (replacing /<!--[\s\S]*?-->/ and /<[^>]*>/ from each "<"). */
function stripTags(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    const comment = html.startsWith('<!--', lt);
    const end = comment ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt + 1);
    if (end === -1) {
      if (comment) {
        // An unclosed comment stays; its "<" may still open a tag.
        out += html.slice(i, lt + 1);
        i = lt + 1;
        continue;
      }
      break; // no ">" after this "<", so none after any later one
    }
    out += html.slice(i, lt);
    i = end + (comment ? 3 : 1);
  }
  return out + html.slice(i);
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

// ---- References in headings: which definitions a heading may use (model.ts across chunks, remark.ts within one) ----

/** A reference label as CommonMark compares them: whitespace runs as one space, trimmed, case folded. */
export function normaliseLabel(label: string): string {
  // Printable ASCII without leading, trailing or doubled spaces (most labels) is only upper-cased: one string, not four.
  let plain = label.length > 0 && label.charCodeAt(0) !== 32 && label.charCodeAt(label.length - 1) !== 32;
  for (let i = 0; plain && i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c < 32 || c > 126 || (c === 32 && label.charCodeAt(i + 1) === 32)) plain = false;
  }
  return plain ? label.toUpperCase() : label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

/**
 * Whether a label is defined for remark's parse of a heading with the definitions it uses (remark.ts headingText):
 * undefined (unsure) for one whose definition's source holds a backslash, which that parse may not read back as a
 * definition (`[a]: <\\>`, from a destination of one backslash, is none). `byLabel` as definitionsByLabel gives it.
 */
export function definedIn(byLabel: ReadonlyMap<string, string> | undefined, label: string): boolean | undefined {
  const d = byLabel?.get(label);
  return d === undefined ? false : d.includes('\\') ? undefined : true;
}

/** Definitions (as Markdown source) by normalised label; the first of a label wins, as in CommonMark. */
export function definitionsByLabel(definitions: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of definitions) {
    const key = definitionLabel(d);
    if (key !== undefined && !map.has(key)) map.set(key, d);
  }
  return map;
}

/**
 * A definition's label (`[label]: …`), normalised: what `/^\[((?:[^\\\]]|\\[\s\S])*)\]:/` captures, read by
 * character codes (the pattern's match array, for each of 26,000 definitions at every analysis, was garbage).
 */
export function definitionLabel(definition: string): string | undefined {
  if (definition.charCodeAt(0) !== 91 /* [ */) return undefined;
  let i = 1;
  for (;;) {
    const c = definition.charCodeAt(i);
    if (c === 92 /* \ */) {
      if (i + 1 >= definition.length) return undefined;
      i += 2;
    } else if (c === 93 /* ] */) break;
    else if (i >= definition.length) return undefined;
    else i++;
  }
  return definition.charCodeAt(i + 1) === 58 /* : */ ? normaliseLabel(definition.slice(1, i)) : undefined;
}

/** The definitions a heading's source may refer to: those of every bracketed text in it, in one pass. */
export function definitionsUsed(source: string, byLabel: ReadonlyMap<string, string>): string[] {
  return definitionsFor(bracketedTexts(source).map(normaliseLabel), byLabel);
}

/** The definitions of normalised labels, each once, in order. */
export function definitionsFor(labels: readonly string[], byLabel: ReadonlyMap<string, string>): string[] {
  const used: string[] = [];
  // A Set only for many labels (a heading of 1,000 brackets); a search of a few is cheaper than making one.
  const seen = labels.length > 16 ? new Set<string>() : undefined;
  for (let i = 0; i < labels.length; i++) {
    const d = byLabel.get(labels[i]!);
    if (d === undefined || (seen ? seen.has(d) : used.includes(d))) continue;
    seen?.add(d);
    used.push(d);
  }
  return used;
}

/**
 * What `source.matchAll(/\[((?:[^[\]\\]|\\[\s\S])*)\]/g)` captures, in one pass: that pattern, tried again from
 * each escaped `\[` of a run left unclosed, read the rest of the run each time. An attempt that fails stops at an
 * unescaped `[` (or the end), and every start before it fails there too, so the search goes on from that `[`.
 */
export function bracketedTexts(source: string): string[] {
  // Made at the first text, as a literal of one (most headings have one): a push to an empty array makes 17 slots.
  let out: string[] | undefined;
  let i = source.indexOf('[');
  while (i !== -1) {
    let k = i + 1;
    let end = -1;
    while (k < source.length) {
      const c = source.charCodeAt(k);
      if (c === 92 /* \ */) {
        if (k + 1 >= source.length) break;
        k += 2;
        continue;
      }
      if (c === 93 /* ] */) {
        end = k;
        break;
      }
      if (c === 91 /* [ */) break;
      k++;
    }
    if (end !== -1) {
      const text = source.slice(i + 1, end);
      if (out) out.push(text);
      else out = [text];
      i = source.indexOf('[', end + 1);
    } else i = source.charCodeAt(k) === 91 ? k : -1;
  }
  return out ?? [];
}

/**
 * Heading text whose only syntax is brackets, not nested, none followed by "[" or "(": each "[label]" that names a
 * definition is a shortcut reference and reads as its label; the others are literal. Undefined for anything else
 * (remark reads it). Saves a remark parse per heading in a document of many such headings.
 */
export function shortcutReferences(text: string, byLabel: ReadonlyMap<string, string>): string | undefined {
  let out = '';
  let i = 0;
  for (;;) {
    const open = text.indexOf('[', i);
    const stray = text.indexOf(']', i);
    if (open === -1) return stray === -1 ? out + text.slice(i) : undefined;
    if (stray !== -1 && stray < open) return undefined;
    const close = text.indexOf(']', open + 1);
    const nested = text.indexOf('[', open + 1);
    if (close === -1 || (nested !== -1 && nested < close)) return undefined;
    const next = text[close + 1];
    if (next === '[' || next === '(') return undefined;
    const label = text.slice(open + 1, close);
    const defined = label.trim() !== '' && label.length <= 999 && byLabel.has(normaliseLabel(label));
    out += text.slice(i, open) + (defined ? label : text.slice(open, close + 1));
    i = close + 1;
  }
}
