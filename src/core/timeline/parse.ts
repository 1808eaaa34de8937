// Timeline entries with their times: each entry's written timestamp, its date completed from context (the entry
// before it, a dated sub-heading, the front matter `date`), and midnight roll-over for bare times.
import { changeSincePrevious, keepsEntries, perSection, sectionsFor, type Entry, type PostmortemModel, type Section, SectionResults } from '../model/model';
import type { ChunkData } from '../model/chunk';
import { firstIndex, isBlank, isSpaceCode, range, type Range } from '../model/text';
import { parseStamp, proseZone, statesZone, ZONE_OFFSETS, type WrittenStamp } from './stamp';

const DAY_MS = 86_400_000;
/** A bare time earlier than the one before it rolls to the next day only when that is at most this far ahead. */
const ROLL_OVER_MAX_MINUTES = 12 * 60;

export interface TimelineTime {
  /** The instant, for ordering. A time with no zone uses the zone the document states, else UTC. */
  readonly epochMs: number;
  /** The calendar day as written or inherited (UTC midnight of that date); day 0 when no date is known. */
  readonly dayMs: number;
  /** The entry writes a date itself. */
  readonly hasDate: boolean;
  /** A date is known: written, or inherited from a previous entry, a dated heading or the front matter. */
  readonly dateKnown: boolean;
  readonly hasTime: boolean;
  /** The entry writes its zone. */
  readonly hasZone: boolean;
  readonly zone?: string;
  /** A bare time that was taken to be on the day after the entry before it (e.g. 23:50 then 00:10). */
  readonly rolledOver: boolean;
  /** Where the timestamp is written. */
  readonly range: Range;
}

export interface TimelineItem {
  readonly entry: Entry;
  readonly time?: TimelineTime;
  /**
   * Entries in one block form one list or table: nothing but blank lines between them. The block's name is the line
   * its first entry starts on (not a count of blocks: an edit that adds or removes a block leaves the names of the
   * blocks after it, and their items, as they were).
   */
  readonly block: number;
  /** The entry has no text (an empty template row or bullet). */
  readonly blank: boolean;
}

export interface StatedZone {
  readonly zone: string;
  readonly offsetMinutes: number | undefined;
  readonly where: 'front-matter' | 'heading' | 'section' | 'document';
}

const FRONT_MATTER_ZONE_KEYS = ['timezone', 'time_zone', 'timeZone', 'tz'];

/** The time zone the document states for its timeline, if any: front matter, Timeline heading or text, or prose like "all times UTC". */
export function statedTimeZone(model: PostmortemModel): StatedZone | undefined {
  // Read by the timeline parse and by timeline-timezone: once per model, since it may scan the whole document.
  if (!zones.has(model)) zones.set(model, computeStatedTimeZone(model));
  return zones.get(model);
}

const zones = new WeakMap<PostmortemModel, StatedZone | undefined>();

/**
 * Whether a line belongs to a timeline entry, for lines asked in increasing order: walks the entries (sorted and
 * disjoint) instead of collecting every entry line of a long timeline into a set on each analysis.
 */
function entryCursor(model: PostmortemModel, fromLine = 0): (line: number) => boolean {
  const entries = model.timeline;
  // The first entry that ends at or after fromLine, by binary search: one cursor per section must not walk the
  // entries of every section before it.
  let i = firstEndingAtOrAfter(entries, fromLine, entries.length);
  return (line) => {
    while (i < entries.length && entries[i]!.range.end.line < line) i++;
    const e = entries[i];
    return e !== undefined && e.range.start.line <= line;
  };
}

type Zone = NonNullable<ReturnType<typeof proseZone>>;
const headingZones = new SectionResults<Zone | null>();
const bodyZones = new SectionResults<Zone | null>();

const headingZone = (_model: PostmortemModel, s: Section): Zone | null => proseZone(s.heading.text) ?? null;

