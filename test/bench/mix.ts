// npm run bench -- --mix [KB] [documents] [seed]: a sweep for hostile input beyond grid.ts. Each document mixes two to
// four kinds of line (punctuation alone or before a letter, text, indented and tabbed lines, list items, quotes,
// headings, fences, rows, definitions, HTML…) in a random order to KB kilobytes (64 by default) in a What happened
// section, and the slowest documents are printed with their CPU milliseconds of a full analysis. Not a test: the
// classes it finds are made families and fixed (see grid.ts); the same seed gives the same documents.
import { analyze } from '../../src/core';
import { postmortem } from './families';

const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
const KINDS = [
  ...PUNCTUATION,
  ...PUNCTUATION.map((c) => `${c}x`),
  ...['x', 'text here', '  x', '    x', '\tx', '- x', '-', '> x', '>', '1. x', '2.', '# h', '## Impact', '---', '===', '--', '==', '  --'],
  ...['```', '~~~', '| a |', '|---|', '[a]: /x', '<div>', '<!--', '-->', '- [ ] x', '  - x', '> - x', '', 'x  ', '***', '<x>', '[a]', '*x*'],
  ...['`x`', '> > x', '- > x', '1) x', '  > x', '10:00 x', '- **Owner**: a', '<br>', '&amp;', '\\', 'http://x.y', '[x](y)', '![i](j)'],
  ...['> ```', '- ```', '  ```', '* x', '+ x'],
  // Block starts and shapes the first sweeps did not draw (HTML block types, tabs after markers, definitions in
  // containers, footnotes, thematic breaks in containers): they found chunks micromark read super-linearly (a quote
  // line with a tab, then lazy lines: 5 s for 64 KB).
  ...['<h2>Impact</h2>', '</div>', '<?x', '<![CDATA[', '<!X', '<script>', '[^1]: x', '    - x', '   - x', '- - -', '> ---', '> ===', '> # h'],
  ...['- # h', '- ---', '> 1. x', '\t- x', '-\tx', '>\tx', '> \tx', '[a]:', '"t"', '[a', '> [a]: /x', '- [a]: /x', '- <!--', '- <div>'],
  ...['> <div>', '> > > x', '0) x', '1234567890. x', '&#1;', '<!---->', 'x [', '(x', '[a] y'],
];
/** How many of the slowest documents are printed. */
const SHOWN = 25;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function runMix(kb: number, documents: number, seed: number): void {
  let state = seed >>> 0;
  const random = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  analyze(postmortem('What happened', 'x')); // the first analysis loads remark
  const results: Array<{ ms: number; kinds: string[] }> = [];
  for (let d = 0; d < documents; d++) {
    const kinds = Array.from({ length: 2 + Math.floor(random() * 3) }, () => KINDS[Math.floor(random() * KINDS.length)]!);
    const lines: string[] = [];
    for (let size = 0; size < kb * 1024; ) {
      const line = kinds[Math.floor(random() * kinds.length)]!;
      lines.push(line);
      size += line.length + 1;
    }
    const text = postmortem('What happened', lines.join('\n'));
    const t = cpuMs();
    analyze(text);
    results.push({ ms: cpuMs() - t, kinds });
  }
  results.sort((a, b) => b.ms - a.ms);
  console.log(`${documents} documents of two to four kinds of line mixed at random to ${kb} KB (seed ${seed}): the slowest, CPU ms of a full analysis`);
  for (const r of results.slice(0, SHOWN)) console.log(`${r.ms.toFixed(0).padStart(7)}  ${r.kinds.map((k) => JSON.stringify(k)).join(' ')}`);
}
