// Timeline commands: "Add Timeline Entry" stamps a new entry where the cursor is (one undo step), and "Log Incident
// Note" appends a one-line note to the timeline of the post-mortem in use without moving anyone's cursor.
import * as vscode from 'vscode';
import { analyze, buildModel, formatTimestamp, parseTimeFormat, resolveTimeZone, SectionMatcher, timelineEntryInsert, type PostmortemModel } from '../core';
import { readConfig, SECTION } from './settings';

export const ADD_ENTRY = 'postmortem.timeline.addEntry';
export const QUICK_NOTE = 'postmortem.timeline.quickNote';
export const NEW_POSTMORTEM = 'postmortem.new';

/** For tests and other callers: a fixed clock. */
export interface AddEntryOptions {
  readonly now?: number;
}

/** For tests and other callers: the note's text, a fixed clock and the target document. */
export interface QuickNoteOptions {
  readonly text?: string;
  readonly now?: number;
  readonly uri?: vscode.Uri | string;
}

/** Problems with the time settings already shown, so each is shown once per session. */
const warned = new Set<string>();

/** The timestamp for `now` in the configured zone and format; invalid settings warn once and use the defaults. */
export function timestampFor(now: number, scope?: vscode.Uri): string {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const zone = resolveTimeZone(c.get<string>('timeline.timeZone'));
  const format = parseTimeFormat(c.get<string>('timeline.format'));
  for (const problem of [zone.problem, format.problem]) {
    if (problem && !warned.has(problem)) {
      warned.add(problem);
      void vscode.window.showWarningMessage(`Post-mortem: ${problem}`);
    }
  }
  return formatTimestamp(now, format.value, zone.value);
}

function modelOf(doc: vscode.TextDocument): PostmortemModel {
  return buildModel(doc.getText(), { matcher: new SectionMatcher(readConfig(doc.uri).extraAliases) });
}

function isPostmortem(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'markdown' || doc.isClosed) return false;
  const config = readConfig(doc.uri);
  // Classification only: rules are skipped when the config is disabled.
  return analyze(doc.getText(), { path: doc.uri.path, config: { ...config, enabled: false } }).isPostmortem;
}

async function addEntry(options: AddEntryOptions = {}): Promise<boolean> {
  const now = options.now ?? Date.now();
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Post-mortem: open a Markdown post-mortem to add a timeline entry.');
    return false;
  }
  const doc = editor.document;
  const stamp = timestampFor(now, doc.uri);
  const { insert, cursor } = timelineEntryInsert(modelOf(doc), stamp, { cursorLine: editor.selection.active.line });
  const done = await editor.edit((b) => b.insert(new vscode.Position(insert.position.line, insert.position.character), insert.text), {
    undoStopBefore: true,
    undoStopAfter: true,
  });
  if (!done) return false;
  const at = new vscode.Position(cursor.line, cursor.character);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

export function register(_context: vscode.ExtensionContext): vscode.Disposable[] {
  /** Markdown documents by the time of their last edit, most recent last. */
  const edited = new Map<string, number>();

  const openDoc = (uri: string): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri && !d.isClosed);

  /** The post-mortem a quick note goes to: the active one, else the last edited open one, else the person's pick. */
  const target = async (): Promise<vscode.TextDocument | undefined> => {
    const active = vscode.window.activeTextEditor?.document;
    if (active && isPostmortem(active)) return active;
    for (const uri of [...edited.keys()].reverse()) {
      const doc = openDoc(uri);
      if (doc && isPostmortem(doc)) return doc;
    }
    const open = vscode.workspace.textDocuments.filter(isPostmortem);
    type Item = vscode.QuickPickItem & { doc?: vscode.TextDocument };
    const items: Item[] = [
      ...open.map((doc) => ({ label: vscode.workspace.asRelativePath(doc.uri), description: doc.isUntitled ? 'unsaved' : '', doc })),
      { label: '$(new-file) New Post-mortem…', description: 'create one and log the note there' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Log Incident Note', placeHolder: 'Which post-mortem gets the note?' });
    if (!picked) return undefined;
    if (picked.doc) return picked.doc;
    await vscode.commands.executeCommand(NEW_POSTMORTEM);
    const created = vscode.window.activeTextEditor?.document;
    return created && created.languageId === 'markdown' ? created : undefined;
  };

  const quickNote = async (options: QuickNoteOptions = {}): Promise<boolean> => {
    // The time of the note is when the command starts, not when Enter is pressed.
    const now = options.now ?? Date.now();
    let doc: vscode.TextDocument | undefined;
    if (options.uri !== undefined) {
      const uri = typeof options.uri === 'string' ? vscode.Uri.parse(options.uri) : options.uri;
      doc = await vscode.workspace.openTextDocument(uri);
    } else doc = await target();
    if (!doc) return false;
    const stamp = timestampFor(now, doc.uri);
    const text =
      options.text ??
      (await vscode.window.showInputBox({
        title: 'Log Incident Note',
        prompt: `Logged at ${stamp} in ${vscode.workspace.asRelativePath(doc.uri)}`,
        placeHolder: 'What happened?',
        ignoreFocusOut: true,
      }));
    if (text === undefined) return false;
    // Computed from the text as it is now: the document may have changed while the input box was open.
    const { insert } = timelineEntryInsert(modelOf(doc), stamp, { text: text.split(/[\r\n]+/).map((l) => l.trim()).filter((l) => l !== '').join(' ') });
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(insert.position.line, insert.position.character), insert.text);
    const done = await vscode.workspace.applyEdit(edit);
    if (done) void vscode.window.setStatusBarMessage(`Post-mortem: note logged at ${stamp}`, 4000);
    return done;
  };

  return [
    vscode.commands.registerCommand(ADD_ENTRY, (options?: AddEntryOptions) => addEntry(options)),
    vscode.commands.registerCommand(QUICK_NOTE, (options?: QuickNoteOptions) => quickNote(options)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || e.document.languageId !== 'markdown') return;
      const key = e.document.uri.toString();
      edited.delete(key);
      edited.set(key, Date.now());
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => edited.delete(doc.uri.toString())),
  ];
}
