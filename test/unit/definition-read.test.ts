// Link reference definitions read without micromark (definition-read.ts, and where parse.ts lets them run: the top
// level, block quotes) must say exactly what remark says. Table-driven cases for every branch of the reader, valid
// definitions and near misses, each checked to be read by the fast path (not handed to remark) where it should be;
// then seeded random chunks of definition pieces, cut as the scan cuts them. POSTMORTEM_DIFF_SEQUENCES scales the
// random run (20000 for a long one).
import * as assert from 'node:assert/strict';
import { fastParse } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';
import { scanChunks } from '../../src/core/model/scan';
import { splitLines } from '../../src/core/model/text';
import { FAMILIES } from '../bench/families';
import { rng } from '../bench/generate';

const SEQUENCES = Number(process.env['POSTMORTEM_DIFF_SEQUENCES'] ?? 1000);

/** The fast reading of a chunk equals remark's; `fast` says whether the fast path must take it (else either may). */
function same(chunk: string, fast = true): void {
  const ours = fastParse(chunk, false);
  if (fast) assert.ok(ours, `left to remark: ${JSON.stringify(chunk)}`);
  if (ours) assert.deepEqual(ours, remarkParseChunk(chunk, false), `chunk ${JSON.stringify(chunk)}`);
}

/** The definitions remark finds in a chunk, which the fast path must read too (guards the table's expectations). */
function definitionsOf(chunk: string): readonly string[] {
  return remarkParseChunk(chunk, false).definitions;
}

const L999 = 'a'.repeat(999);

