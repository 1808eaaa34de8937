// The manifest, the README and the core agree: every setting, command and code is documented, and the
// manifest's defaults are the core's.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { CODES, DEFAULT_GLOBS, SECTION_IDS, CATALOGUE } from '../../src/core';
import { RULES } from '../../src/core/rules';
import { ROOT } from './helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const props: Record<string, { default?: unknown; markdownDescription?: string; scope?: string; properties?: Record<string, unknown> }> =
  pkg.contributes.configuration.properties;

describe('metadata', () => {
  it('every setting has a markdownDescription and a scope, and is in the README', () => {
    for (const [key, p] of Object.entries(props)) {
      assert.ok(p.markdownDescription, `${key} needs a markdownDescription`);
      assert.ok(p.scope, `${key} needs a scope`);
      assert.ok(readme.includes(`\`${key}\``), `README does not document ${key}`);
    }
  });

  it('setting defaults are the core defaults', () => {
    assert.deepEqual(props['postmortem.sections.required']!.default, [...SECTION_IDS]);
    assert.deepEqual(props['postmortem.files.globs']!.default, [...DEFAULT_GLOBS]);
    assert.deepEqual(Object.keys(props['postmortem.sections.aliases']!.properties ?? {}), [...SECTION_IDS]);
  });

  it('every rule has a documented code, a README section and a settings entry', () => {
    const ruleCodes = RULES.map((r) => r.code).sort();
    assert.deepEqual(ruleCodes, Object.keys(CODES).sort());
    for (const code of ruleCodes) {
      assert.ok(readme.includes(`### \`${code}\``), `README has no section for ${code}`);
      assert.ok(props['postmortem.rules']!.properties?.[code], `postmortem.rules does not list ${code}`);
    }
  });

  it('every command has a category and is in the README', () => {
    for (const c of pkg.contributes.commands as Array<{ command: string; title: string; category?: string }>) {
      assert.equal(c.category, 'Post-mortem', `${c.command} needs the Post-mortem category`);
      assert.match(c.command, /^postmortem(\.[a-z][a-zA-Z]*){1,2}$/);
      assert.ok(readme.includes(`\`${c.command}\``), `README does not document ${c.command}`);
    }
  });

  it('the catalogue has the ten sections in order, each with guidance', () => {
    assert.deepEqual(CATALOGUE.map((s) => s.id), [...SECTION_IDS]);
    for (const s of CATALOGUE) assert.ok(s.guidance.length > 10);
  });

  it('the README carries exactly the two set-up commands', () => {
    const setup = readme.slice(readme.indexOf('## Set up'), readme.indexOf('\n## ', readme.indexOf('## Set up') + 1));
    const commands = [...setup.matchAll(/```sh\n([^`]+)```/g)].map((m) => m[1]!.trim());
    assert.deepEqual(commands, ['npm install && npm start', 'npm test']);
  });

  it('the manifest has main and browser entries, engines and categories', () => {
    assert.equal(pkg.main, './dist/node/extension.js');
    assert.equal(pkg.browser, './dist/web/extension.js');
    assert.match(pkg.engines.vscode, /^\^1\.\d+\.0$/);
    assert.ok(pkg.categories.length > 0);
    assert.ok(!pkg.activationEvents.includes('*'));
  });

  it('the package holds every file the manifest names and the bundles load: entry points, icon, lazily loaded modules', function () {
    this.timeout(60_000);
    const listed = execFileSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim());
    // Files the Node bundle loads on first use, and the files those load in turn.
    const lazy: string[] = [];
    const visit = (file: string) => {
      for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/require\(__dirname\s*\+\s*"\/([^"]+)"\)/g)) {
        const loaded = posix.join(posix.dirname(file), m[1]!);
        if (!lazy.includes(loaded) && existsSync(join(ROOT, loaded))) visit(loaded);
        lazy.push(loaded);
      }
    };
    visit('dist/node/extension.js');
    assert.ok(lazy.length >= 5, `the Node bundle loads ${lazy.length} modules lazily`);
    for (const file of [pkg.main.replace(/^\.\//, ''), pkg.browser.replace(/^\.\//, ''), pkg.icon, ...lazy]) {
      assert.ok(existsSync(join(ROOT, file)), `${file} is not built`);
      assert.ok(listed.includes(file), `${file} is not in the package (.vscodeignore)`);
    }
  });

  it('the Node bundle\'s lazily loaded files work from where the bundle loads them', () => {
    const load = createRequire(join(ROOT, 'dist', 'node', 'extension.js'));
    const remark = load('./lazy/remark.js') as typeof import('../../src/core/remark');
    // A named character reference makes remark load its entity table, lazily in turn.
    assert.equal(remark.remarkParseChunk('## Q&amp;A &copy; [x](y)', false).headings[0]?.text, 'Q&A © x');
    const toml = load('./lazy/smol-toml.js') as typeof import('smol-toml');
    assert.deepEqual({ ...toml.parse('a = 1') }, { a: 1 });
    const picomatch = load('./lazy/picomatch-posix.js') as (globs: string[]) => (path: string) => boolean;
    assert.equal(picomatch(['**/postmortems/**'])('docs/postmortems/x.md'), true);
    const linear = load('./lazy/linear-regex.js') as typeof import('../../src/core/linear-regex');
    assert.deepEqual(linear.compileLinear('(?:^|\\W)(OPS-\\d+)', false).find('see OPS-12', 1), { text: 'OPS-12', index: 4 });
    const jsonc = load('./lazy/jsonc-parser.js') as typeof import('jsonc-parser');
    assert.equal(jsonc.getNodeValue(jsonc.parseTree('{ "a": 1, }')!).a, 1);
  });
});
