import * as assert from 'node:assert/strict';
import { detectSource } from '../../../src/core/import';
import { importFixture } from './helpers';

describe('import: auto-detection', () => {
  const cases: Array<[string, string]> = [
    ['slack-text.txt', 'slack-text'],
    ['teams-text.txt', 'teams-text'],
    ['lines.log', 'lines'],
    ['history.sh', 'lines'],
    ['git.log', 'git'],
    ['pagerduty.json', 'pagerduty'],
    ['pagerduty.csv', 'pagerduty'],
    ['opsgenie.csv', 'opsgenie'],
    ['slack-export/incident-412/2025-11-24.json', 'slack-export'],
  ];
  for (const [file, source] of cases) {
    it(`${file} is ${source}, confidently`, () => {
      const d = detectSource(importFixture(file), file);
      assert.equal(d?.source, source);
      assert.equal(d?.confident, true);
    });
  }

  it('prose, Markdown and one stray time are not confident sources', () => {
    assert.equal(detectSource('We rolled back the deploy.\nThen we waited.'), undefined);
    assert.equal(detectSource('# Heading\n\nSome *text*.'), undefined);
    assert.equal(detectSource('Meet at\n10:00 tomorrow, then\nlunch and\nmore prose\nhere')?.confident ?? false, false);
  });
});