// [chunk, what remark makes of it: its definitions' sources]
const CASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  // Labels.
  ['[a]: /x', ['[a]: </x>']],
  ['[]: /x', []],
  ['[ ]: /x', []],
  ['[\t]: /x', []],
  ['[\n]: /x', []],
  ['[ \n ]: /x', []],
  ['[\u00a0]: /x', ['[\u00a0]: </x>']],
  ['[ a ]: /x', ['[ a ]: </x>']],
  ['[a\\]b]: /x', ['[a]b]: </x>']],
  ['[a\\[b]: /x', ['[a[b]: </x>']],
  ['[a\\\\]: /x', ['[a\\]: </x>']],
  ['[a\\*]: /x', ['[a*]: </x>']],
  ['[a\\b]: /x', ['[a\\b]: </x>']],
  ['[a[b]: /x', []],
  ['[a]b]: /x', []],
  ['[a] : /x', []],
  ['[a]:: /x', []],
  ['[a]::', ['[a]: <:>']],
  ['[a&amp;b]: /x', ['[a&b]: </x>']],
  ['[a&#38;b]: /x', ['[a&b]: </x>']],
  ['[a&#x26;b]: /x', ['[a&b]: </x>']],
  ['[&bogus;]: /x', ['[&bogus;]: </x>']],
  ['[&copy]: /x', ['[&copy]: </x>']],
  ['[\\&amp;]: /x', ['[&amp;]: </x>']],
  ['[a\u0000]: /x', ['[a\ufffd]: </x>']],
  ['[^1]: note', ['[^1]: <note>']],
  ['[a\nb]: /x', ['[a\nb]: </x>']],
  ['[a\nb\nc]: /x', ['[a\nb\nc]: </x>']],
  ['[a\n  b]: /x', ['[a\n  b]: </x>']],
  ['[a\n    b]: /x', ['[a\n    b]: </x>']],
  ['[a\n2. b]: /x', ['[a\n2. b]: </x>']],
  ['[a\n| b]: /x', ['[a\n| b]: </x>']],
  ['[a\n"b"]: /x', ['[a\n"b"]: </x>']],
  ['[a\n[b]: /x', []],
  ['[a\nb', []],
  [`[${L999}]: /x`, [`[${L999}]: </x>`]],
  [`[${L999}a]: /x`, []],
  [`[${'a'.repeat(997)}\\]]: /x`, [`[${'a'.repeat(997)}]]: </x>`]],
  [`[${'a'.repeat(998)}\\]]: /x`, []],
  [`[${'a'.repeat(500)}\n${'a'.repeat(499)}]: /x`, [`[${'a'.repeat(500)}\n${'a'.repeat(499)}]: </x>`]],
  [`[${'a'.repeat(500)}\n${'a'.repeat(500)}]: /x`, []],
  [`[${'a'.repeat(990)}\tb]: /x`, [`[${'a'.repeat(990)}\tb]: </x>`]],
  [`[${'a'.repeat(1200)}`, []],
  // Destinations.
  ['[a]: <>', ['[a]: <>']],
  ['[a]: <x y>', ['[a]: <x y>']],
  ['[a]: <x\\>y>', ['[a]: <x%3Ey>']],
  ['[a]: <x\\<y>', ['[a]: <x%3Cy>']],
  ['[a]: <x\\y>', ['[a]: <x\\y>']],
  ['[a]: <x<y>', []],
  ['[a]: <x', []],
  ['[a]: <x\ny>', []],
  ['[a]: <x>y', []],
  ['[a]: <x> "t"', ['[a]: <x> "t"']],
  ['[a]: <x>"t"', []],
  ['[a]: <x\ty>', ['[a]: <x\ty>']],
  ['[a]: x(y)z', ['[a]: <x(y)z>']],
  ['[a]: x((y))', ['[a]: <x((y))>']],
  [`[a]: x${'('.repeat(40)}y${')'.repeat(40)}`, [`[a]: <x${'('.repeat(40)}y${')'.repeat(40)}>`]],
  ['[a]: x(y', []],
  ['[a]: x(y z)', []],
  ['[a]: x)y', []],
  ['[a]: )', []],
  ['[a]: x\\(y', ['[a]: <x(y>']],
  ['[a]: x\\)y', ['[a]: <x)y>']],
  ['[a]: (x)', ['[a]: <(x)>']],
  ['[a]: x<y>', ['[a]: <x%3Cy%3E>']],
  ['[a]: &', ['[a]: <&>']],
  ['[a]: &amp;', ['[a]: <&>']],
  ['[a]: /x&#38;y', ['[a]: </x&y>']],
  ['[a]: /x&#X26;y', ['[a]: </x&y>']],
  ['[a]: &#0;', ['[a]: <\ufffd>']],
  ['[a]: &#1234567;', ['[a]: <\ufffd>']],
  ['[a]: &#12345678;', ['[a]: <&#12345678;>']],
  ['[a]: &copy', ['[a]: <&copy>']],
  ['[a]: &copy;', ['[a]: <©>']],
  ['[a]: \\*', ['[a]: <*>']],
  ['[a]: \\&amp;', ['[a]: <&amp;>']],
  ['[a]: x\u0001', []],
  ['[a]: x\u007f', []],
  ['[a]: \u0000', ['[a]: <\ufffd>']],
  ['[a]: é', ['[a]: <é>']],
  ['[a]:', []],
  ['[a]:\n/x', ['[a]: </x>']],
  ['[a]:\n  /x', ['[a]: </x>']],
  ['[a]:\n    /x', ['[a]: </x>']],
  ['[a]:\n\n/x', []],
  ['[a]:\n<x y>\n"t"', ['[a]: <x y> "t"']],
  ['[a]: /x y', []],
  ['[a]: /x\ty', []],
  ['[a]:/x', ['[a]: </x>']],
  // Titles.
  ['[a]: /x "t"', ['[a]: </x> "t"']],
  ["[a]: /x 't'", ['[a]: </x> "t"']],
  ['[a]: /x (t)', ['[a]: </x> "t"']],
  ['[a]: /x ""', ['[a]: </x>']],
  ['[a]: /x "t"  ', ['[a]: </x> "t"']],
  ['[a]: /x "t" x', []],
  ['[a]: /x "t"x', []],
  ['[a]: /x"t"', ['[a]: </x"t">']],
  ['[a]: /x "t', []],
  ['[a]: /x\n"t"', ['[a]: </x> "t"']],
  ['[a]: /x\n  "t"', ['[a]: </x> "t"']],
  ['[a]: /x\n    "t"', ['[a]: </x> "t"']],
  ['[a]: /x\n"t" x', ['[a]: </x>']],
  ['[a]: /x\n"t', ['[a]: </x>']],
  ['[a]: /x\n"t\nmore"', ['[a]: </x> "t\nmore"']],
  ['[a]: /x "t\nmore"', ['[a]: </x> "t\nmore"']],
  ['[a]: /x "t  \n   more"', ['[a]: </x> "t  \nmore"']],
  ['[a]: /x "t\n\nmore"', []],
  ['[a]: /x\n"t\n\nmore"', ['[a]: </x>']],
  ['[a]: /x "\n"', ['[a]: </x> "\n"']],
  ['[a]: /x "a\\"b"', ['[a]: </x> "a\\"b"']],
  ["[a]: /x 'a\\'b'", ['[a]: </x> "a\'b"']],
  ['[a]: /x (a\\)b)', ['[a]: </x> "a)b"']],
  ['[a]: /x (a(b)', ['[a]: </x> "a(b"']],
  ['[a]: /x "a\\\\"', ['[a]: </x> "a\\\\"']],
  ['[a]: /x "a\\*b"', ['[a]: </x> "a*b"']],
  ['[a]: /x "&quot;"', ['[a]: </x> "\\""']],
  ['[a]: /x "a&amp;b"', ['[a]: </x> "a&b"']],
  ['[a]: /x "\u0000"', ['[a]: </x> "\ufffd"']],
  ['[a]: /x\n"t\n2. b\nmore"', ['[a]: </x> "t\n2. b\nmore"']],
  ['[a]: /x\n"t\n| r |\nmore"', ['[a]: </x> "t\n| r |\nmore"']],
  ['[a]: /x\n"t\n> q\nmore"', ['[a]: </x>']],
  ['[a]: /x\n"t\n<span>\nmore"', ['[a]: </x> "t\n<span>\nmore"']],
  ['[a]: /x "t"\ntext', ['[a]: </x> "t"']],
  // What follows a definition: more definitions, however indented; text; underlines.
  ['[a]: /x\n[b]: /y', ['[a]: </x>', '[b]: </y>']],
  ['[a]: /x\n    [b]: /y', ['[a]: </x>', '[b]: </y>']],
  ['[a]: /x\n      [b]: /y "t"', ['[a]: </x>', '[b]: </y> "t"']],
  ['[a]: /x\ntext\n[b]: /y', ['[a]: </x>']],
  ['[a]: /x\n===', ['[a]: </x>']],
  ['[a]: /x "t"\n---', ['[a]: </x> "t"']],
  ['[a]: /x\n| r |', ['[a]: </x>']],
  ['[a]:\n| r |', []],
  ['[a]:\n|r|', ['[a]: <|r|>']],
  ['[a]: /x\r\n[b]: /y', ['[a]: </x>', '[b]: </y>']],
  // Block quotes.
  ['> [a]: /x', ['[a]: </x>']],
  ['> [a]: /x "t"', ['[a]: </x> "t"']],
  ['> [a]: <x y> (t)', ['[a]: <x y> "t"']],
  ['> [a]:\n> /x', ['[a]: </x>']],
  ['> [a]: /x\n> "t"', ['[a]: </x> "t"']],
  ['> [a]: /x "t\n> more"', ['[a]: </x> "t\nmore"']],
  ['> [a\n> b]: /x', ['[a\nb]: </x>']],
  ['> [a\n>   b]: /x', ['[a\n  b]: </x>']],
  ['> > [a]: /x', ['[a]: </x>']],
  ['> [a]: /x\n> > "t"', ['[a]: </x>']],
  ['> [a]: /x\n> [b]: /y', ['[a]: </x>', '[b]: </y>']],
  ['> [a]: /x\n>     [b]: /y', ['[a]: </x>', '[b]: </y>']],
  ['> [a]: /x\n> text\n> [b]: /y', ['[a]: </x>']],
  ['> text\n> [a]: /x', []],
  ['>\n> [a]: /x', ['[a]: </x>']],
  ['> # h\n> [a]: /x', ['[a]: </x>']],
  ['> ---\n> [a]: /x', ['[a]: </x>']],
  ['> a\n> ===\n> [b]: /x', ['[b]: </x>']],
  ['> a\n> ===\n[b]: /x', ['[b]: </x>']],
  ['> a\n> ===\n| r |', []],
  ['> a\n> ---\n| r |', []],
  ['> # h\n| r |', []],
  ['> text\n> > [a]: /x', ['[a]: </x>']],
  ['> > q\n> b\n> > [a]: /x', []],
  ['> [a] b\n> [c]: /x', []],
  ['> [a]: &amp; "&#38;"', ['[a]: <&> "&"']],
  ['> [a]: <', []],
  ['[a]: /x\n> [b]: /y', ['[a]: </x>', '[b]: </y>']],
  ['text\n> [a]: /x', ['[a]: </x>']],
  // List items: a definition that starts the item, "]:" in an item's text.
  ['- [a]: /x', ['[a]: </x>']],
  ['- [a]: /x "t"', ['[a]: </x> "t"']],
  ['1. [a]: <x y> (t)', ['[a]: <x y> "t"']],
  ['-   [a]: &amp;', ['[a]: <&>']],
  ['- [a]:\n  /x', ['[a]: </x>']],
  ['- [a]: /x\n  "t\n  more"', ['[a]: </x> "t\nmore"']],
  ['- [a\n  b]: /x', ['[a\nb]: </x>']],
  ['- [a\n    b]: /x', ['[a\n  b]: </x>']],
  ['- [a]: /x "t" y', []],
  ['- [a]: <', []],
  ['- [a] b', []],
  ['- see [a]: the note', []],
  ['- [ ] Fix [a]: x', []],
  ['- a\n  b [c]: d', []],
  ['- [a]: /x\n- [b]: /y', ['[a]: </x>', '[b]: </y>']],
  ['- [a]: /x\n\n  text', ['[a]: </x>']],
  ['- [a]: /x\n> q', ['[a]: </x>']],
  ['- a\n  b\n  [c]: d', []],
];

