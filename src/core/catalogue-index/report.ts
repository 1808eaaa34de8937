// The catalogue as text: the index table, the aggregates and the action-item ledger, in Markdown, CSV and JSON, and
// the data of the three charts (incidents per month by severity, time-to-resolve trend, open actions by owner). Pure
// strings: `postmortem report` / `postmortem actions` print them, the dashboard shows the same tables and charts.
// Everything in an entry comes from a file anyone may have written: Markdown cells are escaped so a title can neither
// break the table nor inject HTML into a README, and CSV cells that a spreadsheet would run are defused.
import { clipText } from '../model/text';
import { csvField, exportCell } from '../authoring/export';
import { formatDuration } from '../milestones/format';
import type { CatalogueAggregate, DurationStats, FinalShare, MonthStats } from './aggregate';
import type { CatalogueAction, CatalogueEntry } from './entry';

export interface ReportRow {
  readonly path: string;
  readonly date: string;
  readonly title: string;
  readonly severity: string;
  readonly status: string;
  readonly ttdMs?: number;
  readonly ttrMs?: number;
  readonly openActions: number;
  readonly overdueActions: number;
  readonly sections: string;
}

export interface LedgerRow {
  readonly path: string;
  /** 1-based, as editors and `file:line` links show it. */
  readonly line: number;
  readonly postmortem: string;
  readonly date: string;
  readonly severity: string;
  readonly text: string;
  readonly owner: string;
  readonly ticket: string;
  readonly due: string;
  readonly state: 'overdue' | 'due soon' | 'open' | 'done';
  readonly beyondPolicy: boolean;
}

/** Newest first; undated last; then by title and path, so the order never depends on the file system. */
export function sortEntries(entries: Iterable<CatalogueEntry>): CatalogueEntry[] {
  return [...entries].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === undefined) return 1;
      if (b.date === undefined) return -1;
      return a.date < b.date ? 1 : -1;
    }
    return cmp(a.title, b.title) || cmp(a.path, b.path);
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function reportRows(entries: Iterable<CatalogueEntry>): ReportRow[] {
  return sortEntries(entries)
    .filter((e) => !e.template)
    .map((e) => {
      const open = e.actions.filter((a) => !a.done);
      const required = e.completeness.present.length + e.completeness.empty.length + e.completeness.missing.length;
      const row: { -readonly [K in keyof ReportRow]: ReportRow[K] } = {
        path: e.path,
        date: e.date ?? '',
        title: e.title,
        severity: e.severity ?? '',
        status: e.status ?? '',
        openActions: open.length,
        overdueActions: open.filter((a) => a.overdue).length,
        sections: `${e.completeness.present.length}/${required}`,
      };
      const d = e.metrics?.durations;
      if (d?.ttd) row.ttdMs = d.ttd.ms;
      if (d?.ttr) row.ttrMs = d.ttr.ms;
      return row;
    });
}

export function actionState(a: CatalogueAction): LedgerRow['state'] {
  return a.done ? 'done' : a.overdue ? 'overdue' : a.dueSoon ? 'due soon' : 'open';
}

export interface LedgerFilter {
  /** Only overdue items. */
  readonly overdue?: boolean;
  /** Only this owner's items (with or without "@", any case). */
  readonly owner?: string;
  /** Done items too (default: open items only). */
  readonly includeDone?: boolean;
}

const ownerKey = (o: string) => o.trim().replace(/^@/, '').toLowerCase();

