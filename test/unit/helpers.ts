import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'docs');
export const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'real-postmortems');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Joins lines with LF; a compact way to write small documents in tables. */
export function doc(...lines: string[]): string {
  return lines.join('\n');
}
