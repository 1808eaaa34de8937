// Chunks too large for micromark (large-chunk.ts): a chunk of more than LARGE_CHUNK_LINES lines that the fast reader
// does not read is read by markdown-it's block parser, in linear time. micromark took seconds on 64 KB of block quote
// lines and lazy lines ("> \tx", "*x", "-->"), growing faster than the input. These tests hold the markdown-it reading
// to remark's where CommonMark readers agree (real and generated post-mortems, random documents of everyday and
// hostile lines), and the linear block quote rule to markdown-it's own.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionsByLabel } from '../../src/core/model/heading-text';
import { isLargeChunk, keptBlockTokens, LARGE_CHUNK_LINES, largeChunkParse, markdownItBlocks } from '../../src/core/model/large-chunk';
import { fastParse, parseChunk } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';
import type Token from 'markdown-it/lib/token.mjs';
import type { ChunkData } from '../../src/core/model/chunk';
import { generatePostmortem, rng } from '../bench/generate';
import { CORPUS } from './helpers';
import { randomDocument } from './oracle';

/** What the model reads of a chunk: definitions by label (markdown-it keeps labels normalised, remark as written). */
function comparable(d: ChunkData): unknown {
  return { ...d, definitions: [...definitionsByLabel(d.definitions).keys()].sort() };
}

/** A document's body: front matter lines blanked (front matter is read apart, never by either reader here). */
function body(doc: string): string {
  return doc.replace(/^---\n[\s\S]*?\n---\n/, (m) => '\n'.repeat(m.split('\n').length - 1));
}

/** Lines everyday post-mortems hold, and hostile ones (lazy lines after quotes of a tab, a definition or a tag). */
const POOL = [
  '# h', '## Impact', 'text', '', '- x', '  - y', '1. x', '> q', '```', '~~~', '| a |', '[a]: /x', 'see [a]', '## [a] t', '<div>',
  '</div>', '<!--', '-->', 'x', '---', '===', '- [ ] fix', '* x', 'Title', '## `code` *em*', '<h2>Impact</h2>', '  text', '> - x',
  '- > x', '> \tx', '*x', '> [a]: /x', '> <div>', '"x', '- [a]: /x', '> > q', '  > q', '1) x',
];


describe('large chunks: markdown-it reads what micromark would read too slowly', () => {
  it('sends a chunk of more than LARGE_CHUNK_LINES lines that the fast reader leaves to markdown-it, a smaller one to remark', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => ['> \tx', '*x', '-->', '*x'][i % 4]!).join('\n');
    const large = lines(LARGE_CHUNK_LINES + 1);
    const small = lines(LARGE_CHUNK_LINES);
    assert.equal(fastParse(large, false), undefined, 'the fast reader reads this chunk: the test needs one it leaves');
    assert.ok(isLargeChunk(large));
    assert.ok(!isLargeChunk(small));
    assert.deepEqual(parseChunk(large, false), largeChunkParse(large));
    assert.deepEqual(parseChunk(small, false), remarkParseChunk(small, false));
    // Lines end in CR, CRLF or LF: each counts.
    assert.ok(isLargeChunk(Array.from({ length: LARGE_CHUNK_LINES + 1 }, () => 'x').join('\r')));
    assert.ok(!isLargeChunk(Array.from({ length: LARGE_CHUNK_LINES }, () => 'x').join('\r\n')));
    // Both readers agree on it (one block quote paragraph of lazy lines).
    assert.deepEqual(comparable(largeChunkParse(small)), comparable(remarkParseChunk(small, false)));
  });

  it('reads real and generated post-mortems as remark does: headings, items, rows, code, definitions, open constructs', () => {
    const docs: Array<[string, string]> = [];
    for (let seed = 1; seed <= 6; seed++) docs.push([`generated ${seed}`, generatePostmortem(16_000, seed)]);
    if (CORPUS) {
      for (const f of readdirSync(CORPUS).filter((f) => f.endsWith('.md'))) docs.push([f, readFileSync(join(CORPUS, f), 'utf8')]);
    }
    let headings = 0;
    for (const [name, doc] of docs) {
      const text = body(doc);
      const ours = largeChunkParse(text);
      headings += ours.headings.length;
      assert.deepEqual(comparable(ours), comparable(remarkParseChunk(text, false)), name);
    }
    assert.ok(headings > 50, `only ${headings} headings compared`);
  });

  it('reads random documents of everyday and hostile lines as remark does', () => {
    const r = rng(61);
    for (let d = 0; d < 1500; d++) {
      const text = randomDocument(r, POOL, 30);
      assert.deepEqual(comparable(largeChunkParse(text)), comparable(remarkParseChunk(text, false)), JSON.stringify(text));
    }
  });

  it('keeps of the block tokens the ones it reads: top-level blocks, their heading text, top-level items, and the last leaf', () => {
    const all = markdownItBlocks();
    const r = rng(71);
    const pool = [...POOL, '> # h', '- # h', '> ```', '- ```', '> - x', '> > ```', '  ```', '> <!--', '- <div>', '> ---', 'Title', '> x'];
    const shown = (k: Token | undefined) => (k ? `${k.type} ${k.level} ${k.map?.join('-') ?? ''} ${JSON.stringify(k.content)}` : 'none');
    let nestedLeaves = 0;
    for (let d = 0; d < 2000; d++) {
      const text = `${randomDocument(r, pool, 30)}\n`;
      const tokens = all.parse(text, {});
      const wanted = tokens.filter((k, i) => k.nesting !== -1 && (k.level === 0 || (k.level === 1 && (k.type === 'list_item_open' || (k.type === 'inline' && tokens[i - 1]!.type === 'heading_open' && tokens[i - 1]!.level === 0)))));
      const leaf = [...tokens].reverse().find((k) => k.nesting !== -1);
      if (leaf && leaf.level > 0) nestedLeaves++;
      const kept = keptBlockTokens(text);
      assert.deepEqual(kept.tokens.map(shown), wanted.map(shown), JSON.stringify(text));
      assert.equal(shown(kept.env.lastLeaf), shown(leaf), JSON.stringify(text));
    }
    assert.ok(nestedLeaves > 300, `only ${nestedLeaves} documents ended inside a container`);
  });

  it('reads block quotes with its linear rule as markdown-it reads them with its own', () => {
    const linear = markdownItBlocks(true);
    const own = markdownItBlocks(false);
    const r = rng(67);
    const tokens = (md: typeof linear, text: string) => {
      const env: Record<string, unknown> = {};
      const t = md.parse(text, env).map((k) => `${k.type} ${k.level} ${k.map?.join('-') ?? ''} ${JSON.stringify(k.content)}`);
      return { t, env };
    };
    let quotes = 0;
    const pool = [...POOL, '>', '> >', '\tx', '    x', '> ```', '> [c', 'a]: /z', '   > x', '> 1. x', '1. > x'];
    for (let d = 0; d < 3000; d++) {
      const text = `${randomDocument(r, pool, 40)}\n`;
      const ours = tokens(linear, text);
      if (ours.t.some((k) => k.startsWith('blockquote_open'))) quotes++;
      assert.deepEqual(ours, tokens(own, text), JSON.stringify(text));
    }
    assert.ok(quotes > 1000, `only ${quotes} documents held a block quote`);
  });
});