/** The ledger: every action item of every post-mortem, overdue first, then by due date, post-mortem and line. */
export function ledgerRows(entries: Iterable<CatalogueEntry>, filter: LedgerFilter = {}): LedgerRow[] {
  const rows: LedgerRow[] = [];
  const owner = filter.owner === undefined ? undefined : ownerKey(filter.owner);
  for (const e of entries) {
    if (e.template) continue;
    for (const a of e.actions) {
      if (a.done && !filter.includeDone && !filter.overdue) continue;
      if (filter.overdue && !a.overdue) continue;
      if (owner !== undefined && (a.owner === undefined || ownerKey(a.owner) !== owner)) continue;
      rows.push({
        path: e.path,
        line: a.line + 1,
        postmortem: e.title,
        date: e.date ?? '',
        severity: e.severity ?? '',
        text: a.text,
        owner: a.owner ?? '',
        ticket: a.ticket ?? '',
        due: a.dueDate ?? a.due ?? (a.deadline ? `${a.deadline} (policy)` : ''),
        state: actionState(a),
        beyondPolicy: a.beyondPolicy === true,
      });
    }
  }
  const rank = { overdue: 0, 'due soon': 1, open: 2, done: 3 } as const;
  return rows.sort((a, b) => rank[a.state] - rank[b.state] || cmp(a.due === '' ? '~' : a.due, b.due === '' ? '~' : b.due) || cmp(a.path, b.path) || a.line - b.line);
}

// ---- Markdown -------------------------------------------------------------------------------------------------------

