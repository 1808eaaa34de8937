// One family of hostile input measured in a process of its own (spawned by adversarial.ts, which explains why):
// `tsx --expose-gc test/bench/adversarial-family.ts <family> [core bundle]` prints the median CPU milliseconds of a full
// analysis and of a one-character edit in the middle of the hostile construct, at n, 2n and 4n (4n about 1 MB), as
// JSON. With a bundle (`node scripts/build.mjs --core <file>`), the analysis timed is that bundle's, as the extension
// and the CLI ship it; without, the TypeScript sources as tsx runs them.
import * as sources from '../../src/core';
import { FAMILIES } from './families';

const bundle = process.argv[3];
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle built at run time, by path
const { analyze, IncrementalAnalyzer } = (bundle ? require(bundle) : sources) as Pick<typeof sources, 'analyze' | 'IncrementalAnalyzer'>;

const PATH = '/bench/postmortems/hostile.md';
const FOUR_N = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * CPU milliseconds this process has used: what an analysis costs, whatever else the machine runs (wall time on a
 * shared machine measured other processes as much as ours, and made growth ratios noise). Analysis is synchronous
 * and single-threaded, so on an idle machine the two agree.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Median of up to `runs` timed calls; fewer when one call already takes seconds (the table must finish). */
function timed(runs: number, fn: () => void, before?: () => void): number {
  gc();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const t = cpuMs();
    fn();
    xs.push(cpuMs() - t);
    if (xs[0]! > 2000) break;
  }
  return median(xs);
}

/**
 * Analyses before the timed ones. The first of a new kind of document compiles patterns and loads remark; in a fresh
 * process the next two still ran up to twice as slow as the rest (V8 optimising the analyzer's functions and sizing
 * its heap), which a long-running extension host has long done. Timed runs start from that steady state.
 */
const WARM_UP = 3;

function measure(text: string): { kb: number; full: number; edit: number } {
  for (let i = 0; i < WARM_UP; i++) analyze(text, { path: PATH });
  const full = timed(7, () => analyze(text, { path: PATH }));
  const mid = Math.floor(text.length / 2);
  const edited = `${text.slice(0, mid)}x${text.slice(mid)}`;
  const analyzer = new IncrementalAnalyzer();
  for (let i = 0; i < WARM_UP; i++) analyzer.analyze(i % 2 ? text : edited, { path: PATH });
  const edit = timed(7, () => analyzer.analyze(edited, { path: PATH }), () => analyzer.analyze(text, { path: PATH }));
  return { kb: text.length / 1024, full, edit };
}

const family = FAMILIES.find((f) => f.name === process.argv[2]);
if (!family) throw new Error(`no family ${process.argv[2] ?? ''}`);
console.log(JSON.stringify([FOUR_N / 4, FOUR_N / 2, FOUR_N].map((bytes) => measure(family.make(bytes)))));
