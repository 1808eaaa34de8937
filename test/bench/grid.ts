// npm run bench -- --grid [KB]: a sweep for hostile input the families do not hold yet. Each block that opens a
// chunk (a list item, a quote, nested containers, a heading, code, a table, a definition…) is followed by one kind of
// line repeated to KB kilobytes (16 by default): every ASCII punctuation character alone, doubled, before a letter
// and before a space, and indented, tabbed and marker lines. Prints the cells whose full analysis takes longer than
// LIMIT_MS, with their time, row by row. Not a test: at 16 KB a linear reading takes a few milliseconds, so a cell of
// hundreds is a quadratic path (the Markdown parser on lazy lines, mostly), to be made a family and fixed. Found the
// classes of issue 11's fifth session (see CHANGELOG).
import { analyze } from '../../src/core';
import { postmortem } from './families';

const LIMIT_MS = 30;

const HEADS = ['- x', '-', '> x', '>', '1. x', '- > x', '> - x', 'x', '# h', '    code', '| a |\n|---|', '[a]: /x', '- [ ] x', '  - x', '-\tx', '> > x', '1.', '> 1. x'];
const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
const LINES = [
  ...PUNCTUATION.flatMap((c) => [c, c + c, `${c}x`, `${c} x`]),
  ...['x', '  x', '   x', '    x', '  $x', '  --', '  ==', ' -x', '>', '> ', '>>', '> $x', '> --', '\tx', 'x\t', 'x  '],
  ...['12:00', '2.', '2. x', '1)', '- [ ]', '[ ]', '[x]'],
];

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function runGrid(kb: number): void {
  const bytes = kb * 1024;
  analyze(postmortem('What happened', 'x')); // the first analysis loads remark
  console.log(`head, then one kind of line to ${kb} KB: cells over ${LIMIT_MS} ms (CPU ms of a full analysis)`);
  for (const head of HEADS) {
    const slow: string[] = [];
    for (const line of LINES) {
      const body = `${head}\n${Array.from({ length: Math.floor(bytes / (line.length + 1)) }, () => line).join('\n')}`;
      const text = postmortem('What happened', body);
      const t = cpuMs();
      analyze(text);
      const ms = cpuMs() - t;
      if (ms > LIMIT_MS) slow.push(`${JSON.stringify(line)} ${ms.toFixed(0)}`);
    }
    console.log(`${JSON.stringify(head).padEnd(16)} ${slow.length === 0 ? 'none' : slow.join(', ')}`);
  }
}
