// Incident milestones: when the incident started, was detected, acknowledged, mitigated and resolved. Written in the
// front matter (`detected: 2026-11-25 14:03 UTC`, top level or under `incident:`) or as a label on a timeline entry:
//
//   - 2026-11-25 14:03 UTC — **Detected:** PagerDuty alert on checkout latency.
//
// The label is bold (or ends with a colon) right after the entry's timestamp, so it reads as plain Markdown on GitHub.
// The front matter wins where both give a milestone; a disagreement is reported (milestone-time).
import { keepsEntries, previousModel, sectionsFor, type PostmortemModel } from '../model/model';
import { range, type Range } from '../model/text';
import { parseStamp, parseTimeline, statedTimeZone, type TimelineItem } from '../timeline';
import { ianaZone, wallToEpoch } from './zone';

export const MILESTONE_IDS = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type MilestoneId = (typeof MILESTONE_IDS)[number];

export function isMilestoneId(v: unknown): v is MilestoneId {
  return typeof v === 'string' && (MILESTONE_IDS as readonly string[]).includes(v);
}

/** The words a timeline label may use for each milestone (lower case). */
const LABELS: Readonly<Record<MilestoneId, readonly string[]>> = {
  started: ['started', 'start', 'impact started', 'impact start', 'incident started', 'incident start', 'began', 'begin'],
  detected: ['detected', 'detection'],
  acknowledged: ['acknowledged', 'acknowledgement', 'acknowledgment', 'acked', 'ack'],
  mitigated: ['mitigated', 'mitigation'],
  resolved: ['resolved', 'resolution'],
};

/** The label written for each milestone by the editor. */
export const MILESTONE_LABEL: Readonly<Record<MilestoneId, string>> = {
  started: 'Started',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

const LABEL_WORDS = Object.values(LABELS).flat().sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|');
/**
 * After the timestamp: separators, then `**Label:**`, `**Label**:`, `**Label**`, `__Label:__` or `Label:`.
 * The lead-in is bounded, so the match is linear. Sticky: it is tried at `lastIndex`, without slicing the line.
 */
const MARKER = new RegExp(String.raw`([\s|)\]*_\x60~.,:–—-]{0,12}?)(?:(\*\*|__)\s*(${LABEL_WORDS})\s*(?::\s*\2|\2\s*:?)|(${LABEL_WORDS})\s*:)`, 'iy');

function labelId(word: string): MilestoneId | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  return MILESTONE_IDS.find((id) => LABELS[id].includes(w));
}

/** A milestone label in a timeline entry's text after its timestamp. `from` is where to look in `line`. */
export function milestoneMarker(line: string, from: number): { id: MilestoneId; start: number; end: number } | undefined {
  // Every marker holds "**", "__" or ":": a line with none of them after `from` (nearly every entry) has none.
  if (line.indexOf(':', from) === -1 && line.indexOf('**', from) === -1 && line.indexOf('__', from) === -1) return undefined;
  MARKER.lastIndex = from;
  const m = MARKER.exec(line);
  if (!m) return undefined;
  const id = labelId(m[3] ?? m[4] ?? '');
  if (!id) return undefined;
  return { id, start: from + m[1]!.length, end: from + m[0].length };
}

export interface Milestone {
  readonly id: MilestoneId;
  /** The instant, when the time can be read with its zone. */
  readonly epochMs: number | undefined;
  readonly source: 'front-matter' | 'timeline';
  /** Where it is written: the front-matter value, or the timeline entry's label. */
  readonly range: Range;
  /** The time as written. */
  readonly text: string;
  /** For timeline milestones, the entry's line. */
  readonly line?: number;
  /** Why the time cannot be used (no time, no zone, a date that does not exist…). */
  readonly problem?: string;
  /** A warning that does not stop the time being used (an ambiguous time in a daylight-saving change). */
  readonly note?: string;
}

