import * as assert from 'node:assert/strict';
import { analyze, applyInserts, buildModel, CATALOGUE, SECTION_IDS, sectionInserts, type SectionId } from '../../src/core';
import { doc } from './helpers';

const pm = (body: string[], eol = '\n') => ['---', 'type: postmortem', '---', '', '# Incident', '', ...body].join(eol);

function sectionsDoc(ids: readonly SectionId[], options: { setext?: boolean; eol?: string } = {}): string {
  const body: string[] = [];
  for (const id of ids) {
    const title = CATALOGUE.find((s) => s.id === id)!.title;
    if (options.setext) body.push(title, '-'.repeat(title.length), '', `Text of ${id}.`, '');
    else body.push(`## ${title}`, '', `Text of ${id}.`, '');
  }
  return pm(body, options.eol);
}

const missingOf = (text: string) => analyze(text).findings.filter((f) => f.code === 'missing-section').map((f) => f.data['section']);
const order = (text: string) => buildModel(text).sections.flatMap((s) => s.roles);

/** Every heading has a blank line (or the document start) before it and a blank line after it. */
function assertSpaced(text: string): void {
  const m = buildModel(text);
  for (const h of m.headings) {
    const before = m.lines[h.range.start.line - 1];
    const after = m.lines[h.range.end.line + 1];
    assert.ok(before === undefined || before.trim() === '' || h.range.start.line <= 4, `no blank line before "${h.text}"`);
    assert.ok(after === undefined || after.trim() === '', `no blank line after "${h.text}"`);
  }
}

/** The inserts only add text: removing them gives back the original exactly. */
function assertOnlyInserted(original: string, result: string): void {
  let i = 0;
  for (const ch of result) if (i < original.length && ch === original[i]) i++;
  assert.equal(i, original.length, 'the original text is not kept byte for byte');
}

describe('adding missing sections', () => {
  // All 1024 subsets of the ten sections, so every subset size is covered.
  const subsets: SectionId[][] = [];
  for (let mask = 0; mask < 1 << SECTION_IDS.length; mask++) subsets.push(SECTION_IDS.filter((_, i) => mask & (1 << i)));

  it('each missing section lands at its canonical position, for every subset of present sections', () => {
    for (const present of subsets) {
      const text = sectionsDoc(present);
      for (const id of SECTION_IDS.filter((x) => !present.includes(x))) {
        const model = buildModel(text);
        const result = applyInserts(model, sectionInserts(model, [id]));
        const expected = SECTION_IDS.filter((x) => present.includes(x) || x === id);
        assert.deepEqual(order(result), expected, `adding ${id} to [${present.join(', ')}]`);
        assertOnlyInserted(text, result);
      }
    }
  });

  it('"add all" completes every subset in canonical order, spaced, and is idempotent', () => {
    for (const present of subsets) {
      const text = sectionsDoc(present);
      const model = buildModel(text);
      const result = applyInserts(model, sectionInserts(model, SECTION_IDS.filter((x) => !present.includes(x))));
      assert.deepEqual(order(result), [...SECTION_IDS]);
      assert.deepEqual(missingOf(result), []);
      assertSpaced(result);
      assertOnlyInserted(text, result);
      const again = buildModel(result);
      assert.deepEqual(sectionInserts(again, missingOf(result) as SectionId[]), []);
    }
  });

  it('CRLF documents get CRLF, and keep every other byte', () => {
    const text = sectionsDoc(['overview', 'timeline'], { eol: '\r\n' });
    const model = buildModel(text);
    const result = applyInserts(model, sectionInserts(model, ['impact', 'action-items']));
    assert.ok(!/[^\r]\n/.test(result), 'a bare LF slipped in');
    assert.deepEqual(order(result), ['overview', 'impact', 'timeline', 'action-items']);
    assertOnlyInserted(text, result);
  });

  it('setext documents get setext headings', () => {
    const text = sectionsDoc(['overview', 'impact'], { setext: true });
    const model = buildModel(text);
    const result = applyInserts(model, sectionInserts(model, ['background']));
    assert.match(result, /\nBackground\n----------\n/);
    assert.deepEqual(order(result), ['overview', 'background', 'impact']);
    assert.deepEqual(buildModel(result).headings.filter((h) => h.level === 2).map((h) => h.kind), ['setext', 'setext', 'setext']);
  });

  it('uses the level the document uses for sections', () => {
    const text = doc('---', 'type: postmortem', '---', '', '# T', '', '### Overview', '', 'x', '', '### Impact', '', 'y');
    const model = buildModel(text);
    const result = applyInserts(model, sectionInserts(model, ['background']));
    assert.match(result, /\n### Background\n\n<!-- The context/);
  });

  it('a document without a trailing newline or sections gets the section at the end', () => {
    const text = doc('---', 'type: postmortem', '---', '', '# T', 'intro');
    const model = buildModel(text);
    const result = applyInserts(model, sectionInserts(model, ['timeline']));
    assert.equal(result, `${text}\n\n## Timeline\n\n<!-- ${CATALOGUE[7]!.guidance} -->\n`);
  });

  it('a section with subsections is passed over whole', () => {
    const text = doc('# T', '', '## Overview', '', '### Detail', '', 'x', '', '## Impact', '', 'y');
    const model = buildModel(text);
    const result = applyInserts(model, sectionInserts(model, ['background']));
    const lines = result.split('\n');
    assert.ok(lines.indexOf('## Background') > lines.indexOf('### Detail'));
    assert.ok(lines.indexOf('## Background') < lines.indexOf('## Impact'));
  });
});
