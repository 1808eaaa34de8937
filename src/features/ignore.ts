// "Ignore this occurrence": a quick fix on every finding that a comment can cover. It adds one
// `<!-- postmortem-disable-line code -->` at the end of the line (or a `disable-next-line` comment above a heading), as
// one edit and one undo step; the shared analysis then drops the finding, in the editor and in the CLI alike.
import * as vscode from 'vscode';
import { ignoreInsert, INLINE_CONFIG_CODE } from '../core';
import type { AnalysisService } from '../services/analysis';
import type { Services } from '../services';
import { codeOf } from './diagnostics';

export const IGNORE_TITLE = 'Ignore this occurrence';

class IgnoreProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analyses: AnalysisService) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) return [];
    const diagnostics = context.diagnostics.filter((d) => codeOf(d) !== undefined && codeOf(d) !== INLINE_CONFIG_CODE);
    if (diagnostics.length === 0) return [];
    const analysis = this.analyses.postmortem(doc);
    if (!analysis) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of diagnostics) {
      const code = codeOf(d)!;
      const insert = ignoreInsert(analysis.model, d.range.start.line, code);
      if (!insert) continue;
      const action = new vscode.CodeAction(`${IGNORE_TITLE} of ${code}`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [d];
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(doc.uri, new vscode.Position(insert.position.line, insert.position.character), insert.text);
      actions.push(action);
    }
    return actions;
  }
}

export function register(_context: vscode.ExtensionContext, { analysis }: Services): vscode.Disposable[] {
  return [vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new IgnoreProvider(analysis), { providedCodeActionKinds: IgnoreProvider.kinds })];
}
