// Timeline commands: "Add Timeline Entry" stamps a new entry where the cursor is (one undo step), and "Log Incident
// Note" appends a one-line note to the timeline of the post-mortem in use without moving anyone's cursor.
import * as vscode from 'vscode';
import {
  analyze,
  cycleNoteMilestone,
  formatTimestamp,
  labelledNote,
  MILESTONE_IDS,
  MILESTONE_LABEL,
  parseMilestones,
  parseTimeFormat,
  resolveTimeZone,
  timelineEntryInsert,
  type MilestoneId,
} from '../core';
import { SECTION, textSetting, warnOnce } from '../services/settings';
import { leavesFolder } from '../services/files';
import type { AnalysisService } from '../services/analysis';
import type { Services } from '../services';
import { pickMilestone } from './milestones';

export const ADD_ENTRY = 'postmortem.timeline.addEntry';
/** Add Timeline Entry with a milestone label picked first (issue 17: the entry commands offer the next milestone). */
export const ADD_MILESTONE_ENTRY = 'postmortem.timeline.addMilestoneEntry';
export const QUICK_NOTE = 'postmortem.timeline.quickNote';
export const NEW_POSTMORTEM = 'postmortem.new';
/** Internal: the "Go to Note" of the last logged note. */
export const GO_TO_LAST_NOTE = 'postmortem.timeline.goToLastNote';

/** For tests and other callers: a fixed clock. */
export interface AddEntryOptions {
  readonly now?: number;
  /** Label the new entry as this milestone (`**Detected:**`), or 'pick' to choose from a quick pick, the next first. */
  readonly milestone?: MilestoneId | 'pick';
}

/** For tests and other callers: the note's text, a fixed clock and the target document. */
export interface QuickNoteOptions {
  readonly text?: string;
  readonly now?: number;
  readonly uri?: vscode.Uri | string;
}

/** The timestamp for `now` in the configured zone and format; invalid settings warn once and use the defaults. */
export function timestampFor(now: number, scope?: vscode.Uri): string {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const zone = resolveTimeZone(textSetting(c, 'timeline.timeZone'));
  const format = parseTimeFormat(textSetting(c, 'timeline.format'));
  for (const problem of [zone.problem, format.problem]) if (problem) warnOnce(problem);
  return formatTimestamp(now, format.value, zone.value);
}

function isPostmortem(analyses: AnalysisService, doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' && !doc.isClosed && analyses.get(doc).isPostmortem;
}

async function addEntry(analyses: AnalysisService, options: AddEntryOptions = {}): Promise<boolean> {
  const now = options.now ?? Date.now();
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Post-mortem: open a Markdown post-mortem to add a timeline entry.');
    return false;
  }
  const doc = editor.document;
  const asked = options.milestone;
  const milestone = asked === 'pick' ? await pickMilestone(analyses.get(doc).model, 'Add Milestone Entry', 'Which milestone does the new entry mark?') : asked;
  if (asked === 'pick' && !milestone) return false;
  const stamp = timestampFor(now, doc.uri);
  // Planned from the text as it is now (the pick may have been open while the document changed).
  const text = milestone && (MILESTONE_IDS as readonly string[]).includes(milestone) ? `**${MILESTONE_LABEL[milestone]}:** ` : undefined;
  const { insert, cursor } = timelineEntryInsert(analyses.get(doc).model, stamp, { cursorLine: editor.selection.active.line, ...(text ? { text } : {}) });
  const done = await editor.edit((b) => b.insert(new vscode.Position(insert.position.line, insert.position.character), insert.text), {
    undoStopBefore: true,
    undoStopAfter: true,
  });
  if (!done) return false;
  if (insert.note) void vscode.window.showInformationMessage(`Post-mortem: the new entry ${insert.note}, so it is not swallowed by it.`);
  const at = new vscode.Position(cursor.line, cursor.character);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

/** Folders never searched for post-mortems. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'build', '.vscode-test', '.vscode-test-web']);
const MAX_LISTED = 200;

/**
 * The Markdown files in the workspace whose path marks them as post-mortems (`postmortem.files.globs`). Uses the
 * search service, and walks the folders (bounded) where there is none, as in some VS Code for the Web setups.
 */