export interface Milestones {
  /** The milestone used for each id: the front matter's when it is readable, else the timeline's first. */
  readonly used: Partial<Record<MilestoneId, Milestone>>;
  /** Every milestone written, in document order. */
  readonly all: readonly Milestone[];
  /** Front matter and timeline give different times for one milestone (the front matter's is used). */
  readonly conflicts: ReadonlyArray<{ readonly frontMatter: Milestone; readonly timeline: Milestone }>;
  /** A timeline label for a milestone an earlier entry already marks. */
  readonly repeats: readonly Milestone[];
}

const cache = new WeakMap<PostmortemModel, Milestones>();

/** The document's milestones. Never throws. */
export function parseMilestones(model: PostmortemModel): Milestones {
  let m = cache.get(model);
  if (!m) cache.set(model, (m = computeMilestones(model)));
  return m;
}

/** The zone the document states, as something that can place a wall-clock time: a fixed offset or an IANA zone. */
export type DocZone = { readonly offsetMinutes: number; readonly name: string } | { readonly iana: string; readonly name: string } | undefined;

export function documentZone(model: PostmortemModel): DocZone {
  const stated = statedTimeZone(model);
  if (!stated) return undefined;
  if (stated.offsetMinutes !== undefined) return { offsetMinutes: stated.offsetMinutes, name: stated.zone };
  const iana = ianaZone(stated.zone);
  return iana ? { iana, name: stated.zone } : undefined;
}

function place(wallMs: number, zone: NonNullable<DocZone>): { epochMs: number; problem?: string; note?: string } {
  if ('offsetMinutes' in zone) return { epochMs: wallMs - zone.offsetMinutes * 60_000 };
  const z = wallToEpoch(wallMs, zone.iana);
  const when = new Date(wallMs).toISOString().slice(0, 16).replace('T', ' ');
  if (z.nonexistent) return { epochMs: z.epochMs, problem: `does not exist in ${zone.iana}: the clocks skipped ${when} (daylight saving). Write the offset, e.g. +01:00.` };
  if (z.ambiguous) return { epochMs: z.epochMs, note: `${when} happens twice in ${zone.iana} (the clocks went back); the earlier one is used. Write the offset to be exact.` };
  return { epochMs: z.epochMs };
}

/** An IANA zone name after a front-matter time, maybe in parentheses ("Europe/Berlin", "(America/New_York)"). */
function frontMatterZone(text: string): string | undefined {
  let t = text.trim();
  if (t.startsWith('(')) t = t.slice(1).trimStart();
  if (t.endsWith(')')) t = t.slice(0, -1).trimEnd();
  return /^[A-Z]+(?:\/[\w+-]+)+$/i.test(t) ? t : undefined;
}

/**
 * Reads a front-matter milestone value: a string (ISO 8601, `YYYY-MM-DD HH:mm` with a zone) or a TOML date-time.
 * `day` (the front matter's `date`, YYYY-MM-DD) only makes the example in a message the incident's day.
 */
