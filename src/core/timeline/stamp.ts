// Timestamps written at the start of a timeline entry or heading: ISO 8601, `YYYY-MM-DD HH:mm[:ss]`, named-month
// dates (`Nov 20`, `January 29, 2024`, `29 January 2024`), bare `HH:mm` and `2:03 PM`, each with an optional zone.

/** A timestamp as written, before dates are inherited from context. Offsets are into the text given. */
export interface WrittenStamp {
  readonly start: number;
  readonly end: number;
  readonly date?: { readonly year: number | undefined; readonly month: number; readonly day: number };
  /** Minutes and seconds since local midnight, as written. */
  readonly clock?: { readonly hour: number; readonly minute: number; readonly second: number };
  /** The zone as written ("UTC", "PST", "+02:00"), and its offset from UTC in minutes when known. */
  readonly zone?: string;
  readonly offsetMinutes?: number;
}

/** Zone abbreviations and their offsets in minutes. Ambiguous ones take their most common meaning (CST: US Central, IST: India). */
export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0,
  WEST: 60, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  IST: 330, SGT: 480, HKT: 480, AWST: 480, JST: 540, KST: 540, ACST: 570, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  HST: -600, AKST: -540, AKDT: -480, PST: -480, PDT: -420, MST: -420, MDT: -360, CST: -360, CDT: -300, EST: -300, EDT: -240,
  AST: -240, ADT: -180, NST: -210, NDT: -150,
};

