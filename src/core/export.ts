// Action items as CSV that Jira's CSV import accepts: Summary, Description, Assignee, Due date and Labels (one
// column per label, as Jira maps repeated columns). Every field is quoted (RFC 4180).
import type { PostmortemModel } from './model';
import { actionItemFields } from './rules/action-items';

export interface ExportContext {
  readonly ticketPattern: string;
  /** The post-mortem's file name, for the description. */
  readonly source?: string;
}

export function csvField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function label(value: unknown): string | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  const l = text.trim().replace(/\s+/g, '-');
  return l === '' ? undefined : l;
}

export function actionItemsCsv(models: ReadonlyArray<{ model: PostmortemModel; source?: string }>, context: ExportContext): string {
  const rows: string[][] = [];
  let labelColumns = 1;
  for (const { model, source } of models) {
    const fm = model.frontMatter?.data ?? {};
    const title = typeof fm['title'] === 'string' ? fm['title'] : (model.title?.text ?? source ?? 'post-mortem');
    const date = label(fm['date']);
    const severity = label(fm['severity']);
    const labels = ['postmortem', ...(date ? [`postmortem-${date}`] : []), ...(severity ? [severity] : [])];
    labelColumns = Math.max(labelColumns, labels.length);
    for (const item of actionItemFields(model, context.ticketPattern)) {
      const description = [
        `Action item from the post-mortem "${title}"${date ? ` (${date}${severity ? `, ${severity}` : ''})` : ''}${source ? `, ${source} line ${item.entry.range.start.line + 1}` : ''}.`,
        item.entry.lines.map((l) => l.trim()).join('\n'),
        item.ticket ? `Ticket: ${item.ticket}` : '',
      ]
        .filter((s) => s !== '')
        .join('\n\n');
      rows.push([item.summary.replace(/^\s*\[[ xX]\]\s*/, '').slice(0, 255), description, (item.owner ?? '').replace(/^@/, ''), item.due ?? '', ...labels]);
    }
  }
  const header = ['Summary', 'Description', 'Assignee', 'Due date', ...Array.from({ length: labelColumns }, () => 'Labels')];
  const lines = [header, ...rows.map((r) => [...r, ...Array.from({ length: header.length - r.length }, () => '')])];
  return `${lines.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
