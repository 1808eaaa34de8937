// "Export Action Items": writes the active post-mortem's action items as CSV for Jira's import, beside the file as
// `<name>.action-items.csv` (an untitled document asks where). It never overwrites without asking, and never writes
// through a symbolic link: a new file is created only if absent, in one step; a file the person agreed to replace is
// replaced by renaming a temporary file over it, and only if it is still the file they were asked about.
import * as vscode from 'vscode';
import { actionItemsCsv, exportedActionItems } from '../core';
import { isMarkdown, type AnalysisService } from '../services/analysis';
import type { Services } from '../services';
import { documentToExport, exportTarget, writeExport } from '../services/files';

export const EXPORT_COMMAND = 'postmortem.exportActionItems';
export const CSV_SUFFIX = '.action-items.csv';
const OPEN = 'Open';

/** For programmatic use and tests. */
export interface ExportActionItemsOptions {
  /** The post-mortem; the active editor's document when omitted. */
  readonly uri?: vscode.Uri;
  /** Where to write; `<name>.action-items.csv` beside the post-mortem when omitted. */
  readonly target?: vscode.Uri;
  /** When the target exists: true overwrites, false leaves it and writes nothing; omitted asks. A link is never overwritten. */
  readonly overwrite?: boolean;
}

export function register(_context: vscode.ExtensionContext, { analysis }: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(EXPORT_COMMAND, (arg?: ExportActionItemsOptions | vscode.Uri) =>
      exportActionItems(analysis, arg instanceof vscode.Uri ? { uri: arg } : (arg ?? {})),
    ),
  ];
}

/** Writes the CSV and resolves with its URI, or undefined when nothing was written. */
export async function exportActionItems(analyses: AnalysisService, options: ExportActionItemsOptions = {}): Promise<vscode.Uri | undefined> {
  const doc = await documentToExport(options.uri);
  if (!doc || !isMarkdown(doc)) {
    void vscode.window.showInformationMessage('Post-mortem: open a post-mortem to export its action items.');
    return undefined;
  }
  // The same config as the diagnostics: settings, then the team's .postmortem.json, then the defaults.
  const { ticketPattern } = analyses.configFor(doc.uri).actionItems;
  const model = analyses.get(doc).model;
  const name = doc.isUntitled ? doc.uri.path : vscode.workspace.asRelativePath(doc.uri, false);
  const count = exportedActionItems(model, ticketPattern).length;
  if (count === 0) {
    void vscode.window.showInformationMessage(`Post-mortem: ${name} has no action items to export.`);
    return undefined;
  }

  const dialog = { title: 'Export Action Items', filters: { CSV: ['csv'] } };
  const where = await exportTarget(doc, options.target, { ...dialog, suffix: CSV_SUFFIX });
  if (!where) return undefined;
  const { target, confirmed } = where;
  const programmatic = options.target !== undefined || options.overwrite !== undefined;
  const bytes = new TextEncoder().encode(actionItemsCsv([{ model, source: name }], { ticketPattern }));

  const written = await writeExport(target, bytes, {
    confirmed,
    programmatic,
    ...(options.overwrite !== undefined ? { overwrite: options.overwrite } : {}),
    ...dialog,
    replaces: "Its contents are replaced by this post-mortem's action items.",
  });
  if (!written) return undefined;
  const shown = vscode.workspace.asRelativePath(written, false);
  void vscode.window
    .showInformationMessage(`Post-mortem: exported ${count} action item${count === 1 ? '' : 's'} to ${shown}.`, OPEN)
    .then((choice) => (choice === OPEN ? vscode.window.showTextDocument(written, { preview: false }) : undefined));
  return written;
}
