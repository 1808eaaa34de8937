// Timeline import: chat transcripts, pager logs and deploy history as timeline entries. Pure: text in, entries out.
import { markMilestones } from './alerts';
import { detectSource, type Detection } from './detect';
import { parseGitLog } from './git';
import { parseLines } from './lines';
import { parseOpsgenieCsv } from './opsgenie';
import { parsePagerDutyCsv, parsePagerDutyJson } from './pagerduty';
import { parseSlackDay, slackUsers, type ExportFile } from './slack-export';
import { parseSlackText } from './slack-text';
import { parseTeamsText } from './teams-text';
import { Clock, parseDay, parseZone } from './time';
import { Collector, ImportError, SOURCE_KINDS, SOURCE_NAMES, type ImportOptions, type ImportResult, type SourceKind } from './types';

export { detectSource, type Detection } from './detect';
export { entryMarkdown, escapeInline } from './markdown';
export { type ExportFile } from './slack-export';
export { ImportError, SOURCE_KINDS, SOURCE_NAMES, type ImportOptions, type ImportResult, type ImportedEntry, type SkippedLine, type SourceKind } from './types';
export { timelineImportEdit, renderEntryList, type MergeOptions, type MergePlan } from './merge';

export interface TextImportOptions extends ImportOptions {
  /** The source, or `auto` (default) to detect it. */
  readonly from?: SourceKind | 'auto';
  /** The file the text came from, as a hint for detection (`.csv`, `.json`). */
  readonly fileName?: string;
}

function setup(options: ImportOptions): { clock: Clock; out: Collector } {
  const out = new Collector();
  const zone = parseZone(options.zone, out);
  if (typeof zone === 'string') throw new ImportError(zone);
  const today = parseDay(options.today, zone, options.now ?? Date.now());
  if (typeof today === 'string') throw new ImportError(today);
  const day = options.date === undefined ? today : parseDay(options.date, zone, 0);
  if (typeof day === 'string') throw new ImportError(day);
  return { clock: new Clock(zone, day, out, today), out };
}

function finish(out: Collector, source: SourceKind, detection: string): ImportResult {
  // Chronological, stable: equal times keep their order in the source.
  out.entries.sort((a, b) => a.epochMs - b.epochMs);
  // Alerting tools' events mark milestones: only the first trigger and acknowledge, and the last resolve, keep theirs.
  markMilestones(out.entries);
  return out.result(source, detection);
}

/** Imports one text (a paste or a file). Throws ImportError for invalid JSON or CSV, an unknown source or a bad option. */
export function importTimeline(text: string, options: TextImportOptions = {}): ImportResult {
  const { clock, out } = setup(options);
  let source: SourceKind;
  let detection: string;
  if (options.from === undefined || options.from === 'auto') {
    const d: Detection | undefined = detectSource(text, options.fileName);
    if (!d) throw new ImportError(`Could not tell what this is: no timestamped lines, chat headers, CSV or JSON this importer reads. Sources: ${SOURCE_KINDS.join(', ')}.`);
    source = d.source;
    detection = `auto-detected ${SOURCE_NAMES[source]}: ${d.reason}`;
  } else {
    if (!(SOURCE_KINDS as readonly string[]).includes(options.from)) throw new ImportError(`Unknown source "${String(options.from)}": use auto, ${SOURCE_KINDS.join(', ')}.`);
    source = options.from;
    detection = `read as ${SOURCE_NAMES[source]} (chosen)`;
  }
  const json = /^\s*[[{]/.test(text.slice(0, 100).replace(/^\uFEFF/, ''));
  switch (source) {
    case 'lines':
      parseLines(text, clock, out);
      break;
    case 'slack-text':
      parseSlackText(text, clock, out);
      break;
    case 'teams-text':
      parseTeamsText(text, clock, out);
      break;
    case 'slack-export':
      parseSlackDay({ name: options.fileName ?? 'The Slack export file', text }, new Map(), out);
      break;
    case 'pagerduty':
      if (json) parsePagerDutyJson(text, clock, out, options.fileName ?? 'The PagerDuty JSON');
      else parsePagerDutyCsv(text, clock, out);
      break;
    case 'opsgenie':
      parseOpsgenieCsv(text, clock, out);
      break;
    case 'git':
      parseGitLog(text, out);
      break;
  }
  return finish(out, source, detection);
}

/**
 * Imports a Slack export folder: the channel's day files, read one at a time from the iterator (a 50 MB export is never
 * held whole), and users.json's text for names when present.
 */
export function importSlackExport(days: Iterable<ExportFile>, users: string | undefined, options: ImportOptions = {}): ImportResult {
  const { out } = setup(options);
  const names = users === undefined ? new Map<string, string>() : slackUsers(users);
  let count = 0;
  for (const day of days) {
    parseSlackDay(day, names, out);
    count++;
  }
  if (count === 0) throw new ImportError('No Slack day files (YYYY-MM-DD.json) found in the export folder.');
  return finish(out, 'slack-export', `read as a Slack export (${count} day file${count === 1 ? '' : 's'}${users === undefined ? ', no users.json' : ''})`);
}
