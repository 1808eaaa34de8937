import * as assert from 'node:assert/strict';
import { importTimeline } from '../../../src/core/import';
import { importFixture, rows, unreadable } from './helpers';

describe('import: timestamped lines', () => {
  it('reads ISO, date-time with milliseconds, syslog, [HH:mm], HH:mm:ss and 2:03 PM lines, rolling over at midnight', () => {
    const r = importTimeline(importFixture('lines.log'), { date: '2025-11-24' });
    assert.equal(r.source, 'lines');
    assert.match(r.detection, /^auto-detected timestamped lines/);
    assert.deepEqual(rows(r), [
      '2025-11-24T23:58:01.000Z | deploy 412 started',
      '2025-11-24T23:59:30.120Z | ERROR checkout 500s rising<br>at PaymentsClient.charge (client.ts:42)',
      '2025-11-25T00:01:07.000Z | web-3 nginx\\[812\\]: upstream timed out',
      '2025-11-25T00:03:00.000Z | paged the payments on-call',
      '2025-11-25T00:05:44.000Z | rollback started',
      '2025-11-25T00:07:00.000Z | rollback finished<br>orphan text without a time',
    ]);
    assert.deepEqual(unreadable(r), []);
  });

  it('dateless times take the reference date in the given zone and roll over at midnight', () => {
    const r = importTimeline('23:50 paged\n23:59:30 acked\n00:10 fixed\n', { date: '2025-03-01', zone: 'Europe/Berlin', from: 'lines' });
    assert.deepEqual(rows(r), ['2025-03-01T22:50:00.000Z | paged', '2025-03-01T22:59:30.000Z | acked', '2025-03-01T23:10:00.000Z | fixed']);
    assert.equal(r.detection, 'read as timestamped lines (chosen)');
  });

  it('converts times written in another zone and reports an ambiguous abbreviation', () => {
    const r = importTimeline('10:00 PST deploy\n2025-11-24 10:30 +02:00 alert\n11:00 CST call\n', { date: '2025-11-24', from: 'lines' });
    assert.deepEqual(rows(r), ['2025-11-24T08:30:00.000Z | alert', '2025-11-24T17:00:00.000Z | call', '2025-11-24T18:00:00.000Z | deploy']);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0]!, /Line 3: the zone "CST" is ambiguous: US Central \(-06:00\) or China \(\+08:00\)/);
  });

  it('lists a line before any time and a time with no text as unreadable, and uses date separators', () => {
    const r = importTimeline('preamble\n[14:03]\n2025-01-02\n14:05 up\n', { date: '2025-11-24', from: 'lines' });
    assert.deepEqual(rows(r), ['2025-01-02T14:05:00.000Z | up']);
    assert.deepEqual(unreadable(r), ['1: no time at the start of the line, and no entry above it to continue', '2: a time with no text after it']);
  });

  it('reads shell history: each #<epoch> stamps the commands under it as code', () => {
    const r = importTimeline(importFixture('history.sh'));
    assert.match(r.detection, /shell history/);
    assert.deepEqual(rows(r), ['2025-11-25T00:00:00.000Z | `kubectl rollout undo deploy/payments`', '2025-11-25T00:01:00.000Z | ``echo `date` \\| tee -a notes``']);
    assert.deepEqual(unreadable(r), ['1: no time at the start of the line, and no entry above it to continue']);
  });

  it('rejects a bad zone or date option with one message', () => {
    assert.throws(() => importTimeline('10:00 x', { zone: 'Mars/Olympus' }), /"Mars\/Olympus" is not a time zone/);
    assert.throws(() => importTimeline('10:00 x', { date: '2025-02-30' }), /"2025-02-30" is not a date: use YYYY-MM-DD/);
    assert.throws(() => importTimeline('just prose here\nand more'), /Could not tell what this is/);
  });
});
