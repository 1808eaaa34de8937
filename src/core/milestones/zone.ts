// Wall-clock times to instants in a zone: fixed offsets, or IANA names through Intl, so a time zone's daylight-saving
// changes are honoured (Europe/Berlin's 02:30 on the last Sunday of October happens twice; in March not at all).

export interface ZonedInstant {
  readonly epochMs: number;
  /** The wall-clock time falls in a daylight-saving gap and does not exist in the zone. */
  readonly nonexistent?: boolean;
  /** The wall-clock time happens twice (the clocks went back); the earlier instant is taken. */
  readonly ambiguous?: boolean;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Whether Intl knows an IANA zone name; the canonical name, or undefined. */
export function ianaZone(name: string): string | undefined {
  if (!/^[A-Z]+(?:\/[\w+-]+)+$/i.test(name) && !/^(?:UTC|Etc\/\w+)$/.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC, in minutes, at an instant. */
export function zoneOffsetAt(zone: string, epochMs: number): number {
  const fields: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(epochMs))) if (p.type !== 'literal') fields[p.type] = Number(p.value);
  const wall = Date.UTC(fields['year']!, fields['month']! - 1, fields['day']!, fields['hour']! % 24, fields['minute']!, fields['second']!);
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant of a wall-clock time (given as if it were UTC, in ms) in an IANA zone. Tries the offsets in force a
 * day either side, which covers every real transition.
 */
export function wallToEpoch(wallMs: number, zone: string): ZonedInstant {
  const candidates = new Set<number>();
  for (const probe of [wallMs - 86_400_000, wallMs, wallMs + 86_400_000]) candidates.add(zoneOffsetAt(zone, probe));
  const hits: number[] = [];
  for (const offset of candidates) {
    const epoch = wallMs - offset * 60_000;
    if (zoneOffsetAt(zone, epoch) === offset) hits.push(epoch);
  }
  hits.sort((a, b) => a - b);
  if (hits.length === 0) {
    // In a gap: the clocks jumped over this time. Keep the instant the earlier offset gives, and say so.
    const before = zoneOffsetAt(zone, wallMs - 86_400_000);
    return { epochMs: wallMs - before * 60_000, nonexistent: true };
  }
  return hits.length > 1 && hits[hits.length - 1] !== hits[0] ? { epochMs: hits[0]!, ambiguous: true } : { epochMs: hits[0]! };
}
