// `postmortem report` and `postmortem actions`: the repository's post-mortems as one catalogue, and the ledger of
// their action items. Loaded lazily (scripts/build.mjs): `postmortem lint` never pays for it.
//
// Files are found and classified as `postmortem lint` finds them (src/cli/inputs.ts, project.ts): each file's project
// root and .postmortem.json, paths relative to that root for classification, and paths relative to the working
// directory for display. A file that cannot be read, vanished, is binary or too large gets a note; the rest are listed.
import { readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { dirname, relative, resolve, sep } from 'node:path';
import {
  aggregate,
  csvLedger,
  csvReport,
  jsonReport,
  ledgerRows,
  localDate,
  markdownLedger,
  markdownReport,
  mdLinkTarget,
  summarise,
  type CatalogueEntry,
  type PostmortemConfig,
} from '../core';
import { htmlReport } from './catalogue-html';
import { MAX_FILE_BYTES, readForReplace, replaceIfUnchanged } from './replace-file';
import { expandInputs } from './inputs';
import { ConfigError, displayPath, Projects } from './project';

export const REPORT_FORMATS = ['markdown', 'json', 'csv', 'html'] as const;
export const ACTIONS_FORMATS = ['markdown', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

// Larger files are skipped with a note: a post-mortem is a few kilobytes; 4 MB is a log pasted by mistake.
export { MAX_FILE_BYTES };

export const REPORT_START = '<!-- postmortem-report:start -->';
export const REPORT_END = '<!-- postmortem-report:end -->';

export const CATALOGUE_EXIT = { ok: 0, overdue: 1, usage: 2 } as const;

export interface CatalogueIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: CatalogueIo = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) };

export interface CatalogueOptions {
  readonly config?: string;
  /** Worker threads (default: the cores, at most 4, from PARALLEL_FROM files; 1: none). */
  readonly jobs?: number;
  /** YYYY-MM-DD (default: today on this machine's clock). */
  readonly today?: string;
  readonly format?: string;
}

export interface Collected {
  readonly entries: CatalogueEntry[];
  /** Absolute path per entry (entries carry the path relative to the working directory). */
  readonly absolute: Map<CatalogueEntry, string>;
  readonly notes: string[];
  /** A file could not be read (exit 2 at the end, as `postmortem lint`). */
  readonly failed: boolean;
  /** The configuration of the first project seen, for the severities' order. */
  readonly config: PostmortemConfig | undefined;
}

/** A file to summarise: where it is, how it is shown and classified, and which configuration applies. */
interface Task {
  readonly i: number;
  readonly absolute: string;
  readonly display: string;
  readonly path: string;
  readonly config: number;
}

type Outcome = { readonly i: number; readonly entry?: CatalogueEntry; readonly note?: string; readonly failed?: boolean };

/** Reads and summarises one file; every problem is a note, never an exception. */
function summariseFile(task: Task, config: PostmortemConfig, today: string, detach = true): Outcome {
  try {
    const info = statSync(task.absolute);
    if (!info.isFile()) return { i: task.i };
    if (info.size > MAX_FILE_BYTES) return { i: task.i, note: `${task.display}: skipped, ${(info.size / 1048576).toFixed(1)} MB is larger than ${MAX_FILE_BYTES / 1048576} MB.` };
    const text = readFileSync(task.absolute, 'utf8');
    if (text.slice(0, 8192).includes('\u0000')) return { i: task.i, note: `${task.display}: skipped, not text.` };
    const entry = summarise(text, task.path, { config, today, detach });
    return entry ? { i: task.i, entry: { ...entry, path: task.display } } : { i: task.i };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { i: task.i, note: `${task.display}: skipped, it vanished while the catalogue was read.` };
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : e instanceof Error ? e.message : String(e);
    return { i: task.i, failed: true, note: `${task.display}: cannot read: ${why}` };
  }
}

const WORKER_KIND = 'postmortem-catalogue';
/** Files per message to a worker: large enough that messages cost little, small enough to share the work evenly. */
const BATCH = 64;
/** Below this many files, worker threads cost more than they save. */
export const PARALLEL_FROM = 200;

