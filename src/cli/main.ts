// The command line: `postmortem lint | export-action-items | fix`, and `postmortem-lint`, the old name of
// `postmortem lint` (with its --export-action-items csv). commander parses the arguments and writes the help.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { exportHtmlFiles } from './export-html';
import { runActions, runReport } from './catalogue';
import { runTimelineImport, type TimelineImportOptions } from './timeline-import';
import { createTwoFilesPatch } from 'diff';
import { actionItemsCsv, analyze, DEFAULT_CONFIG, fixAll, localDate, type PostmortemConfig, type PostmortemModel } from '../core';
import { format, FORMATS, summary, totals, type Format } from './format';
import { expandInputs } from './inputs';
import { EXIT, lint, unchecked, type FileResult } from './lint';
import { ConfigError, displayPath, inside, Projects, type Project } from './project';

declare const __POSTMORTEM_VERSION__: string | undefined;
const VERSION = typeof __POSTMORTEM_VERSION__ === 'string' ? __POSTMORTEM_VERSION__ : '0.0.0-dev';

export type ProgramName = 'postmortem' | 'postmortem-lint';

interface CommonOptions {
  all?: boolean;
  config?: string;
  stdinFilename?: string;
}

interface LintOptions extends CommonOptions {
  format: Format;
  output?: string;
  maxWarnings?: number;
  failOnSkipped?: boolean;
  exportActionItems?: string;
}

interface FixOptions extends CommonOptions {
  dryRun?: boolean;
}

/** One file's text and where it belongs, or why it could not be read. */
type Source =
  | { kind: 'text'; display: string; absolute: string | undefined; stdin: boolean; explicit: boolean; text: string; project: Project; path: string | undefined }
  | { kind: 'skip'; display: string; reason: string }
  | { kind: 'error'; display: string; message: string };

class Run {
  readonly cwd = process.cwd();
  /** Today on this machine's clock, for action-item-overdue. */
  readonly today = localDate(new Date());
  failed = false;

  constructor(private readonly name: ProgramName) {}

  error(message: string): void {
    process.stderr.write(`${this.name}: ${message}\n`);
  }

  /** `postmortem export-html`: each file with the configuration of its project; exit 1 when any file was not written. */
  async exportHtml(files: readonly string[], options: { out?: string; force?: boolean; mermaid?: boolean; config?: string }): Promise<number> {
    const explicitConfig = options.config !== undefined ? resolve(options.config) : undefined;
    const projects = new Projects(this.cwd, explicitConfig, (m) => this.error(`warning: ${m}`));
    if (files.length > 1 && options.out !== undefined) {
      this.error('export-html: --out takes a single input file.');
      return EXIT.usage;
    }
    let code: number = EXIT.ok;
    for (const file of files) {
      const project = await projects.of(resolve(this.cwd, file));
      const result = exportHtmlFiles([file], { ...(options.out !== undefined ? { out: options.out } : {}), force: options.force === true, mermaid: options.mermaid === true, config: project.config });
      for (const m of result.messages) (result.code === 0 ? process.stdout : process.stderr).write(`${m}\n`);
      code = Math.max(code, result.code);
    }
    return code;
  }

  /** Reads every input in order; errors are printed as they happen, on their own line. */
  async *sources(patterns: readonly string[], options: CommonOptions): AsyncGenerator<Source> {
    const explicitConfig = options.config !== undefined ? resolve(options.config) : undefined;
    const projects = new Projects(this.cwd, explicitConfig, (m) => this.error(`warning: ${m}`));
    if (explicitConfig) await projects.of(explicitConfig); // fails early (exit 2) when --config cannot be read
    for (const input of await expandInputs(patterns, this.cwd)) {
      if (input.kind === 'error') {
        this.failed = true;
        this.error(`cannot read ${input.display}: ${input.message}`);
        yield { kind: 'error', display: input.display, message: input.message };
        continue;
      }
      if (input.kind === 'stdin') {
        const name = options.stdinFilename;
        const absolute = name !== undefined ? resolve(this.cwd, name) : undefined;
        const project = await projects.of(absolute ?? join(this.cwd, '<stdin>'));
        const text = await readStdin();
        const path = absolute !== undefined ? projects.classificationPath(project, absolute) : undefined;
        yield { kind: 'text', display: name ?? '<stdin>', absolute, stdin: true, explicit: true, text, project, path };
        continue;
      }
      const project = await projects.of(input.absolute);
      if (project.isIgnored(input.absolute)) {
        if (input.explicit) yield { kind: 'skip', display: input.display, reason: `ignored by ${displayPath(project.configFile ?? '', this.cwd)}` };
        continue;
      }
      let text: string;
      try {
        // A device or pipe (a link to /dev/zero) would be read until memory runs out: only regular files are read.
        if (!(await stat(input.absolute)).isFile()) throw Object.assign(new Error('not a regular file (a device, a pipe or a folder)'), { code: 'ENOTREG' });
        text = await readFile(input.absolute, 'utf8');
      } catch (e) {
        this.failed = true;
        const message = describeIoError(e);
        this.error(`cannot read ${input.display}: ${message}`);
        yield { kind: 'error', display: input.display, message };
        continue;
      }
      yield { kind: 'text', display: input.display, absolute: input.absolute, stdin: false, explicit: input.explicit, text, project, path: projects.classificationPath(project, input.absolute) };
    }
  }

