// A lone tag (an HTML block of type 7: "<x>", "<br>") on a line that a paragraph above may take. Type 7 cannot
// interrupt a paragraph, so under a sure paragraph line it is that paragraph's text; after a quote's or an item's line
// micromark may read it either way. The scan took it for an HTML block to the next blank line and read no line in
// it: an item, a fence or indented code there was missed, and cut after the blank line ("y", "<br>", "- x", "",
// "    code": the code is the item's). And micromark reads a lone tag on a lazy line as an HTML block only at the very
// end of the text, so a chunk that ended with one read otherwise than the document ("> - q", "<x>", "<div>").
import * as assert from 'node:assert/strict';
import { scanChunks } from '../../src/core/model/scan';
import { rng } from '../bench/generate';
import { chunksReadAsWhole, fastAgreesWithRemark, pick, randomChunks, rescansAsWholeScan } from './oracle';

const CASES: ReadonlyArray<readonly string[]> = [
  ['y', '<br>', '- x', '', '    code'],
  ['  y', '<br>', '- x', '', '    code'],
  ['a | b', '<br>', '- x', '', '    code'],
  ['> a', '<br>', '- x', '', '    code'],
  ['> q', '<br>', '*', '   <x>', '', '\tz'],
  ['> q', '<x>', '  ```', '  ```', '- > q', '', '\tz'],
  ['> q', '<x>', '    code', '      w', '', '-'],
  ['<x', '<x>', '# h', '      w', '', '      w'],
  ['text', '<br>', '```', '<div>', '```', '*'],
  ['  - n', '<x>', '<!-- c', '', '   <x>', '<div>', ''],
  ['[a]: /x', '<br>', '  ```', '```', '  ```', '', '<pre>', '  ```', 'lazy', '</pre>', '2.'],
  ['- x', '<x>', '  - # h', '```', '```', '* y', '  ```', '    - w'],
  ['[a]: /x', '*', '  - y', '   <x>', '- x'],
  ['> - q', '<x>', '<div>'],
  ['text', '<x>', '- > q', '<br>', '<div>'],
  ['- q', '<x>'],
  ['- q', '<br>', 'text', '- q', '<br>', '', '    code'],
  ['> - q', '<x>', '    code', '*'],
  ['> q', '<br>', '    code', '2.'],
  ['> q', '<br>', 'text', '> - q', '<br>', '> y', '- > q', '<br>', '  y', '- > q', '<x>', 'z'],
];

describe('A lone tag a paragraph may take: chunks read as one parse of the whole', function () {
  this.timeout(600_000);

  for (const lines of CASES) {
    it(JSON.stringify(lines), () => chunksReadAsWhole(lines.join('\n')));
  }

  it('random documents of items with lone tags and text under them, and rescans as a whole scan', () => {
    // Under an item's paragraph a lone tag is a lazy line (CommonMark) or an HTML block in the item that the next line
    // left of its content ends (micromark): the scan reads on after it ("- q", "<br>", "text" in turn was one chunk).
    const pool = ['- q', '  - q', '1. q', '- [ ] t', '<br>', '<x>', '   <x>', '  <br>', 'text', 'more', '', '  y', '    code', '\tz', '- # h', '  ```', '```', '<!-- c', '-->', '# h', '<div>', '> q', '*', '2.', '  - y', '===', '- > q', '> - q', '---'];
    const r = rng(37);
    for (let d = 0; d < 1500; d++) {
      const lines = Array.from({ length: 3 + Math.floor(r() * 25) }, () => pick(pool, r));
      chunksReadAsWhole(lines.join('\n'));
      rescansAsWholeScan(lines, scanChunks(lines), r, (r) => pick(pool, r), 4);
    }
  });

  it('random documents of lone tags, quotes, items, fences and code, and rescans as a whole scan', () => {
    const pool = ['> q', '> - q', '- > q', '> > q', '> 1. q', '> y', '  > y', '<x>', '<br>', '  <br>', '   <x>', '- x', '  - y', '*', '2.', '', '\tz', '    code', '```', '  ```', '<!-- c', '-->', '# h', '<div>', 'x', 'a | b', '[a]: /x', '> # h', '- # h', '<pre>', '</pre>', '> ```'];
    const r = rng(29);
    for (let d = 0; d < 1500; d++) {
      const lines = Array.from({ length: 3 + Math.floor(r() * 20) }, () => pick(pool, r));
      chunksReadAsWhole(lines.join('\n'));
      rescansAsWholeScan(lines, scanChunks(lines), r, (r) => pick(pool, r), 4);
    }
  });
});

// micromark starts an HTML block in the quote at a lone tag on a lazy line of its paragraph ("> q", "<br>"); the
// line after it, unless it goes on with the quote, starts afresh at the top level. The fast reader (proseChunk in
// parse.ts) sent the chunk to micromark: "> q", "<br>", then 1 MB of text was one chunk read at 3 ms a KB.
const QUOTES = ['- > q', '> 1. q', '> > - q', '> -  q', '>  - q', '> -     q', '> q', '> > q', '> q\nx', '> - q', '> # h', '>', '> q\n> <br>', '> [a]: /x', '> q\n===', '   > q'];
const TAGS = ['<br>', '<x>', '   <x>', '</span>', '<a href="y">', '<br> x', '<div>', '<!-- c -->', '<x'];
const AFTER = ['', 'y', '  y', '    code', '\tz', '<x>', '<br>', '- y', '*', '2.', '# h', '> q', '> # h', '>', '---', '===', '```', '[a]: /x', '| r |', '<div>', '  - y'];

describe('A lone tag on a lazy line of a quote\'s paragraph: fast reader == remark', function () {
  this.timeout(600_000);

  it('a quote, a tag, then up to two lines', () => {
    const chunks = new Set<string>();
    for (const q of QUOTES) for (const tag of TAGS) for (const a of AFTER) for (const b of ['', 'z', '- z', '> z', '===', '    z']) chunks.add([q, tag, a, b].join('\n').replace(/\n+$/, ''));
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.3, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('an item that starts with a quote, a tag, then up to two lines', () => {
    const items = ['- > q', '* > > q', '1. > q', '- >q', '  - > q', '- > - q', '- > # h', '-  > q', '- > q\n  > y', '-     > q', '- > 1. q'];
    const chunks = new Set<string>();
    for (const item of items) for (const tag of TAGS) for (const a of AFTER) for (const b of ['', 'z', '- > z', '  z', '<br>']) chunks.add([item, tag, a, b].join('\n').replace(/\n+$/, ''));
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.2, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random runs of quotes, tags and other lines (LF and CRLF)', () => {
    const pool = [...QUOTES, ...TAGS, ...TAGS, ...AFTER];
    const chunks = randomChunks(20_000, rng(31), (r) => Array.from({ length: 2 + Math.floor(r() * 9) }, () => pick(pool, r)));
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.2, `fast path taken for ${fast} of ${total} chunks`);
  });
});
