// `postmortem report` and `postmortem actions`, the built CLI run as users run it, on a copy of the fixture repository
// (test/fixtures/catalogue) with a fixed --today: formats, the --overdue exit code, --write and its markers.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spliceReportBlock, REPORT_END, REPORT_START } from '../../src/cli/catalogue';
import { ROOT } from './helpers';

const BIN = join(ROOT, 'bin', 'postmortem.js');
const TODAY = '2026-03-01';

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-catalogue-'));
  cpSync(join(ROOT, 'test', 'fixtures', 'catalogue'), dir, { recursive: true });
  // A git root, so the project root is this folder wherever the temporary folder is.
  mkdirSync(join(dir, '.git'));
  return dir;
}

describe('postmortem report', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    assert.ok(existsSync(join(ROOT, 'dist', 'cli', 'postmortem.js')), 'run `npm run build` first');
    dir = repo();
  });

  it('prints the index newest first, and the aggregates, in Markdown', () => {
    const r = run(dir, 'report', '--today', TODAY);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Post-mortems\n\n4 post-mortems; 6 open action items, 1 overdue as of 2026-03-01\.\n/);
    const rows = r.stdout.split('\n').filter((l) => /^\| 2026-\d\d-\d\d \|/.test(l));
    assert.deepEqual(rows, [
      '| 2026-02-15 | [Database outage](postmortems/2026-02-15-database-outage.md) | SEV1 | draft |  |  | 1 | 0 |',
      '| 2026-02-03 | [Post-mortem: API latency](incidents/2026/2026-02-03-api-latency.md) |  |  |  |  | 1 | 0 |',
      '| 2026-01-25 | [Cache stampede](postmortems/2026-01-25-cache-stampede.md) | SEV2 | in-review | 5 min | 40 min | 1 | 0 |',
      '| 2026-01-10 | [Database outage](postmortems/2026-01-10-database-outage.md) | SEV1 | final | 12 min | 2 h 00 min | 3 | 1 |',
    ]);
    assert.match(r.stdout, /\| 2026-01 \| 2 \| 1 \| 1 \| 0 \| 1 h 20 min \| 1 h 20 min \| 50 % \(1\/2\) \|/);
    assert.match(r.stdout, /\| SEV1 \| 2 \| 2 h 00 min \| 2 h 00 min \| 100 % \(1\/1\) \| 4 \| 1 \|/);
    assert.match(r.stdout, /\| @ben \| 2 \| 1 \| 0 \|/);
  });

  it('json holds the rows and the aggregates', () => {
    const r = run(dir, 'report', '--format', 'json', '--today', TODAY);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { today: string; postmortems: Array<{ path: string; ttrMs?: number }>; aggregate: { total: number; templates: number; overall: { ttr: { medianMs: number } } } };
    assert.equal(report.today, TODAY);
    assert.equal(report.postmortems.length, 4);
    assert.equal(report.aggregate.total, 4);
    assert.equal(report.aggregate.templates, 1);
    assert.equal(report.aggregate.overall.ttr.medianMs, 4_800_000);
  });

  it('csv has a header and one row per post-mortem', () => {
    const r = run(dir, 'report', '--format', 'csv', '--today', TODAY);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\r\n');
    assert.equal(lines[0], '"Date","Title","Severity","Status","TTD (min)","TTR (min)","Open actions","Overdue actions","Sections","Path"');
    assert.equal(lines.length, 5);
    assert.equal(lines[4], '"2026-01-10","Database outage","SEV1","final","12","120","3","1","10/10","postmortems/2026-01-10-database-outage.md"');
  });

  it('html is one page with SVG charts, no script and nothing from the network, titles escaped', () => {
    const hostile = repo();
    writeFileSync(join(hostile, 'postmortems', '2026-02-20-x.md'), '---\ntype: postmortem\ntitle: "<img src=x onerror=alert(1)></script>"\ndate: 2026-02-20\nseverity: "<b>SEV</b>"\n---\n# x\n');
    const r = run(hostile, 'report', '--format', 'html', '--today', TODAY);
    assert.equal(r.code, 0, r.stderr);
    const html = r.stdout;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'">/);
    assert.doesNotMatch(html, /<img src=x|<b>SEV/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;&lt;\/script&gt;/);
    assert.doesNotMatch(html, /<script/i);
    assert.deepEqual(html.match(/\b(?:src|href)="https?:/g), null);
    assert.deepEqual([...html.matchAll(/<svg [^>]*data-chart="([^"]+)"/g)].map((m) => m[1]), ['per-month', 'ttr-trend', 'owners']);
    // The per-month chart stacks one bar segment per month and severity with incidents: 2026-01 SEV1, SEV2; 2026-02 SEV1, none, <b>SEV</b>.
    const perMonth = /<svg [^>]*data-chart="per-month".*?<\/svg>/s.exec(html)![0];
    assert.equal((perMonth.match(/<rect [^>]*><title>/g) ?? []).length, 5);
    assert.match(perMonth, /<title>2026-02: 1 &lt;b&gt;SEV&lt;\/b&gt;<\/title>/);
  });

  it('escapes what a title could do to a Markdown table or a README', () => {
    const hostile = repo();
    writeFileSync(join(hostile, 'postmortems', '2026-02-20-x.md'), '---\ntype: postmortem\ntitle: "a | b [c](javascript:x) <b>d</b>"\ndate: 2026-02-20\n---\n# x\n');
    const r = run(hostile, 'report', '--today', TODAY);
    assert.match(r.stdout, /\| \[a \\\| b \\\[c\\\]\(javascript:x\) &lt;b&gt;d&lt;\/b&gt;\]\(postmortems\/2026-02-20-x\.md\) \|/);
  });

  it('names files relative to the working directory, also above it (..), and reads inputs as lint does', () => {
    const r = run(join(dir, 'postmortems'), 'report', '..', '--today', TODAY);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\[Post-mortem: API latency\]\(\.\.\/incidents\/2026\/2026-02-03-api-latency\.md\)/);
    assert.match(r.stdout, /\[Cache stampede\]\(2026-01-25-cache-stampede\.md\)/);
    const one = run(dir, 'report', 'incidents', '--today', TODAY, '--format', 'json');
    assert.equal((JSON.parse(one.stdout) as { postmortems: unknown[] }).postmortems.length, 1);
  });

  it('gives the same report from worker threads (--jobs) as in one thread', () => {
    const one = run(dir, 'report', '--format', 'json', '--today', TODAY, '--jobs', '1');
    const three = run(dir, 'report', '--format', 'json', '--today', TODAY, '--jobs', '3');
    assert.equal(three.code, 0, three.stderr);
    assert.equal(three.stdout, one.stdout);
    assert.equal(run(dir, 'report', '--jobs', '0').code, 2);
  });

  it('skips a huge or binary file with a note, and lists the rest', () => {
    const odd = repo();
    writeFileSync(join(odd, 'postmortems', 'huge-postmortem.md'), `# Post-mortem\n${'x'.repeat(5 * 1024 * 1024)}`);
    writeFileSync(join(odd, 'postmortems', 'binary-postmortem.md'), Buffer.from([0x23, 0x20, 0, 1, 2, 3]));
    const r = run(odd, 'report', '--today', TODAY, '--format', 'json', '--jobs', '2');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /postmortems\/huge-postmortem\.md: skipped, 5\.0 MB is larger than 4 MB\./);
    assert.match(r.stderr, /postmortems\/binary-postmortem\.md: skipped, not text\./);
    assert.equal((JSON.parse(r.stdout) as { postmortems: unknown[] }).postmortems.length, 4);
  });

  it('refuses a bad --today, an unknown format, and --write with another format (exit 2)', () => {
    assert.equal(run(dir, 'report', '--today', '2026-02-30').code, 2);
    assert.equal(run(dir, 'report', '--format', 'pdf').code, 2);
    assert.equal(run(dir, 'report', '--format', 'json', '--write', 'README.md').code, 2);
  });
});

