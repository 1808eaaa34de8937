// A standing seeded fuzz test: real post-mortems (the shared corpus, read in place) and generated ones, mutated with
// hostile fragments (the adversarial families, deep nesting of every container, unclosed constructs, huge lines, NUL,
// lone surrogates, mixed line endings, byte order marks mid-document). For every document: no exception, the
// incremental result equals a from-scratch one, and the time per KB stays under a generous bound.
//
// Runs a few seconds in `npm test`. A long run: POSTMORTEM_FUZZ_ITERATIONS=5000 (and POSTMORTEM_FUZZ_SEED=n for
// another seed) npx mocha --grep fuzz. A failure prints the seed, the case and a command that replays it;
// POSTMORTEM_FUZZ_DUMP=file also writes the failing document.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, IncrementalAnalyzer, type Analysis } from '../../src/core';
import { generatePostmortem, rng } from '../bench/generate';
import { CORPUS } from './helpers';

const SEED = Number(process.env['POSTMORTEM_FUZZ_SEED'] ?? 1);
const ITERATIONS = Number(process.env['POSTMORTEM_FUZZ_ITERATIONS'] ?? 60);
/** Replays one case of the run (its number, as printed by a failure). */
const ONLY = process.env['POSTMORTEM_FUZZ_CASE'] === undefined ? undefined : Number(process.env['POSTMORTEM_FUZZ_CASE']);
/**
 * Generous, in CPU time of this process (other processes on a loaded machine do not count): ordinary text costs about
 * 0.03 ms per KB and the adversarial benchmark's limit is 0.25 ms per KB; a super-linear path on these fragments
 * (up to 30 KB) costs seconds.
 */
const MAX_MS_PER_KB = 5;
const MAX_MS_FLOOR = 250;

