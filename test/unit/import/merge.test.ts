import * as assert from 'node:assert/strict';
import { buildModel, parseTimeFormat } from '../../../src/core';
import { applyInserts } from '../../../src/core/authoring/edits';
import { importTimeline, timelineImportEdit, type ImportedEntry } from '../../../src/core/import';

const at = (iso: string, text: string, author?: string): ImportedEntry => ({ epochMs: Date.parse(iso), text, line: 1, ...(author ? { author } : {}) });

function merge(doc: string, entries: ImportedEntry[], options = {}) {
  const model = buildModel(doc);
  const plan = timelineImportEdit(model, entries, options);
  return { text: applyInserts(model, plan.inserts), plan };
}

describe('import: merging into the Timeline', () => {
  it('interleaves chronologically in the list style and stamp format of the document, skipping duplicates', () => {
    const doc = '# X\n\n## Timeline\n\n* 2025-11-24 10:00 UTC: start\n* 2025-11-24 10:30 UTC: Sam Lee: rolled back\n\n## Impact\n\ntext\n';
    const { text, plan } = merge(doc, [at('2025-11-24T10:30:40Z', 'rolled back', 'Sam Lee'), at('2025-11-24T10:15:00Z', 'paged'), at('2025-11-24T09:50:00Z', 'deploy'), at('2025-11-24T11:00:00Z', 'done')]);
    assert.equal(text, '# X\n\n## Timeline\n\n* 2025-11-24 09:50 UTC: deploy\n* 2025-11-24 10:00 UTC: start\n* 2025-11-24 10:15 UTC: paged\n* 2025-11-24 10:30 UTC: Sam Lee: rolled back\n* 2025-11-24 11:00 UTC: done\n\n## Impact\n\ntext\n');
    assert.equal(plan.added.length, 3);
    assert.equal(plan.duplicates.length, 1);
  });

  it('writes in the zone the stamps use, and in table rows with the column count', () => {
    const doc = '## Timeline\n\n| Time | Event | Owner |\n|---|---|---|\n| 2025-11-24T10:00:00+01:00 | start | sam |\n';
    const { text } = merge(doc, [at('2025-11-24T09:30:00Z', 'a | b')]);
    assert.equal(text, '## Timeline\n\n| Time | Event | Owner |\n|---|---|---|\n| 2025-11-24T10:00:00+01:00 | start | sam |\n| 2025-11-24T10:30:00+01:00 | a \\| b |  |\n');
  });

  it('places entries among time-only stamps by clock time, rolling past midnight', () => {
    const doc = '## Timeline\n\n- **23:50** — paged\n- **00:20** — fixed\n';
    const { text } = merge(doc, [at('2025-11-24T23:55:00Z', 'acked'), at('2025-11-25T00:05:00Z', 'rolled back')]);
    assert.equal(text, '## Timeline\n\n- **23:50** — paged\n- **23:55** — acked\n- **00:05** — rolled back\n- **00:20** — fixed\n');
  });

  it('fills an empty Timeline (or adds one) in the configured format and zone', () => {
    const entries = [at('2025-11-24T10:00:00Z', 'b'), at('2025-11-24T09:00:00Z', 'a')];
    const options = { format: parseTimeFormat('HH:mm z').value, timeZone: 'Europe/Berlin' };
    assert.equal(merge('# X\n\n## Timeline\n\n<!-- what happened, when -->\n', entries, options).text, '# X\n\n## Timeline\n\n<!-- what happened, when -->\n\n- **10:00 +01:00** — a\n- **11:00 +01:00** — b\n');
    const created = merge('# X\n\n## Overview\n\ntext\n', entries).text;
    assert.match(created, /## Timeline\n\n- \*\*2025-11-24 09:00 UTC\*\* — a\n- \*\*2025-11-24 10:00 UTC\*\* — b\n/);
  });

  it('merges 10,000 pasted lines in one plan', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `2025-11-24T${String(Math.floor(i / 600) % 24).padStart(2, '0')}:${String(Math.floor(i / 10) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z event ${i}`);
    const r = importTimeline(lines.join('\n'));
    assert.equal(r.entries.length, 10_000);
    const { plan, text } = merge('## Timeline\n\n- 2025-11-24 08:00 UTC start\n', r.entries);
    assert.equal(plan.added.length, 10_000);
    assert.equal(plan.inserts.length, 2);
    assert.equal(buildModel(text).timeline.length, 10_001);
  });
});
