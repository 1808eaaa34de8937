// Timeline import in the editor: "Import Timeline…" (clipboard, a file, or a Slack export folder; a multi-select pick
// of the parsed entries; one undo step; a report) and "Paste as timeline entries" when the cursor is in a Timeline
// and the clipboard holds a chat transcript, a pager log or deploy history. The importer loads on first use.
import * as vscode from 'vscode';
import { sectionsFor } from '../core/model/model';
import { resolveTimeZone } from '../core/timeline/format';
import { oversize, oversizeMessage } from '../core/size-limit';
import type { AnalysisService } from '../services/analysis';
import type { Services } from '../services';
import {
  detectSource,
  documentDate,
  importTimeline,
  isImportError,
  planTimelineImport,
  slackExportReader,
  sourceName,
  type ImportResult,
  type ImportedEntry,
  type MergePlan,
  type SourceKind,
} from '../core/import/timeline-import';
import { SECTION, textSetting } from '../services/settings';

export const IMPORT_TIMELINE = 'postmortem.timeline.import';
/** `text.postmortem.timeline`: the kind of "Paste as timeline entries" (for `editor.pasteAs.preferences`). */
export const PASTE_KIND_ID = 'text.postmortem.timeline';
let pasteKind: vscode.DocumentDropOrPasteEditKind | undefined;
const PASTE_KIND = () => (pasteKind ??= vscode.DocumentDropOrPasteEditKind.Text.append('postmortem', 'timeline'));
/** Larger pastes are left to plain paste (the command reads files of any size). */
const MAX_PASTE = 20 * 1024 * 1024;
const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

/** For tests and other callers: the input, and the entries to keep instead of asking. */
export interface ImportCommandOptions {
  /** Text to import instead of asking where from. */
  readonly text?: string;
  /** A file or a Slack export folder to import instead of asking. */
  readonly uri?: vscode.Uri | string;
  readonly from?: SourceKind | 'auto';
  readonly zone?: string;
  readonly date?: string;
  /** Indices (in time order) of the entries to keep, instead of the quick pick. */
  readonly select?: readonly number[];
}

export interface ImportReport {
  readonly imported: number;
  readonly duplicates: number;
  readonly unreadable: number;
  readonly source: SourceKind;
}

/** The zone of times written without one: the machine's zone, where chat clients show times. */
function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function planOptions(analyses: AnalysisService, doc: vscode.TextDocument, cursorLine?: number) {
  const c = vscode.workspace.getConfiguration(SECTION, doc.uri);
  return {
    aliases: analyses.configFor(doc.uri).extraAliases,
    format: textSetting(c, 'timeline.format'),
    timeZone: resolveTimeZone(textSetting(c, 'timeline.timeZone')).value,
    ...(cursorLine !== undefined ? { cursorLine } : {}),
  };
}

function workspaceEdit(doc: vscode.TextDocument, plan: MergePlan): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const ins of plan.inserts) edit.insert(doc.uri, new vscode.Position(ins.position.line, ins.position.character), ins.text);
  return edit;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let timeFormat: Intl.DateTimeFormat | undefined;
const formatTime = (ms: number) => (timeFormat ??= new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })).format(ms);

async function readSource(options: ImportCommandOptions, doc: vscode.TextDocument): Promise<ImportResult | undefined> {
  const date = options.date ?? documentDate(doc.getText());
  const base = { zone: options.zone ?? localZone(), ...(date ? { date } : {}) };
  if (options.text !== undefined) return importTimeline(options.text, { ...base, from: options.from ?? 'auto' });
  let uri = typeof options.uri === 'string' ? vscode.Uri.parse(options.uri) : options.uri;
  if (!uri) {
    type Item = vscode.QuickPickItem & { id: 'clipboard' | 'file' | 'folder' };
    const picked = await vscode.window.showQuickPick<Item>(
      [
        { id: 'clipboard', label: '$(clippy) From the Clipboard', detail: 'Text copied from Slack or Teams, log lines, git log, a PagerDuty or Opsgenie export' },
        { id: 'file', label: '$(file) From a File…', detail: 'A CSV (PagerDuty, Opsgenie), a JSON (PagerDuty log entries, a Slack day file), or a text log' },
        { id: 'folder', label: '$(folder) From a Slack Export Folder…', detail: "A channel's folder of per-day JSON files (users.json beside it gives names)" },
      ],
      { title: 'Import Timeline', placeHolder: 'Where are the events?' },
    );
    if (!picked) return undefined;
    if (picked.id === 'clipboard') return importTimeline(await vscode.env.clipboard.readText(), { ...base, from: options.from ?? 'auto' });
    const folder = picked.id === 'folder';
    const chosen = await vscode.window.showOpenDialog({
      canSelectFiles: !folder,
      canSelectFolders: folder,
      canSelectMany: false,
      title: folder ? 'Slack export: the channel folder' : 'Import Timeline from a file',
      ...(folder ? {} : { filters: { 'Logs and exports': ['csv', 'json', 'txt', 'log'], 'All files': ['*'] } }),
    });
    if (!chosen?.[0]) return undefined;
    uri = chosen[0];
  }
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.type & vscode.FileType.Directory) return readSlackFolder(uri, base);
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  return importTimeline(text, { ...base, from: options.from ?? 'auto', fileName: uri.path.split('/').pop() ?? '' });
}

