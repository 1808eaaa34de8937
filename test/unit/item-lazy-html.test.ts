// A line that starts an HTML block right under a list item's paragraph, left of its content ("- x", "<br>"). Of kinds
// 1-6 it ends the item; of kind 7 (a lone tag) micromark lets it interrupt the paragraph on a lazy line, and whether the
// block is in the item or at the top level depends on the line after it. The fast reader (listItem in parse.ts) sent
// such chunks to micromark, and with them whole documents of items and "<br>" lines (7 ms a KB: 1.8 s for 256 KB).
// It must read them as remark does, or leave the chunk to remark.
import * as assert from 'node:assert/strict';
import { rng } from '../bench/generate';
import { fastAgreesWithRemark, mixturesReadFast, pick, randomChunks } from './oracle';

const ITEMS = ['- x', '* [ ] x', '1. x', '10) x', ' - x', '- x\n  y', '- > x', '- - x', '-', '- # h', '- x\n  ---', '- [a]: /x'];
const TAGS = ['<x>', '<br>', '</span>', '<a href="y">', '<div>', '<!-- c -->', '<!-- c', '<x', '  <br>', '   <x>', '<x> y', '<pre>', '<?x?>'];
/** Lines after the tag: in the item, lazy, blank, or starting a block. */
const AFTER = ['', 'y', '  y', '    y', '<x>', '<br>', '- y', '*', '2.', '# h', '> q', '---', '===', '```', '[a]: /x', '| r |', '\ty', '  - y', '-->'];

describe('HTML lines right under a list item\'s paragraph: fast reader == remark', function () {
  this.timeout(600_000);

  it('an item, a tag, then up to three lines', () => {
    const chunks = new Set<string>();
    for (const item of ITEMS) for (const tag of TAGS) for (const a of AFTER) for (const b of ['', 'y', '- z', '<x>', '  z']) for (const c of ['', '- q', 'q']) {
      chunks.add([item, tag, a, b, c].join('\n').replace(/\n+$/, (m) => (a === '' && b === '' && c === '' ? m.slice(0, 1) : '')));
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.3, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random runs of items, tags and other lines (LF and CRLF)', () => {
    const pool = [...ITEMS, ...TAGS, ...TAGS, ...AFTER];
    const chunks = randomChunks(30_000, rng(83), (r) => Array.from({ length: 2 + Math.floor(r() * 9) }, () => pick(pool, r)));
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.2, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('reads the mixtures of the random bench without remark: every chunk but a last one', () => {
    const mixtures = [
      ['<x>', '- [ ] x'],
      ['x  ', '<br>', '* x', '|---|'],
    ];
    mixturesReadFast(mixtures, rng(9), true);
  });
});
