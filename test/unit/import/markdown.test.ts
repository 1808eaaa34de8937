import * as assert from 'node:assert/strict';
import { buildModel } from '../../../src/core';
import { escapeInline, importTimeline, timelineImportEdit } from '../../../src/core/import';
import { applyInserts } from '../../../src/core/authoring/edits';

/** Hostile chat lines: each would be structure if pasted raw at the start of a line. */
const HOSTILE = ['# Heading', '## also', '---', '===', '| a | b |', '<!-- hide the rest', '```', '~~~', '> quote', '- item', '1. item', '[x]: https://evil.example', '<script>alert(1)</script>', '    indented code'];

describe('import: chat text is data, not Markdown structure', () => {
  it('escapes every character that could open structure, on one line', () => {
    assert.equal(escapeInline('# Heading'), '\\# Heading');
    assert.equal(escapeInline('| a | b |'), '\\| a \\| b \\|');
    assert.equal(escapeInline('<!-- hide'), '\\<\\!-- hide');
    assert.equal(escapeInline('```js'), '\\`\\`\\`js');
    assert.equal(escapeInline('line one\n\n---\nline two'), 'line one<br>---<br>line two');
    assert.equal(escapeInline('tab\there\u0007bell &amp; x'), 'tab here bell &amp;amp; x');
  });

  for (const style of ['list', 'table'] as const) {
    it(`hostile messages merged into a ${style} timeline add entries and nothing else`, () => {
      const transcript = HOSTILE.map((h, i) => `Sam Lee  10:${String(i + 10).padStart(2, '0')} AM\n${h}`).join('\n');
      const r = importTimeline(transcript, { date: '2025-11-24', from: 'slack-text' });
      assert.equal(r.entries.length, HOSTILE.length);
      const doc =
        style === 'list'
          ? '# Outage\n\n## Timeline\n\n- **2025-11-24 09:00 UTC** — start\n\n## Action Items\n\n- none\n'
          : '# Outage\n\n## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n| 2025-11-24 09:00 | start |\n\n## Action Items\n\n- none\n';
      const model = buildModel(doc);
      const after = buildModel(applyInserts(model, timelineImportEdit(model, r.entries).inserts));
      // The same headings, no comment or code opened: only timeline entries were added.
      assert.deepEqual(after.headings.map((h) => h.text), model.headings.map((h) => h.text));
      assert.equal(after.codeLines.size, 0);
      assert.equal(after.timeline.length, 1 + HOSTILE.length);
      assert.ok(!after.lines.some((l) => l.startsWith('<!--') || l.startsWith('```') || l.startsWith('#  ')));
      if (style === 'table') assert.ok(after.timeline.every((e) => e.kind === 'row' && e.lines[0]!.split(/(?<!\\)\|/).length === 4));
    });
  }
});
