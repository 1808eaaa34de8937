// Formatting the timestamp of a new timeline entry: a small token format and a time zone (UTC, local or IANA).
// Invalid settings never throw: they fall back to the defaults and say why, so the adapter can warn once.

export const DEFAULT_TIME_FORMAT = 'YYYY-MM-DD HH:mm z';
export const DEFAULT_TIME_ZONE = 'UTC';

export const FORMAT_TOKENS = ['YYYY', 'MM', 'DD', 'HH', 'mm', 'ss', 'z'] as const;
export type FormatToken = (typeof FORMAT_TOKENS)[number];
export type FormatPart = { readonly token: FormatToken } | { readonly literal: string };

export interface Checked<T> {
  readonly value: T;
  /** Set when the input was invalid and the default is used instead. */
  readonly problem?: string;
}

/**
 * Splits a format into tokens and literal text. Runs of letters must be tokens; other characters are literal, and
 * `[text]` is literal text, letters included (`YYYY-MM-DD[T]HH:mm`).
 */
export function parseTimeFormat(format: string | undefined): Checked<readonly FormatPart[]> {
  const fallback = (problem: string): Checked<readonly FormatPart[]> => ({ value: parseTimeFormat(DEFAULT_TIME_FORMAT).value, problem });
  if (format === undefined || format.trim() === '') return { value: parseTimeFormat(DEFAULT_TIME_FORMAT).value };
  const parts: FormatPart[] = [];
  const re = /\[([^\]]*)\]|([A-Z])\2*|[^[A-Z]+|\[/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(format))) {
    if (m[1] !== undefined) parts.push({ literal: m[1] });
    else if (m[2] !== undefined) {
      if (!(FORMAT_TOKENS as readonly string[]).includes(m[0])) {
        return fallback(`Unknown token "${m[0]}" in the timeline format "${format}". Tokens: ${FORMAT_TOKENS.join(' ')}; put other text in [brackets]. Using "${DEFAULT_TIME_FORMAT}".`);
      }
      parts.push({ token: m[0] as FormatToken });
    } else if (m[0] === '[') return fallback(`Unclosed "[" in the timeline format "${format}". Using "${DEFAULT_TIME_FORMAT}".`);
    else parts.push({ literal: m[0] });
  }
  if (!parts.some((p) => 'token' in p && (p.token === 'HH' || p.token === 'mm'))) {
    return fallback(`The timeline format "${format}" has no time (HH or mm). Using "${DEFAULT_TIME_FORMAT}".`);
  }
  return { value: parts };
}

/**
 * The zone to format in: an IANA name, or undefined for the machine's local zone. `UTC` (the default) and `local`
 * are keywords; any other name must be one Intl knows.
 */
export function resolveTimeZone(setting: string | undefined): Checked<string | undefined> {
  const name = (setting ?? '').trim();
  if (name === '' || name.toUpperCase() === 'UTC') return { value: 'UTC' };
  if (name.toLowerCase() === 'local') return { value: undefined };
  try {
    return { value: new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone };
  } catch {
    return { value: 'UTC', problem: `"${name}" is not a time zone this system knows (use UTC, local, or an IANA name such as Europe/Berlin). Using UTC.` };
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      ...(timeZone ? { timeZone } : {}),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(key, f);
  }
  return f;
}

/** The zone label for `z`: UTC, a common abbreviation (PST, EDT), or a UTC offset such as +01:00. */
function zoneLabel(name: string, timeZone: string | undefined): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || name === 'UTC') return 'UTC';
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name);
  if (m) return `${m[1]}${m[2]!.padStart(2, '0')}:${m[3] ?? '00'}`;
  return name;
}

/** Formats an instant with parsed format parts in a zone (undefined: local). */
export function formatTimestamp(epochMs: number, parts: readonly FormatPart[], timeZone: string | undefined): string {
  const fields: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) fields[p.type] = p.value;
  const values: Record<FormatToken, string> = {
    YYYY: (fields['year'] ?? '').padStart(4, '0'),
    MM: fields['month'] ?? '',
    DD: fields['day'] ?? '',
    HH: (fields['hour'] ?? '').replace(/^24$/, '00'),
    mm: fields['minute'] ?? '',
    ss: fields['second'] ?? '',
    z: zoneLabel(fields['timeZoneName'] ?? 'UTC', timeZone),
  };
  return parts.map((p) => ('token' in p ? values[p.token] : p.literal)).join('');
}
