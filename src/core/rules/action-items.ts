// action-item-owner, action-item-ticket, action-item-due: every action item has an owner, becomes a tracker ticket
// and, where required, has a due date. The fields come from actionItemFields (action-items.ts, beside the model).
import { fieldsOf } from '../model/action-items';
import type { Entry, PostmortemModel } from '../model/model';
import { range } from '../model/text';
import type { Rule, RuleContext } from './types';

/** An item's first line, without its indentation and trailing white space: where its findings go. */
export function firstLine(entry: Entry, model: PostmortemModel) {
  const l = entry.range.start.line;
  const text = model.lines[l] ?? '';
  const start = text.length - text.trimStart().length;
  return range(l, start, l, text.trimEnd().length);
}

function itemRule(code: string, field: 'owner' | 'ticket' | 'due', description: string, message: (ctx: RuleContext) => string, applies: (ctx: RuleContext) => boolean = () => true): Rule {
  return {
    code,
    defaultLevel: 'auto',
    completeness: true,
    description,
    docs: code,
    run(ctx) {
      if (!applies(ctx)) return;
      const items = fieldsOf(ctx.model, ctx.config.actionItems.ticketPattern);
      items.forEach((item, index) => {
        if (item[field] !== undefined || item.quiet) return; // a placeholder, or our example item: empty-section says it
        ctx.report({ message: message(ctx), range: firstLine(item.entry, ctx.model), data: { index, line: item.entry.range.start.line } });
      });
    },
  };
}

export const actionItemOwner = itemRule('action-item-owner', 'owner', 'An action item has no owner.', () => 'This action item has no owner: add "@name" or "owner: name", so someone drives it to done.');
export const actionItemTicket = itemRule(
  'action-item-ticket',
  'ticket',
  'An action item has no ticket.',
  (ctx) => `This action item has no ticket: link the tracker ticket or name its key (matching ${ctx.config.actionItems.ticketPattern}), so it is not forgotten.`,
);
export const actionItemDue = itemRule(
  'action-item-due',
  'due',
  'An action item has no due date (only with `postmortem.actionItems.requireDueDate`).',
  () => 'This action item has no due date: add "due: YYYY-MM-DD".',
  (ctx) => ctx.config.actionItems.requireDueDate,
);
