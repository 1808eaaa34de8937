// The status bar's progress (present sections, and how many are still empty), and the characters of inserted text.
import * as assert from 'node:assert/strict';
import { buildModel, builtInTemplate, CATALOGUE, progressDetails, progressText, renderTemplate, SECTION_IDS, sectionProgress, templateVars } from '../../src/core';
import { snippetsFileText } from '../../src/core/authoring/snippets';
import { doc } from './helpers';

describe('section progress', () => {
  it('a fresh post-mortem from the template has every section, all of them still empty', () => {
    const { text } = renderTemplate(builtInTemplate(), templateVars({ title: 'T', date: '2026-11-01', severity: 'SEV2', now: new Date(0) }));
    const p = sectionProgress(buildModel(text), SECTION_IDS);
    // The template's example action item is a placeholder of its own (issue 16 item 8), not counted here.
    assert.equal(p.present, 10);
    assert.ok(p.empty.length >= 9, `empty: ${p.empty.join(', ')}`);
    assert.equal(progressText(p), `10/10 sections, ${p.empty.length} empty`);
    assert.match(progressDetails(p), /^Still empty:\n\n- Overview\n- Background\n/);
  });

  it('counts missing and empty apart, and says nothing is left once every section has content', () => {
    const text = doc('# T', '', '## Overview', '', 'It broke.', '', '## Impact', '', '<!-- guidance -->', '', '## Timeline', '', 'TBD');
    const p = sectionProgress(buildModel(text), ['overview', 'impact', 'timeline', 'responders']);
    assert.deepEqual(p, { required: 4, present: 3, empty: ['impact', 'timeline'], missing: ['responders'] });
    assert.equal(progressText(p), '3/4 sections, 2 empty');
    assert.equal(progressDetails(p), 'Missing:\n\n- Responders\n\nStill empty:\n\n- Impact\n- Timeline');
    const done = sectionProgress(buildModel(doc('# T', '## Overview', 'It broke.')), ['overview']);
    assert.equal(progressText(done), '1/1 sections');
    assert.equal(progressDetails(done), 'Every required section is present and has content.');
  });
});

describe('text we insert and VS Code\'s ambiguous characters', () => {
  // From VS Code 1.137's ambiguous-character table (default locale), the General Punctuation and Latin-1 entries:
  // characters that look like ASCII and get boxed in the editor. The em dash (U+2014) is not one of them.
  const AMBIGUOUS = /[\u00a0\u00b4\u00b8\u00d7\u2000-\u200a\u2010-\u2013\u2018-\u201b\u2024\u2028\u2029\u202f\u2032\u2035\u2039\u203a\u2041\u2043\u2044\u204e\u2053\u205a\u205f]/u;
  it('the template, the snippets and the guidance use none of them', () => {
    const { text } = renderTemplate(builtInTemplate({ withAuthor: true }), templateVars({ title: 'T', date: '2026-11-01', severity: 'SEV2', author: 'A', now: new Date(0) }));
    const found = [text, snippetsFileText(), ...CATALOGUE.map((s) => s.guidance)].flatMap((t) => [...t].filter((c) => AMBIGUOUS.test(c)));
    assert.deepEqual([...new Set(found)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`), []);
  });
});