/** The first zone stated in a Timeline section's own lines, outside its entries and code. */
function bodyZone(model: PostmortemModel, s: Section, zoneIn: Int8Array): Zone | null {
  const chunks = model.chunks;
  // One cursor per section: a Timeline nested in another Timeline is read again from its own start.
  const from = s.heading.range.end.line + 1;
  const to = s.contentRange.end.line;
  // Made only for a chunk that may state a zone: most sections of a long document have none, and a closure per
  // section was most of this function's garbage.
  let inEntry: ((line: number) => boolean) | undefined;
  // Chunk by chunk (they cover every line, in order, from the one holding `from`): the lines of a chunk whose text
  // states no zone at all are not read one by one (a search of the text, where a timeline of 80,000 rows and
  // lines between them was a pattern per line).
  let c = firstChunkEndingAfter(chunks, from);
  const keep = keepsEntries(model);
  for (; c < chunks.length && chunks[c]!.span.start <= to; c++) {
    const { span, key, data } = chunks[c]!;
    if (zoneIn[c] === 0) zoneIn[c] = zoneOutsideItems(model, span, key, data, keep) ? 1 : -1;
    if (zoneIn[c] === -1) continue;
    inEntry ??= entryCursor(model, from);
    for (let l = Math.max(from, span.start); l < span.end && l <= to; l++) {
      if (inEntry(l) || model.codeLines.has(l)) continue;
      const z = proseZone(model.lines[l] ?? '');
      if (z) return z;
    }
  }
  return null;
}

const ZONE_OUTSIDE_ITEMS = 'zone-outside-items';

/**
 * Whether a line of a chunk outside its top-level list items and its code states a zone: only such a line of a
 * Timeline section can (its items are the section's entries). After an edit, kept with the chunk (as saysTime keeps
 * its answer): a Timeline of 60,000 entries that all write "UTC" was searched chunk by chunk, then line by line, on
 * every keystroke in it. A function of the chunk's text (its lines are the model's lines of its span).
 */
function zoneOutsideItems(model: PostmortemModel, span: { readonly start: number; readonly end: number }, key: string, data: ChunkData, keep: boolean): boolean {
  // Read, not kept, in a one-off analysis (keeping it per chunk would cost more than the read), where it still spares
  // a chunk of entries that write a zone the cursor over the entries, made per section.
  const slots = keep ? (data.lineResults ??= []) : undefined;
  const at = slots ? slots.indexOf(ZONE_OUTSIDE_ITEMS) : -1;
  if (at !== -1) return slots![at + 1] === true;
  let says = false;
  if (statesZone(key)) {
    const items = data.items;
    let k = 0; // items are in line order (were they not, a line would only be read when it need not be)
    for (let l = 0; l < span.end - span.start && !says; l++) {
      while (k < items.length && items[k]!.endLine < l) k++;
      if ((k < items.length && items[k]!.line <= l) || model.codeLines.has(span.start + l)) continue;
      says = proseZone(model.lines[span.start + l] ?? '') !== undefined;
    }
  }
  slots?.push(ZONE_OUTSIDE_ITEMS, says, undefined);
  return says;
}

