// The status bar's progress: present sections, and how many of them are still empty.
import * as assert from 'node:assert/strict';
import { buildModel, builtInTemplate, progressDetails, progressText, renderTemplate, SECTION_IDS, sectionProgress, templateVars } from '../../src/core';
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