/** A Slack export channel folder (or the export root with one channel), read one day file at a time. */
async function readSlackFolder(folder: vscode.Uri, base: { zone: string; date?: string }): Promise<ImportResult | undefined> {
  let channel = folder;
  let entries = await vscode.workspace.fs.readDirectory(folder);
  if (!entries.some(([name, type]) => type === vscode.FileType.File && DAY_FILE.test(name))) {
    const channels = entries.filter(([, type]) => type === vscode.FileType.Directory).map(([name]) => name);
    const name = channels.length === 1 ? channels[0] : await vscode.window.showQuickPick(channels, { title: 'Import Timeline', placeHolder: 'Which channel of the Slack export?' });
    if (!name) return undefined;
    channel = vscode.Uri.joinPath(folder, name);
    entries = await vscode.workspace.fs.readDirectory(channel);
  }
  const readText = async (uri: vscode.Uri) => new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  let users: string | undefined;
  for (const dir of [channel, vscode.Uri.joinPath(channel, '..')]) {
    try {
      users = await readText(vscode.Uri.joinPath(dir, 'users.json'));
      break;
    } catch {
      users = undefined; // no users.json here: names stay user ids unless the messages carry profiles
    }
  }
  const reader = slackExportReader(users, base);
  const days = entries.filter(([name, type]) => type === vscode.FileType.File && DAY_FILE.test(name)).map(([name]) => name).sort();
  for (const day of days) reader.add({ name: `${channel.path.split('/').pop()}/${day}`, text: await readText(vscode.Uri.joinPath(channel, day)) });
  return reader.finish();
}

/** The person's choice of entries: all selected at first. */
async function pickEntries(result: ImportResult, options: ImportCommandOptions): Promise<ImportedEntry[] | undefined> {
  if (options.select) return options.select.map((i) => result.entries[i]).filter((e): e is ImportedEntry => e !== undefined);
  type Item = vscode.QuickPickItem & { entry: ImportedEntry };
  const items: Item[] = result.entries.map((entry) => ({
    label: `${formatTime(entry.epochMs)}${entry.author ? `  ${entry.author}` : ''}`,
    detail: entry.text.replace(/\s+/g, ' ').slice(0, 200),
    picked: true,
    entry,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    matchOnDetail: true,
    title: `Import Timeline: ${result.entries.length} entr${result.entries.length === 1 ? 'y' : 'ies'} from ${sourceName(result.source)}`,
    placeHolder: 'Untick the noise, then press Enter',
    ignoreFocusOut: true,
  });
  return picked?.map((p) => p.entry);
}

async function showSkipped(result: ImportResult): Promise<void> {
  const lines = [
    `Import Timeline: ${result.detection}`,
    '',
    ...result.warnings,
    ...(result.warnings.length ? [''] : []),
    `Unreadable (${result.unreadable.length}):`,
    ...result.unreadable.map((u) => `${u.file ? `${u.file}:` : ''}${u.line}: ${u.reason}\n    ${u.text}`),
    '',
    `Left out (${result.ignored.length}):`,
    ...result.ignored.map((u) => `${u.file ? `${u.file}:` : ''}${u.line}: ${u.reason}\n    ${u.text}`),
  ];
  const doc = await vscode.workspace.openTextDocument({ content: lines.join('\n'), language: 'plaintext' });
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}

function reportText(imported: number, duplicates: number, result: ImportResult): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const extra = [result.ignored.length ? `${plural(result.ignored.length, 'message', 'messages')} left out (joins, bots, notifications)` : '', ...result.warnings].filter((s) => s !== '');
  return `Imported ${plural(imported, 'entry', 'entries')}, skipped ${plural(duplicates, 'duplicate', 'duplicates')}, ${plural(result.unreadable.length, 'line', 'lines')} unreadable.${extra.length ? ` ${extra.join(' ')}` : ''}`;
}

