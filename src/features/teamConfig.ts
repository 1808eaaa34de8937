// The team's `.postmortem.json` at each workspace folder's root: loaded at start, reloaded when it changes (open
// documents are re-checked), and a broken file gets one clear diagnostic while checking goes on with the defaults.
import * as vscode from 'vscode';
import { parseTeamConfig, TEAM_CONFIG_FILE } from '../core';
import { analyses } from './analysis';

export function register(_context: vscode.ExtensionContext): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('postmortem-config');

  const load = async (folder: vscode.WorkspaceFolder): Promise<void> => {
    const uri = vscode.Uri.joinPath(folder.uri, TEAM_CONFIG_FILE);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string | undefined;
    if (open) text = open.getText();
    else {
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        text = undefined; // no team file: settings and defaults apply
      }
    }
    if (text === undefined) {
      collection.delete(uri);
      analyses.setTeamConfig(folder.uri, {});
      return;
    }
    const team = parseTeamConfig(text);
    const lines = text.split(/\r\n|\r|\n/);
    const position = (offset: number): vscode.Position => {
      let line = 0;
      let start = 0;
      for (; line < lines.length; line++) {
        const len = lines[line]!.length + (text!.slice(start + lines[line]!.length, start + lines[line]!.length + 2) === '\r\n' ? 2 : 1);
        if (offset < start + len) break;
        start += len;
      }
      return new vscode.Position(Math.min(line, lines.length - 1), Math.max(0, offset - start));
    };
    collection.set(
      uri,
      team.problems.map((p) => {
        const d = new vscode.Diagnostic(new vscode.Range(position(p.offset), position(p.offset + p.length)), `${p.message} Checking goes on with the defaults for this value.`, vscode.DiagnosticSeverity.Error);
        d.source = 'postmortem';
        d.code = 'team-config';
        return d;
      }),
    );
    analyses.setTeamConfig(folder.uri, team.input);
  };

  const loadAll = async (): Promise<void> => {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map(load));
  };

  const reloadFor = (uri: vscode.Uri): void => {
    if (!uri.path.endsWith(`/${TEAM_CONFIG_FILE}`)) return;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder && vscode.Uri.joinPath(folder.uri, TEAM_CONFIG_FILE).toString() === uri.toString()) void load(folder);
  };

  const watcher = vscode.workspace.createFileSystemWatcher(`**/${TEAM_CONFIG_FILE}`);
  void loadAll();
  return [
    collection,
    watcher,
    watcher.onDidChange(reloadFor),
    watcher.onDidCreate(reloadFor),
    watcher.onDidDelete(reloadFor),
    vscode.workspace.onDidChangeTextDocument((e) => reloadFor(e.document.uri)),
    vscode.workspace.onDidSaveTextDocument((d) => reloadFor(d.uri)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void loadAll()),
  ];
}
