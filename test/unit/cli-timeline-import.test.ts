// `postmortem timeline import` as a function: each fixture printed as Markdown, merging into a post-mortem, errors.
import * as assert from 'node:assert/strict';
import { chmodSync, cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTimelineImport, type TimelineImportOptions } from '../../src/cli/timeline-import';
import { IMPORT_FIXTURES } from './import/helpers';
import { MAX_CHECKED_LINES } from '../../src/core';

async function run(input: string | undefined, options: TimelineImportOptions = {}, stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await runTimelineImport(input, options, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => stdin });
  return { code, stdout, stderr };
}

const fixture = (name: string) => join(IMPORT_FIXTURES, name);

describe('postmortem timeline import (CLI function)', () => {
  const expected: Array<[string, string, number, string]> = [
    ['slack-text.txt', 'auto-detected text copied from Slack', 5, '- **2025-11-24 23:52 UTC** — Sam Lee: Pager fired for checkout latency<br>\\# this is not a heading'],
    ['teams-text.txt', 'auto-detected text copied from Microsoft Teams', 4, '- **2025-11-24 23:50 UTC** — Sam Lee: Checkout errors are up, declaring an incident'],
    ['lines.log', 'auto-detected timestamped lines', 6, '- **2025-11-24 23:58 UTC** — deploy 412 started'],
    ['history.sh', 'auto-detected timestamped lines: shell history', 2, '- **2025-11-25 00:00 UTC** — `kubectl rollout undo deploy/payments`'],
    ['git.log', 'auto-detected git log', 3, '- **2025-11-24 22:40 UTC** — Sam Lee: Deploy build 412 to production'],
    ['pagerduty.json', 'auto-detected a PagerDuty incident log', 5, '- **2025-11-24 23:50 UTC** — **Detected:** Triggered through the API: Checkout latency high'],
    ['pagerduty.csv', 'auto-detected a PagerDuty incident log', 3, '- **2025-11-24 23:50 UTC** — **Detected:** Triggered: Checkout latency, EU'],
    ['opsgenie.csv', 'auto-detected an Opsgenie alert log', 3, '- **2025-11-24 23:50 UTC** — **Detected:** System: Alert created via API'],
    ['slack-export/incident-412', 'read as a Slack export (2 day files)', 4, '- **2025-11-24 23:50 UTC** — Sam Lee: @Alex Kim checkout is failing, see [the status page](https://status.example.com/x) & @here'],
  ];
  for (const [file, detection, count, first] of expected) {
    it(`prints ${file} as Markdown entries and says how it read it`, async () => {
      const r = await run(fixture(file), { date: '2025-11-25', today: '2025-11-25', zone: 'UTC' });
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, count);
      assert.equal(lines[0], first);
      assert.ok(r.stderr.startsWith(detection), r.stderr);
    });
  }

  it('reads standard input with --from, and lists unreadable lines on stderr', async () => {
    const r = await run('-', { from: 'lines', date: '2025-11-25', zone: 'Europe/Berlin' }, 'orphan\n10:00 paged\n');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '- **2025-11-25 10:00 +01:00** — paged\n');
    assert.match(r.stderr, /unreadable: 1: no time at the start of the line, and no entry above it to continue: orphan/);
  });

  it('--into merges into the Timeline, skipping duplicates, and a second run adds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-import-'));
    const doc = join(dir, 'pm.md');
    writeFileSync(doc, '---\ndate: 2025-11-24\n---\n# Outage\n\n## Timeline\n\n- **23:55** — Escalated to level 2\n\n## Impact\n\nSome.\n');
    const first = await run(fixture('pagerduty.json'), { into: doc });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /Imported 4 entries, skipped 1 duplicates, 1 lines unreadable\./);
    assert.equal(
      readFileSync(doc, 'utf8'),
      '---\ndate: 2025-11-24\n---\n# Outage\n\n## Timeline\n\n- **23:50** — **Detected:** Triggered through the API: Checkout latency high\n- **23:52** — **Acknowledged:** Acknowledged by Sam Lee\n- **23:55** — Escalated to level 2\n- **00:01** — Alex Kim: Note added: Rolling back 412\n- **00:30** — **Resolved:** Resolved by Alex Kim\n\n## Impact\n\nSome.\n',
    );
    const again = await run(fixture('pagerduty.json'), { into: doc });
    assert.match(again.stderr, /Imported 0 entries, skipped 5 duplicates/);
    assert.deepEqual(readdirSync(dir), ['pm.md'], 'no temporary file is left behind');
  });

  it('--into never writes through a symbolic link, keeps the file\'s permissions, and names a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-import-'));
    const doc = join(dir, 'pm.md');
    const original = '---\ndate: 2025-11-24\n---\n# Outage\n\n## Timeline\n\n- **23:55** — Escalated to level 2\n';
    writeFileSync(doc, original);
    chmodSync(doc, 0o640);
    const link = join(dir, 'link.md');
    symlinkSync(doc, link);
    const linked = await run(fixture('pagerduty.json'), { into: link });
    assert.equal(linked.code, 2);
    assert.match(linked.stderr, /link\.md is a symbolic link; a file is never written through a link\. Nothing was written\./);
    assert.equal(readFileSync(doc, 'utf8'), original, 'the file behind the link is untouched');
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is left as it was');

    const merged = await run(fixture('pagerduty.json'), { into: doc });
    assert.equal(merged.code, 0, merged.stderr);
    assert.notEqual(readFileSync(doc, 'utf8'), original);
    assert.equal(statSync(doc).mode & 0o777, 0o640, 'the permissions are kept');

    const missing = await run(fixture('pagerduty.json'), { into: join(dir, 'gone.md') });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /gone\.md does not exist: --into merges into an existing post-mortem\./);
    assert.deepEqual(readdirSync(dir).sort(), ['link.md', 'pm.md'], 'nothing else was created');
  });

  it('--into a post-mortem too large to check: nothing imported, the file untouched, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-import-'));
    const doc = join(dir, 'pm.md');
    const original = `# Outage\n\n## Timeline\n\n- **23:55** — Escalated\n${'\n'.repeat(MAX_CHECKED_LINES)}`; // 1.5 MB: under --into's 4 MB
    writeFileSync(doc, original);
    const r = await run(fixture('pagerduty.json'), { into: doc });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /pm\.md: nothing imported\. This document is too large to check: 1,500,00\d lines/);
    assert.equal(readFileSync(doc, 'utf8'), original);
  });

  it('an export root with one channel is read as that channel; with several it asks for one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-export-'));
    cpSync(join(IMPORT_FIXTURES, 'slack-export'), dir, { recursive: true });
    const one = await run(dir, {});
    assert.equal(one.code, 0, one.stderr);
    assert.equal(one.stdout.trimEnd().split('\n').length, 4);
    cpSync(join(dir, 'incident-412'), join(dir, 'other'), { recursive: true });
    const two = await run(dir, {});
    assert.equal(two.code, 2);
    assert.match(two.stderr, /is a Slack export with 2 channels: give one channel's folder/);
  });

  it('bad input and usage errors give one message and their exit codes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-bad-'));
    writeFileSync(join(dir, 'bad.json'), '{"log_entries": [\n  {"type": "trigger_log_entry",, }\n]}');
    const bad = await run(join(dir, 'bad.json'), { from: 'pagerduty' });
    assert.equal(bad.code, 1);
    assert.equal(bad.stderr, 'bad.json is not valid JSON: line 2, column 32 (character 49): property name expected.\n');
    assert.equal((await run(undefined)).code, 2);
    assert.equal((await run(fixture('lines.log'), { from: 'fax' })).code, 2);
    assert.equal((await run(join(dir, 'missing.txt'))).code, 2);
    assert.equal((await run(fixture('lines.log'), { date: '25/11/2025' })).code, 1);
  });
});
