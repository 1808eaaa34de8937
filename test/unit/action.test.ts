// The CI recipes as written: the GitHub Action's script, run locally against a fixture repository as the runner would
// run it (INPUT_* variables, GITHUB_OUTPUT), with the local build in place of the published package; and the
// action.yml and .pre-commit-hooks.yaml that point at it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { doc, ROOT } from './helpers';

const FINAL = doc('---', 'type: postmortem', 'title: Search outage', 'date: 2026-11-29', 'severity: SEV3', 'status: final', '---', '', '# Search outage', '', '## Overview', '', 'Search failed, 20 minutes.', '');
const CLEAN = readFileSync(join(ROOT, 'test', 'fixtures', 'docs', 'complete.md'), 'utf8');

function fixtureRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-action-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'postmortems', 'drafts'), { recursive: true });
  writeFileSync(join(dir, 'postmortems', '2026-11-29-search.md'), FINAL);
  writeFileSync(join(dir, 'postmortems', '2026-11-20-checkout.md'), CLEAN);
  writeFileSync(join(dir, 'postmortems', 'drafts', 'wip.md'), FINAL);
  writeFileSync(join(dir, 'README.md'), '# Service\n\nDocs.\n');
  return dir;
}

function runAction(cwd: string, inputs: Record<string, string>) {
  const outputFile = join(cwd, '.github-output');
  writeFileSync(outputFile, '');
  const r = spawnSync('bash', [join(ROOT, 'scripts', 'action.sh')], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_OUTPUT: outputFile, POSTMORTEM_CLI: `${process.execPath} ${join(ROOT, 'bin', 'postmortem.js')}`, ...inputs },
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

describe('CI recipes', function () {
  this.timeout(60_000);
  before(function () {
    assert.ok(existsSync(join(ROOT, 'dist', 'cli', 'postmortem.js')), 'run `npm run build` first');
  });

  it('the action script annotates: one workflow command per finding, negated globs honoured, exit code as an output', () => {
    const repo = fixtureRepo();
    const r = runAction(repo, { INPUT_FILES: 'postmortems !postmortems/drafts/**', INPUT_FORMAT: 'github', INPUT_ARGS: '' });
    assert.equal(r.code, 0, r.stderr);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.ok(annotations.length >= 8, r.stdout);
    for (const a of annotations) assert.match(a, /^::(error|warning|notice) file=postmortems\/2026-11-29-search\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=postmortem [a-z-]+::\S/);
    assert.ok(annotations.some((a) => a.startsWith('::error file=postmortems/2026-11-29-search.md,line=9,col=1,') && a.includes('missing-section::Missing section "Background"')), 'a final post-mortem: missing sections are errors');
    assert.deepEqual(r.outputs, { 'exit-code': '1' });
  });

  it('format sarif writes the file and names it as an output; --max-warnings through args', () => {
    const repo = fixtureRepo();
    const r = runAction(repo, { INPUT_FILES: 'postmortems/2026-11-20-checkout.md', INPUT_FORMAT: 'sarif', INPUT_SARIF_FILE: 'pm.sarif', INPUT_ARGS: '--max-warnings 0' });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.outputs, { 'sarif-file': 'pm.sarif', 'exit-code': '0' });
    const log = JSON.parse(readFileSync(join(repo, 'pm.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    assert.deepEqual(log.runs[0]!.results, []);
    const missing = runAction(repo, { INPUT_FILES: 'postmortems/gone.md', INPUT_FORMAT: 'github' });
    assert.equal(missing.outputs['exit-code'], '2');
    assert.match(missing.stdout, /^::error file=postmortems\/gone\.md,title=postmortem%3A cannot check::no such file or directory$/m);
  });

  it('action.yml is a composite action that runs the script with every input, and uploads SARIF before failing', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      runs: { using: string; steps: Array<{ id?: string; run?: string; uses?: string; if?: string; env?: Record<string, string> }> };
    };
    assert.equal(action.runs.using, 'composite');
    const [lint, upload, fail] = action.runs.steps;
    assert.equal(lint!.run, 'bash "$GITHUB_ACTION_PATH/scripts/action.sh"');
    for (const name of Object.keys(action.inputs)) {
      assert.equal(lint!.env![`INPUT_${name.toUpperCase().replace(/-/g, '_')}`], `\${{ inputs.${name} }}`, name);
    }
    assert.match(upload!.uses!, /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.match(upload!.if!, /always\(\)/);
    assert.match(fail!.run!, /exit "\$\{\{ steps\.lint\.outputs\.exit-code \}\}"/);
  });

  it('.pre-commit-hooks.yaml runs the package\'s binary on Markdown files', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string }>;
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.deepEqual(hooks.map((h) => h.id), ['postmortem-lint', 'postmortem-fix']);
    for (const h of hooks) {
      assert.equal(h.language, 'node');
      assert.ok(pkg.bin[h.entry.split(' ')[0]!], `${h.entry} is a binary of the package`);
      const files = new RegExp(h.files);
      assert.ok(files.test('postmortems/a.md') && files.test('b.markdown') && !files.test('c.txt'));
    }
  });
});
