// "Post-mortem: 8/10 sections" in the status bar while a post-mortem is active; the tooltip lists what is missing and
// a click offers to add it. Hidden for other files.
import * as vscode from 'vscode';
import { sectionSpec } from '../core';
import { analyses, postmortemAnalysis } from './analysis';
import { missingSections } from './sections';
import { MANAGE_TRUST_COMMAND, onDidGainTrust, restrictedModeSummary } from './trust';

export function register(_context: vscode.ExtensionContext): vscode.Disposable[] {
  const item = vscode.window.createStatusBarItem('postmortem.sections', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Post-mortem sections';

  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    const analysis = doc ? postmortemAnalysis(doc) : undefined;
    if (!doc || !analysis) {
      item.hide();
      return;
    }
    const required = analyses.configFor(doc.uri).requiredSections.length;
    const missing = missingSections(analysis);
    item.text = `$(checklist) Post-mortem: ${required - missing.length}/${required} sections`;
    const restricted = restrictedModeSummary(doc.uri);
    const tooltip = new vscode.MarkdownString(
      (missing.length === 0
        ? 'All required sections are present.'
        : `Missing:\n\n${missing.map((id) => `- ${sectionSpec(id).title}`).join('\n')}\n\nClick to add them.`) + (restricted ? `\n\n---\n\n${restricted}` : ''),
    );
    if (restricted) tooltip.isTrusted = { enabledCommands: [MANAGE_TRUST_COMMAND] };
    item.tooltip = tooltip;
    item.command = missing.length === 0 ? undefined : { title: 'Add all missing sections', command: 'postmortem.addMissingSections', arguments: [doc.uri, { confirm: true }] };
    item.show();
  };

  update();
  return [
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) update();
    }),
    analyses.onDidChangeConfig(update),
    onDidGainTrust(update),
  ];
}
