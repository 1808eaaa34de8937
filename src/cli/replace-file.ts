// Rewriting a file the user owns, for the CLI commands that change one in place (`report --write`,
// `timeline import --into`): read it, refuse a symbolic link or a non-file, and replace it only if it is still the
// file that was read. The replacing is the editor's own (nodeDisk.replace in src/node/disk.ts): a new temporary file
// beside it renamed over it, so a crash never leaves half a file and a change made meanwhile (an editor saving) is
// never overwritten.
import { lstat, readFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { nodeDisk, type EntryIdentity } from '../node/disk';

/** A post-mortem larger than this is neither read for the catalogue nor rewritten: a post-mortem is a few kilobytes; 4 MB is a log pasted by mistake. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface ReadFile {
  readonly text: string;
  readonly info: Stats;
  /** What the file was when read; replaceIfUnchanged writes only over that. */
  readonly identity: EntryIdentity;
}

/**
 * Reads a file for rewriting it. An error is a sentence fragment to follow the file's name ("is a symbolic link; …");
 * a missing file is `undefined` (the caller may create it).
 */
export async function readForReplace(path: string, maxBytes = MAX_FILE_BYTES): Promise<ReadFile | { error: string } | undefined> {
  const info = await lstat(path).catch((e: NodeJS.ErrnoException) => e);
  if (info instanceof Error) return info.code === 'ENOENT' ? undefined : { error: `cannot be read: ${info.message}` };
  if (info.isSymbolicLink()) return { error: 'is a symbolic link; a file is never written through a link. Nothing was written.' };
  if (!info.isFile()) return { error: 'is not a file. Nothing was written.' };
  if (info.size > maxBytes) return { error: `is larger than ${maxBytes / 1048576} MB. Nothing was written.` };
  try {
    const identity = await nodeDisk.identity(path);
    if (identity === undefined) return undefined;
    return { text: await readFile(path, 'utf8'), info, identity };
  } catch (e) {
    return { error: `cannot be read: ${(e as Error).message}` };
  }
}

/**
 * Replaces the file read by readForReplace with `text`, keeping its permissions, only if it is still that file
 * (device, inode, size and times, and not a link). Undefined when written, else an error fragment.
 */
export async function replaceIfUnchanged(path: string, read: ReadFile, text: string): Promise<string | undefined> {
  try {
    const outcome = await nodeDisk.replace(path, new TextEncoder().encode(text), read.identity, read.info.mode & 0o777);
    return outcome === 'changed' ? 'changed while it was being written; run the command again. Nothing was written.' : undefined;
  } catch (e) {
    return `cannot be written: ${(e as Error).message}`;
  }
}
