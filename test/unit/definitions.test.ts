// The document's definitions by label, updated in place after an edit (DefinitionIndex), against the map made from
// scratch; and headings whose references resolve differently after an edit, incremental against from scratch.
import * as assert from 'node:assert/strict';
import { analyze, IncrementalAnalyzer } from '../../src/core';
import { DefinitionIndex } from '../../src/core/model/definitions';
import { definitionLabel, definitionsByLabel } from '../../src/core/model/heading-text';
import { rng } from '../bench/generate';
import { doc } from './helpers';

const sorted = (m: ReadonlyMap<string, string>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Updates an index of `before` to `after`, and checks it against a map made from scratch, and what it says changed. */
function check(before: readonly string[], after: readonly string[], index = new DefinitionIndex(before)): DefinitionIndex {
  const was = new Map(index.byLabel);
  const version = index.version;
  const changed = index.update(after);
  const want = definitionsByLabel(after);
  assert.deepEqual(sorted(index.byLabel), sorted(want));
  const differ = new Set([...was.keys(), ...want.keys()].filter((l) => was.get(l) !== want.get(l)));
  assert.deepEqual([...changed].sort(), [...differ].sort());
  assert.notEqual(index.version, version);
  return index;
}

describe('definitions by label, updated after an edit', () => {
  const a = '[a]: </a>';
  const a2 = '[A]: </a2>';
  const b = '[b]: </b>';
  const c = '[c]: </c>';
  const cases: Array<[string, string[], string[]]> = [
    ['nothing changed', [a, b, c], [a, b, c]],
    ['the same list object', [a, b], []], // replaced below by the very array
    ['one added in the middle', [a, c], [a, b, c]],
    ['one removed', [a, b, c], [a, c]],
    ['a destination changed', [a, b, c], [a, '[b]: </other>', c]],
    ['a label changed', [a, b, c], [a, '[bb]: </b>', c]],
    ['a definition made malformed', [a, b, c], [a, '[b]x: </b>', c]],
    ['a malformed one made a definition', [a, '[b: </b>', c], [a, b, c]],
    ['a second definition of a label added after the first (it changes nothing)', [a, b], [a, b, a2]],
    ['a second definition of a label added before the first (it wins)', [b, a], [a2, b, a]],
    ['the first of two definitions removed (the second wins)', [a, b, a2], [b, a2]],
    ['the second of two definitions removed', [a, b, a2], [a, b]],
    ['the first of three removed, with one before the edit', [a, a2, b, '[a]: </a3>'], [a, b, '[a]: </a3>']],
    ['both of two definitions removed', [a, b, a2], [b]],
    ['a duplicate edited in the middle of three', [a, a2, b, '[a]: </a3>'], [a, '[a]: </a4>', b, '[a]: </a3>']],
    ['case and spaces in the label are the same label', [a, b], ['[ A ]: </x>', a, b]],
    ['labels with escapes and brackets', ['[a\\]b]: </x>', b], ['[a\\]b]: </y>', b, '[\\\\]: </z>']],
    ['everything replaced', [a, b], [c]],
    ['from none', [], [a, b, a2]],
    ['to none', [a, b, a2], []],
    ['the same text moved (prefix and suffix overlap)', [a, a, a], [a, a]],
  ];
  for (const [name, before, after] of cases) {
    it(name, () => {
      check(before, name === 'the same list object' ? before : after);
    });
  }

  it('updated again and again, it stays what a map made from scratch says (random edits, many duplicate labels)', () => {
    const r = rng(5);
    const pick = () => `[${'abcdE'[Math.floor(r() * 5)]}]: </${Math.floor(r() * 4)}>`;
    for (let seq = 0; seq < 300; seq++) {
      let list: string[] = Array.from({ length: Math.floor(r() * 12) }, pick);
      let index = new DefinitionIndex(list);
      for (let e = 0; e < 8; e++) {
        const next = list.slice();
        const at = Math.floor(r() * (next.length + 1));
        const kind = r();
        if (kind < 0.35) next.splice(at, 1 + Math.floor(r() * 3));
        else if (kind < 0.7) next.splice(at, 0, ...Array.from({ length: 1 + Math.floor(r() * 3) }, pick));
        else if (next.length > 0) next[Math.min(at, next.length - 1)] = pick();
        index = check(list, next, index);
        list = next;
      }
    }
  });

  it('definitionLabel reads what the pattern it replaces captures', () => {
    const pattern = /^\[((?:[^\\\]]|\\[\s\S])*)\]:/;
    const r = rng(9);
    const alphabet = ['[', ']', ':', '\\', 'a', ' ', 'B', '\n', 'é'];
    for (let i = 0; i < 20_000; i++) {
      let s = r() < 0.8 ? '[' : '';
      const n = Math.floor(r() * 8);
      for (let k = 0; k < n; k++) s += alphabet[Math.floor(r() * alphabet.length)];
      if (r() < 0.5) s += ']:';
      const m = pattern.exec(s);
      const want = m ? m[1]!.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase() : undefined;
      assert.equal(definitionLabel(s), want, JSON.stringify(s));
    }
  });
});

