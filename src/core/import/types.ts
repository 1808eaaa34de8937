// What every importer returns: entries with an instant, an author where the source names one, and text; plus every
// input line or record it could not read, or left out on purpose, each with a reason. Nothing is dropped silently.
import type { MilestoneId } from '../milestones/parse';

export const SOURCE_KINDS = ['lines', 'slack-text', 'teams-text', 'slack-export', 'pagerduty', 'opsgenie', 'git'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Human names of the sources, for messages and pickers. */
export const SOURCE_NAMES: Readonly<Record<SourceKind, string>> = {
  lines: 'timestamped lines',
  'slack-text': 'text copied from Slack',
  'teams-text': 'text copied from Microsoft Teams',
  'slack-export': 'a Slack export',
  pagerduty: 'a PagerDuty incident log',
  opsgenie: 'an Opsgenie alert log',
  git: 'git log',
};

export interface ImportedEntry {
  /** The instant of the event. */
  readonly epochMs: number;
  /** Who wrote or did it, when the source says. Plain text. */
  readonly author?: string;
  /** The event as plain text (lines joined with "\n"), for pickers and duplicate checks. */
  readonly text: string;
  /**
   * The event as safe inline Markdown, on one line: it can never open a heading, a table row, a comment or a fence.
   * Set by sources that turn markup into links (Slack export); otherwise rendered from `text`.
   */
  readonly markdown?: string;
  /**
   * The incident milestone this event marks (an alerting tool's first trigger, first acknowledge, last resolve),
   * written as the milestone label (`**Detected:**`) before the text.
   */
  readonly milestone?: MilestoneId;
  /** Where it was read: 1-based line (or record) number, and the file for multi-file sources. */
  readonly line: number;
  readonly file?: string;
}

/** The entry without its milestone label. */
export function withoutMilestone(entry: ImportedEntry): ImportedEntry {
  if (!entry.milestone) return entry;
  const copy: { -readonly [K in keyof ImportedEntry]: ImportedEntry[K] } = { ...entry };
  delete copy.milestone;
  return copy;
}

export interface SkippedLine {
  readonly line: number;
  readonly file?: string;
  readonly text: string;
  readonly reason: string;
}

export interface ImportResult {
  readonly source: SourceKind;
  /** How the source was chosen: "auto-detected: …" or "chosen". */
  readonly detection: string;
  readonly entries: ImportedEntry[];
  /** Lines or records that could not be read. */
  readonly unreadable: SkippedLine[];
  /** Records left out on purpose (channel joins, bot messages, notifications, interface text), with why. */
  readonly ignored: SkippedLine[];
  /** Things the person should know: ambiguous zones, assumptions. */
  readonly warnings: string[];
}

export interface ImportOptions {
  /**
   * The zone of times written without one: `UTC` (default), an IANA name (`Europe/Berlin`), an offset (`+02:00`) or an
   * abbreviation (`PST`; ambiguous ones such as `CST` are reported).
   */
  readonly zone?: string;
  /** The day of times written without a date, `YYYY-MM-DD`; "Today"/"Yesterday" separators count from it. Default: today in `zone`. */
  readonly date?: string;
  /**
   * The day the text was copied, `YYYY-MM-DD`: "Today", "Yesterday" and weekday separators in chat text count from it.
   * Default: today in `zone`.
   */
  readonly today?: string;
  /** For tests: the current instant, used when `date` or `today` is not given. */
  readonly now?: number;
}

/** An input the importer refuses as a whole: invalid JSON or CSV, an unknown source. The message says where. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** One result being built. */
export class Collector {
  readonly entries: ImportedEntry[] = [];
  readonly unreadable: SkippedLine[] = [];
  readonly ignored: SkippedLine[] = [];
  readonly warnings: string[] = [];

  unread(line: number, text: string, reason: string, file?: string): void {
    this.unreadable.push({ line, text, reason, ...(file !== undefined ? { file } : {}) });
  }

  ignore(line: number, text: string, reason: string, file?: string): void {
    this.ignored.push({ line, text, reason, ...(file !== undefined ? { file } : {}) });
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  result(source: SourceKind, detection: string): ImportResult {
    return { source, detection, entries: this.entries, unreadable: this.unreadable, ignored: this.ignored, warnings: this.warnings };
  }
}
