/// <reference lib="dom" />
// The dashboard page's script (bundled alone into dist/webview/dashboard.js, loaded by the webview with a nonce).
// It draws what the extension sends (src/features/dashboard.ts): figures, charts (Chart.js, drawn on canvases) and
// tables, in VS Code's theme colours. Text from the post-mortems goes into the page as text nodes only. A click on a
// title or an action item asks the extension to open that row's file; the page never names a path itself.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { formatDuration } from '../core/milestones/format';
import type { DashboardData, DashboardRendered } from '../features/dashboard';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let charts: Chart[] = [];
let data: DashboardData | undefined;

const HOUR_MS = 3_600_000;
/** Owners in the chart (the most open items first); the table lists every item. */
const MAX_OWNERS = 12;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string | undefined>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== undefined) node.append(c);
  return node;
}

function css(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function monthLabel(key: string): string {
  const m = Number(key.slice(5, 7));
  return m >= 1 && m <= 12 ? `${MONTHS[m - 1]} ${key.slice(0, 4)}` : key;
}

const duration = (ms: number | undefined): string => (ms === undefined ? '–' : formatDuration(ms));
const percent = (share: number | undefined): string => (share === undefined ? '–' : `${Math.round(share * 100)} %`);

/** A link that asks the extension to open row `row`'s file (at `line`). */
function openLink(text: string, row: number, line?: number): HTMLAnchorElement {
  const a = el('a', { href: '#', role: 'button' }, text);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    vscode.postMessage({ type: 'open', row, ...(line === undefined ? {} : { line }) });
  });
  return a;
}

