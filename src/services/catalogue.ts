// The workspace index service (issue 19), as activation creates it: a handle that does nothing until a catalogue view
// becomes visible or a catalogue command runs. Then it loads the index (src/services/catalogue-index.ts, its own file
// in the Node bundle) and starts it. Cold activation pays for this file only.
import * as vscode from 'vscode';
import type { PostmortemConfig } from '../core';
import { localDate } from '../core/authoring/template';
import type { CatalogueEntry } from '../core/catalogue-index';
import { createCatalogueIndex, type CatalogueIndex, type CatalogueIndexDeps, type IndexedFile, type IndexState, type SkippedFile } from './catalogue-index';

export type { IndexedFile, IndexState, SkippedFile };

export class CatalogueService implements vscode.Disposable {
  private index: CatalogueIndex | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** The entries changed. */
  readonly onDidChange = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<IndexState>();
  readonly onDidChangeState = this.stateChanged.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly deps: CatalogueIndexDeps) {}

  /** 'idle' until started. */
  get state(): IndexState {
    return this.index?.state ?? 'idle';
  }

  /** Starts the index (once); resolves when the first full scan is done. */
  start(): Promise<void> {
    return this.loaded().start();
  }

  private loaded(): CatalogueIndex {
    if (!this.index) {
      const index = createCatalogueIndex(this.deps);
      this.index = index;
      this.subscriptions.push(index, index.onDidChange(() => this.changed.fire()), index.onDidChangeState((s) => this.stateChanged.fire(s)));
    }
    return this.index;
  }

  /** Scans the workspace again (starts the index if needed). */
  async refresh(): Promise<void> {
    if (!this.index) return this.start();
    return this.index.refresh();
  }

  /** Resolves once no scan runs (at once when not started). */
  whenReady(): Promise<void> {
    return this.index?.whenReady() ?? Promise.resolve();
  }

  files(): IndexedFile[] {
    return this.index?.files() ?? [];
  }

  skipped(): SkippedFile[] {
    return this.index?.skipped() ?? [];
  }

  entryFor(uri: vscode.Uri): CatalogueEntry | undefined {
    return this.index?.entryFor(uri);
  }

  /** The config the index summarises a file with. */
  configFor(uri: vscode.Uri): PostmortemConfig {
    return this.deps.configFor(uri);
  }

  /** Today as the index sees it (YYYY-MM-DD). */
  today(): string {
    return this.deps.today?.() ?? localDate(new Date());
  }

  /** Summarises `text` as the file at `uri` would be, with its folder's config. */
  summarise(uri: vscode.Uri, text: string): CatalogueEntry | undefined {
    return this.loaded().summarise(uri, text);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    this.stateChanged.dispose();
  }
}
