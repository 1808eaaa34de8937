// The model over public post-mortems written by others (read in place, never copied into the project).
// For each, the roles a careful reader would assign to its headings.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type SectionId } from '../../src/core';
import { CORPUS, CORPUS_CANDIDATES } from './helpers';

type Expect = Record<string, SectionId[]>;

// document prefix -> heading text -> roles (only headings that serve a role are listed; all others must serve none)
const EXPECTED: Record<string, Expect> = {
  '001': { 'Issue summary': ['overview'], 'Timeline (UTC) All Times Approximate': ['timeline'], 'Root Cause': ['root-causes'], 'Resolution and Recovery': ['mitigation'], 'Lessons Learned and Future Improvements': ['good-jobs-and-improvements'] },
  '002': { 'Issue Summary': ['overview'], 'Timeline (all times approximate)': ['timeline'], 'Root Cause': ['root-causes'], 'Resolution and recovery': ['mitigation'], 'Corrective and Preventative Measures': ['action-items'] },
  '003': { 'Issue Summary': ['overview'], 'Timeline (all times PST ) Saturday Oct 30th 2021 - Monday Nov 1st, 2021. All times approximations': ['timeline'], 'Root Cause': ['root-causes'], 'Resolution and recovery': ['mitigation'] },
  '004': { 'Issue Summary': ['overview'], 'Timeline (all times PST). All times are approximate': ['timeline'], 'Resolution and recovery': ['mitigation'], 'CVE - Description of the Vulnerability': ['what-happened'] },
  '005': { 'Issue Summary': ['overview'], 'Timeline (all times PST) 02/13/2025 - 02/19/2025. All times approximations': ['timeline'], 'Resolution and recovery': ['mitigation'] },
  '006': { Summary: ['overview'], Timeline: ['timeline'], 'Root Cause Analysis': ['root-causes'], Impact: ['impact'], Remediation: ['mitigation'], 'Lessons Learned': ['good-jobs-and-improvements'] },
  '007': { Summary: ['overview'], 'Incident Timeline': ['timeline'], 'Root Cause Analysis': ['root-causes'], Impact: ['impact'], Remediation: ['mitigation'], 'Lessons Learned': ['good-jobs-and-improvements'], 'What Went Well': ['good-jobs-and-improvements'], "What Didn't Go Well": ['good-jobs-and-improvements'], 'Key Takeaways': ['good-jobs-and-improvements'] },
  '008': { 'Incident Summary': ['overview'], 'Incident Impact': ['impact'], Timeline: ['timeline'], 'Root cause analysis': ['root-causes'], Remediation: ['mitigation'], 'Lessons learned': ['good-jobs-and-improvements'], 'What went well?': ['good-jobs-and-improvements'], 'What could have gone better?': ['good-jobs-and-improvements'] },
  '009': { Summary: ['overview'], Impact: ['impact'], Timeline: ['timeline'], 'Root Cause': ['root-causes'], Resolution: ['mitigation'], Insights: ['good-jobs-and-improvements'], 'Action Items': ['action-items'] },
  '010': { Summary: ['overview'], Timeline: ['timeline'], 'Contributing Factors': ['root-causes'], 'Lessons Learned': ['good-jobs-and-improvements'], 'Action Items': ['action-items'] },
  '011': { Summary: ['overview'], Timeline: ['timeline'], 'Action Items': ['action-items'], 'Lessons Learned': ['good-jobs-and-improvements'], Attendees: ['responders'] },
  '012': { Summary: ['overview'], Timeline: ['timeline'], 'Contributing Factors': ['root-causes'], 'Action Items': ['action-items'], 'Lessons Learned': ['good-jobs-and-improvements'], Attendees: ['responders'] },
  '021': { 'Root cause of the outage': ['root-causes'], Resolution: ['mitigation'], 'Timeline of events': ['timeline'], 'Action items': ['action-items'] },
  '022': { Summary: ['overview'], Leadup: ['background'], Impact: ['impact'], Recovery: ['mitigation'], Timeline: ['timeline'], 'Root cause identification: The Five Whys': ['root-causes'], 'Root causes': ['root-causes'], 'Lessons learned': ['good-jobs-and-improvements'], 'Corrective actions': ['action-items'] },
  '023': { 'Root cause of the issue': ['root-causes'], Resolution: ['mitigation'], 'Lessons learned': ['good-jobs-and-improvements'], 'Action items': ['action-items'] },
  '024': { Summary: ['overview'], 'Actions taken': ['mitigation'], 'Future actions': ['action-items'] },
  '029': { 'Incident Summary': ['overview'], Leadup: ['background'], Causes: ['root-causes'], 'Recovery and Lessons Learned': ['mitigation', 'good-jobs-and-improvements'] },
  '033': { Summary: ['overview'], Impact: ['impact'], 'Root Causes': ['root-causes'], Resolution: ['mitigation'], 'Action Items': ['action-items'], 'Lessons Learned': ['good-jobs-and-improvements'], 'What went well': ['good-jobs-and-improvements'], 'What went wrong': ['good-jobs-and-improvements'], 'Where we got lucky': ['good-jobs-and-improvements'], Timeline: ['timeline'] },
  '034': { Summary: ['overview'], 'Postmortem Attendees': ['responders'], 'Incident Timeline': ['timeline'], Impact: ['impact'], 'End User Impact': ['impact'], 'Infrastructure Impact': ['impact'], 'Productivity Impact': ['impact'], 'What caused the incident?': ['root-causes'], 'Root Cause(s)': ['root-causes'], 'Mitigation & Resolution': ['mitigation'], 'Lessons Learnt': ['good-jobs-and-improvements'], 'What went well': ['good-jobs-and-improvements'], 'What went badly': ['good-jobs-and-improvements'], 'Action Items & Followups': ['action-items'] },
  '035': { Background: ['background'], 'What Happened': ['what-happened'], 'Chain of Events': ['what-happened'], 'Root Cause': ['root-causes'], Resolution: ['mitigation'], Impact: ['impact'], 'Action Items': ['action-items'] },
  '037': { 'Timeline (all times UTC) 1/29/24, 2/15/24 - 2/16/24 All times approximations': ['timeline'], 'Resolution and recovery': ['mitigation'] },
  '038': { Summary: ['overview'], Timeline: ['timeline'], 'Contributing Factors': ['root-causes'], 'Lessons Learned': ['good-jobs-and-improvements'], 'Action Items': ['action-items'] },
};