/** Chunks whose definitions depend on what only remark knows here (lazy lines, list items in quotes): either may read them. */
const EITHER: readonly string[] = [
  '> [a]:\n/x', '> [a]: /x\n"t"', '> - x\n> [a]: /x', '> - x\n>\n>   [a]: /x', '> > [a]: /x\n> "t"', '[a\n===\n]: /x', '[a\r\nb]: /x',
  '[a]: /x "t\r\nmore"', '- [a]: /x\n  [b]: /y', '- [a]:\n/x', '> - [a\n>   b]: /x', '> - x\n> see [a]: y', '- [*]:\n  a(b\n     "t"\n  >\n  [b]: /y', '- x\n  >\n[b]: /y', '- x\n  -\n  [b]: /y', '- [a]: /x\ntext', '- a\n\n  [b]: /x', '- a\n  [b\n  c]: /x', '10) [\n    b]: /x', '- item\n10) [\n      b]: /x', '[a]: /x "t\n===\nmore"', '[a]: /x\n"t\n# h\nmore"', '[a]: /x\n"t\n- b\nmore"', '[a]: /x\n"t\n<div>\nmore"', '> [a]: /x\ntext', '[a]: /x\ntext\n===', '> [a]:\n>\t/x', '[a]:\n1.', '[a\n10. b]: /x',
];

