// Completions for section headings in a post-mortem: on "#" at the start of a line, on Ctrl+Space on a heading line,
// and on an empty line. Missing sections come first, in canonical order; each shows its guidance.
import * as vscode from 'vscode';
import { CATALOGUE, escapeSnippet, sectionHeadingStyle } from '../core';
import type { AnalysisService } from '../services/analysis';
import type { Services } from '../services';
import { missingSections } from './sections';

class SectionCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly analyses: AnalysisService) {}

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const before = doc.lineAt(position.line).text.slice(0, position.character);
    const headingPrefix = /^#{1,6}(?: [^#]*)?$/.test(before);
    const emptyLine = doc.lineAt(position.line).isEmptyOrWhitespace;
    if (!headingPrefix && !emptyLine) return undefined;
    const analysis = this.analyses.postmortem(doc);
    if (!analysis) return undefined;
    const missing = new Set(missingSections(analysis));
    const present = new Set(analysis.model.sections.flatMap((s) => s.roles));
    const level = sectionHeadingStyle(analysis.model).level;
    const hashes = '#'.repeat(level);
    const range = new vscode.Range(position.line, 0, position.line, position.character);
    return CATALOGUE.map((spec, index) => {
      const isMissing = missing.has(spec.id);
      const label: vscode.CompletionItemLabel = { label: `${hashes} ${spec.title}`, description: isMissing ? 'missing' : present.has(spec.id) ? 'present' : '' };
      const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(`${hashes} ${escapeSnippet(spec.title)}\n\n\${1:${escapeSnippet(spec.guidance)}}`);
      item.range = range;
      item.filterText = `${hashes} ${spec.title}`;
      item.sortText = `${isMissing ? 0 : 1}${String(index).padStart(2, '0')}`;
      item.preselect = isMissing && index === CATALOGUE.findIndex((s) => missing.has(s.id));
      item.detail = isMissing ? `Missing section: ${spec.title}` : `Section: ${spec.title}`;
      item.documentation = new vscode.MarkdownString(`**${spec.title}**\n\n${spec.guidance}\n\nAlso recognised: ${spec.aliases.join(', ')}.`);
      return item;
    });
  }
}

export function register(_context: vscode.ExtensionContext, { analysis }: Services): vscode.Disposable[] {
  return [vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new SectionCompletions(analysis), '#')];
}
