// Timeline: timestamp parsing (formats, zones, inherited dates, midnight roll-over), formatting new timestamps,
// where a new entry goes, sorting, and the three timeline rules.
import * as assert from 'node:assert/strict';
import {
  analyze,
  applyInserts,
  buildModel,
  DEFAULT_CONFIG,
  formatTimestamp,
  parseStamp,
  parseTimeFormat,
  parseTimeline,
  resolveTimeZone,
  statedTimeZone,
  timelineEntryInsert,
  timelineSortEdit,
  timelineSortEdits,
  type PostmortemModel,
} from '../../src/core';
import { doc } from './helpers';

const iso = (ms: number) => new Date(ms).toISOString().replace(':00.000Z', 'Z');

describe('timeline: timestamps as written', () => {
  // text -> [date y-m-d | '', clock h:m:s | '', zone | '', offset minutes | '', the stamp text]
  const table: Array<[string, string, string, string, number | '', string]> = [
    ['2026-11-20T14:03:00Z deploy', '2026-11-20', '14:03:00', 'Z', 0, '2026-11-20T14:03:00Z'],
    ['2026-11-20T14:03+02:00 deploy', '2026-11-20', '14:03:00', '+02:00', 120, '2026-11-20T14:03+02:00'],
    ['2026-11-20 14:03 UTC — deploy', '2026-11-20', '14:03:00', 'UTC', 0, '2026-11-20 14:03 UTC'],
    ['2026-11-20 14:03:09 — deploy', '2026-11-20', '14:03:09', '', '', '2026-11-20 14:03:09'],
    ['**2026-11-20 14:03 UTC** — deploy', '2026-11-20', '14:03:00', 'UTC', 0, '2026-11-20 14:03 UTC'],
    ['2026-11-20 14:03 PST deploy', '2026-11-20', '14:03:00', 'PST', -480, '2026-11-20 14:03 PST'],
    ['2026-11-20 14:03 CEST deploy', '2026-11-20', '14:03:00', 'CEST', 120, '2026-11-20 14:03 CEST'],
    ['2026-11-20 14:03 +05:30 deploy', '2026-11-20', '14:03:00', '+05:30', 330, '2026-11-20 14:03 +05:30'],
    ['2026-11-20 14:03 (UTC) deploy', '2026-11-20', '14:03:00', 'UTC', 0, '2026-11-20 14:03 (UTC)'],
    ['2026-11-20 14:03 UTC+2 deploy', '2026-11-20', '14:03:00', 'UTC+2', 120, '2026-11-20 14:03 UTC+2'],
    ['| 2021-12-10   15:40 | call |', '2021-12-10', '15:40:00', '', '', '2021-12-10   15:40'],
    ['| 2019-12-03 --:--     | surge |', '2019-12-03', '', '', '', '2019-12-03'],
    ['14:03 deploy', '', '14:03:00', '', '', '14:03'],
    ['14:03: deploy', '', '14:03:00', '', '', '14:03'],
    ['**16:58 UTC** - saturation', '', '16:58:00', 'UTC', 0, '16:58 UTC'],
    ['04:49 PM UTC branch renamed', '', '16:49:00', 'UTC', 0, '04:49 PM UTC'],
    ['2:03 PM rollback', '', '14:03:00', '', '', '2:03 PM'],
    ['12:15 am page', '', '00:15:00', '', '', '12:15 am'],
    ['2026-11-20 outage starts', '2026-11-20', '', '', '', '2026-11-20'],
    ['January 29, 2024 credentials rotated', '2024-01-29', '', '', '', 'January 29, 2024'],
    ['Nov 20 deploy', '-11-20', '', '', '', 'Nov 20'],
    ['Jan 14, 10:18 AM | customer', '-01-14', '10:18:00', '', '', 'Jan 14, 10:18 AM'],
    ['29 January 2024: rotated', '2024-01-29', '', '', '', '29 January 2024'],
    ['Saturday, Oct 30 storm', '-10-30', '', '', '', 'Saturday, Oct 30'],
  ];
  for (const [text, date, clock, zone, offset, written] of table) {
    it(JSON.stringify(text), () => {
      const s = parseStamp(text);
      assert.ok(s, 'parsed');
      const d = s.date ? `${s.date.year ?? ''}-${String(s.date.month).padStart(2, '0')}-${String(s.date.day).padStart(2, '0')}` : '';
      const c = s.clock ? [s.clock.hour, s.clock.minute, s.clock.second].map((n) => String(n).padStart(2, '0')).join(':') : '';
      assert.deepEqual([d, c, s.zone ?? '', s.offsetMinutes ?? ''], [date, clock, zone, offset]);
      assert.equal(text.slice(s.start, s.end), written);
    });
  }

  const none = ['Deployed the fix', 'v1.2.3 released', '25:00 nope', '2026-13-01 nope', '**Note:** status page', 'Feb 30 nope', '', '1.1.4-hotfix'];
  for (const text of none) it(`no timestamp in ${JSON.stringify(text)}`, () => assert.equal(parseStamp(text), undefined));

  it('a time range keeps its first time and no bogus offset', () => {
    const s = parseStamp('10:00-12:00 degraded')!;
    assert.equal(s.zone, undefined);
    assert.equal(s.clock?.hour, 10);
  });
});

