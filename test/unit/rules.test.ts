// The reviewer rules: for each, documents that must and must not trigger it.
import * as assert from 'node:assert/strict';
import { analyze, normaliseConfig, type PostmortemConfig } from '../../src/core';
import { actionItemFields } from '../../src/core/model/action-items';

const HEAD = ['---', 'type: postmortem', 'status: in-review', '---', '', '# Outage', ''];
const codes = (body: string[], code: string, config?: PostmortemConfig) =>
  analyze([...HEAD, ...body].join('\n'), config ? { config } : {}).findings.filter((f) => f.code === code);

type Case = [name: string, body: string[], count: number];

function table(code: string, cases: Case[], config?: PostmortemConfig): void {
  describe(code, () => {
    for (const [name, body, count] of cases) {
      it(`${count === 0 ? 'not ' : ''}for ${name}`, () => {
        const found = codes(body, code, config);
        assert.equal(found.length, count, JSON.stringify(found.map((f) => f.message)));
      });
    }
  });
}

table('empty-section', [
  ['a section with text', ['## Impact', '', '12 users.'], 0],
  ['a section with a code block only', ['## Timeline', '', '```', 'log', '```'], 0],
  ['a section with content in a subsection', ['## Impact', '', '### Users', '', '12 users.'], 0],
  ['an empty section', ['## Impact', '', '## Timeline', '', '- 10:00 x'], 1],
  ['guidance comments only', ['## Impact', '', '<!-- Damage in numbers. -->', ''], 1],
  ['a multi-line comment only', ['## Impact', '<!--', 'numbers', '-->'], 1],
  ['TODO', ['## Impact', '', 'TODO'], 1],
  ['TBD.', ['## Impact', '', 'TBD.'], 1],
  ['an empty checklist item', ['## Action Items', '', '- [ ] '], 1],
  ['a heading at the end of the document', ['## Overview', '', 'x', '', '## Impact'], 1],
  ['an unrecognised heading (not a section)', ['## Appendix', ''], 0],
]);

table('duplicate-section', [
  ['two Impact headings', ['## Impact', '', '1', '', '## Impact', '', '2'], 1],
  ['What went well + What went wrong (a deliberate split)', ['## What went well', '', 'a', '', '## What went wrong', '', 'b'], 0],
  ['Impact with a subsection', ['## Impact', '', '1', '', '### End user impact', '', '2'], 0],
  ['the same heading at different levels', ['## Impact', '', '1', '', '### Impact', '', '2'], 0],
]);

table('section-order', [['Impact before Overview, off by default', ['## Impact', '', '1', '', '## Overview', '', 'x'], 0]]);
table('section-order', [
  ['Impact before Overview', ['## Impact', '', '1', '', '## Overview', '', 'x'], 1],
  ['canonical order', ['## Overview', '', 'x', '', '## Impact', '', '1'], 0],
], normaliseConfig({ rules: { 'section-order': 'info' } }));

table('overview-length', [
  ['one sentence', ['## Overview', '', 'Checkout failed for 40 minutes after a bad deploy; see the timeline.'], 0],
  ['two sentences', ['## Overview', '', 'Checkout failed for 40 minutes. A rollback fixed it.'], 0],
  ['three sentences', ['## Overview', '', 'Checkout failed. It was a deploy. A rollback fixed it.'], 1],
  ['more than 60 words', ['## Overview', '', `${'word '.repeat(61)}.`], 1],
  ['guidance comments do not count', ['## Overview', '', '<!-- One. Two. Three. Four. -->', 'Checkout failed.'], 0],
  ['an Overview of 5,000 sentences (read up to a bound)', ['## Overview', '', ...new Array<string>(5000).fill('One more sentence here.')], 1],
]);

describe('overview-length on a long Overview', () => {
  it('counts what it read, and says "more than" when it stopped before the end', () => {
    const short = codes(['## Overview', '', 'One. Two. Three.'], 'overview-length');
    assert.match(short[0]!.message, /^The Overview has 3 sentences;/);
    const long = codes(['## Overview', '', ...new Array<string>(5000).fill('One more sentence here.')], 'overview-length');
    assert.match(long[0]!.message, /^The Overview has more than \d+ sentences;/);
    const read = Number(/more than (\d+)/.exec(long[0]!.message)![1]);
    assert.ok(read > 500 && read < 5000, `read ${read} sentences`);
  });
});

