// Tab-led lines ("\tx") and setext underlines' shapes indented by up to three ("  --", "  =="), after a list item, a
// quote, a heading, code, a definition…: read by the fast reader (parse.ts), as remark reads them. They went to
// micromark (100–700 ms for 16 KB; 95 s for 256 KB of "\tx" after "> x"). A tab goes on to the next multiple of 4
// columns; whether such a line is inside an item, a lazy line, indented code or a paragraph's next line decides the
// extents, and "  --" under a paragraph line is a heading (inside an item too), alone a paragraph.
import * as assert from 'node:assert/strict';
import { fastParse } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';
import { scanChunks } from '../../src/core/model/scan';
import { fastAgreesWithRemark } from './oracle';

const HEADS = [
  '- x', '-', '> x', '>', '1. x', '- [ ] x', '  - x', '-\tx', '> > x', '1.', '[a]: /x', 'x', '# h', '    code', '| a |\n|---|',
  '-   ', '10.', '100.', '1)', '*', ' -', '  1.', '-\t', '- # h', '- > q', '- - x', '- x\n  y', '- x\n\n  y', '>     code',
  '> # h', '***', 'x\n===', '- x\n  - y', '-\n  - y', '- [a]: /x', '-     code', '1.\tx', '- x\n  --', '>\n    c', '- `c`',
];
const LINES = [
  '\tx', ' \tx', '\t\tx', '  \tx', '   \tx', '\t- x', '\t> q', '\t--', '\t==', '\t', '\tx\t', '\t[a]: /y', '\t# h', '\t```',
  '  --', '  ==', ' --', '   --', ' ==', '   ==', '  -', '  =', '  ---', '  - -', '   --  ', '  -- x', '  == x', '  --\t',
  '--', '==', '-', '=', ' -x', '  -x', '    x', '     x', '    --', '  x', 'x', '- b', '1. c', '2. d', '', '  - b', '  [b]: /y',
  '> q', '>', '  # h', '  |a|', '|a|', '  <div>', '***', '#x', '  *x*', '  x  ', '[c]', '    - e', '      f',
];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('tab-led and indented setext-shaped lines: fast reader == remark', function () {
  this.timeout(300_000);
  const chunks = new Set<string>();
  for (const head of HEADS) {
    for (const a of LINES) {
      for (const b of LINES) chunks.add(`${head}\n${a}\n${b}`);
      chunks.add(`${head}\n${a}\n${a}\n${a}\n${a}`);
    }
  }
  // Random runs of the lines after each head.
  const random = prng(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  for (let k = 0; k < 20_000; k++) {
    const body = Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(LINES));
    chunks.add(`${pick(HEADS)}\n${body.join('\n')}`);
  }

  // Some with CRLF and CR line endings.
  for (let k = 0; k < 3000; k++) {
    const body = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(LINES));
    chunks.add(`${pick(HEADS)}\n${body.join('\n')}`.replace(/\n/g, k % 2 ? '\r\n' : '\r'));
  }

  it(`${chunks.size} chunks: what fastParse reads equals remark's reading`, () => {
    const { fast } = fastAgreesWithRemark(chunks);
    assert.ok(fast > chunks.size / 3, `fast path taken for ${fast} of ${chunks.size} chunks`);
  });

  it('chunks of generated documents: what fastParse reads equals remark\'s reading', () => {
    const docs = prng(7);
    const choose = <T>(xs: readonly T[]): T => xs[Math.floor(docs() * xs.length)]!;
    let fast = 0;
    let all = 0;
    for (let d = 0; d < 3000; d++) {
      const parts: string[] = [];
      for (let b = 0; b < 4; b++) {
        parts.push(choose(HEADS));
        const line = choose(LINES);
        for (let r = Math.floor(docs() * 6); r > 0; r--) parts.push(docs() < 0.7 ? line : choose(LINES));
      }
      const lines = parts.join('\n').split('\n');
      for (const span of scanChunks(lines)) {
        const chunk = lines.slice(span.start, span.end).join('\n');
        all++;
        const ours = fastParse(chunk, false);
        if (!ours) continue;
        fast++;
        assert.deepEqual(ours, remarkParseChunk(chunk, false), `chunk ${JSON.stringify(chunk)}`);
      }
    }
    assert.ok(fast > all / 2, `fast path taken for ${fast} of ${all} chunks`);
  });

  // Each shape the fast reader now takes, with what remark says of it.
  const TAKEN: Array<[string, string]> = [
    ['- x\n\tx\n\t\ty', 'a tab-led line inside the item: its paragraph'],
    ['-\n\tx\n\tx', 'an empty item, then its content led by a tab (2 columns past its content)'],
    ['1.\n\tx', 'an empty ordered item: the tab is one column past its content'],
    ['-\tx\n\tx', 'a tab after the marker: the content at column 4'],
    ['  - x\n\tx', 'an item indented by two: its content at column 4'],
    ['100. x\n\tx\ny', 'content at column 5: a tab-led line left of it is a lazy line'],
    ['> x\n\tx\n\tx', 'lazy lines of a quote\'s paragraph'],
    ['>\n\tx\n    x', 'indented code after a quote that takes no lazy line'],
    ['[a]: /x\n\tx', 'a definition\'s content goes on: a paragraph'],
    ['- x\n  ==\n  --\n  --', 'the item\'s underline, then a paragraph of "--" and its underline, in the item'],
    ['-\n  --\n  ==\nz', 'an empty item, a paragraph "--" underlined in it: "z" is no lazy line'],
    ['1.\n  --\n  --', 'left of an empty item\'s content: the item ends, then a heading at column 2'],
    ['-\n -x\n -x', 'left of an empty item\'s content: a paragraph at the top level'],
    ['>\n  ==\n  ==', 'a paragraph "==" indented by two, then its underline'],
    ['   *x*\n  ==', 'an indented heading with inline syntax'],
    ['| a |\n|---|\n  --\n| b |', 'rows that are a heading\'s text, then a row'],
    ['[a]: /x\n  --\n  --', 'after a definition, "--" underlines nothing: a paragraph, then its underline'],
    ['# h\n\t\n\tx', 'a heading, a blank tab line, then code'],
  ];
  for (const [chunk, what] of TAKEN) {
    it(`takes ${JSON.stringify(chunk)} (${what})`, () => {
      const ours = fastParse(chunk, false);
      assert.ok(ours, 'fast path');
      assert.deepEqual(ours, remarkParseChunk(chunk, false));
    });
  }

  // The grid's cells (issue 11): each head, then one kind of line 200 times, is read by the fast reader in every chunk.
  const CELLS: Array<[string, string]> = [
    ...['- x', '-', '> x', '>', '1. x', '- [ ] x', '  - x', '-\tx', '> > x', '1.', '[a]: /x'].map((h): [string, string] => [h, '\tx']),
    ...['- x', '-', '>', 'x', '# h', '    code', '[a]: /x', '- [ ] x', '1.'].flatMap((h): Array<[string, string]> => [[h, '  --'], [h, '  ==']]),
    ['-', ' -x'],
    ['>', '    x'],
  ];
  for (const [head, line] of CELLS) {
    it(`reads ${JSON.stringify(head)} then 200 lines of ${JSON.stringify(line)} without remark, as remark does`, () => {
      const lines = `${head}\n${Array.from({ length: 200 }, () => line).join('\n')}`.split('\n');
      for (const span of scanChunks(lines)) {
        const chunk = lines.slice(span.start, span.end).join('\n');
        const ours = fastParse(chunk, false);
        assert.ok(ours, `fast path for ${JSON.stringify(chunk.slice(0, 40))}… (${span.end - span.start} lines)`);
        assert.deepEqual(ours, remarkParseChunk(chunk, false));
      }
    });
  }
});
