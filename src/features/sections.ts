// Missing sections: quick fixes on `missing-section`, "Add all missing sections", source.fixAll.postmortem, and the
// commands behind them. Every edit is one WorkspaceEdit (one undo step) that inserts text and touches nothing else.
import * as vscode from 'vscode';
import { isSectionId, sectionInserts, sectionsFor, sectionSpec, type Analysis, type SectionId } from '../core';
import type { AnalysisService } from '../services/analysis';
import type { Services } from '../services';
import { findingsFor } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('postmortem');
/** Internal: puts the cursor in a section's body, selecting its guidance (run after a quick fix adds the section). */
export const REVEAL_SECTION = 'postmortem.revealSection';

/**
 * Selects the guidance of the section serving `id` in the document's editor (shown if needed), so typing replaces
 * it, as New Post-mortem does for the Overview. Without a guidance comment, the cursor goes to the body's first line.
 */
async function revealSection(analyses: AnalysisService, uri: vscode.Uri, id: SectionId): Promise<boolean> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = visible ? await vscode.window.showTextDocument(visible.document, visible.viewColumn) : await vscode.window.showTextDocument(uri);
  const doc = editor.document;
  const section = sectionsFor(analyses.get(doc).model, id)[0];
  if (!section) return false;
  let line = section.heading.range.end.line + 1;
  const last = Math.min(section.contentRange.end.line, doc.lineCount - 1);
  while (line < last && doc.lineAt(line).isEmptyOrWhitespace) line++;
  line = Math.min(line, doc.lineCount - 1);
  const text = doc.lineAt(line);
  editor.selection = /^\s*<!--.*-->\s*$/.test(text.text)
    ? new vscode.Selection(text.range.end, new vscode.Position(line, text.firstNonWhitespaceCharacterIndex))
    : new vscode.Selection(text.range.end, text.range.end);
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

function revealCommand(doc: vscode.TextDocument, id: SectionId): vscode.Command {
  return { title: 'Go to the new section', command: REVEAL_SECTION, arguments: [doc.uri, id] };
}

/** Required sections the document lacks, in the order they are required: the core's answer, whatever the rule levels. */
export function missingSections(analysis: Analysis): readonly SectionId[] {
  return analysis.completeness?.missing ?? [];
}

function insertEdit(doc: vscode.TextDocument, analysis: Analysis, ids: readonly SectionId[]): vscode.WorkspaceEdit & { note?: string } {
  const edit: vscode.WorkspaceEdit & { note?: string } = new vscode.WorkspaceEdit();
  for (const ins of sectionInserts(analysis.model, ids)) {
    edit.insert(doc.uri, new vscode.Position(ins.position.line, ins.position.character), ins.text);
    // The document ended inside a code block or comment: the same edit closes it first, and the title says so.
    if (ins.note) edit.note = ins.note;
  }
  return edit;
}

/** " (closes the code block left open on line 12)" when the edit does that too. */
const noted = (edit: { note?: string }): string => (edit.note ? ` (${edit.note})` : '');

class SectionFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly analyses: AnalysisService) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysis = this.analyses.postmortem(doc);
    if (!analysis) return [];
    const missing = missingSections(analysis);
    if (missing.length === 0) return [];
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.contains(vscode.CodeActionKind.QuickFix)) {
      const found = findingsFor(analysis, context.diagnostics, 'missing-section');
      const diagnostics = found.map((f) => f.diagnostic);
      for (const { diagnostic: d, finding } of found) {
        const id = finding.data['section'];
        if (!isSectionId(id) || !missing.includes(id)) continue;
        const edit = insertEdit(doc, analysis, [id]);
        const action = new vscode.CodeAction(`Add section '${sectionSpec(id).title}'${noted(edit)}`, vscode.CodeActionKind.QuickFix);
        action.edit = edit;
        action.command = revealCommand(doc, id);
        action.diagnostics = [d];
        action.isPreferred = true;
        actions.push(action);
      }
      if (diagnostics.length > 0 && missing.length > 1) {
        const edit = insertEdit(doc, analysis, missing);
        const all = new vscode.CodeAction(`Add all missing sections (${missing.length})${noted(edit)}`, vscode.CodeActionKind.QuickFix);
        all.edit = edit;
        all.command = revealCommand(doc, missing[0]!);
        all.diagnostics = diagnostics;
        actions.push(all);
      }
    }
    // Fix-all is a source action: offered when asked for (on save, "Fix All", the Source Action menu).
    if (context.only?.contains(FIX_ALL_KIND)) {
      const edit = insertEdit(doc, analysis, missing);
      const fixAll = new vscode.CodeAction(`Add all missing post-mortem sections${noted(edit)}`, FIX_ALL_KIND);
      fixAll.edit = edit;
      actions.push(fixAll);
    }
    return actions;
  }
}

