import * as assert from 'node:assert/strict';
import { analyze, globPath, normaliseConfig } from '../../src/core';
import { doc, fixture } from './helpers';

describe('which files are post-mortems', () => {
  const body = doc('# Something', '', '## Overview', 'x');
  const table: Array<[string, string, string, string | undefined]> = [
    ['a README at the root', fixture('readme.md'), '/repo/README.md', undefined],
    ['a README inside docs', fixture('readme.md'), '/repo/docs/README.md', undefined],
    ['front matter type: postmortem', doc('---', 'type: postmortem', '---', body), '/repo/notes/x.md', 'front-matter'],
    ['front matter type: Post-Mortem', doc('---', 'type: Post-Mortem', '---', body), '/repo/x.md', 'front-matter'],
    ['a postmortems folder', body, '/repo/postmortems/2026-01-01-x.md', 'path'],
    ['a post-mortems folder', body, '/repo/docs/post-mortems/x.md', 'path'],
    ['an incidents folder', body, 'C:\\repo\\Incidents\\x.md', 'path'],
    ['postmortem in the file name', body, '/repo/docs/db-postmortem.md', 'path'],
    ['Post-Mortem in the file name', body, '/repo/docs/DB-Post-Mortem.md', 'path'],
    ['a URI path in vscode.dev', body, '/postmortems/x.md', 'path'],
    ['title says post-mortem', doc('# API outage post-mortem', '', '## Overview'), '/repo/x.md', 'title'],
    ['title says Incident Report', doc('# Incident report: API outage'), '/repo/x.md', 'title'],
    ['front matter title says postmortem', doc('+++', 'title = "docs.rs outage postmortem"', '+++', 'text'), '/repo/x.md', 'title'],
    ['an unrelated markdown file', body, '/repo/CHANGELOG.md', undefined],
    ['the word incident in prose only', doc('# Notes', 'An incident report is due.'), '/repo/notes.md', undefined],
  ];
  for (const [name, text, path, reason] of table) {
    it(`${name} -> ${reason ?? 'not a post-mortem'}`, () => {
      const a = analyze(text, { path });
      assert.equal(a.reason, reason);
      assert.equal(a.isPostmortem, reason !== undefined);
      if (!a.isPostmortem) assert.deepEqual(a.findings, []);
    });
  }

  it('a README gets zero findings even though it lacks every section', () => {
    assert.deepEqual(analyze(fixture('readme.md'), { path: '/repo/README.md' }).findings, []);
  });

  it('--all / Check This File forces the checks', () => {
    const a = analyze(fixture('readme.md'), { path: '/repo/README.md', force: true });
    assert.equal(a.findings.filter((f) => f.code === 'missing-section').length, 10);
  });

  it('configured globs replace the defaults', () => {
    const config = normaliseConfig({ globs: ['**/rca/*.md'] });
    assert.equal(analyze(doc('# x'), { path: '/repo/rca/a.md', config }).reason, 'path');
    assert.equal(analyze(doc('# x'), { path: '/repo/postmortems/a.md', config }).reason, undefined);
  });

  it('glob paths are normalised', () => {
    assert.equal(globPath('C:\\a\\b.md'), 'a/b.md');
    assert.equal(globPath('/a/b.md'), 'a/b.md');
    assert.equal(globPath('vscode-test-web://mount/a/b.md'), 'a/b.md');
  });
});

describe('missing-section', () => {
  it('a complete document has no findings', () => {
    assert.deepEqual(analyze(fixture('complete.md')).findings, []);
  });

  it('one finding per missing required section, on the title heading, with the section id in data', () => {
    const text = fixture('complete.md').replace('## Impact\n', '## Notes\n').replace('## Responders\n', '## People\n');
    const found = analyze(text).findings;
    assert.deepEqual(found.map((f) => [f.code, f.data['section'], f.severity]), [
      ['missing-section', 'impact', 'warning'],
      ['missing-section', 'responders', 'warning'],
    ]);
    assert.match(found[0]!.message, /^Missing section "Impact": Damage to the business in numbers/);
    assert.deepEqual(found[0]!.range, { start: { line: 12, character: 0 }, end: { line: 12, character: 24 } });
  });

  it('without a title heading the finding sits on line 0', () => {
    const f = analyze(doc('## Overview', 'x'), { force: true }).findings[0]!;
    assert.equal(f.range.start.line, 0);
  });

  it('required sections, levels and the on/off switch come from config', () => {
    const text = doc('---', 'type: postmortem', 'title: T', 'date: 2026-11-01', '---', '# T', '## Overview');
    const only = normaliseConfig({ requiredSections: ['overview', 'timeline'] });
    const missing = (config: typeof only) => analyze(text, { config }).findings.filter((f) => f.code === 'missing-section');
    assert.deepEqual(missing(only).map((f) => f.data['section']), ['timeline']);
    const asError = normaliseConfig({ requiredSections: ['timeline'], rules: { 'missing-section': 'error' } });
    assert.equal(missing(asError)[0]!.severity, 'error');
    const off = normaliseConfig({ rules: { 'missing-section': 'off' } });
    assert.deepEqual(missing(off), []);
    const disabled = normaliseConfig({ enabled: false });
    assert.deepEqual(analyze(text, { config: disabled }).findings, []);
  });

  it('malformed config values are reported and ignored, never disabling checks', () => {
    const problems: string[] = [];
    const config = normaliseConfig({ requiredSections: ['timeline', 'nope'], rules: { 'missing-section': 'loud' } }, problems);
    // One policy with the team file (the configuration table): a list with a bad element is left out whole.
    assert.deepEqual(config.requiredSections, normaliseConfig({}).requiredSections);
    assert.deepEqual(config.rules, {});
    assert.equal(problems.length, 2);
  });
});

describe('broken front matter still marks a post-mortem', () => {
  it('type: postmortem is read from the raw lines when the YAML does not parse', () => {
    const a = analyze(fixture('broken-yaml.md'), { path: '/repo/notes/x.md' });
    assert.equal(a.reason, 'front-matter');
    assert.deepEqual(a.findings.map((f) => f.code).slice(0, 1), ['frontmatter-syntax']);
  });
});
