// Section recognition on small documents: vocabulary, heading-tree context, content, labels, languages, aliases,
// and detection (content, templates, look-alikes). The corpus scores are in corpus.test.ts.
import * as assert from 'node:assert/strict';
import { analyze, buildModel, classify, normaliseConfig, SectionMatcher, type SectionId } from '../../src/core';
import { doc } from './helpers';

/** heading text -> roles, for every section that serves one (labels included). */
function roles(text: string, matcher?: SectionMatcher): Record<string, SectionId[]> {
  const m = buildModel(text, matcher ? { matcher } : {});
  const out: Record<string, SectionId[]> = {};
  for (const s of m.sections) if (s.roles.length > 0) out[s.heading.text] = [...s.roles];
  return out;
}

const timeline = ['- 09:00 alert fired', '- 09:05 on-call paged', '- 09:20 rollback started', '- 09:40 recovered'];

describe('section recognition', () => {
  describe('vocabulary: stems and synonyms, not fixed phrases', () => {
    const cases: Array<[string, SectionId[]]> = [
      ['Mitigating the outage', ['mitigation']],
      ['How we fixed it', ['mitigation']],
      ['Restoring service', ['mitigation']],
      ['What caused it?', ['root-causes']],
      ['Contributing factors', ['root-causes']],
      ['Learnings', ['good-jobs-and-improvements']],
      ['Main takeaways', ['good-jobs-and-improvements']],
      ['Where we got lucky', ['good-jobs-and-improvements']],
      ['Follow-up', ['action-items']],
      ['Future plan', ['action-items']],
      ['Planned actions (in progress)', ['action-items']],
      ['Immediate actions (completed)', ['mitigation']],
      ['Chronology of events', ['timeline']],
      ['Who was affected', ['impact']],
      ['People involved', ['responders']],
      ['History', ['background']],
      ['System overview', ['background']],
      ['Service architecture overview', ['background']],
      ['RCA', ['root-causes']],
      ['Who was on call', ['responders']],
      ['Who was on-call', ['responders']],
      ['RCA: expired certificate', ['root-causes']],
      ['Recovery and lessons learned', ['mitigation', 'good-jobs-and-improvements']],
      ['Lessons learned and future improvements', ['good-jobs-and-improvements', 'action-items']],
      ['🙆🏽‍♀️ Recovery', ['mitigation']],
      ['4. Root cause', ['root-causes']],
      ['FAQ', []],
      ['Appendix: dashboards', []],
      ['Netspace after the incident', []],
    ];
    for (const [heading, expected] of cases) {
      it(`"${heading}" -> ${expected.join(', ') || 'no role'}`, () => {
        const got = roles(doc('# Title', '', `## ${heading}`, '', 'text'));
        assert.deepEqual(got[heading] ?? [], expected);
      });
    }
  });

  describe('context', () => {
    it('the H1 title takes no role, even when it names one', () => {
      const m = buildModel(doc('# Incident summary of the checkout outage', '', '## Timeline', '', ...timeline));
      assert.equal(m.title?.text, 'Incident summary of the checkout outage');
      assert.deepEqual(m.title?.roles, []);
    });

    it('a first H1 that is only a role name, among other H1s, is a section', () => {
      assert.deepEqual(roles(doc('# Summary', '', 'x', '', '# Timeline', '', ...timeline)), { Summary: ['overview'], Timeline: ['timeline'] });
    });

    it('a broad word counts only outside role sections and where no heading names the role plainly', () => {
      const text = doc('# T', '', '## Incident summary', '', 'x', '', '## Lessons learned', '', '### Summary', '', 'x', '', '## Details', '', 'x');
      assert.deepEqual(roles(text), { 'Incident summary': ['overview'], 'Lessons learned': ['good-jobs-and-improvements'], Details: ['what-happened'] });
    });

    it('a child does not repeat its parent role', () => {
      assert.deepEqual(roles(doc('# T', '', '## Impact', '', '### User impact', '', 'x', '', '### Revenue impact', '', 'x')), { Impact: ['impact'] });
    });

    it('a parent grouping children of several roles keeps the children roles', () => {
      const text = doc('# T', '', '## Remediation', '', '### Immediate actions', '', 'x', '', '### Long-term improvements', '', 'x');
      assert.deepEqual(roles(text), { Remediation: ['mitigation'], 'Immediate actions': ['mitigation'], 'Long-term improvements': ['action-items'] });
    });

    it('a parent whose sub-sections all serve one role serves it', () => {
      const m = buildModel(doc('# T', '', '## Retro', '', '### What went well', '', 'x', '', '### What went wrong', '', 'x'));
      const retro = m.sections.find((s) => s.heading.text === 'Retro')!;
      assert.deepEqual(retro.roles, ['good-jobs-and-improvements']);
      assert.equal(retro.heading.reasons[0]!.source, 'context');
      assert.deepEqual(m.sections.filter((s) => s.heading.level === 3).map((s) => s.roles), [[], []]);
    });

    it('sub-headings of Action items are kinds of follow-ups, not other sections', () => {
      assert.deepEqual(roles(doc('# T', '', '## Action items', '', '### Mitigation', '', '- x', '', '### Detection', '', '- y')), { 'Action items': ['action-items'] });
    });
  });

  describe('content', () => {
    it('a heading the words leave without a role gets one from its content, with the reason', () => {
      const m = buildModel(doc('# Outage', '', '## Log', '', ...timeline));
      const log = m.sections.find((s) => s.heading.text === 'Log')!;
      assert.deepEqual(log.roles, ['timeline']);
      assert.deepEqual(log.heading.reasons, [{ role: 'timeline', source: 'content', detail: '4 of 4 lines are timestamped entries' }]);
      assert.equal(m.timeline.length, 4);
    });

    it('content fills only roles no heading serves', () => {
      const got = roles(doc('# Outage', '', '## Timeline', '', '- 08:00 deploy', '', '## Log', '', ...timeline));
      assert.deepEqual(got, { Timeline: ['timeline'] });
    });

    it('follow-ups with owners and tickets, causes and fixes are read from the lines', () => {
      const text = doc(
        '# Outage', '',
        '## Next', '', '- [ ] Add alerting — owner: @ana, OPS-12', '- [ ] Raise the pool limit — owner: @bo, OPS-13', '',
        '## Why', '', 'The pool ran dry because the retry storm doubled connections.', 'It was caused by a config push.', '',
        '## What we did', '', 'We rolled back the config at 10:02.', 'Then we restarted the workers.',
      );
      const got = roles(text);
      assert.deepEqual(got['Next'], ['action-items']);
      assert.deepEqual(got['Why'], ['root-causes']);
      assert.deepEqual(got['What we did'], ['mitigation']);
    });
  });

  describe('lines acting as headings', () => {
    it('bold lines and summary-card labels serve roles no heading serves', () => {
      const text = doc(
        '# Broken build', '',
        '**Summary**:', '', 'The release broke.', '',
        '- **Impact**: 40% of installs failed', '',
        '**Root causes**:', '', 'A build step was commented out.', '',
        '## Timeline', '', ...timeline,
      );
      const m = buildModel(text);
      const labels = m.sections.filter((s) => s.heading.kind === 'label').map((s) => [s.heading.text, ...s.roles]);
      assert.deepEqual(labels, [['Summary', 'overview'], ['Impact', 'impact'], ['Root causes', 'root-causes']]);
      // A card label's text on its own line is its content: not an empty section.
      assert.deepEqual(analyze(text, { force: true }).findings.filter((f) => f.code === 'empty-section'), []);
    });

    it('not inside a section that already serves a role', () => {
      const text = doc('# T', '', '## Timeline', '', '**Root causes:**', '', '- 09:00 x', '- 09:10 y', '- 09:20 z');
      assert.deepEqual(roles(text), { Timeline: ['timeline'] });
    });
  });

  it('a French document reads French headings', () => {
    const text = doc(
      '# Panne du service', '',
      'Le service est tombé et les utilisateurs ne pouvaient pas se connecter pendant une heure. Nous avons redémarré les serveurs et la situation est revenue à la normale pour tous les utilisateurs du service.', '',
      '## Sommaire', '', 'x', '', '## Chronologie détaillée', '', ...timeline, '', '## Causes profondes', '', 'x', '', '## Leçons apprises', '', 'x', '', '## Éléments d’action', '', '- x',
    );
    const m = buildModel(text);
    assert.equal(m.language, 'fr');
    assert.deepEqual(roles(text), {
      Sommaire: ['overview'],
      'Chronologie détaillée': ['timeline'],
      'Causes profondes': ['root-causes'],
      'Leçons apprises': ['good-jobs-and-improvements'],
      'Éléments d’action': ['action-items'],
    });
  });

  it('a team teaches its own wording with aliases, and the hover reason names the alias', () => {
    const text = doc('# T', '', '## Journal de bord', '', 'x');
    assert.deepEqual(roles(text), {});
    const m = buildModel(text, { matcher: new SectionMatcher({ timeline: ['journal de bord'] }) });
    assert.deepEqual(m.sections[0]!.roles, ['timeline']);
    assert.deepEqual(m.sections[0]!.heading.reasons[0], { role: 'timeline', source: 'alias', detail: 'your alias “journal de bord”' });
  });
});

