// Indented code or a definition, then a list item that cannot interrupt a paragraph ("-", "*", "2."): micromark reads
// the item as a paragraph's first line. The fast reader (itemsAfterCode in parse.ts) read such a paragraph only while
// it held more such items; a line of text, a row or a tab-led line after it ("\tx", "*", "\tx"; "    x", "-", ")x")
// sent the chunk to micromark, and with it whole documents of such lines. It now reads the paragraph's next lines and,
// after a line that starts a block, the rest alone; after code in a chunk of prose (proseChunk), the same paragraph.
import * as assert from 'node:assert/strict';
import { fastParse } from '../../src/core/model/parse';
import { rng } from '../bench/generate';
import { fastAgreesWithRemark, mixtureChunks, pick, randomChunks } from './oracle';

const HEADS = ['    x', '\tx', '    code\n    more', '[a]: /x', '[a]: /x "t"', '~x\n-\n    x', 'x\n===\n\tx', '# h\n    x', '    x\n', '> q\n>\n\tx', '> q\n\n    x', '***\n    x', '<!-- c -->\n    x', '| a |\n\n    x', '[a]: /x\n    x', '# h\n\n    x'];
const MARKERS = ['-', '*', '+', '2.', '1)', '10.', '  -', '   *'];
/** Lines after the paragraph's first: text, rows, indented lines, underlines, and lines that start blocks. */
const NEXT = ['x', ')x', '~x', '&', '[a]', '| a |', '|', '\tx', '    x', '  x', '-', '*', '2.', '===', '--', '  --', '    --', '# h', '#x', '> x', '```', '~~~', '***', '- x', '1. x', '<div>', '<br>', '<!-- c -->', '`x`', '*x*', 'x  ', '[a]: /y', ''];

describe('Code or a definition, then a paragraph of a list marker: fast reader == remark', function () {
  this.timeout(600_000);

  it('a head, a marker, then one or two lines of every kind', () => {
    const chunks = new Set<string>();
    for (const head of HEADS) for (const marker of MARKERS) for (const a of NEXT) for (const b of ['', 'x', '-', '# h', '> x', '| a |', '\tx', '===']) chunks.add(`${head}\n${marker}\n${a}${b === '' ? '' : `\n${b}`}`);
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.6, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random runs after a head (LF and CRLF)', () => {
    const chunks = randomChunks(30_000, rng(53), (r) => [pick(HEADS, r), pick(MARKERS, r), ...Array.from({ length: Math.floor(r() * 9) }, () => pick(NEXT, r))]);
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.4, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('reads the mixtures of the random bench without remark: every chunk of them', () => {
    // (Not yet: a marker alone, then a line indented to its content, which the item holds: "-", "-", "    x".)
    const mixtures = [
      ['    x', '2.', ')x', '~x'],
      ['\tx', '*', ')x'],
    ];
    const r = rng(5);
    for (const kinds of mixtures) {
      const chunks = mixtureChunks(kinds, 4000, r);
      for (const chunk of chunks) assert.ok(fastParse(chunk, false), `fast path for ${JSON.stringify(chunk.slice(0, 200))} (of ${JSON.stringify(kinds)})`);
      assert.ok(chunks.length > 0);
    }
  });
});
