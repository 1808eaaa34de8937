// The built CLI with a team config and the CSV export, run as users run it: --export-action-items csv, --config FILE,
// the nearest .postmortem.json, and a broken config (a warning on stderr, and checking goes on).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { doc, ROOT } from './helpers';

const BIN = join(ROOT, 'bin', 'postmortem-lint.js');

/** Runs the CLI in `cwd` (a fresh directory, so no .postmortem.json from the repository is picked up). */
function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const POSTMORTEM = doc(
  '---',
  'type: postmortem',
  'title: Checkout latency, "p99"',
  'date: 2026-11-27',
  'severity: SEV2',
  'status: in-review',
  '---',
  '',
  '# Checkout latency',
  '',
  '## Overview',
  '',
  'Checkout slowed for 40 minutes.',
  '',
  '## Action Items',
  '',
  '- [ ] Add a p99 alert — owner: @kim, ticket: PAY-1, due: 2026-12-01',
  '- [ ] Resize the pool, carefully — owner: @zoë, INC0042',
  '',
);

/** A temporary directory with `files` (relative path → text). */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-cli-export-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

type Json = Array<{ findings: Array<{ code: string; severity: string }> }>;
const findings = (stdout: string) => (JSON.parse(stdout) as Json)[0]!.findings;
const levels = (stdout: string, code: string) => [...new Set(findings(stdout).filter((f) => f.code === code).map((f) => f.severity))];

