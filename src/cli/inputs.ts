// What the command line names: files, folders (their Markdown files), globs, `!`-negated globs that leave files out,
// and `-` for standard input. A path that does not exist, or a glob that matches nothing or cannot be used, is an
// error entry in its place; the other inputs are still checked.
//
// Folders and globs never follow a symbolic link (a repository's link to a folder outside it, or to its own parent,
// was read through: files outside the repository were checked, and a loop listed its files again); a file named on the
// command line is read wherever it points, as the person asked for it.
//
// Globs are matched in linear time (linearGlob: RE2, not a backtracking regex): a CI workflow's glob is a
// repository's text, and `**/*a*a*a*a*b` against one file name of 200 letters took picomatch 29 s. tinyglobby only
// walks the folders under the glob's literal base.
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { linearGlob } from '../core';
import { displayPath } from './project';

export type Input =
  | { readonly kind: 'file'; readonly absolute: string; readonly display: string; explicit: boolean }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'error'; readonly display: string; readonly message: string };

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export async function expandInputs(patterns: readonly string[], cwd: string): Promise<Input[]> {
  const out: Input[] = [];
  const negations: Array<(path: string) => boolean> = [];
  for (const p of patterns) {
    if (!p.startsWith('!') || p.length === 1) continue;
    const g = linearGlob(p.slice(1));
    if ('problem' in g) out.push({ kind: 'error', display: p, message: `this glob cannot be used: it ${g.problem}` });
    else negations.push(g.matches);
  }
  const excluded = (path: string) => negations.some((m) => m(path));
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
        const found = await glob('**/*.{md,markdown}', { cwd: absolute, absolute: true, ignore: ALWAYS_IGNORED, expandDirectories: false, followSymbolicLinks: false });
        if (found.length === 0) out.push({ kind: 'error', display: displayPath(absolute, cwd), message: 'no Markdown files in this folder' });
        for (const f of found.sort()) add(resolve(f), false);
      } else add(absolute, true);
      continue;
    }
    if (picomatch.scan(p).isGlob) {
      const found = await globFiles(p.replace(/\\/g, '/'), cwd);
      if (typeof found === 'string') out.push({ kind: 'error', display: p, message: `this glob cannot be used: it ${found}` });
      else if (found.length === 0) out.push({ kind: 'error', display: p, message: 'no files match this pattern' });
      else for (const f of found.sort()) add(f, false);
      continue;
    }
    out.push({ kind: 'error', display: displayPath(absolute, cwd), message: info.code === 'ENOENT' ? 'no such file or directory' : info.message });
  }
  return out;
}

/**
 * The files a glob names (absolute), as tinyglobby would give them: every file under the glob's literal base (not in
 * node_modules or .git; under folders whose names start with a dot only when the glob names one) whose path, written
 * as the glob writes it, the glob matches. Its problem when RE2 cannot take it.
 */
async function globFiles(pattern: string, cwd: string): Promise<string[] | string> {
  const g = linearGlob(pattern);
  if ('problem' in g) return g.problem;
  const { base, glob: rest } = picomatch.scan(pattern);
  const root = resolve(cwd, base);
  const dot = /(?:^|\/)\./.test(rest);
  const found = await glob('**', { cwd: root, dot, ignore: ALWAYS_IGNORED, expandDirectories: false, followSymbolicLinks: false });
  const prefix = base === '' ? '' : base.endsWith('/') ? base : `${base}/`;
  return found.filter((f) => g.matches(`${prefix}${f}`)).map((f) => resolve(root, f));
}