table('impact-numbers', [
  ['numbers', ['## Impact', '', '12,400 checkouts slowed.'], 0],
  ['a percentage', ['## Impact', '', 'About 6% of requests failed.'], 0],
  ['a duration in words', ['## Impact', '', 'Checkout was down for two hours.'], 0],
  ['no number', ['## Impact', '', 'Some customers were affected.'], 1],
  ['an empty section (empty-section says it)', ['## Impact', ''], 0],
]);

table('responders-empty', [
  ['a list of names', ['## Responders', '', '- Sam (incident commander)', '- Kim'], 0],
  ['mentions', ['## Responders', '', 'on call: @sam and @kim'], 0],
  ['a full name in prose', ['## Responders', '', 'The on-call engineer was Sam Lee.'], 0],
  ['nobody named', ['## Responders', '', 'the on-call engineer and the database team'], 1],
  ['a non-ASCII name in a list', ['## Responders', '', '- Ærin (incident commander)'], 0],
  ['a non-ASCII full name in prose', ['## Responders', '', 'the on-call engineer was Zoë Öberg.'], 0],
  ['nobody named, in non-ASCII prose', ['## Responders', '', 'l’équipe de garde — the database team'], 1],
]);

table('action-item-owner', [
  ['an @owner', ['## Action Items', '', '- [ ] Add an alert @kim OPS-1'], 0],
  ['owner: name', ['## Action Items', '', '- Add an alert — owner: Kim, ticket: OPS-1'], 0],
  ['no owner', ['## Action Items', '', '- [ ] Add an alert, ticket: OPS-1'], 1],
  ['a table with an Owner column', ['## Action Items', '', '| Action | Owner | Ticket |', '|---|---|---|', '| Add alert | Kim | OPS-1 |', '| Resize | | OPS-2 |'], 1],
  ['a numbered list, two items, one owner', ['## Action Items', '', '1. Add alert @kim OPS-1', '2. Resize pool OPS-2'], 1],
]);

table('action-item-ticket', [
  ['a tracker key', ['## Action Items', '', '- [ ] Add an alert @kim OPS-142'], 0],
  ['#123', ['## Action Items', '', '- [ ] Add an alert @kim #123'], 0],
  ['a link', ['## Action Items', '', '- [ ] Add an alert @kim [ticket](https://tracker.example/1)'], 0],
  ['no ticket', ['## Action Items', '', '- [ ] Add an alert @kim'], 1],
  ['a Ticket column', ['## Action Items', '', '| Action | Owner | Ticket |', '|---|---|---|', '| Add alert | Kim | OPS-1 |'], 0],
  ['an empty Ticket column', ['## Action Items', '', '| Action | Owner | Ticket |', '|---|---|---|', '| Add alert | Kim | |'], 1],
  ['a lower-case word with a dash is not a key', ['## Action Items', '', '- [ ] Add a follow-up alert @kim'], 1],
]);

table('action-item-ticket', [
  ['a key matching a custom pattern', ['## Action Items', '', '- [ ] Add an alert @kim INC0042'], 0],
  ['a default-style key under a custom pattern', ['## Action Items', '', '- [ ] Add an alert @kim OPS-1'], 1],
], normaliseConfig({ actionItems: { ticketPattern: 'INC\\d{4}' } }));

table('action-item-due', [['no due date, not required', ['## Action Items', '', '- [ ] Add an alert @kim OPS-1'], 0]]);
table('action-item-due', [
  ['no due date, required', ['## Action Items', '', '- [ ] Add an alert @kim OPS-1'], 1],
  ['a date', ['## Action Items', '', '- [ ] Add an alert @kim OPS-1 due 2026-12-01'], 0],
  ['a Due column', ['## Action Items', '', '| Action | Owner | Due |', '|---|---|---|', '| Add alert | Kim | 2026-12-01 |'], 0],
], normaliseConfig({ actionItems: { requireDueDate: true } }));

