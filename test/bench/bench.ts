// npm run bench: our analysis against markdownlint and bare remark-parse on the same documents, in one process and
// one run. Medians after warm-up. Not a test: it prints a table, checks the targets and writes bench-results.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { lint as markdownlint } from 'markdownlint/sync';
import { analyze, IncrementalAnalyzer } from '../../src/core';
import { scanChunks } from '../../src/core/model/scan';
import { splitLines } from '../../src/core/model/text';
import { generatePostmortem } from './generate';
import { importBench } from './import';
import { runAdversarial } from './adversarial';
import { previewBench, previewText } from './preview';
import { catalogueBench, printCatalogueBench } from './catalogue';
import { CORPUS, CORPUS_CANDIDATES } from '../unit/helpers';

const ROOT = join(__dirname, '..', '..');

const quick = process.argv.includes('--quick');

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function runsFor(bytes: number): number {
  if (quick) return 3;
  if (bytes > 1_000_000) return 5;
  if (bytes > 200_000) return 7;
  return 21;
}

/** The garbage collector, when node runs with --expose-gc (npm run bench does). */
const gc = (globalThis as { gc?: () => void }).gc;
const collectGarbage = gc ?? (() => {});

/**
 * Median of `runs` timed calls after `warmup` untimed ones. `before` runs untimed before each timed call.
 * Each measurement starts from a collected heap, so no tool pays for the garbage the one measured before it left
 * (remark's and markdownlint's syntax trees of a 2 MB document); within it, each pays for its own.
 */
