// Lines after a list item's paragraph, left of its content, that start with punctuation ("$ cmd", "@user", "/path",
// "-x", ":x", "--", "==", "_ x"): lazy lines of the paragraph, read by the fast reader (parse.ts). They went to
// micromark, whose time is quadratic in lazy lines (0.5 s for 16 KB, minutes for 1 MB). The fast reader must read
// each such chunk as remark reads it, or leave it to remark.
import * as assert from 'node:assert/strict';
import { fastParse } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';
import { fastAgreesWithRemark } from './oracle';

const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
/** Lines led by each punctuation character, alone, doubled, tripled, then a letter, then a space and a letter. */
const LAZY = [
  ...PUNCTUATION.flatMap((c) => [c, c + c, `${c}x`, `${c} x`]),
  '---', '***', '___', '===', '```', '~~~', '**x', '__x', '== x',
  '--', '-- ', '--\t', '==', '=', '= =', '- -', '-- x', '_ _ _', '_ x _', '$ a | b', ':--|:--', '-|-', '\f', '\u000bx', '\u0000x', '\u00a0x',
  'x', '12:00 x', '2. x', '1.', '1) x', '+1', '@al', '/p', '~~~', '```', '<div>', '<span>x</span>', '> q', '    code', '  x', '',
];
const ITEMS = ['- item', '* x', '+ x', '1. a', '- [ ] Fix', '- a\n  more', '- a\n  - b', '- > q', '- a\n\n  b', '-', '1.', '- # h', '> q', '> > q', '> - q', '>', '> # h', '> q\n--', '-\n  a', '1.\n   a', '*  \n  a', '-\n  - b', '-\n      c', '10)\n    a', '-\n a', '+\n\n  a'];

describe('lazy lines after a list item: fast reader == remark', function () {
  this.timeout(120_000);
  const chunks = new Set<string>();
  // What may follow a lazy line: another, the end of the item, or what ends it.
  const AFTER = ['x', '$x', '--', '+', '- b', '2. c', '---', '  y', '', '|---|', '> q', '\f', '    w', '  ```', '  [a]: /x', '  <div>'];
  for (const item of ITEMS) for (const a of LAZY) for (const b of AFTER) chunks.add(`${item}\n${a}\n${b}`);

  it(`${chunks.size} chunks: what fastParse reads equals remark's reading`, () => {
    const { fast } = fastAgreesWithRemark(chunks);
    assert.ok(fast > chunks.size / 3, `fast path taken for ${fast} of ${chunks.size} chunks`);
  });

  it('takes a list item followed by lines led by punctuation (no micromark)', () => {
    const leads = ['$ kubectl get pods', '@alice: ack', '/var/log/app.log', '-x', ':x', ';x', '%x', ')x', ',x', '.x', '?x', ']x', '^x', '{x', '}x', '~x', '+x', '++', '**', '__', '--', '==', '=x', '_ x', '!x'];
    for (const item of ['- item', '1. a', '- [ ] Fix @kim']) {
      for (const lead of leads) {
        const chunk = `${item}\n${lead}\n${lead}`;
        const ours = fastParse(chunk, false);
        assert.ok(ours, `fast path for ${JSON.stringify(chunk)}`);
        assert.deepEqual(ours, remarkParseChunk(chunk, false), `chunk ${JSON.stringify(chunk)}`);
      }
    }
  });
});

// A paragraph of several lines, then a setext underline: one heading of all its lines ("a pasted log, then "---" meant
// as a rule"), read by the fast reader when its lines are plain text. 1 MB of such a paragraph went to micromark.
describe('setext headings over several lines: fast reader == remark', function () {
  // (Most of its 246,000 chunks are read by the fast reader, so compared with remark: a minute when the machine is idle.)
  this.timeout(600_000);
  const LINES = ['a', 'b c', '  d', ' e', '+', '2. x', '#x', '$x', '--x', 'a ', 'a  ', 'x*y', '[a]', '<b>', 'e\tf', '\tg', 'g|h', 'n\u0000', 'é 😀', '12:00', '> q', '', '    code', '***', '- i', '1. j', '~~s~~', 'a&amp;b', 'www.x.y', 'http://x.y', 'a@b.c', '[a]: /x', '"t"', '==', '-'];
  // Lines whose `!`, `*`, `_` or brackets are literal text, or not: with every line above, under each underline.
  const MARKS = ['!', '!x', 'a !', '*', '_', '**', 'a * b', '*a', 'a*', '_ _', '__a', '!*', 'a ** b', '*\u00a0a', '[', ']', '[x', 'a ]', '[a](b)', '![a]', 'a](b', '*a*', 'b*', '_a_', '**a**', 'a\\*', '\\*a', '&amp;', '&#35;', 'a\\', '`x`', '*a\u0000', 'x_y_z', '* a *', '_a', 'a_', '***a', 'a**', '*a [b]', '&nbsp;*', '`a', 'b`', '` x', '``a', 'b``', 'a ` b', '`*a`', '*`a*`', '`a` b', '``a` b``', '`a` `', 'x ``` y ```', '\\``a`'];
  const UNDER = ['---', '===', '  ---  ', '    ---', '-', '= =', '***', '--', '-- ', '--\t'];
  const BEFORE = ['', '# H\n', 'x\n\n', '***\n', '| r |\n', '[a]: /x\n', '> q\n', ' i\n\n'];
  const chunks = new Set<string>();
  for (const before of BEFORE) for (const a of LINES) for (const b of LINES) for (const u of UNDER) chunks.add(`${before}${a}\n${b}\n${u}`);
  for (const before of ['', '[a]: /x\n', 'x\n\n']) {
    for (const a of MARKS) {
      for (const b of [...LINES, ...MARKS]) {
        for (const u of ['---', '===', '-', '  ---  ', '--']) {
          chunks.add(`${before}${a}\n${b}\n${u}`);
          chunks.add(`${before}${b}\n${a}\n${u}`);
        }
      }
      for (const u of UNDER) chunks.add(`${before}${a}\n${u}\n[a]: /y`);
      for (const b of MARKS) chunks.add(`${before}${a}\n${b}\n---\n[x]: /y\n[a]: /z`);
    }
  }
  for (const a of LINES) for (const b of LINES) for (const c of LINES) chunks.add(`${a}\n${b}\n${c}\n---`);
  for (const eol of ['\r\n', '\r']) for (const a of LINES) chunks.add(`${a}${eol}b${eol}---`);
  // "--" as a paragraph's first line (a chunk may start with it), underlined or not, and what may follow.
  for (const a of ['--', '-- ', '--\t', ' --', '---', '-- -', '--x']) for (const b of [...LINES, ...UNDER]) for (const c of ['', 'x', '--', '---']) chunks.add(c ? `${a}\n${b}\n${c}` : `${a}\n${b}`);

  it(`${chunks.size} chunks: what fastParse reads equals remark's reading`, () => {
    let multi = 0;
    for (const chunk of chunks) {
      const ours = fastParse(chunk, false);
      if (!ours) continue;
      if (ours.headings.some((h) => h.kind === 'setext' && h.endLine - h.line > 1)) multi++;
      assert.deepEqual(ours, remarkParseChunk(chunk, false), `chunk ${JSON.stringify(chunk)}`);
    }
    assert.ok(multi > 1000, `${multi} headings over several lines read by the fast reader`);
  });

  it('reads 10,000 lines of a log, then "---", as one heading without micromark', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `2024-01-01 10:00:${String(i % 60).padStart(2, '0')} INFO worker ${i} done`);
    const chunk = `${lines.join('\n')}\n---`;
    const ours = fastParse(chunk, false);
    assert.ok(ours);
    assert.deepEqual(ours.headings.map((h) => [h.depth, h.line, h.endLine, h.text.length]), [[2, 0, 10_000, lines.join('\n').length]]);
  });
});

