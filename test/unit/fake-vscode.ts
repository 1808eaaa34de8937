// A small stand-in for the `vscode` module, enough for the workspace index (src/services/catalogue-index.ts) to run in
// Node: an in-memory file system with mtimes, a watcher the test fires, and counters of what was read. Installed with
// installFakeVscode() before the index is imported (it hooks require('vscode')).
import Module from 'node:module';

type Listener<T> = (value: T) => void;

export class EventEmitter<T> {
  private listeners: Array<Listener<T>> = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static parse(text: string): Uri {
    const m = /^([a-z-]+):\/\/(.*)$/.exec(text);
    return new Uri(m ? m[1]! : 'file', m ? m[2]! : text);
  }
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path.replace(/\/$/, ''), ...parts].join('/'));
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
  SymbolicLink = 64,
}

export class FileSystemError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

interface FakeFile {
  bytes: Uint8Array;
  mtime: number;
  unreadable?: boolean;
  /** What stat and readDirectory say it is, when not a plain file (a link, a device behind a link). */
  type?: FileType;
}

/** The fake workspace: files by path under ROOT, and what the index did with them. */
export class FakeWorkspace {
  static readonly ROOT = '/ws';
  readonly files = new Map<string, FakeFile>();
  readonly reads: string[] = [];
  readonly stats: string[] = [];
  /** Reads that have started and not finished, and the most at once (each read takes a turn of the event loop). */
  readsInFlight = 0;
  maxReadsInFlight = 0;
  readonly watcher = { change: new EventEmitter<Uri>(), create: new EventEmitter<Uri>(), delete: new EventEmitter<Uri>() };
  readonly configChanged = new EventEmitter<void>();
  private clock = 1_000;

  write(path: string, text: string | Uint8Array, options: { unreadable?: boolean; type?: FileType } = {}): Uri {
    this.files.set(`${FakeWorkspace.ROOT}/${path}`, { bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text, mtime: ++this.clock, ...options });
    return Uri.file(`${FakeWorkspace.ROOT}/${path}`);
  }

  remove(path: string): Uri {
    this.files.delete(`${FakeWorkspace.ROOT}/${path}`);
    return Uri.file(`${FakeWorkspace.ROOT}/${path}`);
  }

  resetCounters(): void {
    this.reads.length = 0;
    this.stats.length = 0;
    this.maxReadsInFlight = 0;
  }

  /** The `vscode` module the index sees. */
  module(): Record<string, unknown> {
    const notFound = (path: string) => new FileSystemError(`${path} not found`, 'FileNotFound');
    const folder = { uri: Uri.file(FakeWorkspace.ROOT), name: 'ws', index: 0 };
    const noop = () => ({ dispose() {} });
    return {
      EventEmitter,
      Uri,
      FileType,
      FileSystemError,
      Disposable: class {
        constructor(private readonly f: () => void) {}
        dispose() {
          this.f();
        }
      },
      workspace: {
        workspaceFolders: [folder],
        textDocuments: [],
        getWorkspaceFolder: (uri: Uri) => (uri.path.startsWith(`${FakeWorkspace.ROOT}/`) ? folder : undefined),
        findFiles: async () => [], // no search service, as in VS Code for the Web: the index walks the folders
        createFileSystemWatcher: () => ({
          onDidChange: this.watcher.change.event,
          onDidCreate: this.watcher.create.event,
          onDidDelete: this.watcher.delete.event,
          dispose() {},
        }),
        onDidChangeTextDocument: noop,
        onDidSaveTextDocument: noop,
        onDidCloseTextDocument: noop,
        onDidChangeWorkspaceFolders: noop,
        fs: {
          stat: async (uri: Uri) => {
            this.stats.push(uri.path);
            const f = this.files.get(uri.path);
            if (f) return { type: f.type ?? FileType.File, ctime: 0, mtime: f.mtime, size: f.bytes.byteLength };
            if ([...this.files.keys()].some((k) => k.startsWith(`${uri.path}/`))) return { type: FileType.Directory, ctime: 0, mtime: 0, size: 0 };
            throw notFound(uri.path);
          },
          readFile: async (uri: Uri) => {
            this.reads.push(uri.path);
            this.maxReadsInFlight = Math.max(this.maxReadsInFlight, ++this.readsInFlight);
            await new Promise((resolve) => setImmediate(resolve));
            this.readsInFlight--;
            const f = this.files.get(uri.path);
            if (!f) throw notFound(uri.path);
            if (f.unreadable) throw new FileSystemError('permission denied', 'NoPermissions');
            return f.bytes;
          },
          readDirectory: async (uri: Uri) => {
            const prefix = `${uri.path.replace(/\/$/, '')}/`;
            const out = new Map<string, FileType>();
            for (const key of this.files.keys()) {
              if (!key.startsWith(prefix)) continue;
              const rest = key.slice(prefix.length);
              const slash = rest.indexOf('/');
              out.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? (this.files.get(key)!.type ?? FileType.File) : FileType.Directory);
            }
            return [...out];
          },
          writeFile: async (uri: Uri, bytes: Uint8Array) => {
            this.files.set(uri.path, { bytes, mtime: ++this.clock });
          },
          createDirectory: async () => undefined,
        },
      },
    };
  }
}

/** Makes require('vscode') return the fake workspace's module (for modules loaded after this call). */
export function installFakeVscode(ws: FakeWorkspace): void {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  const fake = ws.module();
  m._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? fake : load.call(this, request, ...rest);
  };
}