function time(runs: number, fn: () => void, before?: () => void, warmup = 2): number {
  collectGarbage();
  for (let i = 0; i < warmup; i++) {
    before?.();
    fn();
  }
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

function insertAt(text: string, offset: number, s: string): string {
  return text.slice(0, offset) + s + text.slice(offset);
}

/** The start of the line at a fraction of the document, after the front matter. */
function lineStartAt(text: string, fraction: number): number {
  const at = Math.floor(text.length * fraction);
  return text.lastIndexOf('\n', at) + 1;
}

interface Row {
  name: string;
  kb: number;
  remark: number;
  markdownlint: number;
  full: number;
  incStart: number;
  incMiddle: number;
  incEnd: number;
  incEntry: number;
  floor: number;
}

function measure(name: string, text: string): Row {
  const runs = runsFor(text.length);
  const path = `/bench/postmortems/${name}.md`;
  const remarkMs = time(runs, () => remark.parse(text));
  const mdlMs = time(runs, () => markdownlint({ strings: { [name]: text } }));
  const fullMs = time(runs, () => analyze(text, { path }));
  const floorMs = time(runs, () => scanChunks(splitLines(text).lines));

  const analyzer = new IncrementalAnalyzer();
  const incremental = (edited: string) =>
    time(Math.max(runs, 15), () => analyzer.analyze(edited, { path }), () => analyzer.analyze(text, { path }));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const start = lineStartAt(text, 0.02);
  const middle = lineStartAt(text, 0.5);
  const end = text.length;
  const lastEntry = /^- \*\*.*$/gm;
  let entryAt = -1;
  for (let m = lastEntry.exec(text); m; m = lastEntry.exec(text)) entryAt = m.index + m[0].length;
  const entry = `${eol}- **2026-11-20 23:59 UTC** — `;
  return {
    name,
    kb: text.length / 1024,
    remark: remarkMs,
    markdownlint: mdlMs,
    full: fullMs,
    incStart: incremental(insertAt(text, start, 'x')),
    incMiddle: incremental(insertAt(text, middle, 'x')),
    incEnd: incremental(insertAt(text, end, 'x')),
    incEntry: entryAt >= 0 ? incremental(insertAt(text, entryAt, entry)) : NaN,
    floor: floorMs,
  };
}

/**
 * Cold activation in a fresh Node process: load the built bundle and activate it with one post-mortem open
 * (`totalMs`, what VS Code reports as the activation time), then wait for that document's first diagnostics, which
 * activate schedules for the next turn of the event loop (`firstDiagnosticsMs`, from the start of the load).
 */
function coldActivation(doc: string): { loadMs: number; activateMs: number; totalMs: number; firstDiagnosticsMs: number; findings: number } {
  const dir = mkdtempSync(join(tmpdir(), 'pm-bench-'));
  writeFileSync(join(dir, 'doc.md'), doc);
  const script = join(dir, 'activate.cjs');
  writeFileSync(
    script,
    `
const Module = require('module');
const fs = require('fs');
const text = fs.readFileSync(${JSON.stringify(join(dir, 'doc.md'))}, 'utf8');
let published = -1;
let tDiagnostics = NaN;
const disposable = () => ({ dispose() {} });
const event = () => disposable();
// Anything activate() touches that this stub does not model is a harmless no-op: a callable, constructible value whose
// properties are more of the same (never a thenable), so the measurement does not depend on which APIs features use.
const anything = new Proxy(function () {}, {
  get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : key === Symbol.iterator ? function* () {} : key === 'dispose' ? () => {} : anything),
  apply: () => anything,
  construct: () => anything,
});
const withFallback = (o) => new Proxy(o, { get: (t, key) => (key in t ? t[key] : anything) });
// esbuild's interop copies only own properties of the module, so the names the bundle reads must exist up front.
const API_NAMES = ['CodeAction', 'CodeActionKind', 'CompletionItem', 'CompletionItemKind', 'ConfigurationTarget', 'Hover', 'MarkdownString',
  'ProgressLocation', 'QuickPickItemKind', 'RelativePattern', 'Selection', 'SnippetString', 'StatusBarAlignment', 'TextEdit', 'TextEditorRevealType',
  'ThemeColor', 'ThemeIcon', 'ViewColumn', 'WorkspaceEdit', 'FileType', 'FileSystemError', 'env', 'extensions', 'l10n',
  'DocumentDropOrPasteEditKind', 'DocumentPasteEdit', 'DocumentPasteTriggerKind'];
class Disposable { constructor(f) { this.f = f; } dispose() { this.f && this.f(); } static from() { return disposable(); } }
class EventEmitter {
  constructor() { this.listeners = []; this.event = (l, thisArg) => { this.listeners.push(l.bind(thisArg)); return disposable(); }; }
  fire(e) { for (const l of this.listeners) l(e); }
  dispose() { this.listeners = []; }
}
class Range { constructor(a, b, c, d) { this.a = [a, b, c, d]; } }
class Position { constructor(line, character) { Object.assign(this, { line, character }); } }
class Diagnostic { constructor(range, message, severity) { Object.assign(this, { range, message, severity }); } }
class TabInputText {}
const uri = { toString: () => 'file:///bench/postmortems/doc.md', path: '/bench/postmortems/doc.md', scheme: 'file' };
const document = { uri, languageId: 'markdown', version: 1, isClosed: false, getText: () => text };
const vscode = withFallback({
  ...Object.fromEntries(API_NAMES.map((name) => [name, anything])),
  Disposable, EventEmitter, Range, Position, Diagnostic, TabInputText,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  Uri: withFallback({ parse: (s) => ({ toString: () => s }) }),
  languages: withFallback({ createDiagnosticCollection: () => ({ set: (_u, d) => { if (published < 0) tDiagnostics = performance.now(); published = d.length; }, delete() {}, clear() {}, get: () => [], dispose() {} }) }),
  workspace: withFallback({
    textDocuments: [document], workspaceFolders: undefined,
    onDidOpenTextDocument: event, onDidChangeTextDocument: event, onDidCloseTextDocument: event, onDidChangeConfiguration: event,
    getConfiguration: () => ({ get: () => undefined, inspect: () => undefined }), getWorkspaceFolder: () => undefined,
  }),
  window: withFallback({ tabGroups: { all: [], onDidChangeTabs: event }, onDidChangeVisibleTextEditors: event, onDidChangeActiveTextEditor: event, activeTextEditor: undefined, visibleTextEditors: [],
    createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }) }),
  commands: withFallback({ registerCommand: () => disposable(), registerTextEditorCommand: () => disposable() }),
});
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
const t0 = performance.now();
const ext = require(${JSON.stringify(join(ROOT, 'dist', 'node', 'extension.js'))});
const t1 = performance.now();
const context = { subscriptions: [], extensionUri: uri, globalState: { get() {}, update() {} }, workspaceState: { get() {}, update() {} } };
ext.activate(context);
const t2 = performance.now();
const deadline = t2 + 10000;
(function waitForDiagnostics() {
  if (published < 0 && performance.now() < deadline) return void setImmediate(waitForDiagnostics);
  console.log(JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, firstDiagnosticsMs: tDiagnostics - t0, findings: published }));
  process.exit(0);
})();
`,
  );
  const samples: Array<{ loadMs: number; activateMs: number; totalMs: number; firstDiagnosticsMs: number; findings: number }> = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8' });
    const sample = JSON.parse(out.trim().split('\n').pop()!) as (typeof samples)[number];
    if (sample.findings < 0) throw new Error('cold activation: no diagnostics were published for the open post-mortem within 10 s, so the first analysis was not measured');
    samples.push(sample);
  }
  return {
    loadMs: median(samples.map((s) => s.loadMs)),
    activateMs: median(samples.map((s) => s.activateMs)),
    totalMs: median(samples.map((s) => s.totalMs)),
    firstDiagnosticsMs: median(samples.map((s) => s.firstDiagnosticsMs)),
    findings: samples[0]!.findings,
  };
}

