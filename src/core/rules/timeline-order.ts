// timeline-order: a timeline entry earlier than the entry before it. Reported on the entry's timestamp.
import { outOfOrder, stampText } from '../timeline';
import type { Rule } from './types';

export const timelineOrder: Rule = {
  code: 'timeline-order',
  defaultLevel: 'warning',
  description: 'A timeline entry is earlier than the one before it.',
  docs: 'timeline-order',
  run({ model, report }) {
    for (const { item, previous } of outOfOrder(model)) {
      const time = item.time!;
      const before = previous.time!;
      report({
        message: `Timeline entry "${stampText(model, time)}" is earlier than the entry before it ("${stampText(model, before)}", line ${before.range.start.line + 1}).`,
        range: time.range,
        data: { line: item.entry.range.start.line, previousLine: previous.entry.range.start.line },
      });
    }
  },
};
