// The built CLI, run as users run it: output formats and exit codes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { FIXTURES, ROOT } from './helpers';
import { MAX_CHECKED_LINES } from '../../src/core';

const BIN = join(ROOT, 'bin', 'postmortem-lint.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('postmortem-lint (CLI)', function () {
  before(function () {
    assert.ok(existsSync(join(ROOT, 'dist', 'cli', 'postmortem.js')), 'run `npm run build` first');
  });

  it('--format json prints the model and findings, 1-based', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
    const file = join(dir, 'x-postmortem.md');
    writeFileSync(file, '# Outage\n\n## Overview\n\ntext\n\n## Timeline\n\n- 10:00 start\n');
    const r = run('--format', 'json', file);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    assert.equal(out.length, 1);
    const [result] = out as [{ file: string; isPostmortem: boolean; sections: unknown[]; findings: Array<Record<string, unknown>> }];
    // Paths print relative to the working directory, as other linters print them.
    assert.equal(result.file, relative(ROOT, file).split(sep).join('/'));
    assert.equal(result.isPostmortem, true);
    assert.deepEqual(result.sections, [
      { id: 'overview', heading: 'Overview', line: 3 },
      { id: 'timeline', heading: 'Timeline', line: 7 },
    ]);
    // Eight missing sections, and the zone-less timeline (no zone anywhere), reported on its heading.
    assert.deepEqual(result.findings.map((f) => f.code), [...Array(8).fill('missing-section'), 'timeline-timezone', 'milestone-missing']);
    assert.deepEqual(
      { line: result.findings[8]!.line, severity: result.findings[8]!.severity },
      { line: 7, severity: 'info' },
    );
    assert.deepEqual(result.findings[0], {
      code: 'missing-section',
      severity: 'warning',
      message: 'Missing section "Background": The context a reader needs to understand the big picture.',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 9,
      data: { section: 'background' },
    });
  });

  it('exit 0 with warnings only, and a readable stylish report', () => {
    const r = run(join(FIXTURES, 'fences.md'));
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Missing section "Timeline"/);
    assert.match(r.stdout, /warnings?\)/);
  });

  it('exit 1 when a finding is an error', () => {
    const r = run(join(FIXTURES, 'broken-yaml.md'));
    assert.equal(r.code, 1);
    assert.match(r.stdout, /frontmatter-syntax/);
  });

  it('exit 0 and no findings for a README, which is not a post-mortem', () => {
    const r = run('--format', 'json', join(FIXTURES, 'readme.md'));
    assert.equal(r.code, 0);
    const [result] = JSON.parse(r.stdout) as [{ isPostmortem: boolean; findings: unknown[] }];
    assert.equal(result.isPostmortem, false);
    assert.deepEqual(result.findings, []);
  });

  it('--all checks every file', () => {
    const r = run('--all', '--format', 'json', join(FIXTURES, 'readme.md'));
    const [result] = JSON.parse(r.stdout) as [{ isPostmortem: boolean; findings: unknown[] }];
    assert.equal(result.isPostmortem, true);
    assert.equal(result.findings.length, 11);
  });

  it('expands globs', () => {
    const r = run('--format', 'json', 'test/fixtures/docs/*.md');
    assert.equal(r.code, 1); // broken-yaml.md has an error
    const files = (JSON.parse(r.stdout) as Array<{ file: string }>).map((f) => f.file);
    assert.ok(files.includes('test/fixtures/docs/complete.md'));
    assert.ok(files.length >= 6);
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['no files', [], /missing required argument 'files'/],
    ['an unknown option', ['--nope', 'x.md'], /unknown option '--nope'/],
    ['an unknown format', ['--format', 'xml', 'x.md'], /argument 'xml' is invalid. Allowed choices are stylish, json, sarif, github, junit/],
    ['a file that does not exist', ['does-not-exist.md'], /^postmortem-lint: cannot read does-not-exist\.md: no such file or directory$/m],
  ];
  for (const [name, args, message] of usage) {
    it(`exit 2 for ${name}`, () => {
      const r = run(...args);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
    });
  }

  it('a link to a device (a repository\'s "x.md -> /dev/zero") is not read: an error line, exit 2, the other files checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
    const zero = join(dir, 'zero.md');
    symlinkSync('/dev/zero', zero);
    const good = join(dir, 'good.md');
    writeFileSync(good, '# Outage\n\n## Overview\n\ntext\n');
    const r = run('--all', zero, good);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot read .*zero\.md: not a regular file/);
    assert.match(r.stdout, /good\.md/);
  });

  it('a post-mortem too large to check is not passed: an error line, exit 2, the other files checked; `fix` leaves it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
    const big = join(dir, 'big.md');
    writeFileSync(big, `---\ntype: postmortem\n---\n# Outage\n\n${'#\n'.repeat(MAX_CHECKED_LINES)}`);
    const good = join(dir, 'good.md');
    writeFileSync(good, '# Outage\n\n## Overview\n\ntext\n');
    const r = run('--all', big, good);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot check .*big\.md: This document is too large to check: 1,500,00\d lines \(the limit is 1,500,000\)/);
    assert.match(r.stdout, /good\.md/);
    const fix = spawnSync(process.execPath, [join(ROOT, 'bin', 'postmortem.js'), 'fix', big], { encoding: 'utf8', cwd: ROOT });
    assert.equal(fix.status, 2, fix.stderr);
    assert.match(fix.stderr, /cannot fix .*big\.md: This document is too large to check/);
  });

  it('--help exits 0', () => {
    const r = run('--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: postmortem-lint/);
  });
});
