// Node extension host entry (desktop VS Code, code-server): the shared activate, with the local disk.
import type * as vscode from 'vscode';
import { activate as activateShared } from '../extension';
import { nodeDisk } from './disk';

export function activate(context: vscode.ExtensionContext): void {
  activateShared(context, { disk: nodeDisk });
}

export { deactivate } from '../extension';
