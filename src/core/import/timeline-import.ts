// The importer as the editor uses it: functions only (the Node bundle loads this file lazily, on the first import or
// paste, through wrappers that forward function calls), working on document text so no model crosses bundles.
import { buildModel, sectionsFor, type PostmortemModel } from '../model/model';
import { SectionMatcher, type ExtraAliases } from '../model/match';
import { parseTimeFormat } from '../timeline/format';
import { importTimeline as importText, detectSource as detect, type TextImportOptions } from './index';
import { entryMarkdown as markdownOf } from './markdown';
import { timelineImportEdit, type MergePlan } from './merge';
import { parseSlackDay, slackUsers, type ExportFile } from './slack-export';
import { parseDay, parseZone } from './time';
import { Collector, ImportError, SOURCE_NAMES, type ImportedEntry, type ImportOptions, type ImportResult, type SourceKind } from './types';

export type { ImportResult, ImportedEntry, SourceKind, MergePlan, ExportFile, TextImportOptions };

export interface DocumentOptions {
  readonly aliases?: ExtraAliases;
}

function modelOf(text: string, options: DocumentOptions): PostmortemModel {
  return buildModel(text, { matcher: new SectionMatcher(options.aliases ?? {}) });
}

export function importTimeline(text: string, options: TextImportOptions = {}): ImportResult {
  return importText(text, options);
}

export function detectSource(text: string, fileName?: string): { source: SourceKind; confident: boolean; reason: string } | undefined {
  return detect(text, fileName);
}

export function sourceName(kind: SourceKind): string {
  return SOURCE_NAMES[kind];
}

export function entryMarkdown(entry: ImportedEntry): string {
  return markdownOf(entry);
}

/** Whether an error is the importer's own (bad input), whose message is for the person. */
export function isImportError(error: unknown): boolean {
  return error instanceof ImportError;
}

/** Whether `line` is inside a Timeline section of the document (its heading included). */
export function lineInTimeline(text: string, line: number, options: DocumentOptions = {}): boolean {
  return sectionsFor(modelOf(text, options), 'timeline').some((s) => line >= s.heading.range.start.line && line <= s.contentRange.end.line);
}

/** The document's day for times without a date: its front-matter `date` (YYYY-MM-DD), if any. */
export function documentDate(text: string, options: DocumentOptions = {}): string | undefined {
  const v = modelOf(text, options).frontMatter?.data['date'];
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string') return /^(\d{4}-\d{2}-\d{2})/.exec(v.trim())?.[1];
  return undefined;
}

export interface PlanOptions extends DocumentOptions {
  /** The `postmortem.timeline.format` setting, for a Timeline with no timed entry yet. */
  readonly format?: string | undefined;
  /** The resolved `postmortem.timeline.timeZone` (IANA name, or undefined for local). */
  readonly timeZone?: string | undefined;
  readonly cursorLine?: number;
}

/** The inserts that merge `entries` into the document's Timeline, and which were duplicates. */
export function planTimelineImport(text: string, entries: readonly ImportedEntry[], options: PlanOptions = {}): MergePlan {
  return timelineImportEdit(modelOf(text, options), entries, {
    format: parseTimeFormat(options.format).value,
    timeZone: options.timeZone,
    ...(options.cursorLine !== undefined ? { cursorLine: options.cursorLine } : {}),
  });
}

/**
 * Reads a Slack export one day file at a time (the caller reads each file and hands it over, so a large export is
 * never held whole), then returns the result.
 */
export function slackExportReader(users: string | undefined, options: ImportOptions = {}): { add(file: ExportFile): void; finish(): ImportResult } {
  const out = new Collector();
  const zone = parseZone(options.zone, out);
  if (typeof zone === 'string') throw new ImportError(zone);
  const day = parseDay(options.date, zone, options.now ?? Date.now());
  if (typeof day === 'string') throw new ImportError(day);
  const names = users === undefined ? new Map<string, string>() : slackUsers(users);
  let count = 0;
  return {
    add(file) {
      parseSlackDay(file, names, out);
      count++;
    },
    finish() {
      if (count === 0) throw new ImportError('No Slack day files (YYYY-MM-DD.json) in that folder.');
      out.entries.sort((a, b) => a.epochMs - b.epochMs);
      return out.result('slack-export', `read as a Slack export (${count} day file${count === 1 ? '' : 's'}${users === undefined ? ', no users.json for names' : ''})`);
    },
  };
}
