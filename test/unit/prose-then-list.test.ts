// A list that starts at the top level after prose in the same chunk: after a paragraph it interrupts (a bullet, "1."),
// a quote's line, a heading, a thematic break. The fast reader (proseChunk in parse.ts) sent such chunks to micromark,
// each a parse of its own ("> ", "<x", "  - x", "#" in turn: 18 ms a KB, 2.3 s for 128 KB). It must read them as
// remark does, or leave the chunk to remark.
import * as assert from 'node:assert/strict';
import { scanChunks } from '../../src/core/model/scan';
import { rng } from '../bench/generate';
import { chunksReadAsWhole, fastAgreesWithRemark, mixturesReadFast, pick, randomChunks, rescansAsWholeScan } from './oracle';

const HEADS = ['x', '<x', ',', '>', '> q', '> - q', '> > q', '#', '# h', 'x\n===', '| r |', '***', '    code', '[a]: /x', '<br>', '`x`', '*x*', '\\x', 'x  ', '2.', '-'];
const ITEMS = ['- x', '  - x', '   * x', '1. x', '1) x', '2. x', '10. x', '- [ ] x', '- > x', '- - x', '- # h', '- ```', '-\tx', '- [a]: /x', '- <div>', '+ x', '- - -', '*  x'];
/** Lines after the item: in it, lazy, or ending it. */
const AFTER = ['', 'y', '  y', '    y', '<x', '>', '> y', '- y', '  - y', '1. y', '# h', '===', '---', '```', '[a]: /x', '| r |', '\ty', '2.', ','];

describe('A list after prose at the top level, in one chunk: fast reader == remark', function () {
  this.timeout(600_000);

  it('a head, an item, then up to two lines', () => {
    const chunks = new Set<string>();
    for (const head of HEADS) for (const item of ITEMS) for (const a of AFTER) for (const b of ['', 'z', '- z', '  z', '> z']) chunks.add([head, item, a, b].join('\n').replace(/\n+$/, ''));
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.4, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random runs of prose, quotes, headings and items (LF and CRLF)', () => {
    const pool = [...HEADS, ...ITEMS, ...AFTER];
    const chunks = randomChunks(30_000, rng(97), (r) => Array.from({ length: 2 + Math.floor(r() * 9) }, () => pick(pool, r)));
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.2, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('reads the mixtures of the random bench without remark: every chunk of them', () => {
    const mixtures = [
      ['>', '#', '  - x', '<x'],
      ['x', '  - y', '<x'],
      ['  - x', '<x', '2.'],
      ['-', '<x', '  - x'],
    ];
    const chunks = mixturesReadFast(mixtures, rng(11));
    assert.ok(chunks > 100, `${chunks} chunks`);
  });

  it('cuts lists indented by one to three after lazy lines as one parse of the whole reads them, and a rescan as a whole scan', () => {
    const pool = ['  - x', '<x', '   * y', ' 1. z', '  2. w', 'x', '-', '> q', '', '    code', '  more', '  - [ ] t', '# h', '2.', '  ```', '***', '  - > q', '  - - n'];
    const r = rng(13);
    for (let d = 0; d < 400; d++) {
      const lines = Array.from({ length: 4 + Math.floor(r() * 30) }, () => pick(pool, r));
      chunksReadAsWhole(lines.join('\n'));
      rescansAsWholeScan(lines, scanChunks(lines), r, (r) => pick(pool, r), 10);
    }
  });

  it('cuts before the next item after lazy lines of plain text under an item as one parse of the whole reads it, and a rescan as a whole scan', () => {
    // (With lone tags, "<x>": see lone-tag-lazy.test.ts for what the scan reads in the block such a tag may start.)
    const pool = ['<x>', '- x', '1. a', '2. b', '* y', '-', '*', 'lazy', '<x', '(x', '  y', '- [ ] t', '`x`', '=', '--', '', '> q', '  - n', '    code', '# h', '- > q', '\tz', '  ```', '  > n', '    - m', '      w', '  - # h', '  1. k'];
    const r = rng(19);
    for (let d = 0; d < 400; d++) {
      const lines = Array.from({ length: 4 + Math.floor(r() * 30) }, () => pick(pool, r));
      chunksReadAsWhole(lines.join('\n'));
      rescansAsWholeScan(lines, scanChunks(lines), r, (r) => pick(pool, r), 10);
    }
  });
});
