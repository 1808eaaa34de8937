// frontmatter: schema violations in YAML front matter, one finding each, on the exact node.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, isIsoDateTime, MILESTONE_IDS, normaliseConfig, readMilestoneValue, type Finding } from '../../src/core';
import { doc, ROOT } from './helpers';

const found = (text: string, config = normaliseConfig({})): Finding[] =>
  analyze(text, { force: true, config }).findings.filter((f) => f.code === 'frontmatter');
/** [message, line, startChar, endChar] per finding. */
const brief = (fs: Finding[]) => fs.map((f) => [f.message, f.range.start.line, f.range.start.character, f.range.end.character]);
const fm = (...lines: string[]) => doc('---', ...lines, '---', '', '# T');
const OK = ['title: T', 'date: 2026-11-01'];

describe('frontmatter: schema findings', () => {
  const table: Array<[string, string, Array<[string, number, number, number]>]> = [
    ['valid, with every key', fm(...OK, 'severity: SEV1', 'status: in-review', 'authors: [Ann, Bo]', 'type: postmortem', 'incident:', '  started: 2026-11-01T14:03:00Z', '  detected: 2026-11-01T14:10Z', '  mitigated: "2026-11-01T15:00:00+01:00"', '  resolved: 2026-11-01 16:00:00', 'custom: anything'), []],
    ['title and date missing: on the first line', fm('type: postmortem'), [['title is required', 0, 0, 3], ['date is required', 0, 0, 3]]],
    ['empty front matter', doc('---', '---', '# T'), [['title is required', 0, 0, 3], ['date is required', 0, 0, 3]]],
    ['unknown severity, on its value', fm(...OK, 'severity: SEV-2'), [['severity must be one of SEV1, SEV2, SEV3, SEV4', 3, 10, 15]]],
    ['unknown status', fm(...OK, 'status: finished'), [['status must be one of draft, in-review, final', 3, 8, 16]]],
    ['a status the completeness rules understand: any case or spelling', fm(...OK, 'status: Final'), []],
    ['a date that is not a day', fm('title: T', 'date: 2026-02-30'), [['date must be a date in the form YYYY-MM-DD, e.g. 2026-11-01', 2, 6, 16]]],
    ['a title that is a number', fm('title: 42', 'date: 2026-11-01'), [['title must be text', 1, 7, 9]]],
    ['an empty title: on the key', fm('title:', 'date: 2026-11-01'), [['title must be text', 1, 0, 5]]],
    ['authors as a string', fm(...OK, 'authors: Ann'), [['authors must be a list of names, e.g. [Jane Doe]', 3, 9, 12]]],
    ['a non-string author, on the item', fm(...OK, 'authors:', '  - Ann', '  - 7'), [['authors[1] must be text', 5, 4, 5]]],
    ['milestones in the forms the milestone parser reads: ISO 8601, or YYYY-MM-DD HH:mm with a zone', fm(...OK, 'started: 2026-11-25 13:58 UTC', 'detected: 2026-11-25T14:03:00Z', 'acknowledged: 2026-11-25 15:05 +01:00', 'mitigated: 2026-10-25 02:30 Europe/Berlin', 'resolved: 2026-11-25 16:03', 'timezone: UTC'), []],
    ['the same under incident:, acknowledged included', fm(...OK, 'incident:', '  started: 2026-11-25 13:58 UTC', '  acknowledged: 2026-11-25 14:05 UTC', '  resolved: "2026-11-25T16:03:00+01:00"'), []],
    ['milestone times the milestone parser reads are left to milestone-time', fm(...OK, 'detected: yesterday', 'incident:', '  started: yesterday', '  resolved: 2026-11-01T25:00Z'), []],
    ['a time under incident: that a top-level key overrides is still checked', fm(...OK, 'started: 2026-11-25 13:58 UTC', 'incident:', '  started: yesterday'), [
      ['incident.started must be a date and time with a zone, e.g. 2026-11-25 14:03 UTC or 2026-11-25T14:03:00Z', 5, 11, 20],
    ]],
    ['incident as a string', fm(...OK, 'incident: today'), [['incident must be a mapping of keys to values', 3, 10, 15]]],
    ['front matter after a BOM and with CRLF', '\uFEFF---\r\ntitle: T\r\ndate: 2026-11-01\r\nstatus: x\r\n---\r\n# T\r\n', [['status must be one of draft, in-review, final', 3, 8, 9]]],
  ];
  for (const [name, text, expected] of table) {
    it(name, () => assert.deepEqual(brief(found(text)), expected));
  }

  it('is a warning by default, with the path and keyword in data, and follows postmortem.rules', () => {
    const [f] = found(fm(...OK, 'severity: P1'));
    assert.equal(f!.severity, 'warning');
    assert.deepEqual(f!.data, { path: 'severity', keyword: 'enum' });
    assert.equal(found(fm(...OK, 'severity: P1'), normaliseConfig({ rules: { frontmatter: 'error' } }))[0]!.severity, 'error');
    assert.deepEqual(found(fm(...OK, 'severity: P1'), normaliseConfig({ rules: { frontmatter: 'off' } })), []);
  });

  it('the severities come from config', () => {
    const config = normaliseConfig({ severities: ['P1', { id: 'P2', description: 'Major' }] });
    assert.deepEqual(brief(found(fm(...OK, 'severity: P2'), config)), []);
    assert.deepEqual(brief(found(fm(...OK, 'severity: SEV1'), config)), [['severity must be one of P1, P2', 3, 10, 14]]);
  });

  const none: Array<[string, string]> = [
    ['no front matter', doc('# T', '## Overview')],
    ['TOML front matter', doc('+++', 'title = 1', '+++', '# T')],
    ['broken YAML (frontmatter-syntax reports it)', doc('---', 'title: "T', '---', '# T')],
    ['front matter that is a list', doc('---', '- a', '---', '# T')],
  ];
  for (const [name, text] of none) it(`no frontmatter findings: ${name}`, () => assert.deepEqual(found(text), []));

  it('the schema file is draft-07 with title and date required and the default severities', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'postmortem.frontmatter.schema.json'), 'utf8'));
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(schema.required, ['title', 'date']);
    assert.deepEqual(schema.properties.severity.enum, ['SEV1', 'SEV2', 'SEV3', 'SEV4']);
    assert.deepEqual(schema.properties.status.enum, ['draft', 'in-review', 'final']);
  });

  it('milestone times: the schema pattern accepts each documented form the milestone parser reads, and not what it refuses', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'postmortem.frontmatter.schema.json'), 'utf8'));
    const pattern = new RegExp(schema.definitions.milestoneTime.pattern, 'u');
    for (const id of MILESTONE_IDS) {
      assert.equal(schema.properties[id].$ref, '#/definitions/milestoneTime', id);
      assert.equal(schema.properties.incident.properties[id].$ref, '#/definitions/milestoneTime', `incident.${id}`);
    }
    const utc = { offsetMinutes: 0, name: 'UTC' } as const;
    const table: Array<[string, boolean]> = [
      ['2026-11-25 14:03 UTC', true],
      ['2026-11-25T14:03:00Z', true],
      ['2026-11-25T14:03Z', true],
      ['2026-11-25T14:03:00.250+01:00', true],
      ['2026-11-25 15:03 +01:00', true],
      ['2026-11-25 15:03 +0100', true],
      ['2026-11-25 06:03 PST', true],
      ['2026-10-25 02:30 Europe/Berlin', true],
      ['2026-10-25 02:30 (America/New_York)', true],
      ['2026-11-25 14:03', true], // the zone the document states applies
      ['yesterday', false],
      ['2026-11-25', false],
      ['14:03 UTC', false],
      ['2026-11-25 14:03 after lunch', false],
    ];
    for (const [value, ok] of table) {
      assert.equal(pattern.test(value), ok, `pattern on ${value}`);
      assert.equal(readMilestoneValue(value, utc).problem === undefined, ok, `parser on ${value}`);
    }
  });

  it('a front-matter milestone the schema accepts is a milestone, with no frontmatter finding (top level and under incident:)', () => {
    for (const lines of [['detected: 2026-11-25 14:03 UTC'], ['incident:', '  detected: 2026-11-25 14:03 UTC']]) {
      const a = analyze(fm(...OK, ...lines), { force: true });
      assert.deepEqual(a.findings.filter((f) => f.code === 'frontmatter' || f.code === 'milestone-time'), []);
      assert.equal(a.metrics?.milestones.detected?.at, '2026-11-25T14:03:00.000Z');
    }
    const bad = analyze(fm(...OK, 'detected: yesterday'), { force: true }).findings;
    assert.deepEqual(bad.filter((f) => f.code === 'frontmatter'), []);
    assert.equal(bad.filter((f) => f.code === 'milestone-time').length, 1, 'one finding, from milestone-time');
  });

  const times: Array<[string, boolean]> = [
    ['2026-11-01T14:03:00Z', true],
    ['2026-11-01T14:03Z', true],
    ['2026-11-01T14:03:00.250+01:00', true],
    ['2026-11-01 14:03', true],
    ['2026-11-01', false],
    ['2026-11-01T24:00Z', false],
    ['2026-02-30T10:00Z', false],
    ['14:03', false],
  ];
  for (const [value, ok] of times) it(`${value} ${ok ? 'is' : 'is not'} an ISO 8601 date-time`, () => assert.equal(isIsoDateTime(value), ok));
});
