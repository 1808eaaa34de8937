// The front matter in the editor: completions for the values of `status`, `severity`, `date` and `incident.*`
// (from the schema and the configured severities), and a quick fix for a severity that is nearly right (SEV-2 → SEV2).
import * as vscode from 'vscode';
import { frontMatterValueContext, frontMatterValueSuggestions, localDate, nearestSeverity } from '../core';
import type { AnalysisService } from '../services/analysis';
import type { Services } from '../services';
import { findingsFor } from './diagnostics';

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Where a YAML value ends on its line: before the white space that ends the line or opens a trailing `# comment`, the
 * length `text.replace(/\s+(#.*)?$/, '')` would give, found in one pass (that regex retries every run of spaces).
 */
function valueEnd(text: string): number {
  let lastBreak = -1;
  for (let k = text.length - 1; k >= 0; k--) {
    if (LINE_BREAK.test(text[k]!)) {
      lastBreak = k;
      break;
    }
  }
  for (let i = 0; i < text.length; ) {
    if (!/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    if (j === text.length || (text[j] === '#' && j > lastBreak)) return i;
    i = j;
  }
  return text.length;
}

const pad = (n: number) => String(n).padStart(2, '0');

class ValueCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly analyses: AnalysisService) {}

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const analysis = this.analyses.postmortem(doc);
    if (!analysis) return undefined;
    const at = frontMatterValueContext(analysis.model, position.line, position.character);
    if (!at) return undefined;
    const now = new Date();
    const date = analysis.model.frontMatter?.data['date'];
    const suggestions = frontMatterValueSuggestions(at.key, {
      severities: this.analyses.configFor(doc.uri).severities,
      today: localDate(now),
      now: `${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}`,
      ...(typeof date === 'string' ? { date } : {}),
    });
    // The whole value is replaced, so picking one after typing "SE" or over a wrong value leaves one clean value.
    const line = doc.lineAt(position.line);
    const range = new vscode.Range(position.line, at.start, position.line, Math.max(position.character, valueEnd(line.text)));
    return suggestions.map((s, i) => {
      const item = new vscode.CompletionItem(s.value, vscode.CompletionItemKind.EnumMember);
      item.detail = s.detail;
      item.range = range;
      item.sortText = String(i).padStart(3, '0');
      item.preselect = s.preferred === true;
      return item;
    });
  }
}

class SeverityFix implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analyses: AnalysisService) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) return [];
    const analysis = this.analyses.postmortem(doc);
    if (!analysis) return [];
    const actions: vscode.CodeAction[] = [];
    for (const { diagnostic: d, finding } of findingsFor(analysis, context.diagnostics, 'frontmatter')) {
      if (finding.data['path'] !== 'severity') continue;
      const value = doc.getText(d.range);
      const id = nearestSeverity(value.replace(/^(["'])(.*)\1$/, '$2'), this.analyses.configFor(doc.uri).severities);
      if (!id) continue;
      const action = new vscode.CodeAction(`Change severity to ${id}`, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, d.range, id);
      action.diagnostics = [d];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}

export function register(_context: vscode.ExtensionContext, { analysis }: Services): vscode.Disposable[] {
  return [
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new ValueCompletions(analysis), ':', ' '),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new SeverityFix(analysis), { providedCodeActionKinds: SeverityFix.kinds }),
  ];
}
