// Node extension host entry (desktop VS Code, code-server): the shared activate, with the local disk.
import type * as vscode from 'vscode';
import { activate as activateShared } from '../extension';
import { nodeDisk } from './disk';

/** Returns the shared activate's exports: the Markdown preview's plugin and the catalogue's views (issue 19). */
export function activate(context: vscode.ExtensionContext): ReturnType<typeof activateShared> {
  return activateShared(context, { disk: nodeDisk });
}

export { deactivate } from '../extension';
