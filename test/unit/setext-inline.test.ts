// Paragraphs made setext headings whose lines hold inline syntax: images, links, code spans open or closed over lines,
// a backslash or two spaces at a line's end (hard breaks), references to the chunk's definitions, and paragraphs that
// share their content with definitions above (remark starts the heading at the first definition). remark read such
// chunks whole (a mix of "=x", "![i](j)", "--" and "[a]: /x" lines: 730 ms for 32 KB; of "===" and "\" lines: 1.4 s
// for 64 KB). The fast reader (setextHeadingText in parse.ts, inlineText in heading-text.ts) must read each heading's
// text as remark reads it, or leave the chunk to remark.
import * as assert from 'node:assert/strict';
import { fastParse } from '../../src/core/model/parse';
import { scanChunks } from '../../src/core/model/scan';
import { rng } from '../bench/generate';
import { fastAgreesWithRemark } from './oracle';

/** A paragraph's lines with inline syntax, or none. */
const TEXT = [
  'x', 'a b', '=x', '![i](j)', '![a]', '[a]', '[b]', '[A]', '[a]: /x', '[x](y)', '[x](y z)', '[a](', '[a][b]', 'x [a] y', '[ ]', '*[a]*',
  '\\', 'a\\', 'a\\\\', '\\![a]', '\\*a\\*', '`x', 'x`', '`a`', '``a` b``', '`', '  `y`  ', '*a', 'b*', '_a_', 'a *b', 'c* d', '**x**',
  '&amp;', '&#42;', 'a  ', 'a \t', 'a\t', '10:00 x', '!', 'a!', '![a]b', 'a\u00a0', '<span>', '<http://a.b>', 'a\u0000b', '2. x', '*',
];
/** Lines that end a paragraph, underline it, or go on with it indented. */
const OTHER = ['--', '  --', '===', '   ===', '-', '', '  b', '    c', '\tc', '[b]: /y "t"', '   [a]: /x', '[c]: \\', '| a |', '> q', '# h'];
const UNDERLINES = ['--', '===', '  --'];

describe('setext headings with inline syntax: fast reader == remark', function () {
  this.timeout(600_000);

  it('two lines of text, underlined, after and before definitions or other blocks', () => {
    const chunks = new Set<string>();
    const heads = ['', '[a]: /x\n', '[a]: /x\n[b]: /y\n', '# h\n', 'p\n\n', '[c]: \\\n'];
    const tails = ['', '\n[a]: /x', '\n\n[b]: /y'];
    for (const head of heads) for (const a of TEXT) for (const b of TEXT) for (const u of UNDERLINES) chunks.add(`${head}${a}\n${b}\n${u}${tails[(a.length + b.length) % 3]}`);
    for (const a of TEXT) for (const u of UNDERLINES) for (const tail of tails) chunks.add(`${a}\n${u}${tail}`);
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.6, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random runs of text, underlines and other lines (LF and CRLF)', () => {
    const r = rng(23);
    const pool = [...TEXT, ...OTHER, ...UNDERLINES, 'x'.repeat(1990)];
    const chunks: string[] = [];
    for (let t = 0; t < 40_000; t++) {
      const lines = Array.from({ length: 1 + Math.floor(r() * 8) }, () => pool[Math.floor(r() * pool.length)]!);
      chunks.push(lines.join(r() < 0.1 ? '\r\n' : '\n'));
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.7, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('reads the slow mixtures without remark: every chunk of them', () => {
    const mixtures = [
      ['=x', '![i](j)', '--', '[a]: /x'],
      ['[x](y)', '`x', '  --', '10:00 x'],
      ['===', '\\'],
      ['x  ', 'a\\', '`a', 'b`', '--', '[a]', '[a]: /x'],
    ];
    const r = rng(5);
    let headings = 0;
    for (const kinds of mixtures) {
      const lines = Array.from({ length: 4000 }, () => kinds[Math.floor(r() * kinds.length)]!);
      for (const span of scanChunks(lines)) {
        const chunk = lines.slice(span.start, span.end).join('\n');
        const read = fastParse(chunk, false);
        assert.ok(read, `fast path for ${JSON.stringify(chunk.slice(0, 200))} (of ${JSON.stringify(kinds)})`);
        headings += read.headings.length;
      }
    }
    assert.ok(headings > 1000, `${headings} headings`);
    // Some chunks of each kind compared with remark (the whole mixtures are one chunk each: remark takes seconds).
    const samples: string[] = [];
    for (const kinds of mixtures) for (let k = 0; k < 300; k++) samples.push(Array.from({ length: 2 + Math.floor(r() * 10) }, () => kinds[Math.floor(r() * kinds.length)]!).join('\n'));
    const { fast, total } = fastAgreesWithRemark(samples);
    assert.ok(fast > total * 0.9, `fast path taken for ${fast} of ${total} chunks`);
  });
});
