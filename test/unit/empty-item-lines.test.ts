// A list marker alone on its line among prose, then its content on the lines under it: a paragraph, maybe in a block
// quote ("-", "  > x"; "-", "\tx"), with its lazy lines. The fast reader (emptyItemParagraph in parse.ts) sent such
// chunks to micromark, and with them whole documents of such lines ("-", "==", "\tx", "*" in turn: 20 s for 256 KB).
// It must find each item's extent as remark does, or leave the chunk to remark.
import * as assert from 'node:assert/strict';
import { fastParse } from '../../src/core/model/parse';
import { rng } from '../bench/generate';
import { fastAgreesWithRemark, mixtureChunks, pick, randomChunks } from './oracle';

const HEADS = ['x\n===', '# h', '==\n-', 'text', '> q', '---', '  > x\n#x', ''];
const MARKERS = ['-', '*', '+', '1.', '2)', ' -', '  *', '10.'];
/** The item's first line of content: under the marker, or indented otherwise. */
const CONTENT = ['  x', '\tx', '   x', '  > x', '  >x', '  > > x', '  [a]', '  <br>', '  <x', '  `x`', '    x', '  - x', '  * x', '  2. x', '  -  x', '  - > x', '  - - x', '  # h', '  ```', '  |a|', '  2.', '  *x*', '  x  '];
/** Lines after it: in the item, lazy, or ending it. */
const NEXT = ['  y', 'y', '<y', '  <y', '  - y', '    - y', '  1. y', '    y', '#x', '  > y', '> y', '-', '*', '2.', '1. y', '- y', '# h', '===', '--', '  --', '  ==', '\ty', '    y', '```', '<div>', '| r |', '[a]: /x', '***', '', '&', ')x', '  <br>'];

describe('Empty list items with content on the next lines, among prose: fast reader == remark', function () {
  this.timeout(600_000);

  it('a head, a marker, its content, then one or two lines', () => {
    const chunks = new Set<string>();
    for (const head of HEADS) for (const marker of MARKERS) for (const content of CONTENT) for (const a of NEXT) for (const b of ['', 'y', '-', '  y', '# h']) {
      chunks.add(`${head === '' ? '' : `${head}\n`}${marker}\n${content}\n${a}${b === '' ? '' : `\n${b}`}`);
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.3, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random runs of markers, content and other lines (LF and CRLF)', () => {
    const pool = [...MARKERS, ...CONTENT, ...NEXT, ...NEXT];
    const chunks = randomChunks(30_000, rng(61), (r) => [pick(HEADS, r), ...Array.from({ length: 2 + Math.floor(r() * 9) }, () => pick(pool, r))]).map((c) => c.replace(/^\r?\n/, ''));
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.2, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('a marker that starts the chunk, its content a nested item or a quote, then prose', () => {
    const chunks = new Set<string>();
    for (const marker of MARKERS) for (const content of CONTENT) for (const a of NEXT) for (const b of ['', 'y', '-', '  - y', '# h', '<br>']) chunks.add(`${marker}\n${content}\n${a}${b === '' ? '' : `\n${b}`}`);
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.3, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('reads the mixtures of the random bench without remark: every chunk of them', () => {
    const mixtures = [
      ['-', '==', '\tx', '*'],
      ['#x', '-', '  > x'],
    ];
    const r = rng(3);
    for (const kinds of mixtures) {
      let items = 0;
      for (const chunk of mixtureChunks(kinds, 4000, r)) {
        const read = fastParse(chunk, false);
        assert.ok(read, `fast path for ${JSON.stringify(chunk.slice(0, 200))} (of ${JSON.stringify(kinds)})`);
        items += read.items.filter((item) => item.endLine > item.line).length;
      }
      assert.ok(items > 100, `${items} items with content`);
    }
  });
});
