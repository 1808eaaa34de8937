// What a section's lines say, whatever its heading: per line, a few flags (a timestamped entry, a follow-up with an
// owner or ticket, a number of users, a cause, a fix the team made). Flags are computed once per chunk and kept with
// the chunk's cached parse, so after an edit only the edited chunks are read again; a section's signals are sums
// over its lines.
import type { ParsedChunk } from './chunk';
import { warmUp } from './regex-warmup';

export const SIGNAL = {
  /** A line that holds text (not blank, not code). */
  content: 1,
  /** A line that starts with a time or a date: a timeline entry. */
  time: 2,
  /** A follow-up: a checkbox, an owner, a ticket key or link, "will", "TODO". */
  action: 4,
  /** Numbers of users, requests, money or a percentage: damage. */
  impact: 8,
  /** "because", "caused by", "due to", "bug in". */
  cause: 16,
  /** Something the team did to fix it: "we rolled back", "restarted". */
  fix: 32,
  /** A person or a responder: "@name", "responded", "on-call", "paged". */
  person: 64,
  /** A line that could stand as a heading: bold on its own ("**Root causes**:"), or a bold label ("- **Impact**: …"). */
  label: 128,
} as const;

// Some patterns below are split where one regular expression would join optional parts to long alternations: V8
// takes several milliseconds to compile such a pattern on first use, which the first analysis of a document pays at
// activation (cold: 17 ms for the joined patterns on a 20 KB post-mortem, 5 ms split). Each piece compiles in a fraction
// of a millisecond, and the code between them tries exactly the positions the joined pattern would have tried, so every
// line gets the same flags (test/unit/signals.test.ts compares them with the joined patterns).

/** White space as `\s` reads it. */
const isSpace = (c: number): boolean =>
  (c >= 9 && c <= 13) || c === 32 || c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function skipSpaces(line: string, i: number): number {
  const c = line.charCodeAt(i);
  if (c > 32 && c < 127) return i; // most lines start with a printable ASCII character
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|fevr|févr|mars|avr|mai|juin|juil|aout|août|déc)[a-zé]*\\.?';
/**
 * A time or date at the start of a line, after a list marker, a table pipe or emphasis:
 * `^\s*(?:(?:[-*+]|\d{1,3}[.)])\s+)?(?:\|\s*)?(?:(?:\*\*|__|[*_`])\s*)?\[?` then TIME_AT. timeStart() reads the prefix.
 */
const TIME_AT = new RegExp(
  `\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[:h]\\d{2}|\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|${MONTH} \\d{1,2}\\b|\\d{1,2}(?:st|nd|rd|th)? ${MONTH}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? \\d{1,2}|t ?[+-] ?\\d+|day \\d+|\\d{1,2} ?(?:am|pm)\\b`,
  'iy',
);

/**
 * Where TIME_AT may start: after leading white space, an optional list marker and the white space after it, an
 * optional table pipe and white space, optional emphasis and white space, an optional "[". Each optional part either
 * is absent or takes all the white space after it (what follows never starts with white space), so these positions
 * are exactly the ends the prefix pattern can reach.
 */
function timeStart(line: string): boolean {
  const p0 = skipSpaces(line, 0);
  const c = line.charCodeAt(p0);
  // Most lines start with a letter: no marker, pipe, emphasis or bracket, so that is the one place to try.
  if (!(c === 45 || c === 42 || c === 43 || c === 124 || c === 95 || c === 96 || c === 91 || isDigit(c))) {
    TIME_AT.lastIndex = p0;
    return TIME_AT.test(line);
  }
  // The candidate positions, in a buffer kept between calls (no array per line of a long table).
  const ps = STARTS;
  ps[0] = p0;
  let n = 1;
  let marker = -1;
  if (c === 45 || c === 42 || c === 43) marker = p0 + 1; // - * +
  else if (isDigit(c)) {
    let d = p0;
    while (d < line.length && isDigit(line.charCodeAt(d))) d++;
    const m = line.charCodeAt(d);
    if (d - p0 <= 3 && (m === 46 || m === 41)) marker = d + 1; // . )
  }
  if (marker >= 0 && isSpace(line.charCodeAt(marker))) ps[n++] = skipSpaces(line, marker);
  for (let k = 0, end = n; k < end; k++) if (line.charCodeAt(ps[k]!) === 124) n = addStart(n, skipSpaces(line, ps[k]! + 1)); // |
  for (let k = 0, end = n; k < end; k++) {
    const p = ps[k]!;
    const e = line.charCodeAt(p);
    if (e !== 42 && e !== 95 && e !== 96) continue; // * _ `
    n = addStart(n, skipSpaces(line, p + 1));
    if (e !== 96 && line.charCodeAt(p + 1) === e) n = addStart(n, skipSpaces(line, p + 2)); // ** __
  }
  for (let k = 0, end = n; k < end; k++) if (line.charCodeAt(ps[k]!) === 91) n = addStart(n, ps[k]! + 1); // [
  for (let k = 0; k < n; k++) {
    TIME_AT.lastIndex = ps[k]!;
    if (TIME_AT.test(line)) return true;
  }
  return false;
}

