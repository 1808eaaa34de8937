// "Export as HTML" and "Insert Timeline Diagram". The export writes `<name>.html` beside the post-mortem: the rendered
// document, the visual timeline and the durations in one self-contained, sanitised file (see src/export/html.ts,
// loaded on first use). It never overwrites without asking, and all file access goes through workspace.fs, so it
// works in vscode.dev. The diagram is a Mermaid gantt block between marker comments, refreshed on save when present.
import * as vscode from 'vscode';
import { ganttBlockRange, ganttEdit } from '../core';
import { postmortemHtml } from '../export/html';
import { isMarkdown, type AnalysisService } from '../services/analysis';
import type { Services } from '../services';
import { documentToExport, exportTarget, writeExport } from '../services/files';

export const EXPORT_HTML_COMMAND = 'postmortem.exportHtml';
export const INSERT_DIAGRAM_COMMAND = 'postmortem.insertTimelineDiagram';
const OPEN = 'Open';

export interface ExportHtmlOptions {
  /** The post-mortem; the active editor's document when omitted. */
  readonly uri?: vscode.Uri;
  /** Where to write; `<name>.html` beside the post-mortem when omitted. */
  readonly target?: vscode.Uri;
  /** When the target exists: true overwrites, false writes nothing; omitted asks. */
  readonly overwrite?: boolean;
  /** Include the Mermaid gantt source. */
  readonly mermaid?: boolean;
}

async function exportHtml(analyses: AnalysisService, extensionUri: vscode.Uri, options: ExportHtmlOptions): Promise<vscode.Uri | undefined> {
  const doc = await documentToExport(options.uri);
  if (!doc || !isMarkdown(doc)) {
    void vscode.window.showInformationMessage('Post-mortem: open a post-mortem to export it as HTML.');
    return undefined;
  }
  const dialog = { title: 'Export as HTML', filters: { HTML: ['html'] } };
  const where = await exportTarget(doc, options.target, { ...dialog, suffix: '.html' });
  if (!where) return undefined;
  const { target, confirmed } = where;
  let bytes: Uint8Array;
  try {
    const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'timeline.css')));
    bytes = new TextEncoder().encode(postmortemHtml(doc.getText(), { timelineCss: css, path: doc.uri.path, config: analyses.configFor(doc.uri), ...(options.mermaid ? { mermaid: true } : {}) }));
  } catch (error) {
    void vscode.window.showErrorMessage(`Post-mortem: could not export ${doc.uri.path}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  // The same safe write as Export Action Items: never through a link, never over a file nobody agreed to replace.
  const written = await writeExport(target, bytes, {
    confirmed,
    programmatic: options.target !== undefined || options.overwrite !== undefined,
    ...(options.overwrite !== undefined ? { overwrite: options.overwrite } : {}),
    ...dialog,
    replaces: 'Its contents are replaced by this post-mortem as HTML.',
  });
  if (!written) return undefined;
  const shown = vscode.workspace.asRelativePath(written, false);
  void vscode.window
    .showInformationMessage(`Post-mortem: exported to ${shown}.`, OPEN)
    .then((choice) => (choice === OPEN ? vscode.env.openExternal(written) : undefined));
  return written;
}

/** Inserts or refreshes the Mermaid block; resolves true when the document changed. */
async function insertDiagram(analyses: AnalysisService): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const analysis = editor && analyses.postmortem(editor.document);
  if (!editor || !analysis) {
    void vscode.window.showInformationMessage('Post-mortem: open a post-mortem to insert its timeline diagram.');
    return false;
  }
  const edit = ganttEdit(analysis.model);
  if (!edit) {
    if (!ganttBlockRange(analysis.model)) void vscode.window.showInformationMessage('Post-mortem: the diagram needs at least two milestones with times (e.g. **Started:** and **Mitigated:** on timeline entries).');
    return false;
  }
  const r = edit.range;
  return editor.edit((b) => b.replace(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), edit.text));
}

export function register(context: vscode.ExtensionContext, { analysis: analyses }: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(EXPORT_HTML_COMMAND, (arg?: ExportHtmlOptions | vscode.Uri) =>
      exportHtml(analyses, context.extensionUri, arg instanceof vscode.Uri ? { uri: arg } : (arg ?? {})),
    ),
    vscode.commands.registerCommand(INSERT_DIAGRAM_COMMAND, () => insertDiagram(analyses)),
    // A diagram that is present is refreshed on save, in the same save (one undo step with nothing else).
    vscode.workspace.onWillSaveTextDocument((e) => {
      if (!isMarkdown(e.document) || !e.document.getText().includes('postmortem:timeline-diagram')) return;
      const analysis = analyses.postmortem(e.document);
      if (!analysis || !ganttBlockRange(analysis.model)) return;
      const edit = ganttEdit(analysis.model);
      if (!edit) return;
      const r = edit.range;
      e.waitUntil(Promise.resolve([vscode.TextEdit.replace(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), edit.text)]));
    }),
  ];
}
