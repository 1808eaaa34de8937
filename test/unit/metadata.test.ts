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
type Setting = { default?: unknown; markdownDescription?: string; scope?: string; order?: number; properties?: Record<string, unknown> };
/** The settings' categories, as the Settings editor shows them. */
const categories: Array<{ id: string; title: string; order?: number; properties: Record<string, Setting> }> = pkg.contributes.configuration;
const props: Record<string, Setting> = Object.assign({}, ...categories.map((c) => c.properties));

describe('metadata', () => {
  it('every setting has a markdownDescription and a scope, and is in the README', () => {
    for (const [key, p] of Object.entries(props)) {
      assert.ok(p.markdownDescription, `${key} needs a markdownDescription`);
      assert.ok(p.scope, `${key} needs a scope`);
      assert.ok(readme.includes(`\`${key}\``), `README does not document ${key}`);
    }
  });

  it('the Settings editor shows "Post-mortem Writer", categories in order, and settings in order with Enable first', () => {
    // VS Code removes a setting's prefix from its label when the category id starts with it: "Postmortem › Enable"
    // would show otherwise (the extension id does not start with "postmortem.").
    assert.ok(categories.length > 1, 'one category takes the extension id as its id');
    for (const [i, c] of categories.entries()) {
      assert.match(c.id, /^postmortem\.[a-zA-Z]+$/);
      assert.equal(c.order, i + 1, `${c.id} order`);
      assert.doesNotMatch(c.title, /postmortem/i);
      const keys = Object.keys(c.properties);
      assert.deepEqual(keys.map((k) => c.properties[k]!.order), keys.map((_, n) => n + 1), `${c.id}: every setting has its order`);
      for (const key of keys) assert.ok(key.startsWith('postmortem.'), key);
    }
    assert.equal(Object.keys(categories[0]!.properties)[0], 'postmortem.enable');
  });

  it('post-mortem commands are in the editor title bar and context menu of post-mortems only', () => {
    const commands = new Set((pkg.contributes.commands as Array<{ command: string }>).map((c) => c.command));
    const title: Array<{ command: string; when: string }> = pkg.contributes.menus['editor/title'];
    const context: Array<{ command: string; when: string }> = pkg.contributes.menus['editor/context'];
    for (const wanted of ['postmortem.new', 'postmortem.timeline.quickNote', 'postmortem.exportActionItems']) {
      assert.ok(title.some((m) => m.command === wanted), `editor/title: ${wanted}`);
      assert.ok(context.some((m) => m.command === wanted), `editor/context: ${wanted}`);
    }
    for (const m of [...title, ...context]) {
      assert.ok(commands.has(m.command), m.command);
      assert.match(m.when, /postmortem\.activeIsPostmortem/);
    }
    // The context key is set by the extension.
    assert.match(readFileSync(join(ROOT, 'src', 'features', 'status-bar.ts'), 'utf8'), /'postmortem\.activeIsPostmortem'/);
  });

  it('the walkthrough names the on-call commands with their keys, and says drafts show hints', () => {
    const walkthrough = ['walkthrough/new-postmortem.md', 'walkthrough/write-sections.md'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    const titles = new Map((pkg.contributes.commands as Array<{ command: string; title: string }>).map((c) => [c.command, c.title]));
    for (const b of pkg.contributes.keybindings as Array<{ command: string; key: string; mac: string }>) {
      assert.ok(walkthrough.includes(`**${titles.get(b.command)}**`), `the walkthrough names ${b.command}`);
      const keys = (k: string) => k.split(' ').map((part) => part.split('+').map((x) => ({ ctrl: 'Ctrl', alt: 'Alt', cmd: 'Cmd', shift: 'Shift' })[x] ?? x.toUpperCase()).join('+')).join(' ');
      assert.ok(walkthrough.includes(keys(b.key)) && walkthrough.includes(keys(b.mac)), `the walkthrough gives the keys of ${b.command}: ${keys(b.key)}`);
    }
    assert.match(walkthrough, /draft.*hints/s);
    const start = readFileSync(join(ROOT, 'scripts', 'start.mjs'), 'utf8');
    const sample = /const SAMPLE = '([^']+)'/.exec(start)?.[1];
    assert.ok(sample && existsSync(join(ROOT, 'sample-workspace', sample)), '`npm start` opens the sample post-mortem');
  });

  it('the README pictures exist, are packaged, and keep relative links in the package', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    assert.ok(images.length >= 4, `${images.length} pictures`);
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    for (const image of images) {
      assert.doesNotMatch(image, /^[a-z]+:/, `${image} is relative, so it resolves inside the installed extension`);
      assert.ok(existsSync(join(ROOT, image)), `${image} exists`);
      assert.ok(ignore.some((l) => l.startsWith('!') && posix.matchesGlob(image, l.slice(1))), `${image} is packaged (.vscodeignore)`);
    }
    assert.match(pkg.scripts.package, /--no-rewrite-relative-links/);
  });

  it('engines.vscode is the API version the code is type-checked against', () => {
    const engine = /^\^(\d+\.\d+)\.\d+$/.exec(pkg.engines.vscode)?.[1];
    const types = /^[~^]?(\d+\.\d+)\.\d+$/.exec(pkg.devDependencies['@types/vscode'])?.[1];
    assert.ok(engine && types, `${pkg.engines.vscode} / ${pkg.devDependencies['@types/vscode']}`);
    assert.equal(types, engine);
    assert.ok(pkg.devDependencies['@types/vscode'].startsWith('~'), '@types/vscode stays on that minor version');
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
    const start = readme.indexOf('## Develop');
    assert.ok(start > 0, 'README has a Develop section');
    const end = readme.indexOf('\n## ', start + 1);
    const setup = readme.slice(start, end === -1 ? undefined : end);
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
    const remark = load('./lazy/remark.js') as typeof import('../../src/core/model/remark');
    // A named character reference makes remark load its entity table, lazily in turn.
    assert.equal(remark.remarkParseChunk('## Q&amp;A &copy; [x](y)', false).headings[0]?.text, 'Q&A © x');
    const toml = load('./lazy/smol-toml.js') as typeof import('smol-toml');
    assert.deepEqual({ ...toml.parse('a = 1') }, { a: 1 });
    const picomatch = load('./lazy/picomatch-posix.js') as (globs: string[]) => (path: string) => boolean;
    assert.equal(picomatch(['**/postmortems/**'])('docs/postmortems/x.md'), true);
    const linear = load('./lazy/linear-regex.js') as typeof import('../../src/core/model/linear-regex');
    assert.deepEqual(linear.compileLinear('(?:^|\\W)(OPS-\\d+)', false).find('see OPS-12', 1), { text: 'OPS-12', index: 4 });
    const jsonc = load('./lazy/jsonc-parser.js') as typeof import('jsonc-parser');
    assert.equal(jsonc.getNodeValue(jsonc.parseTree('{ "a": 1, }')!).a, 1);
  });
});
