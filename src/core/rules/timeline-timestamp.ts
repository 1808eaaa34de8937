// timeline-timestamp: a timeline entry with no time or date it starts with. Entries of a list or table with no
// timestamp at all are prose (e.g. a "Root causes" list under a dated sub-heading), unless no entry anywhere has one.
import { parseTimeline } from '../timeline';
import { range } from '../model/text';
import type { Rule } from './types';

const MESSAGE = 'Timeline entry has no time: start it with one, e.g. "14:03 UTC" or "2026-11-20 14:03 UTC".';

/** A remark between events ("**Note:** …"), not an event. */
const NOTE = /^[*_\s]*(?:note|nb|n\.b\.)\b/i;

export const timelineTimestamp: Rule = {
  code: 'timeline-timestamp',
  defaultLevel: 'warning',
  description: 'A timeline entry has no time.',
  docs: 'timeline-timestamp',
  run({ model, report }) {
    const items = parseTimeline(model);
    const timedBlocks = new Set<number>();
    for (const item of items) if (item.time) timedBlocks.add(item.block);
    const noneTimed = timedBlocks.size === 0;
    for (const item of items) {
      if (item.time || item.blank || !(noneTimed || timedBlocks.has(item.block))) continue;
      if (NOTE.test(item.entry.text)) continue;
      const line = item.entry.range.start.line;
      const first = item.entry.lines[0] ?? '';
      const start = item.entry.kind === 'item' ? first.length - item.entry.text.length : first.length - first.trimStart().length;
      report({ message: MESSAGE, range: range(line, start, line, first.length), data: { line } });
    }
  },
};
