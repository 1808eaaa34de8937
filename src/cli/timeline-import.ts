// `postmortem timeline import`: chat transcripts, pager logs and deploy history as timeline entries, printed as
// Markdown or merged into a post-mortem's Timeline as the editor's Import Timeline command does. Exported as a
// function (the `postmortem` binary wires it as a subcommand); all I/O goes through `io` so tests can drive it.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { applyInserts, buildModel, formatTimestamp, oversize, oversizeMessage, parseTimeFormat, resolveTimeZone, DEFAULT_TIME_FORMAT } from '../core';
import { documentDate, importTimeline, isImportError, planTimelineImport, slackExportReader, type ImportResult, type SourceKind } from '../core/import/timeline-import';
import { entryMarkdown } from '../core/import/markdown';
import { SOURCE_KINDS } from '../core/import/types';
import { readForReplace, replaceIfUnchanged, type ReadFile } from './replace-file';


export const TIMELINE_IMPORT_USAGE = `Usage: postmortem timeline import [--from auto|${SOURCE_KINDS.join('|')}] [--zone ZONE] [--date YYYY-MM-DD] [--into POSTMORTEM.md] FILE|DIR|-

Reads events and prints them as Markdown timeline entries, or merges them into a post-mortem's Timeline.

  FILE|DIR|-      A transcript, log, CSV or JSON file; a Slack export channel folder; or - for standard input
  --from SOURCE   The source (default: auto, which detects it and says which it chose)
  --zone ZONE     Zone of times written without one: UTC (default), an IANA name, +02:00, or PST
  --date DAY      Day of times written without a date (default: the post-mortem's date with --into, else today)
  --today DAY     The day the text was copied, for "Today"/"Yesterday" in chat text (default: today)
  --into FILE     Merge into this post-mortem's Timeline: chronological, in its style, duplicates skipped

Exit codes: 0 done, 1 the input could not be read (invalid JSON or CSV, unknown source), 2 usage or I/O error.`;

export const TIMELINE_IMPORT_EXIT = { ok: 0, input: 1, usage: 2 } as const;

export interface TimelineImportOptions {
  readonly from?: string;
  readonly zone?: string;
  readonly date?: string;
  /** The day the text was copied ("Today"/"Yesterday" in chat text); default: today. */
  readonly today?: string;
  readonly into?: string;
}

export interface TimelineImportIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Standard input's text, for `-`. */
  readonly readStdin: () => Promise<string>;
}

const defaultIo: TimelineImportIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  },
};

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

/**
 * A file's text, if it is a regular file: an export's link to a device (`2025-01-01.json -> /dev/zero`) would be read
 * until memory runs out.
 */
async function readRegular(path: string): Promise<string> {
  if (!(await stat(path)).isFile()) throw new Error(`${path} is not a regular file (a device, a pipe or a folder).`);
  return readFile(path, 'utf8');
}

/** A Slack export channel folder (or an export root with exactly one channel), one day file in memory at a time. */
async function readSlackFolder(dir: string, options: { zone?: string; date?: string; today?: string }): Promise<ImportResult> {
  let channel = dir;
  let names = await readdir(dir);
  if (!names.some((n) => DAY_FILE.test(n))) {
    const channels: string[] = [];
    for (const n of names) if ((await stat(join(dir, n))).isDirectory()) channels.push(n);
    if (channels.length !== 1) {
      throw new Error(channels.length === 0 ? `${dir} holds no Slack day files (YYYY-MM-DD.json).` : `${dir} is a Slack export with ${channels.length} channels: give one channel's folder (${channels.slice(0, 5).join(', ')}${channels.length > 5 ? ', …' : ''}).`);
    }
    channel = join(dir, channels[0]!);
    names = await readdir(channel);
  }
  let users: string | undefined;
  for (const candidate of [join(channel, 'users.json'), join(dirname(channel), 'users.json')]) {
    users = await readRegular(candidate).catch(() => undefined);
    if (users !== undefined) break;
  }
  const reader = slackExportReader(users, options);
  for (const name of names.filter((n) => DAY_FILE.test(n)).sort()) {
    reader.add({ name: join(basename(channel), name), text: await readRegular(join(channel, name)) });
  }
  return reader.finish();
}

