// action-item-overdue: an open action item past its due date, or, without one, past the follow-up policy's deadline.
// Information in the editor (a nudge, not a fault in the text); `postmortem actions --overdue` fails on it. Runs only
// when the adapter gives today's date: the core never reads the clock.
import { daysBetween, followUps } from '../model/follow-up';
import { computeMetrics } from '../milestones/durations';
import { firstLine } from './action-items';
import type { Rule } from './types';

export const actionItemOverdue: Rule = {
  code: 'action-item-overdue',
  description: "An open action item is past its due date (or, without one, past the follow-up policy's deadline); `postmortem actions --overdue` fails on it.",
  docs: 'action-item-overdue',
  defaultLevel: 'info',
  run(ctx) {
    const today = ctx.today;
    if (today === undefined || ctx.model.actionItems.length === 0) return;
    // The metrics date the incident (a due date without a year takes its year), with or without a policy.
    const metrics = computeMetrics(ctx.model, ctx.config.milestones.origin);
    for (const f of followUps(ctx.model, { config: ctx.config, today, metrics })) {
      if (!f.overdue) continue;
      const due = f.dueDay ?? f.deadline!;
      const days = daysBetween(due, today) ?? 0;
      const ago = `${days} day${days === 1 ? '' : 's'} ago`;
      ctx.report({
        message:
          f.dueDay !== undefined
            ? `This action item was due ${due} (${ago}) and is still open: finish it and tick it off, or agree a new due date.`
            : `This open action item has no due date, and the follow-up policy's deadline (${due}) passed ${ago}: finish it, or give it a due date.`,
        range: firstLine(f.item.entry, ctx.model),
        data: { line: f.item.entry.range.start.line, due, today, days },
      });
    }
  },
};
