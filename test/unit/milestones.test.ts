// Milestones, durations, stated durations in prose, and the four rules built on them.
import * as assert from 'node:assert/strict';
import {
  analyze,
  buildModel,
  computeMetrics,
  durationSummary,
  formatDuration,
  milestoneMarker,
  milestoneLabelEdit,
  labelledNote,
  cycleNoteMilestone,
  parseMilestones,
  parseStamp,
  parseTeamConfig,
  effectiveConfig,
  statedDurations,
  wallToEpoch,
  DEFAULT_CONFIG,
  type PostmortemConfig,
} from '../../src/core';
import { mismatchMs } from '../../src/core/rules/duration-mismatch';
import { lint } from '../../src/cli/lint';
import { doc } from './helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;

function pm(frontMatter: string[], timeline: string[], extra: string[] = []): string {
  return doc('---', 'type: postmortem', 'status: in-review', ...frontMatter, '---', '', '# Outage', '', ...extra, '## Timeline', '', ...timeline, '');
}

function codes(text: string, code: string, config: PostmortemConfig = DEFAULT_CONFIG) {
  return analyze(text, { force: true, config }).findings.filter((f) => f.code === code);
}

describe('milestones: zones', () => {
  it('places Europe/Berlin wall times across the October change (clocks back at 03:00 CEST)', () => {
    const wall = (s: string) => Date.parse(`${s}:00Z`);
    assert.equal(wallToEpoch(wall('2026-10-25T01:30'), 'Europe/Berlin').epochMs, Date.parse('2026-10-24T23:30:00Z'));
    assert.equal(wallToEpoch(wall('2026-10-25T04:30'), 'Europe/Berlin').epochMs, Date.parse('2026-10-25T03:30:00Z'));
    const twice = wallToEpoch(wall('2026-10-25T02:30'), 'Europe/Berlin');
    assert.deepEqual(twice, { epochMs: Date.parse('2026-10-25T00:30:00Z'), ambiguous: true });
    assert.equal(wallToEpoch(wall('2026-03-29T02:30'), 'Europe/Berlin').nonexistent, true);
    assert.equal(wallToEpoch(wall('2026-07-01T12:00'), 'America/New_York').epochMs, Date.parse('2026-07-01T16:00:00Z'));
  });

  it('computes a duration across the October change from front matter in Europe/Berlin: 4 h, not 3 h', () => {
    const text = pm(['started: 2026-10-25 01:30 Europe/Berlin', 'resolved: 2026-10-25 04:30 Europe/Berlin'], ['- 01:30 — x']);
    const m = computeMetrics(buildModel(text));
    assert.equal(m.durations.ttr?.ms, 4 * HOUR);
    assert.equal(m.durations.ttr?.text, '4 h 00 min');
  });

  it('applies a stated IANA zone to bare timeline times, across the change', () => {
    const text = pm(['date: 2026-10-25', 'timezone: Europe/Berlin'], [
      '- 01:50 — **Started:** errors rise',
      '- 02:10 — **Detected:** alert',
      '- 04:10 — **Mitigated:** rollback',
    ]);
    const metrics = computeMetrics(buildModel(text));
    assert.equal(metrics.milestones.started?.at, '2026-10-24T23:50:00.000Z');
    assert.equal(metrics.durations.ttd?.ms, 20 * MIN);
    // 01:50 CEST to 04:10 CET is 3 h 20 min, not 2 h 20 min.
    assert.equal(metrics.durations.ttm?.ms, 3 * HOUR + 20 * MIN);
  });

  it('mixes zones: each time is converted on its own', () => {
    const text = pm(['started: 2026-11-25T14:00:00+01:00', 'detected: 2026-11-25 08:10 EST'], ['- x']);
    assert.equal(computeMetrics(buildModel(text)).durations.ttd?.ms, 10 * MIN);
  });
});

