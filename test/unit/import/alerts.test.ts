import * as assert from 'node:assert/strict';
import { importTimeline } from '../../../src/core/import';
import { importFixture, rows, unreadable } from './helpers';

describe('import: PagerDuty', () => {
  it('reads API log entries: triggered, acknowledged, escalated, notes, resolved; notifications left out', () => {
    const r = importTimeline(importFixture('pagerduty.json'));
    assert.equal(r.source, 'pagerduty');
    assert.deepEqual(rows(r), [
      '2025-11-24T23:50:00.000Z | Triggered through the API: Checkout latency high',
      '2025-11-24T23:52:00.000Z | Acknowledged by Sam Lee',
      '2025-11-24T23:55:00.000Z | Escalated to level 2',
      '2025-11-25T00:01:00.000Z | Alex Kim: Note added: Rolling back 412',
      '2025-11-25T00:30:00.000Z | Resolved by Alex Kim',
    ]);
    assert.deepEqual(unreadable(r), ['7: no valid "created_at" time']);
    assert.deepEqual(r.ignored.map((i) => `${i.line}: ${i.reason}`), ['2: a notification to a responder']);
  });

  it('reads the incident list CSV: each lifecycle time is an entry; quoted commas stay in the text', () => {
    const r = importTimeline(importFixture('pagerduty.csv'), { fileName: 'incidents.csv' });
    assert.equal(r.source, 'pagerduty');
    assert.deepEqual(rows(r), [
      '2025-11-24T23:50:00.000Z | Triggered: Checkout latency, EU',
      '2025-11-24T23:52:00.000Z | Sam Lee: Acknowledged: Checkout latency, EU',
      '2025-11-25T00:30:00.000Z | Alex Kim: Resolved: Checkout latency, EU',
    ]);
    assert.deepEqual(unreadable(r), ['3: "not a date" in column "Created On" is not a date and time']);
  });

  it('reads a log CSV with a type column', () => {
    const csv = 'Timestamp,Type,Summary,Agent\n2025-11-24T23:50:00Z,trigger,Checkout latency,\n2025-11-24T23:51:00Z,notify,Notified Sam,\n2025-11-24T23:52:00Z,acknowledge,,Sam Lee\n';
    const r = importTimeline(csv, { from: 'pagerduty' });
    assert.deepEqual(rows(r), ['2025-11-24T23:50:00.000Z | Triggered: Checkout latency', '2025-11-24T23:52:00.000Z | Sam Lee: Acknowledged']);
    assert.equal(r.ignored.length, 1);
  });

  it('gives one message for invalid JSON or CSV, with where it broke', () => {
    assert.throws(() => importTimeline('{"log_entries": [\n {"type": }]}', { from: 'pagerduty' }), /The PagerDuty JSON is not valid JSON: line 2, column 11 \(character 28\): value expected\./);
    assert.throws(() => importTimeline('Created On,Title\n2025-11-24T23:50:00Z,"open\n', { from: 'pagerduty' }), /The PagerDuty CSV is not valid: the quoted field that starts on line 2 is never closed\./);
    assert.throws(() => importTimeline('Created On,Title\n2025-11-24T23:50:00Z,a "b" c\n', { from: 'pagerduty' }), /line 2, column 24: a quote inside an unquoted field/);
  });
});

describe('import: Opsgenie', () => {
  it('reads the alert log CSV: epoch milliseconds and slashed dates; notifications left out', () => {
    const r = importTimeline(importFixture('opsgenie.csv'));
    assert.equal(r.source, 'opsgenie');
    assert.deepEqual(rows(r), [
      '2025-11-24T23:50:00.000Z | System: Alert created via API',
      '2025-11-25T00:02:00.000Z | sam@example.com: Alert acknowledged via web',
      '2025-11-25T00:30:00.000Z | alex@example.com: Alert closed via web',
    ]);
    assert.deepEqual(r.ignored.map((i) => `${i.line}: ${i.reason}`), ['3: a notification to a responder']);
  });
});
