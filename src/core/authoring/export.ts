// Action items as CSV that Jira's CSV import accepts: Summary, Description, Assignee, Due date and Labels (one
// column per label, as Jira maps repeated columns). Every field is quoted (RFC 4180); rows end with CRLF. Cells that a
// spreadsheet would run as formulas are defused.
import { clipText } from '../model/text';
import type { PostmortemModel } from '../model/model';
import { isPlaceholderLine } from '../model/prose';
import { actionItemFields, type ActionItemFields } from '../model/action-items';
import { ACTION_ITEM_SKELETON } from './template';

export interface ExportContext {
  readonly ticketPattern: string;
  /** The post-mortem's file name, for the description. */
  readonly source?: string;
}

/** Jira's limits, in characters: a summary and a description (the text fields' limit). */
export const SUMMARY_MAX = 255;
export const DESCRIPTION_MAX = 32_767;

export function csvField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * A cell a spreadsheet would run as a formula gets a leading apostrophe, as OWASP advises against CSV injection:
 * post-mortems come from anyone, and the CSV may be opened in Excel before it reaches Jira. Jira keeps the apostrophe
 * in the text. The test runs on the NFKC-folded text after any leading white space, so full-width and small forms
 * (`＝`, `＋`, `－`, `＠`, `﹦`) and a tab, carriage return or spaces before the sign are caught too.
 */
export function spreadsheetSafe(value: string): string {
  return /^\s*[=+\-@]/.test(value.normalize('NFKC')) || /^[\t\r]/.test(value) ? `'${value}` : value;
}

/** Control characters other than tab, line feed and carriage return (C0, DEL and C1): stripped from every cell. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\v\f\u000e-\u001f\u007f-\u009f]/g;

/**
 * One cell as exported: control characters stripped, formulas defused, then cut to `max` characters, so Jira's
 * limits hold for what is written, apostrophe included.
 */
export function exportCell(value: string, max = Infinity): string {
  return clipText(spreadsheetSafe(value.replace(CONTROL, '')), max);
}

function label(value: unknown): string | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  const l = text.trim().replace(/\s+/g, '-');
  return l === '' ? undefined : l;
}


/** The action items worth exporting: not placeholders, and not the template's untouched example item. */
export function exportedActionItems(model: PostmortemModel, ticketPattern: string): ActionItemFields[] {
  return actionItemFields(model, ticketPattern).filter(
    (item) => !isPlaceholderLine(item.entry.text) && !(item.entry.lines.length === 1 && item.entry.lines[0]!.trim() === ACTION_ITEM_SKELETON),
  );
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
    for (const item of exportedActionItems(model, context.ticketPattern)) {
      const description = [
        `Action item from the post-mortem "${title}"${date ? ` (${date}${severity ? `, ${severity}` : ''})` : ''}${source ? `, ${source} line ${item.entry.range.start.line + 1}` : ''}.`,
        item.entry.lines.map((l) => l.trim()).join('\n'),
        item.ticket ? `Ticket: ${item.ticket}` : '',
      ]
        .filter((s) => s !== '')
        .join('\n\n');
      // Jira's Due date column takes a date only; other wording ("next sprint") stays in the description.
      const due = /\b\d{4}-\d{2}-\d{2}\b/.exec(item.due ?? '')?.[0] ?? '';
      const summary = item.summary.replace(/^\s*\[[ x]\]\s*/i, '');
      rows.push([summary, description, (item.owner ?? '').replace(/^@/, ''), due, ...labels]);
    }
  }
  const header = ['Summary', 'Description', 'Assignee', 'Due date', ...Array.from({ length: labelColumns }, () => 'Labels')];
  const lines = [header, ...rows.map((r) => [...r, ...Array.from({ length: header.length - r.length }, () => '')])];
  const limits = [SUMMARY_MAX, DESCRIPTION_MAX];
  return `${lines.map((r, i) => r.map((cell, column) => csvField(i === 0 ? cell : exportCell(cell, limits[column]))).join(',')).join('\r\n')}\r\n`;
}
