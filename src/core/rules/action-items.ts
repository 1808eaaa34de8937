// action-item-owner, action-item-ticket, action-item-due: every action item has an owner, becomes a tracker ticket
// and, where required, has a due date. Items are checklist items, list items or table rows in Action Items.
import type { Entry, PostmortemModel } from '../model';
import { isPlaceholderLine } from '../prose';
import { range, trimEndChars } from '../text';
import { isOwnPlaceholder } from '../placeholders';
import { ticketMatcher } from '../user-patterns';
import type { Rule, RuleContext } from './types';

export interface ActionItemFields {
  readonly entry: Entry;
  readonly summary: string;
  readonly owner: string | undefined;
  readonly ticket: string | undefined;
  readonly due: string | undefined;
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

/** The header cells of the table a row belongs to. */
function tableHeader(model: PostmortemModel, line: number): string[] {
  let l = line;
  while (l > 0 && (model.lines[l - 1] ?? '').trimStart().startsWith('|')) l--;
  return cells(model.lines[l] ?? '').map((c) => c.toLowerCase());
}

const OWNER = /@[\w.-]+|\b(?:owner|assignee|assigned to)\s*[:=]\s*([^,;|—–]+)/i;
const DUE = /\b(\d{4}-\d{2}-\d{2})\b|\bdue(?: date)?\s*[:=]?\s*([^,;|—–]+)/i;
const LINK = /https?:\/\/\S+|\[[^\][]+\]\([^()]+\)/;

/**
 * A list item's summary: its text before the first " — " or ", owner", without the owner, ticket and due date it
 * names (a link with prose keeps its text: "Fix [the retry bug](…)" reads "Fix the retry bug").
 */
function listSummary(text: string, fields: ReadonlyArray<string | undefined>): string {
  // The white space around the cut is trimmed below; matching it here would retry from every space of a long run.
  let summary = text.split(/\s[—–-]\s|\(\s*owner|,\s*owner/i)[0]!;
  for (const field of fields) {
    if (!field) continue;
    const link = /^\[([^\]]+)\]\([^)]+\)$/.exec(field);
    summary = summary.replace(field, link && /\s/.test(link[1]!) ? link[1]! : ' ');
  }
  const cleaned = trimEndChars(summary
    .replace(/\b(?:owner|assignee|assigned to|ticket|issue|due(?: date)?)\s*[:=]\s*(?=[\s,;]|$)/gi, ' ')
    .replace(/\*\*/g, '')
    .replace(/[\s,;(]+/g, danglingSeparators)
    .replace(/\(\s*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim(), /[\s,;]/);
  return cleaned === '' ? text.replace(/\*\*/g, '').trim() : cleaned;
}

/**
 * One run of white space, commas, semicolons and opening parentheses in a summary, without the separators left
 * dangling once fields are removed: all of it before a `)` or the end, else what precedes its last `,` or `;`
 * (when that holds a separator). One pass over maximal runs: linear, unlike `/(?:\s*[,;(]\s*)+(?=[,;)]|$)/g`.
 */
function danglingSeparators(run: string, offset: number, whole: string): string {
  const next = whole[offset + run.length];
  if (next === undefined || next === ')') return /[,;(]/.test(run) ? '' : run;
  const last = Math.max(run.lastIndexOf(','), run.lastIndexOf(';'));
  return last > 0 && /[,;(]/.test(run.slice(0, last)) ? run.slice(last) : run;
}

/** What each action item states: a summary, its owner, ticket and due date. */
export function actionItemFields(model: PostmortemModel, ticketPattern: string): ActionItemFields[] {
  const ticket = ticketMatcher(ticketPattern);
  const out: ActionItemFields[] = [];
  for (const entry of model.actionItems) {
    if (entry.kind === 'row') {
      const header = tableHeader(model, entry.range.start.line);
      const row = cells(entry.text);
      const col = (...names: string[]) => {
        const i = header.findIndex((h) => names.some((n) => h.includes(n)));
        const v = i >= 0 ? row[i] : undefined;
        return v && !isPlaceholderLine(v) ? v : undefined;
      };
      const all = row.join(' | ');
      out.push({
        entry,
        summary: col('action', 'summary', 'item', 'task', 'description', 'what') ?? row.find((c) => c.length > 0) ?? '',
        owner: col('owner', 'assignee', 'who') ?? OWNER.exec(all)?.[0],
        ticket: col('ticket', 'issue', 'jira', 'tracker', 'link') ?? (LINK.exec(all) ?? (ticket ? ticket.exec(all) : null))?.[0],
        due: col('due', 'date', 'deadline', 'when') ?? DUE.exec(all)?.[1],
      });
      continue;
    }
    const text = entry.lines.join(' ').replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ x]\]\s+)?/i, '');
    const owner = OWNER.exec(text);
    const due = DUE.exec(text);
    const ticketMatch = LINK.exec(text) ?? (ticket ? ticket.exec(text) : null);
    out.push({
      entry,
      summary: listSummary(text, [owner?.[0], due?.[0], ticketMatch?.[0]]),
      owner: owner ? (owner[1] ?? owner[0]).trim() : undefined,
      ticket: ticketMatch?.[0],
      due: due ? (due[1] ?? due[2])?.trim() : undefined,
    });
  }
  return out;
}

function firstLine(entry: Entry, model: PostmortemModel) {
  const l = entry.range.start.line;
  const text = model.lines[l] ?? '';
  const start = text.length - text.trimStart().length;
  return range(l, start, l, text.trimEnd().length);
}

function itemRule(code: string, field: 'owner' | 'ticket' | 'due', message: (ctx: RuleContext) => string, applies: (ctx: RuleContext) => boolean = () => true): Rule {
  return {
    code,
    defaultLevel: 'auto',
    completeness: true,
    run(ctx) {
      if (!applies(ctx)) return;
      const items = actionItemFields(ctx.model, ctx.config.actionItems.ticketPattern);
      items.forEach((item, index) => {
        if (item[field] !== undefined || isPlaceholderLine(item.entry.text)) return;
        if (item.entry.lines.length === 1 && isOwnPlaceholder(item.entry.lines[0]!)) return; // our example item: empty-section says it
        ctx.report({ code, message: message(ctx), range: firstLine(item.entry, ctx.model), data: { index, line: item.entry.range.start.line } });
      });
    },
  };
}

export const actionItemOwner = itemRule('action-item-owner', 'owner', () => 'This action item has no owner: add "@name" or "owner: name", so someone drives it to done.');
export const actionItemTicket = itemRule(
  'action-item-ticket',
  'ticket',
  (ctx) => `This action item has no ticket: link the tracker ticket or name its key (matching ${ctx.config.actionItems.ticketPattern}), so it is not forgotten.`,
);
export const actionItemDue = itemRule(
  'action-item-due',
  'due',
  () => 'This action item has no due date: add "due: YYYY-MM-DD".',
  (ctx) => ctx.config.actionItems.requireDueDate,
);
