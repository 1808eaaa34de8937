// The analysis service: one analysis per document version, shared by every feature (diagnostics, quick fixes,
// completions, hover, status bar, timeline commands...). Not a feature: created in activate and handed to each
// feature's register. It owns
// - the per-document IncrementalAnalyzer, so a keystroke is analysed once, and only the chunks it touched are parsed;
// - the effective configuration per workspace folder: settings, then the team's .postmortem.json, then the defaults,
//   as workspace trust allows;
// - invalidation when settings, a team file or trust change;
// - which documents are checked: on open, debounced while typing, again when an editor shows them, forgotten on close
//   or with their last tab; `onDidChangeAnalysis` tells subscribers each time a document's published analysis changed.
import * as vscode from 'vscode';
import { analyseSafely, errorDetails, IncrementalAnalyzer, ISSUES_URL, localDate, trimEndChars, type Analysis, type ConfigInput, type PostmortemConfig } from '../core';
import { log } from './log';
import { readConfig, SECTION } from './settings';
import { onDidGainTrust } from './trust';

export const DEBOUNCE_MS = 300;

interface Entry {
  analyzer: IncrementalAnalyzer;
  version: number;
  configGeneration: number;
  forced: boolean;
  /** The day it was analysed on (action-item-overdue depends on it). */
  today?: string;
  analysis: Analysis | undefined;
}

/** A document's analysis changed (`analysis`), or the document is no longer checked (`analysis` undefined). */
export interface AnalysisChange {
  readonly uri: vscode.Uri;
  readonly analysis: Analysis | undefined;
}

export class AnalysisService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly configs = new Map<string, PostmortemConfig>();
  private readonly forced = new Set<string>();
  private readonly teams = new Map<string, ConfigInput>();
  private configGeneration = 0;
  /** Failures already logged (by their stack), so a document that fails on every keystroke is logged once. */
  private readonly failures = new Set<string>();
  /** Documents whose analysis was published (an onDidChangeAnalysis event), by URI. */
  private readonly published = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<AnalysisChange>();
  private readonly configChanged = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.configChanged];

  /** Fires after a document was checked (on open, after a typing pause, after a configuration change) or forgotten. */
  readonly onDidChangeAnalysis = this.changed.event;
  /** Fires when settings, a team file or trust changed, before the open documents are checked again. */
  readonly onDidChangeConfig = this.configChanged.event;

  /** Starts following the documents: checks those open now, then each as it opens, changes, shows or closes. */
  start(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.check(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      // VS Code may keep a document open long after its last editor closed: drop its results with the last tab,
      // and check it again when an editor shows it.
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) {
          if (!(tab.input instanceof vscode.TabInputText)) continue;
          const uri = tab.input.uri;
          if (this.published.has(uri.toString()) && !shownInATab(uri.toString())) this.forget(uri);
        }
      }),
      // A shown post-mortem never goes without its results (a close and a re-check may have crossed). The analysis
      // is cached, so this costs a lookup.
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of editors) if (!this.published.has(editor.document.uri.toString())) this.check(editor.document);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) this.invalidate();
      }),
      // Trust can be granted while the extension runs (never taken back without a reload): read everything again.
      onDidGainTrust(() => this.refreshConfig()),
    );
    // The documents open at activation are checked on the next turn of the event loop, not inside activate: VS Code
    // activates extensions one after another, and a first analysis there would hold up every extension after ours.
    // A document that opens, changes or shows before then is checked by its own event (results are cached per version).
    const first = setTimeout(() => this.checkAll(), 0);
    this.disposables.push({ dispose: () => clearTimeout(first) });
  }

  /** The team's .postmortem.json input for a workspace folder. */
  setTeamConfig(folder: vscode.Uri, input: ConfigInput): void {
    const key = folder.toString();
    if (JSON.stringify(this.teams.get(key) ?? {}) === JSON.stringify(input)) return;
    this.teams.set(key, input);
    this.invalidate();
  }

  /**
   * The effective configuration for `scope` (settings, then the team file of its workspace folder, then the
   * defaults), read once per folder and again after a change. Without a scope: the settings and the defaults.
   */
  configFor(scope?: vscode.Uri): PostmortemConfig {
    const key = scope ? vscode.workspace.getWorkspaceFolder(scope)?.uri.toString() ?? '' : '';
    let config = this.configs.get(key);
    if (!config) {
      config = readConfig(scope, this.teams.get(key) ?? {});
      this.configs.set(key, config);
    }
    return config;
  }

  /** The analysis of the document's current text (cached per version and configuration). */
  get(doc: vscode.TextDocument): Analysis {
    const key = doc.uri.toString();
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { analyzer: new IncrementalAnalyzer(), version: -1, configGeneration: -1, forced: false, analysis: undefined };
      this.entries.set(key, entry);
    }
    const forced = this.forced.has(key);
    const today = localDate(new Date());
    if (entry.analysis && entry.version === doc.version && entry.configGeneration === this.configGeneration && entry.forced === forced && entry.today === today) return entry.analysis;
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

  /** Whether the editor analyses this document (it is open and Markdown). */
  isTracked(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString());
  }

  /** The analysis when the document is a Markdown post-mortem the checks apply to, else undefined. */
  postmortem(doc: vscode.TextDocument): Analysis | undefined {
    if (!isMarkdown(doc)) return undefined;
    const a = this.get(doc);
    return a.isPostmortem ? a : undefined;
  }

  /** Checks the document as a post-mortem whatever its markers ("Check This File"), now. */
  force(doc: vscode.TextDocument): Analysis | undefined {
    this.forced.add(doc.uri.toString());
    return this.check(doc);
  }

  /** Checks a Markdown document now and publishes the result; undefined for other documents. */
  check(doc: vscode.TextDocument): Analysis | undefined {
    if (!isMarkdown(doc) || doc.isClosed) return undefined;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const analysis = this.get(doc);
    this.published.add(key);
    this.changed.fire({ uri: doc.uri, analysis });
    return analysis;
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isMarkdown(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.check(doc), DEBOUNCE_MS));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.entries.delete(key);
    this.forced.delete(key);
    if (this.published.delete(key)) this.changed.fire({ uri, analysis: undefined });
  }

  private checkAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.check(doc);
  }

  /**
   * Reads the settings again (after workspace trust was granted) and re-checks only if a folder's config changed:
   * VS Code may report trust for a workspace that was trusted all along.
   */
  private refreshConfig(): void {
    const changed = [...this.configs].some(([key, config]) => {
      const next = readConfig(key === '' ? undefined : vscode.Uri.parse(key), this.teams.get(key) ?? {});
      return JSON.stringify(next) !== JSON.stringify(config);
    });
    if (changed) this.invalidate();
  }

  /** Settings or a team file changed: every configuration is read again and every open document checked again. */
  private invalidate(): void {
    this.configs.clear();
    this.configGeneration++;
    this.configChanged.fire();
    this.checkAll();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.entries.clear();
    this.forced.clear();
    this.configs.clear();
    this.published.clear();
    for (const d of this.disposables) d.dispose();
  }
}

const shownInATab = (uri: string): boolean =>
  vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri));

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
