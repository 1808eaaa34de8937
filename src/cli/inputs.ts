// What the command line names: files, folders (their Markdown files), globs, `!`-negated globs that leave files out,
// and `-` for standard input. A path that does not exist, or a glob that matches nothing, is an error entry in its
// place; the other inputs are still checked.
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { displayPath } from './project';

export type Input =
  | { readonly kind: 'file'; readonly absolute: string; readonly display: string; explicit: boolean }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'error'; readonly display: string; readonly message: string };

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export async function expandInputs(patterns: readonly string[], cwd: string): Promise<Input[]> {
  const negations = patterns.filter((p) => p.startsWith('!') && p.length > 1).map((p) => p.slice(1));
  const excluded = negations.length > 0 ? picomatch(negations, { dot: true }) : () => false;
  const out: Input[] = [];
  const byPath = new Map<string, Extract<Input, { kind: 'file' }>>();
  const add = (absolute: string, explicit: boolean) => {
    const display = displayPath(absolute, cwd);
    // Negations are relative to the working directory; `**/x/**` also leaves out matching files outside it.
    if (excluded(display) || excluded(absolute.split(sep).join('/').replace(/^(?:[a-z]:)?\/+/i, ''))) return;
    const known = byPath.get(absolute);
    if (known) {
      known.explicit ||= explicit;
      return;
    }
    const entry = { kind: 'file' as const, absolute, display, explicit };
    byPath.set(absolute, entry);
    out.push(entry);
  };
  let stdin = false;
  for (const p of patterns) {
    if (p.startsWith('!') && p.length > 1) continue;
    if (p === '-') {
      if (!stdin) out.push({ kind: 'stdin' });
      stdin = true;
      continue;
    }
    const absolute = resolve(cwd, p);
    const info = await stat(absolute).catch((e: NodeJS.ErrnoException) => e);
    if (!(info instanceof Error)) {
      if (info.isDirectory()) {
        const found = await glob('**/*.{md,markdown}', { cwd: absolute, absolute: true, ignore: ALWAYS_IGNORED, expandDirectories: false });
        if (found.length === 0) out.push({ kind: 'error', display: displayPath(absolute, cwd), message: 'no Markdown files in this folder' });
        for (const f of found.sort()) add(resolve(f), false);
      } else add(absolute, true);
      continue;
    }
    if (picomatch.scan(p).isGlob) {
      const found = await glob(p.replace(/\\/g, '/'), { cwd, absolute: true, ignore: ALWAYS_IGNORED, expandDirectories: false });
      if (found.length === 0) out.push({ kind: 'error', display: p, message: 'no files match this pattern' });
      for (const f of found.sort()) add(resolve(f), false);
      continue;
    }
    out.push({ kind: 'error', display: displayPath(absolute, cwd), message: info.code === 'ENOENT' ? 'no such file or directory' : info.message });
  }
  return out;
}
