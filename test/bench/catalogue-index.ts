// `npm run bench -- --catalogue-index`: the editor's workspace index (src/services/catalogue-index.ts) on a fake
// in-memory workspace of 1,000 and 10,000 generated post-mortems (test/unit/fake-vscode.ts stands in for VS Code).
// Prints, per size: the cold index (wall and CPU time), the longest time the event loop was blocked meanwhile (what a
// keystroke would wait for), the restart from the cache, one changed file reflected, and the index's memory.
// PM_LONG=1 also prints every stretch over 20 ms with its time, and when the phases begin and end.
import { readFileSync } from 'node:fs';
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

/** The main thread's CPU time in ms (Linux: /proc/self/task/<pid>/schedstat, in ns), or undefined elsewhere. */
function mainThreadCpuMs(): number | undefined {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/**
 * The longest CPU time between two turns of a 1 ms timer, from now until stop(): of the main thread (what blocks the
 * event loop, GC pauses included) and of all threads (which also counts the concurrent GC and JIT threads, running on
 * the other core meanwhile). pause() and resume() leave out the bench's own forced collections.
 */
function cpuTicker(): { stop(): { main: number | undefined; all: number }; pause(): void; resume(): void } {
  let last = process.cpuUsage();
  let lastMain = mainThreadCpuMs();
  let all = 0;
  let main: number | undefined = lastMain === undefined ? undefined : 0;
  const tick = () => {
    const now = process.cpuUsage();
    const nowMain = mainThreadCpuMs();
    const d = (now.user + now.system - last.user - last.system) / 1000;
    const dm = nowMain === undefined || lastMain === undefined ? undefined : nowMain - lastMain;
    if (process.env['PM_LONG'] && (dm ?? d) > 20) console.error(`long ${d.toFixed(0)} ms (main thread ${dm?.toFixed(0)}) at ${performance.now().toFixed(0)}`);
    all = Math.max(all, d);
    if (dm !== undefined && main !== undefined) main = Math.max(main, dm);
    last = now;
    lastMain = nowMain;
  };
  let ticker: ReturnType<typeof setInterval> | undefined = setInterval(tick, 1);
  return {
    stop() {
      clearInterval(ticker);
      return { main, all };
    },
    pause() {
      tick();
      clearInterval(ticker);
      ticker = undefined;
    },
    resume() {
      last = process.cpuUsage();
      lastMain = mainThreadCpuMs();
      ticker = setInterval(tick, 1);
    },
  };
}

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
    // (the wall-clock delay above also counts the time this busy machine gives to other processes). It runs through the
    // cold index, the change and the saving of the cache; a second one through the restart from the cache.
    const longest = cpuTicker();
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const index = make();
    await index.start();
    const coldMs = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    delay.disable();
    const blockedMs = delay.max / 1e6;
    longest.pause();
    const memory = heap() - before;
    longest.resume();
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
    if (process.env['PM_LONG']) console.error(`cold done at ${t1.toFixed(0)}, started ${t0.toFixed(0)}`);
    ws.watcher.change.fire(ws.write('postmortems/00/incident-7.md', postmortem(7).replace('title: Incident 7', 'title: Incident 7, renamed')));
    await changed;
    const updateMs = performance.now() - t1;
    if (!index.files().some((f) => f.entry.title === 'Incident 7, renamed')) throw new Error('the change was not reflected');

    if (process.env['PM_LONG']) console.error(`flush at ${performance.now().toFixed(0)}`);
    await index.flush();
    if (process.env['PM_LONG']) console.error(`flushed at ${performance.now().toFixed(0)}`);
    const longestMs = longest.stop();
    index.dispose();
    // What the entries themselves hold: the heap they free (the rest of the growth is the core's bounded parse caches,
    // shared with the editor's checks, and compiled code).
    const afterIndex = heap();
    const held = memory - (afterIndex - before);
    const cacheBytes = ws.files.get('/storage/catalogue-index.json')?.bytes.byteLength ?? 0;
    const t2 = performance.now();
    const warmLongest = cpuTicker();
    const warm = make();
    await warm.start();
    const warmMs = performance.now() - t2;
    const warmLongestMs = warmLongest.stop();
    const cpuText = (t: { main: number | undefined; all: number }) => `${t.main === undefined ? '' : `${t.main.toFixed(0)} ms of main-thread CPU, `}${t.all.toFixed(0)} ms of CPU in all threads`;
    if (warm.files().length !== n) throw new Error(`restored ${warm.files().length} of ${n}`);
    warm.dispose();
    ws.files.delete('/storage/catalogue-index.json');

    lines.push(
      `catalogue index, ${n.toLocaleString('en')} files: cold ${(coldMs / 1000).toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s), ` +
        `longest task ${cpuText(longestMs)} (event loop delay at most ${blockedMs.toFixed(0)} ms of wall clock), saving the cache included; one changed file reflected in ${updateMs.toFixed(0)} ms; ` +
        `restart from the cache (${(cacheBytes / 1024 / 1024).toFixed(1)} MB) ${(warmMs / 1000).toFixed(2)} s, longest task ${cpuText(warmLongestMs)}; heap growth ${(memory / 1024 / 1024).toFixed(0)} MB, of which the index's entries ${(held / 1024 / 1024).toFixed(0)} MB`,
    );
    console.log(lines[lines.length - 1]);
  }
  return lines;
}
