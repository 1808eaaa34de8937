// Lines holding only a list marker ("*", "+", "-", "2.", "1)": empty list items) after a list item, a heading, a block
// quote, indented code or a definition: each chunk of them went to remark (60 µs an item in mdast-util-from-markdown,
// a frozen editor at 1 MB), and the scan kept them in one chunk, read again at every edit. The fast reader (parse.ts:
// listItem, listAfterBlock, itemsAfterCode) must read each such chunk as remark reads it, or leave it to remark; the
// scan (scan.ts) cuts before a lone marker only where it surely starts an item.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { fastParse } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';
import { scanChunks } from '../../src/core/model/scan';
import { rng } from '../bench/generate';
import { rescansAsWholeScan } from './oracle';

/** What comes before the markers: items, headings, quotes, code, rows, definitions, paragraphs. */
const HEADS = [
  '- x', '-', 'x', '# h', '    code', '| a |\n|---|', '[a]: /x', '- [ ] x', '  - x', '-\tx', '1.', '> x', '>', '1. x', '* x', '+', '1)', '2. x',
  '- x\n  y', '- x\n  - y', '- > q', '***', 'x\n---', 'x\n===', '> - x', ' - x', '   1. x', '- # h', '-\n  x', '10.', '## h *e*', '[a]: /x\n[b]: /y',
];
/** Lone markers of every kind and indentation, and what may follow or end them. */
const LINES = [
  '*', '+', '-', '2.', '1)', '1.', '10.', '- ', '-\t', ' -', '  *', '   2.', '    -', '* ', '+\t', '1.  ',
  '2. x', '- x', '  x', ' $x', ' -x', 'x', '---', '* * *', '--', '==', '=', '', '  - y', '   x', '    x', '> q', '# g', '-x', '1.x', '```', '<div>',
];

function sameAsRemark(chunk: string): boolean {
  const ours = fastParse(chunk, false);
  if (!ours) return false;
  assert.deepEqual(ours, remarkParseChunk(chunk, false), `chunk ${JSON.stringify(chunk)}`);
  return true;
}

