// action-item-owner, action-item-ticket, action-item-due: every action item has an owner, becomes a tracker ticket
// and, where required, has a due date. The fields come from actionItemFields (action-items.ts, beside the model).
import { fieldsOf, type Fields } from '../model/action-items';
import { keepsEntries, previousModel, type Entry, type PostmortemModel } from '../model/model';
import { range } from '../model/text';
import type { Rule, RuleContext } from './types';

/** An item's first line, without its indentation and trailing white space: where its findings go. */
export function firstLine(entry: Entry, model: PostmortemModel) {
  const l = entry.range.start.line;
  const text = model.lines[l] ?? '';
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  // The entry's own range when it is that (a row without indentation or trailing white space): ranges are never
  // changed once made, and a long table's findings made three objects more each.
  const r = entry.range;
  return r.start.line === l && r.start.character === start && r.end.line === l && r.end.character === end ? r : range(l, start, l, end);
}

type ItemFinding = Parameters<RuleContext['report']>[0];
const NO_FINDINGS: Array<ItemFinding | undefined> = [];

/** What one run of an item rule made, kept with its model: the findings by item index (none where it reported none). */
interface ItemRun {
  readonly items: readonly Fields[];
  readonly message: string;
  readonly findings: ReadonlyArray<ItemFinding | undefined>;
}

function itemRule(code: string, field: 'owner' | 'ticket' | 'due', description: string, message: (ctx: RuleContext) => string, applies: (ctx: RuleContext) => boolean = () => true): Rule {
  const runs = new WeakMap<PostmortemModel, ItemRun>();
  return {
    code,
    defaultLevel: 'auto',
    completeness: true,
    description,
    docs: code,
    run(ctx) {
      if (!applies(ctx)) return;
      const items = fieldsOf(ctx.model, ctx.config.actionItems.ticketPattern);
      const text = message(ctx);
      // After an edit, the findings of the run before, by position: fields the model kept (the same object at the
      // same index, see fieldsOf) give the same finding. Only the arrays are read, not each item.
      const previous = previousModel(ctx.model);
      const before = previous ? runs.get(previous) : undefined;
      const reuse = before && before.message === text ? before : undefined;
      // Kept only for the next analysis of the document (a one-off analysis keeps nothing).
      const keep = keepsEntries(ctx.model);
      const findings = keep ? new Array<ItemFinding | undefined>(items.length) : NO_FINDINGS;
      for (let index = 0; index < items.length; index++) {
        const item = items[index]!;
        if (reuse && reuse.items[index] === item) {
          const finding = reuse.findings[index];
          if (keep) findings[index] = finding;
          if (finding) ctx.report(finding);
          continue;
        }
        if (item[field] !== undefined || item.quiet) continue; // a placeholder, or our example item: empty-section says it
        // The finding report made is kept, and reported again as it is (see RuleContext.report).
        const finding = ctx.report({ message: text, range: firstLine(item.entry, ctx.model), data: { index, line: item.entry.range.start.line } });
        if (keep) findings[index] = finding;
      }
      if (keep) runs.set(ctx.model, { items, message: text, findings });
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