describe('milestones: front matter', () => {
  const table: Array<[string, string, number | undefined, RegExp | undefined]> = [
    ['ISO with Z', '2026-11-25T14:03:00Z', Date.parse('2026-11-25T14:03:00Z'), undefined],
    ['ISO with offset', '2026-11-25T14:03:00+02:00', Date.parse('2026-11-25T12:03:00Z'), undefined],
    ['date, time and UTC', '2026-11-25 14:03 UTC', Date.parse('2026-11-25T14:03:00Z'), undefined],
    ['date, time and an abbreviation', '2026-11-25 14:03 PST', Date.parse('2026-11-25T22:03:00Z'), undefined],
    ['date, time and an IANA zone', '2026-07-01 14:03 Europe/Berlin', Date.parse('2026-07-01T12:03:00Z'), undefined],
    ['no zone and none stated', '2026-11-25 14:03', undefined, /has no time zone, and the document states none/],
    ['no time', '2026-11-25', undefined, /has no time of day/],
    ['no date', '14:03 UTC', undefined, /has no date/],
    ['a date that does not exist', '2026-02-30 10:00 UTC', undefined, /a date that does not exist/],
    ['not a time', 'soon', undefined, /is not a date and time/],
    ['an unknown zone', '2026-11-25 14:03 Mars/Olympus', undefined, /is not a time zone/],
    ['a time the clocks skipped', '2026-03-29 02:30 Europe/Berlin', undefined, /does not exist in Europe\/Berlin/],
  ];
  for (const [name, value, epoch, problem] of table) {
    it(`reads ${name}`, () => {
      const text = pm([`detected: ${JSON.stringify(value)}`], ['- x']);
      const [m] = parseMilestones(buildModel(text)).all;
      assert.equal(m?.epochMs, epoch);
      if (problem) {
        assert.match(m!.problem ?? '', problem);
        const [f] = codes(text, 'milestone-time');
        assert.match(f!.message, problem);
        assert.equal(f!.range.start.line, 3);
      } else assert.equal(m?.problem, undefined);
    });
  }

  it('a time with no date: the example in the message is on the day of the incident when the front matter gives it', () => {
    const [f] = codes(pm(['date: 2026-11-28', 'detected: 14:03 UTC'], ['- x']), 'milestone-time');
    assert.match(f!.message, /has no date: write the day too, e\.g\. 2026-11-28 14:03 UTC\./);
    const [g] = codes(pm(['detected: 14:03 UTC'], ['- x']), 'milestone-time');
    assert.match(g!.message, /e\.g\. 2026-11-25 14:03 UTC\./);
  });

  it('reads milestones under incident:, and a time without zone in the zone the front matter states', () => {
    const text = pm(['timezone: UTC', 'incident:', '  started: 2026-11-25 14:00', '  mitigated: 2026-11-25 14:40'], ['- x']);
    assert.equal(computeMetrics(buildModel(text)).durations.impact?.ms, 40 * MIN);
  });

  it('an ambiguous time is used with its earlier meaning, as information', () => {
    const text = pm(['started: 2026-10-25 02:30 Europe/Berlin'], ['- x']);
    const [f] = codes(text, 'milestone-time');
    assert.equal(f?.severity, 'info');
    assert.match(f!.message, /happens twice/);
  });
});

describe('milestones: timeline labels', () => {
  const table: Array<[string, string | undefined]> = [
    ['**2026-11-25 14:03 UTC** — **Detected:** alert', 'detected'],
    ['**2026-11-25 14:03 UTC** — **Detected**: alert', 'detected'],
    ['**2026-11-25 14:03 UTC** **Detected** alert', 'detected'],
    ['2026-11-25 14:03 UTC - Detected: alert', 'detected'],
    ['14:03 UTC: __Mitigation:__ rollback', 'mitigated'],
    ['| 14:03 UTC | **Resolved:** done |', 'resolved'],
    ['14:03 — **Impact started:** errors', 'started'],
    ['14:03 — **Acked** by Sam', 'acknowledged'],
    ['14:03 — Detected high latency', undefined],
    ['14:03 — Sam resolved: the DNS entry', undefined],
    ['14:03 — **Rollback:** done', undefined],
  ];
  for (const [line, id] of table) {
    it(`${id ?? 'no milestone'} in "${line}"`, () => {
      const at = parseStamp(line)!.end;
      assert.equal(milestoneMarker(line, at)?.id, id);
    });
  }

  it('takes milestones from labels, with their range; the front matter wins and a disagreement is reported', () => {
    const text = pm(['detected: 2026-11-25 14:05 UTC'], [
      '- **2026-11-25 14:00 UTC** — **Started:** deploy',
      '- **2026-11-25 14:03 UTC** — **Detected:** alert',
      '- **2026-11-25 14:45 UTC** — **Mitigated:** rollback',
      '- **2026-11-25 14:50 UTC** — **Mitigated:** again',
    ]);
    const ms = parseMilestones(buildModel(text));
    assert.equal(ms.used.detected?.source, 'front-matter');
    assert.equal(ms.used.started?.source, 'timeline');
    assert.deepEqual(ms.used.started?.range, { start: { line: 10, character: 29 }, end: { line: 10, character: 41 } });
    const found = codes(text, 'milestone-time').map((f) => f.message);
    assert.equal(found.length, 2);
    assert.match(found[0]!, /^The timeline marks Detected at 2026-11-25 14:03 UTC, but the front matter says 2026-11-25 14:05 UTC \(2 min apart\)/);
    assert.match(found[1]!, /^Mitigated is already marked on line 13/);
  });

  it('a label on an entry without a zone, in a document that states none, gives no duration', () => {
    const text = pm([], ['- 2026-11-25 14:00 — **Started:** x', '- 2026-11-25 14:10 — **Detected:** y']);
    assert.deepEqual(computeMetrics(buildModel(text)).durations, {});
    assert.equal(codes(text, 'milestone-time').length, 2);
  });
});

