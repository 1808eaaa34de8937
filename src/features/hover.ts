// Hover on a recognised section heading (or a bold line acting as one): its canonical role, why it got that role
// (its words, its place among the headings, or its content) and the role's guidance, so recognition is explainable.
import * as vscode from 'vscode';
import { sectionSpec, type RoleReason } from '../core';
import type { AnalysisService } from '../services/analysis';
import type { Services } from '../services';

const SOURCE: Record<RoleReason['source'], string> = {
  words: 'words',
  alias: 'alias',
  context: 'context',
  content: 'content',
};

/** Text shown as written: the reason quotes the document's own heading words. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}

class SectionHover implements vscode.HoverProvider {
  constructor(private readonly analyses: AnalysisService) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.analyses.postmortem(doc);
    if (!analysis) return undefined;
    const at = (r: { start: { line: number }; end: { line: number } }) => r.start.line <= position.line && position.line <= r.end.line;
    const heading =
      analysis.model.headings.find((h) => at(h.range)) ?? analysis.model.sections.find((s) => s.heading.kind === 'label' && at(s.heading.range))?.heading;
    if (!heading || heading.roles.length === 0) return undefined;
    const md = new vscode.MarkdownString();
    heading.roles.forEach((id, i) => {
      const spec = sectionSpec(id);
      const why = heading.reasons[i];
      const reason = why ? `${SOURCE[why.source]}: ${why.detail}` : '';
      md.appendMarkdown(`**${spec.title}**${reason ? ` — ${escapeMarkdown(reason)}` : ''}\n\n${escapeMarkdown(spec.guidance)}\n\n`);
    });
    const r = heading.range;
    return new vscode.Hover(md, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character));
  }
}

export function register(_context: vscode.ExtensionContext, { analysis }: Services): vscode.Disposable[] {
  return [vscode.languages.registerHoverProvider({ language: 'markdown' }, new SectionHover(analysis))];
}