describe('headings whose references resolve differently after an edit', () => {
  const base = doc(
    '# T',
    '',
    '## [a] Timeline',
    '',
    '## See [the docs][b]',
    '',
    '## [c][] impact',
    '',
    '[a]: /a',
    '',
    '[b]: /b',
    '',
    '## Root [a] and [c]',
    '',
    '[c]: /c',
    '',
  );
  const cases: Array<[string, (t: string) => string]> = [
    ['a definition removed', (t) => t.replace('[a]: /a\n', '')],
    ['a definition made malformed', (t) => t.replace('[b]: /b', '[b]:x /b')],
    ['a definition added for an undefined label', (t) => `${t}\n[d]: /d\n\n## [d] Action items\n`],
    ['a second definition added before the first', (t) => t.replace('## [a] Timeline', '[A]: /other\n\n## [a] Timeline')],
    ['the first of two definitions removed', (t) => `${t}\n[a]: /second\n`.replace('[a]: /a\n', '')],
    ['a label renamed', (t) => t.replace('[c]: /c', '[cc]: /c')],
    ['a heading edited to use another label', (t) => t.replace('## See [the docs][b]', '## See [the docs][c]')],
    ['a definition moved into a list item', (t) => t.replace('[b]: /b', '- [b]: /b')],
    ['every definition removed', (t) => t.replace(/^\[[abc]\]: .*$/gm, '')],
  ];
  for (const [name, edit] of cases) {
    it(name, () => {
      const analyzer = new IncrementalAnalyzer();
      analyzer.analyze(base, { force: true });
      const once = edit(base);
      const twice = edit(once);
      // Each step and back again: each result is the one of a fresh analysis of its text.
      for (const text of [once, base, once, twice, base]) {
        const incremental = analyzer.analyze(text, { force: true });
        const fresh = analyze(text, { force: true });
        assert.deepEqual(incremental.model.headings, fresh.model.headings, `${name}: ${JSON.stringify(text)}`);
        assert.deepEqual(incremental.findings, fresh.findings);
      }
    });
  }

  it('an edit in a definition changes the text of the headings that use it, and only theirs', () => {
    const analyzer = new IncrementalAnalyzer();
    const before = analyzer.analyze(base, { force: true }).model.headings.map((h) => h.text);
    const after = analyzer.analyze(base.replace('[a]: /a\n', ''), { force: true }).model.headings.map((h) => h.text);
    assert.deepEqual(before, ['T', 'a Timeline', 'See the docs', 'c impact', 'Root a and c']);
    assert.deepEqual(after, ['T', '[a] Timeline', 'See the docs', 'c impact', 'Root [a] and c']);
  });
});