describe('Mark as Milestone (the label edit)', () => {
  const lines = ['## Timeline', '', '- **2026-11-25 14:03 UTC** — Alert fired', '- 14:05 UTC — **Detected:** x', '- **14:09 UTC** —', '', '| Time | Event |', '|---|---|', '| 14:07 UTC | rollback |', '- no time'];
  const model = buildModel(lines.join('\n'));
  const apply = (line: number) => {
    const e = milestoneLabelEdit(model, line, 'mitigated');
    if (!e) return undefined;
    const s = lines[line]!;
    return s.slice(0, e.range.start.character) + e.text + s.slice(e.range.end.character);
  };
  it('inserts the label where the event text starts, or replaces the label there', () => {
    assert.equal(apply(2), '- **2026-11-25 14:03 UTC** — **Mitigated:** Alert fired');
    assert.equal(apply(3), '- 14:05 UTC — **Mitigated:** x');
    assert.equal(apply(4), '- **14:09 UTC** — **Mitigated:** ');
    assert.equal(apply(8), '| 14:07 UTC | **Mitigated:** rollback |');
    assert.equal(apply(9), undefined);
    assert.equal(apply(0), undefined);
  });
});

describe('durations', () => {
  const text = pm(['timezone: UTC'], [
    '- 2026-11-25 13:58 — **Started:** deploy',
    '- 2026-11-25 14:10 — **Detected:** alert',
    '- 2026-11-25 14:13 — **Acknowledged:** Sam',
    '- 2026-11-25 14:45 — **Mitigated:** rollback',
    '- 2026-11-25 16:03 — **Resolved:** drained',
  ]);
  it('TTD, TTA, TTM, TTR and the impact window from the started origin', () => {
    const d = computeMetrics(buildModel(text)).durations;
    assert.deepEqual(
      Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.ms / MIN])),
      { ttd: 12, tta: 3, ttm: 47, ttr: 125, impact: 47 },
    );
    assert.equal(durationSummary(computeMetrics(buildModel(text))), 'Detected after 12 min · Acknowledged 3 min after detection · Mitigated after 47 min · Resolved after 2 h 05 min');
  });

  it('measures TTM and TTR from detection when the team config says so', () => {
    const config = effectiveConfig({}, parseTeamConfig('{ "milestones": { "origin": "detected" } }').input);
    const d = computeMetrics(buildModel(text), config.milestones.origin).durations;
    assert.deepEqual([d.ttm?.ms, d.ttr?.ms, d.impact?.ms], [35 * MIN, 113 * MIN, 47 * MIN]);
    assert.equal(analyze(text, { force: true, config }).metrics?.durations.ttr?.ms, 113 * MIN);
  });

  it('formats durations', () => {
    assert.deepEqual([formatDuration(45_000), formatDuration(12 * MIN), formatDuration(125 * MIN), formatDuration(50 * HOUR + 5 * MIN)], ['45 s', '12 min', '2 h 05 min', '2 d 2 h 05 min']);
  });

  it('a negative duration is left out and reported by milestone-order', () => {
    const bad = text.replace('2026-11-25 14:45 — **Mitigated:**', '2026-11-25 13:45 — **Mitigated:**');
    const metrics = computeMetrics(buildModel(bad));
    assert.equal(metrics.durations.ttm, undefined);
    assert.equal(metrics.durations.ttr?.ms, 125 * MIN);
    const [f] = codes(bad, 'milestone-order');
    assert.match(f!.message, /^Mitigated \(2026-11-25 13:45 UTC\) is 28 min before Acknowledged \(2026-11-25 14:13 UTC\)/);
    assert.equal(f!.range.start.line, 13);
    assert.equal(codes(text, 'milestone-order').length, 0);
  });

  it('the CLI result has metrics with 1-based lines', () => {
    const r = lint('x-postmortem.md', text);
    assert.equal(r.metrics?.durations.ttd?.ms, 12 * MIN);
    assert.equal(r.metrics?.milestones.started?.line, 11);
  });
});

