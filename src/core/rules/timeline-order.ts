// timeline-order: a timeline entry earlier than the entry before it. Reported on the entry's timestamp.
import { keepsEntries, previousModel, type PostmortemModel } from '../model/model';
import { outOfOrder, stampText, type TimelineItem } from '../timeline';
import type { Rule, RuleContext } from './types';

type OrderFinding = Parameters<RuleContext['report']>[0];

/** What one run made, kept with its model: each finding with the entry it is on and the entry before that. */
interface OrderRun {
  readonly items: readonly TimelineItem[];
  readonly previous: readonly TimelineItem[];
  readonly findings: readonly OrderFinding[];
}

const runs = new WeakMap<PostmortemModel, OrderRun>();

export const timelineOrder: Rule = {
  code: 'timeline-order',
  defaultLevel: 'warning',
  description: 'A timeline entry is earlier than the one before it.',
  docs: 'timeline-order',
  run({ model, report }) {
    const pairs = outOfOrder(model);
    // After an edit, the finding made before for the same two timeline items (the model keeps the items of entries
    // an edit did not touch, at the lines they were): a timeline of 60,000 entries in descending order made 60,000
    // messages again on every keystroke. The runs are in line order, walked together.
    const prevModel = previousModel(model);
    const before = prevModel ? runs.get(prevModel) : undefined;
    const keep = keepsEntries(model);
    const items: TimelineItem[] = [];
    const previous: TimelineItem[] = [];
    const findings: OrderFinding[] = [];
    let j = 0;
    for (const { item, previous: earlier } of pairs) {
      let finding: OrderFinding | undefined;
      if (before) {
        const line = item.entry.range.start.line;
        while (j < before.items.length && before.items[j]!.entry.range.start.line < line) j++;
        if (before.items[j] === item && before.previous[j] === earlier) finding = before.findings[j];
      }
      if (!finding) {
        const time = item.time!;
        const was = earlier.time!;
        finding = {
          message: `Timeline entry "${stampText(model, time)}" is earlier than the entry before it ("${stampText(model, was)}", line ${was.range.start.line + 1}).`,
          range: time.range,
          data: { line: item.entry.range.start.line, previousLine: earlier.entry.range.start.line },
        };
      }
      if (keep) {
        items.push(item);
        previous.push(earlier);
        findings.push(finding);
      }
      report(finding);
    }
    if (keep) runs.set(model, { items, previous, findings });
  },
};
