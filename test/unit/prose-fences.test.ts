// Fenced code blocks among prose at the top level (after a paragraph line, a quote, a heading, code), and an empty list
// item whose next line is left of its content (the item stays empty, the list ends). The fast reader (proseChunk and
// itemChunk in parse.ts) sent such chunks to micromark, and with them whole documents ("-->", "(", "  ```", "2." in
// turn: one chunk, 27 ms a KB, 7 s for 256 KB). It must read them as remark does, or leave the chunk to remark.
import * as assert from 'node:assert/strict';
import { scanChunks } from '../../src/core/model/scan';
import { rng } from '../bench/generate';
import { chunksReadAsWhole, fastAgreesWithRemark, mixturesReadFast, pick, randomChunks, rescansAsWholeScan } from './oracle';

const HEADS = ['x', '(', '-->', '> q', '# h', 'x\n===', '    code', '[a]: /x', '| r |', '2.', '-', '10.', '   *', '- x', '<!-- c -->', '<div>', ''];
const FENCES = ['```', '  ```', '   ~~~', '````', '```js', '~~~ x', '```a`b', '    ```', '\t```', '> ```', '  ```  '];
/** Lines in the fence, after it, or closing it. */
const BODY = ['x', '', '2.', '(', '-->', '# h', '[a]: /x', '| r |', '```', '  ```', '~~~', '````', '- x', '> q', '===', '---', '    y', '<div>', '*', '  y'];

describe('Fenced code among prose, and empty items before a line left of their content: fast reader == remark', function () {
  this.timeout(600_000);

  it('a head, a fence, then one to three lines', () => {
    const chunks = new Set<string>();
    for (const head of HEADS) for (const fence of FENCES) for (const a of BODY) for (const b of ['', 'x', '```', '~~~', '  ```']) for (const c of ['', 'y', '2.', '===']) {
      chunks.add([head, fence, a, b, c].filter((l, i) => i === 0 || l !== '' || i === 2).join('\n').replace(/^\n/, ''));
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.5, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('an empty item, then a line left of its content, then more', () => {
    const chunks = new Set<string>();
    const markers = ['-', '*', '2.', '1)', '10.', ' -', '  2.', '   *', '123456789.'];
    const next = ['x', ' x', '  x', '   x', '  ```', '```', '(', '# h', '> q', '    x', '\tx', '[a]: /x', '<div>', '<x', '|a|', '===', '---', '- y', '2.', ' 1. y'];
    for (const marker of markers) for (const a of next) for (const b of ['', 'y', '2.', '```', '===', '    z', '[a]: /x', '# [a]']) for (const c of ['', '1.', '===', '    z']) {
      chunks.add([marker, a, b, c].filter((l, i) => i < 2 || l !== '').join('\n'));
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.5, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random runs of fences, markers and prose (LF and CRLF)', () => {
    const pool = [...HEADS, ...FENCES, ...BODY, ...BODY];
    const chunks = randomChunks(30_000, rng(71), (r) => Array.from({ length: 2 + Math.floor(r() * 9) }, () => pick(pool, r)));
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.3, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('reads the mixtures of the random bench without remark: every chunk of them', () => {
    const mixtures = [
      ['-->', '(', '  ```', '2.'],
      ['x', '```', '2.'],
      ['> q', '~~~', '*', 'x'],
    ];
    mixturesReadFast(mixtures, rng(7));
  });

  it('cuts before fences indented by one to three at the top level as one parse of the whole reads them, and a rescan as a whole scan', () => {
    const pool = ['  ```', '   ~~~', '```', 'x', '(', '2.', '-', '- x', '  - y', '  y', '<x', '> q', '', '    code', '# h', '  ```js'];
    const r = rng(17);
    for (let d = 0; d < 400; d++) {
      const lines = Array.from({ length: 4 + Math.floor(r() * 30) }, () => pick(pool, r));
      chunksReadAsWhole(lines.join('\n'));
      rescansAsWholeScan(lines, scanChunks(lines), r, (r) => pick(pool, r), 10);
    }
  });
});