export function readMilestoneValue(value: unknown, zone: DocZone, day?: string): { epochMs?: number; text: string; problem?: string; note?: string } {
  if (value instanceof Date) {
    const text = Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
    const local = typeof (value as { isLocal?: () => boolean }).isLocal === 'function' && (value as unknown as { isLocal: () => boolean }).isLocal();
    if (Number.isNaN(value.getTime())) return { text, problem: 'is not a date and time.' };
    if (local) {
      if (!zone) return { text, problem: 'has no time zone, and the document states none: add one (e.g. Z or +02:00).' };
      return { text, ...place(value.getTime(), zone) };
    }
    return { epochMs: value.getTime(), text };
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return { text: value === null || value === undefined ? '' : String(value), problem: 'has no date and time: write e.g. 2026-11-25 14:03 UTC.' };
  }
  const text = value.trim();
  const stamp = parseStamp(text);
  if (/^\d{4}-\d{1,2}-\d{1,2}(?!\d)/.test(text) && !stamp?.date) return { text, problem: 'is a date that does not exist.' };
  if (!stamp || stamp.start !== 0) {
    return { text, problem: `is not a date and time: write e.g. 2026-11-25 14:03 UTC or 2026-11-25T14:03:00Z.` };
  }
  if (!stamp.date) return { text, problem: `has no date: write the day too, e.g. ${day ?? '2026-11-25'} ${text}.` };
  if (stamp.date.year === undefined) return { text, problem: `has no year.` };
  if (!stamp.clock) return { text, problem: `has no time of day.` };
  const rest = text.slice(stamp.end);
  const wall = Date.UTC(stamp.date.year, stamp.date.month - 1, stamp.date.day, stamp.clock.hour, stamp.clock.minute, stamp.clock.second);
  if (stamp.offsetMinutes !== undefined) {
    if (rest.trim() !== '') return { text, problem: `has text after its time: "${rest.trim()}".` };
    return { epochMs: wall - stamp.offsetMinutes * 60_000, text };
  }
  if (rest.trim() !== '') {
    const z = frontMatterZone(rest);
    const iana = z ? ianaZone(z) : undefined;
    if (!iana) return { text, problem: `has "${rest.trim()}" after its time, which is not a time zone (use UTC, an offset such as +02:00, or a name such as Europe/Berlin).` };
    return { text, ...place(wall, { iana, name: iana }) };
  }
  if (!zone) return { text, problem: `has no time zone, and the document states none: add one (e.g. UTC or +02:00).` };
  return { text, ...place(wall, zone) };
}

/** A timeline entry's instant with the document's zone applied (daylight saving included), or why there is none. */
export function entryInstant(item: TimelineItem, zone: DocZone): { epochMs?: number; problem?: string; note?: string } {
  const t = item.time;
  if (!t || !t.hasTime) return { problem: 'has no time of day.' };
  if (!t.dateKnown) return { problem: 'has no date: write it on the entry, on a dated sub-heading, or as `date:` in the front matter.' };
  if (t.hasZone) return { epochMs: t.epochMs };
  if (!zone) return { problem: 'has no time zone, and the document states none: write one on the entry or state it (e.g. "All times UTC").' };
  if ('offsetMinutes' in zone) return { epochMs: t.epochMs };
  // The timeline parse placed zone-less times as UTC when the stated zone has no fixed offset: that is the wall time.
  return place(t.epochMs, zone);
}

/** Which timeline items held a milestone marker (1) in a model's read, by index: the next model's read takes it. */
interface MarkerRun {
  readonly items: readonly TimelineItem[];
  readonly marked: Uint8Array;
  /** The milestone each marked item gave, by index, and the zone it was read in (see sameZone). */
  readonly milestones: ReadonlyArray<Milestone | undefined>;
  readonly zone: DocZone;
}

/** Whether two reads of the document's zone are the same (a milestone read in one is read so in the other). */
function sameZone(a: DocZone, b: DocZone): boolean {
  if (!a || !b) return a === b;
  return a.name === b.name && ('offsetMinutes' in a ? 'offsetMinutes' in b && a.offsetMinutes === b.offsetMinutes : 'iana' in b && a.iana === b.iana);
}
const markerRuns = new WeakMap<PostmortemModel, MarkerRun>();

