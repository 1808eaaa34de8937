// timeline-timestamp: a timeline entry with no time or date it starts with. Entries of a list or table with no
// timestamp at all are prose (e.g. a "Root causes" list under a dated sub-heading), unless no entry anywhere has one.
import { parseTimeline, type TimelineItem } from '../timeline';
import { keepsEntries, previousModel, type Entry, type PostmortemModel } from '../model/model';
import { range, type Range } from '../model/text';
import type { Rule, RuleContext } from './types';

type Report = Parameters<RuleContext['report']>[0];

/** What a run made, kept with its model: the finding of each item by index (undefined where none). */
interface Run {
  readonly items: readonly TimelineItem[];
  readonly findings: ReadonlyArray<Report | undefined>;
  /** Per item, by index: 1 where some entry of its block has a time. */
  readonly blockTimed: Uint8Array;
  readonly noneTimed: boolean;
}

/**
 * Per item, whether some entry of its block has a time. A block is named by the line of its first entry, so its items
 * are consecutive (names only grow along the timeline): one pass, not a Set of 36,000 blocks per keystroke.
 */
function timedByBlock(items: readonly TimelineItem[]): { blockTimed: Uint8Array; noneTimed: boolean } {
  const n = items.length;
  const blockTimed = new Uint8Array(n);
  let noneTimed = true;
  for (let i = 0; i < n; ) {
    const block = items[i]!.block;
    let k = i;
    let timed = false;
    for (; k < n && items[k]!.block === block; k++) if (items[k]!.time) timed = true;
    if (timed) {
      blockTimed.fill(1, i, k);
      noneTimed = false;
    }
    i = k;
  }
  return { blockTimed, noneTimed };
}

const runs = new WeakMap<PostmortemModel, Run>();
const NO_FINDINGS: Array<Report | undefined> = [];

const MESSAGE = 'Timeline entry has no time: start it with one, e.g. "14:03 UTC" or "2026-11-20 14:03 UTC".';

/** A remark between events ("**Note:** …"), not an event. */
const NOTE = /^[*_\s]*(?:note|nb|n\.b\.)\b/i;

/** Whether NOTE can match: it needs an "n" (a test per entry of a long timeline cost more than the rest of the rule). */
function mayBeNote(text: string): boolean {
  return text.includes('n') || text.includes('N');
}

/**
 * The range [start, end) of the entry's line: the entry's own range when it is that (a table row without indentation),
 * not three objects more per finding of a timeline of 80,000 rows. Ranges are never changed once made.
 */
function lineRange(entry: Entry, line: number, start: number, end: number): Range {
  const r = entry.range;
  return r.start.line === line && r.start.character === start && r.end.line === line && r.end.character === end ? r : range(line, start, line, end);
}

export const timelineTimestamp: Rule = {
  code: 'timeline-timestamp',
  defaultLevel: 'warning',
  description: 'A timeline entry has no time.',
  docs: 'timeline-timestamp',
  run({ model, report }) {
    const items = parseTimeline(model);
    const { blockTimed, noneTimed } = timedByBlock(items);
    // After an edit, the findings of the run before for the items the timeline kept (the same objects, see
    // parseTimeline), when their block is as timed as it was: mostly a compare of two arrays' pointers.
    const previous = previousModel(model);
    const before = previous ? runs.get(previous) : undefined;
    const reuse = before && before.noneTimed === noneTimed ? before : undefined;
    // Kept only for the next analysis of the document (a one-off analysis keeps nothing).
    const keep = keepsEntries(model);
    const findings = keep ? new Array<Report | undefined>(items.length) : NO_FINDINGS;
    let j = 0; // walks the items before, which are in line order too
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (reuse) {
        const was = reuse.items;
        if (was[j] !== item) {
          const line = item.entry.range.start.line;
          while (j < was.length && was[j]!.entry.range.start.line < line) j++;
        }
        if (was[j] === item) {
          const timedBefore = reuse.blockTimed[j];
          const finding = reuse.findings[j++];
          if (noneTimed || blockTimed[i] === timedBefore) {
            if (keep) findings[i] = finding;
            if (finding) report(finding);
            continue;
          }
        }
      }
      if (item.time || item.blank || !(noneTimed || blockTimed[i] === 1)) continue;
      if (mayBeNote(item.entry.text) && NOTE.test(item.entry.text)) continue;
      const entry = item.entry;
      const line = entry.range.start.line;
      const first = entry.lines[0] ?? '';
      const start = entry.kind === 'item' ? first.length - entry.text.length : first.length - first.trimStart().length;
      // The finding report made is kept, and reported again as it is (see RuleContext.report).
      const finding = report({ message: MESSAGE, range: lineRange(entry, line, start, first.length), data: { line } });
      if (keep) findings[i] = finding;
    }
    if (keep) runs.set(model, { items, findings, blockTimed, noneTimed });
  },
};
