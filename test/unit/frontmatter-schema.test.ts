// frontmatter: schema violations in YAML front matter, one finding each, on the exact node.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, isIsoDateTime, normaliseConfig, type Finding } from '../../src/core';
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
    ['incident times, nested', fm(...OK, 'incident:', '  started: yesterday', '  resolved: 2026-11-01T25:00Z'), [
      ['incident.started must be an ISO 8601 date and time, e.g. 2026-11-01T14:03:00Z', 4, 11, 20],
      ['incident.resolved must be an ISO 8601 date and time, e.g. 2026-11-01T14:03:00Z', 5, 12, 29],
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