describe('postmortem report --write', function () {
  this.timeout(60_000);

  it('creates the file with the block between markers, then replaces only the block', () => {
    const dir = repo();
    const first = run(dir, 'report', '--write', 'INDEX.md', '--today', TODAY);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /INDEX\.md: created \(4 post-mortems\)/);
    const created = readFileSync(join(dir, 'INDEX.md'), 'utf8');
    assert.ok(created.startsWith(`${REPORT_START}\n`));
    assert.ok(created.endsWith(`${REPORT_END}\n`));
    assert.match(created, /\[Cache stampede\]\(postmortems\/2026-01-25-cache-stampede\.md\)/);

    writeFileSync(join(dir, 'INDEX.md'), `# Our incidents\n\nRead these.\n\n${created}\n## Contact\n\nsre@example.com\n`);
    const again = run(dir, 'report', '--write', 'INDEX.md', '--today', '2026-04-01');
    assert.equal(again.code, 0, again.stderr);
    const updated = readFileSync(join(dir, 'INDEX.md'), 'utf8');
    assert.ok(updated.startsWith('# Our incidents\n\nRead these.\n\n<!-- postmortem-report:start -->\n'));
    assert.ok(updated.endsWith(`${REPORT_END}\n\n## Contact\n\nsre@example.com\n`));
    assert.match(updated, /as of 2026-04-01/);
    assert.equal(run(dir, 'report', '--write', 'INDEX.md', '--today', '2026-04-01').stderr.includes('unchanged'), true);
  });

  it('links from where the file is', () => {
    const dir = repo();
    assert.equal(run(dir, 'report', '--write', 'postmortems/INDEX.md', '--today', TODAY).code, 0);
    const text = readFileSync(join(dir, 'postmortems', 'INDEX.md'), 'utf8');
    assert.match(text, /\]\(2026-01-25-cache-stampede\.md\)/);
    assert.match(text, /\]\(\.\.\/incidents\/2026\/2026-02-03-api-latency\.md\)/);
  });

  it('appends the block to a file without markers, keeping its text', () => {
    const dir = repo();
    writeFileSync(join(dir, 'README.md'), '# Post-mortems\r\n\r\nOur process.');
    assert.equal(run(dir, 'report', '--write', 'README.md', '--today', TODAY).code, 0);
    const text = readFileSync(join(dir, 'README.md'), 'utf8');
    assert.ok(text.startsWith(`# Post-mortems\r\n\r\nOur process.\r\n\r\n${REPORT_START}\r\n`));
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'the file keeps its CRLF line endings');
  });

  it('refuses broken markers and symbolic links, and writes nothing', () => {
    const dir = repo();
    const broken = `a\n${REPORT_START}\nx\n${REPORT_START}\n${REPORT_END}\n`;
    writeFileSync(join(dir, 'README.md'), broken);
    const r = run(dir, 'report', '--write', 'README.md', '--today', TODAY);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /needs exactly one/);
    assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), broken);

    writeFileSync(join(dir, 'target.md'), 'keep me\n');
    symlinkSync(join(dir, 'target.md'), join(dir, 'LINK.md'));
    const l = run(dir, 'report', '--write', 'LINK.md', '--today', TODAY);
    assert.equal(l.code, 2);
    assert.match(l.stderr, /is a symbolic link/);
    assert.equal(readFileSync(join(dir, 'target.md'), 'utf8'), 'keep me\n');
  });

  const cases: ReadonlyArray<[name: string, existing: string | undefined, want: string | RegExp]> = [
    ['no file', undefined, /^<!-- postmortem-report:start -->\n.*\n\nBLOCK\n\n<!-- postmortem-report:end -->\n$/],
    ['an empty file', '', /^<!-- postmortem-report:start -->\n/],
    ['text without a final newline', 'x', /^x\n\n<!-- postmortem-report:start -->/],
    ['markers around old text', `a\n  ${REPORT_START}\nold\n${REPORT_END}\nb\n`, /^a\n<!-- postmortem-report:start -->\n.*\n\nBLOCK\n\n<!-- postmortem-report:end -->\nb\n$/],
    ['an end before the start', `${REPORT_END}\n${REPORT_START}\n`, 'error'],
    ['a start without an end', `${REPORT_START}\n`, 'error'],
  ];
  for (const [name, existing, want] of cases) {
    it(`splices the block into ${name}`, () => {
      const r = spliceReportBlock(existing, 'BLOCK\n');
      if (want === 'error') assert.ok('error' in r);
      else assert.match('text' in r ? r.text : r.error, want as RegExp);
    });
  }
});