function listSkipped(result: ImportResult, io: TimelineImportIo): void {
  for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
  for (const u of result.unreadable) io.stderr(`unreadable: ${u.file ? `${u.file}:` : ''}${u.line}: ${u.reason}: ${u.text.slice(0, 120)}\n`);
}

/** The zone entries are written in: --zone when it names a zone Intl knows (or `local`), else UTC. */
function printZone(zone: string | undefined): string | undefined {
  const resolved = resolveTimeZone(zone);
  return resolved.problem ? 'UTC' : resolved.value;
}

/** Runs the command; returns the exit code. Never throws. */
export async function runTimelineImport(input: string | undefined, options: TimelineImportOptions = {}, io: TimelineImportIo = defaultIo): Promise<number> {
  if (!input) {
    io.stderr(`No input given: a file, a Slack export folder, or - for standard input.\n\n${TIMELINE_IMPORT_USAGE}\n`);
    return TIMELINE_IMPORT_EXIT.usage;
  }
  const from = options.from ?? 'auto';
  if (from !== 'auto' && !(SOURCE_KINDS as readonly string[]).includes(from)) {
    io.stderr(`Unknown source "${from}": use auto, ${SOURCE_KINDS.join(', ')}.\n`);
    return TIMELINE_IMPORT_EXIT.usage;
  }
  // The post-mortem to merge into: never through a link, and replaced only if nobody changed it meanwhile.
  let read: (ReadFile & { readonly path: string }) | undefined;
  if (options.into !== undefined) {
    const r = await readForReplace(options.into);
    if (r === undefined || 'error' in r) {
      io.stderr(`${options.into} ${r?.error ?? 'does not exist: --into merges into an existing post-mortem.'}\n`);
      return TIMELINE_IMPORT_EXIT.usage;
    }
    const size = oversize(r.text);
    if (size) {
      io.stderr(`${options.into}: nothing imported. ${oversizeMessage(size)}\n`);
      return TIMELINE_IMPORT_EXIT.usage;
    }
    read = { ...r, path: options.into };
  }
  const date = options.date ?? (read !== undefined ? documentDate(read.text) : undefined);
  const base = { ...(options.zone !== undefined ? { zone: options.zone } : {}), ...(date !== undefined ? { date } : {}), ...(options.today !== undefined ? { today: options.today } : {}) };

  let result: ImportResult;
  try {
    if (input === '-') result = importTimeline(await io.readStdin(), { ...base, from: from as SourceKind | 'auto' });
    else if ((await stat(input)).isDirectory()) result = await readSlackFolder(input, base);
    else result = importTimeline(await readRegular(input), { ...base, from: from as SourceKind | 'auto', fileName: basename(input) });
  } catch (e) {
    if (isImportError(e)) {
      io.stderr(`${(e as Error).message}\n`);
      return TIMELINE_IMPORT_EXIT.input;
    }
    io.stderr(`${(e as Error).message}\n`);
    return TIMELINE_IMPORT_EXIT.usage;
  }
  io.stderr(`${result.detection}\n`);
  listSkipped(result, io);

  if (read === undefined) {
    const zone = printZone(options.zone);
    const parts = parseTimeFormat(DEFAULT_TIME_FORMAT).value;
    const lines = result.entries.map((e) => `- **${formatTimestamp(e.epochMs, parts, zone)}** — ${entryMarkdown(e)}\n`);
    io.stdout(lines.join(''));
    io.stderr(`${result.entries.length} entries, ${result.unreadable.length} lines unreadable.\n`);
    return TIMELINE_IMPORT_EXIT.ok;
  }

  const plan = planTimelineImport(read.text, result.entries, { timeZone: printZone(options.zone) });
  if (plan.inserts.length > 0) {
    const merged = applyInserts(buildModel(read.text), plan.inserts);
    const error = await replaceIfUnchanged(read.path, read, merged);
    if (error !== undefined) {
      io.stderr(`${read.path} ${error}\n`);
      return TIMELINE_IMPORT_EXIT.usage;
    }
  }
  io.stderr(`Imported ${plan.added.length} entries, skipped ${plan.duplicates.length} duplicates, ${result.unreadable.length} lines unreadable.\n`);
  return TIMELINE_IMPORT_EXIT.ok;
}