// Titles a careful reader sees as the document's title (not a section).
const TITLES: Record<string, string | undefined> = {
  '002': 'Website Outage 5-26-21',
  '008': 'PostHog Data Processing Delays - Events & Persons Ingestion (November 2025)',
  '009': 'Post-Mortem: Changes to SDK fetch() wrapper breaking client sites',
  '029': '[Public] 4/26 Transaction Delays Post-Mortem',
  '021': undefined,
};

describe('real post-mortems (shared corpus)', function () {
  const files = CORPUS ? readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort() : [];
  before(function () {
    if (CORPUS) return;
    // Not silent: the corpus lives outside the project, and a machine without it cannot run these tests.
    console.warn(`\n  NOT RUN: real post-mortem corpus tests: no corpus at ${CORPUS_CANDIDATES.join(', ')} (set POSTMORTEM_CORPUS)\n`);
    this.skip();
  });

  it('the corpus is present and every document has an expectation', () => {
    assert.ok(files.length >= 20, `expected at least 20 documents in ${CORPUS}`);
    for (const f of files) assert.ok(EXPECTED[f.slice(0, 3)], `no expectation for ${f}`);
  });

  for (const [prefix, expected] of Object.entries(EXPECTED)) {
    it(`${prefix}: sections map to the roles a careful reader assigns`, function () {
      const file = files.find((f) => f.startsWith(prefix));
      assert.ok(file, `corpus document ${prefix} is missing`);
      const a = analyze(readFileSync(join(CORPUS!, file), 'utf8'), { path: file });
      assert.equal(a.isPostmortem, true);
      const actual: Expect = {};
      for (const s of a.model.sections) if (s.roles.length > 0) actual[s.heading.text] = [...s.roles];
      assert.deepEqual(actual, expected);
      if (prefix in TITLES) assert.equal(a.model.title?.text, TITLES[prefix]);
      // Every finding lies inside the document.
      for (const f of a.findings) assert.ok(f.range.end.line < a.model.lines.length);
    });
  }
});