/** The first chunk that ends after `line` (a binary search without a closure: asked once per Timeline section). */
function firstChunkEndingAfter(chunks: PostmortemModel['chunks'], line: number): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (chunks[mid]!.span.end <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The word that introduces a zone in prose ("all times UTC"); one object, not a literal made again per chunk. */
const TIMES = /\btimes?\b/i;
const SAYS_TIME = 'says-time';

/**
 * Whether a chunk's text holds the word "time". After an edit, kept with the chunk (in its lineResults, as
 * eachProseChunk keeps its results: [key, result, unused]), which edits elsewhere leave as it is; a one-off analysis
 * only searches (keeping it per chunk cost more than the search).
 */
function saysTime(data: ChunkData, key: string, keep: boolean): boolean {
  if (!keep) return TIMES.test(key);
  const slots = (data.lineResults ??= []);
  const at = slots.indexOf(SAYS_TIME);
  if (at !== -1) return slots[at + 1] === true;
  const says = TIMES.test(key);
  slots.push(SAYS_TIME, says, undefined);
  return says;
}

function computeStatedTimeZone(model: PostmortemModel): StatedZone | undefined {
  const data = model.frontMatter?.data ?? {};
  for (const key of FRONT_MATTER_ZONE_KEYS) {
    const v = data[key];
    if (typeof v === 'string' && v.trim() !== '') {
      const p = proseZone(v.trim());
      return { zone: v.trim(), offsetMinutes: p?.offsetMinutes ?? (ZONE_OFFSETS[v.trim().toUpperCase()] ?? undefined), where: 'front-matter' };
    }
  }
  const sections = sectionsFor(model, 'timeline');
  // Kept per section (see perSection): after an edit, only the sections it touched are read again (a document of
  // 36,000 Timeline sections read each heading and body on every keystroke).
  for (let i = 0; i < sections.length; i++) {
    const z = perSection(headingZones, model, sections[i]!, headingZone, undefined);
    if (z) return { ...z, where: 'heading' };
  }
  // Whether each chunk's text states a zone (0 not known yet, 1 yes, -1 no): searched once, however many Timeline
  // sections share the chunk (one search per section of a chunk that holds thousands of them was quadratic).
  const zoneIn = new Int8Array(model.chunks.length);
  for (let i = 0; i < sections.length; i++) {
    const z = perSection(bodyZones, model, sections[i]!, bodyZone, zoneIn);
    if (z) return { ...z, where: 'section' };
  }
  const inEntry = entryCursor(model);
  // Chunk by chunk (they cover every line, in order), reading the lines only of a chunk whose text holds the word: one
  // search per chunk, not a call per line of the document on every analysis.
  const keep = keepsEntries(model);
  const chunks = model.chunks;
  for (let c = 0; c < chunks.length; c++) {
    const { span, key, data } = chunks[c]!;
    if (!saysTime(data, key, keep)) continue;
    for (let l = span.start; l < span.end && l < model.lines.length; l++) {
      const line = model.lines[l]!;
      if (inEntry(l) || model.codeLines.has(l) || !TIMES.test(line)) continue;
      const m = /\btimes?\b(.{0,40})/i.exec(line);
      const z = m ? proseZone(m[1]!) : undefined;
      if (z) return { ...z, where: 'document' };
    }
  }
  return undefined;
}

interface Day {
  readonly ms: number;
  readonly known: boolean;
  readonly year: number | undefined;
}

function dayOf(date: NonNullable<WrittenStamp['date']>, fallbackYear: number | undefined): Day {
  const year = date.year ?? fallbackYear;
  return { ms: Date.UTC(year ?? 2000, date.month - 1, date.day), known: true, year };
}

/** The front matter's `date` (YAML string or TOML date), as a day. */
function frontMatterDay(model: PostmortemModel): Day | undefined {
  const v = model.frontMatter?.data['date'];
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    return { ms: Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()), known: true, year: v.getUTCFullYear() };
  }
  if (typeof v === 'string') {
    const s = parseStamp(v);
    if (s?.date) return dayOf(s.date, undefined);
  }
  return undefined;
}

/** The text offset in the entry's first line where its text starts (after the list marker). */
function textOffset(entry: Entry): number {
  const first = entry.lines[0] ?? '';
  return entry.kind === 'item' ? first.length - entry.text.length : 0;
}

const cache = new WeakMap<PostmortemModel, readonly TimelineItem[]>();

/**
 * parseStamp is a pure function of an entry's first line, and an edit changes few lines, so re-analysis after an edit
 * reads most stamps from here. Keyed by the line string itself (per text offset), whose hash V8 keeps with the string:
 * lines an edit did not touch are the same strings as before, so their lookups hash nothing. Bounded: cleared when it
 * outgrows a very long timeline.
 */
const stamps = new Map<number, Map<string, WrittenStamp | null>>();
let stampCount = 0;
const STAMP_CACHE_MAX = 100_000;

function cachedStamp(line: string, from: number): WrittenStamp | undefined {
  // Every stamp parseStamp reads holds a digit (a day, a year or an hour): a line without one after `from` has none,
  // and is settled without hashing it (most entries of a long table without times).
  if (!hasDigit(line, from)) return undefined;
  let byLine = stamps.get(from);
  if (!byLine) stamps.set(from, (byLine = new Map()));
  let stamp = byLine.get(line);
  if (stamp === undefined) {
    if (stampCount >= STAMP_CACHE_MAX) {
      stamps.clear();
      stampCount = 0;
      stamps.set(from, (byLine = new Map()));
    }
    stamp = parseStamp(line, from) ?? null;
    byLine.set(line, stamp);
    stampCount++;
  }
  return stamp ?? undefined;
}

