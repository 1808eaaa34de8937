// Publishes the core's findings as diagnostics: on open, debounced per document while typing, deleted on close,
// everything rechecked when settings change. A per-document generation keeps stale results from ever showing.
import * as vscode from 'vscode';
import { docsLink, type Finding, type Severity } from '../core';
import { analyses, isMarkdown } from './analysis';
import { SECTION } from './settings';

export const DIAGNOSTIC_SOURCE = 'postmortem';
export const DEBOUNCE_MS = 300;

interface DocState {
  timer: ReturnType<typeof setTimeout> | undefined;
  generation: number;
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The finding behind each published diagnostic, for quick fixes that need its data. */
export const findingOf = new WeakMap<vscode.Diagnostic, Finding>();

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const r = finding.range;
  const d = new vscode.Diagnostic(
    new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
    finding.message,
    SEVERITY[finding.severity],
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: finding.code, target: vscode.Uri.parse(docsLink(finding.code)) };
  findingOf.set(d, finding);
  return d;
}

export function register(_context: vscode.ExtensionContext): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const states = new Map<string, DocState>();
  const applies = (doc: vscode.TextDocument) => isMarkdown(doc);

  const stateOf = (doc: vscode.TextDocument): DocState => {
    const key = doc.uri.toString();
    let s = states.get(key);
    if (!s) {
      s = { timer: undefined, generation: 0 };
      states.set(key, s);
    }
    return s;
  };

  const check = (doc: vscode.TextDocument): void => {
    if (!applies(doc) || doc.isClosed) return;
    const state = stateOf(doc);
    if (state.timer) clearTimeout(state.timer);
    state.timer = undefined;
    const generation = ++state.generation;
    const version = doc.version;
    const analysis = analyses.get(doc);
    // Publish only if nothing newer was requested meanwhile and the text is still the one analysed.
    if (generation !== state.generation || doc.isClosed || doc.version !== version) return;
    collection.set(doc.uri, analysis.findings.map(toDiagnostic));
  };

  const schedule = (doc: vscode.TextDocument): void => {
    if (!applies(doc)) return;
    const state = stateOf(doc);
    state.generation++;
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => check(doc), DEBOUNCE_MS);
  };

  const forget = (uri: vscode.Uri): void => {
    const key = uri.toString();
    const state = states.get(key);
    if (state?.timer) clearTimeout(state.timer);
    states.delete(key);
    analyses.forget(uri);
    collection.delete(uri);
  };

  const shownInATab = (uri: string): boolean =>
    vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri));

  const checkAll = (): void => {
    for (const doc of vscode.workspace.textDocuments) check(doc);
  };

  const disposables: vscode.Disposable[] = [
    collection,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => forget(doc.uri)),
    // VS Code may keep a document open long after its last editor closed: drop its results with the last tab,
    // and check it again when an editor shows it.
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.closed) {
        if (!(tab.input instanceof vscode.TabInputText)) continue;
        const uri = tab.input.uri;
        if (states.has(uri.toString()) && !shownInATab(uri.toString())) forget(uri);
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      // Also when it is tracked but has no published result (a close and a re-check may have crossed): a shown
      // post-mortem never goes without its diagnostics. The analysis is cached, so this costs a lookup.
      for (const editor of editors) {
        const doc = editor.document;
        if (!states.has(doc.uri.toString()) || !collection.has(doc.uri)) check(doc);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) analyses.settingsChanged();
    }),
    // Settings or the team's .postmortem.json changed: check every open document again.
    analyses.onDidChangeConfig(() => {
      collection.clear();
      checkAll();
    }),
    vscode.commands.registerCommand('postmortem.checkFile', (uri?: vscode.Uri) => {
      const doc = uri
        ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
        : vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== 'markdown') {
        void vscode.window.showInformationMessage('Post-mortem: open a Markdown file to check it.');
        return;
      }
      analyses.force(doc.uri);
      check(doc);
      const count = collection.get(doc.uri)?.length ?? 0;
      void vscode.window.setStatusBarMessage(`Post-mortem: ${count === 0 ? 'no problems' : `${count} problem${count === 1 ? '' : 's'}`} in this file`, 4000);
    }),
    new vscode.Disposable(() => {
      for (const s of states.values()) if (s.timer) clearTimeout(s.timer);
      states.clear();
      analyses.clear();
    }),
  ];
  checkAll();
  return disposables;
}
