// Times for importers: the zone of zone-less times (UTC, IANA, offset or abbreviation), the reference day, dates
// without a year, "Today"/"Yesterday"/weekday separators, and midnight roll-over of bare times.
import { trimEndChars, trimStartChars } from '../model/text';
import { zoneOffsetAt } from '../milestones/zone';
import { parseStamp, ZONE_OFFSETS, type WrittenStamp } from '../timeline/stamp';

const DASH_OR_SPACE = /[-–—\s]/;
import { Collector } from './types';

const DAY_MS = 86_400_000;
/** A bare time earlier than the one before it is on the next day when that is at most this far ahead (as in the Timeline). */
const ROLL_OVER_MAX_MINUTES = 12 * 60;

/** Abbreviations with more than one common meaning; ZONE_OFFSETS holds the one we assume. */
export const AMBIGUOUS_ZONES: Readonly<Record<string, string>> = {
  CST: 'US Central (-06:00) or China (+08:00)',
  IST: 'India (+05:30), Israel (+02:00) or Ireland (+01:00)',
  BST: 'British Summer (+01:00) or Bangladesh (+06:00)',
  AST: 'Atlantic (-04:00) or Arabia (+03:00)',
};

export interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The zone zone-less times are in: a fixed offset, or an IANA name (offsets follow daylight saving). */
export type Zone = { readonly offsetMinutes: number; readonly name: string } | { readonly iana: string; readonly name: string };

/** The zone's offset from UTC at an instant, in minutes (an IANA zone's through the milestones' Intl reader). */
export function offsetAt(zone: Zone, epochMs: number): number {
  return 'offsetMinutes' in zone ? zone.offsetMinutes : zoneOffsetAt(zone.iana, epochMs);
}

/** The instant of a wall-clock time in a zone (the earlier one in a daylight-saving overlap). */
export function zonedToEpoch(zone: Zone, day: Day, hour: number, minute: number, second: number, ms = 0): number {
  const wall = Date.UTC(day.year, day.month - 1, day.day, hour, minute, second, ms);
  const first = wall - offsetAt(zone, wall) * 60_000;
  const second_ = wall - offsetAt(zone, first) * 60_000;
  return Math.min(first, second_);
}

