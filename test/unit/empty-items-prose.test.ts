// Empty list items (a marker alone on its line: "-", "*", "+", "1.", "2)") among paragraphs, setext headings, rows and
// quotes at the top level: a line of text, then "-", is a setext heading; "-" where nothing is open is an empty item,
// which takes no lazy line. Such chunks went to micromark whole (35 µs a byte: 430 ms for 32 KB of "'x" and "-", found
// by `npm run bench -- --mix`). proseChunk (parse.ts) reads them; it must read each as remark does, or leave it.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { fastParse } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';
import { scanChunks } from '../../src/core/model/scan';
import { rng } from '../bench/generate';
import { fastAgreesWithRemark, rescansAsWholeScan } from './oracle';

/** What a chunk read by proseChunk starts with. */
const HEADS = ["'x", 'x', '# h', '| a |', '> x', '>', '***', '[a]: /x', '    code', 'x\n---', '%x', '`x`', '<span>x</span>', '## h\n-'];
/** Lone markers of every kind and indentation. */
const MARKERS = ['-', '*', '+', '1.', '2.', '1)', '10.', '- ', '-\t', ' -', '  *', '   2.', '-  '];
/** What may follow them: text led by punctuation, setext shapes, indented lines, blocks. */
const OTHERS = [
  "'x", '^x', '%', ']x', '`x`', ':x', '{', '}', '/', 'x', '$x', '.x', '---', '--', '===', '=', '', '  x', ' x', '   x', '    x', '\tx', '- x', '> q', '# g', '| r |', '[a]: /x', '***', '<div>', '```', '  -', '    -',
];

describe('empty list items among paragraphs: fast reader == remark', function () {
  this.timeout(300_000);

  it('a head, then a marker, then one or two lines (LF and CRLF)', () => {
    const chunks: string[] = [];
    for (const h of HEADS) for (const m of MARKERS) for (const a of OTHERS) {
      chunks.push(`${h}\n${m}\n${a}`);
      for (const b of ['-', 'x', '  x', '', '1.']) chunks.push(`${h}\n${m}\n${a}\n${b}`);
    }
    const { fast, total } = fastAgreesWithRemark(chunks.flatMap((c) => [c, c.replaceAll('\n', '\r\n')]));
    assert.ok(fast > total * 0.6, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random mixtures of text, markers and setext underlines', () => {
    const r = rng(17);
    const pool = [...MARKERS, ...OTHERS, ...HEADS.filter((h) => !h.includes('\n'))];
    const chunks: string[] = [];
    for (let t = 0; t < 25_000; t++) {
      const ls = Array.from({ length: 2 + Math.floor(r() * 9) }, () => pool[Math.floor(r() * pool.length)]!);
      chunks.push(ls.join('\n'));
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total / 3, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('takes the mixtures the bench found slow: punctuation-led text and lone markers, any order', () => {
    const r = rng(5);
    const text = ["'x", '^x', '%', ']x', ':x', '{', '}', '/', '%x', '"'];
    const chunks: string[] = [];
    for (let t = 0; t < 3_000; t++) {
      const ls = Array.from({ length: 3 + Math.floor(r() * 12) }, () => (r() < 0.4 ? ['-', '*', '+', '1.'][Math.floor(r() * 4)]! : text[Math.floor(r() * text.length)]!));
      chunks.push(ls.join('\n'));
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    // Every such chunk: only those whose first line is an item with a next line to its content would not be.
    assert.equal(fast, total, `fast path taken for ${fast} of ${total} chunks`);
    assert.ok(fastParse("'x\n-\n-\n*\n'x\n-\n", false)?.items.length === 2, 'a setext heading, two empty items, a setext heading');
  });

  // In a quote that may hold a list ("> - x"), a line that does not continue the list's item lets micromark start any
  // container (it checks interruption only where every container goes on): "> *" is an empty item, which takes no
  // lazy line, so a tab-led line after it is code at the top level. The fast reader read it as the paragraph's lazy line.
  it('an empty item or one that cannot interrupt, in a quote after a list item, ends what takes lazy lines', () => {
    const chunks: string[] = [];
    const heads = ['> - x\n> x', '> - x', '> 1. x\n> x', '> * x', '> > - x\n> x', '> > x\n> 1. x\n> x', '> -    x', '> 1.   x', '> 100. x\n> x', '>\n> + x'];
    const markers = ['*', '-', '+', '1.', '2.', '2)', '10.', ' *', '*  ', '2. y', '    *'];
    const tails = ['\tx', '    x', '  \tx', 'x', '> \tx', '>     x', ''];
    for (const h of heads) for (const m of markers) for (const t of tails) chunks.push(`${h}\n> ${m}\n${t}`);
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total / 8, `fast path taken for ${fast} of ${total} chunks`);
    // The chunk of the report, among them: read by remark, or as remark reads it.
    assert.ok(chunks.includes('> - x\n> x\n> *\n\tx'));
  });

  it('random quote lines, items in them and tab-led lines', () => {
    const r = rng(41);
    const pool = ['> - x', '> x', '> *', '> -', '> +', '> 1.', '> 2.', '> 2)', '> 10.', '> 2. y', '\tx', '    x', '   x', 'x', '> > x', '> > - x', '> > *', '> > 2.', '>', '> >', '>  *', '>     *', '> \tx', '>\tx', '> 1. x', '> 1.   x', '> 100. x', '> * x', '- x', '*', '2.', '> > 1. x', '> >     *', '> - > x', '> -    x', '  > *', '> x *', '> 3) x'];
    const chunks: string[] = [];
    for (let t = 0; t < 20_000; t++) chunks.push(Array.from({ length: 2 + Math.floor(r() * 5) }, () => pool[Math.floor(r() * pool.length)]!).join('\n'));
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total / 3, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('documents of them read in chunks as remark reads them whole; the scan cuts between setext headings and items, and a rescan finds its cuts', () => {
    const r = rng(29);
    const pool = ["'x", '^x', '%x', 'x', '-', '-', '*', '1.', '+', '---', '===', '', '# h', '  x', '    x', '> q', '- x', '| r |', '2.', '  -'];
    const line = (rr: () => number): string => pool[Math.floor(rr() * pool.length)]!;
    let cuts = 0;
    for (let d = 0; d < 300; d++) {
      const lines = ['Text', ...Array.from({ length: 20 + Math.floor(r() * 80) }, () => line(r))];
      const text = lines.join('\n');
      const spans = scanChunks(lines);
      cuts += spans.length - 1;
      const whole = remarkParseChunk(text, false);
      const m = analyze(text, { force: true }).model;
      assert.deepEqual(
        m.headings.map((h) => [h.level, h.kind, h.text, h.range.start.line, h.range.start.character, h.range.end.line, h.range.end.character]),
        whole.headings.map((h) => [h.depth, h.kind, h.text, h.line, h.character, h.endLine, h.endCharacter]),
        text,
      );
      assert.deepEqual(m.chunks.flatMap(({ span, data }) => data.items.map((i) => [span.start + i.line, span.start + i.endLine])), whole.items.map((i) => [i.line, i.endLine]), text);
      assert.deepEqual([...m.codeLines].sort((x, y) => x - y), [...whole.codeLines].sort((x, y) => x - y), text);
      rescansAsWholeScan(lines, spans, r, line, 20);
    }
    assert.ok(cuts > 3000, `${cuts} cuts`);
    // "## h", then text, "-" and "-" in turn: a chunk per setext heading and per empty item, not one.
    assert.ok(scanChunks(['## h', ...Array.from({ length: 300 }, (_, i) => ["'x", '-', '-'][i % 3]!)]).length > 150);
  });
});