/**
 * timeStart's candidate positions: at most 24 (the start and after a marker: 2; after a pipe from each: 4; after
 * emphasis, two ways, from each: 12; after "[" from each: 24).
 */
const STARTS = new Int32Array(24);

/** Adds `p` to the first `n` positions of STARTS unless it is there; the new count. */
function addStart(n: number, p: number): number {
  for (let k = 0; k < n; k++) if (STARTS[k] === p) return n;
  STARTS[n] = p;
  return n + 1;
}

const ACTION = /^\s*[-*+]\s+\[[ xX]\]|\bTODO\b|@[A-Za-z][\w-]*|\b[A-Z][A-Z0-9]+-\d+\b|(?:^|\s)#\d+\b|\/(?:issues|pull|browse)\/|\bwill\b|\b(?:owner|assignee|assigned to)\b|\bdue\s*(?:date|:|by)\b/;

/**
 * Numbers of users, requests, money or a percentage. As one pattern (case-insensitive):
 *   \d\s?%|[$€£]\s?\d
 *   |(?<![\d,.])[,.]*\d[\d,.]*\s?(?:k|m|million|thousand|hundred)?\s(?:\w+\s)?(?:users?|…|jobs?)\b   (impactCount)
 *   |\b(?:users?|customers?|visitors?)\s+(?:\w+\s+){0,3}(?:were|…|experienced)\b
 *   |\b(?:unavailable|degraded|outage|downtime)\b
 */
