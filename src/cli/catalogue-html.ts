// `postmortem report --format html`: one self-contained page, the index table, the aggregates and three charts as
// inline SVG (src/core/catalogue-index/charts.ts). No script at all, nothing from the network: its
// Content-Security-Policy allows no script, no connection and no remote image.
import { chartSpecs, chartSvg, escapeHtml, formatDuration, reportRows, severityColumns, summaryLine, type CatalogueAggregate, type CatalogueEntry, type DurationStats, type FinalShare } from '../core';

const dur = (ms: number | undefined) => (ms === undefined ? '' : formatDuration(ms));
const stat = (s: DurationStats, k: 'medianMs' | 'meanMs') => dur(s[k]);
const share = (f: FinalShare) => (f.share === undefined ? '' : `${Math.round(f.share * 100)} % (${f.count}/${f.of})`);

function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: (i: number) => boolean): string {
  const th = header.map((h, i) => `<th${numeric(i) ? ' class="n"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric(i) ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export interface HtmlReportOptions {
  readonly today?: string;
  /** An entry's path as a link from the page (relative to where it is written); default: the path. */
  readonly link?: (path: string) => string;
  readonly notes?: readonly string[];
}

export function htmlReport(entries: readonly CatalogueEntry[], agg: CatalogueAggregate, options: HtmlReportOptions = {}): string {
  const link = options.link ?? ((p: string) => p.split('/').map(encodeURIComponent).join('/'));
  const e = escapeHtml;
  const rows = reportRows(entries);
  const index = table(
    ['Date', 'Title', 'Severity', 'Status', 'TTD', 'TTR', 'Open actions', 'Overdue'],
    rows.map((r) => [e(r.date), `<a href="${e(link(r.path))}">${e(r.title)}</a>`, e(r.severity), e(r.status), dur(r.ttdMs), dur(r.ttrMs), String(r.openActions), r.overdueActions > 0 ? `<strong>${r.overdueActions}</strong>` : '0']),
    (i) => i >= 4,
  );
  const columns = severityColumns(agg);
  const months = table(
    ['Month', 'Incidents', ...columns.labels, 'Median TTR', 'Mean TTR', `Final within ${agg.finalWithinDays} days`],
    agg.byMonth.map((m) => [e(m.key), String(m.count), ...columns.values(m).map(String), stat(m.ttr, 'medianMs'), stat(m.ttr, 'meanMs'), share(m.finalWithin)].map((c, i) => (i < 2 + columns.labels.length ? c : e(c)))),
    (i) => i >= 1,
  );
  const severities = table(
    ['Severity', 'Incidents', 'Median TTR', 'Mean TTR', `Final within ${agg.finalWithinDays} days`, 'Open actions', 'Overdue'],
    agg.bySeverity.map((s) => [e(s.key), String(s.count), e(stat(s.ttr, 'medianMs')), e(stat(s.ttr, 'meanMs')), e(share(s.finalWithin)), String(s.openActions), String(s.overdueActions)]),
    (i) => i >= 1,
  );
  const owners = table(
    ['Owner', 'Open', 'Overdue', 'Due soon'],
    agg.openActionsByOwner.map((o) => [e(o.owner), String(o.open), String(o.overdue), String(o.dueSoon)]),
    (i) => i >= 1,
  );
  const charts = chartSpecs(agg)
    .map((spec) => `<figure><figcaption>${e(spec.title)}</figcaption>${chartSvg(spec)}</figure>`)
    .join('\n');
  const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'";
  const notes = options.notes ?? [];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Post-mortems</title>
<style>
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.4; }
body { margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
th, td { border-bottom: 1px solid rgba(128, 128, 128, 0.35); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1.5rem; }
figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 0.3rem; }
.notes { color: #b15c00; }
</style>
</head>
<body>
<h1>Post-mortems</h1>
<p>${e(summaryLine(agg, options.today))}</p>
${notes.length ? `<ul class="notes">${notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : ''}
<section class="charts">
${charts}
</section>
<h2>Index</h2>
${index}
<h2>By month</h2>
${months}
<h2>By severity</h2>
${severities}
<h2>Open actions by owner</h2>
${owners}
</body>
</html>
`;
}
