// Merging imported entries into a post-mortem's Timeline: each goes after the last entry that is not later than it,
// in the section's style (list or table, bullet, bold time, separator) and the time-stamp format and zone its entries
// already use. An entry already there (same minute, same text) is skipped. The result is a set of inserts that the
// adapter applies as one edit (one undo step); nothing else in the document changes.
import type { TextInsert } from '../authoring/edits';
import { milestoneMarker, parseMilestones } from '../milestones/parse';
import { sectionsFor, type Entry, type PostmortemModel, type Section } from '../model/model';
import { firstIndex } from '../model/text';
import { DEFAULT_TIME_FORMAT, formatTimestamp, parseTimeFormat, type FormatPart } from '../timeline/format';
import { entryStyle, timelineEntryInsert } from '../timeline/insert';
import { parseTimeline, statedTimeZone, type TimelineItem } from '../timeline/parse';
import { parseStamp } from '../timeline/stamp';
import { entryMarkdown } from './markdown';
import { withoutMilestone, type ImportedEntry } from './types';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export interface MergeOptions {
  /** Format for documents whose timeline has no timed entry yet (the `postmortem.timeline.format` setting). */
  readonly format?: readonly FormatPart[];
  /** Zone for such documents: an IANA name, `UTC` (default), or undefined for the machine's zone. */
  readonly timeZone?: string | undefined;
  /** The Timeline section the cursor is in gets the entries, when there are several. */
  readonly cursorLine?: number;
}

export interface MergePlan {
  /** Apply together, as one edit. Sorted by position; never two at one position. */
  readonly inserts: TextInsert[];
  readonly added: ImportedEntry[];
  /** Entries already in the timeline (or twice in the import): same minute, same text. */
  readonly duplicates: ImportedEntry[];
}

