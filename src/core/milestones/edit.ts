// The quick fix "Write milestones into the front matter": the milestones the timeline labels give, as front-matter
// keys. One insert: before the closing fence of YAML or TOML front matter, or a new front-matter block at the top.
// Keys the front matter already has are never overwritten.
import type { TextInsert } from '../authoring/edits';
import type { PostmortemModel } from '../model/model';
import { pos, range, type Range } from '../model/text';
import { parseStamp } from '../timeline/stamp';
import { MILESTONE_IDS, MILESTONE_LABEL, milestoneMarker, parseMilestones, type MilestoneId } from './parse';

/** An instant as a front-matter value: `2026-11-25 14:03 UTC` (with seconds when it has them). */
export function milestoneValue(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  const seconds = iso.slice(17, 19) !== '00' ? iso.slice(16, 19) : '';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds} UTC`;
}

/** The timeline milestones the front matter does not state yet, in milestone order. */
export function milestonesToWrite(model: PostmortemModel): Array<{ id: MilestoneId; epochMs: number }> {
  const { all } = parseMilestones(model);
  const inFrontMatter = new Set(all.filter((m) => m.source === 'front-matter').map((m) => m.id));
  const out: Array<{ id: MilestoneId; epochMs: number }> = [];
  for (const id of MILESTONE_IDS) {
    if (inFrontMatter.has(id)) continue;
    const m = all.find((x) => x.id === id && x.source === 'timeline' && x.epochMs !== undefined);
    if (m) out.push({ id, epochMs: m.epochMs! });
  }
  return out;
}

/** The insert that writes them, or undefined when there is nothing to write (or the front matter is broken). */
export function milestonesFrontMatterInsert(model: PostmortemModel): TextInsert | undefined {
  const todo = milestonesToWrite(model);
  if (todo.length === 0) return undefined;
  const fm = model.frontMatter;
  const eol = model.eol;
  if (!fm) {
    const body = todo.map((m) => `${m.id}: ${milestoneValue(m.epochMs)}${eol}`).join('');
    return { position: pos(0, 0), text: `---${eol}${body}---${eol}${eol}` };
  }
  if (fm.errors.length > 0) return undefined;
  const lines = todo.map((m) =>
    fm.kind === 'toml' ? `${m.id} = ${new Date(m.epochMs).toISOString().replace('.000Z', 'Z')}${eol}` : `${m.id}: ${milestoneValue(m.epochMs)}${eol}`,
  );
  // Before the closing fence, at the start of its line.
  return { position: pos(fm.range.end.line, 0), text: lines.join('') };
}

/**
 * The edit that labels a timeline entry as a milestone: `**Detected:** ` where the event text starts (after the
 * timestamp, its closing emphasis and the separator), or in place of the label the entry already has. Undefined when
 * the line is not a timeline entry with a timestamp.
 */
export function milestoneLabelEdit(model: PostmortemModel, line: number, id: MilestoneId): { range: Range; text: string } | undefined {
  const entry = model.timeline.find((e) => e.range.start.line === line);
  if (!entry) return undefined;
  const first = entry.lines[0] ?? '';
  const textStart = entry.kind === 'item' ? first.length - entry.text.length : 0;
  const stamp = parseStamp(first, textStart);
  if (!stamp) return undefined;
  const label = `**${MILESTONE_LABEL[id]}:**`;
  const existing = milestoneMarker(first, stamp.end);
  if (existing) return { range: range(line, existing.start, line, existing.end), text: label };
  const lead = /^(?:\*\*|__|[*_`])?[\s|:–—-]*/.exec(first.slice(stamp.end))![0];
  const at = stamp.end + lead.length;
  const after = first.slice(at);
  const before = at > 0 && !/\s/.test(first[at - 1]!) ? ' ' : '';
  return { range: range(line, at, line, at), text: `${before}${label}${/^\s/.test(after) ? '' : ' '}` };
}

/**
 * A note typed with a milestone word first (`detected: alert fired`, `**Mitigation** rolled back`, any case, the words
 * the timeline parser accepts) as the labelled entry text `**Detected:** alert fired`; other notes unchanged.
 */
export function labelledNote(text: string): { text: string; id?: MilestoneId } {
  const marker = milestoneMarker(text, 0);
  if (!marker) return { text };
  const rest = text.slice(marker.end).trimStart();
  const label = `**${MILESTONE_LABEL[marker.id]}:**`;
  return { text: rest === '' ? label : `${label} ${rest}`, id: marker.id };
}

/**
 * The note box's "milestone" button: a note with no milestone word gets `next` (`Detected: ` first), one with a word
 * gets the following milestone in order (after Resolved comes Started again). The rest of the note is kept.
 */
export function cycleNoteMilestone(text: string, next: MilestoneId = 'started'): string {
  const marker = milestoneMarker(text, 0);
  const id = marker ? MILESTONE_IDS[(MILESTONE_IDS.indexOf(marker.id) + 1) % MILESTONE_IDS.length]! : next;
  const rest = marker ? text.slice(marker.end).trimStart() : text.trimStart();
  return `${MILESTONE_LABEL[id]}: ${rest}`;
}