function computeMilestones(model: PostmortemModel): Milestones {
  const zone = documentZone(model);
  const all: Milestone[] = [];
  const fromFrontMatter = new Map<MilestoneId, Milestone>();
  const fm = model.frontMatter;
  if (fm) {
    const incident = fm.data['incident'];
    const date = fm.data['date'];
    const day = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date.trim()) ? date.trim() : undefined;
    for (const id of MILESTONE_IDS) {
      let path: string[] | undefined;
      let value: unknown;
      if (id in fm.data) {
        path = [id];
        value = fm.data[id];
      } else if (incident && typeof incident === 'object' && !Array.isArray(incident) && id in incident) {
        path = ['incident', id];
        value = (incident as Record<string, unknown>)[id];
      }
      if (!path) continue;
      const read = readMilestoneValue(value, zone, day);
      const where = fm.nodeRange(path) ?? fm.range;
      const m: Milestone = {
        id,
        epochMs: read.problem ? undefined : read.epochMs,
        source: 'front-matter',
        range: where,
        text: read.text,
        ...(read.problem ? { problem: `Front-matter ${path.join('.')}${read.text ? ` "${read.text}"` : ''} ${read.problem}` } : {}),
        ...(read.note ? { note: read.note } : {}),
      };
      all.push(m);
      fromFrontMatter.set(id, m);
    }
  }

  const fromTimeline = new Map<MilestoneId, Milestone>();
  const repeats: Milestone[] = [];
  if (sectionsFor(model, 'timeline').length > 0) {
    const items = parseTimeline(model);
    // After an edit, the items the timeline handed on (the same objects) hold a marker only if they held one before
    // (it is read from the item's own line and time): a pointer compare each, not three searches per entry of a long
    // timeline on every keystroke. Those that hold one are read again (the zone may have changed).
    const previous = previousModel(model);
    const before = previous ? markerRuns.get(previous) : undefined;
    const marked = keepsEntries(model) ? new Uint8Array(items.length) : undefined;
    const milestones = marked ? new Array<Milestone | undefined>(items.length) : undefined;
    // The milestone an item gave is the same while the zone is (72,000 marked entries were read again on every keystroke).
    const zoneKept = before !== undefined && sameZone(before.zone, zone);
    let j = 0; // walks the items before, which are in line order too
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      let kept: Milestone | undefined;
      if (before) {
        const was = before.items;
        if (was[j] !== item) {
          const startLine = item.entry.range.start.line;
          while (j < was.length && was[j]!.entry.range.start.line < startLine) j++;
        }
        if (was[j] === item) {
          if (before.marked[j] === 0) {
            j++;
            continue;
          }
          if (zoneKept) kept = before.milestones[j];
          j++;
        }
      }
      if (kept) {
        marked![i] = 1;
        milestones![i] = kept;
        all.push(kept);
        if (fromTimeline.has(kept.id)) repeats.push(kept);
        else fromTimeline.set(kept.id, kept);
        continue;
      }
      if (item.blank) continue;
      const line = item.entry.range.start.line;
      const first = item.entry.lines[0] ?? '';
      const after = item.time ? item.time.range.end.character : first.length - item.entry.text.length;
      const marker = milestoneMarker(first, after);
      if (!marker) continue;
      if (marked) marked[i] = 1;
      const read = entryInstant(item, zone);
      const stamp = item.time ? first.slice(item.time.range.start.character, item.time.range.end.character).trim() : '';
      const m: Milestone = {
        id: marker.id,
        epochMs: read.problem ? undefined : read.epochMs,
        source: 'timeline',
        range: range(line, marker.start, line, marker.end),
        text: stamp,
        line,
        ...(read.problem ? { problem: `The timeline entry marked ${MILESTONE_LABEL[marker.id]} ${read.problem}` } : {}),
        ...(read.note ? { note: read.note } : {}),
      };
      if (milestones) milestones[i] = m;
      all.push(m);
      if (fromTimeline.has(marker.id)) repeats.push(m);
      else fromTimeline.set(marker.id, m);
    }
    if (marked) markerRuns.set(model, { items, marked, milestones: milestones!, zone });
  }

  const used: Partial<Record<MilestoneId, Milestone>> = {};
  const conflicts: Array<{ frontMatter: Milestone; timeline: Milestone }> = [];
  for (const id of MILESTONE_IDS) {
    const f = fromFrontMatter.get(id);
    const t = fromTimeline.get(id);
    if (f && f.epochMs !== undefined) {
      used[id] = f;
      if (t && t.epochMs !== undefined && Math.abs(t.epochMs - f.epochMs) >= 60_000) conflicts.push({ frontMatter: f, timeline: t });
    } else if (t && t.epochMs !== undefined) used[id] = t;
  }
  all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { used, all, conflicts, repeats };
}