/** Adds the given (or all missing) sections to a document, then puts the cursor in the first one added. */
async function addSections(analyses: AnalysisService, doc: vscode.TextDocument, ids?: readonly SectionId[], confirm = false): Promise<boolean> {
  const analysis = analyses.postmortem(doc);
  if (!analysis) {
    // Not "no sections are missing": the file is simply not checked as a post-mortem.
    const choice = await vscode.window.showInformationMessage(
      `Post-mortem: ${vscode.workspace.asRelativePath(doc.uri)} is not a post-mortem (no "type: postmortem" front matter, post-mortem folder or title), so its sections are not checked. Check it as a post-mortem?`,
      CHECK_THIS_FILE,
    );
    if (choice !== CHECK_THIS_FILE) return false;
    await vscode.commands.executeCommand('postmortem.checkFile', doc.uri);
    if (!analyses.postmortem(doc)) return false;
    return addSections(analyses, doc, ids, true);
  }
  const missing = missingSections(analysis);
  const targets = (ids ?? missing).filter((id) => missing.includes(id));
  if (targets.length === 0) {
    void vscode.window.showInformationMessage('Post-mortem: no sections are missing.');
    return false;
  }
  if (confirm) {
    const titles = targets.map((id) => sectionSpec(id).title).join(', ');
    const choice = await vscode.window.showInformationMessage(`Add ${targets.length} missing section${targets.length === 1 ? '' : 's'}: ${titles}?`, { modal: true }, 'Add Sections');
    if (choice !== 'Add Sections') return false;
  }
  const edit = insertEdit(doc, analysis, targets);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  if (edit.note) {
    void vscode.window.showInformationMessage(`Post-mortem: added ${targets.length} section${targets.length === 1 ? '' : 's'}; the edit ${edit.note}, so they are not swallowed by it.`);
  }
  await revealSection(analyses, doc.uri, targets[0]!);
  return true;
}

const CHECK_THIS_FILE = 'Check This File';

function targetDocument(uri?: vscode.Uri): vscode.TextDocument | undefined {
  if (uri) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return vscode.window.activeTextEditor?.document;
}

export function register(_context: vscode.ExtensionContext, { analysis: analyses }: Services): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new SectionFixes(analyses), { providedCodeActionKinds: SectionFixes.kinds }),
    vscode.commands.registerCommand(REVEAL_SECTION, (uri: vscode.Uri, id: string) => (isSectionId(id) ? revealSection(analyses, uri, id) : false)),
    vscode.commands.registerCommand('postmortem.addMissingSections', async (uri?: vscode.Uri, options?: { confirm?: boolean }) => {
      const doc = targetDocument(uri instanceof vscode.Uri ? uri : undefined);
      if (!doc) return false;
      return addSections(analyses, doc, undefined, options?.confirm ?? false);
    }),
    vscode.commands.registerCommand('postmortem.addSection', async (uri?: vscode.Uri, section?: string) => {
      const doc = targetDocument(uri);
      if (!doc) return false;
      const analysis = analyses.postmortem(doc);
      if (!analysis) return addSections(analyses, doc, isSectionId(section) ? [section] : undefined);
      let id: SectionId | undefined = isSectionId(section) ? section : undefined;
      if (!id) {
        const missing = missingSections(analysis);
        const pick = await vscode.window.showQuickPick(
          missing.map((m) => ({ label: sectionSpec(m).title, description: sectionSpec(m).guidance, id: m })),
          { title: 'Add a missing section', placeHolder: missing.length ? 'Section to add' : 'No sections are missing' },
        );
        id = pick?.id;
      }
      return id ? addSections(analyses, doc, [id]) : false;
    }),
  ];
}