async function workspacePostmortems(analyses: AnalysisService): Promise<vscode.Uri[]> {
  const byPath = (uri: vscode.Uri) => analyze('', { path: uri.path, config: { ...analyses.configFor(uri), enabled: false } }).isPostmortem;
  let found: vscode.Uri[] = [];
  try {
    found = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/{node_modules,.git}/**', 5000);
  } catch {
    found = [];
  }
  const searched = found.length > 0;
  if (!searched) {
    const queue = (vscode.workspace.workspaceFolders ?? []).map((f) => ({ uri: f.uri, depth: 0 }));
    let visited = 0;
    while (queue.length > 0 && visited < 2000) {
      const { uri, depth } = queue.shift()!;
      visited++;
      let entries: [string, vscode.FileType][] = [];
      try {
        entries = await vscode.workspace.fs.readDirectory(uri);
      } catch {
        continue;
      }
      for (const [name, type] of entries) {
        if (type & vscode.FileType.SymbolicLink) continue; // a link may loop or lead outside the folder
        const child = vscode.Uri.joinPath(uri, name);
        if (type & vscode.FileType.Directory) {
          if (depth < 6 && !SKIPPED_DIRS.has(name)) queue.push({ uri: child, depth: depth + 1 });
        } else if (/\.(?:md|markdown)$/i.test(name)) found.push(child);
      }
    }
  }
  const candidates = found.filter(byPath).slice(0, 2 * MAX_LISTED);
  // The walk above skips links; the search follows them (search.followSymlinks): leave out what it found whose real
  // path leaves its workspace folder, so the list never offers a file outside the workspace.
  if (!searched) return candidates.slice(0, MAX_LISTED);
  const inside = await Promise.all(
    candidates.map(async (uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      return folder !== undefined && (await leavesFolder(folder.uri, uri)) === undefined;
    }),
  );
  return candidates.filter((_, i) => inside[i]).slice(0, MAX_LISTED);
}

const LAST_TARGET = 'postmortem.lastNoteTarget';
const CHOOSE_ANOTHER: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('files'), tooltip: 'Log to another post-mortem…' };
const MARK_MILESTONE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('milestone'), tooltip: 'Mark as milestone (again for the next one)' };
const GO_TO_NOTE = 'Go to Note';

/** The first milestone the document does not give yet (in the timeline or the front matter). */
function nextMilestone(analyses: AnalysisService, doc: vscode.TextDocument): MilestoneId | undefined {
  const given = new Set(parseMilestones(analyses.get(doc).model).all.map((m) => m.id));
  return MILESTONE_IDS.find((id) => !given.has(id));
}

export function register(context: vscode.ExtensionContext, { analysis: analyses }: Services): vscode.Disposable[] {
  /** Markdown documents by the time of their last edit, most recent last. */
  const edited = new Map<string, number>();

  const openDoc = (uri: string): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri && !d.isClosed);

  /**
   * Asks which post-mortem gets the note: the open post-mortems and the workspace's, the last target first, then by
   * last change; or a new one. `current` is marked when switching from the note box.
   */
  const pickTarget = async (current?: vscode.Uri): Promise<vscode.TextDocument | undefined> => {
    type Item = vscode.QuickPickItem & { uri?: vscode.Uri };
    const uris = new Map<string, vscode.Uri>();
    for (const doc of vscode.workspace.textDocuments.filter((doc) => isPostmortem(analyses, doc))) uris.set(doc.uri.toString(), doc.uri);
    for (const uri of await workspacePostmortems(analyses)) if (!uris.has(uri.toString())) uris.set(uri.toString(), uri);
    const last = context.workspaceState.get<string>(LAST_TARGET);
    const changed = new Map<string, number>();
    await Promise.all(
      [...uris.values()].map(async (uri) => {
        const key = uri.toString();
        const at = edited.get(key) ?? (await vscode.workspace.fs.stat(uri).then((st) => st.mtime, () => 0));
        changed.set(key, key === last ? Number.MAX_SAFE_INTEGER : at);
      }),
    );
    const sorted = [...uris.values()].sort((a, b) => (changed.get(b.toString()) ?? 0) - (changed.get(a.toString()) ?? 0));
    const items: Item[] = [
      ...sorted.map((uri) => {
        const doc = openDoc(uri.toString());
        const notes = [uri.toString() === current?.toString() ? 'current' : '', uri.toString() === last ? 'last note' : '', doc?.isUntitled ? 'unsaved' : ''].filter(Boolean);
        return { label: vscode.workspace.asRelativePath(uri), description: notes.join(', '), uri };
      }),
      { label: '$(new-file) New Post-mortem…', description: 'create one and log the note there' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Log Incident Note: which post-mortem gets the note?', placeHolder: 'Type to filter; the most recent first', matchOnDescription: true, ignoreFocusOut: true });
    if (!picked) return undefined;
    if (picked.uri) return vscode.workspace.openTextDocument(picked.uri);
    await vscode.commands.executeCommand(NEW_POSTMORTEM);
    const created = vscode.window.activeTextEditor?.document;
    return created && created.languageId === 'markdown' ? created : undefined;
  };

  /** The post-mortem a quick note goes to: the active one, else the last edited open one, else the person's pick. */
  const target = async (): Promise<vscode.TextDocument | undefined> => {
    const active = vscode.window.activeTextEditor?.document;
    if (active && isPostmortem(analyses, active)) return active;
    for (const uri of [...edited.keys()].reverse()) {
      const doc = openDoc(uri);
      if (doc && isPostmortem(analyses, doc)) return doc;
    }
    return pickTarget();
  };

  /**
   * The note box: one line, refused when empty, with a button to log to another post-mortem instead (the text typed
   * so far is kept). Resolves with the text and the document, or undefined on Escape.
   */
  const askNote = (first: vscode.TextDocument, stamp: (doc: vscode.TextDocument) => string): Promise<{ text: string; doc: vscode.TextDocument } | undefined> =>
    new Promise((resolve) => {
      let doc = first;
      let switching = false;
      const box = vscode.window.createInputBox();
      box.title = 'Log Incident Note';
      box.placeholder = 'What happened? (Enter logs it, Escape cancels)';
      box.ignoreFocusOut = true;
      box.buttons = [MARK_MILESTONE, CHOOSE_ANOTHER];
      const describe = () => {
        const next = nextMilestone(analyses, doc);
        const hint = next ? `; start with "${MILESTONE_LABEL[next]}:" to mark the ${next} milestone` : '';
        box.prompt = `Logged at ${stamp(doc)} in ${vscode.workspace.asRelativePath(doc.uri)}${hint}`;
      };
      describe();
      const done = (result: { text: string; doc: vscode.TextDocument } | undefined) => {
        subscriptions.forEach((d) => d.dispose());
        box.dispose();
        resolve(result);
      };
      const subscriptions = [
        box.onDidChangeValue((value) => {
          if (box.validationMessage && value.trim() !== '') box.validationMessage = undefined;
        }),
        box.onDidAccept(() => {
          // Each run of white space that holds a line break becomes one space (split, trim, join: linear).
          const text = box.value.split(/[\r\n]/).map((piece) => piece.trim()).filter((piece) => piece !== '').join(' ');
          if (text === '') box.validationMessage = 'Type what happened, or press Escape to cancel.';
          else done({ text, doc });
        }),
        box.onDidTriggerButton(async (button) => {
          if (button === MARK_MILESTONE) {
            box.value = cycleNoteMilestone(box.value, nextMilestone(analyses, doc));
            return;
          }
          if (button !== CHOOSE_ANOTHER) return;
          switching = true;
          const value = box.value;
          const other = await pickTarget(doc.uri);
          switching = false;
          if (other) doc = other;
          describe();
          box.value = value;
          box.show();
        }),
        box.onDidHide(() => {
          if (!switching) done(undefined);
        }),
      ];
      box.show();
    });

  /** Shows where the note went, with a way to jump to it; never moves the cursor by itself. */
  const confirm = (doc: vscode.TextDocument, line: number, stamp: string): void => {
    void vscode.window.showInformationMessage(`Post-mortem: note logged at ${stamp} in ${vscode.workspace.asRelativePath(doc.uri)}.`, GO_TO_NOTE).then(async (choice) => {
      if (choice !== GO_TO_NOTE) return;
      await revealNote(doc.uri, line);
    });
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
    let text: string;
    if (options.text !== undefined) {
      text = options.text.split(/[\r\n]+/).map((l) => l.trim()).filter((l) => l !== '').join(' ');
      if (text === '') {
        void vscode.window.showWarningMessage('Post-mortem: the note is empty; nothing was logged.');
        return false;
      }
    } else {
      const answer = await askNote(doc, (d) => timestampFor(now, d.uri));
      if (!answer) return false;
      ({ text, doc } = answer);
    }
    // `detected: alert fired` becomes the milestone label `**Detected:** alert fired`.
    text = labelledNote(text).text;
    const stamp = timestampFor(now, doc.uri);
    // Computed from the text as it is now: the document may have changed while the input box was open.
    const { insert } = timelineEntryInsert(analyses.get(doc).model, stamp, { text });
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(insert.position.line, insert.position.character), insert.text);
    const done = await vscode.workspace.applyEdit(edit);
    if (!done) return false;
    await context.workspaceState.update(LAST_TARGET, doc.uri.toString());
    const line = noteLine(doc, insert.position.line, text);
    lastNote = { uri: doc.uri, line };
    confirm(doc, line, stamp);
    if (insert.note) void vscode.window.showInformationMessage(`Post-mortem: the note's edit ${insert.note}.`);
    return true;
  };

  return [
    vscode.commands.registerCommand(ADD_ENTRY, (options?: AddEntryOptions) => addEntry(analyses, options)),
    vscode.commands.registerCommand(ADD_MILESTONE_ENTRY, (options?: AddEntryOptions) => addEntry(analyses, { ...options, milestone: options?.milestone ?? 'pick' })),
    vscode.commands.registerCommand(QUICK_NOTE, (options?: QuickNoteOptions) => quickNote(options)),
    vscode.commands.registerCommand(GO_TO_LAST_NOTE, () => (lastNote ? revealNote(lastNote.uri, lastNote.line) : false)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || e.document.languageId !== 'markdown') return;
      const key = e.document.uri.toString();
      edited.delete(key);
      edited.set(key, Date.now());
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => edited.delete(doc.uri.toString())),
  ];
}

/** The last logged note, for "Go to Note". */
let lastNote: { uri: vscode.Uri; line: number } | undefined;

/** The line the inserted note ended up on: the first line at or after the insert position that holds its text. */
function noteLine(doc: vscode.TextDocument, from: number, text: string): number {
  for (let l = from; l < Math.min(doc.lineCount, from + 4); l++) if (doc.lineAt(l).text.includes(text)) return l;
  return Math.min(from, doc.lineCount - 1);
}

/** Opens the document with the cursor at the end of the note's line. */
async function revealNote(uri: vscode.Uri, line: number): Promise<boolean> {
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  const end = editor.document.lineAt(Math.min(line, editor.document.lineCount - 1)).range.end;
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
