// The catalogue's charts as SVG text: stacked bars (incidents per month by severity), lines (time-to-resolve trend) and
// horizontal stacked bars (open actions by owner). Drawn here, with d3-array's tick values and d3-shape's line paths,
// rather than by a chart library in the page: Chart.js (the smallest usable build, bar and line only, 60 KB gzipped)
// would take the npm package from 342 KB past its 400 KB budget, and SVG needs no script at all, so the HTML report's
// Content-Security-Policy allows none and the dashboard can show the same markup. Colours are CSS custom properties
// with fallbacks (--pm-chart-series-N, --pm-chart-text, --pm-chart-grid), so a page or a webview themes them.
import { nice, ticks } from 'd3-array';
import { line } from 'd3-shape';
import { escapeHtml } from '../milestones/figure';
import { clipText } from '../model/text';
import type { ChartSpec } from './report';

/** Fallback colours per series: red, orange, olive, green, blue, purple, brown, pink, grey, cyan. */
export const SERIES_COLOURS = ['#d62728', '#ff7f0e', '#bcbd22', '#2ca02c', '#1f77b4', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#17becf'];

export interface ChartSvgOptions {
  readonly width?: number;
  readonly height?: number;
}

const e = escapeHtml;
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 1 : 0));
const colour = (spec: ChartSpec, i: number) => {
  const fallback = spec.id === 'owners' ? (i === 0 ? '#d62728' : '#1f77b4') : spec.id === 'ttr-trend' ? (i === 0 ? '#1f77b4' : '#ff7f0e') : SERIES_COLOURS[i % SERIES_COLOURS.length]!;
  return `var(--pm-chart-series-${spec.id === 'per-month' ? i : `${spec.id}-${i}`}, ${fallback})`;
};
const TEXT = 'fill: var(--pm-chart-text, currentColor)';
const GRID = 'stroke: var(--pm-chart-grid, rgba(128, 128, 128, 0.35))';

/** An SVG element for one chart spec. Every label is escaped; an empty chart says so. */
export function chartSvg(spec: ChartSpec, options: ChartSvgOptions = {}): string {
  const width = options.width ?? 480;
  const height = options.height ?? (spec.id === 'owners' ? Math.max(160, 60 + spec.labels.length * 22) : 260);
  const head = `<svg xmlns="http://www.w3.org/2000/svg" class="pm-chart" data-chart="${e(spec.id)}" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${e(spec.title)}" font-family="system-ui, sans-serif" font-size="11"><title>${e(spec.title)}</title>`;
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (spec.labels.length === 0 || values.length === 0) {
    return `${head}<text x="${width / 2}" y="${height / 2}" text-anchor="middle" style="${TEXT}">No data yet</text></svg>`;
  }
  const legend = legendSvg(spec, width);
  const body = spec.id === 'owners' ? horizontalBars(spec, width, height) : spec.kind === 'line' ? lines(spec, width, height) : stackedBars(spec, width, height);
  return `${head}${legend}${body}</svg>`;
}

function legendSvg(spec: ChartSpec, width: number): string {
  let x = 40;
  const parts: string[] = [];
  for (let i = 0; i < spec.series.length; i++) {
    const name = spec.series[i]!.name.slice(0, 24);
    const w = 18 + name.length * 6.5;
    if (x + w > width) break;
    parts.push(`<rect x="${x}" y="4" width="10" height="10" style="fill: ${colour(spec, i)}"/><text x="${x + 14}" y="13" style="${TEXT}">${e(name)}</text>`);
    x += w + 10;
  }
  return `<g class="legend">${parts.join('')}</g>`;
}

/** The y axis from 0 to a nice maximum: grid lines and labels. */
function yAxis(max: number, top: number, bottom: number, left: number, right: number): { y: (v: number) => number; svg: string } {
  const niceMax = nice(0, Math.max(max, 1), 5)[1];
  const ts = ticks(0, niceMax, 5).filter((t) => t >= 0);
  const y = (v: number) => bottom - (v / niceMax) * (bottom - top);
  const svg = ts.map((t) => `<line x1="${left}" x2="${right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" style="${GRID}"/><text x="${left - 4}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" style="${TEXT}">${fmt(t)}</text>`).join('');
  return { y, svg: `<g class="y-axis">${svg}</g>` };
}

/** x labels under a band or point axis, every k-th so they do not overlap. */
function xLabels(labels: readonly string[], x: (i: number) => number, bottom: number, plotWidth: number): string {
  const every = Math.max(1, Math.ceil((labels.length * 46) / plotWidth));
  return `<g class="x-axis">${labels.map((l, i) => (i % every === 0 ? `<text x="${x(i).toFixed(1)}" y="${bottom + 14}" text-anchor="middle" style="${TEXT}">${e(l.slice(0, 12))}</text>` : '')).join('')}</g>`;
}

