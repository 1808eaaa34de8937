// `npm run bench -- --catalogue-index`: the editor's workspace index (src/services/catalogue-index.ts) on a fake
// in-memory workspace of 1,000 and 10,000 generated post-mortems (test/unit/fake-vscode.ts stands in for VS Code).
// Prints, per size: the cold index (wall and CPU time), the longest time the event loop was blocked meanwhile (what a
// keystroke would wait for), the restart from the cache, one changed file reflected, and the index's memory.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DEFAULT_CONFIG } from '../../src/core';
import { FakeWorkspace, installFakeVscode, Uri } from '../unit/fake-vscode';
import { generatePostmortem } from './generate';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3'];
const STATUSES = ['draft', 'in-review', 'final'];

/** A post-mortem of about 6 KB with its own title, date, severity, status and four action items. */
function postmortem(i: number): string {
  const day = new Date(Date.UTC(2024, 0, 1) + (i % 900) * 86_400_000).toISOString().slice(0, 10);
  const body = generatePostmortem(6 * 1024, i + 1)
    .replace('title: Checkout latency spike', `title: Incident ${i}`)
    .replace('date: 2026-11-20', `date: ${day}`)
    .replace('severity: SEV2', `severity: ${SEVERITIES[i % 3]}`)
    .replace('status: draft', `status: ${STATUSES[i % 3]}`);
  const owners = ['@dana', '@lee', '@sam', '@ana'];
  const items = owners.map((o, k) => `- [${(i + k) % 3 === 0 ? 'x' : ' '}] Follow-up ${k} of incident ${i} — owner: ${o}, ticket: OPS-${i * 4 + k}, due: ${day}`);
  return `${body}\n## Action Items\n\n${items.join('\n')}\n`;
}

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

export async function catalogueIndexBench(sizes: readonly number[] = [1_000, 10_000]): Promise<string[]> {
  const ws = new FakeWorkspace();
  installFakeVscode(ws);
  const { createCatalogueIndex } = await import('../../src/services/catalogue-index');
  const lines: string[] = [];
  for (const n of sizes) {
    ws.files.clear();
    for (let i = 0; i < n; i++) ws.write(`postmortems/${String(Math.floor(i / 500)).padStart(2, '0')}/incident-${i}.md`, postmortem(i));
    const make = () =>
      createCatalogueIndex({
        configFor: () => DEFAULT_CONFIG,
        workspacePath: (uri) => uri.path.slice(FakeWorkspace.ROOT.length + 1),
        onDidChangeConfig: ws.configChanged.event,
        log: (text) => console.error(text),
        storageUri: Uri.file('/storage') as never,
        today: () => '2026-11-30',
      });
    const before = heap();
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    // The longest stretch of CPU time between two turns of a 1 ms ticker: what a keystroke would wait for, in CPU time
    // (the wall-clock delay above also counts the time this busy machine gives to other processes).
    let lastCpu = process.cpuUsage();
    let longestCpuMs = 0;
    const ticker = setInterval(() => {
      const now = process.cpuUsage();
      longestCpuMs = Math.max(longestCpuMs, (now.user + now.system - lastCpu.user - lastCpu.system) / 1000);
      lastCpu = now;
    }, 1);
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const index = make();
    await index.start();
    const coldMs = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    delay.disable();
    clearInterval(ticker);
    const blockedMs = delay.max / 1e6;
    const memory = heap() - before;
    const count = index.files().length;
    if (count !== n) throw new Error(`indexed ${count} of ${n}`);

    // One file changed on disk: the watcher's event to the views' change event.
    const changed = new Promise<void>((resolve) => {
      const sub = index.onDidChange(() => {
        sub.dispose();
        resolve();
      });
    });
    const t1 = performance.now();
    ws.watcher.change.fire(ws.write('postmortems/00/incident-7.md', postmortem(7).replace('title: Incident 7', 'title: Incident 7, renamed')));
    await changed;
    const updateMs = performance.now() - t1;
    if (!index.files().some((f) => f.entry.title === 'Incident 7, renamed')) throw new Error('the change was not reflected');

    await index.flush();
    index.dispose();
    // What the entries themselves hold: the heap they free (the rest of the growth is the core's bounded parse caches,
    // shared with the editor's checks, and compiled code).
    const afterIndex = heap();
    const held = memory - (afterIndex - before);
    const cacheBytes = ws.files.get('/storage/catalogue-index.json')?.bytes.byteLength ?? 0;
    const t2 = performance.now();
    const warm = make();
    await warm.start();
    const warmMs = performance.now() - t2;
    warm.dispose();
    ws.files.delete('/storage/catalogue-index.json');

    lines.push(
      `catalogue index, ${n.toLocaleString('en')} files: cold ${(coldMs / 1000).toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s), ` +
        `longest task ${longestCpuMs.toFixed(0)} ms of CPU (event loop delay at most ${blockedMs.toFixed(0)} ms of wall clock); one changed file reflected in ${updateMs.toFixed(0)} ms; ` +
        `restart from the cache (${(cacheBytes / 1024 / 1024).toFixed(1)} MB) ${(warmMs / 1000).toFixed(2)} s; heap growth ${(memory / 1024 / 1024).toFixed(0)} MB, of which the index's entries ${(held / 1024 / 1024).toFixed(0)} MB`,
    );
    console.log(lines[lines.length - 1]);
  }
  return lines;
}
