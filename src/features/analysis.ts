// One analysis per document version, shared by the features (diagnostics, quick fixes, completions, hover, status
// bar). Not a feature: a cache around the core's IncrementalAnalyzer, so a keystroke is analysed once.
import * as vscode from 'vscode';
import { analyseSafely, errorDetails, IncrementalAnalyzer, ISSUES_URL, localDate, trimEndChars, type Analysis, type ConfigInput, type PostmortemConfig } from '../core';
import { log } from './log';
import { readConfig } from './settings';

interface Entry {
  analyzer: IncrementalAnalyzer;
  /** The day it was analysed on (action-item-overdue depends on it). */
  today?: string;
  version: number;
  configGeneration: number;
  forced: boolean;
  analysis: Analysis | undefined;
}

class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly configs = new Map<string, PostmortemConfig>();
  private readonly forced = new Set<string>();
  private readonly teams = new Map<string, ConfigInput>();
  private configGeneration = 0;
  /** Failures already logged (by their stack), so a document that fails on every keystroke is logged once. */
  private readonly failures = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when settings or a team file changed: every document needs checking again. */
  readonly onDidChangeConfig = this.changed.event;

  /** The team's .postmortem.json input for a workspace folder. */
  setTeamConfig(folder: vscode.Uri, input: ConfigInput): void {
    const key = folder.toString();
    if (JSON.stringify(this.teams.get(key) ?? {}) === JSON.stringify(input)) return;
    this.teams.set(key, input);
    this.settingsChanged();
  }

  /** Settings are read once per workspace folder and re-read after they change. */
  configFor(uri: vscode.Uri): PostmortemConfig {
    const key = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';
    let config = this.configs.get(key);
    if (!config) {
      config = readConfig(uri, this.teams.get(key) ?? {});
      this.configs.set(key, config);
    }
    return config;
  }

  /** The analysis of the document's current text. */
  get(doc: vscode.TextDocument): Analysis {
    const key = doc.uri.toString();
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { analyzer: new IncrementalAnalyzer(), version: -1, configGeneration: -1, forced: false, analysis: undefined };
      this.entries.set(key, entry);
    }
    const forced = this.forced.has(key);
    const today = localDate(new Date());
    if (!entry.analysis || entry.version !== doc.version || entry.configGeneration !== this.configGeneration || entry.forced !== forced || entry.today !== today) {
      // An exception in the checks never reaches VS Code: the document shows one check-failed error instead of stale
      // or no results, and the details go to the output channel once.
      const e = entry;
      const analysis = analyseSafely(
        () => e.analyzer.analyze(doc.getText(), { path: workspacePath(doc.uri), config: this.configFor(doc.uri), force: forced, today }),
        this.failures,
        (error, first) => {
          e.analyzer = new IncrementalAnalyzer(); // its chunk cache may hold a half-finished state
          if (first) log(`Checking ${doc.uri.toString()} failed. This is a bug: please report it at ${ISSUES_URL}.\n${errorDetails(error)}`);
        },
      );
      entry.analysis = analysis;
      entry.version = doc.version;
      entry.configGeneration = this.configGeneration;
      entry.forced = forced;
      entry.today = today;
      return analysis;
    }
    return entry.analysis;
  }

  /** Checks the document as a post-mortem whatever its markers ("Check This File"). */
  force(uri: vscode.Uri): void {
    this.forced.add(uri.toString());
  }

  isTracked(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
    this.forced.delete(uri.toString());
  }

  /**
   * Reads the settings again (after workspace trust was granted) and re-checks only if a folder's config changed:
   * VS Code may report trust for a workspace that was trusted all along.
   */
  refreshConfig(): void {
    const changed = [...this.configs].some(([key, config]) => {
      const next = readConfig(key === '' ? undefined : vscode.Uri.parse(key), this.teams.get(key) ?? {});
      return JSON.stringify(next) !== JSON.stringify(config);
    });
    if (changed) this.settingsChanged();
  }

  settingsChanged(): void {
    this.configs.clear();
    this.configGeneration++;
    this.changed.fire();
  }

  clear(): void {
    this.entries.clear();
    this.forced.clear();
    this.configs.clear();
  }
}

export const analyses = new AnalysisCache();

/**
 * The path detection matches: relative to the document's workspace folder, as the CLI's is relative to the project
 * root, so folders above the workspace ("/home/me/incidents/…") never make a file a post-mortem. A file outside every
 * workspace folder is matched by its name alone.
 */
export function workspacePath(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const root = folder === undefined ? undefined : trimEndChars(folder.uri.path, /\//);
  if (root !== undefined && uri.path.startsWith(`${root}/`)) return uri.path.slice(root.length + 1);
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

const SKIPPED_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-scm', 'review', 'chat-editing-text-model']);

/** Markdown documents the extension looks at. */
export function isMarkdown(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' && !SKIPPED_SCHEMES.has(doc.uri.scheme);
}

/** The analysis when the document is a Markdown post-mortem the checks apply to, else undefined. */
export function postmortemAnalysis(doc: vscode.TextDocument): Analysis | undefined {
  if (!isMarkdown(doc)) return undefined;
  const a = analyses.get(doc);
  return a.isPostmortem ? a : undefined;
}
