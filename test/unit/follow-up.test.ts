// The follow-up policy (`followUpPolicy` in .postmortem.json) and its rules, action-item-deadline and
// action-item-overdue, with a fixed today: no test reads the clock.
import * as assert from 'node:assert/strict';
import { analyze, normaliseConfig, parseTeamConfig, policyDays, type PostmortemConfig } from '../../src/core';

const TODAY = '2026-03-01';
const policy = normaliseConfig({ followUpPolicy: { SEV1: 28, SEV2: 56 } });
const pm = (front: string[], items: string[]) => ['---', 'type: postmortem', 'status: in-review', ...front, '---', '', '# Outage', '', '## Action Items', '', ...items].join('\n');
const found = (text: string, code: string, config: PostmortemConfig = policy, today: string | null = TODAY) =>
  analyze(text, { config, ...(today !== null ? { today } : {}) }).findings.filter((f) => f.code === code);

type Case = [name: string, front: string[], items: string[], count: number, config?: PostmortemConfig | undefined, today?: string | null];

function table(code: string, cases: Case[]): void {
  describe(code, () => {
    for (const [name, front, items, count, config, today] of cases) {
      it(`${count === 0 ? 'not ' : ''}for ${name}`, () => {
        const f = found(pm(front, items), code, config ?? policy, today === undefined ? TODAY : today);
        assert.equal(f.length, count, JSON.stringify(f.map((x) => x.message)));
      });
    }
  });
}

const SEV1 = ['date: 2026-01-10', 'severity: SEV1'];
table('action-item-deadline', [
  ['an item due within the policy', SEV1, ['- [ ] Fix @ana, due: 2026-02-01'], 0],
  ['an item due on the deadline itself', SEV1, ['- [ ] Fix @ana, due: 2026-02-07'], 0],
  ['an item due a day after the deadline', SEV1, ['- [ ] Fix @ana, due: 2026-02-08'], 1],
  ['an item due later, written "Mar 30, 2026"', SEV1, ['- [ ] Fix @ana, due: Mar 30, 2026'], 1],
  ['a table row due later', SEV1, ['| Action | Owner | Due |', '| --- | --- | --- |', '| Fix | @ana | 2026-05-01 |'], 1],
  ['a done item due later', SEV1, ['- [x] Fix @ana, due: 2026-05-01'], 0],
  ['an item without a due date', SEV1, ['- [ ] Fix @ana'], 0],
  ['a severity the policy does not name', ['date: 2026-01-10', 'severity: SEV3'], ['- [ ] Fix @ana, due: 2026-12-01'], 0],
  ['a severity spelled "sev 1"', ['date: 2026-01-10', 'severity: sev 1'], ['- [ ] Fix @ana, due: 2026-12-01'], 1],
  // Matched as the front matter's near-miss hint matches ("did you mean SEV1?"): letters and digits only.
  ['a severity spelled "Sev.1"', ['date: 2026-01-10', 'severity: Sev.1'], ['- [ ] Fix @ana, due: 2026-12-01'], 1],
  ['a severity spelled "1"', ['date: 2026-01-10', 'severity: 1'], ['- [ ] Fix @ana, due: 2026-12-01'], 1],
  ['no incident date', ['severity: SEV1'], ['- [ ] Fix @ana, due: 2026-12-01'], 0],
  ['no policy', SEV1, ['- [ ] Fix @ana, due: 2026-12-01'], 0, normaliseConfig({})],
  ['the rule turned off', SEV1, ['- [ ] Fix @ana, due: 2026-12-01'], 0, normaliseConfig({ followUpPolicy: { SEV1: 28 }, rules: { 'action-item-deadline': 'off' } })],
]);

