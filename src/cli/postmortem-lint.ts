// postmortem-lint: the editor's checks from the command line, on the same pure core.
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { actionItemsCsv, analyze, normaliseConfig, parseTeamConfig, TEAM_CONFIG_FILE, trimEndChars, type ConfigInput, type PostmortemModel } from '../core';
import { lint, EXIT, type FileResult } from './lint';
import { formatJson, formatStylish } from './format';

const USAGE = `Usage: postmortem-lint [--format stylish|json] [--all] [--config FILE] FILES/GLOBS...
       postmortem-lint --export-action-items csv [--all] [--config FILE] FILES/GLOBS...

Checks Markdown post-mortems for missing sections and other problems.

Options:
  --format <name>              Output format: stylish (default) or json
  --all                        Treat every file as a post-mortem, whatever its markers
  --config <file>              The team configuration (default: the nearest .postmortem.json from here up)
  --export-action-items csv    Print the action items as CSV for Jira's CSV import instead of checking
  -h, --help       Show this help

Exit codes: 0 no errors, 1 findings at error severity, 2 usage or I/O error.`;

interface Args {
  format: 'stylish' | 'json';
  all: boolean;
  config: string | undefined;
  exportCsv: boolean;
  patterns: string[];
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { format: 'stylish', all: false, config: undefined, exportCsv: false, patterns: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--all') args.all = true;
    else if (a === '--config' || a.startsWith('--config=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) return '--config needs a file.';
      args.config = v;
    } else if (a === '--export-action-items' || a.startsWith('--export-action-items=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'csv') return `Unknown export format "${v ?? ''}": use csv.`;
      args.exportCsv = true;
    }
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'stylish' && v !== 'json') return `Unknown format "${v ?? ''}": use stylish or json.`;
      args.format = v;
    } else if (a === '--') {
      args.patterns.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-')) return `Unknown option "${a}".`;
    else args.patterns.push(a);
  }
  if (args.patterns.length === 0) return 'No files given.';
  return args;
}

async function expand(patterns: readonly string[]): Promise<string[] | string> {
  const files: string[] = [];
  for (const p of patterns) {
    const isFile = await stat(p).then((s) => s.isFile(), () => false);
    if (isFile) {
      files.push(p);
      continue;
    }
    const isDir = await stat(p).then((s) => s.isDirectory(), () => false);
    const pattern = isDir ? `${trimEndChars(p, /[\\/]/)}/**/*.{md,markdown}` : p;
    const found = await glob(pattern, { ignore: ['**/node_modules/**'], expandDirectories: false });
    if (found.length === 0) return `No files match "${p}".`;
    files.push(...found.sort());
  }
  return [...new Set(files)];
}

/** The team file: --config, else the nearest .postmortem.json from the working directory up. Problems are warnings. */
async function loadTeamConfig(explicit: string | undefined): Promise<{ input: ConfigInput } | string> {
  let file = explicit;
  if (!file) {
    for (let dir = resolve('.'); ; dir = dirname(dir)) {
      const candidate = join(dir, TEAM_CONFIG_FILE);
      if (await stat(candidate).then((s) => s.isFile(), () => false)) {
        file = candidate;
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  if (!file) return { input: {} };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return `cannot read ${file}: ${(e as Error).message}`;
  }
  const team = parseTeamConfig(text);
  for (const p of team.problems) {
    const fallback = p.ignored === 'file' ? 'Checking without this file, with the defaults.' : 'Using the defaults for this value.';
    process.stderr.write(`postmortem-lint: warning: ${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message} ${fallback}\n`);
  }
  return team;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`postmortem-lint: ${args}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  const files = await expand(args.patterns);
  if (typeof files === 'string') {
    process.stderr.write(`postmortem-lint: ${files}\n`);
    return EXIT.usage;
  }
  const team = await loadTeamConfig(args.config);
  if (typeof team === 'string') {
    process.stderr.write(`postmortem-lint: ${team}\n`);
    return EXIT.usage;
  }
  const config = normaliseConfig(team.input);
  const results: FileResult[] = [];
  const models: Array<{ model: PostmortemModel; source: string }> = [];
  let ioError = false;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      process.stderr.write(`postmortem-lint: cannot read ${file}: ${(e as Error).message}\n`);
      ioError = true;
      continue;
    }
    if (args.exportCsv) {
      // Like checking: only post-mortems, unless --all.
      const analysis = analyze(text, { path: file, config, force: args.all });
      if (analysis.isPostmortem) models.push({ model: analysis.model, source: file });
    }
    else results.push(lint(file, text, { all: args.all, config }));
  }
  if (args.exportCsv) {
    process.stdout.write(actionItemsCsv(models, { ticketPattern: config.actionItems.ticketPattern }));
    return ioError ? EXIT.usage : EXIT.ok;
  }
  process.stdout.write(args.format === 'json' ? formatJson(results) : formatStylish(results, process.stdout.isTTY === true));
  if (ioError) return EXIT.usage;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT.errors : EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`postmortem-lint: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT.usage;
  },
);