// In a worker thread started by summariseInWorkers (this module, from the CLI bundle): summarise batches of files.
if (!isMainThread && (workerData as { kind?: string } | null)?.kind === WORKER_KIND && parentPort) {
  const { configs, today } = workerData as { configs: PostmortemConfig[]; today: string };
  const port = parentPort;
  // Not detached: postMessage copies every string of the outcomes anyway (detaching was about 14 % of a worker's time).
  port.on('message', (tasks: Task[]) => port.postMessage(tasks.map((t) => summariseFile(t, configs[t.config]!, today, false))));
}

/** The number of worker threads for `files` files: --jobs, else the cores (at most 4) from PARALLEL_FROM files. */
export function jobsFor(files: number, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  return files >= PARALLEL_FROM ? Math.max(1, Math.min(4, availableParallelism(), Math.ceil(files / BATCH))) : 1;
}

/** Summarises the tasks in `jobs` worker threads running this module; resolves in task order. */
function summariseInWorkers(tasks: readonly Task[], configs: readonly PostmortemConfig[], today: string, jobs: number): Promise<Outcome[]> {
  return new Promise((resolvePromise, reject) => {
    const out: Outcome[] = [];
    let next = 0;
    let done = 0;
    const workers: Worker[] = [];
    const finish = (error?: unknown) => {
      for (const w of workers) void w.terminate();
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolvePromise(out);
    };
    const feed = (w: Worker) => {
      if (next >= tasks.length) return;
      const batch = tasks.slice(next, next + BATCH);
      next += batch.length;
      w.postMessage(batch);
    };
    for (let k = 0; k < jobs; k++) {
      const w = new Worker(__filename, { workerData: { kind: WORKER_KIND, configs, today } });
      workers.push(w);
      w.on('message', (results: Outcome[]) => {
        for (const r of results) out[r.i] = r;
        done += results.length;
        if (done >= tasks.length) finish();
        else feed(w);
      });
      w.on('error', finish);
      feed(w);
    }
    if (tasks.length === 0) finish();
  });
}

/** Reads and summarises every Markdown file the inputs name. Never throws for one file. */
export async function collect(inputs: readonly string[], options: { config?: string; today: string; cwd?: string; jobs?: number }): Promise<Collected> {
  const cwd = options.cwd ?? process.cwd();
  const explicitConfig = options.config !== undefined ? resolve(cwd, options.config) : undefined;
  const notes: string[] = [];
  const projects = new Projects(cwd, explicitConfig, (m) => notes.push(`warning: ${m}`));
  if (explicitConfig) await projects.of(explicitConfig);
  let failed = false;
  const tasks: Task[] = [];
  const configs: PostmortemConfig[] = [];
  for (const input of await expandInputs(inputs.length > 0 ? inputs : ['.'], cwd)) {
    if (input.kind === 'error') {
      failed = true;
      notes.push(`${input.display}: ${input.message}`);
      continue;
    }
    if (input.kind === 'stdin') {
      failed = true;
      notes.push('-: standard input is not read by this command; name files or folders.');
      continue;
    }
    const project = await projects.of(input.absolute);
    if (project.isIgnored(input.absolute)) continue;
    let config = configs.indexOf(project.config);
    if (config < 0) config = configs.push(project.config) - 1;
    tasks.push({ i: tasks.length, absolute: input.absolute, display: input.display, path: projects.classificationPath(project, input.absolute), config });
  }
  const jobs = __filename.endsWith('.js') ? jobsFor(tasks.length, options.jobs) : 1;
  const outcomes = jobs > 1 ? await summariseInWorkers(tasks, configs, options.today, jobs) : tasks.map((t) => summariseFile(t, configs[t.config]!, options.today));
  const entries: CatalogueEntry[] = [];
  const absolute = new Map<CatalogueEntry, string>();
  for (const o of outcomes) {
    if (o.note !== undefined) notes.push(o.note);
    if (o.failed) failed = true;
    if (o.entry) {
      entries.push(o.entry);
      absolute.set(o.entry, tasks[o.i]!.absolute);
    }
  }
  return { entries, absolute, notes, failed, config: configs[0] };
}

function todayOf(options: CatalogueOptions, io: CatalogueIo): string | undefined {
  if (options.today === undefined) return localDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today) || Number.isNaN(Date.parse(`${options.today}T00:00:00Z`)) || new Date(`${options.today}T00:00:00Z`).toISOString().slice(0, 10) !== options.today) {
    io.stderr(`postmortem: --today needs a date as YYYY-MM-DD, not "${options.today}".\n`);
    return undefined;
  }
  return options.today;
}