function coldText(c: { loadMs: number; activateMs: number; totalMs: number; firstDiagnosticsMs: number }): string {
  return `${c.totalMs.toFixed(1)} ms (load ${c.loadMs.toFixed(1)} ms, activate ${c.activateMs.toFixed(1)} ms); first diagnostics ${c.firstDiagnosticsMs.toFixed(1)} ms after the load began`;
}

/** The real post-mortem whose size is closest to `bytes`, if the corpus is here. */
function realDocumentNear(bytes: number): [string, string] | undefined {
  if (!CORPUS) return undefined;
  const docs = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).map((f): [string, string] => [f.replace(/\.md$/, ''), readFileSync(join(CORPUS!, f), 'utf8')]);
  return docs.sort((a, b) => Math.abs(a[1].length - bytes) - Math.abs(b[1].length - bytes))[0];
}

function main(): void {
  if (!gc) console.warn('note: without --expose-gc (npm run bench passes it) garbage left by one measurement is paid by the next');
  if (process.argv.includes('--adversarial')) {
    // Hostile inputs only: `npm run bench -- --adversarial [family…]`.
    const only = process.argv.slice(process.argv.indexOf('--adversarial') + 1).filter((a) => !a.startsWith('--'));
    if (!runAdversarial(only, process.argv.includes('--sources'))) process.exitCode = 1;
    return;
  }
  if (process.argv.includes('--grid')) {
    // A sweep for new hostile input: `npm run bench -- --grid [KB]` (see grid.ts).
    const kb = Number(process.argv.slice(process.argv.indexOf('--grid') + 1).find((a) => /^\d+$/.test(a)) ?? 16);
    void import('./grid').then((m) => m.runGrid(kb));
    return;
  }
  if (process.argv.includes('--mix')) {
    // Random mixes of kinds of line: `npm run bench -- --mix [KB] [documents] [seed]` (see mix.ts).
    const [kb = 64, documents = 300, seed = 7] = process.argv.slice(process.argv.indexOf('--mix') + 1).filter((a) => /^\d+$/.test(a)).map(Number);
    void import('./mix').then((m) => m.runMix(kb, documents, seed));
    return;
  }
  if (process.argv.includes('--catalogue-index')) {
    // Only the editor's workspace index (issue 19), on a fake in-memory workspace: `npm run bench -- --catalogue-index [N…]`.
    const sizes = process.argv.slice(process.argv.indexOf('--catalogue-index') + 1).filter((a) => /^\d+$/.test(a)).map(Number);
    void import('./catalogue-index').then((m) => m.catalogueIndexBench(sizes.length > 0 ? sizes : undefined));
    return;
  }
  console.log('building production bundles…');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: ROOT });
  if (process.argv.includes('--activation')) {
    // Only the cold activation, for working on start-up time.
    console.log(`cold activation: ${coldText(coldActivation(generatePostmortem(20_000, 3)))}`);
    const real = realDocumentNear(20 * 1024);
    if (real) console.log(`with ${real[0]} (${(real[1].length / 1024).toFixed(0)} KB) open: ${coldText(coldActivation(real[1]))}`);
    return;
  }

  if (process.argv.includes('--preview')) {
    // Only the Markdown preview's timeline, for working on it: `npm run bench -- --preview`.
    const p = previewBench(quick ? 3 : 7);
    console.log(previewText(p));
    console.log(`  ${p.figure <= 200 ? 'PASS' : 'FAIL'}  the figure of a 10,000-entry timeline, no analysis yet: ≤ 200 ms`);
    if (p.figure > 200) process.exitCode = 1;
    return;
  }

  if (process.argv.includes('--catalogue')) {
    // The post-mortem catalogue at scale (issue 19): `npm run bench -- --catalogue`.
    if (!printCatalogueBench(catalogueBench())) process.exitCode = 1;
    return;
  }

  if (process.argv.includes('--import')) {
    // Only the timeline importer, for working on it.
    const r = importBench();
    console.log(`timeline import, 10,000 lines parsed and merged: Slack text ${r.slack10k.toFixed(1)} ms, log lines ${r.lines10k.toFixed(1)} ms; hostile lines 5k → 10k: ${r.hostile5k.toFixed(1)} → ${r.hostile10k.toFixed(1)} ms`);
    return;
  }

  const docs: Array<[string, string]> = [
    ['generated-5KB', generatePostmortem(5 * 1024, 1)],
    ['generated-20KB', generatePostmortem(20 * 1024, 2)],
    ['generated-50KB', generatePostmortem(50 * 1024, 3)],
    ['generated-500KB', generatePostmortem(500 * 1024, 4)],
    ['generated-1MB', generatePostmortem(1024 * 1024, 5)],
    ['generated-2MB', generatePostmortem(2 * 1024 * 1024, 6)],
  ];
  if (CORPUS) {
    for (const f of readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort()) docs.push([f.replace(/\.md$/, '').slice(0, 40), readFileSync(join(CORPUS, f), 'utf8')]);
  } else console.warn(`no real post-mortem corpus at ${CORPUS_CANDIDATES.join(', ')}: generated documents only`);


  const rows: Row[] = [];
  for (const [name, text] of docs) {
    process.stdout.write(`measuring ${name}… `);
    const row = measure(name, text);
    rows.push(row);
    process.stdout.write(`${row.full.toFixed(1)} ms\n`);
  }

  const imported = importBench(quick ? 3 : 7);
  console.log(`\ntimeline import, 10,000 lines parsed and merged into a 20 KB post-mortem: Slack text ${imported.slack10k.toFixed(1)} ms, log lines ${imported.lines10k.toFixed(1)} ms; hostile lines 5k → 10k: ${imported.hostile5k.toFixed(1)} → ${imported.hostile10k.toFixed(1)} ms`);
  const preview = previewBench(quick ? 3 : 7);
  console.log(previewText(preview));
  const cold = coldActivation(generatePostmortem(20_000, 3));
  // Real post-mortems need remark for some chunks (the generated one does not): its first run is the costly part.
  const real = realDocumentNear(20 * 1024);
  const coldReal = real ? { document: real[0], kb: real[1].length / 1024, ...coldActivation(real[1]) } : undefined;
  const size = (p: string) => (existsSync(p) ? statSync(p).size : NaN);
  const nodeBundle = size(join(ROOT, 'dist', 'node', 'extension.js'));
  const lazyDir = join(ROOT, 'dist', 'node', 'lazy');
  const lazyModules = existsSync(lazyDir) ? readdirSync(lazyDir).filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + size(join(lazyDir, f)), 0) : 0;
  const webBundle = size(join(ROOT, 'dist', 'web', 'extension.js'));
  const vsixPath = join(mkdtempSync(join(tmpdir(), 'pm-vsix-')), 'postmortem-writer.vsix');
  const vsce = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsixPath], { cwd: ROOT, encoding: 'utf8' });
  const vsix = vsce.status === 0 ? size(vsixPath) : NaN;

  const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  const header = ['document', 'KB', 'remark', 'mdlint', 'full', 'inc start', 'inc mid', 'inc end', 'inc +entry', 'floor', 'full/mdlint', 'full/remark', 'inc/mdlint', 'inc/remark'];
  const table = rows.map((r) => {
    const inc = Math.max(r.incStart, r.incMiddle, r.incEnd, Number.isFinite(r.incEntry) ? r.incEntry : 0);
    return [r.name, f(r.kb, 0), f(r.remark), f(r.markdownlint), f(r.full), f(r.incStart, 2), f(r.incMiddle, 2), f(r.incEnd, 2), f(r.incEntry, 2), f(r.floor, 2), f(r.full / r.markdownlint, 2), f(r.full / r.remark, 2), f(inc / r.markdownlint, 3), f(inc / r.remark, 3)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`\nMedian milliseconds per analysis (${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}). "inc" = re-analysis after the edit; ratios are ours ÷ theirs (lower is better).\n`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of table) console.log(line(row));

  console.log(`\ncold activation (fresh process: load dist/node/extension.js + activate with a 20 KB post-mortem open): ${coldText(cold)}; ${cold.findings} diagnostics published`);
  if (coldReal) console.log(`cold activation with a real post-mortem open, ${coldReal.document} (${f(coldReal.kb, 0)} KB): ${coldText(coldReal)}`);
  console.log(`bundles (minified): node ${f(nodeBundle / 1024)} KB (+ ${f(lazyModules / 1024)} KB loaded on first use), web ${f(webBundle / 1024)} KB; .vsix ${f(vsix / 1024)} KB`);

  const byName = new Map(rows.map((r) => [r.name, r]));
  const oneMb = byName.get('generated-1MB')!;
  const twentyKb = byName.get('generated-20KB')!;
  const twoMb = byName.get('generated-2MB')!;
  const fiveHundred = byName.get('generated-500KB')!;
  const incMax = (r: Row) => Math.max(r.incStart, r.incMiddle, r.incEnd, r.incEntry);
  const targets: Array<[string, boolean, string]> = [
    ['1 MB, one-character edit anywhere: ≤ 50 ms', incMax(oneMb) <= 50, `${f(incMax(oneMb), 2)} ms`],
    ['1 MB edit: ≥ 20× faster than markdownlint', oneMb.markdownlint / incMax(oneMb) >= 20, `${f(oneMb.markdownlint / incMax(oneMb), 0)}×`],
    ['20 KB, per edit: ≤ 5 ms', incMax(twentyKb) <= 5, `${f(incMax(twentyKb), 2)} ms`],
    ['full analysis no slower than markdownlint, every document', rows.every((r) => r.full <= r.markdownlint), `worst ${f(Math.max(...rows.map((r) => r.full / r.markdownlint)), 2)}× (${rows.reduce((a, b) => (a.full / a.markdownlint > b.full / b.markdownlint ? a : b)).name})`],
    ['activation (load + activate; the first 20 KB analysis follows on the next turn): ≤ 30 ms', cold.totalMs <= 30, `${f(cold.totalMs)} ms`],
    ['timeline import: 10,000 pasted lines parsed and merged ≤ 300 ms', Math.max(imported.slack10k, imported.lines10k) <= 300, `${f(Math.max(imported.slack10k, imported.lines10k))} ms`],
    ['timeline import linear on hostile lines: 10k ≤ 2.5 × 5k', imported.hostile10k <= 2.5 * imported.hostile5k, `${f(imported.hostile5k)} → ${f(imported.hostile10k)} ms`],
    ['preview: the timeline figure of a 10,000-entry post-mortem with no analysis yet ≤ 200 ms', preview.figure <= 200, `${f(preview.figure)} ms (markdown-it's own render ${f(preview.markdownIt)} ms)`],
    ['.vsix ≤ 400 KB', vsix <= 400 * 1024, `${f(vsix / 1024)} KB`],
    ['linear: 2 MB full ≤ 2.5 × 1 MB full, 1 MB ≤ 2.5 × 500 KB', twoMb.full <= 2.5 * oneMb.full && oneMb.full <= 2.5 * fiveHundred.full, `${f(fiveHundred.full)} → ${f(oneMb.full)} → ${f(twoMb.full)} ms`],
  ];
  console.log('\ntargets:');
  for (const [what, ok, value] of targets) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${what}: ${value}`);

  writeFileSync(
    join(ROOT, 'bench-results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, rows, cold, coldReal, imported, preview, bundles: { node: nodeBundle, nodeLazy: lazyModules, web: webBundle, vsix }, targets: targets.map(([what, ok, value]) => ({ what, ok, value })) }, null, 2)}\n`,
  );
  console.log('\nwrote bench-results.json');
  if (targets.some(([, ok]) => !ok)) process.exitCode = 1;
}

main();
