// The workspace index service (src/services/catalogue-index.ts) on a fake in-memory workspace (test/unit/fake-vscode.ts):
// what it lists and skips, that the cache spares reading unchanged files, that only a changed file is read again, and
// that files vanishing or changing under it are handled. The views and the real VS Code are covered by
// test/integration/suite/catalogue.test.ts.
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../src/core';
import { FakeWorkspace, FileType, installFakeVscode, Uri } from './fake-vscode';

type IndexModule = typeof import('../../src/services/catalogue-index');

const ws = new FakeWorkspace();
let mod: IndexModule;

const postmortem = (title: string, extra = '') =>
  `---\ntype: postmortem\ntitle: ${title}\ndate: 2026-11-02\nseverity: SEV2\nstatus: draft\n---\n\n# ${title}\n\n## Action Items\n\n- [ ] Fix it — owner: @dana, ticket: OPS-1, due: 2026-11-20\n${extra}`;

function index(storage = true) {
  return mod.createCatalogueIndex({
    configFor: () => DEFAULT_CONFIG,
    workspacePath: (uri) => uri.path.slice(FakeWorkspace.ROOT.length + 1),
    onDidChangeConfig: ws.configChanged.event,
    log: () => undefined,
    storageUri: storage ? (Uri.file('/storage') as never) : undefined,
    today: () => '2026-11-30',
  });
}

/** Resolves on the index's next change event. */
const nextChange = (i: ReturnType<typeof index>) => new Promise<void>((resolve) => {
  const sub = i.onDidChange(() => {
    sub.dispose();
    resolve();
  });
});

