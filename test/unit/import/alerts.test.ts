import * as assert from 'node:assert/strict';
import { analyze, buildModel } from '../../../src/core';
import { applyInserts } from '../../../src/core/authoring/edits';
import { importTimeline, timelineImportEdit } from '../../../src/core/import';
import { importFixture, rows, unreadable } from './helpers';

describe('import: PagerDuty', () => {
  it('reads API log entries: triggered, acknowledged, escalated, notes, resolved; notifications left out', () => {
    const r = importTimeline(importFixture('pagerduty.json'));
    assert.equal(r.source, 'pagerduty');
    assert.deepEqual(rows(r), [
      '2025-11-24T23:50:00.000Z | **Detected:** Triggered through the API: Checkout latency high',
      '2025-11-24T23:52:00.000Z | **Acknowledged:** Acknowledged by Sam Lee',
      '2025-11-24T23:55:00.000Z | Escalated to level 2',
      '2025-11-25T00:01:00.000Z | Alex Kim: Note added: Rolling back 412',
      '2025-11-25T00:30:00.000Z | **Resolved:** Resolved by Alex Kim',
    ]);
    assert.deepEqual(unreadable(r), ['7: no valid "created_at" time']);
    assert.deepEqual(r.ignored.map((i) => `${i.line}: ${i.reason}`), ['2: a notification to a responder']);
  });

  it('reads the incident list CSV: each lifecycle time is an entry; quoted commas stay in the text', () => {
    const r = importTimeline(importFixture('pagerduty.csv'), { fileName: 'incidents.csv' });
    assert.equal(r.source, 'pagerduty');
    assert.deepEqual(rows(r), [
      '2025-11-24T23:50:00.000Z | **Detected:** Triggered: Checkout latency, EU',
      '2025-11-24T23:52:00.000Z | **Acknowledged:** Sam Lee: Acknowledged: Checkout latency, EU',
      '2025-11-25T00:30:00.000Z | **Resolved:** Alex Kim: Resolved: Checkout latency, EU',
    ]);
    assert.deepEqual(unreadable(r), ['3: "not a date" in column "Created On" is not a date and time']);
  });

  it('reads a log CSV with a type column', () => {
    const csv = 'Timestamp,Type,Summary,Agent\n2025-11-24T23:50:00Z,trigger,Checkout latency,\n2025-11-24T23:51:00Z,notify,Notified Sam,\n2025-11-24T23:52:00Z,acknowledge,,Sam Lee\n';
    const r = importTimeline(csv, { from: 'pagerduty' });
    assert.deepEqual(rows(r), ['2025-11-24T23:50:00.000Z | **Detected:** Triggered: Checkout latency', '2025-11-24T23:52:00.000Z | **Acknowledged:** Sam Lee: Acknowledged']);
    assert.equal(r.ignored.length, 1);
  });

  it('gives one message for invalid JSON or CSV, with where it broke', () => {
    assert.throws(() => importTimeline('{"log_entries": [\n {"type": }]}', { from: 'pagerduty' }), /The PagerDuty JSON is not valid JSON: line 2, column 11 \(character 28\): value expected\./);
    assert.throws(() => importTimeline('Created On,Title\n2025-11-24T23:50:00Z,"open\n', { from: 'pagerduty' }), /The PagerDuty CSV is not valid: the quoted field that starts on line 2 is never closed\./);
    // Nested deeper than JSON.stringify and jsonc-parser's parseTree recurse (about 4,000 and 5,000 levels): an entry
    // with no summary is shown as a short preview, and broken JSON as an import error, never a stack overflow.
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = importTimeline(`{"log_entries":[{"type":"trigger_log_entry","created_at":"2025-11-24T23:50:00Z","x":${deep}}]}`, { from: 'pagerduty' });
    assert.ok(r.entries.length <= 1);
    assert.throws(() => importTimeline(`{"log_entries":[{"x":${'['.repeat(100_000)}`, { from: 'pagerduty' }), /The PagerDuty JSON is not valid JSON/);
    assert.throws(() => importTimeline('Created On,Title\n2025-11-24T23:50:00Z,a "b" c\n', { from: 'pagerduty' }), /line 2, column 24: a quote inside an unquoted field/);
  });
});

describe('import: Opsgenie', () => {
  it('reads the alert log CSV: epoch milliseconds and slashed dates; notifications left out', () => {
    const r = importTimeline(importFixture('opsgenie.csv'));
    assert.equal(r.source, 'opsgenie');
    assert.deepEqual(rows(r), [
      '2025-11-24T23:50:00.000Z | **Detected:** System: Alert created via API',
      '2025-11-25T00:02:00.000Z | **Acknowledged:** sam@example.com: Alert acknowledged via web',
      '2025-11-25T00:30:00.000Z | **Resolved:** alex@example.com: Alert closed via web',
    ]);
    assert.deepEqual(r.ignored.map((i) => `${i.line}: ${i.reason}`), ['3: a notification to a responder']);
  });
});

