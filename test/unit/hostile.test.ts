// The linear-time rewrites of patterns that were exponential or polynomial on hostile text, checked against the
// patterns they replace: on short random strings over the characters that matter, the old patterns are fast, and
// both must give the same answer.
import * as assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { analyze } from '../../src/core';
import { isPlaceholderLine } from '../../src/core/model/prose';
import { hasNonAscii } from '../../src/core/model/text';
import { bracketedTexts, normaliseLabel } from '../../src/core/model/heading-text';
import { dropDanglingSeparators } from '../../src/core/model/action-items';
import { capContainerDepth, MAX_CONTAINER_DEPTH } from '../../src/core/model/remark';
import { htmlHeadings } from '../../src/core/model/heading-text';
import { rng } from '../bench/generate';
import { FAMILIES } from '../bench/families';

/** Random strings of up to `max` characters drawn from `alphabet` (whole tokens). */
function strings(seed: number, count: number, alphabet: readonly string[], max: number): string[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(r() * (max + 1)) }, () => alphabet[Math.floor(r() * alphabet.length)]!).join(''));
}

describe('hostile input: linear rewrites equal the patterns they replace', () => {
  it('isPlaceholderLine == the old PLACEHOLDER pattern', () => {
    const OLD = /^(?:[-*+]|\d+[.)]|\|)?\s*(?:\[[ x]\]\s*)?(?:todo|tbd|tba|tbc|n\/?a|fixme|xxx|placeholder|to be (?:written|determined|done|added)|coming soon|\.{3}|…|-+|\?+|<[^>]*>|\[[^\]]*\])?\s*[.:!]?\s*\|?\s*$/i;
    const old = (text: string) => OLD.test(text.trim()) || /^\|?[\s:|-]*\|?$/.test(text.trim());
    const alphabet = [' ', '-', '*', '|', '1', '.', ')', '[', ']', 'x', 'X', '?', '<', '>', ':', '!', 'TODO', 'tbd', 'N/A', 'na', '…', '...', 'to be done', 'a', '\t'];
    for (const s of strings(1, 20_000, alphabet, 7)) assert.equal(isPlaceholderLine(s), old(s), JSON.stringify(s));
    // Every word in several cases, characters whose case folds oddly (Kelvin sign, dotted and dotless i, long s) and
    // white space outside ASCII: the rewrite compares character codes.
    const words = ['tOdO', 'TBA', 'tbC', 'n/A', 'NA', 'FixMe', 'XXX', 'PlaceHolder', 'To Be Written', 'TO BE DETERMINED', 'to be Added', 'Coming Soon', 'n', 't', 'f'];
    const odd = ['\u212a', '\u0130', '\u0131', '\u017f', '\u00a0', '\u2003', '\ufeff', '\u3000', '12', '3)', '+', '[x]', '[ ]', '[X]', '??', '<a>', '[b]'];
    for (const s of strings(11, 20_000, [...alphabet, ...words, ...odd], 6)) assert.equal(isPlaceholderLine(s), old(s), JSON.stringify(s));
  });

  it('dropDanglingSeparators == the old pattern for dangling separators', () => {
    const old = (s: string) => s.replace(/(?:\s*[,;(]\s*)+(?=[,;)]|$)/g, '');
    for (const s of strings(2, 20_000, [' ', ',', ';', '(', ')', 'a', '\t'], 10)) assert.equal(dropDanglingSeparators(s), old(s), JSON.stringify(s));
  });

  it('responders-empty finds a name exactly when the old pattern did', () => {
    const OLD = /@[\w.-]+|^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?[A-Z][A-Za-z]+|\|\s*[A-Z][A-Za-z]+|[A-Z][A-Za-z]+ [A-Z][A-Za-z]+/;
    const OLD_UNICODE = /@[\w.-]+|^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?\p{Lu}\p{L}+|\|\s*\p{Lu}\p{L}+|\p{Lu}\p{L}+ \p{Lu}\p{L}+/u;
    for (const line of strings(3, 3_000, ['A', 'b', 'C', 'd', ' ', '|', '-', '1.', '@', 'É', 'é', '**'], 8)) {
      const text = ['---', 'type: postmortem', '---', '', '# T', '', '## Responders', '', line || 'x'].join('\n');
      const found = !analyze(text).findings.some((f) => f.code === 'responders-empty');
      const expected = (hasNonAscii(line) ? OLD_UNICODE : OLD).test(line || 'x') || isPlaceholderLine(line || 'x');
      assert.equal(found, expected, JSON.stringify(line));
    }
  });

  it("blameless-language reports an attached phrase with its whole word, as the old pattern did", () => {
    const old = /[\p{L}\p{N}_-]*['’]s\s+fault(?![\p{L}\p{N}])/giu;
    for (const line of strings(4, 2_000, ['a', 'b-', '_', "'s fault", '’s fault', ' ', 'é', '1', "'s"], 8)) {
      const text = ['---', 'type: postmortem', '---', '', '# T', '', '## What happened', '', `x ${line}`].join('\n');
      const got = analyze(text).findings.filter((f) => f.code === 'blameless-language' && f.data['phrase'] === "'s fault").map((f) => [f.range.start.character, f.range.end.character]);
      const want = [...`x ${line}`.matchAll(old)].map((m) => [m.index, m.index + m[0].length]);
      assert.deepEqual(got, want, JSON.stringify(line));
    }
  });

  it('HTML headings: each opening tag to the first closing tag of its level, as the old lazy pattern read them', () => {
    const OLD = /<h([1-6])(?:\s[^>]*)?>([\s\S]*?)<\/h\1\s*>/gi;
    for (const value of strings(5, 5_000, ['<h2>', '</h2>', '<h3 x>', '</h3 >', '<H2>', 'a', ' ', '\n', '<b>', '</b>', '>', '<h2', '</h2'], 8)) {
      const want = [...value.matchAll(OLD)].map((m) => Number(m[1]));
      assert.deepEqual(htmlHeadings(value, 0, 0).map((h) => h.depth), want, JSON.stringify(value));
    }
  });

  it('capping container depth keeps every line and the first levels of markers', () => {
    const deep = `${'> '.repeat(100)}x\n${'- '.repeat(5)}y\r\n${' '.repeat(500)}z`;
    const capped = capContainerDepth(deep);
    assert.equal(capped.split(/\r\n|\r|\n/).length, 3);
    assert.ok(capped.startsWith(`${'> '.repeat(MAX_CONTAINER_DEPTH)}x\n`));
    assert.ok(capped.includes(`${'- '.repeat(5)}y\r\n`));
  });

  it('headings that name definitions elsewhere read as one remark parse of the document reads them', () => {
    const remark = unified().use(remarkParse);
    const headingsOf = (text: string) => (remark.parse(text) as Root).children.filter((n) => n.type === 'heading').map((n) => toString(n).trim());
    const parts = ['[a]', '[b]', '[A ]', '[c]', 'x', ' ', '[]', '[a][b]', '[a](u)', '[', ']', '\\[a]', '`[a]`'];
    for (const heading of strings(6, 500, parts, 5)) {
      const text = `## ${heading.trim() || 'x'}\n\nText.\n\n[a]: /one\n\n[B]: /two\n`;
      assert.deepEqual(analyze(text).model.headings.map((h) => h.text), headingsOf(text), JSON.stringify(heading));
    }
  });

  it('every adversarial family analyses without an exception at 16 KB', () => {
    for (const family of FAMILIES) {
      const a = analyze(family.make(16 * 1024), { path: '/x/postmortems/hostile.md' });
      assert.ok(a.isPostmortem, family.name);
    }
  });
});

describe('bracketedTexts (the labels a heading may refer to), against the pattern it replaces', () => {
  it('captures what /\\[((?:[^[\\]\\\\]|\\\\[\\s\\S])*)\\]/g captures, and reads a run of escaped brackets once', () => {
    const old = /\[((?:[^[\]\\]|\\[\s\S])*)\]/g;
    const random = rng(7);
    const alphabet = ['[', ']', '\\', 'a', ' ', '\n'];
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      const len = Math.floor(random() * 12);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(random() * alphabet.length)];
      assert.deepEqual(bracketedTexts(s), [...s.matchAll(old)].map((m) => m[1]), JSON.stringify(s));
    }
    assert.deepEqual(bracketedTexts(`[${'\\['.repeat(200_000)}`), []);
  });

  it('normaliseLabel (upper-casing alone for plain ASCII) == the full normalisation, on every kind of label', () => {
    const full = (label: string) => label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
    const alphabet = ['a', 'Z', ' ', '  ', '\t', '\n', '\r', '~', '\u007f', 'ß', 'ǅ', 'İ', 'ſ', '\u00a0', '1', '-'];
    for (const s of strings(9, 20_000, alphabet, 6)) assert.equal(normaliseLabel(s), full(s), JSON.stringify(s));
  });
});
