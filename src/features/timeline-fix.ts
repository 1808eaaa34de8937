// Quick fix for `timeline-order`: "Sort timeline chronologically", one replacement of the out-of-order list or
// table, each entry moved with its sub-bullets unchanged.
import * as vscode from 'vscode';
import { timelineSortEdits } from '../core';
import type { AnalysisService } from '../services/analysis';
import type { Services } from '../services';
import { findingsFor } from './diagnostics';

export const SORT_TITLE = 'Sort timeline chronologically';

class TimelineSortProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analyses: AnalysisService) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) return [];
    const analysis = this.analyses.postmortem(doc);
    if (!analysis) return [];
    // The shared analysis (the diagnostics' own model and configuration), not a second parse.
    const found = findingsFor(analysis, context.diagnostics, 'timeline-order');
    // One action per list or table, covering every timeline-order diagnostic in it.
    const byBlock = new Map<string, { edit: { range: vscode.Range; text: string }; diagnostics: vscode.Diagnostic[] }>();
    // Each block is sorted once, however many of its diagnostics the context holds.
    const edits = timelineSortEdits(analysis.model, found.map(({ finding }) => finding.range.start.line));
    for (const { diagnostic: d, finding } of found) {
      const e = edits.get(finding.range.start.line);
      if (!e) continue;
      const key = `${e.range.start.line}`;
      const entry = byBlock.get(key) ?? {
        edit: { range: new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), text: e.text },
        diagnostics: [],
      };
      entry.diagnostics.push(d);
      byBlock.set(key, entry);
    }
    return [...byBlock.values()].map(({ edit, diagnostics: ds }) => {
      const action = new vscode.CodeAction(SORT_TITLE, vscode.CodeActionKind.QuickFix);
      action.diagnostics = ds;
      action.isPreferred = true;
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, edit.range, edit.text);
      return action;
    });
  }
}

export function register(_context: vscode.ExtensionContext, { analysis }: Services): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new TimelineSortProvider(analysis), {
      providedCodeActionKinds: TimelineSortProvider.kinds,
    }),
  ];
}