describe('import: alerting events as milestones', () => {
  const POSTMORTEM = '---\ntype: postmortem\ndate: 2025-11-24\n---\n# Checkout outage\n\nAll times UTC.\n\n## Timeline\n\n- **23:55** — Escalated to level 2\n\n## Impact\n\nSome.\n';

  it('labels the first trigger Detected, the first acknowledge Acknowledged and the last resolve Resolved; the text stays escaped', () => {
    const r = importTimeline(importFixture('pagerduty-reopened.csv'), { from: 'pagerduty' });
    assert.deepEqual(rows(r), [
      '2025-11-24T23:50:00.000Z | **Detected:** Triggered: Checkout latency high',
      '2025-11-24T23:52:00.000Z | **Acknowledged:** Sam Lee: Acknowledged',
      '2025-11-24T23:58:00.000Z | Sam Lee: Resolved too early',
      '2025-11-25T00:05:00.000Z | Triggered: Checkout latency high again',
      '2025-11-25T00:06:00.000Z | Alex Kim: Acknowledged',
      '2025-11-25T00:30:00.000Z | **Resolved:** Alex Kim: \\*\\*Resolved:\\*\\* \\<b\\>for real\\</b\\>',
    ]);
    assert.deepEqual(r.entries.map((e) => e.milestone ?? '-'), ['detected', 'acknowledged', '-', '-', '-', 'resolved']);
  });

  it('merged into a post-mortem, the labels are its milestones: analyze() reports their times and durations', () => {
    for (const [name, from] of [['pagerduty.json', 'pagerduty'], ['pagerduty.csv', 'pagerduty'], ['opsgenie.csv', 'opsgenie']] as const) {
      const r = importTimeline(importFixture(name), { from });
      const model = buildModel(POSTMORTEM);
      const text = applyInserts(model, timelineImportEdit(model, r.entries).inserts);
      const a = analyze(text, { force: true });
      const m = a.metrics?.milestones;
      assert.equal(m?.detected?.at, '2025-11-24T23:50:00.000Z', name);
      assert.equal(m?.acknowledged?.at, name === 'opsgenie.csv' ? '2025-11-25T00:02:00.000Z' : '2025-11-24T23:52:00.000Z', name);
      assert.equal(m?.resolved?.at, '2025-11-25T00:30:00.000Z', name);
      assert.equal(a.metrics?.durations.tta?.ms, (name === 'opsgenie.csv' ? 12 : 2) * 60_000, name);
      assert.deepEqual(a.findings.filter((f) => f.code === 'milestone-time' || f.code === 'milestone-order').map((f) => f.message), [], name);
    }
  });

  it('does not label a milestone the post-mortem already gives, in the front matter or on a timeline entry', () => {
    const doc = POSTMORTEM.replace('date: 2025-11-24\n', 'date: 2025-11-24\ndetected: 2025-11-24 23:49 UTC\n').replace('— Escalated', '— **Acknowledged:** Escalated');
    const model = buildModel(doc);
    const plan = timelineImportEdit(model, importTimeline(importFixture('pagerduty.json')).entries);
    const text = applyInserts(model, plan.inserts);
    assert.match(text, /- \*\*23:50\*\* — Triggered through the API/);
    assert.match(text, /- \*\*23:52\*\* — Acknowledged by Sam Lee/);
    assert.match(text, /- \*\*00:30\*\* — \*\*Resolved:\*\* Resolved by Alex Kim/);
    const a = analyze(text, { force: true });
    assert.equal(a.metrics?.milestones.detected?.at, '2025-11-24T23:49:00.000Z');
    assert.equal(a.metrics?.milestones.acknowledged?.at, '2025-11-24T23:55:00.000Z');
    assert.equal(a.metrics?.milestones.resolved?.at, '2025-11-25T00:30:00.000Z');
  });

  it('labels read as milestones in a table timeline too, and a second import adds nothing', () => {
    const doc = '---\ndate: 2025-11-24\n---\n# X\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 23:55 | Escalated to level 2 |\n';
    const entries = importTimeline(importFixture('pagerduty.csv')).entries;
    const model = buildModel(doc);
    const text = applyInserts(model, timelineImportEdit(model, entries).inserts);
    assert.match(text, /\| 23:50 \| \*\*Detected:\*\* Triggered: Checkout latency, EU \|/);
    const m = analyze(text, { force: true }).metrics?.milestones;
    assert.deepEqual([m?.detected?.at, m?.acknowledged?.at, m?.resolved?.at], ['2025-11-24T23:50:00.000Z', '2025-11-24T23:52:00.000Z', '2025-11-25T00:30:00.000Z']);
    const again = timelineImportEdit(buildModel(text), entries);
    assert.deepEqual([again.added.length, again.duplicates.length], [0, 3]);
  });
});
