// Writes the files generated from the core: snippets/postmortem.code-snippets from the section catalogue, and the
// compiled front-matter validator from its schema, and the non-validating .postmortem.json schema for the editor. Run: npm run generate.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { snippetsFileText } from '../src/core/snippets';
import { VALIDATOR_FILE, validatorSource } from './validator-source';
import { EDITOR_SCHEMA_FILE, editorSchemaText } from './editor-schema';

const root = join(__dirname, '..');
for (const [file, text] of [
  ['snippets/postmortem.code-snippets', snippetsFileText()],
  [VALIDATOR_FILE, validatorSource()],
  [EDITOR_SCHEMA_FILE, editorSchemaText()],
] as const) {
  const out = join(root, file);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote ${file}`);
}