const ABBREVIATIONS = Object.keys(ZONE_OFFSETS).filter((z) => z !== 'Z').sort((a, b) => b.length - a.length).join('|');

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const MONTH_DAY = new RegExp(String.raw`^${WEEKDAY}${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d|:\d)(?:,?\s+(\d{4})(?!\d|:\d))?`, 'i');
const DAY_MONTH = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}(?:,?\s+(\d{4})(?!\d|:\d))?(?![a-z])`, 'i');
const DATE_TIME_SEP = /^(?:T|\s*\|\s*|,?\s+(?:at\s+)?|\s*[@–—-]\s*(?=\d))/i;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?!\d)(?:\s*([ap])\.?m\.?(?![a-z]))?/i;
const CLOCK_AMPM = /^(\d{1,2})\s*([ap])\.?m\.?(?![a-z])/i;
// `\s*(?:\(\s*)?`, not `\s*\(?\s*`: two adjacent runs of white space split a run of n spaces n ways, and a line of a
// time, n spaces and a letter took O(n²) (a 40,000-space line 1.1 s; a pasted 200 kB line over 20 s).
const ZONE_NAMED = new RegExp(String.raw`^\s*(?:\(\s*)?(UTC|GMT|${ABBREVIATIONS})(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?(?:\s*\))?(?![A-Za-z0-9])`);
const ZONE_UTC_LOWER = /^\s*(?:\(\s*)?(utc|gmt)(?:\s*\))?(?![A-Z0-9])/i;
const ZONE_OFFSET_SPACED = /^\s+\(?([+-])(\d{2}):?(\d{2})\)?(?!\d)/;
const ZONE_ATTACHED = /^(?:(Z)|([+-])(\d{2}):?(\d{2}))(?![\dA-Za-z])/;
/** What may precede a timestamp at the start of an entry: emphasis, code ticks, a link bracket, table pipes. */
const LEADING = /^[\s*_`[(|~]*/;

/** Parses the timestamp at the start of `text` (after emphasis and table pipes), or undefined. */
export function parseStamp(text: string, from = 0): WrittenStamp | undefined {
  const lead = LEADING.exec(text.slice(from))![0].length;
  const start = from + lead;
  let rest = text.slice(start);
  let pos = start;
  let date: WrittenStamp['date'];
  let iso = false;

  let m = ISO_DATE.exec(rest);
  if (m) {
    date = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
    iso = date !== undefined;
  } else if ((m = MONTH_DAY.exec(rest))) {
    date = validDate(m[3] ? Number(m[3]) : undefined, monthOf(m[1]!), Number(m[2]));
  } else if ((m = DAY_MONTH.exec(rest))) {
    date = validDate(m[3] ? Number(m[3]) : undefined, monthOf(m[2]!), Number(m[1]));
  }
  if (m && date) {
    pos += m[0].length;
    rest = text.slice(pos);
  }

  let clock: WrittenStamp['clock'];
  const sep = date ? DATE_TIME_SEP.exec(rest) : undefined;
  const clockAt = date ? (sep ? sep[0].length : -1) : 0;
  if (clockAt >= 0) {
    const candidate = rest.slice(clockAt);
    const c24 = CLOCK.exec(candidate);
    const c12 = c24 ? undefined : CLOCK_AMPM.exec(candidate);
    clock = c24 ? clockOf(c24[1]!, c24[2]!, c24[3], c24[4]) : c12 ? clockOf(c12[1]!, '0', undefined, c12[2]) : undefined;
    if (clock) {
      pos += clockAt + (c24 ?? c12)![0].length;
      rest = text.slice(pos);
    }
  }
  if (!date && !clock) return undefined;

  let zone: string | undefined;
  let offsetMinutes: number | undefined;
  let z: RegExpExecArray | null = null;
  const attached = iso || clock ? ZONE_ATTACHED.exec(rest) : null;
  if (attached && (iso || attached[1])) {
    z = attached;
    zone = z[0];
    offsetMinutes = z[1] ? 0 : offset(z[2]!, z[3]!, z[4]!);
  } else if ((z = ZONE_NAMED.exec(rest))) {
    zone = z[0].trim();
    if (zone.startsWith('(')) zone = zone.slice(1).trimStart();
    if (zone.endsWith(')')) zone = zone.slice(0, -1).trimEnd();
    const extra = z[2] ? offset(z[2], z[3]!.padStart(2, '0'), z[4] ?? '00') : 0;
    offsetMinutes = extra === undefined ? undefined : ZONE_OFFSETS[z[1]!]! + extra;
  } else if ((z = ZONE_UTC_LOWER.exec(rest))) {
    zone = z[1]!.toUpperCase();
    offsetMinutes = 0;
  } else if (clock && (z = ZONE_OFFSET_SPACED.exec(rest))) {
    zone = `${z[1]}${z[2]}:${z[3]}`;
    offsetMinutes = offset(z[1]!, z[2]!, z[3]!);
  }
  if (zone !== undefined && offsetMinutes === undefined) zone = undefined;
  else if (z && zone !== undefined) pos += z[0].length;

  return {
    start,
    end: pos,
    ...(date ? { date } : {}),
    ...(clock ? { clock } : {}),
    ...(zone !== undefined ? { zone, offsetMinutes: offsetMinutes! } : {}),
  };
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function validDate(year: number | undefined, month: number, day: number): WrittenStamp['date'] {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (year !== undefined && (year < 1900 || year > 2999)) return undefined;
  const probe = new Date(Date.UTC(year ?? 2000, month - 1, day));
  if (probe.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

function clockOf(h: string, mi: string, s: string | undefined, ampm: string | undefined): WrittenStamp['clock'] {
  let hour = Number(h);
  const minute = Number(mi);
  const second = s ? Number(s) : 0;
  if (minute > 59 || second > 59) return undefined;
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = ampm.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) return undefined;
  return { hour, minute, second };
}

function offset(sign: string, hh: string, mm: string): number | undefined {
  const h = Number(hh);
  const m = Number(mm);
  if (h > 14 || m > 59) return undefined;
  return (sign === '-' ? -1 : 1) * (h * 60 + m);
}

/** A time zone stated in prose: "All times UTC", "(times in PST)", "Europe/Berlin", "UTC+2". */
const PROSE_ZONE = new RegExp(String.raw`(?<![A-Za-z])(?:(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|UTC|GMT|${ABBREVIATIONS}|(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Z][A-Za-z_]+)(?![A-Za-z])|\butc\b|\blocal time\b`);

/**
 * Whether PROSE_ZONE may match: each of its matches holds two capitals in a row (every abbreviation has three or
 * more), a "/" (a region and a city), "utc" or "local time". One read that stops at the first; most headings and lines
 * (a document of 40,000 "## Timeline" sections) hold none, and are settled without the pattern's many alternatives.
 * A long text (a chunk of thousands of lines) goes to the pattern, which reads it faster than this loop.
 */
function mayStateZone(text: string): boolean {
  if (text.length > 200) return true;
  let capital = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    if ((upper && capital) || c === 47) return true;
    capital = upper;
  }
  return text.includes('utc') || text.includes('local time');
}

/** Whether a text states a zone somewhere (proseZone(text) !== undefined), without reading which. */
export function statesZone(text: string): boolean {
  return mayStateZone(text) && PROSE_ZONE.test(text);
}

/** The zone a line of prose states, if any. */
export function proseZone(line: string): { zone: string; offsetMinutes: number | undefined } | undefined {
  if (!mayStateZone(line)) return undefined;
  const m = PROSE_ZONE.exec(line);
  if (!m) return undefined;
  const zone = m[0];
  const named = ZONE_NAMED.exec(zone);
  if (named) {
    const extra = named[2] ? offset(named[2], named[3]!.padStart(2, '0'), named[4] ?? '00') : 0;
    return { zone, offsetMinutes: extra === undefined ? undefined : ZONE_OFFSETS[named[1]!]! + extra };
  }
  return { zone, offsetMinutes: /^utc$/i.test(zone) ? 0 : undefined };
}