function times(text: string): string[] {
  return parseTimeline(buildModel(text)).map((i) => (i.time ? iso(i.time.epochMs) + (i.time.rolledOver ? ' rolled' : '') : '-'));
}

describe('timeline: the stated time zone', () => {
  const stated = (...lines: string[]) => statedTimeZone(buildModel(doc(...lines)));
  it('in the Timeline heading', () => {
    assert.equal(stated('## Timeline (all times PST)', '', '- 10:00 deploy')?.where, 'heading');
  });
  it('in a line of the Timeline section that is not an entry', () => {
    assert.deepEqual(stated('## Timeline', '', 'All times are CET.', '', '- 10:00 deploy'), { zone: 'CET', offsetMinutes: 60, where: 'section' });
  });
  it('never from an entry, also when a Timeline is nested in another', () => {
    const nested = ['## Timeline', '', '- 10:00 deploy', '', '### Timeline details', '', '- 10:05 rollback, times in EST', '- 10:07 done', '', '## Impact', '', '12 users.'];
    assert.equal(stated(...nested), undefined);
  });
  it('in the document, outside the entries and code', () => {
    assert.equal(stated('## Overview', '', 'All times below are UTC+2.', '', '## Timeline', '', '- 10:00 deploy')?.where, 'document');
    assert.equal(stated('## Overview', '', '```', 'times: UTC', '```', '', '## Timeline', '', '- 10:00 deploy'), undefined);
  });
});

describe('timeline: dates from context', () => {
  it('bare times inherit the date of the entry before them', () => {
    assert.deepEqual(times(doc('## Timeline', '', '- 2026-11-20 14:03 UTC — a', '- 14:10 — b')), ['2026-11-20T14:03Z', '2026-11-20T14:10Z']);
  });

  it('bare times inherit the front matter date', () => {
    assert.deepEqual(times(doc('---', 'date: 2026-11-20', '---', '## Timeline', '', '- 14:03 — a')), ['2026-11-20T14:03Z']);
  });

  it('midnight roll-over: a bare time just after midnight is on the next day', () => {
    assert.deepEqual(times(doc('---', 'date: 2026-11-20', '---', '## Timeline', '', '- 23:50 a', '- 00:10 b', '- 01:00 c')), [
      '2026-11-20T23:50Z',
      '2026-11-21T00:10Z rolled',
      '2026-11-21T01:00Z',
    ]);
  });

  it('a time well before the one before it is out of order, not the next day', () => {
    assert.deepEqual(times(doc('---', 'date: 2026-11-20', '---', '## Timeline', '', '- 14:10 a', '- 14:03 b')), ['2026-11-20T14:10Z', '2026-11-20T14:03Z']);
  });

  it('dated sub-headings set the date, and a written date resets it', () => {
    assert.deepEqual(times(doc('## Timeline', '### 2023-07-19', '- 17:41 UTC a', '### 2023-07-20', '- 10:00 UTC b', '- 2023-07-22 09:00 c')), [
      '2023-07-19T17:41Z',
      '2023-07-20T10:00Z',
      '2023-07-22T09:00Z',
    ]);
  });

  it('times without a zone use the zone the document states', () => {
    assert.deepEqual(times(doc('## Timeline (all times PST)', '', '- 2026-11-20 14:03 a', '- 2026-11-20 14:03 UTC b')), ['2026-11-20T22:03Z', '2026-11-20T14:03Z']);
  });

  it('rows: the header row is not an entry; the timestamp range is in the cell', () => {
    const m = buildModel(doc('## Timeline', '', '| Time | Event |', '|---|---|', '| 14:03 | a |'));
    const [item] = parseTimeline(m);
    assert.deepEqual(item?.time?.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 7 } });
  });
});

