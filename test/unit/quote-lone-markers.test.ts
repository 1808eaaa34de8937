// List markers alone on their line ("-", "1.", "*": empty list items) right after block quote lines. micromark starts
// a list item wherever the quote is not continued (it asks whether an empty item may interrupt a paragraph only when
// every container went on), so the quote ends above the marker, which is no lazy line. Random mixtures of ")", "-x",
// "-" and "> x" lines went to micromark chunk by chunk (2.9 s of CPU for 64 KB on a loaded machine).
import * as assert from 'node:assert/strict';
import { fastParse } from '../../src/core/model/parse';
import { scanChunks } from '../../src/core/model/scan';
import { rng } from '../bench/generate';
import { fastAgreesWithRemark } from './oracle';

const QUOTES = ['> x', '>', '> - x', '> > x', '> 1. x', '>     code', '> # h', '> ---', '> [a]: /x', '> | a |'];
const MARKERS = ['-', '1.', '*', '+', '2)', ' -', '   *', '- ', '-\t'];
const OTHER = ['x', '-x', ')', '  x', '   y', '    z', '', '--', '===', '- x', '[a]', '<br>', '\tx'];

describe('empty list items after block quote lines: fast reader == remark', function () {
  this.timeout(600_000);

  it('a quote line, a marker, and one line after it', () => {
    const chunks = new Set<string>();
    for (const q of QUOTES) for (const m of MARKERS) for (const after of [...OTHER, ...QUOTES, ...MARKERS]) for (const head of ['', '-\n', 'x\n']) chunks.add(`${head}${q}\n${m}\n${after}`);
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.5, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random runs of quote lines, markers and other lines', () => {
    const r = rng(41);
    const pool = [...QUOTES, ...MARKERS, ...OTHER];
    const chunks: string[] = [];
    for (let t = 0; t < 30_000; t++) chunks.push(Array.from({ length: 1 + Math.floor(r() * 9) }, () => pool[Math.floor(r() * pool.length)]!).join('\n'));
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.4, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('reads the slow mixture without remark: every chunk of it', () => {
    const kinds = [')', '-x', '-', '> x'];
    const r = rng(3);
    const lines = Array.from({ length: 6000 }, () => kinds[Math.floor(r() * kinds.length)]!);
    const chunks = scanChunks(lines).map((span) => lines.slice(span.start, span.end).join('\n'));
    for (const chunk of chunks) assert.ok(fastParse(chunk, false), `fast path for ${JSON.stringify(chunk.slice(0, 200))}`);
    const { fast, total } = fastAgreesWithRemark(chunks.slice(0, 400));
    assert.equal(fast, total);
  });
});