const IMPACT_MONEY = /\d\s?%|[$€£]\s?\d/;
const IMPACT_WORDS = /\b(?:unavailable|degraded|outage|downtime)\b/i;
const IMPACT_PEOPLE = /\b(?:users?|customers?|visitors?)\s+/gi;
const IMPACT_VERB_AT = /(?:\w+\s+){0,3}(?:were|was|could(?:n't| not)|unable|affected|impacted|saw|experienced)\b/iy;

/** A run of digits, commas and points with a digit in it, whole (nothing before it is a digit, comma or point). */
const IMPACT_RUN = /(?<![\d,.])[,.]*\d[\d,.]*/g;
const IMPACT_UNIT_AT = /\s?(?:k|m|million|thousand|hundred)?\s/iy;
const IMPACT_NOUN_AT = /(?:\w+\s)?(?:users?|customers?|requests?|accounts?|orders?|transactions?|clients?|sites?|builds?|queries|calls|errors?|downloads?|people|visitors?|packages?|nodes?|jobs?)\b/iy;

/**
 * A count of things. The joined pattern can only go on where a run ends (what follows is no digit, comma or point),
 * and of the ends the unit part can reach, the first it finds serves: the others are a space before the one found,
 * from which only the same nouns can follow.
 */
function impactCount(line: string): boolean {
  IMPACT_RUN.lastIndex = 0;
  // test(), not exec(): no match object per run (a global pattern's test() moves lastIndex past the match).
  while (IMPACT_RUN.test(line)) {
    IMPACT_UNIT_AT.lastIndex = IMPACT_RUN.lastIndex;
    if (!IMPACT_UNIT_AT.test(line)) continue;
    IMPACT_NOUN_AT.lastIndex = IMPACT_UNIT_AT.lastIndex;
    if (IMPACT_NOUN_AT.test(line)) return true;
  }
  return false;
}

/**
 * A pattern that starts where `start` (global) matches and goes on with `rest` (sticky): every start is tried, as the
 * joined pattern would (a start never lies inside an earlier one's match, which holds only words and white space).
 */
function followedBy(start: RegExp, rest: RegExp, line: string): boolean {
  start.lastIndex = 0;
  while (start.test(line)) {
    rest.lastIndex = start.lastIndex;
    if (rest.test(line)) return true;
  }
  return false;
}

const CAUSE = /\b(?:because|caused by|was caused|were caused|due to|bug in|root cause|resulted from|triggered by|the cause|led to|stemmed from|a result of)\b|parce que|à cause d|en raison d|causée? par|dûe? à|cause racine/i;

/**
 * Something the team did to fix it. As one pattern (case-insensitive):
 *   \b(?:we|team|they|engineers?|on-?call|operators?|it was|was|were|then)\s+(?:\w+\s+)?(?:rolled back|…|recovered)\b
 *   |^\s*(?:[-*+]|\d+[.)])\s+(?:rolled back|…|recovered)\b
 *   |nous avons (?:redémarré|…|déployé)
 */
const FIX_WHO = /\b(?:we|team|they|engineers?|on-?call|operators?|it was|was|were|then)\s+/gi;
const FIX_DONE_AT = /(?:\w+\s+)?(?:rolled back|reverted|restarted|rebooted|redeployed|deployed (?:a )?fix|patched|fixed|restored|disabled|re-?enabled|scaled|failed over|mitigated|resolved|applied|removed|purged|flushed|killed|drained|unblocked|hot-?fixed|released|rotated|renewed|recovered)\b/iy;
const FIX_PLAIN = /^\s*(?:[-*+]|\d+[.)])\s+(?:rolled back|reverted|restarted|rebooted|redeployed|patched|fixed|restored|disabled|scaled|failed over|mitigated|resolved|applied|removed|purged|released|rotated|renewed|deployed|recovered)\b|nous avons (?:redémarré|annulé|corrigé|restauré|rétabli|révoqué|désactivé|déployé)/i;

const PERSON = /@[A-Z][\w-]*|\brespond(?:ed|ers?)\b|\bon-?call\b|\bpaged\b|\bincident commander\b|\bintervenant/i;
/**
 * A line that could act as a heading without heading markup: bold text alone on its line (a colon may follow, inside
 * or outside the emphasis), or a bold label that opens a list item ("- **Impact**: …", a summary card's field).
 */
// Lines are read with their trailing white space trimmed, so nothing follows the optional colon.
const LABEL = /^\s{0,8}(?:[-*+]\s+)?(?:\*\*|__)(?=\S)([^*_]{1,80})(?<=\S)(?:\*\*|__)\s*:?$|^\s{0,8}[-*+]\s+(?:\*\*|__)(?=\S)([^*_]{1,60})(?<=\S)(?:\*\*|__)\s*:/;

/** The label text of a line that could act as a heading, or undefined. */
export function labelText(line: string): string | undefined {
  const m = LABEL.exec(line.trimEnd());
  if (!m) return undefined;
  const label = m[1] ?? m[2] ?? '';
  return (label.endsWith(':') ? label.slice(0, -1) : label).trim() || undefined;
}

/** Signals are read from a line's first characters: enough for any line a person writes, and linear on any input. */
const READ = 1000;

/** The patterns every line is read with, compiled at the first line (see regex-warmup.ts). */
const LINE_PATTERNS = [TIME_AT, ACTION, IMPACT_MONEY, IMPACT_WORDS, IMPACT_RUN, IMPACT_UNIT_AT, IMPACT_NOUN_AT, IMPACT_PEOPLE, IMPACT_VERB_AT, CAUSE, FIX_PLAIN, FIX_WHO, FIX_DONE_AT, PERSON, LABEL];
let warm = false;

// Gates: before a pattern reads a line, one pass over the line's characters says which ASCII letters it holds (either
// case), whether it holds a character outside ASCII, and which of a few marks; a pattern runs only when the line holds
// every letter of at least one of its words (and the marks it needs). Each gate is a necessary condition, so every
// line gets the flags the patterns alone give (test/unit/signals.test.ts compares with the ungated patterns): without
// the u flag, a case-insensitive ASCII letter matches only that letter in either case (no character outside ASCII
// folds onto one), and a character outside ASCII in a word matches only such a character. Most lines of a long table
// or list hold the words of few patterns: the gates settle them with one read instead of a dozen pattern runs.

// The mask: bits 0–25 for the letters a–z, then NON_ASCII and the marks. One 32-bit number, so that one table read
// and one "or" per character make it.
const NON_ASCII = 1 << 26;
const DIGIT = 1 << 27;
/** "%", "$", "€" or "£". */
const MONEY = 1 << 28;
/** What ACTION's parts other than words need: "[", "@", "#" or "/". */
const ACTION_MARK = 1 << 29;
const DASH = 1 << 30;
const AT = 1 << 31;

/** The mask bits of each ASCII character. */
const ASCII_BITS = (() => {
  const t = new Int32Array(128);
  for (let c = 0; c < 26; c++) t[65 + c] = t[97 + c] = 1 << c;
  for (let c = 48; c <= 57; c++) t[c] = DIGIT;
  t[37] = t[36] = MONEY;
  t[91] = t[35] = t[47] = ACTION_MARK;
  t[64] = ACTION_MARK | AT;
  t[45] = DASH;
  return t;
})();

/** The letters mask a word needs: its ASCII letters, and NON_ASCII for any other letter it holds. */
function lettersOf(word: string): number {
  let m = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) m |= NON_ASCII;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) m |= 1 << ((c | 32) - 97);
  }
  return m;
}