describe('timeline: formatting new timestamps', () => {
  const at = Date.UTC(2026, 10, 25, 14, 3, 9);
  const table: Array<[string | undefined, string | undefined, string]> = [
    [undefined, undefined, '2026-11-25 14:03 UTC'],
    ['YYYY-MM-DD HH:mm:ss z', 'UTC', '2026-11-25 14:03:09 UTC'],
    ['YYYY-MM-DD[T]HH:mm', 'UTC', '2026-11-25T14:03'],
    ['HH:mm z', 'America/Los_Angeles', '06:03 PST'],
    ['YYYY-MM-DD HH:mm z', 'Europe/Berlin', '2026-11-25 15:03 +01:00'],
    ['HH:mm z', 'Asia/Kolkata', '19:33 +05:30'],
  ];
  for (const [format, zone, expected] of table) {
    it(`${format ?? 'default'} in ${zone ?? 'default'}`, () => {
      const f = parseTimeFormat(format);
      const z = resolveTimeZone(zone);
      assert.equal(f.problem, undefined);
      assert.equal(z.problem, undefined);
      const out = formatTimestamp(at, f.value, z.value);
      assert.equal(out, expected);
      // What we write, we read back as the same instant.
      const s = parseStamp(`${out} x`);
      assert.ok(s?.clock);
    });
  }

  it('an unknown token or a format without a time falls back to the default with a problem', () => {
    for (const bad of ['YYYY-MM-DD hh:mm', 'HH:mm A', 'YYYY-MM-DD', 'HH:mm [z']) {
      const f = parseTimeFormat(bad);
      assert.ok(f.problem, bad);
      assert.equal(formatTimestamp(at, f.value, 'UTC'), '2026-11-25 14:03 UTC');
    }
  });

  it('an invalid zone falls back to UTC with a problem; local and UTC are keywords', () => {
    assert.deepEqual(resolveTimeZone('Mars/Olympus_Mons').value, 'UTC');
    assert.ok(resolveTimeZone('Mars/Olympus_Mons').problem);
    assert.equal(resolveTimeZone('local').value, undefined);
    assert.equal(resolveTimeZone('utc').value, 'UTC');
    assert.equal(resolveTimeZone('Europe/Berlin').value, 'Europe/Berlin');
  });
});

const STAMP = '2026-11-25 14:03 UTC';

/** Applies the entry insert and returns the text, with `|` marking the cursor. */
function insertAt(text: string, cursorLine?: number, event?: string): string {
  const m: PostmortemModel = buildModel(text);
  const r = timelineEntryInsert(m, STAMP, { ...(cursorLine === undefined ? {} : { cursorLine }), ...(event ? { text: event } : {}) });
  const lines = applyInserts(m, [r.insert]).split('\n');
  const l = lines[r.cursor.line]!;
  lines[r.cursor.line] = `${l.slice(0, r.cursor.character)}|${l.slice(r.cursor.character)}`;
  return lines.join('\n');
}

