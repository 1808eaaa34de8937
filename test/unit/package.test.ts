// The npm package as a CI user gets it: `npm pack`, installed with --omit=dev into an empty folder (offline: the
// tarball has no dependencies), then the installed `postmortem-lint` checks a post-mortem in a folder outside that one
// and prints every format.
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function sh(cmd: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', shell: process.platform === 'win32', ...options });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const POSTMORTEM = [
  '# Post-mortem: checkout outage',
  '',
  '## Overview',
  '',
  'Checkout failed for 12 minutes.',
  '',
  '## Impact',
  '',
  'About 1,200 orders failed.',
  '',
].join('\n');

describe('the npm package', function () {
  this.timeout(180_000);
  let work: string;
  let tarball: string;
  let packed: { files: Array<{ path: string }>; size: number; name: string; version: string };

  before(function () {
    assert.ok(existsSync(join(ROOT, 'dist', 'cli', 'postmortem.js')), 'run `npm run build` first');
    work = mkdtempSync(join(tmpdir(), 'pm-package-'));
    // --ignore-scripts: the bundles are built already (`prepare` would build them again).
    const r = sh(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT });
    assert.equal(r.code, 0, r.stderr);
    [packed] = JSON.parse(r.stdout) as [typeof packed];
    tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds only bin/, dist/, schemas/, media/ (the exported page\'s stylesheet), README, LICENSE, CHANGELOG and package.json, in under 400 KB', () => {
    const paths = packed.files.map((f) => f.path).sort();
    const outside = paths.filter((p) => !/^(bin|dist|schemas|media)\//.test(p) && !['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'].includes(p));
    assert.deepEqual(outside, []);
    for (const required of ['bin/postmortem.js', 'bin/postmortem-lint.js', 'dist/cli/postmortem.js', 'dist/node/lazy/remark.js', 'schemas/postmortem.config.schema.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      assert.ok(paths.includes(required), `${required} is missing from the package`);
    }
    assert.deepEqual(paths.filter((p) => /\.(ts|map|png|vsix)$/.test(p)), [], 'no sources, source maps, images or VSIX');
    // Every module the CLI bundle loads lazily (and those they load in turn) is in the package.
    const loads = (file: string) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/require\(__dirname\s*\+\s*"([^"]+)"\)/g)].map((m) => join(file, '..', m[1]!));
    const needed = new Set<string>();
    for (let queue = loads('dist/cli/postmortem.js'); queue.length > 0; ) {
      const file = queue.pop()!;
      if (needed.has(file)) continue;
      needed.add(file);
      queue = queue.concat(loads(file));
    }
    assert.ok(needed.size >= 4, `the CLI loads ${[...needed].join(', ')}`);
    for (const file of needed) assert.ok(paths.includes(file), `${file}, which the CLI loads, is missing from the package`);
    // The extension ships as a .vsix (vsce packs it from .vscodeignore); the npm package is the command line.
    assert.deepEqual(paths.filter((p) => p.startsWith('dist/web/')), [], 'no web-worker extension bundle');
    assert.ok(packed.size < 400 * 1024, `the tarball is ${Math.round(packed.size / 1024)} KB`);
  });

  it('leaves the .vsix to vsce: `vsce ls` (what `npm run package` packs) lists both extension bundles and no CLI', () => {
    // vsce refuses a package.json `files` list next to .vscodeignore, so npm's list must stay in .npmignore.
    const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = sh(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT });
    assert.equal(r.code, 0, r.stderr);
    const listed = r.stdout.split('\n').map((l) => l.trim());
    for (const required of ['package.json', 'dist/node/extension.js', 'dist/web/extension.js', 'snippets/postmortem.code-snippets']) {
      assert.ok(listed.includes(required), `${required} is missing from the .vsix`);
    }
    assert.deepEqual(listed.filter((p) => p.startsWith('dist/cli/') || p.startsWith('src/') || p.startsWith('test/')), []);
  });

  it('declares no dependencies, is publishable, and its prepare step needs no dev dependency', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(pkg['dependencies'], undefined);
    assert.equal(pkg['optionalDependencies'], undefined);
    assert.equal(pkg['private'], undefined);
    assert.equal((pkg['scripts'] as Record<string, string>)['prepare'], 'node scripts/prepare.mjs');
    // Run as `npm ci --omit=dev` would: where esbuild cannot be resolved, prepare succeeds without building.
    const bare = mkdtempSync(join(tmpdir(), 'pm-prepare-'));
    mkdirSync(join(bare, 'scripts'));
    writeFileSync(join(bare, 'scripts', 'prepare.mjs'), readFileSync(join(ROOT, 'scripts', 'prepare.mjs')));
    const r = sh(process.execPath, ['scripts/prepare.mjs'], { cwd: bare });
    rmSync(bare, { recursive: true, force: true });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /skipping the build/);
  });

  it('installs with --omit=dev into an empty folder and checks a post-mortem outside it, in every format', () => {
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "ci-job", "version": "1.0.0", "private": true }\n');
    const install = sh(npm, ['install', '--omit=dev', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app });
    assert.equal(install.code, 0, install.stderr);
    // Nothing but the package itself was installed.
    assert.deepEqual(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.')), ['postmortem-writer']);

    const repo = join(work, 'repo');
    mkdirSync(join(repo, 'postmortems'), { recursive: true });
    writeFileSync(join(repo, 'postmortems', '2026-11-20-checkout.md'), POSTMORTEM);
    const bin = (name: string) => join(app, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
    const target = join('..', 'repo', 'postmortems', '2026-11-20-checkout.md');

    const version = sh(bin('postmortem'), ['--version'], { cwd: app });
    assert.equal(version.stdout.trim(), packed.version);

    const outputs: Record<string, string> = {};
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
      const r = sh(bin('postmortem-lint'), ['--format', format, target], { cwd: app });
      assert.equal(r.code, 0, `${format}: ${r.stderr}`);
      outputs[format] = r.stdout;
      console.log(`      --format ${format}: ${r.stdout.split('\n')[format === 'stylish' ? 2 : 0]!.slice(0, 110)}`);
    }
    assert.match(outputs['stylish']!, /^\.\.\/repo\/postmortems\/2026-11-20-checkout\.md$/m);
    assert.match(outputs['stylish']!, /Missing section "Timeline"/);
    const json = JSON.parse(outputs['json']!) as Array<{ file: string; isPostmortem: boolean; skipped: boolean; findings: unknown[] }>;
    assert.deepEqual({ file: json[0]!.file, isPostmortem: json[0]!.isPostmortem, skipped: json[0]!.skipped }, { file: '../repo/postmortems/2026-11-20-checkout.md', isPostmortem: true, skipped: false });
    assert.ok(json[0]!.findings.length >= 7);
    const sarif = JSON.parse(outputs['sarif']!) as { version: string; runs: Array<{ results: unknown[] }> };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0]!.results.length, json[0]!.findings.length);
    assert.match(outputs['github']!, /^::warning file=\.\.\/repo\/postmortems\/2026-11-20-checkout\.md,line=1,col=1,/m);
    assert.match(outputs['junit']!, /^<testsuites name="postmortem-lint" tests="\d+" failures="\d+"/m);

    // The new name and its subcommands work from the package too.
    const lint = sh(bin('postmortem'), ['lint', '--format', 'json', target], { cwd: app });
    assert.equal(lint.stdout, outputs['json']);
    // Every subcommand runs from the package: the files each one loads (lazily loaded modules, the page's stylesheet) are in it.
    const fixed = sh(bin('postmortem'), ['fix', '--dry-run', target], { cwd: app });
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.match(fixed.stdout, /^\+## Timeline/m);
    const page = sh(bin('postmortem'), ['export-html', '--out', join(work, 'page.html'), target], { cwd: app });
    assert.equal(page.code, 0, page.stderr);
    assert.match(readFileSync(join(work, 'page.html'), 'utf8'), /checkout outage/i);
    const imported = sh(bin('postmortem'), ['timeline', 'import', '--from', 'lines', '-'], { cwd: app, input: '2026-11-20 10:00 UTC Alert fired\n' });
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(imported.stdout, '- **2026-11-20 10:00 UTC** — Alert fired\n');
    const toml = join(repo, 'postmortems', '2026-11-21-toml.md');
    writeFileSync(toml, '+++\ntitle = "Queue stall"\nstatus = "draft"\n+++\n\n# Post-mortem: queue stall\n\n## Overview\n\nJobs stalled for 8 minutes.\n');
    const tomlRun = sh(bin('postmortem'), ['lint', '--format', 'json', join('..', 'repo', 'postmortems', '2026-11-21-toml.md')], { cwd: app });
    assert.ok(tomlRun.code === 0 || tomlRun.code === 1, tomlRun.stderr);
    assert.equal((JSON.parse(tomlRun.stdout) as Array<{ isPostmortem: boolean }>)[0]!.isPostmortem, true);
  });
});
