import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'docs');
/**
 * Where the shared corpus of real post-mortems may be (it is never copied into the project): POSTMORTEM_CORPUS, the
 * workplace's shared folder beside the checkout, or the workplace's usual place.
 */
export const CORPUS_CANDIDATES: readonly string[] = [
  ...(process.env['POSTMORTEM_CORPUS'] ? [process.env['POSTMORTEM_CORPUS']] : []),
  join(ROOT, '..', 'shared', 'corpus', 'real-postmortems'),
  '/work/shared/corpus/real-postmortems',
];
/** The first candidate that exists, or undefined when this machine has no corpus. */
export const CORPUS: string | undefined = CORPUS_CANDIDATES.find((c) => existsSync(c));

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Joins lines with LF; a compact way to write small documents in tables. */
export function doc(...lines: string[]): string {
  return lines.join('\n');
}