describe('timeline: where a new entry goes', () => {
  const base = ['# T', '', '## Timeline', '', '- **2026-11-25 13:00 UTC** — a', '  - detail', '- **2026-11-25 13:30 UTC** — b', '', '## Action Items', ''];

  it('cursor inside the section: after the entry the cursor is in, after its sub-bullets', () => {
    assert.equal(insertAt(doc(...base), 4), doc('# T', '', '## Timeline', '', '- **2026-11-25 13:00 UTC** — a', '  - detail', `- **${STAMP}** — |`, '- **2026-11-25 13:30 UTC** — b', '', '## Action Items', ''));
  });

  it('cursor on a sub-bullet: after the whole entry', () => {
    assert.equal(insertAt(doc(...base), 5).split('\n')[6], `- **${STAMP}** — |`);
  });

  it('cursor outside the section: after the last entry, before trailing blank lines', () => {
    assert.equal(insertAt(doc(...base), 0), doc('# T', '', '## Timeline', '', '- **2026-11-25 13:00 UTC** — a', '  - detail', '- **2026-11-25 13:30 UTC** — b', `- **${STAMP}** — |`, '', '## Action Items', ''));
  });

  it('no cursor, quick note text: the text follows the separator', () => {
    assert.equal(insertAt(doc(...base), undefined, 'paged DB team').split('\n')[7], `- **${STAMP}** — paged DB team|`);
  });

  it('mirrors the bullet, no bold, and the separator', () => {
    assert.equal(insertAt(doc('## Timeline', '', '* 13:00 UTC: a', ''), 0).split('\n')[3], `* ${STAMP}: |`);
    assert.equal(insertAt(doc('## Timeline', '', '1. 13:00 - a', '2. 13:05 - b'), 0).split('\n')[4], `3. ${STAMP} - |`);
  });

  it('table style: a row with the cursor in the event cell, one cell per column', () => {
    const text = doc('## Timeline', '', '| Time | Event | Who |', '|---|---|---|', '| 13:00 | a | x |', '', '## Next');
    assert.equal(insertAt(text, 0).split('\n')[5], `| ${STAMP} | | |  |`);
  });

  it('a table with only its header: the row goes under the delimiter row', () => {
    const text = doc('## Timeline', '', '| Time | Event |', '|---|---|', '', '## Next');
    assert.equal(insertAt(text, 0).split('\n')[4], `| ${STAMP} | | |`);
  });

  it('empty section: a default entry after a blank line', () => {
    assert.equal(insertAt(doc('## Timeline', '', '## Next', ''), 0), doc('## Timeline', '', `- **${STAMP}** — |`, '', '## Next', ''));
    assert.equal(insertAt(doc('## Timeline', '', '<!-- guidance -->', '', '## Next'), 0), doc('## Timeline', '', '<!-- guidance -->', '', `- **${STAMP}** — |`, '', '## Next'));
  });

  it('empty section at the end of a file with no final newline', () => {
    assert.equal(insertAt(doc('## Timeline'), 0), doc('## Timeline', '', `- **${STAMP}** — |`));
  });

  it('no Timeline section: one is created at its canonical place', () => {
    const text = doc('# T', '', '## Responders', '', 'Ana', '', '## Action Items', '', '- x', '');
    assert.equal(insertAt(text, 0), doc('# T', '', '## Responders', '', 'Ana', '', '## Timeline', '', `- **${STAMP}** — |`, '', '## Action Items', '', '- x', ''));
  });

  it('CRLF documents get CRLF', () => {
    const m = buildModel('## Timeline\r\n\r\n- 13:00 a\r\n');
    const r = timelineEntryInsert(m, STAMP);
    assert.equal(r.insert.text, `\r\n- ${STAMP} |`.replace(' |', ' '));
  });
});