/** How the document writes times: a format, and a fixed offset with its label (or an IANA zone). */
interface StampStyle {
  readonly parts: readonly FormatPart[];
  readonly offsetMinutes?: number;
  readonly label?: string;
  readonly timeZone?: string | undefined;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatFixed(epochMs: number, parts: readonly FormatPart[], offsetMinutes: number, label: string): string {
  const d = new Date(epochMs + offsetMinutes * MINUTE_MS);
  const values: Record<string, string> = {
    YYYY: pad(d.getUTCFullYear(), 4),
    MM: pad(d.getUTCMonth() + 1),
    DD: pad(d.getUTCDate()),
    HH: pad(d.getUTCHours()),
    mm: pad(d.getUTCMinutes()),
    ss: pad(d.getUTCSeconds()),
    z: label,
  };
  return parts.map((p) => ('token' in p ? values[p.token] : p.literal)).join('');
}

const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const ZONE_LABEL: readonly FormatPart[] = [{ token: 'z' }];
const WALL: readonly FormatPart[] = parseTimeFormat('YYYY-MM-DD HH:mm:ss').value;

/** A stamp formatter: Intl is slow per call, so a named zone's offset and label are read once per quarter hour. */
function stamper(style: StampStyle): (epochMs: number) => string {
  if (style.offsetMinutes !== undefined) {
    const offset = style.offsetMinutes;
    return (epochMs) => formatFixed(epochMs, style.parts, offset, style.label ?? '');
  }
  const zones = new Map<number, { offset: number; label: string }>();
  return (epochMs) => {
    const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
    let zone = zones.get(bucket);
    if (!zone) {
      const at = bucket * QUARTER_HOUR_MS;
      const wall = formatTimestamp(at, WALL, style.timeZone);
      const [y, mo, d, h, mi, se] = wall.split(/[- :]/).map(Number) as [number, number, number, number, number, number];
      zone = { offset: Math.round((Date.UTC(y, mo - 1, d, h, mi, se) - at) / MINUTE_MS), label: formatTimestamp(at, ZONE_LABEL, style.timeZone) };
      zones.set(bucket, zone);
    }
    return formatFixed(epochMs, style.parts, zone.offset, zone.label);
  };
}

const CANDIDATE_DATES = ['', 'YYYY-MM-DD ', 'YYYY-MM-DD[T]', 'YYYY-MM-DD, ', 'YYYY/MM/DD ', 'YYYY-MM-DD | '];
const CANDIDATE_TIMES = ['HH:mm', 'HH:mm:ss'];
const CANDIDATE_ZONES = ['', ' z', 'z', ' (z)'];

/** The written stamp of a timeline item. */
function writtenStamp(item: TimelineItem): string {
  const r = item.time!.range;
  return (item.entry.lines[0] ?? '').slice(r.start.character, r.end.character).trim();
}

/** The format and zone of the document's timeline: the first timed entry's stamp, matched against common formats. */
function documentStyle(model: PostmortemModel, items: readonly TimelineItem[], options: MergeOptions): StampStyle {
  const stated = statedTimeZone(model);
  for (const item of items) {
    const t = item.time!;
    if (!t.hasTime) continue;
    const text = writtenStamp(item);
    const stamp = parseStamp(text);
    const offset = stamp?.offsetMinutes ?? stated?.offsetMinutes ?? 0;
    const label = stamp?.zone ?? '';
    for (const date of CANDIDATE_DATES) {
      for (const time of CANDIDATE_TIMES) {
        for (const zone of label ? CANDIDATE_ZONES.slice(1) : ['']) {
          const parts = parseTimeFormat(`${date}${time}${zone}`).value;
          if (formatFixed(t.epochMs, parts, offset, label) === text) return { parts, offsetMinutes: offset, label };
        }
      }
    }
    // A format we do not write (12-hour clock, month names): the closest 24-hour one.
    const format = `${t.hasDate ? 'YYYY-MM-DD ' : ''}HH:mm${stamp?.clock?.second ? ':ss' : ''}${label ? ' z' : ''}`;
    return { parts: parseTimeFormat(format).value, offsetMinutes: offset, label };
  }
  const timeZone = options.timeZone === undefined && 'timeZone' in options ? undefined : options.timeZone ?? 'UTC';
  return { parts: options.format ?? parseTimeFormat(DEFAULT_TIME_FORMAT).value, timeZone };
}

/** Text reduced to letters and digits for duplicate checks: Markdown, separators and case do not count. */
function normalise(text: string): string {
  return text.replace(/<br>/g, ' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** An existing entry's event text: its first line after the time stamp and any milestone label. */
function existingText(item: TimelineItem): string {
  const first = item.entry.lines[0] ?? '';
  const after = item.time!.range.end.character;
  return first.slice(milestoneMarker(first, after)?.end ?? after);
}

function inSection(section: Section, line: number): boolean {
  return line > section.heading.range.end.line && line <= section.contentRange.end.line;
}

function renderLine(style: ReturnType<typeof entryStyle>, stamp: string, text: string, index: number): string {
  if (style.kind === 'row') return `| ${stamp} | ${text} |${'  |'.repeat(style.columns - 2)}`;
  let marker = style.marker;
  const numbered = /^(\d+)([.)])$/.exec(marker);
  if (numbered) marker = `${Number(numbered[1]) + index}${numbered[2]}`;
  return `${style.indent}${marker} ${style.bold ? `**${stamp}**` : stamp}${style.separator}${text}`;
}

/** A line the insert helper wrote, read back as an entry to copy its style. */
function entryFromLine(line: string): Entry {
  const kind = line.trimStart().startsWith('|') ? 'row' : 'item';
  const text = kind === 'row' ? line : line.replace(/^\s*(?:[-+*]|\d{1,9}[.)])\s+/, '');
  return { kind, lines: [line], text, range: { start: { line: 0, character: 0 }, end: { line: 0, character: line.length } } } as unknown as Entry;
}

/** The inserts that merge `entries` into the model's Timeline (creating the section when there is none). */
export function timelineImportEdit(model: PostmortemModel, entries: readonly ImportedEntry[], options: MergeOptions = {}): MergePlan {
  const eol = model.eol;
  const all = parseTimeline(model).filter((i) => i.time?.hasTime && !i.blank);
  const sections = sectionsFor(model, 'timeline');
  const cursor = options.cursorLine;
  const section =
    (cursor !== undefined ? sections.find((s) => cursor >= s.heading.range.start.line && cursor <= s.contentRange.end.line) : undefined) ??
    [...sections].reverse().find((s) => all.some((i) => inSection(s, i.entry.range.start.line))) ??
    sections[0];
  const existing = section ? all.filter((i) => inSection(section, i.entry.range.start.line)) : [];
  const style = documentStyle(model, existing.length > 0 ? existing : all, options);

  // Keys in the document's frame: instants when dates are known, else minutes from the first imported day.
  const sorted = [...entries].sort((a, b) => a.epochMs - b.epochMs);
  const offset = style.offsetMinutes ?? 0;
  const firstDay = sorted.length > 0 ? Math.floor((sorted[0]!.epochMs + offset * MINUTE_MS) / DAY_MS) : 0;
  const dateless = existing.length > 0 && existing.every((i) => !i.time!.dateKnown);
  const keyOf = (epochMs: number) => (dateless ? epochMs - firstDay * DAY_MS : epochMs);
  const minute = (ms: number) => Math.floor(ms / MINUTE_MS);

  const seen = new Set<string>();
  for (const item of all) {
    const key = item.time!.dateKnown ? item.time!.epochMs : item.time!.epochMs + (dateless ? 0 : firstDay * DAY_MS);
    seen.add(`${minute(key)}|${normalise(existingText(item))}`);
  }

  const added: ImportedEntry[] = [];
  const duplicates: ImportedEntry[] = [];
  const stampOf = stamper(style);
  const rendered: Array<{ entry: ImportedEntry; stamp: string; markdown: string; key: number }> = [];
  // A milestone the document already gives (front matter or a timeline label) is not labelled again.
  const marked = new Set(parseMilestones(model).all.map((m) => m.id));
  for (const imported of sorted) {
    const entry = imported.milestone && marked.has(imported.milestone) ? withoutMilestone(imported) : imported;
    const markdown = entryMarkdown(entry);
    const m = minute(entry.epochMs);
    const plain = normalise(entry.text);
    // Compared without the label, as existing entries are.
    const full = normalise(entryMarkdown(withoutMilestone(entry)).replace(/\\(.)/g, '$1'));
    if (seen.has(`${m}|${full}`) || seen.has(`${m}|${plain}`)) {
      duplicates.push(entry);
      continue;
    }
    if (entry.milestone) marked.add(entry.milestone);
    seen.add(`${m}|${full}`);
    added.push(entry);
    rendered.push({ entry, stamp: stampOf(entry.epochMs), markdown, key: keyOf(entry.epochMs) });
  }
  if (rendered.length === 0) return { inserts: [], added, duplicates };

  if (existing.length === 0) {
    // No timed entry in the section: the first goes where "Add Timeline Entry" would put it, the rest follow it.
    const first = rendered[0]!;
    const { insert } = timelineEntryInsert(model, first.stamp, { text: first.markdown, ...(cursor !== undefined ? { cursorLine: cursor } : {}) });
    // The rest go right after the line of the first (which may sit inside a new section, before its trailing lines).
    const at = insert.text.lastIndexOf(first.markdown) + first.markdown.length;
    const lineEnd = insert.text.indexOf(eol, at) < 0 ? insert.text.length : insert.text.indexOf(eol, at);
    const firstLine = insert.text.slice(insert.text.lastIndexOf(eol, at) + (insert.text.lastIndexOf(eol, at) < 0 ? 1 : eol.length), lineEnd);
    const lineStyle = entryStyle(entryFromLine(firstLine));
    const rest = rendered.slice(1).map((r, i) => eol + renderLine(lineStyle, r.stamp, r.markdown, i + 1));
    const text = insert.text.slice(0, lineEnd) + rest.join('') + insert.text.slice(lineEnd);
    return { inserts: [{ position: insert.position, text }], added, duplicates };
  }

  // Each entry goes after the last existing entry whose key is not later (upper bound; the timeline is usually sorted).
  const keys = existing.map((i) => (dateless ? i.time!.epochMs : i.time!.dateKnown ? i.time!.epochMs : i.time!.epochMs + firstDay * DAY_MS));
  const groups = new Map<number, string[]>();
  const counts = new Map<number, number>();
  const styles = new Map<number, ReturnType<typeof entryStyle>>();
  for (const r of rendered) {
    const lo = firstIndex(keys.length, (k) => keys[k]! <= r.key);
    const anchor = existing[Math.max(0, lo - 1)]!;
    const n = counts.get(lo) ?? 0;
    counts.set(lo, n + 1);
    let anchorStyle = styles.get(lo);
    if (!anchorStyle) styles.set(lo, (anchorStyle = entryStyle(anchor.entry)));
    const line = renderLine(anchorStyle, r.stamp, r.markdown, lo === 0 ? n - 1 : n);
    let group = groups.get(lo);
    if (!group) groups.set(lo, (group = []));
    group.push(line);
  }
  const inserts: TextInsert[] = [];
  for (const [at, lines] of [...groups].sort((a, b) => a[0] - b[0])) {
    if (at === 0) {
      const before = existing[0]!.entry.range.start.line;
      inserts.push({ position: { line: before, character: 0 }, text: lines.join(eol) + eol });
    } else {
      const after = existing[at - 1]!.entry.range.end.line;
      inserts.push({ position: { line: after, character: (model.lines[after] ?? '').length }, text: eol + lines.join(eol) });
    }
  }
  return { inserts, added, duplicates };
}

/** Entries as a Markdown list in a format and zone, for printing (the CLI without --into). */
export function renderEntryList(entries: readonly ImportedEntry[], format: readonly FormatPart[], timeZone: string | undefined, eol = '\n'): string {
  return [...entries]
    .sort((a, b) => a.epochMs - b.epochMs)
    .map((e) => `- **${formatTimestamp(e.epochMs, format, timeZone)}** — ${entryMarkdown(e)}`)
    .join(eol);
}
