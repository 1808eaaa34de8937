// Setext headings whose text names a definition elsewhere in the document: the model resolves them with the
// document's definitions. One with syntax shortcutReferences does not read ("x [ [a] 1", "(x", "===": a "[" nothing
// closes) was a micromark parse of its own, and 40,000 distinct ones, more than the cache of resolved texts holds,
// took 10 s at 1 MB; the linear inline reader now reads them (model.ts setextText). These documents hold its text to
// one remark parse of the whole document, where remark reads the heading's source alone (after definitions, or with
// a list marker first, remark keeps the text as the block parse read it).
import * as assert from 'node:assert/strict';
import { rng } from '../bench/generate';
import { headingsReadAsWhole, randomDocument } from './oracle';

const CASES: ReadonlyArray<readonly string[]> = [
  ['[a]: /x', '', 'x [ [a] 1', '(x', '==='],
  ['[a]: /x', '', 'x [ 1', '[a]', '==='],
  ['[a]: /x', '', '*x* [a] [', '`c` [a]', '---'],
  ['[a]: /x', '[b]: /y', '', '[a] and [c', '&amp; [b]', '  y', '---'],
  // Definitions first: remark keeps the block parse's text.
  ['[a]: /x', '*x* [a]', '[a]: /x', '---'],
  ['[b]: /y "t"', '&amp; [b]', '[b]: /y "t"', '---'],
  ['[a]:', '[a]: /x', '[a]:', '\\[a]', '[a]:', '-'],
  // A list marker's shape first (text under definitions): remark keeps the block parse's text.
  ['[a]: /x', '-', '[x](y) [a]', 'x [', '-'],
  // Brackets nothing closes, with no definition named.
  ['[a]: /x', '', 'x [', '(x', '=', '[a]:', '='],
  ['[a]: /x', '', '\t[a] x [', '  y  ', '==='],
];

const POOL = ['[a]: /x', '[a]:', 'x [', '[a]', '(x', '=', '-', '---', 'text', '[b]: /y "t"', 'see [a] and [b]', ' [a] x', '*x* [a]', '`c` [b]', '<span>x</span>', '[a]: /x "t', 'more"', '[c]', '[a][b]', '[x](y) [a]', '  y', '\\[a]', '&amp; [b]', ''];

describe('setext headings with references, read by the linear inline reader', () => {
  it('reads the documents that took a parse each as remark reads the whole document', () => {
    for (const lines of CASES) headingsReadAsWhole(lines.join('\n'));
  });

  it('reads random documents of brackets, definitions and underlines as remark reads the whole document', () => {
    const r = rng(71);
    let headings = 0;
    for (let d = 0; d < 1500; d++) headings += headingsReadAsWhole(randomDocument(r, POOL, 25));
    assert.ok(headings > 1000, `only ${headings} headings compared`);
  });

  it('reads headings whose first line is led by "-", "+" or "*" and starts no block as remark reads the whole document', () => {
    const pool = ['--', '-x', '+x', '*-', '-*-', '- x', '-', '***', '--  ', '\\', '[^1]: x', '[a]: /x', 'x [a]', '[a]', '==='];
    const r = rng(72);
    let headings = 0;
    for (let d = 0; d < 1500; d++) headings += headingsReadAsWhole(`[a]: /x\n[^1]: y\n\n${randomDocument(r, pool, 25, 4)}`);
    assert.ok(headings > 1000, `only ${headings} headings compared`);
  });
});
