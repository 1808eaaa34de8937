// "Post-mortem: 8/10 sections" (or "10/10 sections, 3 empty") in the status bar while a post-mortem is active; the
// tooltip lists what is missing and what is still empty, and a click offers to add what is missing. Hidden otherwise.
import * as vscode from 'vscode';
import { progressDetails, progressText } from '../core';
import type { Services } from '../services';
import { MANAGE_TRUST_COMMAND, onDidGainTrust, restrictedModeSummary } from '../services/trust';

/** Context key: the active editor shows a post-mortem (for the editor title bar and context menu). */
export const ACTIVE_CONTEXT = 'postmortem.activeIsPostmortem';

export function register(_context: vscode.ExtensionContext, { analysis: analyses }: Services): vscode.Disposable[] {
  const item = vscode.window.createStatusBarItem('postmortem.sections', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Post-mortem sections';

  let active: boolean | undefined;
  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    const analysis = doc ? analyses.postmortem(doc) : undefined;
    // The editor title bar and context menu show the post-mortem commands only on post-mortems.
    if (active !== !!analysis) {
      active = !!analysis;
      void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT, active);
    }
    const progress = analysis?.completeness;
    if (!doc || !progress) {
      item.hide();
      return;
    }
    const { missing } = progress;
    item.text = `$(checklist) Post-mortem: ${progressText(progress)}`;
    const restricted = restrictedModeSummary(doc.uri);
    const tooltip = new vscode.MarkdownString(`${progressDetails(progress)}${missing.length > 0 ? '\n\nClick to add the missing sections.' : ''}` + (restricted ? `\n\n---\n\n${restricted}` : ''));
    if (restricted) tooltip.isTrusted = { enabledCommands: [MANAGE_TRUST_COMMAND] };
    item.tooltip = tooltip;
    item.command = missing.length === 0 ? undefined : { title: 'Add all missing sections', command: 'postmortem.addMissingSections', arguments: [doc.uri, { confirm: true }] };
    item.show();
  };

  update();
  return [
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    analyses.onDidChangeAnalysis(({ uri }) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) update();
    }),
    analyses.onDidChangeConfig(update),
    onDidGainTrust(update),
  ];
}
