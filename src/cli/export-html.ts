// `postmortem export-html FILE… [--out FILE] [--force] [--mermaid]`: the logic of the subcommand, as a function the
// CLI wires up. Writes `<name>.html` beside each post-mortem (or `--out` for one file): one self-contained page with the
// rendered post-mortem, the visual timeline and the durations. It never overwrites a file unless `force` is set.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { PostmortemConfig } from '../core';
import { postmortemHtml } from '../export/html';

export interface ExportHtmlOptions {
  /** The output file; only with a single input. */
  readonly out?: string;
  /** Replace existing output files. */
  readonly force?: boolean;
  /** Include the Mermaid gantt source of the milestones. */
  readonly mermaid?: boolean;
  readonly config?: PostmortemConfig;
  /** The timeline stylesheet; media/timeline.css of the package by default. */
  readonly cssPath?: string;
}

export interface ExportHtmlResult {
  /** 0: every file written; 1: some file was not written (exists, unreadable); 2: bad usage. */
  readonly code: 0 | 1 | 2;
  readonly written: readonly string[];
  /** One line per problem or written file, for stderr/stdout. */
  readonly messages: readonly string[];
}

/** The package's media/timeline.css, from the bundle (dist/cli) or the sources (src/cli). */
export function defaultCssPath(): string {
  return join(__dirname, '..', '..', 'media', 'timeline.css');
}

/** `incidents/checkout.md` → `incidents/checkout.html`. */
export function htmlPathFor(file: string): string {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext) || 'postmortem'}.html`);
}

export function exportHtmlFiles(files: readonly string[], options: ExportHtmlOptions = {}): ExportHtmlResult {
  if (files.length === 0) return { code: 2, written: [], messages: ['export-html: name at least one post-mortem file.'] };
  if (options.out !== undefined && files.length > 1) return { code: 2, written: [], messages: ['export-html: --out takes a single input file.'] };
  let css: string;
  try {
    css = readFileSync(options.cssPath ?? defaultCssPath(), 'utf8');
  } catch (error) {
    return { code: 2, written: [], messages: [`export-html: cannot read the timeline stylesheet: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const written: string[] = [];
  const messages: string[] = [];
  let code: 0 | 1 = 0;
  for (const file of files) {
    const out = options.out ?? htmlPathFor(file);
    if (out === file) {
      messages.push(`${file}: the output would replace the post-mortem itself; choose another --out.`);
      code = 1;
      continue;
    }
    let text: string;
    try {
      // Only regular files: a device (a link to /dev/zero) would be read until memory runs out.
      if (!statSync(file).isFile()) throw new Error('not a regular file (a device, a pipe or a folder)');
      text = readFileSync(file, 'utf8');
    } catch (error) {
      messages.push(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
      continue;
    }
    if (!options.force && existsSync(out)) {
      messages.push(`${out} already exists; nothing written (use --force to replace it).`);
      code = 1;
      continue;
    }
    const html = postmortemHtml(text, { timelineCss: css, path: file, ...(options.mermaid ? { mermaid: true } : {}), ...(options.config ? { config: options.config } : {}) });
    try {
      // 'wx' fails if the file appeared meanwhile: never overwrite without --force. With --force, a new file beside it
      // is renamed over it, so a link at `out` is replaced and whatever it points at is never written.
      if (options.force) replaceFile(out, html);
      else writeFileSync(out, html, { encoding: 'utf8', flag: 'wx' });
    } catch (error) {
      messages.push(`${out}: cannot write: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
      continue;
    }
    written.push(out);
    messages.push(`${file} → ${out}`);
  }
  return { code, written, messages };
}

/** Writes `text` to a new temporary file beside `target` (exclusive create), then renames it over `target`. */
function replaceFile(target: string, text: string): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
  try {
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