table('blameless-language', [
  ["Sam's fault", ['## Root Causes', '', "It was Sam's fault."], 1],
  ['human error', ['## Root Causes', '', 'Root cause: human error.'], 1],
  ['should have known', ['## What happened', '', 'The engineer should have known better.'], 1],
  ['careless and negligent (two)', ['## What happened', '', 'A careless, negligent change.'], 2],
  ['who broke it', ['## What happened', '', 'We found who broke the build.'], 1],
  ['inside double quotes', ['## What happened', '', 'The ticket said "this is human error" at first.'], 0],
  ['inside curly quotes', ['## What happened', '', 'A reply said “stupid config” twice.'], 0],
  ['inside a code span', ['## What happened', '', 'The log read `careless mode enabled`.'], 0],
  ['inside a code block', ['## What happened', '', '```', 'negligent=true', '```'], 0],
  ['inside a block quote', ['## What happened', '', '> It was human error, said the first report.'], 0],
  ['inside a guidance comment', ['## What happened', '', '<!-- no human error talk -->', 'ok'], 0],
  ['blameless wording', ['## Root Causes', '', 'The deploy tool accepted an unreviewed config.'], 0],
  ['a word that contains a phrase', ['## What happened', '', 'Carelessness is not a cause.'], 0],
  ['a line with non-ASCII text', ['## What happened', '', 'Zoë’s change — a careless one.'], 1],
  ['a curly apostrophe', ['## Root Causes', '', 'It was Zoë’s fault.'], 1],
  ['a phrase inside a non-ASCII word', ['## What happened', '', 'Ücareless is not a word.'], 0],
]);
table('blameless-language', [['a configured phrase', ['## What happened', '', 'The intern deployed it.'], 1]], normaliseConfig({ blamelessPhrases: ['the intern'] }));
table('blameless-language', [
  ['a configured non-ASCII phrase', ['## What happened', '', 'Das war Schuld des Teams.'], 1],
  ['a configured non-ASCII phrase, other case', ['## What happened', '', 'SCHULD DES Teams.'], 1],
], normaliseConfig({ blamelessPhrases: ['schuld des'] }));

describe('status-not-final', () => {
  it('a draft gets one info finding on its status value', () => {
    const text = ['---', 'type: postmortem', 'status: draft', '---', '# T'].join('\n');
    const found = analyze(text).findings.filter((f) => f.code === 'status-not-final');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'info');
    assert.deepEqual(found[0]!.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 13 } });
  });
  for (const status of ['in-review', 'final']) {
    it(`not for ${status}`, () => {
      const text = ['---', 'type: postmortem', `status: ${status}`, '---', '# T'].join('\n');
      assert.equal(analyze(text).findings.filter((f) => f.code === 'status-not-final').length, 0);
    });
  }
});

