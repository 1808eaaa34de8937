/// <reference lib="dom" />
// The dashboard page's script (bundled alone into dist/webview/dashboard.js, loaded by the webview with a nonce).
// It draws what the extension sends (src/features/dashboard.ts): figures, the three charts of `postmortem report
// --format html` (the same SVG, from src/core/catalogue-index/charts.ts, in the theme's colours through the CSS
// variables of media/dashboard.css) and tables. Text from the post-mortems goes into the page as text nodes, or as the
// charts' escaped SVG; a click on a title or an action item asks the extension to open that row's file; the page never
// names a path itself.
import { chartSvg } from '../core/catalogue-index/charts';
import type { ChartSpec } from '../core/catalogue-index/report';
import { formatDuration } from '../core/milestones/format';
import type { DashboardData, DashboardRendered } from '../features/dashboard';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string | undefined>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== undefined) node.append(c);
  return node;
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

/**
 * One chart as SVG, parsed (never run: an SVG document's scripts do not run, and the page allows none) and put in the
 * page. The Content-Security-Policy forbids style attributes in markup, so each element's style is applied through the
 * CSSOM instead, which the policy allows.
 */
function chartFigure(spec: ChartSpec): { figure: HTMLElement; drawn: boolean } {
  const parsed = new DOMParser().parseFromString(chartSvg(spec, { width: 480 }), 'image/svg+xml');
  const root = parsed.documentElement;
  const styled: Array<[Element, string]> = [];
  const drop = (e: Element) => {
    for (const attr of Array.from(e.attributes)) if (/^on/i.test(attr.name) || (attr.name === 'href' && !attr.value.startsWith('#'))) e.removeAttribute(attr.name);
  };
  for (const e of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (e.localName === 'script' || e.localName === 'foreignObject') {
      e.remove();
      continue;
    }
    drop(e);
    const style = e.getAttribute('style');
    if (style !== null) {
      e.removeAttribute('style');
      styled.push([e, style]);
    }
  }
  const figure = el('figure', { class: 'chart' });
  if (root.localName !== 'svg') return { figure, drawn: false };
  const svg = document.importNode(root, true);
  // importNode copies the tree in order: the n-th styled element of the copy is the n-th of the parsed tree.
  const copies = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const originals = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const [e, style] of styled) {
    const copy = copies[originals.indexOf(e)];
    if (copy instanceof SVGElement || copy instanceof HTMLElement) copy.style.cssText = style;
  }
  figure.append(svg);
  return { figure, drawn: spec.series.some((x) => x.values.some((v) => v !== null && v !== 0)) };
}

function render(d: DashboardData): void {
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

  // The charts of `postmortem report --format html`, drawn by the same code.
  const charts = d.charts.map((spec) => ({ spec, ...chartFigure(spec) }));

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
      ...charts.map((c) => section(c.spec.title, c.figure)),
    ),
    section('By month', table('by-month', ['Month', ...groupHead.slice(1)], groupRows(a.byMonth, monthLabel), [1, 2, 3, 4, 5, 6, 7])),
    section('By severity', table('by-severity', ['Severity', ...groupHead.slice(1)], groupRows(a.bySeverity, (k) => k), [1, 2, 3, 4, 5, 6, 7])),
    section('All post-mortems', table('postmortems', ['Date', 'Title', 'Severity', 'Status', 'TTD', 'TTR', 'Sections', 'Open', 'Overdue'], pmRows, [7, 8])),
    section('Open action items', d.actions.length ? table('actions', ['State', 'Item', 'Owner', 'Ticket', 'Due', 'Post-mortem'], actionRows) : el('p', { class: 'muted' }, 'No open action items.')),
  );
  app.setAttribute('aria-busy', 'false');

  const rowsOf = (id: string) => Array.from(document.querySelectorAll(`#${id} tbody tr`), (tr) => Array.from(tr.children).map((td) => td.textContent ?? '').join(' | '));
  const rendered: DashboardRendered = {
    headings: Array.from(document.querySelectorAll('h1, h2'), (h) => h.textContent ?? ''),
    postmortemRows: rowsOf('postmortems'),
    actionRows: rowsOf('actions'),
    charts: charts.filter((c) => c.drawn && c.figure.querySelector('svg') !== null).length,
  };
  vscode.postMessage({ type: 'rendered', rendered });
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as { type?: string; data?: DashboardData };
  if (message?.type === 'data' && message.data) render(message.data);
});

vscode.postMessage({ type: 'ready' });
