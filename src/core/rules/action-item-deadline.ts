// action-item-deadline: an action item due after the follow-up policy's deadline for the incident's severity
// (`followUpPolicy` in .postmortem.json: days from the incident date, e.g. {"SEV1": 28}). Silent without a policy
// for the severity, without an incident date, for items without a due date and for items already done.
import { daysBetween, followUps, severityOf } from '../model/follow-up';
import { computeMetrics } from '../milestones/durations';
import { firstLine } from './action-items';
import type { Rule } from './types';

export const actionItemDeadline: Rule = {
  code: 'action-item-deadline',
  description: "An action item is due after the follow-up policy's deadline for its severity (`followUpPolicy` in `.postmortem.json`: days from the incident date).",
  docs: 'action-item-deadline',
  defaultLevel: 'warning',
  run(ctx) {
    if (Object.keys(ctx.config.followUpPolicy).length === 0 || ctx.model.actionItems.length === 0) return;
    const metrics = computeMetrics(ctx.model, ctx.config.milestones.origin);
    const severity = severityOf(ctx.model, ctx.config.severities);
    for (const f of followUps(ctx.model, { config: ctx.config, metrics })) {
      if (!f.beyondPolicy || f.done || f.deadline === undefined || f.dueDay === undefined) continue;
      const late = daysBetween(f.deadline, f.dueDay) ?? 0;
      ctx.report({
        message: `This action item is due ${f.dueDay}, ${late} day${late === 1 ? '' : 's'} after the follow-up policy's deadline for ${severity ?? 'this severity'} (${f.deadline}): bring it forward, or split off what can be done by then.`,
        range: firstLine(f.item.entry, ctx.model),
        data: { line: f.item.entry.range.start.line, due: f.dueDay, deadline: f.deadline, severity: severity ?? '' },
      });
    }
  },
};
