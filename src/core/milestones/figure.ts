// The visual timeline: plain HTML and CSS (no script), for VS Code's Markdown preview and the HTML export. The impact
// window is a band, milestones are labelled markers, entries are ticks with their text on hover (title attributes).
// Dense timelines are clustered into a bounded number of marks, and long gaps break the axis, so a 10,000-entry or
// multi-day incident stays legible and the HTML stays small. This file only renders FigureData (figure-data.ts), so
// the preview can load it lazily without the rest of the core.
import { clipText, trimEndChars, trimStartChars } from '../model/text';
import { formatDuration } from './format';
import type { FigureData } from './figure-data';

/** At most this many marks (ticks or clusters) on the axis, whatever the number of entries. */
const BINS = 80;
/** A gap longer than this share of the whole span (and at least 2 hours) breaks the axis. */
const GAP_SHARE = 0.2;
const GAP_MIN_MS = 2 * 3_600_000;
/** Width of an axis break, in percent. */
const BREAK_WIDTH = 3;

const LABEL: Readonly<Record<string, string>> = { started: 'Started', detected: 'Detected', acknowledged: 'Acknowledged', mitigated: 'Mitigated', resolved: 'Resolved' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * `text` with each Markdown link or image (`[words](target)`, `![alt](src)`) replaced by its words, as
 * `replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')` does, found with indexOf in one pass.
 */
function unlink(text: string): string {
  let out = '';
  let from = 0;
  let at = text.indexOf('[');
  while (at >= 0) {
    const close = text.indexOf(']', at + 1);
    if (close < 0) break;
    // Every "[" before this "]" ends at it too: the next candidate opens after it.
    if (text[close + 1] !== '(') {
      at = text.indexOf('[', close + 1);
      continue;
    }
    const end = text.indexOf(')', close + 2);
    if (end < 0) break;
    out += text.slice(from, at > from && text[at - 1] === '!' ? at - 1 : at) + text.slice(at + 1, close);
    from = end + 1;
    at = text.indexOf('[', from);
  }
  return out + text.slice(from);
}

/** Entry text for a tooltip: the words without Markdown emphasis, links or code marks, on one line. */
function plainText(text: string): string {
  const bare = unlink(text)
    .replace(/[*_`~]+/g, '')
    .replace(/^\s*\|/, '');
  // Each pipe and the white space around it becomes " · " (split and trim: linear, where /\s*\|\s*/g is not).
  const pieces = bare.split('|');
  const joined = pieces
    .map((p, i) => {
      const start = i > 0 ? p.trimStart() : p;
      return i < pieces.length - 1 ? start.trimEnd() : start;
    })
    .join(' · ')
    .replace(/\s+/g, ' ');
  const t = trimEndChars(trimStartChars(joined, /[\s·—–:-]/), /[\s·]/);
  return clipText(t, 140, '…');
}

function clock(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

interface Segment {
  readonly from: number;
  readonly to: number;
  /** Left edge and width in percent of the axis. */
  left: number;
  width: number;
}

/** Splits the span at long gaps and gives each segment a width proportional to its duration. */
function segmentsOf(times: readonly number[]): Segment[] {
  const first = times[0]!;
  const last = times[times.length - 1]!;
  const span = Math.max(last - first, 1);
  const segments: Array<{ from: number; to: number }> = [];
  let from = first;
  for (let i = 1; i < times.length; i++) {
    const gap = times[i]! - times[i - 1]!;
    if (gap > GAP_SHARE * span && gap >= GAP_MIN_MS) {
      segments.push({ from, to: times[i - 1]! });
      from = times[i]!;
    }
  }
  segments.push({ from, to: last });
  const usable = 100 - BREAK_WIDTH * (segments.length - 1);
  const total = segments.reduce((s, g) => s + Math.max(g.to - g.from, 0), 0);
  // Each segment gets at least a small share, so a lone point after a gap stays visible.
  const min = Math.min(8, usable / segments.length);
  const weights = segments.map((g) => (total > 0 ? (g.to - g.from) / total : 1 / segments.length));
  const widths = weights.map((w) => Math.max(min, w * usable));
  const scale = usable / widths.reduce((a, b) => a + b, 0);
  let left = 0;
  return segments.map((g, i) => {
    const width = widths[i]! * scale;
    const s = { ...g, left, width };
    left += width + BREAK_WIDTH;
    return s;
  });
}

/** The position of an instant on the axis, in percent. */
function positionOf(segments: readonly Segment[], at: number): number {
  let seg = segments[0]!;
  for (const s of segments) {
    if (at >= s.from) seg = s;
    else break;
  }
  const len = seg.to - seg.from;
  const f = len > 0 ? Math.min(1, Math.max(0, (at - seg.from) / len)) : 0.5;
  return seg.left + f * seg.width;
}

const pct = (n: number): string => `${Math.round(n * 100) / 100}%`;

/** The timeline figure, or '' when there are fewer than two distinct times. Text from the document is escaped. */
export function timelineFigureHtml(data: FigureData): string {
  const { points, milestones } = data;
  const times = [...points.map((p) => p.at), ...milestones.map((m) => m.at)].sort((a, b) => a - b);
  if (times.length < 2 || times[0] === times[times.length - 1]) return '';
  const segments = segmentsOf(times);
  const parts: string[] = [];

  // The axis line, one piece per segment, with a break mark between segments.
  segments.forEach((s, i) => {
    parts.push(`<span class="pm-tl-line" style="left:${pct(s.left)};width:${pct(s.width)}"></span>`);
    const next = segments[i + 1];
    if (next) {
      parts.push(`<span class="pm-tl-break" style="left:${pct(s.left + s.width)};width:${pct(BREAK_WIDTH)}" title="${escapeHtml(`${formatDuration(next.from - s.to)} without entries`)}">⋯</span>`);
    }
  });

  const impact = data.impact;
  if (impact && impact.to >= impact.from) {
    const a = positionOf(segments, impact.from);
    const b = positionOf(segments, impact.to);
    parts.push(`<span class="pm-tl-band" style="left:${pct(a)};width:${pct(Math.max(b - a, 0.5))}" title="${escapeHtml(`Impact window ${clock(impact.from)} → ${clock(impact.to)} (${formatDuration(impact.to - impact.from)})`)}"></span>`);
  }

  // Entries: binned by position, so there are never more than BINS marks.
  const bins = new Map<number, Array<FigureData['points'][number]>>();
  for (const p of points) {
    const bin = Math.min(BINS - 1, Math.floor((positionOf(segments, p.at) / 100) * BINS));
    let list = bins.get(bin);
    if (!list) bins.set(bin, (list = []));
    list.push(p);
  }
  for (const [, list] of [...bins].sort((a, b) => a[0] - b[0])) {
    const x = positionOf(segments, list[0]!.at);
    if (list.length === 1) {
      const p = list[0]!;
      parts.push(`<span class="pm-tl-tick" style="left:${pct(x)}" title="${escapeHtml(`${clock(p.at)} — ${plainText(p.text)}`)}"></span>`);
      continue;
    }
    const shown = list.slice(0, 6).map((p) => `${clock(p.at).slice(11)} — ${plainText(p.text)}`);
    if (list.length > 6) shown.push(`… and ${list.length - 6} more`);
    const title = `${list.length} entries, ${clock(list[0]!.at)} – ${clock(list[list.length - 1]!.at).slice(11)}\n${shown.join('\n')}`;
    parts.push(`<span class="pm-tl-cluster" style="left:${pct(x)}" title="${escapeHtml(title)}">${list.length}</span>`);
  }

  // Milestones: labelled markers, labels staggered over three rows so neighbours do not overlap.
  const rowEnds = [-Infinity, -Infinity, -Infinity];
  for (const m of milestones) {
    const x = positionOf(segments, m.at);
    let row = rowEnds.findIndex((end) => x - end >= 25);
    if (row === -1) row = rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = x;
    const label = `${LABEL[m.id] ?? m.id} ${clock(m.at).slice(11, 16)}`;
    const align = x > 80 ? ' pm-tl-end' : x < 20 ? ' pm-tl-start' : '';
    parts.push(
      `<span class="pm-tl-milestone pm-tl-${m.id} pm-tl-row${row}${align}" style="left:${pct(x)}" title="${escapeHtml(`${LABEL[m.id] ?? m.id}: ${clock(m.at)}`)}"><span class="pm-tl-label">${escapeHtml(label)}</span></span>`,
    );
  }

  const start = clock(times[0]!);
  const end = clock(times[times.length - 1]!);
  const summary = data.summary;
  const caption = [summary, `${points.length} ${points.length === 1 ? 'entry' : 'entries'}, ${start} – ${end}`].filter((s) => s !== '').join(' · ');
  return (
    `<figure class="pm-timeline" aria-label="Incident timeline">` +
    `<div class="pm-tl-axis">${parts.join('')}</div>` +
    `<div class="pm-tl-scale"><span>${escapeHtml(start)}</span><span>${escapeHtml(end)}</span></div>` +
    `<figcaption>${escapeHtml(caption)}</figcaption>` +
    `</figure>\n`
  );
}
