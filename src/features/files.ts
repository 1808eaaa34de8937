// File helpers the features share (not a feature). All access goes through workspace.fs, so it works in vscode.dev.
import * as vscode from 'vscode';

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
