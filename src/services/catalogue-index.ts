// The workspace index behind the catalogue views and the dashboard (issue 19): one CatalogueEntry per post-mortem in
// the workspace, kept up to date as files change. Loaded on first use (the Node bundle loads it from its own file,
// see LAZY in scripts/build.mjs), never at activation. Every file access goes through workspace.fs, so it works in
// vscode.dev and virtual workspaces.
//
// - Which files: Markdown files found by the search service, or by walking the folders where there is none (VS Code
//   for the Web); the core's summarise() decides which are post-mortems with the editor's own config (globs, front
//   matter, title, content detection).
// - Cold start: a cache in workspace storage (one line per file: mtime, size and the compact entry) spares reading
//   files that did not change. The files are read a few at a time and summarised in slices of at most SLICE_MS, with
//   the event loop free in between, so typing never waits for the index.
// - Updates: a file watcher re-reads a changed file; an open document's edits are summarised from its text after a
//   pause; a settings or team-config change re-reads everything (what counts as a post-mortem may have changed).
// - Bad input: files that vanish, cannot be read or are too large are kept as "skipped" with the reason, for the view.
import * as vscode from 'vscode';
import { fromRecord, RECORD_VERSION, summarise, summariseModel, toRecord, withToday, type CatalogueEntry, type CatalogueRecord } from '../core/catalogue-index';
import type { Analysis, PostmortemConfig } from '../core';
import { localDate } from '../core/authoring/template';

/** What the index needs from the rest of the extension (passed in: this file is bundled on its own). */
export interface CatalogueIndexDeps {
  readonly configFor: (uri: vscode.Uri) => PostmortemConfig;
  readonly workspacePath: (uri: vscode.Uri) => string;
  readonly onDidChangeConfig: vscode.Event<void>;
  /** The editor's analysis of an open document (cached per version): its model spares a second parse while typing. */
  readonly analysisOf?: (doc: vscode.TextDocument) => Analysis;
  readonly log: (text: string) => void;
  /** Workspace storage for the cache; undefined: no cache (no folder open). */
  readonly storageUri: vscode.Uri | undefined;
  /** Today as YYYY-MM-DD (tests pin it). */
  readonly today?: () => string;
}

export interface IndexedFile {
  readonly uri: vscode.Uri;
  /** Path relative to its workspace folder, as shown. */
  readonly path: string;
  readonly entry: CatalogueEntry;
}

export interface SkippedFile {
  readonly uri: vscode.Uri;
  readonly path: string;
  readonly reason: string;
}

export type IndexState = 'idle' | 'indexing' | 'ready';

interface FileRecord {
  uri: vscode.Uri;
  mtime: number;
  size: number;
  /** undefined: not a post-mortem (or not read yet). */
  entry: CatalogueEntry | undefined;
  skipped: string | undefined;
  /** The entry comes from an open document's unsaved text. */
  fromDocument: boolean;
  /** Bumped on every change request: a slower read of an older state never overwrites a newer one. */
  generation: number;
}

/** Larger files are skipped with a note: summarising one takes a few hundred milliseconds of the extension host. */
export const MAX_FILE_BYTES = 1024 * 1024;
/**
 * Summarising a file takes about 1 ms per 3 KB, in one piece that cannot be sliced: a file larger than this waits until
 * nobody has typed for QUIET_MS, so a long summary never lands between two keystrokes.
 */
const BIG_FILE_BYTES = 64 * 1024;
const QUIET_MS = 1500;
/** Longest synchronous stretch of indexing work before the event loop gets a turn. */
const SLICE_MS = 12;
/** Reads in flight at once. */
const READ_CONCURRENCY = 8;
/** Pause after an open document's last edit before it is summarised again. */
const EDIT_DELAY_MS = 500;
/** Watcher events are gathered this long, then handled together. */
const WATCH_DELAY_MS = 40;
/** The cache is written this long after the last change. */
const SAVE_DELAY_MS = 2000;
/** At most this often while indexing, the views hear about progress. */
const PROGRESS_EVERY_MS = 250;
const CACHE_FILE = 'catalogue-index.json';
/** 2: JSON lines (a header, then one line per file). */
const CACHE_VERSION = 2;
const MARKDOWN = /\.(?:md|markdown)$/i;
/** Folders never searched for post-mortems when walking (the search service applies files.exclude itself). */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', '.vscode-test-web']);
const EXCLUDE = '**/{node_modules,.git}/**';

