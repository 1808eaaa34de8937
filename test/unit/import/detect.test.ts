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

  it('a Markdown timeline copied from another post-mortem is pasted as it is', () => {
    assert.equal(detectSource('| Time | Event |\n|---|---|\n| 10:00 | paged |\n| 10:05 | acked |\n| 10:10 | fixed |'), undefined);
    assert.equal(detectSource('- **10:00** — paged\n- **10:05** — acked\n- 10:10 fixed'), undefined);
    assert.equal(detectSource('**June 14th, 2022, 10:00 AM:** audit\n\n**June 14th, 2022, 11:00 AM:** found'), undefined);
  });

  it('prose, Markdown and one stray time are not confident sources', () => {
    assert.equal(detectSource('We rolled back the deploy.\nThen we waited.'), undefined);
    assert.equal(detectSource('# Heading\n\nSome *text*.'), undefined);
    assert.equal(detectSource('Meet at\n10:00 tomorrow, then\nlunch and\nmore prose\nhere')?.confident ?? false, false);
  });
});
