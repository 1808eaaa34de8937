// The local disk as the Node extension host sees it: real paths with links resolved, creation only when absent (one
// exclusive open), and replacement by rename, so nothing is ever written through a symbolic link. No vscode import:
// unit tests drive it against a temporary folder. The web worker has no such disk; src/features/files.ts falls back
// to workspace.fs there.
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';

export type EntryKind = 'file' | 'directory' | 'link' | 'other';

/** What identifies one version of one directory entry: an answer about it must not apply to another. */
export type EntryIdentity = string;

export interface LocalDisk {
  /** The path with every link resolved; for a path that does not exist yet, its deepest existing folder resolved. */
  realPath(target: string): Promise<string>;
  /** True when `target`, once links are resolved, is `folder` or inside it (folder's links resolved too). */
  isInside(folder: string, target: string): Promise<boolean>;
  /** The entry itself (a link is 'link', never what it points to), or undefined when there is none. */
  kind(target: string): Promise<EntryKind | undefined>;
  /** The entry's identity (device, inode, size, change time), or undefined when there is none. */
  identity(target: string): Promise<EntryIdentity | undefined>;
  /**
   * Creates the file with `bytes` only if nothing is at `target` (O_EXCL, which never follows a link): false if taken.
   * `mode` (before the umask) defaults to 0o666.
   */
  createExclusive(target: string, bytes: Uint8Array, mode?: number): Promise<boolean>;
  /**
   * Writes `bytes` to a new temporary file beside `target` and renames it over `target`: a link at `target` is replaced,
   * never written through. With `expected`, nothing is written when the entry is no longer that one ('changed').
   */
  replace(target: string, bytes: Uint8Array, expected?: EntryIdentity, mode?: number): Promise<'written' | 'changed'>;
  /** Removes the entry (a link itself, not its target). */
  remove(target: string): Promise<void>;
}

const code = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

async function realPath(target: string): Promise<string> {
  const rest: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    try {
      return path.join(await fs.realpath(current), ...rest.reverse());
    } catch (error) {
      if (code(error) !== 'ENOENT' && code(error) !== 'ENOTDIR') throw error;
      const parent = path.dirname(current);
      if (parent === current) return path.join(current, ...rest.reverse());
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

/** Case-insensitive where the platform's file names are (Windows, macOS by default). */
const fold = (p: string): string => (process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p);

export function contains(folder: string, target: string): boolean {
  const relative = path.relative(fold(folder), fold(target));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export const nodeDisk: LocalDisk = {
  realPath,
  async isInside(folder, target) {
    return contains(await realPath(folder), await realPath(target));
  },
  async kind(target) {
    try {
      const st = await fs.lstat(target);
      return st.isSymbolicLink() ? 'link' : st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
    } catch (error) {
      if (code(error) === 'ENOENT') return undefined;
      throw error;
    }
  },
  async identity(target) {
    try {
      const st = await fs.lstat(target, { bigint: true });
      return `${st.dev}:${st.ino}:${st.size}:${st.ctimeNs}:${st.mtimeNs}`;
    } catch (error) {
      if (code(error) === 'ENOENT') return undefined;
      throw error;
    }
  },
  async createExclusive(target, bytes, mode = 0o666) {
    let handle: fs.FileHandle;
    try {
      // O_CREAT | O_EXCL: fails when anything, a dangling link included, is at target.
      handle = await fs.open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    } catch (error) {
      if (code(error) === 'EEXIST') return false;
      throw error;
    }
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    return true;
  },
  async replace(target, bytes, expected, mode) {
    const dir = path.dirname(target);
    let temp = '';
    for (let i = 0; i < 10 && !temp; i++) {
      // An unguessable-enough name; the exclusive creation is what guarantees nothing else is overwritten.
      const candidate = path.join(dir, `.${path.basename(target)}.${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.tmp`);
      if (await this.createExclusive(candidate, bytes, mode)) temp = candidate;
    }
    if (!temp) throw new Error(`could not create a temporary file in ${dir}`);
    try {
      if (expected !== undefined && (await this.identity(target)) !== expected) {
        await fs.rm(temp, { force: true });
        return 'changed';
      }
      // rename(2) replaces the directory entry: a link there is replaced, its target is never opened.
      await fs.rename(temp, target);
      return 'written';
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  },
  async remove(target) {
    await fs.rm(target, { force: true });
  },
};