describe('postmortem actions', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = repo();
  });

  it('lists open items, overdue first, with links to their lines', () => {
    const r = run(dir, 'actions', '--today', TODAY);
    assert.equal(r.code, 0, r.stderr);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| State') && !l.startsWith('| ---'));
    assert.equal(rows.length, 6);
    assert.equal(rows[0], '| overdue | 2026-02-01 | Alert on connection saturation | @ben | DB-102 | [Database outage](postmortems/2026-01-10-database-outage.md#L59) |');
    assert.match(rows[1]!, /^\| due soon \(beyond policy\) \| 2026-03-05 \| Write a rollback runbook/);
  });

  it('--overdue exits 1 when any item is overdue, 0 when none is', () => {
    const r = run(dir, 'actions', '--overdue', '--today', TODAY);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /1 action item is overdue \(as of 2026-03-01\)/);
    const before = run(dir, 'actions', '--overdue', '--today', '2026-01-15');
    assert.equal(before.code, 0, before.stderr);
    assert.equal(before.stdout, 'No action items.\n');
  });

  it('--owner filters, with or without @, in any case; --all adds done items; json and csv', () => {
    const r = run(dir, 'actions', '--owner', 'ANA', '--all', '--format', 'json', '--today', TODAY);
    assert.equal(r.code, 0, r.stderr);
    const rows = (JSON.parse(r.stdout) as { actions: Array<{ text: string; state: string; line: number }> }).actions;
    assert.deepEqual(rows.map((a) => [a.state, a.text]), [
      ['open', 'Load-test pool changes before deploy'],
      ['done', 'Bound the pool size by the connection limit'],
      ['done', 'Warm caches on restart'],
    ]);
    const c = run(dir, 'actions', '--owner', '@dan', '--format', 'csv', '--today', TODAY);
    assert.equal(c.stdout.split('\r\n')[1], '"open","2026-04-30","Add jitter to expiry","dan","CACHE-7","Cache stampede","2026-01-25","SEV2","postmortems/2026-01-25-cache-stampede.md","41","yes"');
  });
});
