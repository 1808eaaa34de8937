// Rewriting a file the user owns, for the CLI commands that change one in place (`report --write`,
// `timeline import --into`): read it, refuse a symbolic link or a non-file, and replace it only if it is still the
// file that was read, through a temporary file beside it renamed over it, so a crash never leaves half a file and a
// change made meanwhile (an editor saving) is never overwritten.
import { lstat, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface ReadFile {
  readonly text: string;
  /** What the file was when read; replaceIfUnchanged compares it. */
  readonly info: Stats;
}

/**
 * Reads a file for rewriting it. An error is a sentence fragment to follow the file's name ("is a symbolic link; …");
 * a missing file is `undefined` (the caller may create it).
 */
export async function readForReplace(path: string, maxBytes: number): Promise<ReadFile | { error: string } | undefined> {
  const info = await lstat(path).catch((e: NodeJS.ErrnoException) => e);
  if (info instanceof Error) return info.code === 'ENOENT' ? undefined : { error: `cannot be read: ${info.message}` };
  if (info.isSymbolicLink()) return { error: 'is a symbolic link; a file is never written through a link. Nothing was written.' };
  if (!info.isFile()) return { error: 'is not a file. Nothing was written.' };
  if (info.size > maxBytes) return { error: `is larger than ${maxBytes / 1048576} MB. Nothing was written.` };
  try {
    return { text: await readFile(path, 'utf8'), info };
  } catch (e) {
    return { error: `cannot be read: ${(e as Error).message}` };
  }
}

/**
 * Replaces the file read by readForReplace with `text`, keeping its permissions, only if it is still that file
 * (same inode, size and modification time, and not a link). Undefined when written, else an error fragment.
 */
export async function replaceIfUnchanged(path: string, read: ReadFile, text: string): Promise<string | undefined> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx', mode: read.info.mode & 0o777 });
    const now = await lstat(path);
    if (now.isSymbolicLink() || now.ino !== read.info.ino || now.mtimeMs !== read.info.mtimeMs || now.size !== read.info.size) {
      await unlink(temp).catch(() => undefined);
      return 'changed while it was being written; run the command again. Nothing was written.';
    }
    await rename(temp, path);
    return undefined;
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    return `cannot be written: ${(e as Error).message}`;
  }
}