// Nested containers, a list item among them, then lazy lines of the innermost paragraph: micromark's time is quadratic
// in them (1.3–2 s for 16 KB after "> - x"). The fast reader takes them (nestedLazy in parse.ts).
describe('lazy lines after nested containers: fast reader == remark', function () {
  this.timeout(120_000);
  const HEADS = ['> - x', '- > x', '> 1. x', '- - x', '1. > x', '> > - x', '- > > x', '* + x', '>- x', '> -  x', '> - # x', '> - [a]: /x', '> - *x*', '> - x |', '- > x\n  y', '10) > 2. x', '> - 1. a', '- >x', '> * * *', '> - - -', '- > - x', '> - <b>', '> -', '- >'];
  const LAZY = ['x', '$x', '@a', '/p', '-x', ':x', ';x', '%x', ')x', '.x', '?x', ']x', '^x', '{x', '}x', '~x', '+x', '++', '**', '__', '--', '==', '=x', '_ x', '!x', '#x', '# x', '> q', '- b', '2. c', '1. d', '---', '***', '  y', '', '|a|', '[a]: /x', '<div>', '    w', '```', '\tx', 'x\t', 'é', '\u0000x', 'a | b'];
  const chunks = new Set<string>();
  for (const head of HEADS) for (const a of LAZY) for (const b of LAZY) chunks.add(`${head}\n${a}\n${b}`);
  for (const head of HEADS) chunks.add(head);
  // Lines that start no block after their spaces and tabs, or only unindented (setext shapes, "|"): with each line
  // kind above, before and after, under the usual heads.
  const MORE = ['<', '<<', '<x', '< x', '< div>', '=', '===', '= =', '|', '||', '|x', '| x', '|---|', '  x', '   x', '    x', '     x', '  $x', '  --', '  ==', '    ==', '      --', ' -x', '\tx', '\t--', '\t==', '\t|x', '  |x', '  <x', '  <div>', '\t<div>', '\t> q', '  - b', '\t- b', '  # x', '\t#', ' \t=', '\t\tx', '  [a]: /x', '\t[a]: /x', '  `x', '\t```', '--|--', ':-|-:'];
  for (const head of ['> - x', '- > x', '> 1. x', '- - x', '1. > x', '> > - x', '- >x', '> -  x', '1. - x', '10. - 2. x', '- - - x']) {
    for (const a of MORE) {
      for (const b of [...LAZY, ...MORE]) {
        chunks.add(`${head}\n${a}\n${b}`);
        chunks.add(`${head}\n${b}\n${a}`);
      }
    }
  }

  it(`${chunks.size} chunks: what fastParse reads equals remark's reading`, () => {
    const { fast } = fastAgreesWithRemark(chunks);
    assert.ok(fast > chunks.size / 4, `fast path taken for ${fast} of ${chunks.size} chunks`);
  });

  it('takes 10,000 lazy lines after "> - x", "- > x" and "> 1. x" (no micromark)', () => {
    const kinds = ['x', '$ step', '<', '=', '|', '  --', '\tx', '    y', '<x', '=='];
    for (const head of ['> - x', '- > x', '> 1. x']) {
      const chunk = `${head}\n${Array.from({ length: 10_000 }, (_, i) => `${kinds[i % kinds.length]!}`).join('\n')}`;
      const ours = fastParse(chunk, false);
      assert.ok(ours, head);
      assert.deepEqual(ours.items, head.startsWith('-') ? [{ line: 0, endLine: 10_000 }] : []);
    }
  });
});