describe('milestone-missing', () => {
  it('one finding for the required milestones not given, on the Timeline heading, following the status', () => {
    const text = pm(['timezone: UTC'], ['- 2026-11-25 14:10 — **Detected:** alert']);
    const [f] = codes(text, 'milestone-missing');
    assert.deepEqual(f?.data, { milestones: ['started', 'mitigated', 'resolved'] });
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.range.start.line, 8);
    assert.match(f!.message, /^No times for started, mitigated and resolved/);
    assert.equal(codes(text.replace('in-review', 'draft'), 'milestone-missing')[0]?.severity, 'hint');
    assert.equal(codes(text.replace('in-review', 'final'), 'milestone-missing')[0]?.severity, 'error');
  });

  it('follows milestones.required', () => {
    const config = effectiveConfig({}, parseTeamConfig('{ "milestones": { "required": ["detected"] } }').input);
    const text = pm(['timezone: UTC'], ['- 2026-11-25 14:10 — **Detected:** alert']);
    assert.equal(codes(text, 'milestone-missing', config).length, 0);
  });

  it('the team config reports a bad milestone setting', () => {
    const { problems } = parseTeamConfig('{ "milestones": { "required": ["detect"], "origin": "alert" } }');
    assert.deepEqual(problems.map((p) => p.message.slice(0, 30)), ['Unknown milestone "detect" in ', 'milestones.origin must be "sta']);
  });
});

describe('stated durations', () => {
  const table: Array<[string, number | [number, number] | undefined]> = [
    ['Checkout failed for 40 minutes.', 40 * MIN],
    ['It took about 2 hours to mitigate.', 2 * HOUR],
    ['a 3h outage', 3 * HOUR],
    ['The outage lasted 1 hour and 15 minutes.', 75 * MIN],
    ['a 90-minute outage', 90 * MIN],
    ['errors for an hour and a half', 90 * MIN],
    ['for half an hour', 30 * MIN],
    ['degraded for 1h15m', 75 * MIN],
    ['for 2.5 hours', 150 * MIN],
    ['for roughly 45 min', 45 * MIN],
    ['for ~40 mins', 40 * MIN],
    ['for two hours', 2 * HOUR],
    ['detected within 5 minutes', 5 * MIN],
    ['an outage of 40 minutes', 40 * MIN],
    ['for 40-50 minutes', [40 * MIN, 50 * MIN]],
    ['a 2 day incident', 2 * 24 * HOUR],
    ['40 minutes of downtime', 40 * MIN],
    ['retries every 5 minutes', undefined],
    ['5 minutes later the pager fired', undefined],
    ['a 30-second timeout', undefined],
    ['cached for 5 m', undefined],
    ['the last 10 minutes', undefined],
    ['at 14:03 for version 2', undefined],
    ['p99 rose to 9 s', undefined],
    ['closed after 15 minutes of normal latency', undefined],
  ];
  for (const [text, expected] of table) {
    it(`"${text}"`, () => {
      const found = statedDurations(text);
      if (expected === undefined) return assert.deepEqual(found, []);
      assert.equal(found.length, 1, JSON.stringify(found));
      const [min, max] = Array.isArray(expected) ? expected : [expected, expected];
      assert.deepEqual([found[0]!.minMs, found[0]!.maxMs], [min, max]);
      assert.equal(text.slice(found[0]!.start, found[0]!.end), found[0]!.text);
    });
  }

  it('words nearby choose the duration compared', () => {
    assert.deepEqual(statedDurations('We detected it within 12 minutes.')[0]?.candidates, ['ttd']);
    assert.deepEqual(statedDurations('Service was restored after 47 minutes.')[0]?.candidates, ['ttm']);
    assert.deepEqual(statedDurations('It was fully resolved after 2 hours.')[0]?.candidates, ['ttr']);
    assert.deepEqual(statedDurations('Checkout failed for 40 minutes.')[0]?.candidates, ['impact', 'ttm', 'ttr']);
  });

  it('the tolerance is 20%, at least 5 minutes', () => {
    assert.equal(mismatchMs(40 * MIN, 40 * MIN, 47 * MIN), 0);
    assert.equal(mismatchMs(40 * MIN, 40 * MIN, 46 * MIN), 0);
    assert.equal(mismatchMs(10 * MIN, 10 * MIN, 16 * MIN), 6 * MIN);
    assert.equal(mismatchMs(100 * MIN, 100 * MIN, 125 * MIN), 0);
    assert.equal(mismatchMs(100 * MIN, 100 * MIN, 130 * MIN), 30 * MIN);
    assert.equal(mismatchMs(40 * MIN, 50 * MIN, 55 * MIN), 0);
  });
});