describe('detection', () => {
  const pm = doc('# Checkout outage', '', '## Summary', '', 'x', '', '## Timeline', '', ...timeline, '', '## Root cause', '', 'x', '', '## Action items', '', '- [ ] y');

  it('by content, wherever the file lies', () => {
    const c = classify(pm, 'notes/2026-01-02.md');
    assert.equal(c.isPostmortem, true);
    assert.equal(c.reason, 'content');
    assert.match(c.explanation, /serves 4 roles/);
  });

  it('detection by content can be turned off', () => {
    assert.equal(classify(pm, 'notes/2026-01-02.md', { detectByContent: false }).isPostmortem, false);
    const config = normaliseConfig({ detectByContent: false });
    assert.equal(analyze(pm, { path: 'notes/2026-01-02.md', config }).isPostmortem, false);
  });

  it('index pages, runbooks and checklists are not post-mortems, even in an incidents folder', () => {
    const runbook = doc('# Incident response runbook', '', '## Triage', '', '1. Page the on-call', '', '## Mitigation', '', '- Roll back', '', '## Timeline', '', 'Keep a log.');
    assert.equal(classify(runbook, 'incidents/README.md').isPostmortem, false);
    assert.equal(classify(runbook, 'incidents/runbook.md').isPostmortem, false);
    assert.equal(classify(doc('# On-call checklist', '', '- [ ] laptop'), 'incidents/checklist.md').isPostmortem, false);
    assert.equal(classify(pm, 'incidents/2026-01-02-checkout.md').isPostmortem, true);
  });

  it('a path is matched from the workspace folder or project root: folders above it do not count', () => {
    const note = doc('# Notes', '', 'text');
    assert.equal(classify(note, 'postmortems/a.md').reason, 'path');
    assert.equal(classify(note, 'a.md').isPostmortem, false);
  });

  it('templates get structural checks only', () => {
    const template = doc('# Title', '', '## Summary', '', '<!-- one line -->', '', '## Timeline', '', '- ', '', '## Root cause', '', 'TBD', '', '## Action items', '', '- [ ] ');
    const c = classify(template, 'postmortems/template.md');
    assert.equal(c.isPostmortem, true);
    assert.equal(c.isTemplate, true);
    const a = analyze(template, { path: 'postmortems/template.md' });
    assert.equal(a.isTemplate, true);
    assert.deepEqual(a.findings.filter((f) => f.code === 'empty-section' || f.code.startsWith('action-item')), []);
    assert.ok(a.findings.some((f) => f.code === 'missing-section'), 'structural checks still run');
    // Sections holding only placeholders make a template whatever the file is called.
    assert.equal(classify(template, 'postmortems/new.md').isTemplate, true);
  });
});
