// Writes snippets/postmortem.code-snippets from the section catalogue. Run: npm run generate.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { snippetsFileText } from '../src/core/snippets';

const out = join(__dirname, '..', 'snippets', 'postmortem.code-snippets');
mkdirSync(join(__dirname, '..', 'snippets'), { recursive: true });
writeFileSync(out, snippetsFileText());
console.log(`wrote ${out}`);
