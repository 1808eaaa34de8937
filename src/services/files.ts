// File helpers the features share (not a feature). On a local disk (the Node extension host, file: URIs) they use the
// LocalDisk the Node entry hands in: real paths with links resolved, exclusive creation, replacement by rename. Elsewhere
// (vscode.dev, virtual file systems) they use workspace.fs, refuse any symbolic link on the way, and serialise this
// extension's own creations so two of them never pick the same name.
import * as vscode from 'vscode';
import { trimEndChars } from '../core/model/text';
import type { EntryIdentity, LocalDisk } from '../node/disk';

let disk: LocalDisk | undefined;

/** Called by the Node entry before activation; the web worker has no local disk. */
export function useLocalDisk(localDisk: LocalDisk | undefined): void {
  disk = localDisk;
}

const onDisk = (uri: vscode.Uri): LocalDisk | undefined => (uri.scheme === 'file' ? disk : undefined);

/** The largest file read whole from a repository (a template, `.postmortem.json`): they are a few kilobytes. */
export const MAX_WHOLE_FILE_BYTES = 1024 * 1024;

/**
 * Why a repository's file that is read whole is not read, in words after its name ("is not a regular file …"), or
 * undefined when it may be: a link to a device (`template.md -> /dev/zero`) was read without end, a huge one at once.
 */
export function unreadable(info: vscode.FileStat): string | undefined {
  if (!(info.type & vscode.FileType.File)) return 'is not a regular file (a device, a pipe or a folder)';
  if (info.size > MAX_WHOLE_FILE_BYTES) return `is ${Math.ceil(info.size / 1024)} KB, more than ${MAX_WHOLE_FILE_BYTES / 1024} KB`;
  return undefined;
}

/** True when `uri` exists; a failure other than "not found" is thrown, not taken for absence. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code !== 'FileNotFound' && error.code !== 'EntryNotFound') throw error;
    return false;
  }
}

/** workspace.fs.stat, or undefined when there is nothing at `uri`. */
async function statOrUndefined(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code !== 'FileNotFound' && error.code !== 'EntryNotFound') throw error;
    return undefined;
  }
}

const isLink = (stat: vscode.FileStat | undefined): boolean => stat !== undefined && (stat.type & vscode.FileType.SymbolicLink) !== 0;

/**
 * Why `target` may not be used as a path inside `folder`, or undefined when it may: its real path (links resolved)
 * leaves the folder. Where the real path cannot be known (no local disk), any link on the way is refused.
 */
