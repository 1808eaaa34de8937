// Quick fix for `timeline-order`: "Sort timeline chronologically", one replacement of the out-of-order list or
// table, each entry moved with its sub-bullets unchanged.
import * as vscode from 'vscode';
import { buildModel, SectionMatcher, timelineSortEdit } from '../core';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { readConfig } from './settings';

export const SORT_TITLE = 'Sort timeline chronologically';

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

class TimelineSortProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) return [];
    const diagnostics = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === 'timeline-order');
    if (diagnostics.length === 0) return [];
    const model = buildModel(doc.getText(), { matcher: new SectionMatcher(readConfig(doc.uri).extraAliases) });
    // One action per list or table, covering every timeline-order diagnostic in it.
    const byBlock = new Map<string, { edit: { range: vscode.Range; text: string }; diagnostics: vscode.Diagnostic[] }>();
    for (const d of diagnostics) {
      const e = timelineSortEdit(model, d.range.start.line);
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

export function register(_context: vscode.ExtensionContext): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new TimelineSortProvider(), {
      providedCodeActionKinds: TimelineSortProvider.kinds,
    }),
  ];
}