describe('link reference definitions read without remark == remark', () => {
  for (const [chunk, want] of CASES) {
    it(JSON.stringify(chunk.length > 60 ? `${chunk.slice(0, 40)}…${chunk.slice(-12)}` : chunk), () => {
      assert.deepEqual(definitionsOf(chunk), want, 'what remark says (the table)');
      same(chunk);
    });
  }

  it('chunks that may go either way agree wherever the fast path reads them', () => {
    for (const chunk of EITHER) same(chunk, false);
  });

  it('each case in every context: after a heading, in a quote, after a blank line, before text', () => {
    let fast = 0;
    for (const [chunk] of CASES) {
      const quoted = chunk.split('\n').map((l) => `> ${l}`).join('\n');
      for (const c of [`# h\n${chunk}`, quoted, `text\n\n${chunk}`, `${chunk}\n\ntext`, `${chunk}\ntext`, `${chunk}\n    code`, `> q\n\n${chunk}`]) {
        const ours = fastParse(c, false);
        if (!ours) continue;
        fast++;
        assert.deepEqual(ours, remarkParseChunk(c, false), `chunk ${JSON.stringify(c)}`);
      }
    }
    assert.ok(fast > CASES.length * 5, `fast path took ${fast} of ${CASES.length * 7}`);
  });

  it('the adversarial families of definitions are read without remark, chunk by chunk, as remark reads them', () => {
    for (const name of ['definition-entities', 'definition-next-line', 'definition-titles', 'quoted-definitions', 'definition-labels', 'item-definitions', 'definitions-split', 'broken-definitions']) {
      const family = FAMILIES.find((f) => f.name === name);
      assert.ok(family, name);
      const { lines } = splitLines(family.make(6_000));
      let definitions = 0;
      for (const span of scanChunks(lines)) {
        if (span.frontMatter) continue;
        const chunk = lines.slice(span.start, span.end).join('\n');
        same(chunk);
        definitions += fastParse(chunk, false)!.definitions.length;
      }
      if (name !== 'broken-definitions') assert.ok(definitions > 50, `${name}: ${definitions} definitions`);
    }
  });
});

