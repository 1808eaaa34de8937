// HTML blocks and ATX headings after a chunk's first line: a lone tag ("<br>", "<x>") after a heading or a setext
// underline, a block tag ("<div>", "<table>") or a comment after a paragraph line, text after a comment that opens a
// chunk, and "#" lines after a paragraph line of a lone tag (which the scan does not cut before). remark read such
// chunks whole (11 KB of "<br>", "|" and "===" lines: about 1 s; of "#", "{", "<br>" and "| a |" lines, as long).
// The fast reader (proseChunk in parse.ts) must read the blocks' lines as code, their HTML headings, and whether the
// last one runs on into the next chunk, as remark does, or leave the chunk to remark.
import * as assert from 'node:assert/strict';
import { fastParse } from '../../src/core/model/parse';
import { scanChunks } from '../../src/core/model/scan';
import { rng } from '../bench/generate';
import { fastAgreesWithRemark } from './oracle';

/** HTML lines of every kind, closed and open, headings among them. */
const HTML = [
  '<br>', '<x>', '</x>', '<div>', '</div>', '<h2>Impact</h2>', '<h3>Time<br>line</h3>', '<table>', '<td>a</td>', '<!-- a -->', '<!--', '-->',
  'x -->', '<!-->', '<? x ?>', '<?', '?>', '<!DOCTYPE html>', '<![CDATA[ x ]]>', '<![CDATA[', ']]>', '<script>', '</script>', '<pre>x</pre>',
  '<style>', '  <div>', '   <br>', '    <div>', '<span>x</span> text', '<br> text', '<a href="x">', '<h2>', '</h2>', '<div', '<!-- <h2>x</h2> -->',
];
/** Other lines: text, headings, underlines, rows, quotes, items, code, definitions. */
const OTHER = ['x', 'text here', '# h', '## Impact', '#', '  ## x ##', '# `a`', '### [a]', '#x', '===', '---', '--', '|', '| a |', '> q', '>', '- x', '-', '1. x', '    code', '\tc', '[a]: /x', '{', '', '  ', '***', '```', 'x  '];

describe('HTML blocks after the first line of a chunk: fast reader == remark', function () {
  this.timeout(600_000);

  it('one line before and after an HTML line, of every kind', () => {
    const chunks = new Set<string>();
    for (const before of OTHER) for (const html of HTML) for (const after of OTHER) chunks.add(`${before}\n${html}\n${after}`);
    for (const a of HTML) for (const b of HTML) for (const tail of ['', '\nx', '\n', '\n\nx']) chunks.add(`x\n${a}\n${b}${tail}`);
    for (const a of HTML) for (const b of OTHER) for (const tail of ['', '\nx', '\n\n<br>', '\n']) chunks.add(`${a}\n${b}${tail}`);
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.5, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random runs of HTML and other lines (LF and CRLF)', () => {
    const r = rng(31);
    const pool = [...HTML, ...OTHER, ...OTHER];
    const chunks: string[] = [];
    for (let t = 0; t < 30_000; t++) {
      const lines = Array.from({ length: 1 + Math.floor(r() * 9) }, () => pool[Math.floor(r() * pool.length)]!);
      chunks.push(lines.join(r() < 0.1 ? '\r\n' : '\n'));
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.5, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('reads the slow mixtures without remark: every chunk of them', () => {
    const mixtures = [
      ['<br>', '|', '==='],
      ['#', '{', '<br>', '| a |'],
      ['x', '<!-- a -->', '## Impact', '<div>'],
    ];
    const r = rng(7);
    let code = 0;
    for (const kinds of mixtures) {
      const lines = Array.from({ length: 4000 }, () => kinds[Math.floor(r() * kinds.length)]!);
      for (const span of scanChunks(lines)) {
        const chunk = lines.slice(span.start, span.end).join('\n');
        const read = fastParse(chunk, false);
        assert.ok(read, `fast path for ${JSON.stringify(chunk.slice(0, 200))} (of ${JSON.stringify(kinds)})`);
        code += read.codeLines.length;
      }
    }
    assert.ok(code > 3000, `${code} lines of HTML`);
    // The chunks of shorter documents of each mixture compared with remark (the long ones hold chunks of thousands
    // of lines: remark takes seconds on them).
    const samples: string[] = [];
    for (const kinds of mixtures) {
      for (let k = 0; k < 40; k++) {
        const lines = Array.from({ length: 30 }, () => kinds[Math.floor(r() * kinds.length)]!);
        for (const span of scanChunks(lines)) samples.push(lines.slice(span.start, span.end).join('\n'));
      }
    }
    const { fast, total } = fastAgreesWithRemark(samples);
    assert.equal(fast, total, `fast path taken for ${fast} of ${total} chunks`);
  });
});