describe('postmortem-lint (CLI): export and team config', function () {
  before(function () {
    assert.ok(existsSync(join(ROOT, 'dist', 'cli', 'postmortem.js')), 'run `npm run build` first');
  });

  describe('--export-action-items csv', () => {
    for (const args of [['--export-action-items', 'csv'], ['--export-action-items=csv']]) {
      it(`${args.join(' ')} prints the CSV and exits 0`, () => {
        const dir = workspace({ 'postmortems/2026-11-27-checkout.md': POSTMORTEM });
        const r = run(dir, ...args, 'postmortems/2026-11-27-checkout.md');
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stderr, '');
        const lines = r.stdout.split('\r\n');
        assert.equal(lines[0], '"Summary","Description","Assignee","Due date","Labels","Labels","Labels"');
        assert.match(r.stdout, /^"Add a p99 alert","Action item from the post-mortem ""Checkout latency, ""p99"""" \(2026-11-27, SEV2\), postmortems\/2026-11-27-checkout\.md line 17\.\n\n- \[ \] Add a p99 alert — owner: @kim, ticket: PAY-1, due: 2026-12-01\n\nTicket: PAY-1","kim","2026-12-01","postmortem","postmortem-2026-11-27","SEV2"\r$/m);
        assert.match(r.stdout, /^"Resize the pool, carefully","[^"]*(""[^"]*)*","zoë","","postmortem","postmortem-2026-11-27","SEV2"\r$/m);
        assert.ok(r.stdout.endsWith('\r\n'));
      });
    }

    it('exports post-mortems only, unless --all', () => {
      const dir = workspace({ 'notes/plan.md': doc('# Plan', '', '## Action Items', '', '- [ ] Not an incident @kim OPS-9'), 'postmortems/a.md': POSTMORTEM });
      const only = run(dir, '--export-action-items', 'csv', 'notes/plan.md', 'postmortems/a.md');
      assert.equal(only.code, 0, only.stderr);
      assert.doesNotMatch(only.stdout, /Not an incident/);
      assert.match(only.stdout, /Add a p99 alert/);
      const all = run(dir, '--all', '--export-action-items', 'csv', 'notes/plan.md');
      assert.match(all.stdout, /"Not an incident",/);
    });

    it('with --config: the team ticket pattern decides what counts as a ticket', () => {
      const dir = workspace({ 'team.json': '{ "ticketPattern": "INC\\\\d{4}" }', 'a-postmortem.md': POSTMORTEM });
      const without = run(dir, '--export-action-items', 'csv', 'a-postmortem.md');
      assert.doesNotMatch(without.stdout, /Ticket: INC0042/);
      const withConfig = run(dir, '--config', 'team.json', '--export-action-items', 'csv', 'a-postmortem.md');
      assert.equal(withConfig.code, 0, withConfig.stderr);
      assert.match(withConfig.stdout, /Ticket: INC0042/);
    });

    it('exit 2 for an unknown export format', () => {
      const r = run(workspace({}), '--export-action-items', 'xlsx', 'x.md');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Unknown export format "xlsx": use csv/);
    });
  });

  describe('--config FILE', () => {
    it('applies the file: required sections and rule levels', () => {
      const dir = workspace({
        'config/team.json': '{ "requiredSections": ["overview", "impact", "action-items"], "rules": { "missing-section": "error" } }',
        'a-postmortem.md': POSTMORTEM,
      });
      const plain = run(dir, '--format', 'json', 'a-postmortem.md');
      assert.equal(plain.code, 0, plain.stderr);
      assert.equal(findings(plain.stdout).filter((f) => f.code === 'missing-section').length, 8);
      const r = run(dir, '--config', 'config/team.json', '--format', 'json', 'a-postmortem.md');
      assert.equal(r.code, 1, 'a missing section is an error now');
      assert.equal(r.stderr, '');
      assert.equal(findings(r.stdout).filter((f) => f.code === 'missing-section').length, 1);
      assert.deepEqual(levels(r.stdout, 'missing-section'), ['error']);
    });

    it('without --config: the nearest .postmortem.json from the working directory up', () => {
      const dir = workspace({ '.postmortem.json': '{ "rules": { "missing-section": "off" } }', 'docs/deep/a-postmortem.md': POSTMORTEM });
      const r = run(join(dir, 'docs', 'deep'), '--format', 'json', 'a-postmortem.md');
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(levels(r.stdout, 'missing-section'), []);
    });

    it('exit 2 when the file cannot be read', () => {
      const r = run(workspace({ 'a-postmortem.md': POSTMORTEM }), '--config', 'nope.json', 'a-postmortem.md');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /cannot read nope\.json/);
    });

    it('exit 2 when --config has no file', () => {
      const r = run(workspace({}), '--config');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /option '-c, --config <file>' argument missing/);
    });
  });

  describe('a broken config', () => {
    it('warns on stderr with the line and column, and checks with the defaults for the broken value', () => {
      const dir = workspace({
        'team.json': doc('{', '  "requiredSections": ["overview", "timline"],', '  "rules": { "missing-section": "error" }', '}'),
        'a-postmortem.md': POSTMORTEM,
      });
      const r = run(dir, '--config', 'team.json', '--format', 'json', 'a-postmortem.md');
      assert.equal(
        r.stderr,
        'postmortem-lint: warning: team.json:2:36: Unknown section id "timline" in requiredSections; known: overview, background, what-happened, root-causes, mitigation, impact, responders, timeline, good-jobs-and-improvements, action-items. Using the defaults for this value.\n',
      );
      // All ten sections are required again (the default); the valid rule level still applies.
      assert.equal(findings(r.stdout).filter((f) => f.code === 'missing-section').length, 8);
      assert.deepEqual(levels(r.stdout, 'missing-section'), ['error']);
      assert.equal(r.code, 1);
    });

    it('invalid JSON: one warning, and checking goes on without the file', () => {
      const dir = workspace({ '.postmortem.json': '{ "rules": { "missing-section": "off" ', 'a-postmortem.md': POSTMORTEM });
      const r = run(dir, '--format', 'json', 'a-postmortem.md');
      assert.equal(r.code, 0);
      const warnings = r.stderr.trim().split('\n');
      assert.equal(warnings.length, 1, r.stderr);
      assert.match(warnings[0]!, /^postmortem-lint: warning: \S*\.postmortem\.json:1:\d+: \.postmortem\.json is not valid JSON: .*Checking without this file, with the defaults\.$/);
      assert.deepEqual(levels(r.stdout, 'missing-section'), ['warning']);
    });

    it('the export goes on too', () => {
      const dir = workspace({ '.postmortem.json': '{ "ticketPattern": "(" }', 'a-postmortem.md': POSTMORTEM });
      const r = run(dir, '--export-action-items', 'csv', 'a-postmortem.md');
      assert.equal(r.code, 0);
      assert.match(r.stderr, /warning: .*ticketPattern must be a valid regular expression/);
      assert.match(r.stdout, /^"Add a p99 alert"/m);
    });
  });
});
