// The one activate shared by the Node and browser entries. It only wires features together.
import * as vscode from 'vscode';
import * as completions from './features/completions';
import * as diagnostics from './features/diagnostics';
import * as exportActionItems from './features/exportActionItems';
import * as hover from './features/hover';
import * as log from './features/log';
import * as newPostmortem from './features/new-postmortem';
import * as sections from './features/sections';
import * as statusBar from './features/statusBar';
import * as teamConfig from './features/teamConfig';
import * as timeline from './features/timeline';
import * as timelineFix from './features/timelineFix';

const features: Array<{ register(context: vscode.ExtensionContext): vscode.Disposable[] }> = [log, teamConfig, diagnostics, sections, completions, hover, statusBar, newPostmortem, timeline, timelineFix, exportActionItems];

export function activate(context: vscode.ExtensionContext): void {
  for (const feature of features) {
    context.subscriptions.push(...feature.register(context));
  }
}

export function deactivate(): void {
  // Disposables pushed to context.subscriptions are released by VS Code.
}