/**
 * What `report` and `actions` share: the day (`--today` or the local date), then the post-mortems of the inputs, with
 * their notes printed; an exit code when the options or the configuration are unusable.
 */
async function collectFor(inputs: readonly string[], options: CatalogueOptions, io: CatalogueIo, cwd: string): Promise<{ today: string; c: Collected } | number> {
  const today = todayOf(options, io);
  if (today === undefined) return CATALOGUE_EXIT.usage;
  let c: Collected;
  try {
    c = await collect(inputs, { ...(options.config !== undefined ? { config: options.config } : {}), ...(options.jobs !== undefined ? { jobs: options.jobs } : {}), today, cwd });
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`postmortem: ${e.message}\n`);
      return CATALOGUE_EXIT.usage;
    }
    throw e;
  }
  for (const n of c.notes) io.stderr(`postmortem: ${n}\n`);
  return { today, c };
}

/** A link from a page written in `fromDir` to a file. */
const linkFrom = (fromDir: string, abs: Map<CatalogueEntry, string>, entries: readonly CatalogueEntry[]) => {
  const byPath = new Map(entries.map((e) => [e.path, abs.get(e)]));
  return (path: string) => {
    const file = byPath.get(path);
    return mdLinkTarget(file === undefined ? path : relative(fromDir, file).split(sep).join('/'));
  };
};

export interface ReportOptions extends CatalogueOptions {
  readonly write?: string;
}

/** `postmortem report [--format markdown|json|csv|html] [--write FILE] [inputs...]`. */
export async function runReport(inputs: readonly string[], options: ReportOptions, io: CatalogueIo = processIo, cwd = process.cwd()): Promise<number> {
  const format = (options.format ?? 'markdown') as ReportFormat;
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    io.stderr(`postmortem: unknown format "${options.format}": use ${REPORT_FORMATS.join(', ')}.\n`);
    return CATALOGUE_EXIT.usage;
  }
  if (options.write !== undefined && format !== 'markdown') {
    io.stderr('postmortem: --write keeps a Markdown index in a file: use it with --format markdown.\n');
    return CATALOGUE_EXIT.usage;
  }
  const collected = await collectFor(inputs, options, io, cwd);
  if (typeof collected === 'number') return collected;
  const { today, c } = collected;
  const agg = aggregate(c.entries, { today, ...(c.config ? { severities: c.config.severities } : {}) });
  let code: number = c.failed ? CATALOGUE_EXIT.usage : CATALOGUE_EXIT.ok;
  if (options.write !== undefined) {
    const target = resolve(cwd, options.write);
    const block = markdownReport(c.entries, agg, { today, level: 3, noTitle: true, link: linkFrom(dirname(target), c.absolute, c.entries) });
    const result = await writeReportBlock(target, block);
    if (result.error !== undefined) {
      io.stderr(`postmortem: ${displayPath(target, cwd)}: ${result.error}\n`);
      return CATALOGUE_EXIT.usage;
    }
    io.stderr(`postmortem: ${displayPath(target, cwd)}: ${result.outcome} (${agg.total} post-mortems).\n`);
    return code;
  }
  const link = linkFrom(cwd, c.absolute, c.entries);
  if (format === 'markdown') io.stdout(markdownReport(c.entries, agg, { today, link }));
  else if (format === 'json') io.stdout(jsonReport(c.entries, agg, { today, notes: c.notes }));
  else if (format === 'csv') io.stdout(csvReport(c.entries));
  else io.stdout(htmlReport(c.entries, agg, { today, link, notes: c.notes }));
  if (agg.total === 0 && !c.failed) code = CATALOGUE_EXIT.ok;
  return code;
}

export interface ActionsOptions extends CatalogueOptions {
  readonly overdue?: boolean;
  readonly owner?: string;
  readonly all?: boolean;
}