  /** Runs one file's analysis; an exception is that file's error (printed, exit 2 at the end), not the run's end. */
  guard<T>(display: string, work: () => T): T | string {
    try {
      return work();
    } catch (e) {
      this.failed = true;
      const message = `checking failed (please report): ${e instanceof Error ? e.message : String(e)}`;
      this.error(`${display}: ${message}`);
      return message;
    }
  }

  async lint(patterns: readonly string[], options: LintOptions): Promise<number> {
    if (options.exportActionItems !== undefined) return this.exportActionItems(patterns, options);
    const results: FileResult[] = [];
    for await (const s of this.sources(patterns, options)) {
      if (s.kind === 'error') results.push(unchecked(s.display, { error: s.message }));
      else if (s.kind === 'skip') results.push(unchecked(s.display, { skipReason: s.reason }));
      else {
        const r = this.guard(s.display, () => lint(s.display, s.text, { all: options.all === true, config: s.project.config, ...(s.path !== undefined ? { path: s.path } : {}), explicit: s.explicit, today: this.today }));
        if (typeof r === 'string') results.push(unchecked(s.display, { error: r }));
        else {
          if (r.error !== undefined) {
            this.failed = true;
            this.error(`cannot check ${s.display}: ${r.error}`);
          }
          results.push({ ...r, ...(s.absolute !== undefined ? { absolute: s.absolute } : {}) });
        }
      }
    }
    const color = options.output === undefined && process.stdout.isTTY === true && !('NO_COLOR' in process.env);
    const report = format(options.format, results, { srcRoot: await srcRoot(this.cwd), version: VERSION, color, tool: 'postmortem-lint' });
    if (options.output !== undefined) {
      const out = resolve(this.cwd, options.output);
      try {
        await writeFile(out, report);
      } catch (e) {
        this.error(`cannot write ${options.output}: ${describeIoError(e)}`);
        return EXIT.usage;
      }
      process.stdout.write(`${summary(results, process.stdout.isTTY === true)}Report (${options.format}) written to ${options.output}.\n`);
    } else process.stdout.write(report);

    if (this.failed) return EXIT.usage;
    const t = totals(results);
    let code: number = t.errors > 0 ? EXIT.errors : EXIT.ok;
    if (options.maxWarnings !== undefined && t.warnings > options.maxWarnings) {
      this.error(`too many warnings (${t.warnings}; --max-warnings ${options.maxWarnings}).`);
      code = EXIT.errors;
    }
    if (options.failOnSkipped && t.skipped > 0) {
      this.error(`${t.skipped} file${t.skipped === 1 ? ' was' : 's were'} skipped (--fail-on-skipped).`);
      code = EXIT.errors;
    }
    return code;
  }

  async exportActionItems(patterns: readonly string[], options: CommonOptions & { exportActionItems?: string; format?: string }): Promise<number> {
    const models: Array<{ model: PostmortemModel; source: string }> = [];
    let config: PostmortemConfig | undefined;
    for await (const s of this.sources(patterns, options)) {
      if (s.kind !== 'text') continue;
      // Like checking: only post-mortems, unless --all.
      const analysis = this.guard(s.display, () => analyze(s.text, { ...(s.path !== undefined ? { path: s.path } : {}), config: s.project.config, force: options.all === true }));
      if (typeof analysis === 'string' || !analysis.isPostmortem) continue;
      config ??= s.project.config;
      models.push({ model: analysis.model, source: s.display });
    }
    process.stdout.write(actionItemsCsv(models, { ticketPattern: (config ?? DEFAULT_CONFIG).actionItems.ticketPattern }));
    return this.failed ? EXIT.usage : EXIT.ok;
  }