function hasDigit(line: string, from: number): boolean {
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Every timeline entry with its time, in document order. Never throws. */
export function parseTimeline(model: PostmortemModel): readonly TimelineItem[] {
  let items = cache.get(model);
  if (!items) {
    items = computeTimeline(model);
    cache.set(model, items);
  }
  return items;
}

/** A row of nothing but "|" and white space: `text.replace(/[|\s]/g, '') === ''` without making the string. */
function isBlankRow(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII white space here, the rest of \s only past ASCII: a letter returns without a call.
    if (c !== 124 && c !== 32 && (c < 128 ? c < 9 || c > 13 : !isSpaceCode(c))) return false;
  }
  return true;
}


/**
 * What one timeline read made, kept with its model: the next model of the document (see previousModel) takes the
 * items of the entries before and after an edit from here, by position, when the scan's state there is the same.
 */
interface TimelineRun {
  readonly entries: readonly Entry[];
  readonly items: readonly TimelineItem[];
  /** What every item depends on besides the entries: the stated zone's offset, the front matter's day, dated headings. */
  readonly context: string;
  /**
   * The scan's state before each entry, and after the last: STATE numbers each (see computeTimeline). The array may be
   * longer (room for more entries); the next run of the document takes it over.
   */
  readonly states: Float64Array;
}

const runs = new WeakMap<PostmortemModel, TimelineRun>();
const NO_STATES = new Float64Array(0);
const STATE = 8;

/** The first index in `entries` (disjoint, in line order) of an entry that ends at or after `line`; at most `limit`. */
function firstEndingAtOrAfter(entries: readonly Entry[], line: number, limit: number): number {
  return firstIndex(limit, (i) => entries[i]!.range.end.line < line);
}

/**
 * The states of a run of `was` entries, for a run of `now` entries that keeps the first `p` (and their states) and
 * where entry i, past the edit, is entry i + shift of the run before. With `tail` (the edit moved no line, so the rest
 * may read as it did), the state before old entry q moves to q - shift, where the scan compares it before writing
 * its own: in place (one move of the tail), in a larger array only when there are more entries than room.
 */
function shiftStates(states: Float64Array, p: number, shift: number, was: number, now: number, tail: boolean): Float64Array {
  const need = (now + 1) * STATE;
  const from = Math.max(0, p + shift); // the first old state the scan may compare (at index from - shift >= p)
  if (need <= states.length) {
    if (tail) states.copyWithin((from - shift) * STATE, from * STATE, (was + 1) * STATE);
    return states;
  }
  // Room for a quarter more entries: a timeline that grows one entry per keystroke is not copied at each.
  const grown = new Float64Array(Math.ceil(now * 1.25 + 16) * STATE);
  grown.set(states.subarray(0, (p + 1) * STATE));
  if (tail) grown.set(states.subarray(from * STATE, (was + 1) * STATE), (from - shift) * STATE);
  return grown;
}

