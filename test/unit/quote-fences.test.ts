// Fenced code blocks in block quotes ("> ```", "> code", "> ```"), one or two quotes deep, among paragraphs, list items
// and lines that end the quote. Chunks holding one went to micromark whole (a quote holding a fence, then a list item,
// over and over: 1.5 s for 64 KB). proseChunk (parse.ts) reads them; it must read each as remark does, or leave it.
// A fence takes no lazy line: a line that does not go on with its quotes ends it and them, and starts afresh.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { fastParse } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';
import { scanChunks } from '../../src/core/model/scan';
import { rng } from '../bench/generate';
import { fastAgreesWithRemark } from './oracle';

/** Chunks the fast reader must take, each read as remark reads it. */
const TAKEN = [
  // Closed, then a list item and its lazy line in the quote (the slow family), once and twice.
  '> ```\n> code i\n> ```\n> - x\n> x',
  '> ```\n> code 1\n> ```\n> - x\n> x\n> ```\n> code 2\n> ```\n> - x\n> x',
  // Left open at the chunk's end (openAtEnd, openFrom -1): by the end, blank lines or ">" lines as deep or less.
  '> ```\n> code',
  '> ```',
  '> ~~~ info `x`\n> code\n>',
  '> ```\n> code\n\n',
  '> > ```\n>',
  '> > > ```\n> >\n>',
  '> > ~~~\n>\n>',
  // Ended by a line that does not go on with its quote: no lazy line; text, indented code or a tab-led line after.
  '> ```\n> code\nx',
  '> ```\n> code\n    x',
  '> ```\n> code\n\tx',
  '> ```\r\n> a\r\n> ```\r\nx',
  '> > ```\n> > code\n> x',
  '> > ```\n> > a\n> b',
  '> ```\n>     ```\nx',
  '> ```\n> a\n> ```\n*\n',
  // Closing lines: up to three spaces in the quote, a run as long or longer, then only spaces and tabs.
  '> > ```\n> > code\n> > ```\n    x',
  '> ```\n>    ```\n\tx',
  '> ~~~\n> ```\n> ~~~~\n\tx',
  '> ````\n> ```\n> ````',
  '> ```\n> code\n> ``` \t',
  '> ```\n> ``` x\n> ```',
  '>```\n>code\n>```',
  '   > ```\n   > a\n   > ```',
  '> ```\n>\tcode\n> ```',
  // What the code holds is no block: a definition, a heading, HTML, a deeper quote, a blank line in the quote.
  '> ```js title\n> [a]: /x\n> # h\n> ```',
  '> ```\n> <div>\n> ```',
  '> ```\n> code\n> > nested\n> ```',
  '> ~~~\n> a\n>\n> b\n> ~~~',
  // Before and after it: a paragraph it interrupts, a list item it ends, a heading, rows, definitions, text.
  '> x\n> ```\n> y\n> ```',
  '> - x\n> ```\n> code\n> ```',
  '> 1. x\n> y\n> ```\n> code\n> ```\n\tx',
  '# h\n> ```\n> code\n> ```',
  'text\n> ```\n> code\n> ```\nmore',
  '- item\n> ```\n> code\n> ```',
  '> ```\n> code\n> ```\n| a |',
  '> ```\n> code\n> ```\n> [a]: /x',
  '> ```\n> code\n> ```\n> x\n\tx',
  '> ```\n> code\n> ```\n> ===',
  '> ```\n> code\n> ```\n>\n> # h',
  '> ```\n> a\n> ```\n> ```\n> b',
  '> > ```\n> > code\n> > ```\n> > - x\n> > x',
];

/** Lines of a quote one or two deep: fences of every shape, code, items, text, and lines that end or leave it. */
const PALETTE = [
  '> ```', '> ```', '> ~~~', '> ````', '> ```js', '> ``` a`b', '>```', '>    ```', '>     ```', '> > ```', '> >```', '>  > ```', '> \t```', '>\t```',
  '  > ```', '> ```  ', '> ``` \t', '> > ~~~', '> ~~~~', '>  ```', '>   ```', '> > > ```', '> - ```', 'y ```', '```', '~~~',
  '> code', '> > code', '>     code', '> <div>', '> | a |', '> # h', '> [a]: /x', '> ---', '> ===',
  '> - x', '> > - x', '> 1. x', '> *', '> 2.', '> x', '>', '> >', 'x', '[a]', '[a]: /x', '# h', '  x', '\tx', '    x', '', '- x', '*',
];

/** A line of ">" markers (spaces and tabs among them), then what may be a fence. */
function quotedFence(line: string): boolean {
  const rest = line.replace(/^[ \t>]+/, '');
  return rest.length < line.length && line.includes('>') && (rest.startsWith('```') || rest.startsWith('~~~'));
}

describe('fenced code in block quotes: fast reader == remark', function () {
  this.timeout(600_000);

  it('reads each chunk of the table, as remark does', () => {
    for (const chunk of TAKEN) {
      const ours = fastParse(chunk, false);
      assert.ok(ours, `fast path for ${JSON.stringify(chunk)}`);
      assert.deepEqual(ours, remarkParseChunk(chunk, false), `chunk ${JSON.stringify(chunk)}`);
    }
  });

  it('random lines of quotes, fences, code, items and text (LF and CRLF)', () => {
    const r = rng(31);
    const chunks: string[] = [];
    for (let t = 0; t < 30_000; t++) {
      const ls = Array.from({ length: 1 + Math.floor(r() * 8) }, () => PALETTE[Math.floor(r() * PALETTE.length)]!);
      chunks.push(ls.join(r() < 0.1 ? '\r\n' : '\n'));
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total / 3, `fast path taken for ${fast} of ${total} chunks`);
    // Those with a fence in a quote among them.
    const fenced = fastAgreesWithRemark(chunks.filter((c) => c.split('\n').some(quotedFence)));
    assert.ok(fenced.fast > fenced.total / 3, `fast path taken for ${fenced.fast} of ${fenced.total} chunks with a fence in a quote`);
  });

  it('reads the slow mixture without remark, and documents of them in chunks as remark reads them whole', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => ['> ```', `> code ${i}`, '> ```', '> - x', '> x'][i % 5]!);
    for (const span of scanChunks(lines)) assert.ok(fastParse(lines.slice(span.start, span.end).join('\n'), false), 'fast path');
    const r = rng(7);
    const pool = ['> ```', '> ~~~', '> code', '> > ```', '> > code', '> - x', '> x', '>', 'x', '', '# h', '\tx', '    x', '*', '| r |', '> [a]: /x', '[a]: /x'];
    for (let d = 0; d < 200; d++) {
      const text = ['Text', ...Array.from({ length: 10 + Math.floor(r() * 60) }, () => pool[Math.floor(r() * pool.length)]!)].join('\n');
      const whole = remarkParseChunk(text, false);
      const m = analyze(text, { force: true }).model;
      assert.deepEqual(
        m.headings.map((h) => [h.level, h.kind, h.text, h.range.start.line, h.range.end.line]),
        whole.headings.map((h) => [h.depth, h.kind, h.text, h.line, h.endLine]),
        text,
      );
      assert.deepEqual(m.chunks.flatMap(({ span, data }) => data.items.map((i) => [span.start + i.line, span.start + i.endLine])), whole.items.map((i) => [i.line, i.endLine]), text);
      assert.deepEqual([...m.codeLines].sort((x, y) => x - y), [...whole.codeLines].sort((x, y) => x - y), text);
    }
  });
});
