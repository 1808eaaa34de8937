// Runs of container lines in turn with lazy lines: a quote holding a list item (`> - x`, `> 1. x`, `> > - x`) then a
// line of text or punctuation (`!`, `$`, `x`, `|`…), over and over, maybe after a paragraph; or, after a paragraph,
// items of a top-level list (`  - x`) in turn with lazy lines. remark reads one quote (or one list) whose paragraph
// takes each lazy line, then a new item: micromark's time is quadratic in those lines (1 s for 64 KB). The fast reader
// (containerRun in parse.ts) must read each such chunk as remark reads it, or leave it to remark.
import * as assert from 'node:assert/strict';
import { fastParse } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';
import { scanChunks } from '../../src/core/model/scan';
import { fastAgreesWithRemark } from './oracle';

const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
/** What may come before the run in its chunk: a paragraph (or not), and lines that are no paragraph's. */
const BEFORE = [
  '', 'x\n', '!\n', '[\n', '|\n', '#x\n', '_\n', '`\n', '~\n', '$ a\n', 'x\ny\n', 'x\n  y\n', '| a |\n|---|\n', '[a]\n', '<span>x</span>\n',
  '2. x\n', '- a\n', '> q\n', '# h\n', '***\n', '    code\n', '[a]: /x\n', '\f\n', '=x\n', '-x\n', 'x  \n', '<div>\n', 'x\n2. y\n', '[a\n',
  '  x\n', '   --\n', '  |x\n', '    x\n', '[a]: /x\n[b]: /y\n', '[a]: /x\ny\n', '[a]:\n/x\n', '[a]: /x\n"t"\n', '[a]: /x\n[b\n', '[a]: /x\n  [c]\n', '[a]: /x "t\n', ' [a]: /x\n',
];
/** Container lines. */
const HEADS = [
  '> - x', '> 1. x', '> > - x', '- > x', '> * x', '>- x', '  > - x', '> - - x', '> 1) x', '> 10. x', '> - > x', '> x', '> > x',
  '  - x', ' - x', '   1. x', '1. x', '- x', '  * x', '  2. x', '  1) x', '    - x', '  -\tx', '> -\tx', '\t> - x', '  - > x', '  - - x',
  '> - [a]', '> - # x', '> - ===', '> - =', '> - <div>', '> - ```', '> -  x', '> - [ ] x', '> - #x', '> - |x', '> - *x*', '> -',
  '> 2. x', '> - x  ', '>  - x', '> - x]: y', '  - [a]: /x', '  - ```', '  -', '  - ---', '> - x\n>', '  - x\n    - y', '- x\n  - y',
];
/** Lines after a container line: lazy ones, and ones that end or change the containers. */
const LAZY = [
  ...PUNCTUATION.flatMap((c) => [c, `${c}x`, `${c} x`]),
  'x', '  x', '    x', '\tx', '', '---', '===', '--', '==', '| a |', '|---|', '- x', '  - y', '    - y', '[a]: /x', '<div>', '<!--',
  '```', '~~~', '# h', '2. x', '1. x', '1.', '\f', '\u00a0x', 'x  ', '<x>', '*x*', '`x`', '[a]', '  >', '> x', '  ===', '  |x',
];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('container lines in turn with lazy lines: fast reader == remark', function () {
  this.timeout(600_000);

  it('a head and a lazy line, twice, after each paragraph or block', () => {
    const chunks = new Set<string>();
    // Every lazy line after the usual leads; after the others, lines led by each punctuation character and the rest.
    const full = new Set(['', 'x\n', '[\n', '|\n', '  x\n', '[a]: /x\n', '- a\n', '> q\n']);
    const some = LAZY.filter((_, k) => k >= PUNCTUATION.length * 3 || k % 3 === 1);
    for (const before of BEFORE) for (const head of HEADS) for (const a of full.has(before) ? LAZY : some) chunks.add(`${before}${head}\n${a}\n${head}\n${a}`);
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total / 4, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('two heads in turn, each with its lazy line', () => {
    const chunks = new Set<string>();
    const lazy = ['x', '!', '|', '$x', '==', '--', '    x', '\tx', '<x>', '[a]', '- x', '> x', ''];
    for (const before of ['', 'x\n', '[\n', '|\n']) {
      for (const h1 of HEADS) for (const h2 of HEADS) for (const a of lazy) chunks.add(`${before}${h1}\n${a}\n${h2}\n${a}\n${h1}`);
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total / 8, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('items of a top-level list whose containers nest, with lines inside the item and lazy lines', () => {
    const chunks = new Set<string>();
    const heads = ['- x', '  - x', '- > x', '  - > x', '- - x', ' 1. > x', '1. x', '* x', '2. x', '- > - x', '  - 1. x'];
    const inside = ['  - y', '  > y', '   - y', '    - y', '      - y', '    > y', '  1. y', '  2. y', '     - y', '  y', '    y', '  ===', '  --', '  |y', '  [a]: /y', '  # y', '  <div>', '  ```', '  -', '  >', '  - [a]', '  > [a]: /y', '\t- y', '  - > y', '  > - y', '   y'];
    const lazy = ['x', '!', '|', '$x', '==', '--', '    x', '\tx', '[a]', '<x>', '- x', '> x', '#x'];
    for (const before of ['', 'x\n', '[\n']) {
      for (const h of heads) {
        for (const a of inside) {
          for (const b of lazy) {
            chunks.add(`${before}${h}\n${a}\n${b}\n${h}\n${a}\n${b}`);
            chunks.add(`${before}${h}\n${b}\n${a}\n${h}\n${b}`);
            chunks.add(`${before}${h}\n${a}\n\n${h}\n${b}\n\n${b}`);
          }
        }
      }
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total / 4, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random runs of heads and lazy lines', () => {
    const random = prng(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const chunks = new Set<string>();
    for (let k = 0; k < 60_000; k++) {
      const parts = [pick(BEFORE).replace(/\n$/, '')].filter((p) => p !== '');
      const length = 2 + Math.floor(random() * 8);
      for (let i = 0; i < length; i++) parts.push(random() < 0.5 ? pick(HEADS) : pick(LAZY));
      chunks.add(parts.join('\n'));
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total / 20, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('takes the runs of the issue (no micromark), as remark reads them, chunk by chunk of the scan', () => {
    const runs: Array<[string, string]> = [];
    for (const lead of ['!', '$', '(', 'x', '#x', '[', '|', '~', '_', '`', '@a', 'x  ', '*x*', '[a]', '<x>', '`x`', '}x', '==', '--']) {
      for (const head of ['> - x', '> 1. x', '> > - x', '> - > x', '> * x']) runs.push([lead, head]);
    }
    for (const lead of ['[', '_', '`', '|', '~', '#x', 'x', '!', '']) for (const head of ['  - x', ' * x', '  1. x', '  - > x', '  - - x', ' 1. > x', '- x\n  - y']) runs.push([lead, head]);
    // A paragraph line indented, or a definition, before each quote line (lazy lines of it after the first).
    for (const lead of ['  x', '  --', '[a]: /x', '   $x']) runs.push([lead, '> - x']);
    // Block quotes and lists at the top level in turn (each ends the other).
    for (const [a, b] of [['>x', '  - x'], ['> x', '  - x'], ['  - x', '> - x'], ['> - x', '  - x'], ['> 1. x', ' 2. x']]) runs.push([a!, b!]);
    for (const [lead, head] of runs) {
      const text = Array.from({ length: 200 }, () => `${lead}\n${head}`).join('\n');
      const lines = text.split('\n');
      for (const span of scanChunks(lines)) {
        const chunk = lines.slice(span.start, span.end).join('\n');
        const ours = fastParse(chunk, false);
        assert.ok(ours, `fast path for ${JSON.stringify(chunk.slice(0, 40))}… (${JSON.stringify(lead)} / ${JSON.stringify(head)})`);
        assert.deepEqual(ours, remarkParseChunk(chunk, false), `${JSON.stringify(lead)} / ${JSON.stringify(head)}`);
      }
    }
  });

  it('takes a quote of list items with lazy lines after a paragraph, items inside hidden, rows of the paragraph kept', () => {
    const cases: Array<[string, readonly number[], number]> = [
      ['!\n> - x\n!\n> - x\n!', [], 0],
      ['| a\n> - x\n|\n> 1. x\n|', [0], 0],
      ['| a\n| b\nc\n> - x\n$\n> > - x\n$', [0, 1], 0],
      ['> - x\n!\n> - x\n!', [], 0],
    ];
    for (const [chunk, rows, items] of cases) {
      const ours = fastParse(chunk, false);
      assert.ok(ours, `fast path for ${JSON.stringify(chunk)}`);
      assert.deepEqual(ours.rows, rows);
      assert.equal(ours.items.length, items);
      assert.deepEqual(ours, remarkParseChunk(chunk, false));
    }
    const list = fastParse('[\n  - x\n[\n  - x\n[', false);
    assert.deepEqual(list?.items, [{ line: 1, endLine: 2 }, { line: 3, endLine: 4 }]);
    // Quotes and lists in turn: each item ends where a quote starts; blank lines end no item but are outside it.
    const turns = '>x\n  - x\n!\n> - y\n$\n  - x\n\n  - z\n>x';
    assert.deepEqual(fastParse(turns, false)?.items, [{ line: 1, endLine: 2 }, { line: 5, endLine: 5 }, { line: 7, endLine: 7 }]);
    assert.deepEqual(fastParse(turns, false), remarkParseChunk(turns, false));
  });
});