function computeTimeline(model: PostmortemModel): TimelineItem[] {
  const zone = statedTimeZone(model);
  const defaultOffset = zone?.offsetMinutes ?? 0;
  // Dated sub-headings inside Timeline sections ("### 2023-07-19", "### October 21, 2025 - Redis overload").
  const headingDays = new Map<number, WrittenStamp>();
  const headings = model.headings;
  // Headings are in line order: only each section's are read, from the first after its heading, walked forward as the
  // sections come in line order (all of them per section was quadratic; a binary search each, most of this read).
  let after = 0;
  let lastLine = -1;
  for (const s of sectionsFor(model, 'timeline')) {
    const headingLine = s.heading.range.start.line;
    if (headingLine < lastLine) after = firstIndex(headings.length, (i) => headings[i]!.range.start.line <= headingLine);
    else {
      // A few steps forward, else a binary search: the one Timeline after 95,000 other headings walked past each.
      let steps = 0;
      while (after < headings.length && headings[after]!.range.start.line <= headingLine && ++steps <= 16) after++;
      if (steps > 16) after = firstIndex(headings.length, (i) => headings[i]!.range.start.line <= headingLine);
    }
    lastLine = headingLine;
    let k = after;
    for (; k < headings.length && headings[k]!.range.start.line <= s.contentRange.end.line; k++) {
      const h = model.headings[k]!;
      const line = h.range.start.line;
      // A stamp holds a digit: "## Timeline" (the heading of every such section) has none.
      const stamp = hasDigit(h.text, 0) ? parseStamp(h.text) : undefined;
      if (stamp?.date) headingDays.set(line, stamp);
    }
  }
  const headingLines = [...headingDays.keys()].sort((a, b) => a - b);
  const startDay: Day = frontMatterDay(model) ?? { ms: 0, known: false, year: undefined };
  const context = [defaultOffset, startDay.ms, startDay.known, startDay.year, ...headingLines.map((l) => {
    const d = headingDays.get(l)!.date!;
    return `${l}:${d.year}-${d.month}-${d.day}`;
  })].join(' ');

  // The scan's state: the day, the clock of the timed entry before, the block, the entry before, the next dated heading.
  let day = startDay;
  let prevClock: number | undefined;
  let block = -1; // the line of the current block's first entry
  let prevEnd = -2;
  let prevKind: Entry['kind'] | undefined;
  let h = 0;
  const entries = model.timeline;
  const n = entries.length;
  let states: Float64Array;
  // The scan's state as STATE numbers: saved in `states` for entry i, compared with those at offset q of `was`.
  const save = (i: number) => {
    const o = i * STATE;
    states[o] = day.ms;
    states[o + 1] = day.known ? 1 : 0;
    states[o + 2] = day.year ?? NaN;
    states[o + 3] = prevClock ?? NaN;
    states[o + 4] = block;
    states[o + 5] = prevEnd;
    states[o + 6] = prevKind === undefined ? 0 : prevKind === 'item' ? 1 : 2;
    states[o + 7] = h;
  };
  const sameAs = (was: Float64Array, q: number) =>
    Object.is(was[q], day.ms) &&
    was[q + 1] === (day.known ? 1 : 0) &&
    Object.is(was[q + 2], day.year ?? NaN) &&
    Object.is(was[q + 3], prevClock ?? NaN) &&
    Object.is(was[q + 4], block) &&
    Object.is(was[q + 5], prevEnd) &&
    was[q + 6] === (prevKind === undefined ? 0 : prevKind === 'item' ? 1 : 2) &&
    Object.is(was[q + 7], h);
  const restore = (from: Float64Array, i: number) => {
    const o = i * STATE;
    day = { ms: from[o]!, known: from[o + 1] === 1, year: Number.isNaN(from[o + 2]) ? undefined : from[o + 2] };
    prevClock = Number.isNaN(from[o + 3]) ? undefined : from[o + 3];
    block = from[o + 4]!;
    prevEnd = from[o + 5]!;
    prevKind = from[o + 6] === 0 ? undefined : from[o + 6] === 1 ? 'item' : 'row';
    h = from[o + 7]!;
  };
  // Item i goes at index i: made at its size when read from scratch (a push per entry grew it again and again), and
  // appended to the items kept from the run before otherwise.
  let out: TimelineItem[] = [];
  const lines = model.lines;

  // The read of the model before (an edit): its items for the entries before the first changed line, and for those
  // after the last one once the scan's state is the same there (most edits change one entry's text, nothing after).
  const change = changeSincePrevious(model);
  // The states are read only by the next run of the document: a one-off analysis neither fills nor keeps them (8
  // numbers per entry, 4 MB for a timeline of 60,000 entries).
  const keep = keepsEntries(model);
  const before = change ? runs.get(change.previous) : undefined;
  const reuse = before && before.context === context ? before : undefined;
  let i = 0;
  let unchangedFrom = Infinity; // every line from here on is the line at the same number before
  let shift = 0; // index in the run before = index here + shift (for the entries after the edit)
  if (reuse) {
    const first = change!.first;
    unchangedFrom = change!.unchangedFrom;
    shift = reuse.entries.length - n;
    const m = Math.min(n, reuse.entries.length);
    let p = 0;
    while (p < m && entries[p] === reuse.entries[p]) p++;
    // Entries wholly before the first changed line (the lines between them too) read as they did.
    p = firstEndingAtOrAfter(entries, first, p);
    out = reuse.items.slice(0, p);
    restore(reuse.states, p);
    i = p;
    // The states before are taken over (the run before is dropped, so nothing reads them again) and written where the
    // scan differs, not copied for every entry of a long timeline (two copies and a new array of 5 MB per keystroke).
    states = reuse.states;
    runs.delete(change!.previous);
    if (shift !== 0) states = shiftStates(states, p, shift, reuse.entries.length, n, unchangedFrom !== Infinity);
  } else {
    states = keep ? new Float64Array((n + 1) * STATE) : NO_STATES;
    out = new Array<TimelineItem>(n);
  }

  for (; i < n; i++) {
    const entry = entries[i]!;
    if (reuse && prevEnd + 1 >= unchangedFrom && i + shift >= 0 && entry === reuse.entries[i + shift] && sameAs(states, i * STATE)) {
      // Past the edit, at the same entry in the same state: the rest reads as it did (its states are in place).
      const tail = reuse.items.slice(i + shift);
      out = out.length === 0 ? tail : out.concat(tail);
      runs.set(model, { entries, items: out, context, states });
      return out;
    }
    if (keep) save(i);
    const startLine = entry.range.start.line;
    while (h < headingLines.length && headingLines[h]! < startLine) {
      day = dayOf(headingDays.get(headingLines[h]!)!.date!, day.year);
      prevClock = undefined;
      h++;
    }
    let gapHasText = prevKind !== entry.kind;
    for (let l = prevEnd + 1; l < startLine && !gapHasText; l++) {
      // A line that starts with a visible ASCII character has text, without a call (rows with text between them).
      const gap = lines[l] ?? '';
      const c = gap.charCodeAt(0);
      if ((c > 32 && c < 127) || !isBlank(gap)) gapHasText = true;
    }
    if (gapHasText) block = startLine;
    prevEnd = entry.range.end.line;
    prevKind = entry.kind;

    const blank = entry.kind === 'row' ? isBlankRow(entry.text) : entry.text.trim() === '';
    const stamp = blank ? undefined : cachedStamp(entry.lines[0] ?? '', textOffset(entry));
    if (!stamp) {
      out[i] = { entry, block, blank };
      continue;
    }
    let rolledOver = false;
    if (stamp.date) {
      day = dayOf(stamp.date, day.year);
    } else if (stamp.clock && prevClock !== undefined) {
      const clock = stamp.clock.hour * 60 + stamp.clock.minute;
      if (clock < prevClock && clock + 1440 - prevClock <= ROLL_OVER_MAX_MINUTES) {
        day = { ms: day.ms + DAY_MS, known: day.known, year: day.year };
        rolledOver = true;
      }
    }
    prevClock = stamp.clock ? stamp.clock.hour * 60 + stamp.clock.minute : undefined;
    const clockMs = stamp.clock ? ((stamp.clock.hour * 60 + stamp.clock.minute) * 60 + stamp.clock.second) * 1000 : 0;
    const offsetMinutes = stamp.offsetMinutes ?? defaultOffset;
    const line = startLine;
    const epochMs = day.ms + clockMs - offsetMinutes * 60_000;
    const hasDate = stamp.date !== undefined;
    const hasTime = stamp.clock !== undefined;
    const where = range(line, stamp.start, line, stamp.end);
    // Two literals, not a spread of the zone into one (an object made and copied per entry of a long timeline).
    const time: TimelineTime =
      stamp.zone !== undefined
        ? { epochMs, dayMs: day.ms, hasDate, dateKnown: day.known, hasTime, hasZone: true, zone: stamp.zone, rolledOver, range: where }
        : { epochMs, dayMs: day.ms, hasDate, dateKnown: day.known, hasTime, hasZone: false, rolledOver, range: where };
    out[i] = { entry, block, blank, time };
  }
  if (keep) {
    save(n);
    runs.set(model, { entries, items: out, context, states });
  }
  return out;
}

/** True when `b` is earlier than `a`, comparing instants when both have a time and days otherwise. */
export function isEarlier(b: TimelineTime, a: TimelineTime): boolean {
  if (a.hasTime && b.hasTime) return b.epochMs < a.epochMs;
  return b.dayMs < a.dayMs;
}

/** The written timestamp of a time, for messages. */
export function stampText(model: PostmortemModel, time: TimelineTime): string {
  const r = time.range;
  return (model.lines[r.start.line] ?? '').slice(r.start.character, r.end.character).trim();
}
