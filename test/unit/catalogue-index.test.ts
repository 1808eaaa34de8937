// The catalogue core: one entry per post-mortem (summarise), its cache record, and the aggregates, on a fixture
// repository (test/fixtures/catalogue) with a fixed today.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregate, chartSpecs, chartSvg, fromRecord, markdownReport, MAX_SEVERITY_COLUMNS, normaliseConfig, severityColumns, summarise, toRecord, withToday, writtenDay, type CatalogueEntry } from '../../src/core';
import { doc } from './helpers';

const ROOT = join(__dirname, '..', 'fixtures', 'catalogue');
const TODAY = '2026-03-01';
const config = normaliseConfig({ followUpPolicy: { SEV1: 28, SEV2: 56 } });
const FILES = [
  'postmortems/2026-01-10-database-outage.md',
  'postmortems/2026-01-25-cache-stampede.md',
  'incidents/2026/2026-02-03-api-latency.md',
  'postmortems/2026-02-15-database-outage.md',
  'postmortems/template.md',
  'postmortems/README.md',
  'docs/runbook.md',
];
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const entries = (today = TODAY) => FILES.map((p) => summarise(read(p), p, { config, today })).filter((e): e is CatalogueEntry => e !== undefined);
const byPath = (p: string) => entries().find((e) => e.path === p)!;

