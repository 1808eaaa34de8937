// A paragraph whose first line is led by "[" may be link reference definitions, so the scan was sure of none of its
// lines, and cut nowhere in it: "[a]: /x" and "-" lines, or "[x", "![i](j)" and "-" lines, with no blank line, were
// one chunk read by micromark (10–35 s at 1 MB). micromark asks what the lines are when an underline's shape follows
// them: definitions and nothing else, and the line is paragraph text; anything else, and it underlines a heading,
// which closes what is above it. And a heading's text with an opener that nothing closes ("[x", "![i](j)") went to
// micromark: such an opener is literal text.
import * as assert from 'node:assert/strict';
import { fastParse } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';
import { scanChunks } from '../../src/core/model/scan';
import { rng } from '../bench/generate';
import { chunksReadAsWhole, headingsReadAsWhole, pick, rescansAsWholeScan } from './oracle';

const CASES: ReadonlyArray<readonly string[]> = [
  ['[a]: /x', '-', '[a]: /x', '[a]: /x', '-', '-', '[a]: /x', '-', 'text', '-'],
  ['[x', '-', '-', ';x', '-', '-', '[x', '![i](j)', '-'],
  ['[x] y', '-', '  [b]: <y>', '---', '=', '--'],
  ['- x', '[x]:', '"t"', '---', '--', '# h'],
  ['[x]:', '-', 'z'],
  ['[x]: /y', '"t', '-', 'z'],
  ['[x]:', '/y', '-', 'z'],
  ['[x', 'y]: /z', '-', 'q'],
  ['[x]: /y "t"', '-', 'z', '-'],
  ['[a]: /x', '=', '[a]', '=='],
  ['  [a]: /x', '--', '[b', '-'],
  ['text', '[a]: /x', '-', '[b]: /y', '-'],
];

describe('Paragraphs that may be definitions, under an underline\'s shape: chunks read as one parse of the whole', function () {
  this.timeout(600_000);

  for (const lines of CASES) {
    it(JSON.stringify(lines), () => {
      chunksReadAsWhole(lines.join('\n'));
      headingsReadAsWhole(lines.join('\n'));
    });
  }

  it('the scan cuts after such a heading, and where definitions are followed by text and an underline', () => {
    const cuts = (lines: string[]) => scanChunks(lines).map((s) => s.start);
    assert.deepEqual(cuts(['[x', '-', '-', ';x']), [0, 2, 3]);
    assert.deepEqual(cuts(['[a]: /x', '-', '[a]: /x', '-', '[a]: /x']), [0, 4]);
    // Definitions and nothing else: the "-" is paragraph text, no underline; the paragraph goes on.
    assert.deepEqual(cuts(['[a]: /x', '[b]: /y', '-', 'text']), [0]);
  });

  it('random documents of definitions, bracketed lines and underlines, and rescans as a whole scan', () => {
    const pool = ['[x', '[a]: /x', '-', '=', '--', '![i](j)', ';x', 'x', '[x] y', '  [b]: <y>', '"t"', '[a]', '- x', '---', '', '> q', '    code', '[x]:', '/y', '```', '<br>', '# h', '2.', '*', '[a]: /x "t', 't"', 'y]: /z'];
    const r = rng(43);
    for (let d = 0; d < 1500; d++) {
      const lines = Array.from({ length: 2 + Math.floor(r() * 16) }, () => pick(pool, r));
      chunksReadAsWhole(lines.join('\n'));
      headingsReadAsWhole(lines.join('\n'));
      rescansAsWholeScan(lines, scanChunks(lines), r, (r) => pick(pool, r), 4);
    }
  });
});

describe('A heading\'s opener that nothing closes is literal: fast reader == remark', () => {
  it('random headings of brackets, images, links, code spans, autolinks and escapes', () => {
    const tokens = ['[', ']', '![', '(', ')', 'x', ' ', '`', '*', '_', '<b>', '<http://a.b>', '\\', '[a]', '(y)', '](z)', '](', '[x](y)', '![i](j)', '"t"', '<', '>', '&amp;', '[]', '\\]', '\\['];
    const r = rng(47);
    let fast = 0;
    let total = 0;
    for (let d = 0; d < 4000; d++) {
      let content = 'x';
      for (let k = 1 + Math.floor(r() * 10); k > 0; k--) content += pick(tokens, r);
      for (const chunk of [`## ${content}`, `${content}\n===`, `${content}\n;y ${pick(tokens, r)}\n---`]) {
        total++;
        const ours = fastParse(chunk, false);
        if (!ours) continue;
        fast++;
        assert.deepEqual(ours, remarkParseChunk(chunk, false), JSON.stringify(chunk));
      }
    }
    assert.ok(fast > total / 2, `fast path taken for ${fast} of ${total} headings`);
  });

  it('"[x" and images over an underline: read fast', () => {
    for (const chunk of ['[x\n![i](j)\n-', '![i](j) [x\n===', '## [x ![i](j) [y', '## ![x [y](z)']) {
      const ours = fastParse(chunk, false);
      assert.ok(ours, chunk);
      assert.deepEqual(ours, remarkParseChunk(chunk, false), chunk);
    }
  });
});
