// Fenced code blocks inside list items ("- 14:03 ran the failover", "  ```", "  kubectl …", "  ```"), as post-mortem
// timelines hold them: such chunks went to micromark whole (800 ms for 64 KB of items each holding a block). listItem
// (parse.ts) reads a fence at the item's own level with itemFence; it must read each chunk as remark does, or leave it.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { fastParse } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';
import { scanChunks } from '../../src/core/model/scan';
import { rng } from '../bench/generate';
import { fastAgreesWithRemark, rescansAsWholeScan } from './oracle';

/** Chunks the fast reader must take, and read as remark does. */
const TAKEN = [
  // Closed fences, after the item's paragraph, on its marker's line, of either character and any length.
  '- 14:03 ran the failover\n  ```\n  kubectl rollout restart deploy/api\n  ```',
  '- 14:03 ran the failover\n  ```\n  kubectl rollout restart deploy/api\n  ```\n- 14:05 next item',
  '- item 0\n  ```\n  code 2\n  ```\ntext 4',
  '- ```\n  x\n  ```',
  '- ```sh\n  x\n  ```\n- b',
  '- a\n- ~~~~\n  ~~~\n  ~~~~~ \n- c',
  '- a\n  ~~~ info with ` backticks\n  x\n  ~~~',
  '- a\n  ````\n  ```\n  ````',
  '1. a\n   ```\n   x\n   ```\n2. b',
  '10) a\n    ```\n    x\n    ```',
  '-   a\n    ```\n    x\n    ```',
  // Indented into the item by up to three columns; content indented more; a closing fence indented by up to three.
  '- a\n     ```\n  x\n        y\n     ```',
  '- a\n  ```\n  x\n     ```',
  '- a\n  ```\n  x\n      ```\n  ```',
  '- a\n  ```\n  ``` x\n  ```',
  '- a\n  ```\n  ``\n  ```\t ',
  // Blank lines inside the fence, and after it, then the item goes on.
  '- a\n  ```\n  x\n\n  y\n  ```\n  z',
  '- a\n  ```\n  x\n  ```\n\n  z',
  '- a\n  ```\n  x\n  ```\n  z\n  ```\n  y\n  ```',
  '- a\n\n  ```\n  x\n  ```',
  '-\n  ```\n  x\n  ```',
  // Lines in the fence that would open blocks anywhere else.
  '- a\n  ```\n  # not a heading\n  > not a quote\n  - not an item\n  [a]: /not-a-definition\n  <div>\n  ```',
  '- a\n  ```\n  \tx\n  ```',
  // A line left of the content ends the item and the unclosed fence: no lazy line.
  '- a\n  ```\n  x\ny',
  '- a\n  ```\n  x\n- b',
  '- a\n  ```\n  x\n\ny',
  '- a\n  ```\n  x\n\n- b',
  '- a\n  ```\n  x\n> q',
  '- a\n  ```\n  x\n***',
  '- a\n  ```\n  x\n  ```\ny',
  '- a\n  ```\n  x\n  ```\n\ny',
  // The chunk ends inside the fence: open, not at the top level; the item runs to the chunk's last line.
  '- a\n  ```',
  '- a\n  ```\n  x',
  '- a\n  ```\n  x\n',
  '- a\n  ```\n  x\n\n',
  '- a\n  ```\n  x\n  \n ',
  '- a\n- ```\n  x',
  '- a\n  ```\n  x\n  ````',
  '- a\n  ```\n  x\n  ~~~',
  // In an item nested in the item, right under its line: the fence is at that item's level.
  '- a\n  - b\n    ```\n    x\n    ```',
  '- a\n  - b\n    ```\n    x\n    ```\n  - c\n    ~~~\n    y\n    ~~~\n- d',
  '- a\n  1. b\n     ```\n     x\n     ```\n  text',
  '- a\n  - b\n    ```\n    x\n  text',
  '- a\n  - b\n    ```\n    x\n\n- c',
  '- a\n  - b\n    ```\n    x',
  '- a\n  - b\n      ```\n  x',
  // CRLF line endings.
  '- a\r\n  ```\r\n  x\r\n  ```\r\n- b',
  '- a\r\n  ```\r\n  x\r\n',
];

/** Chunks the fast reader leaves to remark (unsure), checked only for agreement when it takes them. */
const OTHERS = [
  // A nested item holding a heading ends the paragraph above it: the line after it is no lazy line.
  '- step\n  - # h\ntext',
  '* x\n   - x\n  1. - # h\ntext',
  '- a\n  - b\n      ```\n  x\n      ```',
  '- a\n  - b\n  c\n    ```\n    x\n    ```',
  '- a\n  text\n  2. b\n     ```\n     x',
  '- a\n  - - b\n      ```\n      x',
  '- a\n  > b\n  ```\n  x\n  ```',
  '- a\n  ```\n  x\n \t```',
  '- a\n  ```a`b\n  x',
  '- a\n    ```\n    x\n    ```',
  '- a\n  ```\n  x\n```',
  '- a\n  ```\n  x\n\f',
];

