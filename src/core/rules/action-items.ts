// action-item-owner, action-item-ticket, action-item-due: every action item has an owner, becomes a tracker ticket
// and, where required, has a due date. The fields come from actionItemFields (action-items.ts, beside the model).
import { fieldsOf, type Fields } from '../model/action-items';
import { keepsEntries, type Entry, type PostmortemModel } from '../model/model';
import { range } from '../model/text';
import type { Rule, RuleContext } from './types';

/** An item's first line, without its indentation and trailing white space: where its findings go. */
export function firstLine(entry: Entry, model: PostmortemModel) {
  const l = entry.range.start.line;
  const text = model.lines[l] ?? '';
  const start = text.length - text.trimStart().length;
  return range(l, start, l, text.trimEnd().length);
}

type ItemFinding = Parameters<RuleContext['report']>[0];

function itemRule(code: string, field: 'owner' | 'ticket' | 'due', description: string, message: (ctx: RuleContext) => string, applies: (ctx: RuleContext) => boolean = () => true): Rule {
  // The finding made for each item's fields, by the message it was made with: fields an edit did not touch are the same
  // object (see fieldsOf), and so is their finding, at the same index.
  const made = new WeakMap<Fields, { readonly message: string; readonly finding: ItemFinding }>();
  let lastMessage = '';
  return {
    code,
    defaultLevel: 'auto',
    completeness: true,
    description,
    docs: code,
    run(ctx) {
      if (!applies(ctx)) return;
      const items = fieldsOf(ctx.model, ctx.config.actionItems.ticketPattern);
      // One message string per run (the same object as the last run's when equal), not one per item.
      const text = message(ctx);
      if (text !== lastMessage) lastMessage = text;
      const keep = keepsEntries(ctx.model);
      for (let index = 0; index < items.length; index++) {
        const item = items[index]!;
        if (item[field] !== undefined || item.quiet) continue; // a placeholder, or our example item: empty-section says it
        const memo = keep ? made.get(item) : undefined;
        if (memo && memo.message === lastMessage && memo.finding.data['index'] === index) {
          ctx.report(memo.finding);
          continue;
        }
        const finding: ItemFinding = { message: lastMessage, range: firstLine(item.entry, ctx.model), data: { index, line: item.entry.range.start.line } };
        if (keep) made.set(item, { message: lastMessage, finding });
        ctx.report(finding);
      }
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