/** The calendar day of an instant in a zone. */
export function dayIn(zone: Zone, epochMs: number): Day {
  const d = new Date(epochMs + offsetAt(zone, epochMs) * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(day: Day, n: number): Day {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day) + n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function dayNumber(day: Day): number {
  return Date.UTC(day.year, day.month - 1, day.day) / DAY_MS;
}

const OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?$/i;

/** Reads a zone option. Unknown names throw an ImportError-worthy message via the returned problem. */
export function parseZone(input: string | undefined, out: Collector): Zone | string {
  const name = (input ?? '').trim();
  if (name === '' || /^(?:utc|gmt|z)$/i.test(name)) return { offsetMinutes: 0, name: 'UTC' };
  const m = OFFSET.exec(name);
  if (m) {
    const h = Number(m[2]);
    const mi = Number(m[3] ?? '0');
    if (h > 14 || mi > 59) return `"${name}" is not a valid UTC offset.`;
    return { offsetMinutes: (m[1] === '-' ? -1 : 1) * (h * 60 + mi), name };
  }
  const upper = name.toUpperCase();
  if (/^[A-Z]{2,5}$/.test(upper) && ZONE_OFFSETS[upper] !== undefined) {
    if (AMBIGUOUS_ZONES[upper]) out.warn(`The zone "${upper}" is ambiguous: ${AMBIGUOUS_ZONES[upper]}. Read as ${describeOffset(ZONE_OFFSETS[upper])}; give an IANA name or an offset to be sure.`);
    return { offsetMinutes: ZONE_OFFSETS[upper], name: upper };
  }
  try {
    const iana = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return { iana, name: iana };
  } catch {
    return `"${name}" is not a time zone this system knows: use UTC, an IANA name such as Europe/Berlin, an offset such as +02:00, or an abbreviation such as PST.`;
  }
}

export function describeOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** Reads the reference day option (`YYYY-MM-DD`), or today in the zone. */
export function parseDay(input: string | undefined, zone: Zone, now: number): Day | string {
  if (input === undefined || input.trim() === '') return dayIn(zone, now);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  if (m) {
    const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    const probe = new Date(Date.UTC(day.year, day.month - 1, day.day));
    if (probe.getUTCMonth() + 1 === day.month && probe.getUTCDate() === day.day) return day;
  }
  return `"${input}" is not a date: use YYYY-MM-DD.`;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * Turns written times into instants, in input order: a time without a date takes the current day (the reference day,
 * or the last date written or separated), and a bare time earlier than the one before it rolls over to the next day.
 */
export class Clock {
  private current: Day;
  private prevMinutes: number | undefined;
  private readonly reported = new Set<string>();

  constructor(
    readonly zone: Zone,
    readonly reference: Day,
    private readonly out: Collector,
    /** The day the text was copied: "Today", "Yesterday" and weekday separators count from it. */
    readonly today: Day = reference,
  ) {
    this.current = reference;
  }

  /** Sets the day (from a date separator or a dated line); later bare times count from it. */
  setDay(day: Day): void {
    this.current = day;
    this.prevMinutes = undefined;
  }

  get day(): Day {
    return this.current;
  }

  /** A month and day without a year: the reference year, or the year before when that would be after the reference day. */
  completeYear(month: number, day: number): Day {
    const d = { year: this.reference.year, month, day };
    return dayNumber(d) > dayNumber(this.reference) + 1 ? { ...d, year: d.year - 1 } : d;
  }

  /** The instant of a parsed stamp; a written date becomes the current day, a written zone or offset is applied. */
  instant(stamp: WrittenStamp, line: number, ms = 0): number {
    if (stamp.date) {
      const date = stamp.date.year === undefined ? this.completeYear(stamp.date.month, stamp.date.day) : { year: stamp.date.year, month: stamp.date.month, day: stamp.date.day };
      this.setDay(date);
    }
    const clock = stamp.clock ?? { hour: 0, minute: 0, second: 0 };
    const minutes = clock.hour * 60 + clock.minute;
    if (!stamp.date && this.prevMinutes !== undefined && minutes < this.prevMinutes && minutes + 1440 - this.prevMinutes <= ROLL_OVER_MAX_MINUTES) {
      this.current = addDays(this.current, 1);
    }
    this.prevMinutes = minutes;
    if (stamp.zone !== undefined && stamp.offsetMinutes !== undefined) {
      const abbreviation = stamp.zone.replace(/[^A-Z]/gi, '').toUpperCase();
      if (AMBIGUOUS_ZONES[abbreviation] && !this.reported.has(abbreviation)) {
        this.reported.add(abbreviation);
        this.out.warn(`Line ${line}: the zone "${abbreviation}" is ambiguous: ${AMBIGUOUS_ZONES[abbreviation]}. Read as ${describeOffset(ZONE_OFFSETS[abbreviation]!)}; write an offset to be sure.`);
      }
      const wall = Date.UTC(this.current.year, this.current.month - 1, this.current.day, clock.hour, clock.minute, clock.second, ms);
      return wall - stamp.offsetMinutes * 60_000;
    }
    return zonedToEpoch(this.zone, this.current, clock.hour, clock.minute, clock.second, ms);
  }

  /**
   * A date separator line ("Today", "Yesterday", "Tuesday", "Tuesday, November 24th", "November 24th, 2025"), as a
   * day: relative words count from the day the text was copied (today), dates without a year take the reference
   * day's year. Undefined when the line is not one.
   */
  separator(line: string): Day | undefined {
    if (line.length > 60) return undefined;
    const text = trimEndChars(trimStartChars(line.trim(), DASH_OR_SPACE), DASH_OR_SPACE).replace(/\s+/g, ' ').toLowerCase();
    if (text === 'today') return this.today;
    if (text === 'yesterday') return addDays(this.today, -1);
    const weekday = WEEKDAYS.indexOf(text);
    if (weekday >= 0) {
      const todayWeekday = new Date(Date.UTC(this.today.year, this.today.month - 1, this.today.day)).getUTCDay();
      return addDays(this.today, -((todayWeekday - weekday + 7) % 7));
    }
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
    if (!/[a-z]/.test(text)) return undefined;
    const stamp = parseStamp(text);
    if (!stamp?.date || stamp.clock || stamp.start !== 0 || text.slice(stamp.end).trim() !== '') return undefined;
    return stamp.date.year === undefined ? this.completeYear(stamp.date.month, stamp.date.day) : { year: stamp.date.year, month: stamp.date.month, day: stamp.date.day };
  }
}