describe('lone list markers: fast reader == remark', function () {
  this.timeout(300_000);

  it('a head, then two or three lines of markers and what follows them (LF and CRLF)', () => {
    const chunks = new Set<string>();
    for (const h of HEADS) for (const a of LINES) for (const b of LINES) chunks.add(`${h}\n${a}\n${b}`);
    for (const h of HEADS) for (const a of LINES.slice(0, 16)) for (const b of LINES) for (const c of ['*', '-', '2.', '  x']) chunks.add(`${h}\n${a}\n${b}\n${c}`);
    let fast = 0;
    let total = 0;
    for (const chunk of chunks) {
      for (const eol of ['\n', '\r\n']) {
        total++;
        if (sameAsRemark(chunk.replaceAll('\n', eol))) fast++;
      }
    }
    assert.ok(fast > total / 2, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random chunks of markers mixed with other lines', () => {
    const r = rng(11);
    const pool = [...LINES, ...HEADS.filter((h) => !h.includes('\n')), '- [ ] t', '99.', '1234567890.', '-     x', 'x  ', 'a\\', '* x', '+ y', '\tx'];
    const markers = ['*', '+', '-', '2.', '1)', '1.', '- ', ' *', '10)'];
    let fast = 0;
    const runs = 30_000;
    for (let t = 0; t < runs; t++) {
      const ls = Array.from({ length: 2 + Math.floor(r() * 7) }, (_, k) => {
        const from = k > 0 && r() < 0.5 ? markers : pool;
        return from[Math.floor(r() * from.length)]!;
      });
      if (sameAsRemark(ls.join(r() < 0.1 ? '\r\n' : '\n'))) fast++;
    }
    assert.ok(fast > runs / 3, `fast path taken for ${fast} of ${runs} chunks`);
  });

  it('reads every chunk of the slow shapes without remark (a head, then one kind of marker line)', () => {
    const heads = ['- x', '-', 'x', '# h', '    code', '| a |\n|---|', '[a]: /x', '- [ ] x', '  - x', '-\tx', '1.', '> x', '>', '1. x'];
    for (const head of heads) {
      for (const line of ['*', '+', '-', '2.', '1)', '2. x', '  x', '  $x', ' -x']) {
        const text = `${head}\n${Array.from({ length: 40 }, () => line).join('\n')}`;
        const lines = text.split('\n');
        for (const span of scanChunks(lines)) {
          const chunk = lines.slice(span.start, span.end).join('\n');
          assert.ok(fastParse(chunk, false), `fast path for ${JSON.stringify(chunk)} (of ${JSON.stringify(head)} / ${JSON.stringify(line)})`);
        }
      }
    }
  });

  it('a list item, then 100,000 lone markers, in linear time: each an item of one line', () => {
    const lines = ['- x', ...Array.from({ length: 100_000 }, (_, i) => ['*', '+', '-', '2.', '1)'][i % 5]!)];
    const data = fastParse(lines.join('\n'), false);
    assert.ok(data);
    assert.equal(data.items.length, 100_001);
    assert.ok(data.items.every((item, i) => item.line === i && item.endLine === i));
  });
});

describe('lone list markers: the scan', function () {
  this.timeout(300_000);

  it('cuts before a lone marker after an item or a heading, not after a paragraph line', () => {
    const cases: ReadonlyArray<readonly [readonly string[], readonly number[]]> = [
      [['- x', '*', '*', '2.', '1)'], [0, 1, 2, 3, 4]],
      [['# h', '+', '-', '1)'], [0, 1, 2, 3]],
      [['x', '*', '1)', '2.'], [0]],
      [['- x', 'lazy', '*', '*'], [0, 2, 3]],
      [['- x', '  - y', '*', '+'], [0, 2, 3]],
      [["> q", "*", "*"], [0, 2]],
    ];
    for (const [lines, starts] of cases) assert.deepEqual(scanChunks(lines).map((s) => s.start), starts, JSON.stringify(lines));
  });

  it('read in chunks, random documents read as remark reads them whole; a rescan after any edit finds the chunks of a whole scan', () => {
    const OTHER = ['', 'x', 'text here', '- x', '* y', '1. a', '2. b', '  - n', '  x', '    code', '# h', '## g', '> q', '>', '---', '***', '===', '--', '| r |', '[a]: /x', '```', '<!-- c -->', '- [ ] t', '-\tx'];
    const MARKERS = ['*', '+', '-', '2.', '1)', '1.', '- ', ' *', '  2.', '-\t'];
    const line = (r: () => number): string => (r() < 0.6 ? MARKERS[Math.floor(r() * MARKERS.length)]! : OTHER[Math.floor(r() * OTHER.length)]!);
    const r = rng(2027);
    for (let d = 0; d < 150; d++) {
      // Led by a line of text: a first line "---" would open a front matter, which remark does not read here.
      const lines = ['Text', '', ...Array.from({ length: 20 + Math.floor(r() * 80) }, () => line(r))];
      const text = lines.join('\n');
      const spans = scanChunks(lines);
      const whole = remarkParseChunk(text, false);
      const m = analyze(text, { force: true }).model;
      assert.deepEqual(
        m.headings.map((h) => [h.level, h.kind, h.text, h.range.start.line, h.range.start.character, h.range.end.line, h.range.end.character]),
        whole.headings.map((h) => [h.depth, h.kind, h.text, h.line, h.character, h.endLine, h.endCharacter]),
        text,
      );
      assert.deepEqual(
        m.chunks.flatMap(({ span, data }) => data.items.map((i) => [span.start + i.line, span.start + i.endLine])),
        whole.items.map((i) => [i.line, i.endLine]),
        JSON.stringify(text),
      );
      assert.deepEqual([...m.codeLines].sort((x, y) => x - y), [...whole.codeLines].sort((x, y) => x - y), text);
      rescansAsWholeScan(lines, spans, r, line, 20);
    }
  });
});
