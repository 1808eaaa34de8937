// The Markdown preview's visual timeline for npm run bench: a 10,000-entry post-mortem rendered by markdown-it with our
// plugin, as VS Code's preview does, when no analysis of the text exists yet (a file no editor has read; issue 17:
// "a 10,000-entry timeline renders in the preview in under 200 ms"). Every timed run gets a document it has never
// seen (other dates, other entry texts), so nothing is reused between runs: no model, no cached timestamp. Reported
// apart: markdown-it's own render of the same text (VS Code pays it with or without us), and the figure drawn from
// an analysis the editor already has.
import MarkdownIt from 'markdown-it';
import { buildModel, ChunkCache, timelineFigureFor, timelineFigureHtml, timelineFigureOf } from '../../src/core';
import { timelinePlugin } from '../../src/preview/timeline-plugin';
import { rng } from './generate';

const WORDS = 'cache node latency checkout queue consumer deploy rollback alert replica primary failover pager customer error rate'.split(' ');
const MILESTONES: Record<number, string> = { 0: '**Started:** ', 40: '**Detected:** ', 45: '**Acknowledged:** ', 7000: '**Mitigated:** ', 9999: '**Resolved:** ' };

/** A post-mortem whose Timeline holds `entries` entries a minute or two apart, a day's gap in the middle, milestones. */
export function timelinePostmortem(entries: number, seed: number): string {
  const r = rng(seed);
  const lines = ['---', 'type: postmortem', `title: Checkout outage ${seed}`, 'date: 2026-11-20', 'timezone: UTC', 'status: draft', '---', '', `# Checkout outage ${seed}`, '', '## Overview', '', 'Checkout failed for about 5 days.', '', '## Timeline', ''];
  let t = Date.UTC(2026, 10, 20) + (seed % 300) * 86_400_000;
  for (let i = 0; i < entries; i++) {
    t += (1 + Math.floor(r() * 2)) * 60_000;
    if (i === Math.floor(entries / 2)) t += 86_400_000;
    const words = Array.from({ length: 6 + Math.floor(r() * 8) }, () => WORDS[Math.floor(r() * WORDS.length)]!).join(' ');
    const link = i % 50 === 0 ? ` ([graph](https://grafana.example/d/${seed}-${i}))` : '';
    lines.push(`- **${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC** — ${MILESTONES[i] ?? ''}Event ${seed}.${i}: ${words}${link}`);
  }
  lines.push('', '## Root Causes', '', 'A cache node failed.', '', '## Mitigation', '', 'We rolled back.', '');
  return lines.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall-clock and CPU milliseconds of one call. */
function measure(run: () => void): { wall: number; cpu: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const c = process.cpuUsage();
  const t = performance.now();
  run();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1000 };
}

export interface PreviewBench {
  readonly entries: number;
  readonly kb: number;
  /** markdown-it alone, our plugin not added: VS Code's own cost. */
  readonly markdownIt: number;
  /** markdown-it with the plugin, no analysis of the text yet: what a preview render costs. */
  readonly withFigure: number;
  /** The plugin's own part of it: model, timeline and figure, measured alone (wall clock and CPU time). */
  readonly figure: number;
  readonly figureCpu: number;
  /** The figure when the editor's analysis of the text is at hand (the usual case for an open document). */
  readonly figureCached: number;
  /** The figure again after a one-character edit, with the previous reading's chunk cache (a preview re-render). */
  readonly figureEdited: number;
  /** Marks (ticks and clusters) on the axis, and the figure's size: it stays readable. */
  readonly marks: number;
  readonly figureKb: number;
}

/** Medians over `runs` renders, each of a document not seen before (after two warm-up renders of others). */
export function previewBench(runs = 7, entries = 10_000): PreviewBench {
  const path = 'postmortems/checkout.md';
  const docs = Array.from({ length: 3 * (runs + 2) + 1 }, (_, i) => timelinePostmortem(entries, i + 1));
  let next = 0;
  const fresh = () => docs[next++]!;
  const plain = new MarkdownIt();
  const md = new MarkdownIt();
  timelinePlugin(md, { dataFor: (src) => timelineFigureFor(src, { path }) });

  const series = (run: (doc: string) => void) => {
    for (let i = 0; i < 2; i++) run(fresh());
    return Array.from({ length: runs }, () => {
      const doc = fresh();
      return measure(() => run(doc));
    });
  };
  const rendered = series((doc) => {
    const html = md.render(doc);
    if (!html.includes('class="pm-timeline"')) throw new Error('preview bench: the rendered page has no timeline figure');
  });
  const markdownIt = series((doc) => void plain.render(doc));
  const figure = series((doc) => void timelineFigureHtml(timelineFigureFor(doc, { path })!.data));

  const sample = docs[docs.length - 1]!;
  const model = buildModel(sample);
  const cached = Array.from({ length: runs }, () => measure(() => void timelineFigureHtml(timelineFigureOf(model)!.data)));
  const html = timelineFigureHtml(timelineFigureOf(model)!.data);
  const cache = new ChunkCache();
  const middle = sample.indexOf('\n', Math.floor(sample.length / 2));
  const edited = (i: number) => `${sample.slice(0, middle)}${'x'.repeat(i + 1)}${sample.slice(middle)}`;
  const edits = Array.from({ length: runs + 2 }, (_, i) => edited(i));
  timelineFigureFor(sample, { path, cache });
  const reRendered = edits.map((doc) => measure(() => void timelineFigureHtml(timelineFigureFor(doc, { path, cache })!.data))).slice(2);
  return {
    entries,
    kb: sample.length / 1024,
    markdownIt: median(markdownIt.map((m) => m.wall)),
    withFigure: median(rendered.map((m) => m.wall)),
    figure: median(figure.map((m) => m.wall)),
    figureCpu: median(figure.map((m) => m.cpu)),
    figureCached: median(cached.map((m) => m.wall)),
    figureEdited: median(reRendered.map((m) => m.wall)),
    marks: (html.match(/class="pm-tl-(?:tick|cluster)"/g) ?? []).length,
    figureKb: html.length / 1024,
  };
}

export function previewText(p: PreviewBench): string {
  const f = (n: number) => n.toFixed(1);
  return (
    `preview, ${p.entries.toLocaleString('en')}-entry timeline (${p.kb.toFixed(0)} KB), no analysis of the text yet: ` +
    `markdown-it render ${f(p.markdownIt)} ms alone, ${f(p.withFigure)} ms with the timeline; ` +
    `the figure (model, timeline, drawing) ${f(p.figure)} ms (CPU ${f(p.figureCpu)} ms), after an edit ${f(p.figureEdited)} ms, from the editor's analysis ${f(p.figureCached)} ms; ` +
    `${p.marks} marks, ${p.figureKb.toFixed(0)} KB of HTML`
  );
}
