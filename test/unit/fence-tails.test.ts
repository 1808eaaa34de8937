// A chunk that starts with a fenced code block closed before the chunk's end. The scan cuts after a fence it knows is
// at the top level; after a quote line or a possible list item it cannot know, and the chunk held the fence and what
// follows it ("> x", "~~~", "~~~", "> > x": "~~~" to the end went to micromark). The fast reader (blockThenRest in
// parse.ts) reads what follows the fence alone, as remark does at the top level, or leaves the chunk to remark.
import * as assert from 'node:assert/strict';
import { fastParse } from '../../src/core/model/parse';
import { rng } from '../bench/generate';
import { fastAgreesWithRemark, mixtureChunks, pick, randomChunks } from './oracle';

/** Fences that open and close, indented by up to three spaces, with info strings, and look-alikes. */
const FENCES = ['```', '~~~', '  ```', '   ~~~', '````', '``` js', '~~~ `x`', '```a`', '    ```', '``', '~~~~'];
/** Lines after a fence: text, headings, underlines, rows, quotes, items, code, definitions, HTML. */
const OTHER = ['x', '^x', '&', '# h', '## Impact', '===', '---', '--', '| a |', '> x', '> > x', '>', '- x', '-', '1. x', '2.', '    code', '\tc', '[a]: /x', '[a]', '<br>', '<!--', '', '  ', '***', 'x  ', '  - x', '  > x'];

describe('Closed fences at the start of a chunk, then more lines: fast reader == remark', function () {
  this.timeout(600_000);

  it('a fence, a line inside or not, its close, then one or two lines', () => {
    const chunks = new Set<string>();
    for (const fence of FENCES) {
      for (const inside of ['', 'code\n', '```\n', '~~~\n', '\n']) {
        for (const a of OTHER) for (const b of ['', ...OTHER]) chunks.add(`${fence}\n${inside}${fence}\n${a}${b === '' ? '' : `\n${b}`}`);
      }
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.6, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random runs of fences and other lines that start with a fence (LF and CRLF)', () => {
    const pool = [...FENCES, ...FENCES, ...OTHER];
    const chunks = randomChunks(30_000, rng(41), (r) => [pick(FENCES, r), ...Array.from({ length: 1 + Math.floor(r() * 9) }, () => pick(pool, r))]);
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.5, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('reads the mixtures of the random bench without remark: every chunk of them', () => {
    const mixtures = [
      ['~~~', '  > x', '> - x', '> > x'],
      ['  ```', '&', '-x'],
      ['```', '^x', '> - x', ';x'],
    ];
    const r = rng(9);
    let code = 0;
    for (const kinds of mixtures) {
      for (const chunk of mixtureChunks(kinds, 4000, r)) {
        const read = fastParse(chunk, false);
        if (/^ {0,3}(?:```|~~~)/.test(chunk)) assert.ok(read, `fast path for ${JSON.stringify(chunk.slice(0, 200))} (of ${JSON.stringify(kinds)})`);
        code += read?.codeLines.length ?? 0;
      }
    }
    assert.ok(code > 1000, `${code} lines of code`);
  });
});