table('action-item-overdue', [
  ['an open item due yesterday', SEV1, ['- [ ] Fix @ana, due: 2026-02-28'], 1],
  ['an open item due today', SEV1, ['- [ ] Fix @ana, due: 2026-03-01'], 0],
  ['a done item past its date', SEV1, ['- [x] Fix @ana, due: 2026-02-01'], 0],
  ['a row marked Done past its date', SEV1, ['| Action | Due | Status |', '| --- | --- | --- |', '| Fix | 2026-02-01 | Done |'], 0],
  ['a row still open past its date', SEV1, ['| Action | Due | Status |', '| --- | --- | --- |', '| Fix | 2026-02-01 | In progress |'], 1],
  ['an item struck through', SEV1, ['- ~~Fix @ana, due: 2026-02-01~~'], 0],
  ['an open item without a due date once the policy deadline passed', SEV1, ['- [ ] Fix @ana'], 1],
  ['an open item without a due date and no policy', SEV1, ['- [ ] Fix @ana'], 0, normaliseConfig({})],
  ['an overdue item without today (the core never reads the clock)', SEV1, ['- [ ] Fix @ana, due: 2020-01-01'], 0, undefined, null],
  ['a placeholder item', SEV1, ['- TBD'], 0],
  // A due date without a year takes the incident's year, and the incident's day may come from a milestone: as the
  // catalogue (postmortem actions --overdue) reads it, with or without a policy.
  ['an item due "Jan 5", the incident started 2025-12-30 (a milestone), no policy', ['started: 2025-12-30 09:00 UTC'], ['- [ ] Fix @ana, due: Jan 5'], 1, normaliseConfig({}), '2026-02-01'],
]);

describe('action-item-overdue and -deadline: messages and levels', () => {
  it('says how late, at info level (a nudge in the editor)', () => {
    const [f] = found(pm(SEV1, ['- [ ] Fix @ana, due: 2026-02-01']), 'action-item-overdue');
    assert.equal(f!.severity, 'info');
    assert.equal(f!.message, 'This action item was due 2026-02-01 (28 days ago) and is still open: finish it and tick it off, or agree a new due date.');
    assert.deepEqual(f!.range, { start: { line: 11, character: 0 }, end: { line: 11, character: 31 } });
    const [g] = found(pm(SEV1, ['- [ ] Fix @ana']), 'action-item-overdue');
    assert.match(g!.message, /no due date, and the follow-up policy's deadline \(2026-02-07\) passed 22 days ago/);
  });

  it('names the deadline and the severity, at warning level', () => {
    const [f] = found(pm(SEV1, ['- [ ] Fix @ana, due: 2026-03-07']), 'action-item-deadline');
    assert.equal(f!.severity, 'warning');
    assert.match(f!.message, /due 2026-03-07, 28 days after the follow-up policy's deadline for SEV1 \(2026-02-07\)/);
  });

  it('a template gets neither', () => {
    const text = pm(SEV1, ['- [ ] Fix @ana, due: 2026-12-01']).replace('# Outage', '# Post-mortem template');
    assert.deepEqual([...found(text, 'action-item-deadline'), ...found(text, 'action-item-overdue')], []);
  });
});

describe('followUpPolicy in .postmortem.json', () => {
  it('reads days per severity, and reports bad values where they are', () => {
    const team = parseTeamConfig('{ "followUpPolicy": { "SEV1": 28, "SEV2": "8 weeks", "SEV3": 0, "SEV4": 56 } }');
    assert.deepEqual({ ...(team.input['followUpPolicy'] as object) }, { SEV1: 28, SEV4: 56 });
    assert.deepEqual(team.problems.map((p) => p.message), [
      'followUpPolicy.SEV2 must be a whole number of days from 1 to 3650, e.g. 28.',
      'followUpPolicy.SEV3 must be a whole number of days from 1 to 3650, e.g. 28.',
    ]);
    const config = normaliseConfig(team.input);
    assert.equal(policyDays(config, 'SEV1'), 28);
    assert.equal(policyDays(config, 'sev-4'), 56);
    assert.equal(policyDays(config, 'SEV2'), undefined);
    assert.deepEqual(parseTeamConfig('{ "followUpPolicy": [28] }').problems.map((p) => p.message), ['followUpPolicy must map severities to days from the incident date, e.g. { "SEV1": 28, "SEV2": 56 }.']);
  });

  it('normaliseConfig ignores what is malformed, and says so', () => {
    const problems: string[] = [];
    assert.deepEqual({ ...normaliseConfig({ followUpPolicy: { SEV1: 1.5, SEV2: 14, SEV3: 'x' } }, problems).followUpPolicy }, { SEV2: 14 });
    assert.equal(problems.length, 2);
    assert.deepEqual(normaliseConfig({ followUpPolicy: 'weekly' }).followUpPolicy, {});
  });
});
