import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE } from '../../src/core';
import { buildSnippets, snippetsFileText } from '../../src/core/authoring/snippets';
import { ROOT } from './helpers';
import { VALIDATOR_FILE, validatorSource } from '../../scripts/validator-source';
import { EDITOR_SCHEMA_FILE, editorSchemaText } from '../../scripts/editor-schema';
import { CODES_FILE, codesSource, configSchemaText, manifestText, readmeText } from '../../scripts/rules-docs';

describe('generated files', () => {
  it('CODES, the postmortem.rules setting, the config schema\'s codes, and the README\'s code table and `auto` are what the rules say (run `npm run generate` when this fails)', () => {
    const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
    assert.equal(read(CODES_FILE), codesSource());
    assert.equal(read('package.json'), manifestText(read('package.json')));
    assert.equal(read('schemas/postmortem.config.schema.json'), configSchemaText(read('schemas/postmortem.config.schema.json')));
    assert.equal(read('README.md'), readmeText(read('README.md')));
  });

  it('the committed front-matter validator is what ajv compiles from the schema (run `npm run generate` when this fails)', () => {
    assert.equal(readFileSync(join(ROOT, VALIDATOR_FILE), 'utf8'), validatorSource());
  });

  it('the editor schema for .postmortem.json is current, offers every value, and validates nothing (team-config reports each mistake once)', () => {
    const text = readFileSync(join(ROOT, EDITOR_SCHEMA_FILE), 'utf8');
    assert.equal(text, editorSchemaText());
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation.map((j: { url: string }) => j.url), [`./${EDITOR_SCHEMA_FILE}`]);
    const keys: string[] = [];
    const walk = (node: unknown, inProperties: boolean): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, false));
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (!inProperties) keys.push(k);
        walk(v, k === 'properties');
      }
    };
    const editor = JSON.parse(text);
    walk(editor, false);
    for (const keyword of ['enum', 'type', 'additionalProperties', 'propertyNames', 'required', 'oneOf', 'minLength', 'minimum', 'uniqueItems', '$ref']) {
      assert.ok(!keys.includes(keyword), `the editor schema has no ${keyword}`);
    }
    assert.ok(editor.properties.rules.properties['blameless-language'].examples.includes('auto'));
    assert.ok(editor.properties.requiredSections.items.examples.includes('timeline'));
    assert.deepEqual(Object.keys(editor.properties.severities.items.properties), ['id', 'description']);
  });
});

describe('snippets', () => {
  it('the committed snippet file is what the generator writes (run `npm run generate` when this fails)', () => {
    const committed = readFileSync(join(ROOT, 'snippets', 'postmortem.code-snippets'), 'utf8');
    assert.equal(committed, snippetsFileText());
  });

  it('every catalogue section has a snippet that inserts its heading', () => {
    const snippets = Object.values(buildSnippets());
    for (const spec of CATALOGUE) {
      const s = snippets.find((x) => x.body[0] === `## ${spec.title}`);
      assert.ok(s, `no snippet for ${spec.id}`);
      assert.match(s.prefix, /^pm-/);
    }
  });

  it('has the extra snippets with their choices', () => {
    const byPrefix = new Map(Object.values(buildSnippets()).map((s) => [s.prefix, s]));
    for (const p of ['pm-skeleton', 'pm-action-item', 'pm-impact', 'pm-responder', 'pm-timeline']) assert.ok(byPrefix.has(p), p);
    assert.match(byPrefix.get('pm-action-item')!.body.join('\n'), /\$\{5\|mitigate,prevent,process\|\}/);
    assert.match(byPrefix.get('pm-responder')!.body.join('\n'), /incident commander,scribe,responder,subject-matter expert/);
    assert.match(byPrefix.get('pm-timeline')!.body.join('\n'), /CURRENT_YEAR.*CURRENT_TIMEZONE_OFFSET/);
    assert.match(byPrefix.get('pm-impact')!.body.join('\n'), /Users affected.*\n.*Duration.*\n.*Failed operations.*\n.*Revenue/);
    const prefixes = Object.values(buildSnippets()).map((s) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
  });

  it('the manifest contributes the file for Markdown', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.snippets, [{ language: 'markdown', path: './snippets/postmortem.code-snippets' }]);
  });
});