  async fix(patterns: readonly string[], options: FixOptions): Promise<number> {
    let fixed = 0;
    for await (const s of this.sources(patterns, options)) {
      if (s.kind !== 'text') continue;
      const result = this.guard(s.display, () => fixAll(s.text, { ...(s.path !== undefined ? { path: s.path } : {}), config: s.project.config, force: options.all === true }));
      if (typeof result === 'string') continue;
      if (result.unchecked !== undefined) {
        this.failed = true;
        this.error(`cannot fix ${s.display}: ${result.unchecked}`);
        if (s.stdin && !options.dryRun) process.stdout.write(s.text); // standard input still goes to standard output, as it was
        continue;
      }
      const changed = result.text !== s.text;
      if (changed) fixed++;
      if (s.stdin && !options.dryRun) {
        process.stdout.write(result.text); // standard input: the text, fixed or not, goes to standard output
        continue;
      }
      if (!changed) continue;
      if (options.dryRun || s.absolute === undefined) {
        process.stdout.write(createTwoFilesPatch(`a/${s.display}`, `b/${s.display}`, s.text, result.text, undefined, undefined, { context: 3 }));
        continue;
      }
      try {
        await writeFile(s.absolute, result.text);
        process.stderr.write(`${s.display}: ${result.applied.join(', ')}\n`);
      } catch (e) {
        this.failed = true;
        this.error(`cannot write ${s.display}: ${describeIoError(e)}`);
      }
    }
    process.stderr.write(`${fixed} file${fixed === 1 ? '' : 's'} ${options.dryRun ? 'would be ' : ''}fixed.\n`);
    return this.failed ? EXIT.usage : EXIT.ok;
  }
}

function describeIoError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file or directory';
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'EISDIR') return 'is a directory';
  return err.message ?? String(e);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The repository root (see FormatContext.srcRoot). */
async function srcRoot(cwd: string): Promise<string> {
  const workspace = process.env['GITHUB_WORKSPACE'];
  if (workspace && inside(resolve(workspace), cwd) !== undefined) return resolve(workspace);
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (await stat(join(dir, '.git')).then(() => true, () => false)) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

function addCommonOptions(cmd: Command): Command {
  return cmd
    .option('--all', 'treat every file as a post-mortem, whatever its markers')
    .option('-c, --config <file>', 'the team configuration (default: each file\'s nearest .postmortem.json)')
    .option('--stdin-filename <path>', 'the path standard input (-) is classified and reported as');
}

function addLintOptions(cmd: Command): Command {
  return addCommonOptions(cmd)
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file; a summary still goes to the terminal')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', (v: string) => {
      const n = Number(v);
      if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`--max-warnings needs a whole number, not "${v}".`);
      return n;
    })
    .option('--fail-on-skipped', 'exit 1 when a file named on the command line is not a post-mortem (or is ignored)');
}

function parseJobs(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < 1 || n > 64) throw new InvalidArgumentError(`--jobs needs a whole number from 1 to 64, not "${v}".`);
  return n;
}

const LINT_HELP = `
Files: paths, folders (their .md and .markdown files), globs ("postmortems/**/*.md"), "!"-negated globs that leave
files out ("!drafts/**"), and "-" for standard input (with --stdin-filename).

Exit codes: 0 no errors, 1 findings at error severity (or --max-warnings / --fail-on-skipped), 2 usage error or a
file that could not be read (the other files are still checked).`;

