// The team's `.postmortem.json` at each workspace folder's root: loaded at start, reloaded when it changes (open
// documents are re-checked), and a broken file gets one clear diagnostic while checking goes on with the defaults.
import * as vscode from 'vscode';
import { docsLink, parseTeamConfig, restrictedTeamInput, TEAM_CONFIG_FILE, type TeamConfig } from '../core';
import type { Services } from '../services';
import { unreadable } from '../services/files';
import { onDidGainTrust } from '../services/trust';

export function register(_context: vscode.ExtensionContext, { analysis: analyses }: Services): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('postmortem-config');

  // Per folder: only the newest load may publish (a slow read must not undo a later edit).
  const generations = new Map<string, number>();

  const load = async (folder: vscode.WorkspaceFolder): Promise<void> => {
    const uri = vscode.Uri.joinPath(folder.uri, TEAM_CONFIG_FILE);
    const key = folder.uri.toString();
    const generation = (generations.get(key) ?? 0) + 1;
    generations.set(key, generation);
    // Unsaved edits are what the person sees; otherwise the file on disk (which may have been deleted meanwhile).
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty);
    let text: string | undefined;
    let unread: string | undefined; // why a file that is there is not read
    if (open) text = open.getText();
    else {
      try {
        // Only a regular file of a sane size: a repository's `.postmortem.json -> /dev/zero` was read without end.
        const why = unreadable(await vscode.workspace.fs.stat(uri));
        if (why) unread = `${TEAM_CONFIG_FILE} ${why}, so it is not read.`;
        else text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        text = undefined; // no team file: settings and defaults apply
      }
    }
    if (generations.get(key) !== generation) return;
    if (text === undefined && unread === undefined) {
      collection.delete(uri);
      analyses.setTeamConfig(folder.uri, {});
      return;
    }
    // A file not read is one problem for the whole file, shown as the file's own problems are.
    const team: Pick<TeamConfig, 'input' | 'problems'> =
      unread !== undefined ? { input: {}, problems: [{ message: unread, offset: 0, length: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ignored: 'file' }] } : parseTeamConfig(text!);
    collection.set(
      uri,
      team.problems.map((p) => {
        const { start, end } = p.range;
        const fallback = p.ignored === 'file' ? 'Checking goes on without this file, with your settings and the defaults.' : 'Checking goes on with your settings and the defaults for this value.';
        const d = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), `${p.message} ${fallback}`, vscode.DiagnosticSeverity.Error);
        d.source = 'postmortem';
        d.code = { value: 'team-config', target: vscode.Uri.parse(docsLink('team-config')) };
        return d;
      }),
    );
    // Restricted Mode: only the values that cannot read or write files apply until the folder is trusted.
    analyses.setTeamConfig(folder.uri, vscode.workspace.isTrusted ? team.input : restrictedTeamInput(team.input));
  };

  const loadAll = async (): Promise<void> => {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map(load));
  };

  /** Typing in the file reloads it after a pause, so the checks do not flip to the defaults at every half-typed key. */
  const TYPING_DELAY_MS = 300;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const reloadFor = (uri: vscode.Uri, delayMs = 0): void => {
    if (!uri.path.endsWith(`/${TEAM_CONFIG_FILE}`)) return;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || vscode.Uri.joinPath(folder.uri, TEAM_CONFIG_FILE).toString() !== uri.toString()) return;
    const key = folder.uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
    if (delayMs === 0) void load(folder);
    else timers.set(key, setTimeout(() => {
      timers.delete(key);
      void load(folder);
    }, delayMs));
  };

  const watcher = vscode.workspace.createFileSystemWatcher(`**/${TEAM_CONFIG_FILE}`);
  void loadAll();
  return [
    collection,
    watcher,
    watcher.onDidChange((uri) => reloadFor(uri)),
    watcher.onDidCreate((uri) => reloadFor(uri)),
    watcher.onDidDelete((uri) => reloadFor(uri)),
    vscode.workspace.onDidChangeTextDocument((e) => reloadFor(e.document.uri, TYPING_DELAY_MS)),
    vscode.workspace.onDidSaveTextDocument((d) => reloadFor(d.uri)),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
    // Closing unsaved edits discards them: the file on disk applies again.
    vscode.workspace.onDidCloseTextDocument((d) => reloadFor(d.uri)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void loadAll()),
    onDidGainTrust(() => void loadAll()),
  ];
}
