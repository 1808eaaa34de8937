import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryMarkdown, type ImportResult } from '../../../src/core/import';
import { ROOT } from '../helpers';

export const IMPORT_FIXTURES = join(ROOT, 'test', 'fixtures', 'import');

export function importFixture(name: string): string {
  return readFileSync(join(IMPORT_FIXTURES, name), 'utf8');
}

/** Entries as "ISO time | markdown" lines, the easiest shape to compare whole. */
export function rows(result: ImportResult): string[] {
  return result.entries.map((e) => `${new Date(e.epochMs).toISOString()} | ${entryMarkdown(e)}`);
}

/** Unreadable lines as "line: reason". */
export function unreadable(result: ImportResult): string[] {
  return result.unreadable.map((u) => `${u.line}: ${u.reason}`);
}
