import * as assert from 'node:assert/strict';
import { SectionMatcher, CATALOGUE, type SectionId } from '../../src/core';

const matcher = new SectionMatcher();

// heading text -> roles, in the order they appear
const cases: Array<[string, SectionId[]]> = [
  // canonical titles
  ['Overview', ['overview']],
  ['Background', ['background']],
  ['What happened', ['what-happened']],
  ['Root Causes', ['root-causes']],
  ['Mitigation', ['mitigation']],
  ['Impact', ['impact']],
  ['Responders', ['responders']],
  ['Timeline', ['timeline']],
  ['Good-jobs and Improvement Chances', ['good-jobs-and-improvements']],
  ['Action Items', ['action-items']],
  // aliases required by the foundation issue
  ['Summary', ['overview']],
  ['TL;DR', ['overview']],
  ['Executive summary', ['overview']],
  ['Incident summary', ['overview']],
  ['Description', ['what-happened']],
  ['Incident description', ['what-happened']],
  ['Details', ['what-happened']],
  ['Root cause analysis', ['root-causes']],
  ['Contributing factors', ['root-causes']],
  ['Causes', ['root-causes']],
  ['Why it happened', ['root-causes']],
  ['Resolution', ['mitigation']],
  ['Remediation', ['mitigation']],
  ['Recovery', ['mitigation']],
  ['Customer impact', ['impact']],
  ['Business impact', ['impact']],
  ['Participants', ['responders']],
  ['People involved', ['responders']],
  ['Chronology', ['timeline']],
  ['Sequence of events', ['timeline']],
  ['What went well', ['good-jobs-and-improvements']],
  ['What went wrong', ['good-jobs-and-improvements']],
  ['Lessons learned', ['good-jobs-and-improvements']],
  ['Learnings', ['good-jobs-and-improvements']],
  ['Retrospective', ['good-jobs-and-improvements']],
  ['Follow-ups', ['action-items']],
  ['Corrective actions', ['action-items']],
  ['Next steps', ['action-items']],
  ['Remediation items', ['action-items']],
  // normalisation: numbering, case, punctuation, emoji, colons, &/and, singular/plural
  ['1. Overview', ['overview']],
  ['2) Background', ['background']],
  ['10. ACTION ITEMS:', ['action-items']],
  ['🔥 Impact 🔥', ['impact']],
  ['Root cause', ['root-causes']],
  ['Action item', ['action-items']],
  ['Good jobs & improvement chances', ['good-jobs-and-improvements']],
  ['Followups', ['action-items']],
  ['Timeline:', ['timeline']],
  // extra words in real headings
  ['Timeline (UTC) All Times Approximate', ['timeline']],
  ['Timeline of events', ['timeline']],
  ['Root cause of the outage', ['root-causes']],
  ['Issue summary', ['overview']],
  // one heading, two roles, or one role twice
  ['Resolution and Recovery', ['mitigation']],
  ['Lessons Learned and Future Improvements', ['good-jobs-and-improvements']],
  ['Recovery and Lessons Learned', ['mitigation', 'good-jobs-and-improvements']],
  ['Root cause & mitigation', ['root-causes', 'mitigation']],
  // specific beats generic
  ['Impact summary', ['impact']],
  ['Remediation items', ['action-items']],
  // nothing
  ['Installation', []],
  ['Appendix', []],
  ['', []],
  ['!!!', []],
];

describe('section matching', () => {
  for (const [heading, roles] of cases) {
    it(`"${heading}" -> ${roles.join(', ') || 'none'}`, () => {
      assert.deepEqual(matcher.match(heading), roles);
    });
  }

  it('every catalogue title and alias matches its own section', () => {
    for (const spec of CATALOGUE) {
      for (const phrase of [spec.title, ...spec.aliases, ...(spec.weakAliases ?? [])]) {
        assert.ok(matcher.match(phrase).includes(spec.id), `${phrase} should match ${spec.id}`);
      }
    }
  });

  it('extra aliases from settings are honoured', () => {
    const custom = new SectionMatcher({ timeline: ['Log of events'] });
    assert.deepEqual(custom.match('Log of Events'), ['timeline']);
    assert.deepEqual(matcher.match('Log of Events'), []);
  });
});
