// The visual timeline: the figure's HTML (band, milestones, ticks, clusters, axis breaks, escaping) and the
// markdown-it plugin that places it under the Timeline heading.
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { analyze, buildModel, ChunkCache, normaliseConfig, sectionsFor, timelineFigureData, timelineFigureFor, timelineFigureHtml, timelineFigureOf } from '../../src/core';
import { timelinePlugin } from '../../src/preview/timeline-plugin';
import { doc } from './helpers';

const TEXT = doc(
  '---',
  'type: postmortem',
  '---',
  '',
  '# Checkout latency',
  '',
  '## Timeline',
  '',
  'All times UTC.',
  '',
  '- **2026-11-25 13:58 UTC** — **Started:** Deploy 4812 <script>alert(1)</script>',
  '- **2026-11-25 14:10 UTC** — **Detected:** PagerDuty alert on checkout p99.',
  '- **2026-11-25 14:13 UTC** — Sam paged in as "incident commander".',
  '- **2026-11-25 14:45 UTC** — **Mitigated:** Rolled back deploy 4812.',
  '- **2026-11-25 16:03 UTC** — **Resolved:** Queue backlog drained.',
  '',
  '## Impact',
  '',
  'Some.',
);

function render(text: string): string {
  const md = new MarkdownIt({ html: false });
  timelinePlugin(md, {
    dataFor: (src) => {
      const a = analyze(src, { force: true });
      const t = sectionsFor(a.model, 'timeline')[0];
      return t ? { data: timelineFigureData(a.model), headingLine: t.heading.range.start.line } : undefined;
    },
  });
  return md.render(text);
}

describe('timeline figure', () => {
  it('draws the impact window, the milestones with labels, the entries as ticks, and the durations', () => {
    const html = timelineFigureHtml(timelineFigureData(buildModel(TEXT)));
    assert.equal((html.match(/class="pm-tl-band"/g) ?? []).length, 1);
    assert.match(html, /title="Impact window 2026-11-25 13:58 UTC → 2026-11-25 14:45 UTC \(47 min\)"/);
    for (const label of ['Started 13:58', 'Detected 14:10', 'Mitigated 14:45', 'Resolved 16:03']) assert.ok(html.includes(`<span class="pm-tl-label">${label}</span>`), label);
    assert.equal((html.match(/class="pm-tl-tick"/g) ?? []).length, 5);
    assert.match(html, /<figcaption>Detected after 12 min · Mitigated after 47 min · Resolved after 2 h 05 min · 5 entries, 2026-11-25 13:58 UTC – 2026-11-25 16:03 UTC<\/figcaption>/);
    assert.ok(!html.includes('<script'), 'document text is escaped');
    assert.ok(html.includes('Deploy 4812 &lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('&quot;incident commander&quot;'));
  });

  it('is empty without two distinct times', () => {
    assert.equal(timelineFigureHtml(timelineFigureData(buildModel(doc('## Timeline', '', '- 14:00 UTC — x')))), '');
  });

  it('clusters a 10,000-entry timeline into at most 80 marks and breaks the axis over a long gap', () => {
    const lines = ['---', 'type: postmortem', 'timezone: UTC', '---', '# X', '', '## Timeline', ''];
    let t = Date.UTC(2026, 10, 20);
    for (let i = 0; i < 10_000; i++) {
      t += 60_000;
      if (i === 5000) t += 30 * 86_400_000;
      lines.push(`- **${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC** — ${i === 0 ? '**Started:** ' : ''}event ${i}`);
    }
    const html = timelineFigureHtml(timelineFigureData(buildModel(lines.join('\n'))));
    const marks = (html.match(/class="pm-tl-(?:tick|cluster)"/g) ?? []).length;
    assert.ok(marks > 10 && marks <= 80, `${marks} marks`);
    assert.equal((html.match(/class="pm-tl-break"/g) ?? []).length, 1);
    assert.match(html, /title="30 d 0 h 01 min without entries"/);
    assert.match(html, /… and \d+ more/);
    assert.ok(html.length < 60_000, `${html.length} characters`);
  });

  it('the markdown-it plugin puts the figure right after the Timeline heading, and raw HTML stays escaped', () => {
    const html = render(TEXT);
    const heading = html.indexOf('<h2>Timeline</h2>');
    assert.ok(heading >= 0);
    assert.equal(html.indexOf('<figure class="pm-timeline"'), heading + '<h2>Timeline</h2>\n'.length);
    assert.ok(!/<script/i.test(html));
    assert.equal((html.match(/<figure/g) ?? []).length, 1);
  });

  it('adds nothing to a document without a timeline, or one whose entries have no times', () => {
    assert.ok(!render(doc('# X', '', '## Overview', '', 'text')).includes('pm-timeline'));
    assert.ok(!render(doc('# X', '', '## Timeline', '', '- something')).includes('pm-timeline'));
  });

  describe('the figure for a text no analysis has read (the preview of a file no editor has open)', () => {
    it('equals the figure drawn from the analysis, with the origin the config chooses', () => {
      for (const config of [normaliseConfig({}), normaliseConfig({ milestones: { origin: 'detected' } })]) {
        const a = analyze(TEXT, { config });
        const fromAnalysis = timelineFigureOf(a.model, config)!;
        const figure = timelineFigureFor(TEXT, { config })!;
        assert.equal(figure.headingLine, 6);
        assert.deepEqual(figure, fromAnalysis);
        assert.equal(figure.data.summary, timelineFigureData(a.model, a.metrics!.origin).summary);
      }
      assert.notEqual(timelineFigureFor(TEXT, { config: normaliseConfig({ milestones: { origin: 'detected' } }) })!.data.summary, timelineFigureFor(TEXT)!.data.summary);
    });

    it('is undefined for a file that is not a post-mortem, or one without a Timeline; the path counts as in the analysis', () => {
      const plain = doc('# Notes', '', '## Timeline', '', '- **2026-11-25 13:58 UTC** — one', '- **2026-11-25 14:58 UTC** — two');
      assert.equal(analyze(plain, { path: 'notes/readme.md' }).isPostmortem, false);
      assert.equal(timelineFigureFor(plain, { path: 'notes/readme.md' }), undefined);
      assert.ok(timelineFigureFor(plain, { path: 'postmortems/2026-11-25-checkout.md' }));
      assert.equal(timelineFigureFor(doc('---', 'type: postmortem', '---', '# X', '', '## Impact', '', 'Some.')), undefined);
    });

    it('with the chunk cache of the previous text, an edit gives the figure a fresh reading gives', () => {
      const cache = new ChunkCache();
      timelineFigureFor(TEXT, { cache });
      const edited = TEXT.replace('14:13 UTC** — Sam', '14:20 UTC** — Sam');
      assert.deepEqual(timelineFigureFor(edited, { cache }), timelineFigureFor(edited));
      assert.ok(cache.reusedLastRun > 0, 'the unchanged chunks were reused');
    });
  });
});