describe('catalogue: summarise', () => {
  it('keeps post-mortems and templates, and leaves out index pages and runbooks', () => {
    assert.deepEqual(
      entries().map((e) => [e.path, e.template]),
      [
        ['postmortems/2026-01-10-database-outage.md', false],
        ['postmortems/2026-01-25-cache-stampede.md', false],
        ['incidents/2026/2026-02-03-api-latency.md', false],
        ['postmortems/2026-02-15-database-outage.md', false],
        ['postmortems/template.md', true],
      ],
    );
  });

  const cases: ReadonlyArray<{ path: string; title: string; date?: string; severity?: string; status?: string; finalDate?: string; missing: number; ttrMs?: number }> = [
    { path: FILES[0]!, title: 'Database outage', date: '2026-01-10', severity: 'SEV1', status: 'final', finalDate: '2026-01-20', missing: 0, ttrMs: 2 * 3_600_000 },
    // No front-matter date: the day it started, from the timeline's milestones; "sev-2" and "In review" understood.
    { path: FILES[1]!, title: 'Cache stampede', date: '2026-01-25', severity: 'SEV2', status: 'in-review', missing: 3, ttrMs: 40 * 60_000 },
    // No front matter: title from the heading, date from the path.
    { path: FILES[2]!, title: 'Post-mortem: API latency', date: '2026-02-03', missing: 5 },
    // A date written "15 February 2026"; a duplicate title is its own entry.
    { path: FILES[3]!, title: 'Database outage', date: '2026-02-15', severity: 'SEV1', status: 'draft', missing: 7 },
  ];
  for (const c of cases) {
    it(`reads ${c.path}`, () => {
      const e = byPath(c.path);
      assert.equal(e.title, c.title);
      assert.equal(e.date, c.date);
      assert.equal(e.severity, c.severity);
      assert.equal(e.status, c.status);
      assert.equal(e.finalDate, c.finalDate);
      assert.equal(e.completeness.missing.length, c.missing);
      assert.equal(e.metrics?.durations.ttr?.ms, c.ttrMs);
    });
  }

  it('reads action items in lists and tables: owner, ticket, due date, done, line, checkbox, and the follow-up flags', () => {
    const pick = (e: CatalogueEntry) => e.actions.map((a) => ({ text: a.text, owner: a.owner, ticket: a.ticket, dueDate: a.dueDate, deadline: a.deadline, done: a.done, line: a.line, checkbox: a.checkbox, overdue: a.overdue, dueSoon: a.dueSoon, beyondPolicy: a.beyondPolicy }));
    assert.deepEqual(pick(byPath(FILES[0]!)), [
      { text: 'Bound the pool size by the connection limit', owner: '@ana', ticket: 'DB-101', dueDate: '2026-01-20', deadline: '2026-02-07', done: true, line: 57, checkbox: 2, overdue: undefined, dueSoon: undefined, beyondPolicy: undefined },
      { text: 'Alert on connection saturation', owner: '@ben', ticket: 'DB-102', dueDate: '2026-02-01', deadline: '2026-02-07', done: false, line: 58, checkbox: 2, overdue: true, dueSoon: undefined, beyondPolicy: undefined },
      { text: 'Load-test pool changes before deploy', owner: '@ana', ticket: 'DB-103', dueDate: '2026-03-30', deadline: '2026-02-07', done: false, line: 59, checkbox: 2, overdue: undefined, dueSoon: undefined, beyondPolicy: true },
      { text: 'Write a rollback runbook', owner: '@carol', ticket: 'DB-104', dueDate: '2026-03-05', deadline: '2026-02-07', done: false, line: 60, checkbox: 2, overdue: undefined, dueSoon: true, beyondPolicy: true },
    ]);
    assert.deepEqual(pick(byPath(FILES[1]!)).map((a) => [a.text, a.owner, a.done, a.checkbox, a.beyondPolicy]), [
      ['Add jitter to expiry', '@dan', false, undefined, true],
      ['Warm caches on restart', '@ana', true, undefined, undefined],
    ]);
    // "due: Mar 10" takes the incident's year.
    assert.equal(byPath(FILES[3]!).actions[0]!.dueDate, '2026-03-10');
    // A template's example item is no action item.
    assert.deepEqual(byPath('postmortems/template.md').actions, []);
  });

  it('has no overdue or due-soon flags without today, and withToday gives them for another day', () => {
    const none = summarise(read(FILES[0]!), FILES[0]!, { config })!;
    assert.ok(none.actions.every((a) => a.overdue === undefined && a.dueSoon === undefined));
    const later = withToday(none, '2026-04-01');
    assert.deepEqual(later.actions.map((a) => a.overdue ?? false), [false, true, true, true]);
  });

  it('without a policy, nothing is beyond it and an item without a due date is never overdue', () => {
    const e = summarise(read(FILES[0]!), FILES[0]!, { today: TODAY })!;
    assert.ok(e.actions.every((a) => a.beyondPolicy === undefined && a.deadline === undefined));
    const undated = summarise(doc('---', 'type: postmortem', 'date: 2020-01-01', 'severity: SEV1', '---', '# T', '## Action Items', '- [ ] Fix it @ana'), 'x.md', { config, today: TODAY })!;
    // With the policy, the deadline (2020-01-29) stands in for the missing due date.
    assert.equal(undated.actions[0]!.overdue, true);
    const noPolicy = summarise(doc('---', 'type: postmortem', 'date: 2020-01-01', 'severity: SEV1', '---', '# T', '## Action Items', '- [ ] Fix it @ana'), 'x.md', { today: TODAY })!;
    assert.equal(noPolicy.actions[0]!.overdue, undefined);
  });

  it('gives the same entry without detaching it (the worker threads of postmortem report skip the copy)', () => {
    let checked = 0;
    for (const p of FILES) {
      const detached = summarise(read(p), p, { config, today: TODAY });
      const kept = summarise(read(p), p, { config, today: TODAY, detach: false });
      assert.deepEqual(kept, detached, p);
      assert.deepEqual(structuredClone(kept), detached, `${p}, as a worker thread posts it`);
      if (detached) checked++;
    }
    assert.ok(checked >= 5, `${checked} post-mortems compared`);
  });

  it('never throws, and is bounded, on odd input', () => {
    for (const text of ['', '---\n', '---\ntitle: [\n---\n# Post-mortem', `# Post-mortem: ${'x'.repeat(10_000)}`, '\u0000\uFFFF']) {
      const e = summarise(text, 'postmortems/odd.md', { config, today: TODAY });
      if (e) assert.ok(e.title.length <= 300);
    }
    assert.match(summarise('---\ntitle: [\n---\n# Post-mortem', 'postmortems/odd.md')!.problems![0]!, /^Front matter/);
  });
});

describe('catalogue: written dates', () => {
  const cases: ReadonlyArray<[unknown, string | undefined, string | undefined]> = [
    ['2026-11-01', undefined, '2026-11-01'],
    ['2026/11/01', undefined, '2026-11-01'],
    ['Nov 1, 2026', undefined, '2026-11-01'],
    ['1 November 2026', undefined, '2026-11-01'],
    ['2026-11-01T14:03:00Z', undefined, '2026-11-01'],
    [new Date(Date.UTC(2026, 10, 1)), undefined, '2026-11-01'],
    ['Jan 5', '2026-11-20', '2027-01-05'],
    ['Dec 5', '2026-11-20', '2026-12-05'],
    ['Dec 5', undefined, undefined],
    ['next sprint', undefined, undefined],
    ['2026-02-30', undefined, undefined],
    [42, undefined, undefined],
  ];
  for (const [value, year, want] of cases) it(`${String(value)} → ${want}`, () => assert.equal(writtenDay(value, year), want));
});

