// Hover on a recognised section heading: its canonical role, its aliases and its guidance, so the alias matching is
// visible to the author.
import * as vscode from 'vscode';
import { sectionSpec } from '../core';
import { postmortemAnalysis } from './analysis';

class SectionHover implements vscode.HoverProvider {
  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = postmortemAnalysis(doc);
    if (!analysis) return undefined;
    const heading = analysis.model.headings.find((h) => h.range.start.line <= position.line && position.line <= h.range.end.line);
    if (!heading || heading.roles.length === 0) return undefined;
    const md = new vscode.MarkdownString();
    for (const id of heading.roles) {
      const spec = sectionSpec(id);
      const aka = spec.aliases.filter((a) => a.toLowerCase() !== spec.title.toLowerCase());
      md.appendMarkdown(`**${spec.title}** — also known as: ${aka.join(', ')}\n\n${spec.guidance}\n\n`);
    }
    const r = heading.range;
    return new vscode.Hover(md, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character));
  }
}

export function register(_context: vscode.ExtensionContext): vscode.Disposable[] {
  return [vscode.languages.registerHoverProvider({ language: 'markdown' }, new SectionHover())];
}