/** The number of bits set in the letters part of a mask (bits 0–26). */
function letterCount(m: number): number {
  let v = m & (NON_ASCII | (NON_ASCII - 1));
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * A gate: the line holds every letter of one of the words (written as the pattern spells them, without its syntax).
 * Kept as [fewest letters of a word, then each word's mask]; a word whose letters hold another's is left out (the
 * other passes whenever it would).
 */
function gate(words: readonly string[]): Int32Array {
  const masks = [...new Set(words.map(lettersOf))];
  const kept = masks.filter((m) => !masks.some((other) => other !== m && (m & other) === other));
  return Int32Array.from([Math.min(...kept.map(letterCount)), ...kept]);
}

/** Whether a line holding `letters` (and `count` of them) passes the gate. */
function passes(g: Int32Array, letters: number, count: number): boolean {
  if (count < g[0]!) return false;
  for (let i = 1; i < g.length; i++) if ((letters & g[i]!) === g[i]) return true;
  return false;
}

/** ACTION's words (its other parts need a mark: "[", "@", "#", "/", "-"). */
const ACTION_WORDS = gate(['TODO', 'will', 'owner', 'assignee', 'assigned to', 'due']);
const IMPACT_WORD_GATE = gate(['unavailable', 'degraded', 'outage', 'downtime']);
const IMPACT_NOUN_GATE = gate(['user', 'customer', 'request', 'account', 'order', 'transaction', 'client', 'site', 'build', 'queries', 'calls', 'error', 'download', 'people', 'visitor', 'package', 'node', 'job']);
const IMPACT_PEOPLE_GATE = gate(['user', 'customer', 'visitor']);
const IMPACT_VERB_GATE = gate(['were', 'was', 'could', 'unable', 'affected', 'impacted', 'saw', 'experienced']);
const CAUSE_GATE = gate([
  'because', 'caused by', 'was caused', 'were caused', 'due to', 'bug in', 'root cause', 'resulted from', 'triggered by', 'the cause', 'led to', 'stemmed from', 'a result of',
  'parce que', 'à cause d', 'en raison d', 'causé par', 'dû à', 'cause racine',
]);
const FIX_PLAIN_GATE = gate([
  'rolled back', 'reverted', 'restarted', 'rebooted', 'redeployed', 'patched', 'fixed', 'restored', 'disabled', 'scaled', 'failed over', 'mitigated', 'resolved', 'applied', 'removed', 'purged', 'released', 'rotated', 'renewed', 'deployed', 'recovered',
  'nous avons redémarré', 'nous avons annulé', 'nous avons corrigé', 'nous avons restauré', 'nous avons rétabli', 'nous avons révoqué', 'nous avons désactivé', 'nous avons déployé',
]);
const FIX_WHO_GATE = gate(['we', 'team', 'they', 'engineer', 'oncall', 'operator', 'it was', 'was', 'were', 'then']);
const FIX_DONE_GATE = gate([
  'rolled back', 'reverted', 'restarted', 'rebooted', 'redeployed', 'deployed fix', 'patched', 'fixed', 'restored', 'disabled', 'reenabled', 'scaled', 'failed over', 'mitigated', 'resolved', 'applied', 'removed', 'purged', 'flushed', 'killed', 'drained', 'unblocked', 'hotfixed', 'released', 'rotated', 'renewed', 'recovered',
]);
const PERSON_GATE = gate(['respond', 'oncall', 'paged', 'incident commander', 'intervenant']);

export function lineFlags(whole: string): number {
  const line = whole.length > READ ? whole.slice(0, READ) : whole;
  // Blank (as /^\s*$/ reads it): most lines start with a printable ASCII character.
  const c0 = line.charCodeAt(0);
  if (!(c0 > 32 && c0 < 127) && !hasText(whole, 0)) return 0;
  if (!warm) {
    warm = true;
    warmUp(LINE_PATTERNS, line);
  }
  const m = maskOf(line);
  const n = letterCount(m);
  const digit = (m & DIGIT) !== 0;
  let f = SIGNAL.content;
  // Every time or date the patterns know holds a digit.
  if (digit && timeStart(line)) f |= SIGNAL.time;
  if (((m & ACTION_MARK) !== 0 || (digit && (m & DASH) !== 0) || passes(ACTION_WORDS, m, n)) && ACTION.test(line)) f |= SIGNAL.action;
  if (
    (digit && (m & MONEY) !== 0 && IMPACT_MONEY.test(line)) ||
    (passes(IMPACT_WORD_GATE, m, n) && IMPACT_WORDS.test(line)) ||
    (digit && passes(IMPACT_NOUN_GATE, m, n) && impactCount(line)) ||
    (passes(IMPACT_PEOPLE_GATE, m, n) && passes(IMPACT_VERB_GATE, m, n) && followedBy(IMPACT_PEOPLE, IMPACT_VERB_AT, line))
  ) {
    f |= SIGNAL.impact;
  }
  if (passes(CAUSE_GATE, m, n) && CAUSE.test(line)) f |= SIGNAL.cause;
  if ((passes(FIX_PLAIN_GATE, m, n) && FIX_PLAIN.test(line)) || (passes(FIX_WHO_GATE, m, n) && passes(FIX_DONE_GATE, m, n) && followedBy(FIX_WHO, FIX_DONE_AT, line))) f |= SIGNAL.fix;
  if (((m & AT) !== 0 || passes(PERSON_GATE, m, n)) && PERSON.test(line)) f |= SIGNAL.person;
  if ((line.includes('**') || line.includes('__')) && LABEL.test(line.trimEnd())) f |= SIGNAL.label;
  return f;
}

/** The letters and marks the line holds: one read. */
function maskOf(line: string): number {
  let m = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    m |= c < 128 ? ASCII_BITS[c]! : c === 0x20ac || c === 0xa3 ? NON_ASCII | MONEY : NON_ASCII;
  }
  return m;
}

/** Whether `line` holds a character other than white space from `from` on. */
function hasText(line: string, from: number): boolean {
  for (let i = from; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return true;
  return false;
}

/**
 * Flags by line text for one document, for the lines of chunks parsed again: an edit inside a long chunk (a paragraph
 * of thousands of lines, an unclosed comment) re-parses all of it, but only its edited line needs reading again.
 * Kept per document between analyses, and cleared when it holds more than twice the document's lines (a global memo
 * of up to 200,000 lines made every analysis of a large new document pay for a Map of other documents' lines). Keyed by
 * the line strings, which an edit leaves the same objects outside the lines it touched (spliceLines), so a lookup
 * hashes nothing new.
 */
export class LineMemo {
  private memo = new Map<string, number>();

  flags(line: string): number {
    let f = this.memo.get(line);
    if (f === undefined) {
      f = lineFlags(line);
      this.memo.set(line, f);
    }
    return f;
  }

  /** After an analysis of a document of `lineCount` lines: bounded by the document, not by every text it was. */
  trim(lineCount: number): void {
    if (this.memo.size > 2 * lineCount + 1000) this.memo = new Map();
  }
}

/** The flags of a one-line chunk, one shared array per value: read, never written. */
const ONE_LINE = Array.from({ length: 256 }, (_, f) => Uint8Array.of(f));

/** Chunks of up to SHORT lines whose lines after the first have no flags share one array per length and value. */
const SHORT = 4;
const SHORT_CHUNKS: Array<Array<Uint8Array | undefined>> = Array.from({ length: SHORT + 1 }, () => []);
const SCRATCH = new Uint8Array(SHORT);

function blankAfterFirst(flags: Uint8Array, length: number): boolean {
  for (let l = 1; l < length; l++) if (flags[l] !== 0) return false;
  return true;
}

function shortChunk(length: number, first: number): Uint8Array {
  let shared = SHORT_CHUNKS[length]![first];
  if (!shared) {
    shared = new Uint8Array(length);
    shared[0] = first;
    SHORT_CHUNKS[length]![first] = shared;
  }
  return shared;
}

/**
 * A chunk data's flags in a one-off analysis, the first time its lines are read: they went straight into the
 * document's flags. Its own array is made only if the same data comes again (a chunk text repeated in the document
 * shares one parse): an array per chunk of many small headings was 200 bytes each, kept to the analysis's end.
 */
const READ_ONCE = new Uint8Array(0);

/** Which lines of a chunk are code (see codeMaskOf): one array for every chunk, grown as needed. */
let codeScratch = new Uint8Array(64);

/** The chunk's code lines as a mask over its `length` lines, in codeScratch; undefined when it has none. */
function codeMaskOf(codeLines: readonly number[], length: number): Uint8Array | undefined {
  if (codeLines.length === 0) return undefined;
  if (codeScratch.length < length) codeScratch = new Uint8Array(Math.max(length, 2 * codeScratch.length));
  codeScratch.fill(0, 0, length);
  for (let i = 0; i < codeLines.length; i++) {
    const c = codeLines[i]!;
    if (c >= 0 && c < length) codeScratch[c] = 1;
  }
  return codeScratch;
}

/** The flags of every line of the document, from each chunk's flags (kept with the chunk's cached parse). */
export function documentFlags(chunks: readonly ParsedChunk[], lines: readonly string[], memo?: LineMemo): Uint8Array {
  const out = new Uint8Array(lines.length);
  // Indexed loops over the chunks here and in the other readers of every chunk: for-of made an iterator result per chunk.
  for (let c = 0; c < chunks.length; c++) {
    const { span, data } = chunks[c]!;
    if (span.frontMatter) continue;
    const length = span.end - span.start;
    let flags = data.signals;
    if (!flags || flags.length !== length) {
      // One line: its own flags (most chunks; a memo entry would only cost), kept as the shared array of that value
      // (a typed array per chunk of a long table was most of what this allocated). More: the memo, for a long chunk.
      if (length === 1) flags = ONE_LINE[data.codeLines.includes(0) ? 0 : lineFlags(lines[span.start] ?? '')]!;
      else if (!memo && flags !== READ_ONCE) {
        // A one-off analysis reads a chunk's lines into the document's flags (see READ_ONCE).
        const code = codeMaskOf(data.codeLines, length);
        for (let l = 0; l < length; l++) if (!code?.[l]) out[span.start + l] = lineFlags(lines[span.start + l] ?? '');
        data.signals = READ_ONCE;
        continue;
      } else {
        // A short chunk is read into a scratch array first: when its lines after the first say nothing (a definition
        // or paragraph and its blank line), it takes the shared array of its length and first line's flags.
        const read = length <= SHORT ? SCRATCH.fill(0) : new Uint8Array(length);
        const code = codeMaskOf(data.codeLines, length);
        if (memo) for (let l = 0; l < length; l++) read[l] = code?.[l] ? 0 : memo.flags(lines[span.start + l] ?? '');
        else for (let l = 0; l < length; l++) if (!code?.[l]) read[l] = lineFlags(lines[span.start + l] ?? '');
        flags = length > SHORT ? read : blankAfterFirst(read, length) ? shortChunk(length, read[0]!) : read.slice(0, length);
      }
      data.signals = flags;
    }
    // Most chunks are a line or two: a loop beats set() there.
    if (length <= 8) for (let l = 0; l < length; l++) out[span.start + l] = flags[l]!;
    else out.set(flags, span.start);
  }
  memo?.trim(lines.length);
  return out;
}

/** Counts of each signal over lines [from, to). */
export interface SignalCounts {
  readonly content: number;
  readonly time: number;
  readonly action: number;
  readonly impact: number;
  readonly cause: number;
  readonly fix: number;
  readonly person: number;
}

export function countSignals(flags: Uint8Array, from: number, to: number, skip?: Uint8Array): SignalCounts {
  let content = 0, time = 0, action = 0, impact = 0, cause = 0, fix = 0, person = 0;
  for (let l = Math.max(0, from); l < to && l < flags.length; l++) {
    const f = flags[l]!;
    if (f === 0 || (skip !== undefined && skip[l] === 1)) continue;
    content++;
    if (f & SIGNAL.time) time++;
    if (f & SIGNAL.action) action++;
    if (f & SIGNAL.impact) impact++;
    if (f & SIGNAL.cause) cause++;
    if (f & SIGNAL.fix) fix++;
    if (f & SIGNAL.person) person++;
  }
  return { content, time, action, impact, cause, fix, person };
}