/** Text safe in a Markdown table cell: one line, pipes, brackets, emphasis and HTML escaped, bounded. */
export function mdCell(text: string, max = 200): string {
  const one = text.replace(/[\r\n\t\v\f\u0085\u2028\u2029]+/g, ' ').trim();
  const cut = clipText(one, max, '…');
  return cut.replace(/[\\`*_[\]<>|#!&~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** A relative path as a Markdown link destination: each segment percent-encoded, in angle brackets never needed. */
export function mdLinkTarget(path: string): string {
  return path.split('/').map((s) => encodeURIComponent(s)).join('/');
}

const dur = (ms: number | undefined) => (ms === undefined ? '' : formatDuration(ms));
const statDur = (s: DurationStats, key: 'medianMs' | 'meanMs') => dur(s[key]);
const share = (f: FinalShare) => (f.share === undefined ? '' : `${Math.round(f.share * 100)} % (${f.count}/${f.of})`);

function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string {
  const sep = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [header, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export interface MarkdownReportOptions {
  /** Turns an entry's path into a link destination (relative to where the Markdown is written); default: the path. */
  readonly link?: (path: string) => string;
  readonly today?: string;
  /** Heading level of the report's sections (default 2; the title is one level up unless omitted). */
  readonly level?: number;
  /** Leave out the title line (for a README block that sits under its own heading). */
  readonly noTitle?: boolean;
}

/** Severity columns of the per-month table and chart; more severities are summed in one "N others" column. */
export const MAX_SEVERITY_COLUMNS = 12;

/**
 * The per-month severity columns: the first severities in the aggregate's order, then one for the rest. One column per
 * severity made the table months × severities: 4,000 files, each its own month and severity, wrote 65 MB (9 s as HTML).
 */
export function severityColumns(agg: CatalogueAggregate): { readonly labels: readonly string[]; readonly values: (m: MonthStats) => number[] } {
  const keys = agg.severities.length > MAX_SEVERITY_COLUMNS ? agg.severities.slice(0, MAX_SEVERITY_COLUMNS - 1) : agg.severities;
  const rest = agg.severities.length - keys.length;
  return {
    labels: rest > 0 ? [...keys, `${rest} others`] : keys,
    values: (m) => {
      const v = keys.map((k) => m.bySeverity[k] ?? 0);
      if (rest > 0) v.push(m.count - v.reduce((a, b) => a + b, 0));
      return v;
    },
  };
}

export function markdownReport(entries: readonly CatalogueEntry[], agg: CatalogueAggregate, options: MarkdownReportOptions = {}): string {
  const link = options.link ?? mdLinkTarget;
  const h = '#'.repeat(Math.min(6, Math.max(1, options.level ?? 2)));
  const out: string[] = [];
  if (!options.noTitle) out.push(`${h.slice(1) || '#'} Post-mortems`, '');
  out.push(summaryLine(agg, options.today), '');
  const rows = reportRows(entries);
  out.push(
    mdTable(
      ['Date', 'Title', 'Severity', 'Status', 'TTD', 'TTR', 'Open actions', 'Overdue'],
      rows.map((r) => [r.date, `[${mdCell(r.title)}](${link(r.path)})`, mdCell(r.severity, 40), mdCell(r.status, 40), dur(r.ttdMs), dur(r.ttrMs), String(r.openActions), String(r.overdueActions)]),
      ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r'],
    ),
    '',
  );
  if (agg.byMonth.length > 0) {
    const columns = severityColumns(agg);
    out.push(`${h} By month`, '');
    out.push(
      mdTable(
        ['Month', 'Incidents', ...columns.labels.map((s) => mdCell(s, 40)), 'Median TTR', 'Mean TTR', `Final within ${agg.finalWithinDays} days`],
        agg.byMonth.map((m) => [m.key, String(m.count), ...columns.values(m).map(String), statDur(m.ttr, 'medianMs'), statDur(m.ttr, 'meanMs'), share(m.finalWithin)]),
        ['l', 'r', ...columns.labels.map(() => 'r' as const), 'r', 'r', 'r'],
      ),
      '',
    );
  }
  if (agg.bySeverity.length > 0) {
    out.push(`${h} By severity`, '');
    out.push(
      mdTable(
        ['Severity', 'Incidents', 'Median TTR', 'Mean TTR', `Final within ${agg.finalWithinDays} days`, 'Open actions', 'Overdue'],
        agg.bySeverity.map((s) => [mdCell(s.key, 40), String(s.count), statDur(s.ttr, 'medianMs'), statDur(s.ttr, 'meanMs'), share(s.finalWithin), String(s.openActions), String(s.overdueActions)]),
        ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
      '',
    );
  }
  if (agg.openActionsByOwner.length > 0) {
    out.push(`${h} Open actions by owner`, '');
    out.push(
      mdTable(
        ['Owner', 'Open', 'Overdue', 'Due soon'],
        agg.openActionsByOwner.map((o) => [mdCell(o.owner, 80), String(o.open), String(o.overdue), String(o.dueSoon)]),
        ['l', 'r', 'r', 'r'],
      ),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function summaryLine(agg: CatalogueAggregate, today?: string): string {
  const a = agg.actions;
  const pm = `${agg.total} post-mortem${agg.total === 1 ? '' : 's'}`;
  return `${pm}; ${a.open} open action item${a.open === 1 ? '' : 's'}, ${a.overdue} overdue${today ? ` as of ${today}` : ''}.`;
}

export function markdownLedger(rows: readonly LedgerRow[], options: { readonly link?: (path: string) => string } = {}): string {
  const link = options.link ?? mdLinkTarget;
  if (rows.length === 0) return 'No action items.\n';
  return `${mdTable(
    ['State', 'Due', 'Action', 'Owner', 'Ticket', 'Post-mortem'],
    rows.map((r) => [
      r.state + (r.beyondPolicy ? ' (beyond policy)' : ''),
      mdCell(r.due, 40),
      mdCell(r.text),
      mdCell(r.owner, 80),
      mdCell(r.ticket, 120),
      `[${mdCell(r.postmortem, 80)}](${link(r.path)}#L${r.line})`,
    ]),
  )}\n`;
}

// ---- CSV and JSON ---------------------------------------------------------------------------------------------------

/** RFC 4180 rows ending with CRLF; every cell but the header's stripped of control characters and defused. */
const csv = (rows: readonly (readonly string[])[]) => `${rows.map((r, i) => r.map((c) => csvField(i === 0 ? c : exportCell(c))).join(',')).join('\r\n')}\r\n`;

export function csvReport(entries: readonly CatalogueEntry[]): string {
  const header = ['Date', 'Title', 'Severity', 'Status', 'TTD (min)', 'TTR (min)', 'Open actions', 'Overdue actions', 'Sections', 'Path'];
  const minutes = (ms: number | undefined) => (ms === undefined ? '' : String(Math.round(ms / 60_000)));
  return csv([header, ...reportRows(entries).map((r) => [r.date, r.title, r.severity, r.status, minutes(r.ttdMs), minutes(r.ttrMs), String(r.openActions), String(r.overdueActions), r.sections, r.path])]);
}

export function csvLedger(rows: readonly LedgerRow[]): string {
  const header = ['State', 'Due', 'Action', 'Owner', 'Ticket', 'Post-mortem', 'Date', 'Severity', 'Path', 'Line', 'Beyond policy'];
  return csv([header, ...rows.map((r) => [r.state, r.due, r.text, r.owner.replace(/^@/, ''), r.ticket, r.postmortem, r.date, r.severity, r.path, String(r.line), r.beyondPolicy ? 'yes' : ''])]);
}

export interface JsonReport {
  readonly today?: string;
  readonly postmortems: readonly ReportRow[];
  readonly aggregate: CatalogueAggregate;
  readonly notes?: readonly string[];
}

export function jsonReport(entries: readonly CatalogueEntry[], agg: CatalogueAggregate, extra: { readonly today?: string; readonly notes?: readonly string[] } = {}): string {
  const report: JsonReport = { ...(extra.today ? { today: extra.today } : {}), postmortems: reportRows(entries), aggregate: agg, ...(extra.notes?.length ? { notes: extra.notes } : {}) };
  return `${JSON.stringify(report, null, 2)}\n`;
}

// ---- Charts ---------------------------------------------------------------------------------------------------------

/** One chart's data, independent of the library that draws it: labels on the x axis, one series per dataset. */
export interface ChartSpec {
  readonly id: 'per-month' | 'ttr-trend' | 'owners';
  readonly title: string;
  readonly kind: 'stacked-bar' | 'line' | 'bar';
  readonly labels: readonly string[];
  readonly series: ReadonlyArray<{ readonly name: string; readonly values: ReadonlyArray<number | null> }>;
  /** What the values are: a count, or hours. */
  readonly unit: 'count' | 'hours';
}

/** Owners shown in the open-actions chart; the rest are summed in "others". */
export const MAX_CHART_OWNERS = 15;

export function chartSpecs(agg: CatalogueAggregate): ChartSpec[] {
  const months = agg.byMonth.map((m) => m.key);
  const hours = (ms: number | undefined) => (ms === undefined ? null : Math.round((ms / 3_600_000) * 100) / 100);
  const owners = agg.openActionsByOwner.slice(0, MAX_CHART_OWNERS);
  const rest = agg.openActionsByOwner.slice(MAX_CHART_OWNERS);
  const ownerLabels = [...owners.map((o) => o.owner), ...(rest.length > 0 ? [`${rest.length} others`] : [])];
  const sum = (f: (o: (typeof rest)[number]) => number) => rest.reduce((n, o) => n + f(o), 0);
  const columns = severityColumns(agg);
  const perMonth = agg.byMonth.map(columns.values);
  return [
    {
      id: 'per-month',
      title: 'Incidents per month, by severity',
      kind: 'stacked-bar',
      labels: months,
      series: columns.labels.map((s, i) => ({ name: s, values: perMonth.map((v) => v[i]!) })),
      unit: 'count',
    },
    {
      id: 'ttr-trend',
      title: 'Time to resolve per month (hours)',
      kind: 'line',
      labels: months,
      series: [
        { name: 'Median', values: agg.byMonth.map((m) => hours(m.ttr.medianMs)) },
        { name: 'Mean', values: agg.byMonth.map((m) => hours(m.ttr.meanMs)) },
      ],
      unit: 'hours',
    },
    {
      id: 'owners',
      title: 'Open action items by owner',
      kind: 'stacked-bar',
      labels: ownerLabels,
      series: [
        { name: 'Overdue', values: [...owners.map((o) => o.overdue), ...(rest.length ? [sum((o) => o.overdue)] : [])] },
        { name: 'Open', values: [...owners.map((o) => o.open - o.overdue), ...(rest.length ? [sum((o) => o.open - o.overdue)] : [])] },
      ],
      unit: 'count',
    },
  ];
}
