// The ASCII twins of Unicode property classes (see asciiFirst in src/core/model/text.ts): on every ASCII character they give
// the Unicode class's answer, so choosing the twin for ASCII-only text never changes a result.
import * as assert from 'node:assert/strict';
import { asciiFirst, clipText, hasNonAscii, spliceLines, splitLines } from '../../src/core/model/text';
import { normaliseWords } from '../../src/core/model/match';
import { words } from '../../src/core/model/prose';
import { rng } from '../bench/generate';

const ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

describe('ASCII twins of Unicode classes', () => {
  const pairs: Array<[RegExp, RegExp]> = [
    [/[A-Za-z]/, /\p{L}/u],
    [/[A-Z]/, /\p{Lu}/u],
    [/[0-9]/, /\p{N}/u],
    [/[A-Za-z0-9]/, /[\p{L}\p{N}]/u],
    [/[^A-Za-z0-9]/, /[^\p{L}\p{N}]/u],
    // responders-empty: a letter that is not upper-case (the lower-case head of a name such as "McDonald").
    [/[a-z]/, /[^\P{L}\p{Lu}]/u],
  ];
  for (const [ascii, unicode] of pairs) {
    it(`${ascii.source} == ${unicode.source} on all of ASCII`, () => {
      for (const c of ASCII) assert.equal(ascii.test(c), unicode.test(c), JSON.stringify(c));
    });
  }

  it('asciiFirst uses the Unicode pattern for text outside ASCII, and compiles it only then', () => {
    let compiled = 0;
    const test = asciiFirst(/^[A-Z]/, () => {
      compiled++;
      return /^\p{Lu}/u;
    });
    assert.equal(test('Sam'), true);
    assert.equal(test('sam'), false);
    assert.equal(compiled, 0);
    assert.equal(test('Ørjan'), true);
    assert.equal(test('ørjan'), false);
    assert.equal(compiled, 1);
  });

  it('hasNonAscii', () => {
    assert.equal(hasNonAscii('plain text 123 ~'), false);
    assert.equal(hasNonAscii('em — dash'), true);
    assert.equal(hasNonAscii('emoji ✅'), true);
    assert.equal(hasNonAscii('\u0080'), true);
  });

  it('normaliseWords reads ASCII and non-ASCII headings alike', () => {
    assert.deepEqual(normaliseWords('2. Root Causes & Triggers:'), ['root', 'cause', 'and', 'trigger']);
    assert.deepEqual(normaliseWords('Ärger — Zeitachse ✅'), ['arger', 'zeitachse']);
    assert.deepEqual(normaliseWords('Línea de tiempo'), ['linea', 'de', 'tiempo']);
  });

  it('words counts words with a letter or digit in any script', () => {
    assert.deepEqual(words('Sam fixed — it in 5 min ✅'), ['Sam', 'fixed', 'it', 'in', '5', 'min']);
    assert.deepEqual(words('Zoë a réparé'), ['Zoë', 'a', 'réparé']);
  });
});

describe('spliceLines == splitLines after an edit', () => {
  // Small alphabets make line endings meet in every way: CRLF made and broken, lone CRs, a BOM coming and going.
  const ALPHABET = ['a', 'b', ' ', '\n', '\r', '\r\n', '\n\n', '\uFEFF', 'é'];
  function text(r: () => number, length: number): string {
    let out = '';
    while (out.length < length) out += ALPHABET[Math.floor(r() * ALPHABET.length)]!;
    return out;
  }

  it('5000 random edits of random texts', () => {
    let spliced = 0;
    for (let seed = 1; seed <= 5000; seed++) {
      const r = rng(seed);
      const before = (r() < 0.2 ? '\uFEFF' : '') + text(r, Math.floor(r() * 40));
      const at = Math.floor(r() * (before.length + 1));
      const removed = Math.floor(r() * Math.min(6, before.length - at + 1));
      const after = before.slice(0, at) + (r() < 0.7 ? text(r, Math.floor(r() * 5)) : '') + before.slice(at + removed);
      const splice = spliceLines(splitLines(before), after);
      if (splice) {
        spliced++;
        assert.deepEqual(splice.split, splitLines(after), JSON.stringify([before, after]));
        // The lines it says are unchanged are.
        const prev = splitLines(before).lines;
        for (let l = 0; l < splice.firstChanged; l++) assert.equal(splice.split.lines[l], prev[l]);
        for (let l = splice.newAfter; l < splice.split.lines.length; l++) assert.equal(splice.split.lines[l], prev[l - splice.newAfter + splice.oldAfter]);
      }
    }
    assert.ok(spliced > 4000, `spliced ${spliced} of 5000`);
  });

  // Edits of many lines take another path than typing (no spread of thousands of lines as arguments).
  const many = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag} ${i}`).join('\n');
  const big = many(5000, 'line');
  const cases: Array<[string, string]> = [
    ['a paste of 3,000 lines in the middle', big.slice(0, 20_000) + many(3000, 'pasted') + '\n' + big.slice(20_000)],
    ['3,000 lines cut from the middle', big.slice(0, 10_000) + big.slice(40_000)],
    ['1,500 lines replaced by 2,500', big.slice(0, 10_000) + many(2500, 'new') + big.slice(25_000)],
    ['one character typed', big.slice(0, 30_000) + 'x' + big.slice(30_000)],
    ['a line break typed', big.slice(0, 30_000) + '\r\n' + big.slice(30_000)],
  ];
  for (const [name, after] of cases) {
    it(name, () => {
      const splice = spliceLines(splitLines(big), after);
      assert.ok(splice, 'spliced');
      assert.deepEqual(splice.split, splitLines(after));
    });
  }

  it('an unchanged text is its previous split', () => {
    const split = splitLines('a\r\nb\n');
    assert.equal(spliceLines(split, 'a\r\nb\n')?.split, split);
  });
});

describe('clipText: at most max UTF-16 units, never half a surrogate pair', () => {
  const cases: Array<[string, number, string, string]> = [
    ['abc', 5, '', 'abc'],
    ['abcdef', 3, '', 'abc'],
    ['abcdef', 3, '…', 'ab…'],
    ['ab😀cd', 3, '', 'ab'], // the cut falls between the two halves of 😀
    ['ab😀cd', 4, '…', 'ab…'],
    ['ab😀cd', 5, '…', 'ab😀…'],
    ['😀😀', 1, '', ''],
    ['abc', 0, '', ''],
  ];
  for (const [text, max, ellipsis, expected] of cases) {
    it(`${JSON.stringify(text)} in ${max}${ellipsis ? ' with an ellipsis' : ''} → ${JSON.stringify(expected)}`, () => {
      const clipped = clipText(text, max, ellipsis);
      assert.equal(clipped, expected);
      assert.ok(clipped.length <= Math.max(max, text.length <= max ? text.length : 0));
      assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(clipped), 'no lone high surrogate');
    });
  }
});
