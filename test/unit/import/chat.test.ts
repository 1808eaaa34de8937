import * as assert from 'node:assert/strict';
import { importTimeline } from '../../../src/core/import';
import { importFixture, rows, unreadable } from './helpers';

describe('import: text copied from Slack', () => {
  it('reads name-and-time headers, continuation times, name-then-time headers and date separators', () => {
    const r = importTimeline(importFixture('slack-text.txt'), { today: '2025-11-25' });
    assert.equal(r.source, 'slack-text');
    assert.deepEqual(rows(r), [
      '2025-11-24T23:52:00.000Z | Sam Lee: Pager fired for checkout latency<br>\\# this is not a heading',
      '2025-11-24T23:58:00.000Z | Alex Kim: looking',
      '2025-11-25T00:03:00.000Z | Alex Kim: restarting the payments pods<br>\\| not \\| a row \\|',
      '2025-11-25T09:15:00.000Z | Sam Lee: \\<\\!-- not a comment --\\><br>\\`\\`\\`<br>not a fence<br>\\`\\`\\`',
      '2025-11-25T09:20:00.000Z | Priya Shah: --- post-mortem scheduled',
    ]);
    assert.deepEqual(unreadable(r), []);
    assert.deepEqual(r.ignored.map((i) => `${i.line}: ${i.text}`), ['10: New messages']);
  });

  it('resolves Today, Yesterday and weekday separators from the day the text was copied, month-days in the reference year', () => {
    const text = 'Tuesday, November 18th\nSam Lee  10:42 AM\nfirst\nMonday\nSam Lee  8:00 AM\nsecond\n';
    const r = importTimeline(text, { today: '2025-11-25', date: '2025-11-20', zone: 'America/New_York' });
    assert.deepEqual(rows(r), ['2025-11-18T15:42:00.000Z | Sam Lee: first', '2025-11-24T13:00:00.000Z | Sam Lee: second']);
  });

  it('reads a continuation time without AM/PM on the 12-hour clock of the headers, across noon and midnight', () => {
    const text = 'Sam Lee  11:58 AM\nfirst\n12:03\nsecond\n1:15\nthird\nAlex Kim  11:59 PM\nlate\n12:01\nafter midnight\n';
    const r = importTimeline(text, { date: '2025-11-25', from: 'slack-text' });
    assert.deepEqual(rows(r), [
      '2025-11-25T11:58:00.000Z | Sam Lee: first',
      '2025-11-25T12:03:00.000Z | Sam Lee: second',
      '2025-11-25T13:15:00.000Z | Sam Lee: third',
      '2025-11-25T23:59:00.000Z | Alex Kim: late',
      '2025-11-26T00:01:00.000Z | Alex Kim: after midnight',
    ]);
  });

  it('reads names with pronouns and app badges, and times with a narrow no-break space before PM', () => {
    const r = importTimeline('Sam Lee (he/him)  10:42\u202fPM\nfirst\nPagerDuty APP  10:43 PM\nTriggered #412\n', { date: '2025-11-25', from: 'slack-text' });
    assert.deepEqual(rows(r), ['2025-11-25T22:42:00.000Z | Sam Lee (he/him): first', '2025-11-25T22:43:00.000Z | PagerDuty: Triggered \\#412']);
  });

  it('lists text above the first header and empty headers as unreadable', () => {
    const r = importTimeline('stray words, here.\nSam Lee  10:42 AM\nAlex Kim  10:43 AM\nok\n', { date: '2025-11-25', from: 'slack-text' });
    assert.deepEqual(rows(r), ['2025-11-25T10:43:00.000Z | Alex Kim: ok']);
    assert.deepEqual(unreadable(r), ['1: no message header above this line', '2: a message header with no message under it']);
  });
});

describe('import: text copied from Teams', () => {
  it('reads the name and a dated time on lines of their own', () => {
    const text = 'Sam Lee\n11/24/2025 11:50 PM\nChecking the dashboards\nAlex Kim\nYesterday 11:55 PM\nOn it\nPriya Shah\n9:00 AM\nClosing\n';
    const r = importTimeline(text, { today: '2025-11-25' });
    assert.equal(r.source, 'teams-text');
    assert.deepEqual(rows(r), ['2025-11-24T23:50:00.000Z | Sam Lee: Checking the dashboards', '2025-11-24T23:55:00.000Z | Alex Kim: On it', '2025-11-25T09:00:00.000Z | Priya Shah: Closing']);
    assert.deepEqual(unreadable(r), []);
  });

  it('reads [time] Name headers with Yesterday and dates inside, skipping interface text', () => {
    const r = importTimeline(importFixture('teams-text.txt'), { today: '2025-11-25', date: '2020-01-01' });
    assert.equal(r.source, 'teams-text');
    assert.deepEqual(rows(r), [
      '2025-11-24T23:50:00.000Z | Sam Lee: Checkout errors are up, declaring an incident',
      '2025-11-24T23:55:00.000Z | Alex Kim: On it',
      '2025-11-25T00:10:00.000Z | Alex Kim: Rolled back build 412',
      '2025-11-25T09:00:00.000Z | Priya Shah: Closing the incident',
    ]);
    assert.deepEqual(r.ignored.map((i) => `${i.line}: ${i.reason}`), ['5: Teams interface text, not a message']);
    assert.deepEqual(unreadable(r), []);
  });
});