function table(id: string, head: string[], rows: Array<Array<Node | string>>, numeric: number[] = []): HTMLTableElement {
  const t = el('table', { id });
  t.append(el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', numeric.includes(i) ? { class: 'num', scope: 'col' } : { scope: 'col' }, h)))));
  const body = el('tbody');
  for (const r of rows) body.append(el('tr', {}, ...r.map((c, i) => el('td', numeric.includes(i) ? { class: 'num' } : {}, c))));
  t.append(body);
  return t;
}

function section(title: string, ...content: Node[]): HTMLElement {
  return el('section', {}, el('h2', {}, title), ...content);
}

function card(label: string, value: string, tone = ''): HTMLElement {
  return el('div', { class: `card ${tone}` }, el('div', { class: 'value' }, value), el('div', { class: 'label' }, label));
}

function chartBox(label: string): { box: HTMLElement; canvas: HTMLCanvasElement } {
  const canvas = el('canvas', { role: 'img', 'aria-label': label });
  return { box: el('div', { class: 'chart' }, canvas), canvas };
}

function palette(): string[] {
  return [
    css('--vscode-charts-red', '#f14c4c'),
    css('--vscode-charts-orange', '#d18616'),
    css('--vscode-charts-yellow', '#cca700'),
    css('--vscode-charts-blue', '#3794ff'),
    css('--vscode-charts-purple', '#b180d7'),
    css('--vscode-charts-green', '#89d185'),
  ];
}

function render(d: DashboardData): void {
  for (const c of charts) c.destroy();
  charts = [];
  const fg = css('--vscode-foreground', '#cccccc');
  const muted = css('--vscode-descriptionForeground', fg);
  const grid = css('--vscode-editorWidget-border', 'rgba(128,128,128,0.35)');
  Chart.defaults.color = muted;
  Chart.defaults.borderColor = grid;
  Chart.defaults.font.family = css('--vscode-font-family', 'sans-serif');
  Chart.defaults.animation = false;
  const colours = palette();
  const a = d.aggregate;

  const header = el(
    'header',
    {},
    el('h1', {}, 'Post-mortems'),
    el('p', { class: 'muted' }, `${a.total} post-mortem${a.total === 1 ? '' : 's'}${a.templates ? ` and ${a.templates} template${a.templates === 1 ? '' : 's'}` : ''} · as of ${d.today}${d.indexing ? ' · indexing…' : ''}${d.skipped ? ` · ${d.skipped} file${d.skipped === 1 ? '' : 's'} skipped` : ''}`),
  );
  const cards = el(
    'div',
    { class: 'cards' },
    card('post-mortems', String(a.total)),
    card('open action items', String(a.actions.open)),
    card('overdue', String(a.actions.overdue), a.actions.overdue > 0 ? 'bad' : ''),
    card('due within a week', String(a.actions.dueSoon), a.actions.dueSoon > 0 ? 'warn' : ''),
    card('median time to resolve', duration(a.overall.ttr.medianMs)),
    card(`final within ${a.finalWithinDays} days`, percent(a.overall.finalWithin.share)),
  );

  const months = a.byMonth.map((m) => monthLabel(m.key));
  const perMonth = chartBox('Incidents per month by severity');
  const ttr = chartBox('Time to resolve per month, in hours');
  const owners = chartBox('Open action items by owner');
  const ownerList = a.openActionsByOwner.slice(0, MAX_OWNERS);
  // One bar per owner, each with its label: the chart grows with the list.
  owners.box.style.height = `${Math.max(180, 26 * ownerList.length + 70)}px`;

  const groupRows = (groups: typeof a.bySeverity, label: (key: string) => string) =>
    groups.map((g) => [label(g.key), String(g.count), duration(g.ttd.medianMs), duration(g.ttr.medianMs), duration(g.ttr.meanMs), percent(g.finalWithin.share), String(g.openActions), String(g.overdueActions)]);
  const groupHead = ['', 'Incidents', 'Median TTD', 'Median TTR', 'Mean TTR', `Final ≤ ${a.finalWithinDays} d`, 'Open actions', 'Overdue'];

  const pmRows = d.postmortems.map((p, row) => [
    p.date ?? '–',
    openLink(p.title, row),
    p.severity ?? '–',
    p.status ?? '–',
    p.ttd ?? '–',
    p.ttr ?? '–',
    p.sections,
    String(p.open),
    p.overdue > 0 ? el('span', { class: 'bad' }, String(p.overdue)) : '0',
  ]);
  const stateLabel = { overdue: 'Overdue', soon: 'Due soon', open: 'Open' } as const;
  const actionRows = d.actions.map((x) => [
    el('span', { class: x.state === 'overdue' ? 'bad' : x.state === 'soon' ? 'warn' : '' }, stateLabel[x.state]),
    openLink(x.text || '(no text)', x.postmortem, x.line),
    x.owner ?? el('span', { class: 'missing' }, 'no owner'),
    x.ticket ?? el('span', { class: 'missing' }, 'no ticket'),
    x.due ?? el('span', { class: 'missing' }, 'no due date'),
    openLink(d.postmortems[x.postmortem]?.title ?? '', x.postmortem),
  ]);

  app.replaceChildren(
    header,
    cards,
    el(
      'div',
      { class: 'charts' },
      section('Incidents per month by severity', a.byMonth.length ? perMonth.box : el('p', { class: 'muted' }, 'No dated post-mortems yet.')),
      section('Time to resolve', a.byMonth.some((m) => m.ttr.count > 0) ? ttr.box : el('p', { class: 'muted' }, 'No post-mortem gives its resolution time yet (milestones Started and Resolved).')),
      section('Open action items by owner', ownerList.length ? owners.box : el('p', { class: 'muted' }, 'No open action items.')),
    ),
    section('By month', table('by-month', ['Month', ...groupHead.slice(1)], groupRows(a.byMonth, monthLabel), [1, 2, 3, 4, 5, 6, 7])),
    section('By severity', table('by-severity', ['Severity', ...groupHead.slice(1)], groupRows(a.bySeverity, (k) => k), [1, 2, 3, 4, 5, 6, 7])),
    section('All post-mortems', table('postmortems', ['Date', 'Title', 'Severity', 'Status', 'TTD', 'TTR', 'Sections', 'Open', 'Overdue'], pmRows, [7, 8])),
    section('Open action items', d.actions.length ? table('actions', ['State', 'Item', 'Owner', 'Ticket', 'Due', 'Post-mortem'], actionRows) : el('p', { class: 'muted' }, 'No open action items.')),
  );
  app.setAttribute('aria-busy', 'false');

  const commonOptions = { responsive: true, maintainAspectRatio: false } as const;
  if (a.byMonth.length) {
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: months,
        datasets: a.severities.map((s, i) => ({ label: s, data: a.byMonth.map((m) => m.bySeverity[s] ?? 0), backgroundColor: colours[i % colours.length]! })),
      },
      options: { ...commonOptions, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    };
    charts.push(new Chart(perMonth.canvas, config));
  }
  if (a.byMonth.some((m) => m.ttr.count > 0)) {
    const hours = (ms: number | undefined) => (ms === undefined ? null : Math.round((ms / HOUR_MS) * 10) / 10);
    const config: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels: months,
        datasets: [
          { label: 'median (h)', data: a.byMonth.map((m) => hours(m.ttr.medianMs)), borderColor: colours[3], backgroundColor: colours[3], spanGaps: true },
          { label: 'mean (h)', data: a.byMonth.map((m) => hours(m.ttr.meanMs)), borderColor: colours[4], backgroundColor: colours[4], borderDash: [4, 3], spanGaps: true },
        ],
      },
      options: { ...commonOptions, scales: { y: { beginAtZero: true, title: { display: true, text: 'hours' } } } },
    };
    charts.push(new Chart(ttr.canvas, config));
  }
  if (ownerList.length) {
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: ownerList.map((o) => (o.owner === d.noOwner ? 'no owner' : o.owner)),
        datasets: [
          { label: 'overdue', data: ownerList.map((o) => o.overdue), backgroundColor: colours[0] },
          { label: 'due soon', data: ownerList.map((o) => o.dueSoon), backgroundColor: colours[2] },
          { label: 'other open', data: ownerList.map((o) => o.open - o.overdue - o.dueSoon), backgroundColor: colours[3] },
        ],
      },
      options: { ...commonOptions, indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true, ticks: { autoSkip: false } } } },
    };
    charts.push(new Chart(owners.canvas, config));
  }

  const rowsOf = (id: string) => Array.from(document.querySelectorAll(`#${id} tbody tr`), (tr) => Array.from(tr.children).map((td) => td.textContent ?? '').join(' | '));
  const rendered: DashboardRendered = {
    headings: Array.from(document.querySelectorAll('h1, h2'), (h) => h.textContent ?? ''),
    postmortemRows: rowsOf('postmortems'),
    actionRows: rowsOf('actions'),
    charts: charts.length,
  };
  vscode.postMessage({ type: 'rendered', rendered });
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as { type?: string; data?: DashboardData };
  if (message?.type === 'data' && message.data) {
    data = message.data;
    render(data);
  }
});

// The theme changed (VS Code swaps the body's classes and variables): draw again in the new colours.
new MutationObserver(() => {
  if (data) render(data);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

vscode.postMessage({ type: 'ready' });
