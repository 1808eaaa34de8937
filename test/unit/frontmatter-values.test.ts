// Front-matter value completions and the near-miss severity fix.
import * as assert from 'node:assert/strict';
import { buildModel, DEFAULT_SEVERITIES, frontMatterValueContext, frontMatterValueSuggestions, nearestSeverity } from '../../src/core';
import { doc } from './helpers';

const TEXT = doc('---', 'title: T', 'status: ', 'severity: SE', 'date: ', 'incident:', '  started: ', 'tags: x', '---', '', 'status: not front matter');

describe('front-matter values', () => {
  const model = buildModel(TEXT);
  const table: Array<[string, number, number, { key: string; start: number; typed: string } | undefined]> = [
    ['after "status: "', 2, 8, { key: 'status', start: 8, typed: '' }],
    ['after "severity: SE"', 3, 12, { key: 'severity', start: 10, typed: 'SE' }],
    ['a nested key', 6, 11, { key: 'incident.started', start: 11, typed: '' }],
    ['on the key itself', 2, 3, undefined],
    ['on the fence', 0, 3, undefined],
    ['below the front matter', 10, 8, undefined],
  ];
  for (const [name, line, character, expected] of table) {
    it(`the value context ${name}`, () => assert.deepEqual(frontMatterValueContext(model, line, character), expected));
  }

  it('suggests the schema statuses, the configured severities, today and incident times', () => {
    const options = { severities: DEFAULT_SEVERITIES, today: '2026-11-20', now: '14:03', date: '2026-11-19' };
    assert.deepEqual(frontMatterValueSuggestions('status', options).map((s) => s.value), ['draft', 'in-review', 'final']);
    assert.deepEqual(frontMatterValueSuggestions('severity', options).map((s) => s.value), ['SEV1', 'SEV2', 'SEV3', 'SEV4']);
    assert.match(frontMatterValueSuggestions('severity', options)[1]!.detail, /^Major/);
    assert.deepEqual(frontMatterValueSuggestions('date', options).map((s) => s.value), ['2026-11-20']);
    assert.deepEqual(frontMatterValueSuggestions('incident.started', options).map((s) => s.value), ['2026-11-19T14:03:00Z']);
    assert.deepEqual(frontMatterValueSuggestions('incident.acknowledged', options).map((s) => s.value), ['2026-11-19T14:03:00Z']);
    assert.deepEqual(frontMatterValueSuggestions('detected', options).map((s) => [s.value, s.detail]), [['2026-11-19 14:03 UTC', 'When the incident was detected (UTC)']]);
    assert.deepEqual(frontMatterValueSuggestions('started', options).map((s) => s.detail), ['When the incident started (UTC)']);
    assert.deepEqual(frontMatterValueSuggestions('tags', options), []);
  });

  const near: Array<[string, string | undefined]> = [['SEV-2', 'SEV2'], ['sev2', 'SEV2'], ['Sev 3', 'SEV3'], ['SEV2', undefined], ['SEV9', undefined], ['', undefined], ['P1', undefined]];
  for (const [value, expected] of near) {
    it(`a severity "${value}" is nearly ${expected ?? 'nothing'}`, () => assert.equal(nearestSeverity(value, DEFAULT_SEVERITIES), expected));
  }
});