describe('strictness follows the status', () => {
  const doc = (status: string) => ['---', 'type: postmortem', `status: ${status}`, '---', '# T', '', '## Overview', '', '## Action Items', '', '- [ ] Do it'].join('\n');
  const severities = (status: string, config?: PostmortemConfig) => {
    const found = analyze(doc(status), config ? { config } : {}).findings;
    const of = (code: string) => [...new Set(found.filter((f) => f.code === code).map((f) => f.severity))];
    return { missing: of('missing-section'), empty: of('empty-section'), owner: of('action-item-owner'), blame: of('blameless-language') };
  };
  const cases: Array<[string, string]> = [['draft', 'hint'], ['in-review', 'warning'], ['final', 'error'], ['In Review', 'warning'], ['unknown', 'warning']];
  for (const [status, severity] of cases) {
    it(`${status}: completeness rules are ${severity}s`, () => {
      const s = severities(status);
      assert.deepEqual(s.missing, [severity]);
      assert.deepEqual(s.empty, [severity]);
      assert.deepEqual(s.owner, [severity]);
    });
  }
  const blamed = (status: string, config?: PostmortemConfig) => {
    const text = ['---', 'type: postmortem', `status: ${status}`, '---', '# T', '', '## Root Causes', '', 'It was human error.'].join('\n');
    return analyze(text, config ? { config } : {}).findings.filter((f) => f.code === 'blameless-language').map((f) => f.severity);
  };
  for (const [status, severity] of [['draft', 'warning'], ['in-review', 'warning'], ['final', 'error'], ['Final', 'error']] as const) {
    it(`${status}: blameless-language is a${severity === 'error' ? 'n' : ''} ${severity}`, () => assert.deepEqual(blamed(status), [severity]));
  }
  it('a team that sets blameless-language keeps its level at final', () => {
    assert.deepEqual(blamed('final', normaliseConfig({ rules: { 'blameless-language': 'warning' } })), ['warning']);
  });
  it('"Final" is understood alike by the schema and by the completeness rules', () => {
    for (const status of ['Final', 'FINAL', 'In Review', 'in_review']) {
      const found = analyze(doc(status)).findings;
      assert.deepEqual(found.filter((f) => f.code === 'frontmatter' && f.data['path'] === 'status'), [], status);
    }
    assert.deepEqual(severities('Final').missing, ['error']);
    const unknown = analyze(doc('finished')).findings;
    assert.equal(unknown.filter((f) => f.code === 'frontmatter' && f.data['path'] === 'status').length, 1);
    assert.deepEqual(severities('finished').missing, ['warning']);
  });
  it('postmortem.rules overrides auto', () => {
    const s = severities('final', normaliseConfig({ rules: { 'missing-section': 'info', 'empty-section': 'off' } }));
    assert.deepEqual(s.missing, ['info']);
    assert.deepEqual(s.empty, []);
    assert.deepEqual(s.owner, ['error']);
  });
  it('auto is the rule\'s default: off stays off, info stays info, and only rules that follow the status follow it', () => {
    const text = ['---', 'type: postmortem', 'status: draft', '---', '# T', '', '## Impact', '', '1', '', '## Overview', '', 'x'].join('\n');
    const levels = (rules: Record<string, string>) => {
      const found = analyze(text, { config: normaliseConfig({ rules }) }).findings;
      const of = (code: string) => [...new Set(found.filter((f) => f.code === code).map((f) => f.severity))];
      return { order: of('section-order'), draft: of('status-not-final'), missing: of('missing-section') };
    };
    const byDefault = levels({});
    assert.deepEqual(byDefault, { order: [], draft: ['info'], missing: ['hint'] });
    assert.deepEqual(levels({ 'section-order': 'auto', 'status-not-final': 'auto', 'missing-section': 'auto' }), byDefault);
  });
});

describe('action item fields', () => {
  const summaries: Array<[string, string]> = [
    ['- [ ] Add a canary for the cache config, PAY-123, @sam, due: 2026-12-05', 'Add a canary for the cache config'],
    ['- Fix [the retry bug](https://t.example/9) owner: Kim', 'Fix the retry bug'],
    ['- [PAY-7](https://t.example/7) Rotate the keys @ana', 'Rotate the keys'],
    ['- Rotate the keys (owner: @ana, due 2026-12-01)', 'Rotate the keys'],
    ['- @ana', '@ana'],
  ];
  for (const [item, summary] of summaries) {
    it(`the summary of "${item}" is "${summary}"`, () => {
      const model = analyze([...HEAD, '## Action Items', '', item].join('\n')).model;
      assert.equal(actionItemFields(model, '[A-Z][A-Z0-9]+-\\d+')[0]?.summary, summary);
    });
  }

  it('reads checklist, list and table items', () => {
    const text = [...HEAD, '## Action Items', '', '- [ ] Add alert — owner: @kim, ticket: OPS-1, due: 2026-12-01', '- Resize pool @lee https://t.example/2', '', '| Action | Owner | Ticket | Due |', '|---|---|---|---|', '| Runbook | Sam | OPS-3 | 2026-12-24 |'].join('\n');
    const model = analyze(text).model;
    const fields = actionItemFields(model, '[A-Z][A-Z0-9]+-\\d+').map(({ summary, owner, ticket, due }) => ({ summary, owner, ticket, due }));
    assert.deepEqual(fields, [
      { summary: 'Add alert', owner: '@kim', ticket: 'OPS-1', due: '2026-12-01' },
      { summary: 'Resize pool', owner: '@lee', ticket: 'https://t.example/2', due: undefined },
      { summary: 'Runbook', owner: 'Sam', ticket: 'OPS-3', due: '2026-12-24' },
    ]);
  });
});