describe('link reference definitions read without remark == remark, on random chunks', function () {
  this.timeout(300_000);
  // Pieces of labels, destinations, titles and what may follow, whole and broken, put together at random, some in
  // quotes (and some with lazy lines), then cut into chunks as the scan cuts them.
  const LABEL = ['a', 'b c', ' ', '\t', '\\]', '\\[', '\\\\', '&amp;', '&#38;', '&bogus;', 'é', '\n', '\n  ', '[', ']', '\u0000', '*', 'A', '\\a', '&copy', '>', '\n2. x', '\n===', '\n- x'];
  const DEST = ['/x', '<y z>', '<>', '<a\\>b>', '<a<b>', '(a)', '((a))', 'a(b', 'a)b', 'a\\(b', '&amp;', '&#x26;', '\\*', 'x<y>', '&', '\u0000', '\u0001', 'é', '<a\tb>', ')', '<a'];
  const SEP = [' ', '\t', '', '\n', '\n   ', '\n    ', ' \n ', '  '];
  const TITLE = ['"t"', "'t'", '(t)', '""', '"a\nb"', '"a\n  b"', '"a\\"b"', "'a\\'b'", '(a(b)', '(a\\)b)', '"&quot;"', '"\\\\"', '"unclosed', '"t" x', '"a\n\nb"', '"\n"', '(\n)', '"a\n===\nb"', '"a\n# h\nb"', '"a\n- x\nb"', '"a\n> q\nb"', '"\u0000"', '"a\n    b"', '"a\n| r |\nb"', '"a\n1. x\nb"', '"a\n2. x\nb"', '"a\n---\nb"'];
  const AFTER = ['', '', '\n', '\ntext', '\n[b]: /y', '\n    [b]: /y', '\n===', '\n---', '\n"t"', '\n| r |', '\n> q', '\n# h', '\n\n[c]: /z', ' x', '\n  "t" y', '\n- item', '\n<div>', '\n\n', '\n>', '\n> > q', '\n  >', '\n  - x', '\n  > q', '\n  -', '\n  # h', '\n  ***'];

  it(`${SEQUENCES * 2} random documents of definitions: every chunk the fast path reads, it reads as remark`, () => {
    const r = rng(2027);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const seen = new Set<string>();
    let fast = 0;
    let withDefinitions = 0;
    let fastWithDefinitions = 0;
    for (let t = 0; t < SEQUENCES * 2; t++) {
      const parts: string[] = [];
      for (let m = 1 + Math.floor(r() * 4); m > 0; m--) {
        let label = '';
        for (let k = 1 + Math.floor(r() * 3); k > 0; k--) label += pick(LABEL);
        let s = `[${label}]:${pick(SEP)}${r() < 0.1 ? '' : pick(DEST)}${r() < 0.5 ? pick(SEP) + pick(TITLE) : ''}${pick(AFTER)}${r() < 0.3 ? pick(AFTER) : ''}`;
        const q = r();
        if (q < 0.15) {
          // A list item: its lines after the first inside it, or lazy.
          const marker = pick(['- ', '1. ', '* ', '-   ', '10) ']);
          s = s.split('\n').map((l, i) => (i === 0 ? marker + l : r() < 0.8 ? ' '.repeat(marker.length) + l : l)).join('\n');
        } else if (q < 0.3) s = s.split('\n').map((l) => `> ${l}`).join('\n');
        else if (q < 0.38) s = s.split('\n').map((l, i) => (i === 0 || r() < 0.5 ? `> ${l}` : l)).join('\n');
        else if (q < 0.45) s = `> > ${s}`;
        parts.push(s);
      }
      const { lines } = splitLines(parts.join(r() < 0.5 ? '\n' : '\n\n'));
      for (const span of scanChunks(lines)) {
        const chunk = lines.slice(span.start, span.end).join('\n');
        if (seen.has(chunk)) continue;
        seen.add(chunk);
        const want = remarkParseChunk(chunk, false);
        const ours = fastParse(chunk, false);
        if (want.definitions.length > 0) withDefinitions++;
        if (!ours) continue;
        fast++;
        if (want.definitions.length > 0) fastWithDefinitions++;
        assert.deepEqual(ours, want, `chunk ${JSON.stringify(chunk)}`);
      }
    }
    // Most chunks, and most of those that hold definitions, are read without remark, so this compares something.
    assert.ok(fast > seen.size * 0.6, `fast path took ${fast} of ${seen.size} chunks`);
    assert.ok(fastWithDefinitions > withDefinitions * 0.6, `fast path took ${fastWithDefinitions} of ${withDefinitions} chunks with definitions`);
  });
});
