// Writes the files generated from the core: snippets/postmortem.code-snippets from the section catalogue, and the
// compiled front-matter validator from its schema, and the non-validating .postmortem.json schema for the editor; and
// from the rules (scripts/rules-docs.ts) CODES, the postmortem.rules setting, the config schema's codes and the
// README's code table and `auto`. Run: npm run generate.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { snippetsFileText } from '../src/core/authoring/snippets';
import { VALIDATOR_FILE, validatorSource } from './validator-source';
import { EDITOR_SCHEMA_FILE, editorSchemaText } from './editor-schema';
import { CODES_FILE, codesSource, configSchemaText, manifestText, readmeText } from './rules-docs';

const root = join(__dirname, '..');
const current = (file: string) => readFileSync(join(root, file), 'utf8');
const configSchema = configSchemaText(current('schemas/postmortem.config.schema.json'));
for (const [file, text] of [
  [CODES_FILE, codesSource()],
  ['schemas/postmortem.config.schema.json', configSchema],
  ['snippets/postmortem.code-snippets', snippetsFileText()],
  [VALIDATOR_FILE, validatorSource()],
  [EDITOR_SCHEMA_FILE, editorSchemaText(JSON.parse(configSchema))],
  ['package.json', manifestText(current('package.json'))],
  ['README.md', readmeText(current('README.md'))],
] as const) {
  const out = join(root, file);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote ${file}`);
}