describe('fenced code blocks in list items: fast reader == remark', function () {
  this.timeout(300_000);

  it('takes the usual shapes and reads them as remark does (LF, and CRLF where the chunk has no CR)', () => {
    for (const chunk of TAKEN) {
      assert.ok(fastParse(chunk, false) !== undefined, `fast path not taken for ${JSON.stringify(chunk)}`);
      assert.deepEqual(fastParse(chunk, false), remarkParseChunk(chunk, false), `chunk ${JSON.stringify(chunk)}`);
    }
    const crlf = TAKEN.filter((c) => !c.includes('\r')).map((c) => c.replaceAll('\n', '\r\n'));
    const { fast, total } = fastAgreesWithRemark([...crlf, ...OTHERS]);
    assert.ok(fast >= crlf.length * 0.8, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random items of fences, code, text, blank and indented lines', () => {
    const r = rng(41);
    // Items first, and blocks that the list may follow in the chunk (read by the paths around listItem).
    const heads = ['- step', '* x', '1. x', '- ```', '- ~~~', '-', '2) x', '   - x', '- [a]: /x', '# h', 'text', '    code', '[a]: /x', '> q', '---'];
    const pool = [
      '- step', '* x', '1. x', '- ```', '- ~~~', '-', '2. x', ' - x', '   - x',
      '  ```', '  ```', '  ```', '  ~~~', '  ````', '   ```', '     ```', '    ```', '  ```js', '  ```a`b', '  ~~~ x`', '  ``` ', ' ```', '```', '~~~', '  \t```',
      '  code', '  code', '    code', '      code', '\tcode', '  # h', '  > q', '  - nested', '  [a]: /x', '  <div>', '  <!--',
      '  - sub', '  * sub', '  1. sub', '  2. sub', '   - sub', '    - sub', '    ```', '     ```', '      ```', '    ~~~', '    code', '  - - sub', '  -   sub', '  - # h', '  1. - # h',
      '', '', '  ', 'text', 'text', '  text', ' text', '> q', '---', '***', '  --', '[a]: /x', '<div>', 'x ```', '$ cmd', '|',
    ];
    const chunks: string[] = [];
    for (let t = 0; t < 30_000; t++) {
      const ls = [heads[Math.floor(r() * heads.length)]!, ...Array.from({ length: 1 + Math.floor(r() * 9) }, () => pool[Math.floor(r() * pool.length)]!)];
      chunks.push(ls.join('\n'));
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    // (Many of the palette's lines send a chunk to remark: nested items, quotes, HTML, tab-led fences.)
    assert.ok(fast > total / 5, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('random timelines: items each holding a fenced block, maybe unclosed, text and blank lines between', () => {
    const r = rng(43);
    const chunks: string[] = [];
    for (let t = 0; t < 5_000; t++) {
      const ls: string[] = [];
      for (let k = 0; k < 1 + Math.floor(r() * 4); k++) {
        ls.push(`- 14:0${k} step`);
        if (r() < 0.8) {
          const fence = ['```', '~~~', '````'][Math.floor(r() * 3)]!;
          ls.push(`  ${fence}${r() < 0.3 ? 'sh' : ''}`);
          for (let c = 0; c < Math.floor(r() * 3); c++) ls.push(r() < 0.2 ? '' : `  code ${c}`);
          if (r() < 0.85) ls.push(`  ${fence}`);
        }
        if (r() < 0.3) ls.push(['text', '', '  more', '> q'][Math.floor(r() * 4)]!);
      }
      chunks.push(ls.join('\n'));
    }
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.7, `fast path taken for ${fast} of ${total} chunks`);
  });

  it('documents of them read in chunks as remark reads them whole, and a rescan finds the whole scan\'s cuts', () => {
    const r = rng(47);
    const pool = ['- step', '  ```', '  ```', '  ~~~', '  code', '', 'text', '- ```', '  x', '```', '# h', '    code', '1. x'];
    const line = (rr: () => number): string => pool[Math.floor(rr() * pool.length)]!;
    for (let d = 0; d < 200; d++) {
      const lines = ['Text', '', ...Array.from({ length: 20 + Math.floor(r() * 60) }, () => line(r))];
      const text = lines.join('\n');
      const spans = scanChunks(lines);
      const whole = remarkParseChunk(text, false);
      const m = analyze(text, { force: true }).model;
      assert.deepEqual(m.chunks.flatMap(({ span, data }) => data.items.map((i) => [span.start + i.line, span.start + i.endLine])), whole.items.map((i) => [i.line, i.endLine]), text);
      assert.deepEqual([...m.codeLines].sort((x, y) => x - y), [...whole.codeLines].sort((x, y) => x - y), text);
      rescansAsWholeScan(lines, spans, r, line, 10);
    }
  });
});