/** CPU milliseconds used by this process so far. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

type Rand = () => number;

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));

/** Hostile fragments, each made at a size the random source picks (up to about 30 KB). */
const FRAGMENTS: ReadonlyArray<[string, (r: Rand) => string]> = [
  ['nested block quotes', (r) => `${'> '.repeat(int(r, 1, 3000))}x`],
  ['nested bullets', (r) => `${'- '.repeat(int(r, 1, 3000))}x`],
  ['nested ordered items', (r) => `${'1. '.repeat(int(r, 1, 2000))}x`],
  ['mixed containers', (r) => `${Array.from({ length: int(r, 1, 1500) }, () => pick(r, ['> ', '- ', '* ', '1) ', '  '])).join('')}x`],
  ['indent staircase', (r) => Array.from({ length: int(r, 1, 400) }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n')],
  ['quote staircase', (r) => Array.from({ length: int(r, 1, 400) }, (_, i) => `${'>'.repeat(Math.min(i, 200))} x`).join('\n')],
  ['nested HTML', (r) => `${'<div>'.repeat(int(r, 1, 2000))}x`],
  ['HTML headings', (r) => Array.from({ length: int(r, 1, 2000) }, () => pick(r, ['<h2>Impact</h2>', '<h3>Timeline', '</h3>', '<h2 x>'])).join('\n')],
  ['emphasis', (r) => pick(r, ['*a _b ', '**a', '_', '***', '*a*']).repeat(int(r, 1, 4000))],
  ['links and brackets', (r) => pick(r, ['[a](', '[', ']', '![a]', '[a]: ', '](', '[a][b]']).repeat(int(r, 1, 4000))],
  ['code spans', (r) => Array.from({ length: int(r, 1, 300) }, (_, i) => `${'`'.repeat(1 + (i % 40))}a`).join(' ')],
  ['unclosed fence', (r) => `${pick(r, ['```', '~~~', '````js', '  ```'])}\n${'code\n'.repeat(int(r, 0, 50))}`],
  ['unclosed comment', (r) => `<!--${' text\n'.repeat(int(r, 0, 50))}`],
  ['unclosed HTML blocks', (r) => pick(r, ['<script>', '<pre>', '<?', '<![CDATA[', '<!X', '<div']) + '\nline\n'.repeat(int(r, 0, 20))],
  ['action item clean-up', (r) => `- [ ] Fix${pick(r, ['(  ', ' ', '(', ', ', '; ', ' — ', '[ due '] as const).repeat(int(r, 1, 5000))}x`],
  ['placeholder line', (r) => `${pick(r, ['-', '|', '1.', '- [ ]'])}${' '.repeat(int(r, 1, 5000))}${pick(r, ['x', 'TODO', '.', '|'])}`],
  ['capitals', (r) => 'A'.repeat(int(r, 1, 20_000))],
  ["blameless prefix", (r) => `${'a'.repeat(int(r, 1, 20_000))}'s x 's fault`],
  ['open quotes', (r) => '“a '.repeat(int(r, 1, 5000))],
  ['YAML keys', (r) => `---\ntype: postmortem\n${Array.from({ length: int(r, 1, 2000) }, (_, i) => `k${i % 500}: v`).join('\n')}\n---`],
  ['YAML nesting', (r) => `---\nx: ${'['.repeat(int(r, 1, 3000))}\n---`],
  ['definitions', (r) => Array.from({ length: int(r, 1, 500) }, (_, i) => `[r${i}]: https://e.com/${i}`).join(pick(r, ['\n', '\n\n']))],
  ['headings with references', (r) => Array.from({ length: int(r, 1, 200) }, (_, i) => `## [r${i}] Timeline\n\n[r${i}]: /x`).join('\n\n')],
  // A fence or HTML block left open in a list item, block quote or lazy line, or after a paragraph (indented or not),
  // then headings: the shape of the list-fence-refs family and its kin.
  ['open blocks in containers', (r) => `${pick(r, ['- a\n  ```', '1. a\n   ~~~', '- ```', '> - a\n>   ```', '- a\nlazy\n  ```', '10) a\n    <!--', '-\ta\n  ```', 'text\n2. a\n   ```', 'text\n  ```', 'text\n  <!--', '* a\n  <div>'])}\n\n${Array.from({ length: int(r, 1, 300) }, (_, i) => `## [r${i}] Timeline\n\n[r${i}]: /x`).join('\n\n')}`],
  ['table runs', (r) => Array.from({ length: int(r, 1, 1000) }, (_, i) => (i % 2 ? 'text' : '| a | b |')).join('\n')],
  ['huge line', (r) => pick(r, ['a', 'a ', '- ', '|', '#', '\t']).repeat(int(r, 1, 30_000))],
  ['NUL and lone surrogates', (r) => Array.from({ length: int(r, 1, 200) }, () => pick(r, ['\u0000', '\ud800', '\udc00', 'a', ' ', '\ud83d\ude00'])).join('')],
  ['mixed line endings', (r) => Array.from({ length: int(r, 1, 300) }, () => pick(r, ['a', '- b', '# c', '> d', ''])).join(pick(r, ['\r', '\r\n', '\n']))],
  ['byte order marks', (r) => `\ufeff${pick(r, ['# Timeline', '---', '- x', '> y', '| z |'])}\ufeff`],
  ['sections', (r) => Array.from({ length: int(r, 1, 300) }, () => pick(r, ['## Timeline\n\n- 14:03 x', '## Action Items\n\n- [ ] a', '## Impact', '## Responders\n\nA'])).join('\n\n')],
];

/** The documents mutated: a few generated post-mortems and, when present, every real one. */
function baseDocuments(): Array<[string, string]> {
  const docs: Array<[string, string]> = [
    ['generated 2 KB', generatePostmortem(2_000, 5)],
    ['generated 12 KB', generatePostmortem(12_000, 9)],
  ];
  if (CORPUS) for (const f of readdirSync(CORPUS).filter((x) => x.endsWith('.md')).sort()) docs.push([f, readFileSync(join(CORPUS, f), 'utf8')]);
  return docs;
}

interface Mutation {
  readonly fragment: string;
  readonly at: number;
  readonly text: string;
}

/** One to four fragments, each put at the start of a random line or at a random character. */
function mutate(text: string, r: Rand): { text: string; mutations: Mutation[] } {
  const mutations: Mutation[] = [];
  let out = text;
  for (let k = int(r, 1, 4); k > 0; k--) {
    const [name, make] = pick(r, FRAGMENTS);
    const fragment = make(r);
    let at = Math.floor(r() * (out.length + 1));
    if (r() < 0.7) at = out.lastIndexOf('\n', at - 1) + 1;
    const sep = r() < 0.5 ? '\n\n' : '\n';
    const inserted = at === 0 || r() < 0.5 ? `${fragment}${sep}` : fragment;
    out = out.slice(0, at) + inserted + out.slice(at);
    mutations.push({ fragment: name, at, text: inserted });
  }
  return { text: out, mutations };
}

/** Everything an analysis exposes, as plain data. */
function snapshot(a: Analysis) {
  const m = a.model;
  return {
    isPostmortem: a.isPostmortem,
    findings: a.findings,
    headings: m.headings,
    sections: m.sections,
    timeline: m.timeline,
    actionItems: m.actionItems,
    frontMatter: m.frontMatter && { kind: m.frontMatter.kind, range: m.frontMatter.range, data: m.frontMatter.data, errors: m.frontMatter.errors },
    codeLines: [...m.codeLines].sort((x, y) => x - y),
  };
}

function reproduction(i: number, name: string, mutations: readonly Mutation[]): string {
  const shown = mutations.map((m) => ({ fragment: m.fragment, at: m.at, length: m.text.length, start: m.text.slice(0, 80) }));
  return `fuzz case ${i} (seed ${SEED}) on ${name}, mutations ${JSON.stringify(shown)}\nreplay: POSTMORTEM_FUZZ_SEED=${SEED} POSTMORTEM_FUZZ_CASE=${i} POSTMORTEM_FUZZ_ITERATIONS=${i + 1} npx mocha --grep fuzz`;
}

describe('fuzz: hostile fragments in real and generated post-mortems', function () {
  this.timeout(Math.max(60_000, ITERATIONS * 2_000));

  before(() => {
    // Warm-up, untimed: the first analysis that meets each construct loads remark and compiles patterns.
    const r = rng(99);
    const sample = FRAGMENTS.map(([, make]) => make(() => r() * 0.01)).join('\n\n');
    analyze(`${generatePostmortem(3_000, 1)}\n\n${sample}`, { force: true });
  });

  it(`${ITERATIONS} seeded cases (seed ${SEED}): no exception, incremental == from scratch, time per KB bounded`, () => {
    const docs = baseDocuments();
    const r = rng(SEED * 7919 + 1);
    let checked = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      // Every case draws from the one seeded source in turn, so case i is the same whatever runs before it.
      const [name, original] = pick(r, docs);
      const { text, mutations } = mutate(original, r);
      const edit = int(r, 0, text.length);
      if (ONLY !== undefined && i !== ONLY) continue;
      try {
        const path = '/work/postmortems/fuzz.md';
        const t = cpuMs();
        const fresh = analyze(text, { path, force: true });
        const ms = cpuMs() - t;
        const kb = text.length / 1024;
        assert.ok(ms <= MAX_MS_FLOOR + MAX_MS_PER_KB * kb, `full analysis took ${ms.toFixed(0)} ms of CPU for ${kb.toFixed(0)} KB`);
        // Incremental: from the original to the mutated text, then one more character typed.
        const analyzer = new IncrementalAnalyzer();
        analyzer.analyze(original, { path, force: true });
        assert.deepEqual(snapshot(analyzer.analyze(text, { path, force: true })), snapshot(fresh), 'incremental result differs after the mutation');
        const typed = `${text.slice(0, edit)}x${text.slice(edit)}`;
        assert.deepEqual(snapshot(analyzer.analyze(typed, { path, force: true })), snapshot(analyze(typed, { path, force: true })), `incremental result differs after typing at ${edit}`);
        checked++;
      } catch (err) {
        // POSTMORTEM_FUZZ_DUMP=file writes the failing document there, to open it or run the CLI on it.
        const dump = process.env['POSTMORTEM_FUZZ_DUMP'];
        if (dump) writeFileSync(dump, text);
        (err as Error).message = `${reproduction(i, name, mutations)}${dump ? ` (document written to ${dump})` : ''}\n${(err as Error).message}`;
        throw err;
      }
    }
    assert.equal(checked, ONLY === undefined ? ITERATIONS : 1);
  });
});
