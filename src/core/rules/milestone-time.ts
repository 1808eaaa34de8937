// milestone-time: a milestone whose time cannot be used (no time, no date, no zone, a date that does not exist, a time
// the clocks skipped), a timeline label repeating a milestone, or front matter and timeline disagreeing on one.
import { MILESTONE_LABEL, formatDuration, parseMilestones } from '../milestones';
import type { Rule } from './types';

export const milestoneTime: Rule = {
  code: 'milestone-time',
  defaultLevel: 'warning',
  description: 'A milestone\'s time cannot be used, or front matter and timeline disagree.',
  docs: 'milestone-time',
  run({ model, report }) {
    const { all, conflicts, repeats } = parseMilestones(model);
    for (const m of all) {
      const message = m.problem ?? m.note;
      if (!message) continue;
      report({
        message: m.problem ? `${message} Durations leave this milestone out.` : message,
        range: m.range,
        ...(m.problem ? {} : { severity: 'info' as const }),
        data: { milestone: m.id, source: m.source },
      });
    }
    for (const { frontMatter, timeline } of conflicts) {
      const diff = formatDuration(timeline.epochMs! - frontMatter.epochMs!).replace(/^−/, '');
      report({
        message: `The timeline marks ${MILESTONE_LABEL[timeline.id]} at ${timeline.text}, but the front matter says ${frontMatter.text} (${diff} apart); the front matter's time is used.`,
        range: timeline.range,
        data: { milestone: timeline.id, source: 'timeline', conflict: true, frontMatterLine: frontMatter.range.start.line },
      });
    }
    for (const m of repeats) {
      const first = all.find((o) => o.id === m.id && o.source === 'timeline' && o !== m);
      report({
        message: `${MILESTONE_LABEL[m.id]} is already marked on line ${(first?.range.start.line ?? 0) + 1}; the first mark is used.`,
        range: m.range,
        data: { milestone: m.id, source: m.source, repeat: true },
      });
    }
  },
};