describe('timeline: sorting', () => {
  const sorted = (text: string, line?: number) => {
    const m = buildModel(text);
    const e = timelineSortEdit(m, line);
    if (!e) return undefined;
    const lines = [...m.lines];
    lines.splice(e.range.start.line, e.range.end.line - e.range.start.line + 1, ...e.text.split(m.eol));
    return lines.join(m.eol);
  };

  it('moves each entry with its sub-bullets, keeps blank lines in place, touches nothing else', () => {
    const text = doc('## Timeline', 'intro', '', '- 14:10 c', '  - c detail', '', '- 14:00 a', '- 14:05 b', '', 'after');
    assert.equal(sorted(text), doc('## Timeline', 'intro', '', '- 14:00 a', '', '- 14:05 b', '- 14:10 c', '  - c detail', '', 'after'));
  });

  it('stable: equal times keep their order; untimed entries stay after the entry before them', () => {
    const text = doc('## Timeline', '- 14:10 x', '- no time here', '- 14:00 y', '- 14:00 z');
    assert.equal(sorted(text), doc('## Timeline', '- 14:00 y', '- 14:00 z', '- 14:10 x', '- no time here'));
  });

  it('rows; a date-only entry on the day of the entry before it stays after it', () => {
    const text = doc('## Timeline', '| When | What |', '|---|---|', '| 2021-12-13 15:50 | a |', '| 2021-12-13 14:30 | b |', '| 2021-12-13 | c |', '| 2021-12-12 09:00 | d |');
    assert.equal(sorted(text), doc('## Timeline', '| When | What |', '|---|---|', '| 2021-12-12 09:00 | d |', '| 2021-12-13 14:30 | b |', '| 2021-12-13 | c |', '| 2021-12-13 15:50 | a |'));
  });

  it('only the block with the entry: other lists are untouched; sorted input gives no edit', () => {
    const text = doc('## Timeline', '### Day 1', '- 14:10 b', '- 14:00 a', '### Notes', '- 09:00 z', '- 08:00 y');
    assert.equal(sorted(text, 2), doc('## Timeline', '### Day 1', '- 14:00 a', '- 14:10 b', '### Notes', '- 09:00 z', '- 08:00 y'));
    assert.equal(sorted(doc('## Timeline', '- 14:00 a', '- 14:10 b')), undefined);
  });

  it('CRLF is kept', () => {
    assert.equal(sorted('## Timeline\r\n- 14:10 b\r\n- 14:00 a\r\n'), '## Timeline\r\n- 14:00 a\r\n- 14:10 b\r\n');
  });

  it('timelineSortEdits: per line the edit timelineSortEdit gives, each block sorted once (4,000 reversed entries: 2 s before)', () => {
    const text = doc('## Timeline', '- 14:10 c', '- 14:00 a', '', 'between', '', '- 15:00 d', '- 15:05 e', '', 'after');
    const m = buildModel(text);
    const lines = Array.from({ length: m.lines.length }, (_, i) => i);
    const edits = timelineSortEdits(m, lines);
    for (const line of lines) assert.deepEqual(edits.get(line), timelineSortEdit(m, line), `line ${line}`);
    const clock = (i: number) => `${String(23 - Math.floor(i / 60)).padStart(2, '0')}:${String(59 - (i % 60)).padStart(2, '0')}`;
    const big = buildModel(doc('## Timeline', ...Array.from({ length: 4000 }, (_, i) => `- 2025-01-01 ${clock(i % 1440)} UTC event ${i}`)));
    const all = Array.from({ length: big.lines.length }, (_, i) => i);
    const start = process.cpuUsage();
    const many = timelineSortEdits(big, all);
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000;
    assert.ok(new Set(many.values()).size <= 2, 'one edit for the block (and undefined outside it)');
    assert.ok(ms < 1000, `${ms} ms`);
  });
});

describe('timeline: rules', () => {
  const codes = (text: string) =>
    analyze(text, { force: true, config: { ...DEFAULT_CONFIG, requiredSections: [] } })
      .findings.filter((f) => f.code.startsWith('timeline'))
      .map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}`);

  it('timeline-order on the later-written, earlier entry', () => {
    assert.deepEqual(codes(doc('## Timeline (UTC)', '- 14:10 b', '- 14:00 a')), ['timeline-order@2:2']);
  });

  it('no timeline-order across midnight', () => {
    assert.deepEqual(codes(doc('## Timeline (UTC)', '- 23:50 b', '- 00:10 a')), []);
  });

  it('timeline-timestamp for an entry with no time in a timed list, not for prose lists or notes', () => {
    assert.deepEqual(codes(doc('## Timeline (UTC)', '- 14:00 a', '- rolled back', '- **Note:** later', '', 'Causes:', '', '- cpu', '- memory')), ['timeline-timestamp@2:2']);
  });

  it('timeline-timestamp when no entry has a time; none for empty template rows', () => {
    assert.deepEqual(codes(doc('## Timeline', '- deployed')), ['timeline-timestamp@1:2']);
    assert.deepEqual(codes(doc('## Timeline', '| Time | Event |', '|---|---|', '|  |  |')), []);
  });

  it('timeline-timezone once, on the heading, only when no zone is stated', () => {
    assert.deepEqual(codes(doc('## Timeline', '- 14:00 a', '- 14:10 b')), ['timeline-timezone@0:0']);
    assert.deepEqual(codes(doc('## Timeline', 'All times UTC.', '', '- 14:00 a')), []);
    assert.deepEqual(codes(doc('---', 'timezone: Europe/Berlin', '---', '## Timeline', '- 14:00 a')), []);
    assert.deepEqual(codes(doc('## Timeline', '| Time (PST) | Event |', '|---|---|', '| 14:00 | a |')), []);
    assert.deepEqual(codes(doc('## Timeline', '- 14:00 UTC a')), []);
    assert.deepEqual(codes(doc('## Timeline', '- 2026-11-20 a')), []);
  });
});