/** mtime, size, and the entry's compact record (null: not a post-mortem). */
type CacheLine = [number, number, CatalogueRecord | null];

/** Whether a folder above `key` (a URI string) is in `deleted`. */
function underDeleted(key: string, deleted: ReadonlySet<string>): boolean {
  for (let slash = key.lastIndexOf('/'); slash > 0; slash = key.lastIndexOf('/', slash - 1)) {
    if (deleted.has(key.slice(0, slash))) return true;
  }
  return false;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function describeError(error: unknown): string {
  if (error instanceof vscode.FileSystemError) {
    if (error.code === 'FileNotFound' || error.code === 'EntryNotFound') return 'it was removed while being read';
    if (error.code === 'NoPermissions') return 'it cannot be read (no permission)';
    if (error.code === 'FileIsADirectory' || error.code === 'EntryIsADirectory') return 'it is a folder';
  }
  return `it could not be read: ${error instanceof Error ? error.message : String(error)}`;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export class CatalogueIndex implements vscode.Disposable {
  private readonly records = new Map<string, FileRecord>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the entries changed (throttled while indexing). */
  readonly onDidChange = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<IndexState>();
  readonly onDidChangeState = this.stateChanged.event;
  private current: IndexState = 'idle';
  private readonly disposables: vscode.Disposable[] = [];
  private scan: Promise<void> | undefined;
  /** A scan was asked for while one ran: run once more after it. */
  private rescan = false;
  private readonly editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private pendingWatch = new Map<string, 'change' | 'delete'>();
  private watchTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private lastProgress = 0;
  private progressTimer: ReturnType<typeof setTimeout> | undefined;
  private cacheKey = '';
  private cached: Map<string, CacheLine> | undefined;
  private saving: Promise<void> = Promise.resolve();
  /** The day the entries' overdue and due-soon flags are for. */
  private day = '';
  private disposed = false;
  /** When a document was last edited (any document): big files wait for a quiet moment. */
  private lastEdit = 0;
  /** When the current slice of synchronous work began, and the event-loop turn every worker waits for when it is over. */
  private sliceStart = 0;
  private pendingYield: Promise<void> | undefined;
  /** Big files are summarised one at a time. */
  private bigFiles: Promise<void> = Promise.resolve();

  constructor(private readonly deps: CatalogueIndexDeps) {}

  get state(): IndexState {
    return this.current;
  }

  private setState(state: IndexState): void {
    if (this.current === state) return;
    this.current = state;
    this.stateChanged.fire(state);
  }

  /** Starts indexing and watching (once); resolves when the first full index is done. */
  start(): Promise<void> {
    if (this.current !== 'idle') return this.whenReady();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,MD,Markdown}');
    // A folder deleted or renamed away: the watcher reports the folder, whose name is no Markdown file.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables.push(
      watcher,
      folders,
      watcher.onDidCreate((uri) => this.watched(uri, 'change')),
      watcher.onDidChange((uri) => this.watched(uri, 'change')),
      watcher.onDidDelete((uri) => this.watched(uri, 'delete')),
      folders.onDidDelete((uri) => {
        if (!MARKDOWN.test(uri.path)) this.watched(uri, 'delete');
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        this.lastEdit = Date.now();
        this.documentEdited(e.document);
      }),
      // A saved document: its text is what the disk holds now (the watcher may report it too, or not at all).
      vscode.workspace.onDidSaveTextDocument((doc) => this.summariseDocument(doc)),
      // Unsaved edits closed away: the file on disk applies again.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const record = this.records.get(doc.uri.toString());
        if (record?.fromDocument) this.watched(doc.uri, 'change');
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
      this.deps.onDidChangeConfig(() => this.refresh()),
    );
    return this.refresh();
  }

  /** Resolves once no scan is running. */
  async whenReady(): Promise<void> {
    while (this.scan) await this.scan;
  }

  /** Looks at every file again: unchanged ones (same mtime and size, same config) are not read. */
  refresh(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.scan) {
      this.rescan = true;
      return this.whenReady();
    }
    this.setState('indexing');
    this.scan = (async () => {
      try {
        do {
          this.rescan = false;
          await this.scanAll();
        } while (this.rescan && !this.disposed);
      } catch (error) {
        this.deps.log(`Indexing the post-mortems failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      } finally {
        this.scan = undefined;
        if (!this.disposed) {
          this.setState('ready');
          this.fireNow();
        }
      }
    })();
    return this.whenReady();
  }

  private today(): string {
    return this.deps.today?.() ?? localDate(new Date());
  }

  /** After midnight, the overdue and due-soon flags are those of the new day (no file is read again). */
  private checkDay(): void {
    const today = this.today();
    if (today === this.day) return;
    this.day = today;
    for (const r of this.records.values()) if (r.entry) r.entry = withToday(r.entry, today);
  }

  /** The post-mortems, in no particular order. */
  files(): IndexedFile[] {
    this.checkDay();
    const out: IndexedFile[] = [];
    for (const r of this.records.values()) if (r.entry) out.push({ uri: r.uri, path: this.deps.workspacePath(r.uri), entry: r.entry });
    return out;
  }

  /** Files that could not be indexed, with the reason. */
  skipped(): SkippedFile[] {
    const out: SkippedFile[] = [];
    for (const r of this.records.values()) if (r.skipped) out.push({ uri: r.uri, path: this.deps.workspacePath(r.uri), reason: r.skipped });
    return out;
  }

  /** The entry for one file, if it is an indexed post-mortem. */
  entryFor(uri: vscode.Uri): CatalogueEntry | undefined {
    return this.records.get(uri.toString())?.entry;
  }

  /** Summarises `text` as the file at `uri` (an open document's current text, or the file's). */
  summarise(uri: vscode.Uri, text: string): CatalogueEntry | undefined {
    return summarise(text, this.deps.workspacePath(uri), { config: this.deps.configFor(uri), today: this.today() });
  }

  dispose(): void {
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
    for (const t of this.editTimers.values()) clearTimeout(t);
    clearTimeout(this.watchTimer);
    clearTimeout(this.progressTimer);
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      void this.saveCache().finally(() => this.records.clear());
    } else this.records.clear();
    this.changed.dispose();
    this.stateChanged.dispose();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Scanning
  // -------------------------------------------------------------------------------------------------------------

  private async scanAll(): Promise<void> {
    this.day = this.today();
    const uris = await this.listMarkdown();
    if (this.disposed) return;
    await this.loadCache();
    const seen = new Set<string>();
    for (const uri of uris) seen.add(uri.toString());
    // Files gone since the last scan.
    for (const key of [...this.records.keys()]) if (!seen.has(key)) this.records.delete(key);
    const open = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty || d.isUntitled).map((d) => [d.uri.toString(), d]));
    const queue = uris.slice();
    const worker = async (): Promise<void> => {
      for (let uri = queue.shift(); uri; uri = queue.shift()) {
        if (this.disposed) return;
        const doc = open.get(uri.toString());
        if (doc) {
          await this.breathe();
          this.summariseDocument(doc);
        } else await this.indexFile(uri, true);
      }
    };
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    this.cached = undefined;
    this.scheduleSave();
  }

  /** Every Markdown file in the workspace folders. */
  private async listMarkdown(): Promise<vscode.Uri[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) return [];
    let found: vscode.Uri[] = [];
    try {
      found = await vscode.workspace.findFiles('**/*.{md,markdown,MD,Markdown}', EXCLUDE);
    } catch {
      found = [];
    }
    if (found.length > 0) return found;
    // No search service (some VS Code for the Web setups): walk the folders.
    const queue = folders.map((f) => f.uri);
    let slice = performance.now();
    for (let dir = queue.shift(); dir; dir = queue.shift()) {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(dir);
      } catch {
        continue;
      }
      for (const [name, type] of entries) {
        if (type & vscode.FileType.SymbolicLink) continue; // a link may loop or lead outside the folder
        if (type & vscode.FileType.Directory) {
          if (!SKIPPED_DIRS.has(name)) queue.push(vscode.Uri.joinPath(dir, name));
        } else if (MARKDOWN.test(name)) found.push(vscode.Uri.joinPath(dir, name));
      }
      if (performance.now() - slice > SLICE_MS) {
        await yieldToEventLoop();
        slice = performance.now();
      }
    }
    return found;
  }

  /** Reads and summarises one file unless its stat matches what is known (`useCache`: the stored cache counts too). */
  private async indexFile(uri: vscode.Uri, useCache: boolean): Promise<void> {
    const key = uri.toString();
    let record = this.records.get(key);
    if (!record) {
      record = { uri, mtime: -1, size: -1, entry: undefined, skipped: undefined, fromDocument: false, generation: 0 };
      this.records.set(key, record);
    }
    const generation = ++record.generation;
    const r = record;
    const stale = () => this.disposed || r.generation !== generation || this.records.get(key) !== r;
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch (error) {
      if (stale()) return;
      if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound')) {
        this.records.delete(key); // gone: nothing to show
        this.progress();
        return;
      }
      this.setSkipped(r, describeError(error));
      return;
    }
    if (stale()) return;
    if (!r.fromDocument && !r.skipped && r.mtime === stat.mtime && r.size === stat.size) return; // unchanged
    const hit = useCache ? this.cached?.get(key) : undefined;
    if (hit && hit[0] === stat.mtime && hit[1] === stat.size) {
      await this.breathe();
      if (stale()) return;
      const entry = hit[2] === null ? undefined : fromRecord(this.deps.workspacePath(uri), hit[2], this.today());
      if (hit[2] === null || entry) {
        Object.assign(r, { mtime: stat.mtime, size: stat.size, entry, skipped: undefined, fromDocument: false });
        this.progress();
        return;
      }
    }
    // A link (which the folder walk passes over: it may loop or lead outside the folder) or anything but a file, such
    // as a device a link names (a repository's `x.md -> /dev/zero`, reported by the watcher, was read without end).
    if (stat.type & vscode.FileType.Directory || stat.type & vscode.FileType.SymbolicLink || !(stat.type & vscode.FileType.File)) {
      this.records.delete(key);
      this.progress();
      return;
    }
    if (stat.size > MAX_FILE_BYTES) {
      Object.assign(r, { mtime: stat.mtime, size: stat.size, entry: undefined, fromDocument: false });
      this.setSkipped(r, `it is too large to index (${sizeText(stat.size)}; the limit is ${sizeText(MAX_FILE_BYTES)})`);
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (stale()) return;
      if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound')) {
        this.records.delete(key);
        this.progress();
        return;
      }
      this.setSkipped(r, describeError(error));
      return;
    }
    if (stale()) return;
    if (bytes.byteLength > MAX_FILE_BYTES) {
      // Grew between the stat and the read.
      this.setSkipped(r, `it is too large to index (${sizeText(bytes.byteLength)}; the limit is ${sizeText(MAX_FILE_BYTES)})`);
      return;
    }
    if (bytes.byteLength > BIG_FILE_BYTES) {
      const turn = this.bigFiles.then(() => this.quietMoment());
      this.bigFiles = turn;
      await turn;
      if (stale()) return;
    }
    await this.breathe();
    if (stale()) return;
    const entry = this.summariseSafely(uri, new TextDecoder().decode(bytes), r);
    if (entry === false) return;
    Object.assign(r, { mtime: stat.mtime, size: stat.size, entry, fromDocument: false, skipped: undefined });
    this.progress();
    this.scheduleSave();
  }

  /**
   * Resolves at once while the current slice of synchronous work is shorter than SLICE_MS; after that, once the event
   * loop had a turn. Every reader waits for the same turn, so the slices of several readers do not add up.
   */
  private async breathe(): Promise<void> {
    while (performance.now() - this.sliceStart > SLICE_MS) {
      this.pendingYield ??= yieldToEventLoop().then(() => {
        this.pendingYield = undefined;
        this.sliceStart = performance.now();
      });
      await this.pendingYield;
    }
  }

  /** Resolves once nobody has typed for QUIET_MS. */
  private async quietMoment(): Promise<void> {
    await yieldToEventLoop(); // never right after another big file
    for (let wait = this.lastEdit + QUIET_MS - Date.now(); wait > 0 && !this.disposed; wait = this.lastEdit + QUIET_MS - Date.now()) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** summarise() that never throws: a failure skips the file with a note (and one line in the log). */
  private summariseSafely(uri: vscode.Uri, text: string, record: FileRecord, doc?: vscode.TextDocument): CatalogueEntry | undefined | false {
    try {
      // The core's entries hold no slice of the document's text (summariseModel copies them), so keeping one is cheap.
      return this.summariseOnce(uri, text, doc);
    } catch (error) {
      this.deps.log(`Indexing ${uri.toString()} failed. This is a bug.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.setSkipped(record, 'indexing it failed (see the Post-mortem output)');
      return false;
    }
  }

  private summariseOnce(uri: vscode.Uri, text: string, doc?: vscode.TextDocument): CatalogueEntry | undefined {
    // An open document: the analysis the diagnostics made of this version has the model already.
    const analysis = doc && this.deps.analysisOf?.(doc);
    if (analysis) {
      if (!analysis.isPostmortem) return undefined;
      // "Check This File" forces the checks, and the analysis no longer says whether detection alone takes the file:
      // the summary's own detection decides, as for a file no editor has open.
      if (analysis.reason === 'forced') return this.summarise(uri, text);
      return summariseModel(analysis.model, this.deps.workspacePath(uri), { config: this.deps.configFor(uri), today: this.today(), template: analysis.isTemplate });
    }
    return this.summarise(uri, text);
  }

  private setSkipped(record: FileRecord, reason: string): void {
    record.entry = undefined;
    record.skipped = reason;
    record.fromDocument = false;
    this.progress();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Updates
  // -------------------------------------------------------------------------------------------------------------

  private inWorkspace(uri: vscode.Uri): boolean {
    return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  }

  private watched(uri: vscode.Uri, kind: 'change' | 'delete'): void {
    if (this.disposed || this.current === 'idle') return;
    this.pendingWatch.set(uri.toString(), kind);
    clearTimeout(this.watchTimer);
    this.watchTimer = setTimeout(() => void this.flushWatched(), WATCH_DELAY_MS);
  }

  private async flushWatched(): Promise<void> {
    const pending = this.pendingWatch;
    this.pendingWatch = new Map();
    const changes: vscode.Uri[] = [];
    // Deleted files and folders: one pass over the records, each looked up with its parent folders (a checkout that
    // removed 16,000 files walked every record once per file: 5.5 s).
    const deleted = new Set<string>();
    for (const [key, kind] of pending) if (kind === 'delete') deleted.add(key.endsWith('/') ? key.slice(0, -1) : key);
    if (deleted.size > 0) {
      let removed = false;
      for (const key of [...this.records.keys()]) {
        if (deleted.has(key) || underDeleted(key, deleted)) removed = this.records.delete(key) || removed;
      }
      if (removed) {
        this.progress();
        this.scheduleSave();
      }
    }
    for (const [key, kind] of pending) {
      if (kind === 'delete') continue;
      const uri = vscode.Uri.parse(key);
      if (!MARKDOWN.test(uri.path) || !this.inWorkspace(uri)) continue;
      // Unsaved edits in an editor are what the person sees: they win over the file until saved or closed.
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (doc?.isDirty) continue;
      changes.push(uri);
    }
    // A few at a time, as in a scan: a checkout that adds thousands of files must not hold all their bytes at once.
    const queue = changes.slice();
    const worker = async (): Promise<void> => {
      for (let uri = queue.shift(); uri && !this.disposed; uri = queue.shift()) await this.indexFile(uri, false);
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, queue.length) }, worker));
  }

  private documentEdited(doc: vscode.TextDocument): void {
    if (this.disposed || this.current === 'idle' || doc.languageId !== 'markdown' || !this.inWorkspace(doc.uri)) return;
    const key = doc.uri.toString();
    clearTimeout(this.editTimers.get(key));
    this.editTimers.set(
      key,
      setTimeout(() => {
        this.editTimers.delete(key);
        if (!doc.isClosed) this.summariseDocument(doc);
      }, EDIT_DELAY_MS),
    );
  }

  /** Summarises an open document's text now. */
  private summariseDocument(doc: vscode.TextDocument): void {
    if (this.disposed || this.current === 'idle' || !MARKDOWN.test(doc.uri.path) || !this.inWorkspace(doc.uri)) return;
    const key = doc.uri.toString();
    clearTimeout(this.editTimers.get(key));
    this.editTimers.delete(key);
    let record = this.records.get(key);
    if (!record) {
      record = { uri: doc.uri, mtime: -1, size: -1, entry: undefined, skipped: undefined, fromDocument: true, generation: 0 };
      this.records.set(key, record);
    }
    record.generation++;
    const text = doc.getText();
    if (text.length > MAX_FILE_BYTES) {
      this.setSkipped(record, `it is too large to index (${sizeText(text.length)}; the limit is ${sizeText(MAX_FILE_BYTES)})`);
      return;
    }
    const entry = this.summariseSafely(doc.uri, text, record, doc);
    if (entry === false) return;
    const r = record;
    // Most pauses in typing leave the entry as it was: the views and the dashboard redraw only when it changed.
    const changed = r.skipped !== undefined || JSON.stringify(r.entry && toRecord(r.entry)) !== JSON.stringify(entry && toRecord(entry));
    Object.assign(r, { entry, skipped: undefined, fromDocument: doc.isDirty });
    if (!doc.isDirty) {
      // Saved: remember the file's stat so the watcher's event for this save does not read it again.
      void vscode.workspace.fs.stat(doc.uri).then(
        (stat) => {
          if (this.records.get(key) === r && !r.fromDocument) Object.assign(r, { mtime: stat.mtime, size: stat.size });
          this.scheduleSave();
        },
        () => undefined,
      );
    }
    if (changed) this.fireNow();
  }

  /** Tells the views, at most every PROGRESS_EVERY_MS while a scan runs, at once otherwise. */
  private progress(): void {
    if (this.current !== 'indexing') {
      this.fireNow();
      return;
    }
    if (this.progressTimer) return;
    // Each redraw walks every entry: with thousands, redraw less often (10,000 files: every 2 s).
    const every = Math.max(PROGRESS_EVERY_MS, this.records.size / 5);
    const wait = Math.max(0, this.lastProgress + every - Date.now());
    this.progressTimer = setTimeout(() => this.fireNow(), wait);
  }

  private fireNow(): void {
    clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    this.lastProgress = Date.now();
    if (!this.disposed) this.changed.fire();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Cache, in workspace storage: JSON lines, { version, key } then [uri, mtime, size, compact entry | null] per file
  // -------------------------------------------------------------------------------------------------------------

  private cacheUri(): vscode.Uri | undefined {
    return this.deps.storageUri && vscode.Uri.joinPath(this.deps.storageUri, CACHE_FILE);
  }

  /** Entries depend on the config of each folder: a change drops the cache (records are read for the day, see fromRecord). */
  private currentCacheKey(): string {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => [f.uri.toString(), this.deps.configFor(f.uri)]);
    return JSON.stringify([CACHE_VERSION, RECORD_VERSION, folders]);
  }

  private async loadCache(): Promise<void> {
    const key = this.currentCacheKey();
    // Another config: whatever was known is read again.
    if (key !== this.cacheKey) for (const r of this.records.values()) r.mtime = -1;
    this.cacheKey = key;
    const uri = this.cacheUri();
    this.cached = undefined;
    if (!uri) return;
    let lines: string[];
    try {
      lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split('\n');
      const head = JSON.parse(lines[0] ?? '') as { version?: unknown; key?: unknown };
      if (head.version !== CACHE_VERSION || head.key !== key) return;
    } catch {
      return; // no cache yet, or a broken one: index from the files
    }
    // One line per file, parsed a slice at a time: 10,000 files are 8 MB of JSON, too much to parse in one task.
    const cached = new Map<string, CacheLine>();
    for (let i = 1; i < lines.length; i++) {
      if ((i & 63) === 0) await this.breathe();
      if (this.disposed) return;
      try {
        const line = JSON.parse(lines[i]!) as unknown;
        if (Array.isArray(line) && line.length === 4 && typeof line[0] === 'string') cached.set(line[0], [line[1], line[2], line[3]] as CacheLine);
      } catch {
        // a broken line: that file is read again
      }
    }
    this.cached = cached;
  }

  private scheduleSave(): void {
    if (!this.deps.storageUri || this.disposed) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.saveCache();
    }, SAVE_DELAY_MS);
  }

  /** Writes the cache now (it is otherwise written a moment after the last change, and on dispose). */
  flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    return this.saveCache();
  }

  /** Saves one after the other: a save spans several turns of the event loop. */
  private saveCache(): Promise<void> {
    this.saving = this.saving.then(() => this.writeCache());
    return this.saving;
  }

  /**
   * The cache as JSON lines: a header, then one line per file. Each line is made in its own step and the steps are
   * sliced like the indexing, so saving 10,000 entries never holds the event loop for long.
   */
  private async writeCache(): Promise<void> {
    const uri = this.cacheUri();
    if (!uri || !this.deps.storageUri) return;
    const lines = [JSON.stringify({ version: CACHE_VERSION, key: this.cacheKey || this.currentCacheKey() })];
    const records = [...this.records];
    for (let i = 0; i < records.length; i++) {
      if ((i & 63) === 0) await this.breathe();
      const [key, r] = records[i]!;
      if (r.fromDocument || r.skipped || r.mtime < 0) continue;
      lines.push(JSON.stringify([key, r.mtime, r.size, r.entry ? toRecord(r.entry) : null]));
    }
    await this.breathe();
    try {
      await vscode.workspace.fs.createDirectory(this.deps.storageUri);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lines.join('\n')));
    } catch (error) {
      this.deps.log(`Could not save the post-mortem index cache: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

export function createCatalogueIndex(deps: CatalogueIndexDeps): CatalogueIndex {
  return new CatalogueIndex(deps);
}