async function importCommand(analyses: AnalysisService, options: ImportCommandOptions = {}): Promise<ImportReport | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Post-mortem: open a Markdown post-mortem to import a timeline into.');
    return undefined;
  }
  const doc = editor.document;
  // A document too large to check is not read to merge into either (its model alone could exhaust memory).
  const size = oversize(doc.getText());
  if (size) {
    void vscode.window.showErrorMessage(`Post-mortem: nothing imported. ${oversizeMessage(size)}`);
    return undefined;
  }
  let result: ImportResult | undefined;
  try {
    result = await readSource(options, doc);
  } catch (e) {
    void vscode.window.showErrorMessage(`Post-mortem: ${isImportError(e) ? '' : 'could not import: '}${message(e)}`);
    return undefined;
  }
  if (!result) return undefined;
  if (result.entries.length === 0) {
    const choice = await vscode.window.showWarningMessage(`Post-mortem: nothing to import (${result.detection}); ${result.unreadable.length} lines unreadable.`, 'Show Unreadable Lines');
    if (choice) await showSkipped(result);
    return { imported: 0, duplicates: 0, unreadable: result.unreadable.length, source: result.source };
  }
  const chosen = await pickEntries(result, options);
  if (!chosen || chosen.length === 0) return undefined;
  // Planned from the text as it is now: the document may have changed while the pick was open.
  const plan = planTimelineImport(doc.getText(), chosen, planOptions(analyses, doc, editor.selection.active.line));
  if (plan.inserts.length > 0) {
    const done = await editor.edit((b) => plan.inserts.forEach((ins) => b.insert(new vscode.Position(ins.position.line, ins.position.character), ins.text)), {
      undoStopBefore: true,
      undoStopAfter: true,
    });
    if (!done) {
      void vscode.window.showErrorMessage('Post-mortem: the timeline could not be changed (the document changed or is read-only).');
      return undefined;
    }
  }
  const report: ImportReport = { imported: plan.added.length, duplicates: plan.duplicates.length, unreadable: result.unreadable.length, source: result.source };
  const text = `Post-mortem: ${reportText(report.imported, report.duplicates, result)}`;
  if (options.select) void vscode.window.showInformationMessage(text);
  else {
    const more = result.unreadable.length + result.ignored.length + result.warnings.length > 0 ? ['Show Unreadable Lines'] : [];
    void vscode.window.showInformationMessage(text, ...more).then((choice) => (choice ? showSkipped(result) : undefined));
  }
  return report;
}

/** "Paste as timeline entries": offered in a Timeline when the pasted text reads as a source; default when sure. */
export class TimelinePasteProvider implements vscode.DocumentPasteEditProvider {
  constructor(private readonly analyses: AnalysisService) {}

  async provideDocumentPasteEdits(
    doc: vscode.TextDocument,
    ranges: readonly vscode.Range[],
    data: vscode.DataTransfer,
    context: vscode.DocumentPasteEditContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.DocumentPasteEdit[] | undefined> {
    if (context.only && !context.only.contains(PASTE_KIND()) && !PASTE_KIND().contains(context.only)) return undefined;
    const text = await data.get('text/plain')?.asString();
    if (!text || text.length > MAX_PASTE || token.isCancellationRequested || ranges.length !== 1) return undefined;
    const line = ranges[0]!.start.line;
    // Offered on its own only in a post-mortem's Timeline (the shared, cached analysis); Paste As… asks for it anywhere.
    const asked = context.triggerKind === vscode.DocumentPasteTriggerKind.PasteAs;
    if (!asked) {
      const analysis = this.analyses.postmortem(doc);
      const inTimeline = analysis !== undefined && sectionsFor(analysis.model, 'timeline').some((s) => line >= s.heading.range.start.line && line <= s.contentRange.end.line);
      if (!inTimeline) return undefined;
    }
    const detection = detectSource(text);
    if (!detection) return undefined;
    const docText = doc.getText();
    if (oversize(docText)) return undefined;
    const options = planOptions(this.analyses, doc, line);
    let plan: MergePlan;
    let result: ImportResult;
    try {
      const date = documentDate(docText, options);
      result = importTimeline(text, { zone: localZone(), ...(date ? { date } : {}) });
      plan = planTimelineImport(docText, result.entries, options);
    } catch {
      return undefined; // invalid JSON or CSV: plain paste; the command explains what is wrong
    }
    if (plan.added.length === 0 || token.isCancellationRequested) return undefined;
    const unreadable = result.unreadable.length ? `, ${result.unreadable.length} unreadable` : '';
    const edit = new vscode.DocumentPasteEdit('', `Paste as timeline entries (${plan.added.length} from ${sourceName(result.source)}${unreadable})`, PASTE_KIND());
    edit.additionalEdit = workspaceEdit(doc, plan);
    if (!detection.confident) edit.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
    return [edit];
  }
}

export function register(_context: vscode.ExtensionContext, { analysis }: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(IMPORT_TIMELINE, (options?: ImportCommandOptions) => importCommand(analysis, options)),
    vscode.languages.registerDocumentPasteEditProvider({ language: 'markdown' }, new TimelinePasteProvider(analysis), {
      providedPasteEditKinds: [PASTE_KIND()],
      pasteMimeTypes: ['text/plain'],
    }),
  ];
}