describe('duration-mismatch', () => {
  const timeline = [
    '- 2026-11-25 13:58 — **Started:** deploy',
    '- 2026-11-25 14:10 — **Detected:** alert',
    '- 2026-11-25 16:03 — **Mitigated:** rollback',
    '- 2026-11-25 16:20 — **Resolved:** drained',
  ];
  it('names both figures, on the stated phrase', () => {
    const text = pm(['timezone: UTC'], timeline, ['## Overview', '', 'Checkout failed for 40 minutes.', '']);
    const [f] = codes(text, 'duration-mismatch');
    assert.equal(f?.message, '"for 40 minutes" disagrees with the timeline: the impact window (started → mitigated) is 2 h 05 min, not 40 min.');
    assert.deepEqual(f?.range, { start: { line: 10, character: 16 }, end: { line: 10, character: 30 } });
  });

  it('agrees within the tolerance, with any of the durations the words allow', () => {
    const prose = ['## Impact', '', 'Checkout failed for about 2 hours.', '', '## Mitigation', '', 'It was fully resolved after 2.5 hours; we detected it within 12 minutes.', ''];
    assert.deepEqual(codes(pm(['timezone: UTC'], timeline, prose), 'duration-mismatch'), []);
    const wrong = prose.map((l) => l.replace('within 12 minutes', 'within 40 minutes'));
    assert.match(codes(pm(['timezone: UTC'], timeline, wrong), 'duration-mismatch')[0]!.message, /the time to detect \(started → detected\) is 12 min, not 40 min/);
  });

  it('says nothing without milestones, or outside Overview, Impact and Mitigation', () => {
    assert.deepEqual(codes(pm([], ['- x'], ['## Overview', '', 'for 40 minutes', '']), 'duration-mismatch'), []);
    assert.deepEqual(codes(pm(['timezone: UTC'], timeline, ['## Background', '', 'Down for 40 minutes last year.', '']), 'duration-mismatch'), []);
  });
});

describe('milestone notes (Log Incident Note)', () => {
  it('turns a typed milestone word into the bold label, any case, the words the parser accepts', () => {
    assert.deepEqual(labelledNote('detected: alert fired'), { text: '**Detected:** alert fired', id: 'detected' });
    assert.deepEqual(labelledNote('MITIGATION:rolled back 4812'), { text: '**Mitigated:** rolled back 4812', id: 'mitigated' });
    assert.deepEqual(labelledNote('ack: Sam is IC'), { text: '**Acknowledged:** Sam is IC', id: 'acknowledged' });
    assert.deepEqual(labelledNote('Impact  started: errors'), { text: '**Started:** errors', id: 'started' });
    assert.deepEqual(labelledNote('**Resolved** backlog drained'), { text: '**Resolved:** backlog drained', id: 'resolved' });
    assert.deepEqual(labelledNote('resolved:'), { text: '**Resolved:**', id: 'resolved' });
  });

  it('leaves other notes as typed', () => {
    for (const text of ['Deploy 4812 rolled out', 'We detected: nothing', 'detected the alert', 'Detectedness: high', 'note: detected: x', '']) {
      assert.deepEqual(labelledNote(text), { text }, text);
    }
  });

  it('a labelled note is read back as that milestone', () => {
    const text = labelledNote('mitigated: rolled back').text;
    const model = buildModel(pm([], [`- **2026-11-25 14:45 UTC** — ${text}`]));
    assert.deepEqual(parseMilestones(model).all.map((m) => m.id), ['mitigated']);
  });

  it('the button prefixes the next milestone, then cycles through them in order, keeping the note', () => {
    assert.equal(cycleNoteMilestone('alert fired', 'detected'), 'Detected: alert fired');
    assert.equal(cycleNoteMilestone('', 'detected'), 'Detected: ');
    assert.equal(cycleNoteMilestone('Detected: alert fired', 'detected'), 'Acknowledged: alert fired');
    assert.equal(cycleNoteMilestone('resolved: done'), 'Started: done');
    assert.equal(cycleNoteMilestone('x'), 'Started: x');
  });

  it('stays linear on long input', () => {
    const long = `${' -'.repeat(50_000)}detected`;
    assert.deepEqual(labelledNote(long), { text: long });
  });
});