function stackedBars(spec: ChartSpec, width: number, height: number): string {
  const left = 36;
  const right = width - 8;
  const top = 24;
  const bottom = height - 22;
  const totals = spec.labels.map((_, i) => spec.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const { y, svg: axis } = yAxis(Math.max(...totals), top, bottom, left, right);
  const band = (right - left) / spec.labels.length;
  const barW = Math.max(1, band * 0.75);
  const x = (i: number) => left + band * i + band / 2;
  const bars: string[] = [];
  spec.labels.forEach((label, i) => {
    let acc = 0;
    spec.series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return;
      const y0 = y(acc);
      const y1 = y(acc + v);
      acc += v;
      bars.push(`<rect x="${(x(i) - barW / 2).toFixed(1)}" y="${y1.toFixed(1)}" width="${barW.toFixed(1)}" height="${Math.max(0, y0 - y1).toFixed(1)}" style="fill: ${colour(spec, k)}"><title>${e(`${label}: ${v} ${s.name}`)}</title></rect>`);
    });
  });
  return `${axis}<g class="bars">${bars.join('')}</g>${xLabels(spec.labels, x, bottom, right - left)}`;
}

function lines(spec: ChartSpec, width: number, height: number): string {
  const left = 36;
  const right = width - 8;
  const top = 24;
  const bottom = height - 22;
  const { y, svg: axis } = yAxis(Math.max(...spec.series.flatMap((s) => s.values.map((v) => v ?? 0))), top, bottom, left, right);
  const step = spec.labels.length > 1 ? (right - left - 50) / (spec.labels.length - 1) : 0;
  const x = (i: number) => (spec.labels.length > 1 ? left + 25 + step * i : (left + right) / 2);
  const paths = spec.series.map((s, k) => {
    const points = s.values.map((v, i) => [i, v] as const);
    const d = line<readonly [number, number | null]>()
      .defined((p) => p[1] !== null)
      .x((p) => x(p[0]))
      .y((p) => y(p[1] ?? 0))(points);
    const dots = points
      .filter((p) => p[1] !== null)
      .map((p) => `<circle cx="${x(p[0]).toFixed(1)}" cy="${y(p[1]!).toFixed(1)}" r="2.5" style="fill: ${colour(spec, k)}"><title>${e(`${spec.labels[p[0]]}: ${s.name} ${fmt(p[1]!)} h`)}</title></circle>`)
      .join('');
    return `<path d="${d ?? ''}" fill="none" stroke-width="2" style="stroke: ${colour(spec, k)}"/>${dots}`;
  });
  return `${axis}<g class="lines">${paths.join('')}</g>${xLabels(spec.labels, x, bottom, right - left)}`;
}

function horizontalBars(spec: ChartSpec, width: number, height: number): string {
  const left = 110;
  const right = width - 12;
  const top = 24;
  const bottom = height - 20;
  const totals = spec.labels.map((_, i) => spec.series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const max = Math.max(...totals, 1);
  const niceMax = nice(0, max, 5)[1];
  const ts = ticks(0, niceMax, 5).filter((t) => t >= 0 && Number.isInteger(t));
  const x = (v: number) => left + (v / niceMax) * (right - left);
  const band = (bottom - top) / spec.labels.length;
  const barH = Math.max(1, band * 0.7);
  const grid = ts.map((t) => `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top}" y2="${bottom}" style="${GRID}"/><text x="${x(t).toFixed(1)}" y="${bottom + 13}" text-anchor="middle" style="${TEXT}">${t}</text>`).join('');
  const bars: string[] = [];
  spec.labels.forEach((label, i) => {
    const cy = top + band * i + band / 2;
    bars.push(`<text x="${left - 6}" y="${(cy + 4).toFixed(1)}" text-anchor="end" style="${TEXT}">${e(clipText(label, 18, '…'))}</text>`);
    let acc = 0;
    spec.series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return;
      bars.push(`<rect x="${x(acc).toFixed(1)}" y="${(cy - barH / 2).toFixed(1)}" width="${(x(acc + v) - x(acc)).toFixed(1)}" height="${barH.toFixed(1)}" style="fill: ${colour(spec, k)}"><title>${e(`${label}: ${v} ${s.name.toLowerCase()}`)}</title></rect>`);
      acc += v;
    });
  });
  return `<g class="x-axis">${grid}</g><g class="bars">${bars.join('')}</g>`;
}