describe('the workspace index service', () => {
  before(async () => {
    installFakeVscode(ws);
    mod = await import('../../src/services/catalogue-index');
  });

  beforeEach(() => {
    ws.files.clear();
    ws.write('postmortems/2026-11-02-api.md', postmortem('API errors'));
    ws.write('postmortems/2026-11-05-db.md', postmortem('Database failover'));
    ws.write('docs/guide.md', '# Writing guide\n\nHow we write things.\n');
    ws.write('README.md', '# Our incidents\n');
    ws.write('node_modules/pkg/postmortem.md', postmortem('Never read'));
    ws.resetCounters();
  });

  it('lists the post-mortems, leaves other Markdown out, and skips huge and unreadable files with the reason', async () => {
    ws.write('postmortems/huge.md', `# Post-mortem: huge\n${'x'.repeat(1_500_000)}`);
    ws.write('postmortems/locked.md', postmortem('Locked'), { unreadable: true });
    const i = index(false);
    await i.start();
    assert.deepEqual(i.files().map((f) => f.entry.title).sort(), ['API errors', 'Database failover']);
    assert.deepEqual(i.files().map((f) => f.path).sort(), ['postmortems/2026-11-02-api.md', 'postmortems/2026-11-05-db.md']);
    assert.equal(i.files()[0]!.entry.actions[0]!.overdue, true, 'due 2026-11-20, today 2026-11-30');
    assert.deepEqual(
      i.skipped().map((s) => [s.path, s.reason]).sort(),
      [
        ['postmortems/huge.md', 'it is too large to index (1.4 MB; the limit is 1.0 MB)'],
        ['postmortems/locked.md', 'it cannot be read (no permission)'],
      ],
    );
    assert.ok(!ws.reads.some((p) => p.includes('node_modules')), 'node_modules is not searched');
    assert.ok(!ws.reads.includes('/ws/postmortems/huge.md'), 'a file too large is not read');
    assert.equal(i.state, 'ready');
    i.dispose();
  });

  it('a second start reads only the cache and the files changed since', async () => {
    const first = index();
    await first.start();
    await first.flush(); // writes the cache
    first.dispose();
    ws.resetCounters();
    const second = index();
    await second.start();
    assert.deepEqual(ws.reads, ['/storage/catalogue-index.json']);
    assert.deepEqual(second.files().map((f) => f.entry.title).sort(), ['API errors', 'Database failover']);
    assert.equal(second.files()[0]!.entry.actions[0]!.overdue, true, 'the flags are computed for the day the cache is read');
    await second.flush();
    second.dispose();

    ws.write('postmortems/2026-11-05-db.md', postmortem('Database failover, again'));
    ws.resetCounters();
    const third = index();
    await third.start();
    assert.deepEqual(ws.reads, ['/storage/catalogue-index.json', '/ws/postmortems/2026-11-05-db.md']);
    assert.ok(third.files().some((f) => f.entry.title === 'Database failover, again'));
    third.dispose();
  });

  it('the cache is one JSON line per file: a broken line costs only that file a read', async () => {
    const first = index();
    await first.start();
    await first.flush();
    first.dispose();
    const cache = ws.files.get('/storage/catalogue-index.json')!;
    const lines = new TextDecoder().decode(cache.bytes).split('\n');
    assert.equal(lines.length, 1 + 4, 'a header and the four Markdown files outside node_modules');
    for (const line of lines) JSON.parse(line); // each line stands alone
    const db = lines.findIndex((l) => l.includes('2026-11-05-db.md'));
    lines[db] = lines[db]!.slice(0, 20);
    ws.files.set('/storage/catalogue-index.json', { ...cache, bytes: new TextEncoder().encode(lines.join('\n')) });
    ws.resetCounters();
    const second = index();
    await second.start();
    assert.deepEqual(ws.reads, ['/storage/catalogue-index.json', '/ws/postmortems/2026-11-05-db.md']);
    assert.deepEqual(second.files().map((f) => f.entry.title).sort(), ['API errors', 'Database failover']);
    second.dispose();
  });

  it('a broken cache is ignored: every file is read', async () => {
    ws.files.set('/storage/catalogue-index.json', { bytes: new TextEncoder().encode('{"key": [1, 2'), mtime: 1 });
    const i = index();
    await i.start();
    assert.deepEqual(i.files().map((f) => f.entry.title).sort(), ['API errors', 'Database failover']);
    assert.ok(ws.reads.includes('/ws/postmortems/2026-11-02-api.md'));
    i.dispose();
  });

  it('a watcher event reads only that file again; a deleted file or folder goes', async () => {
    const i = index(false);
    await i.start();
    ws.resetCounters();
    const changed = nextChange(i);
    ws.watcher.change.fire(ws.write('postmortems/2026-11-02-api.md', postmortem('API errors, renamed')));
    await changed;
    assert.deepEqual(ws.reads, ['/ws/postmortems/2026-11-02-api.md']);
    assert.deepEqual(i.files().map((f) => f.entry.title).sort(), ['API errors, renamed', 'Database failover']);

    const created = nextChange(i);
    ws.watcher.create.fire(ws.write('incidents/2026/2026-11-07-cdn.md', postmortem('CDN outage')));
    await created;
    assert.equal(i.files().length, 3);

    const folderGone = nextChange(i);
    ws.remove('incidents/2026/2026-11-07-cdn.md');
    ws.watcher.delete.fire(Uri.file('/ws/incidents'));
    await folderGone;
    assert.deepEqual(i.files().map((f) => f.entry.title).sort(), ['API errors, renamed', 'Database failover']);

    const gone = nextChange(i);
    ws.watcher.delete.fire(ws.remove('postmortems/2026-11-05-db.md'));
    await gone;
    assert.deepEqual(i.files().map((f) => f.entry.title), ['API errors, renamed']);
    i.dispose();
  });

  it('many watcher events at once: created files are read a few at a time, deleted ones and folders go in one pass', async () => {
    const i = index(false);
    await i.start();
    ws.resetCounters();
    const created = Array.from({ length: 300 }, (_, n) => ws.write(`bulk/${n}.md`, postmortem(`Bulk ${n}`)));
    ws.write('bulk-other/keep.md', postmortem('Kept'));
    const all = new Promise<void>((resolve) => {
      const sub = i.onDidChange(() => {
        if (i.files().length < 303) return;
        sub.dispose();
        resolve();
      });
    });
    for (const uri of created) ws.watcher.create.fire(uri);
    ws.watcher.create.fire(Uri.file('/ws/bulk-other/keep.md'));
    await all;
    assert.ok(ws.maxReadsInFlight <= 8, `${ws.maxReadsInFlight} reads at once`);

    const gone = nextChange(i);
    for (let n = 0; n < 150; n++) ws.watcher.delete.fire(ws.remove(`bulk/${n}.md`));
    for (let n = 150; n < 300; n++) ws.remove(`bulk/${n}.md`);
    ws.watcher.delete.fire(Uri.file('/ws/bulk')); // the folder: the files under it go too, not those of bulk-other
    await gone;
    assert.deepEqual(i.files().map((f) => f.entry.title).sort(), ['API errors', 'Database failover', 'Kept']);
    i.dispose();
  });

  it('a watcher event for a link, or a device a link names, reads nothing: links are passed over, as in the walk', async () => {
    ws.write('postmortems/walked-link.md', postmortem('Walked link'), { type: FileType.File | FileType.SymbolicLink });
    const i = index(false);
    await i.start();
    assert.ok(!ws.reads.includes('/ws/postmortems/walked-link.md'), 'the walk passes over a link');
    ws.resetCounters();
    const done = new Promise<void>((resolve) => {
      const sub = i.onDidChange(() => {
        if (!i.files().some((f) => f.entry.title === 'Real')) return;
        sub.dispose();
        resolve();
      });
    });
    ws.watcher.create.fire(ws.write('postmortems/link.md', postmortem('Through a link'), { type: FileType.File | FileType.SymbolicLink }));
    // `zero.md -> /dev/zero`: no file, a link (a read of it would never end).
    ws.watcher.create.fire(ws.write('postmortems/zero.md', '', { type: FileType.SymbolicLink }));
    ws.watcher.create.fire(ws.write('postmortems/2026-11-08-real.md', postmortem('Real')));
    await done;
    assert.deepEqual(ws.reads, ['/ws/postmortems/2026-11-08-real.md']);
    assert.deepEqual(i.files().map((f) => f.entry.title).sort(), ['API errors', 'Database failover', 'Real']);
    assert.deepEqual(i.skipped(), []);
    i.dispose();
  });

  it('a file that vanishes before it is read is dropped, not reported', async () => {
    const i = index(false);
    await i.start();
    const gone = nextChange(i);
    const uri = ws.remove('postmortems/2026-11-02-api.md');
    ws.watcher.change.fire(uri); // a change event for a file already deleted again
    await gone;
    assert.deepEqual(i.files().map((f) => f.entry.title), ['Database failover']);
    assert.deepEqual(i.skipped(), []);
    i.dispose();
  });

  it('a config or team-file change looks at every file again (an unchanged config reads none)', async () => {
    const i = index(false);
    await i.start();
    ws.resetCounters();
    ws.configChanged.fire();
    await i.whenReady();
    // The config is the same object, so nothing changed: files are stat-ed, not read.
    assert.deepEqual(ws.reads, []);
    assert.ok(ws.stats.includes('/ws/postmortems/2026-11-02-api.md'));
    i.dispose();
  });
});
