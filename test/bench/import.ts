// Timeline import throughput for npm run bench: 10,000 pasted lines parsed and merged into a post-mortem's Timeline
// (target ≤ 300 ms), per source shape, and a linearity check on hostile input (long runs of spaces and brackets).
import { applyInserts, buildModel } from '../../src/core';
import { importTimeline, timelineImportEdit } from '../../src/core/import';
import { generatePostmortem } from './generate';

const pad = (n: number) => String(n).padStart(2, '0');

/** 10,000 lines of text copied from Slack: 2,500 messages of a header and three lines, across a day. */
export function slackTranscript(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    const minute = Math.floor((i * 1440) / (lines / 4));
    const h = Math.floor(minute / 60) % 24;
    out.push(`Person ${i % 17}  ${h % 12 === 0 ? 12 : h % 12}:${pad(minute % 60)} ${h < 12 ? 'AM' : 'PM'}`, `message ${i} about the # checkout | incident`, `second line <!-- ${i} -->`, '```');
  }
  return out.slice(0, lines).join('\n');
}

/** 10,000 log lines with ISO times. */
export function logLines(lines: number): string {
  return Array.from({ length: lines }, (_, i) => `2026-11-20T${pad(Math.floor(i / 3600) % 24)}:${pad(Math.floor(i / 60) % 60)}:${pad(i % 60)}.${String(i % 1000).padStart(3, '0')}Z worker-${i % 9} event ${i}`).join('\n');
}

/** Lines built to make backtracking regexes quadratic: long runs of spaces, brackets and colons without a match. */
export function hostileLines(lines: number): string {
  const line = `[${' '.repeat(300)}${'<'.repeat(100)}${':'.repeat(100)}${' '.repeat(300)}x`;
  return [`10:00 start`, ...Array.from({ length: lines - 1 }, () => line)].join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(run: () => void, runs: number): number {
  run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

export interface ImportBench {
  readonly slack10k: number;
  readonly lines10k: number;
  readonly hostile5k: number;
  readonly hostile10k: number;
}

/** Median milliseconds to parse and merge (import, plan, apply) each input into a 20 KB post-mortem. */
export function importBench(runs = 7): ImportBench {
  const doc = generatePostmortem(20 * 1024, 2);
  const model = buildModel(doc);
  const merge = (text: string) => () => {
    const result = importTimeline(text, { date: '2026-11-20', zone: 'UTC' });
    applyInserts(model, timelineImportEdit(model, result.entries).inserts);
  };
  const parse = (text: string, from: 'lines') => () => void importTimeline(text, { date: '2026-11-20', zone: 'UTC', from });
  return {
    slack10k: time(merge(slackTranscript(10_000)), runs),
    lines10k: time(merge(logLines(10_000)), runs),
    hostile5k: time(parse(hostileLines(5_000), 'lines'), runs),
    hostile10k: time(parse(hostileLines(10_000), 'lines'), runs),
  };
}