describe('catalogue: cache records', () => {
  it('round-trip every fixture entry through JSON', () => {
    for (const e of entries()) assert.deepEqual(fromRecord(e.path, JSON.parse(JSON.stringify(toRecord(e))), TODAY), e);
  });

  it('refuse records of another version or shape', () => {
    const good = toRecord(entries()[0]!);
    for (const bad of [null, 1, {}, { ...good, v: 0 }, { ...good, c: [[], []] }, { ...good, c: [['nope'], [], []] }, { ...good, a: [{ x: 1, l: 0 }] }, { ...good, m: { started: ['x', 'q', 0] } }, { ...good, p: [1] }]) {
      assert.equal(fromRecord('a.md', bad), undefined, JSON.stringify(bad));
    }
  });

  it('are small', () => {
    const size = entries().reduce((n, e) => n + JSON.stringify(toRecord(e)).length, 0);
    assert.ok(size < 3000, `${size} characters`);
  });
});

describe('catalogue: aggregates', () => {
  const agg = aggregate(entries(), { severities: config.severities, today: TODAY });

  it('counts post-mortems by month and severity, templates apart', () => {
    assert.equal(agg.total, 4);
    assert.equal(agg.templates, 1);
    assert.deepEqual(agg.byMonth.map((m) => [m.key, m.count, m.bySeverity]), [
      ['2026-01', 2, { SEV1: 1, SEV2: 1 }],
      ['2026-02', 2, { '(none)': 1, SEV1: 1 }],
    ]);
    assert.deepEqual(agg.bySeverity.map((s) => [s.key, s.count]), [['SEV1', 2], ['SEV2', 1], ['(none)', 1]]);
  });

  it('gives median and mean time to resolve', () => {
    assert.deepEqual(agg.overall.ttr, { count: 2, medianMs: (7_200_000 + 2_400_000) / 2, meanMs: (7_200_000 + 2_400_000) / 2 });
    assert.deepEqual(agg.bySeverity[0]!.ttr, { count: 1, medianMs: 7_200_000, meanMs: 7_200_000 });
    assert.deepEqual(agg.bySeverity[2]!.ttr, { count: 0 });
  });

  it('gives the share final within 14 days, counting only what is decided', () => {
    // Final after 10 days: yes. In review or without status after 14 days: no. A draft 14 days old: not yet decided.
    assert.deepEqual(agg.overall.finalWithin, { count: 1, of: 3, share: 1 / 3 });
    assert.deepEqual(agg.bySeverity[0]!.finalWithin, { count: 1, of: 1, share: 1 });
  });

  it('counts the ledger and open actions by owner', () => {
    assert.deepEqual(agg.actions, { total: 8, open: 6, done: 2, overdue: 1, dueSoon: 1, beyondPolicy: 3, noOwner: 1, noTicket: 2, noDue: 1 });
    assert.deepEqual(agg.openActionsByOwner.map((o) => [o.owner, o.open, o.overdue]), [
      ['@ben', 2, 1],
      ['(no owner)', 1, 0],
      ['@ana', 1, 0],
      ['@carol', 1, 0],
      ['@dan', 1, 0],
    ]);
  });

  it('past MAX_SEVERITY_COLUMNS severities, the month table and chart sum the rest in one column', () => {
    // Every file its own month and severity made a table of months × severities (4,000 files: 65 MB of Markdown).
    const many: CatalogueEntry[] = Array.from({ length: 40 }, (_, i) => ({
      path: `p${i}.md`,
      title: `P ${i}`,
      date: `20${10 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
      severity: `S${i % 20}`,
      template: false,
      completeness: { present: [], empty: [], missing: [] },
      actions: [],
    }));
    const a = aggregate(many, { today: TODAY });
    const columns = severityColumns(a);
    assert.equal(columns.labels.length, MAX_SEVERITY_COLUMNS);
    assert.equal(columns.labels.at(-1), `${20 - (MAX_SEVERITY_COLUMNS - 1)} others`);
    for (const m of a.byMonth) assert.equal(columns.values(m).reduce((x, y) => x + y, 0), m.count);
    const header = markdownReport(many, a).split('\n').find((l) => l.startsWith('| Month'))!;
    assert.equal(header.split('|').length - 2, 2 + MAX_SEVERITY_COLUMNS + 3);
    assert.equal(chartSpecs(a)[0]!.series.length, MAX_SEVERITY_COLUMNS);
  });

  it('of nothing is empty', () => {
    const empty = aggregate([]);
    assert.equal(empty.total, 0);
    assert.deepEqual(empty.overall.ttr, { count: 0 });
    assert.deepEqual(empty.byMonth, []);
  });
});

describe('catalogue: charts', () => {
  const agg = aggregate(entries(), { severities: config.severities, today: TODAY });

  it('gives three charts: incidents per month by severity, the time-to-resolve trend, open actions by owner', () => {
    const specs = chartSpecs(agg);
    assert.deepEqual(specs.map((s) => [s.id, s.labels, s.series.map((x) => [x.name, x.values])]), [
      ['per-month', ['2026-01', '2026-02'], [['SEV1', [1, 1]], ['SEV2', [1, 0]], ['(none)', [0, 1]]]],
      ['ttr-trend', ['2026-01', '2026-02'], [['Median', [1.33, null]], ['Mean', [1.33, null]]]],
      ['owners', ['@ben', '(no owner)', '@ana', '@carol', '@dan'], [['Overdue', [1, 0, 0, 0, 0]], ['Open', [1, 1, 1, 1, 1]]]],
    ]);
  });

  it('draws them as SVG: one bar segment per value, a gap in the line where a month has no duration, labels escaped', () => {
    const [perMonth, trend, owners] = chartSpecs(agg).map((s) => chartSvg(s));
    assert.equal((perMonth!.match(/<rect [^>]*><title>/g) ?? []).length, 4);
    assert.match(trend!, /<path d="M[\d.,]+Z?"/, 'one point: a path of one move');
    assert.equal((trend!.match(/<circle /g) ?? []).length, 2);
    assert.equal((owners!.match(/<rect [^>]*><title>/g) ?? []).length, 6);
    const hostile = chartSvg({ id: 'owners', title: '<t>', kind: 'stacked-bar', labels: ['<script>x</script>'], series: [{ name: 'Open"', values: [2] }], unit: 'count' });
    assert.doesNotMatch(hostile, /<script|<t>|Open"/);
    assert.match(chartSvg({ id: 'per-month', title: 'x', kind: 'stacked-bar', labels: [], series: [], unit: 'count' }), /No data yet/);
  });
});

describe('catalogue: the incident date without a front-matter date', () => {
  const cases: ReadonlyArray<[name: string, text: string, path: string, want: string | undefined]> = [
    ['a Date line near the top', doc('# Post-mortem: queue stall', '', '**Date:** January 5, 2022', '', '## Timeline', '- 10:00 x'), 'a.md', '2022-01-05'],
    ['a table row of metadata', doc('# Post-mortem: queue stall', '', '| Date | 2022-01-25 |', '|---|---|'), 'a.md', '2022-01-25'],
    ['a title starting with a date', doc('# 2021-07-11: Cascading node failures', '', '## Timeline', '- 10:00 x'), 'postmortems/x.md', '2021-07-11'],
    ['a US date in the title', doc('# Website Outage 5-26-21', '', '## Root Cause', 'x'), 'postmortems/x.md', '2021-05-26'],
    ['the first timeline entry with a year', doc('# Post-mortem: API errors', '', '## Timeline', '- 10:00 started', '- 2023-08-26 10:05 UTC alert', '- 2023-08-27 09:00 UTC fixed'), 'a.md', '2023-08-26'],
    ['a timeline entry without a year', doc('# Post-mortem: API errors', '', '## Timeline', '- Aug 26 10:05 UTC alert'), 'a.md', undefined],
    ['a date in the path', doc('# Post-mortem: API errors'), 'postmortems/2024/2024-02-29-api.md', '2024-02-29'],
    ['nothing', doc('# Post-mortem: API errors'), 'postmortems/api.md', undefined],
  ];
  for (const [name, text, path, want] of cases) {
    it(`${name} → ${want}`, () => assert.equal(summarise(text, path, { force: true })!.date, want));
  }
});