function program(name: ProgramName, run: Run, setCode: (code: number) => void): Command {
  const root = new Command(name)
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .showHelpAfterError(`(run ${name} --help for usage)`)
    .configureOutput({ outputError: (str, write) => write(`${name}: ${str.replace(/^error: /, '')}`) });

  if (name === 'postmortem-lint') {
    addLintOptions(root)
      .description('Checks Markdown post-mortems for missing sections and other problems (the same as `postmortem lint`).')
      .argument('<files...>', 'files, folders, globs, !negated globs, or - for standard input')
      .option('--export-action-items <format>', 'print the action items as CSV (csv) for Jira\'s CSV import instead of checking', (v: string) => {
        if (v !== 'csv') throw new InvalidArgumentError(`Unknown export format "${v}": use csv.`);
        return v;
      })
      .addHelpText('after', LINT_HELP)
      .action(async (files: string[], options: LintOptions) => setCode(await run.lint(files, options)));
    return root;
  }

  root.description('Post-mortem Writer on the command line: check post-mortems, export their action items, fix them, report on them.');
  addLintOptions(root.command('lint'))
    .description('Check Markdown post-mortems for missing sections and other problems.')
    .argument('<files...>', 'files, folders, globs, !negated globs, or - for standard input')
    .addHelpText('after', LINT_HELP)
    .action(async (files: string[], options: LintOptions) => setCode(await run.lint(files, options)));
  addCommonOptions(root.command('export-action-items'))
    .description('Print the action items of post-mortems as CSV, for Jira\'s CSV import.')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['csv']).default('csv'))
    .argument('<files...>', 'files, folders, globs, !negated globs, or - for standard input')
    .action(async (files: string[], options: CommonOptions) => setCode(await run.exportActionItems(files, options)));
  addCommonOptions(root.command('fix'))
    .description('Apply the editor\'s fixes: add missing sections at their canonical places and sort timelines. Files are changed in place; a second run changes nothing.')
    .option('--dry-run', 'print a unified diff of what would change, and change nothing')
    .argument('<files...>', 'files, folders, globs, !negated globs, or - (the fixed text goes to standard output)')
    .action(async (files: string[], options: FixOptions) => setCode(await run.fix(files, options)));
  root.command('export-html')
    .description('Write each post-mortem as one self-contained HTML page (rendered text, visual timeline, durations) beside it, for readers outside engineering. Never replaces a file without --force.')
    .argument('<files...>', 'post-mortem files')
    .option('-o, --out <file>', 'the output file (one input only; default: the input with .html)')
    .option('--force', 'replace existing output files')
    .option('--mermaid', 'include the Mermaid gantt source of the milestones')
    .option('-c, --config <file>', 'the team configuration (default: each file\'s nearest .postmortem.json)')
    .action(async (files: string[], options: { out?: string; force?: boolean; mermaid?: boolean; config?: string }) => setCode(await run.exportHtml(files, options)));
  root.command('report')
    .description('Print the catalogue of post-mortems: a table (date, title, severity, status, TTD/TTR, open and overdue action items) and aggregates by month and severity (count, median and mean time to resolve, share final within 14 days). html adds charts.')
    .argument('[inputs...]', 'folders, files or globs (default: the working directory)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['markdown', 'json', 'csv', 'html']).default('markdown'))
    .option('-w, --write <file>', 'keep the Markdown index in this file, between <!-- postmortem-report:start --> and <!-- postmortem-report:end --> (appended when absent); the rest of the file is left as it is')
    .option('--today <day>', 'the day overdue is measured against, YYYY-MM-DD (default: today)')
    .option('-c, --config <file>', 'the team configuration (default: each file\'s nearest .postmortem.json)')
    .option('-j, --jobs <n>', 'worker threads that read and summarise files (default: the cores, at most 4, from 200 files; 1: none)', parseJobs)
    .action(async (inputs: string[], options: { format?: string; write?: string; today?: string; config?: string; jobs?: number }) => setCode(await runReport(inputs, options)));
  root.command('actions')
    .description('Print the action-item ledger of the post-mortems: open items, overdue first. With --overdue, exit 1 when any item is overdue (for a scheduled CI job).')
    .argument('[inputs...]', 'folders, files or globs (default: the working directory)')
    .option('--overdue', 'only overdue items; exit 1 when there is any')
    .option('--owner <name>', 'only the items of this owner (with or without @)')
    .option('--all', 'done items too')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['markdown', 'json', 'csv']).default('markdown'))
    .option('--today <day>', 'the day overdue is measured against, YYYY-MM-DD (default: today)')
    .option('-c, --config <file>', 'the team configuration (default: each file\'s nearest .postmortem.json)')
    .option('-j, --jobs <n>', 'worker threads that read and summarise files (default: the cores, at most 4, from 200 files; 1: none)', parseJobs)
    .action(async (inputs: string[], options: { overdue?: boolean; owner?: string; all?: boolean; format?: string; today?: string; config?: string; jobs?: number }) => setCode(await runActions(inputs, options)));
  root.command('timeline')
    .description('Work on timelines: `postmortem timeline import`.')
    .command('import')
    .description('Read chat transcripts, pager logs or deploy history and print them as timeline entries, or merge them into a post-mortem\'s Timeline.')
    .argument('<input>', 'a transcript, log, CSV or JSON file; a Slack export channel folder; or - for standard input')
    .option('--from <source>', 'the source (auto detects it and says which it chose)', 'auto')
    .option('--zone <zone>', 'zone of times written without one: UTC (default), an IANA name, +02:00, or PST')
    .option('--date <day>', 'day (YYYY-MM-DD) of times written without a date (default: the post-mortem\'s date with --into, else today)')
    .option('--today <day>', 'the day the text was copied, for "Today"/"Yesterday" in chat text (default: today)')
    .option('--into <file>', 'merge into this post-mortem\'s Timeline: chronological, in its style, duplicates skipped')
    .action(async (input: string, options: TimelineImportOptions) => setCode(await runTimelineImport(input, options)));
  return root;
}

/** Runs the command line; resolves with the exit code. */
export async function main(name: ProgramName, argv: readonly string[]): Promise<number> {
  const run = new Run(name);
  let code: number = EXIT.ok;
  const cmd = program(name, run, (c) => (code = c));
  if (name === 'postmortem' && argv.length === 0) {
    process.stderr.write(cmd.helpInformation());
    return EXIT.usage;
  }
  try {
    await cmd.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof ConfigError) {
      run.error(e.message);
      return EXIT.usage;
    }
    throw e;
  }
}

/** The entry point of the bundle: bin/postmortem.js and bin/postmortem-lint.js call it. */
export function start(name: ProgramName): void {
  main(name, process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
