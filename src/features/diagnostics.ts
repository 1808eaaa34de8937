// Publishes the core's findings as diagnostics: whenever the analysis service checked a document (on open, after a
// typing pause, after a configuration change), deleted when it stops checking it; and the Check This File command.
// Quick fixes find the finding behind a diagnostic with findingsFor, by code and range, and read its data.
import * as vscode from 'vscode';
import { docsLink, type Analysis, type Finding, type Severity } from '../core';
import type { Services } from '../services';

export const DIAGNOSTIC_SOURCE = 'postmortem';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const r = finding.range;
  const d = new vscode.Diagnostic(
    new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
    finding.message,
    SEVERITY[finding.severity],
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: finding.code, target: vscode.Uri.parse(docsLink(finding.code)) };
  return d;
}

/** The code of one of this extension's diagnostics, else undefined. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const c = typeof d.code === 'object' ? d.code.value : d.code;
  return typeof c === 'string' ? c : undefined;
}

/**
 * The diagnostics with `code` among `diagnostics` (a code action's context), each with the finding of the current
 * analysis it shows: matched by code and range, never by message. Findings that share a code and a range (the
 * missing sections all sit on the title) pair in order, as they were published. A diagnostic left from an older text
 * has no finding and is left out.
 */
export function findingsFor(analysis: Analysis, diagnostics: readonly vscode.Diagnostic[], code: string): Array<{ diagnostic: vscode.Diagnostic; finding: Finding }> {
  const out: Array<{ diagnostic: vscode.Diagnostic; finding: Finding }> = [];
  // The findings with this code by range, each list in order and consumed from its start: one pass over the findings,
  // not one per diagnostic (a selection over thousands of diagnostics asked for thousands of passes).
  let byRange: Map<string, { list: Finding[]; next: number }> | undefined;
  const key = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
  for (const diagnostic of diagnostics) {
    if (codeOf(diagnostic) !== code) continue;
    if (!byRange) {
      byRange = new Map();
      for (const f of analysis.findings) {
        if (f.code !== code) continue;
        const k = key(f.range);
        const slot = byRange.get(k);
        if (slot) slot.list.push(f);
        else byRange.set(k, { list: [f], next: 0 });
      }
    }
    const slot = byRange.get(key(diagnostic.range));
    const finding = slot?.list[slot.next];
    if (!slot || !finding) continue;
    slot.next++;
    out.push({ diagnostic, finding });
  }
  return out;
}

export function register(_context: vscode.ExtensionContext, { analysis }: Services): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  return [
    collection,
    analysis.onDidChangeAnalysis(({ uri, analysis: a }) => {
      if (a) collection.set(uri, a.findings.map(toDiagnostic));
      else collection.delete(uri);
    }),
    vscode.commands.registerCommand('postmortem.checkFile', (uri?: vscode.Uri) => {
      const doc = uri
        ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
        : vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== 'markdown') {
        void vscode.window.showInformationMessage('Post-mortem: open a Markdown file to check it.');
        return;
      }
      analysis.force(doc);
      const count = collection.get(doc.uri)?.length ?? 0;
      void vscode.window.setStatusBarMessage(`Post-mortem: ${count === 0 ? 'no problems' : `${count} problem${count === 1 ? '' : 's'}`} in this file`, 4000);
    }),
  ];
}
