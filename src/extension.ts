// The one activate shared by the Node and browser entries. It only wires features together.
import * as vscode from 'vscode';
import * as completions from './features/completions';
import * as diagnostics from './features/diagnostics';
import * as hover from './features/hover';
import * as sections from './features/sections';
import * as statusBar from './features/statusBar';

const features: Array<{ register(context: vscode.ExtensionContext): vscode.Disposable[] }> = [diagnostics, sections, completions, hover, statusBar];

export function activate(context: vscode.ExtensionContext): void {
  for (const feature of features) {
    context.subscriptions.push(...feature.register(context));
  }
}

export function deactivate(): void {
  // Disposables pushed to context.subscriptions are released by VS Code.
}