/** `postmortem actions [--overdue] [--owner NAME] [--format …] [inputs...]`: exit 1 with --overdue when any item is. */
export async function runActions(inputs: readonly string[], options: ActionsOptions, io: CatalogueIo = processIo, cwd = process.cwd()): Promise<number> {
  const format = options.format ?? 'markdown';
  if (!(ACTIONS_FORMATS as readonly string[]).includes(format)) {
    io.stderr(`postmortem: unknown format "${format}": use ${ACTIONS_FORMATS.join(', ')}.\n`);
    return CATALOGUE_EXIT.usage;
  }
  const collected = await collectFor(inputs, options, io, cwd);
  if (typeof collected === 'number') return collected;
  const { today, c } = collected;
  const rows = ledgerRows(c.entries, { ...(options.overdue ? { overdue: true } : {}), ...(options.owner !== undefined ? { owner: options.owner } : {}), ...(options.all ? { includeDone: true } : {}) });
  if (format === 'markdown') io.stdout(markdownLedger(rows, { link: linkFrom(cwd, c.absolute, c.entries) }));
  else if (format === 'csv') io.stdout(csvLedger(rows));
  else io.stdout(`${JSON.stringify({ today, actions: rows, ...(c.notes.length ? { notes: c.notes } : {}) }, null, 2)}\n`);
  const overdue = rows.filter((r) => r.state === 'overdue').length;
  if (options.overdue) {
    io.stderr(`postmortem: ${overdue === 0 ? 'no action item is overdue' : `${overdue} action item${overdue === 1 ? ' is' : 's are'} overdue`} (as of ${today}).\n`);
    if (overdue > 0) return CATALOGUE_EXIT.overdue;
  }
  return c.failed ? CATALOGUE_EXIT.usage : CATALOGUE_EXIT.ok;
}

// ---- --write: a generated block between markers, in a file that holds other text -----------------------------------

/** The text with the block between the markers replaced (or appended with its markers), or why it cannot be. */
export function spliceReportBlock(existing: string | undefined, block: string): { text: string } | { error: string } {
  const note = '<!-- Generated by `postmortem report --write`: edits between these markers are replaced. -->';
  if (existing === undefined) return { text: `${REPORT_START}\n${note}\n\n${block}\n${REPORT_END}\n` };
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const body = `${REPORT_START}${eol}${note}${eol}${eol}${block.replace(/\n/g, eol)}${eol}${REPORT_END}`;
  const lines = existing.split(/\r\n|\n|\r/);
  const starts = lines.flatMap((l, i) => (l.trim() === REPORT_START ? [i] : []));
  const ends = lines.flatMap((l, i) => (l.trim() === REPORT_END ? [i] : []));
  if (starts.length === 0 && ends.length === 0) {
    const sepText = existing === '' ? '' : existing.endsWith('\n') || existing.endsWith('\r') ? eol : `${eol}${eol}`;
    return { text: `${existing}${sepText}${body}${eol}` };
  }
  if (starts.length !== 1 || ends.length !== 1 || ends[0]! < starts[0]!) {
    return { error: `needs exactly one "${REPORT_START}" line followed by one "${REPORT_END}" line (found ${starts.length} and ${ends.length}); nothing was written.` };
  }
  // Offsets of the start line's beginning and the end line's end, in the original text (any line endings).
  let offset = 0;
  let from = 0;
  let to = existing.length;
  const re = /\r\n|\n|\r/g;
  for (let i = 0; i <= ends[0]!; i++) {
    if (i === starts[0]) from = offset;
    const m = re.exec(existing);
    const lineEnd = m ? m.index : existing.length;
    if (i === ends[0]) to = lineEnd;
    offset = m ? m.index + m[0].length : existing.length;
  }
  return { text: existing.slice(0, from) + body + existing.slice(to) };
}

/**
 * Writes the block into `target`: creates the file exclusively when it is absent; otherwise writes a temporary file
 * beside it and renames it over, only if the file is still the one read. Never through a symbolic link.
 */
export async function writeReportBlock(target: string, block: string): Promise<{ outcome: string; error?: undefined } | { error: string }> {
  const read = await readForReplace(target, MAX_FILE_BYTES);
  if (read && 'error' in read) return read;
  if (read === undefined) {
    const created = spliceReportBlock(undefined, block);
    if ('error' in created) return created;
    try {
      await writeFile(target, created.text, { encoding: 'utf8', flag: 'wx' });
      return { outcome: 'created' };
    } catch (e) {
      return { error: `cannot create: ${(e as Error).message}` };
    }
  }
  const bom = read.text.startsWith('\uFEFF');
  const existing = bom ? read.text.slice(1) : read.text;
  const spliced = spliceReportBlock(existing, block);
  if ('error' in spliced) return spliced;
  if (spliced.text === existing) return { outcome: 'unchanged' };
  const error = await replaceIfUnchanged(target, read, (bom ? '\uFEFF' : '') + spliced.text);
  return error === undefined ? { outcome: 'updated' } : { error };
}