export async function leavesFolder(folder: vscode.Uri, target: vscode.Uri): Promise<string | undefined> {
  const local = onDisk(target);
  if (local && folder.scheme === 'file') {
    if (await local.isInside(folder.fsPath, target.fsPath)) return undefined;
    return `its real path ${await local.realPath(target.fsPath)} is outside the workspace folder (it goes through a symbolic link)`;
  }
  if (folder.scheme !== target.scheme || folder.authority !== target.authority) return 'it is not in the workspace folder';
  const base = trimEndChars(folder.path, /\//);
  if (!target.path.startsWith(`${base}/`) && target.path !== base) return 'it is not in the workspace folder';
  const segments = target.path.slice(base.length).split('/').filter((s) => s !== '');
  let current = folder;
  for (const segment of segments) {
    current = vscode.Uri.joinPath(current, segment);
    const stat = await statOrUndefined(current);
    if (!stat) return undefined; // the rest does not exist yet: nothing to follow
    if (isLink(stat)) return `${vscode.workspace.asRelativePath(current, false)} is a symbolic link, and links are not followed here`;
  }
  return undefined;
}

/** Whether the entry at `uri` is a symbolic link (itself, not what it points to). */
export async function isSymbolicLink(uri: vscode.Uri): Promise<boolean> {
  const local = onDisk(uri);
  if (local) return (await local.kind(uri.fsPath)) === 'link';
  return isLink(await statOrUndefined(uri));
}

/** Where the link at `uri` leads, when that can be known. */
export async function linkTarget(uri: vscode.Uri): Promise<string | undefined> {
  const local = onDisk(uri);
  return local ? local.realPath(uri.fsPath).catch(() => undefined) : undefined;
}

/** This extension's creations on file systems without exclusive creation, one at a time. */
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/** Creates `uri` with `bytes` only if nothing is there, in one step: false when the name is taken. */
export function createExclusive(uri: vscode.Uri, bytes: Uint8Array): Promise<boolean> {
  const local = onDisk(uri);
  if (local) return local.createExclusive(uri.fsPath, bytes);
  return serialised(async () => {
    if (await statOrUndefined(uri)) return false;
    await vscode.workspace.fs.writeFile(uri, bytes);
    return true;
  });
}

/** The identity of what is at `uri` now, for replaceFile: an answer about one file never applies to another. */
export async function identityOf(uri: vscode.Uri): Promise<EntryIdentity | undefined> {
  const local = onDisk(uri);
  if (local) return local.identity(uri.fsPath);
  const stat = await statOrUndefined(uri);
  return stat && `${stat.type}:${stat.size}:${stat.mtime}:${stat.ctime}`;
}

/**
 * Replaces the file at `uri` by a temporary file renamed over it: a link there is replaced, never written through.
 * 'changed' (nothing written) when the entry is no longer the one `expected` identifies.
 */
export async function replaceFile(uri: vscode.Uri, bytes: Uint8Array, expected: EntryIdentity | undefined): Promise<'written' | 'changed'> {
  const local = onDisk(uri);
  if (local) return local.replace(uri.fsPath, bytes, expected);
  return serialised(async () => {
    if ((await identityOf(uri)) !== expected) return 'changed';
    const dir = uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) || '/' });
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const temp = vscode.Uri.joinPath(dir, `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
    await vscode.workspace.fs.writeFile(temp, bytes);
    try {
      await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    } catch (error) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      throw error;
    }
    return 'written';
  });
}

/** Removes what `uri` names (a link itself, never its target). */
export async function removeEntry(uri: vscode.Uri): Promise<void> {
  const local = onDisk(uri);
  if (local) return local.remove(uri.fsPath);
  await vscode.workspace.fs.delete(uri, { useTrash: false });
}

const REASONS: Record<string, string> = {
  ENAMETOOLONG: 'the name or path is too long for this file system',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'it already exists',
  ENOENT: 'the folder does not exist',
  ELOOP: 'too many symbolic links',
  EINVAL: 'the name is not valid on this file system',
  NoPermissions: 'permission denied',
  FileExists: 'it already exists',
  FileNotFound: 'it does not exist',
  EntryNotFound: 'it does not exist',
  FileNotADirectory: 'a part of the path is a file, not a folder',
  FileIsADirectory: 'it is a folder',
  Unavailable: 'the file system is unavailable',
};

/** A short reason for a file-system failure, for a message (never a stack). */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && Object.hasOwn(REASONS, code)) return REASONS[code]!;
  const message = error instanceof Error ? error.message : String(error);
  for (const [key, reason] of Object.entries(REASONS)) if (message.includes(key)) return reason;
  return message.split('\n')[0]!.slice(0, 200);
}

/** The document an export reads: the one given (opened when it is not yet), else the active editor's. */
export async function documentToExport(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (!uri) return vscode.window.activeTextEditor?.document;
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
}

/** An export's file name from the document's: `checkout.md` → `checkout` + `suffix`. */
function exportNameFor(uri: vscode.Uri, suffix: string): string {
  const base = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return `${dot > 0 ? base.slice(0, dot) : base || 'postmortem'}${suffix}`;
}

/**
 * Where an export goes: the target given; for an untitled document, the one picked in a save dialog (which asks
 * itself before replacing a file: `confirmed`); else beside the document. Undefined when the person cancelled.
 */
export async function exportTarget(
  doc: vscode.TextDocument,
  given: vscode.Uri | undefined,
  dialog: { readonly title: string; readonly filters: Record<string, string[]>; readonly suffix: string },
): Promise<{ target: vscode.Uri; confirmed: boolean } | undefined> {
  if (given) return { target: given, confirmed: false };
  const name = exportNameFor(doc.uri, dialog.suffix);
  if (doc.isUntitled) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const picked = await vscode.window.showSaveDialog({
      title: dialog.title,
      saveLabel: 'Export',
      filters: dialog.filters,
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
    });
    return picked ? { target: picked, confirmed: true } : undefined;
  }
  return { target: doc.uri.with({ path: `${doc.uri.path.slice(0, doc.uri.path.lastIndexOf('/'))}/${name}` }), confirmed: false };
}

export interface ExportWriteOptions {
  /** The person already agreed to replace what is at the target (a save dialog asks itself). */
  readonly confirmed: boolean;
  /** Called from code with a target or an answer: never asks, refuses a link. */
  readonly programmatic: boolean;
  /** The answer to "Overwrite it?", given in advance. */
  readonly overwrite?: boolean;
  readonly title: string;
  readonly filters: Record<string, string[]>;
  /** What replacing the file means, for the question's detail. */
  readonly replaces: string;
}

/**
 * Writes an export to `target` safely, and resolves with where it was written (undefined: nothing was). Never through
 * a symbolic link (the person picks another name); a file that is absent is created in one step; an existing one is
 * replaced only after the person agreed, and only if it is still the file they were asked about. Each round looks at
 * what is at the target now, so an answer applies only to the file it was about.
 */
export async function writeExport(first: vscode.Uri, bytes: Uint8Array, options: ExportWriteOptions): Promise<vscode.Uri | undefined> {
  let target = first;
  let confirmed = options.confirmed;
  for (let round = 0; ; round++) {
    const shown = vscode.workspace.asRelativePath(target, false);
    try {
      if (await isSymbolicLink(target)) {
        const to = await linkTarget(target);
        const problem = `Post-mortem: ${shown} is a symbolic link${to ? ` to ${to}` : ''}. Export never writes through a link.`;
        if (options.programmatic) {
          void vscode.window.showErrorMessage(`${problem} Nothing was written.`);
          return undefined;
        }
        const choice = await vscode.window.showWarningMessage(problem, { modal: true, detail: 'Choose another name for the file.' }, ANOTHER_NAME);
        if (choice !== ANOTHER_NAME) return undefined;
        const picked = await vscode.window.showSaveDialog({ title: options.title, saveLabel: 'Export', filters: options.filters, defaultUri: target });
        if (!picked) return undefined;
        target = picked;
        confirmed = true;
        continue;
      }
      if (round > 20) throw new Error('the file keeps changing');
      // Nothing there: created in one step, so nothing written meanwhile is overwritten.
      if (await createExclusive(target, bytes)) return target;
      // Something is there: the person's answer (or the save dialog's) is about this file, as it is now.
      const identity = await identityOf(target);
      if (identity === undefined) continue; // gone meanwhile: try creating it again
      if (!confirmed) {
        const overwrite =
          options.overwrite ??
          (await vscode.window.showWarningMessage(`Post-mortem: ${shown} already exists. Overwrite it?`, { modal: true, detail: options.replaces }, OVERWRITE)) === OVERWRITE;
        if (!overwrite) return undefined;
      }
      if ((await replaceFile(target, bytes, identity)) === 'written') return target;
      // It changed after the answer: ask again about what is there now.
      confirmed = false;
    } catch (error) {
      void vscode.window.showErrorMessage(`Post-mortem: could not write ${shown}: ${describeFsError(error)}.`);
      return undefined;
    }
  }
}

const OVERWRITE = 'Overwrite';
const ANOTHER_NAME = 'Choose Another Name…';
