// Which source a text is, from its content (and the file name's extension when there is one), and how sure we are.
// Confident means the paste provider may make "Paste as timeline entries" the default paste.
import { headerOf, nameLike, teamsWhen, TIME_ONLY } from './chat';
import { findColumn, headerKey } from './csv';
import { hasTimeColumn } from './alerts';
import { GIT_LINE } from './git';
import { splitLines, stampedLine } from './lines';
import { isPagerDutyJson } from './pagerduty';
import { isSlackDay } from './slack-export';
import { SLACK_DIALECT } from './slack-text';
import { TEAMS_DIALECT } from './teams-text';
import { Clock } from './time';
import { Collector, type SourceKind } from './types';

/**
 * "Yesterday 10:42", "Monday, 10:42": /^\S+[ ,]+\d{1,2}:\d{2}/ in one pass (that regex backtracks over commas, which both
 * of its runs accept). True when a time starts at some m after a run of spaces and commas that begins at or before the
 * first white space, with at least one character before it.
 */
function wordThenTime(line: string): boolean {
  let space = 0;
  while (space < line.length && !/\s/.test(line[space]!)) space++;
  if (space === 0) return false;
  let run = 0;
  for (let m = 1; m < line.length; m++) {
    const prev = line[m - 1]!;
    if (prev !== ' ' && prev !== ',') {
      run = m;
      continue;
    }
    // line[run, m) is all spaces and commas; a split k in [max(run, 1), min(m - 1, space)] leaves \S+ before it.
    if (Math.max(run, 1) <= Math.min(m - 1, space) && /^\d{1,2}:\d{2}/.test(line.slice(m, m + 5))) return true;
  }
  return false;
}

export interface Detection {
  readonly source: SourceKind;
  /** Most of the text fits the source. */
  readonly confident: boolean;
  /** Why, for the person: "12 Slack message headers". */
  readonly reason: string;
}

const SAMPLE_LINES = 400;
/** Lines that are Markdown structure already: list items, table rows, headings, quotes, fences, bold-first lines. */
const MARKDOWN_LINE = /^(?:[-*+] |\d{1,9}[.)] |\||#{1,6} |>|\*\*|__|```|~~~|<!--)/;

/** The source kind of a text, or undefined when it looks like none (prose, Markdown). Never throws. */
export function detectSource(text: string, fileName?: string): Detection | undefined {
  const head = text.slice(0, 200).trimStart().replace(/^\uFEFF/, '');
  const ext = /\.([a-z]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (head.startsWith('{') || /^\[\s*(?:[{\]]|$)/.test(head) || ext === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      // Invalid JSON: the importer of the likeliest source reports where it broke.
      return { source: /log_entr/.test(head) ? 'pagerduty' : 'slack-export', confident: false, reason: 'JSON (not valid)' };
    }
    if (isPagerDutyJson(data)) return { source: 'pagerduty', confident: true, reason: 'PagerDuty log entries (JSON)' };
    if (isSlackDay(data)) return { source: 'slack-export', confident: true, reason: 'a Slack export day file (JSON)' };
    return undefined;
  }
  const lines = splitLines(text.slice(0, 200_000)).map((l) => l.trim()).filter((l) => l !== '').slice(0, SAMPLE_LINES);
  if (lines.length === 0) return undefined;
  const csv = csvKind(lines[0]!, ext === 'csv');
  if (csv) return csv;

  const clock = new Clock({ offsetMinutes: 0, name: 'UTC' }, { year: 2000, month: 1, day: 1 }, new Collector());
  let shell = 0;
  let git = 0;
  let stamped = 0;
  let slack = 0;
  let teams = 0;
  let markdown = 0;
  lines.forEach((line, i) => {
    if (MARKDOWN_LINE.test(line)) markdown++;
    if (/^#\d{9,11}$/.test(line)) shell++;
    if (GIT_LINE.test(line)) git++;
    const teamsHeader = line.startsWith('[') && headerOf(line, TEAMS_DIALECT, clock);
    if (teamsHeader && teamsHeader.author) teams++;
    else if (i > 0 && line.length <= 40 && !TIME_ONLY.test(line) && wordThenTime(line) && nameLike(lines[i - 1]!) && teamsWhen(line, clock)) teams++;
    else if (!MARKDOWN_LINE.test(line) && stampedLine(line)?.text) stamped++;
    const h = headerOf(line, SLACK_DIALECT, clock);
    if (h?.author) slack++;
    else if (TIME_ONLY.test(line) && i > 0 && nameLike(lines[i - 1]!)) slack++;
  });
  const n = lines.length;
  if (shell > 0 && shell * 4 >= n) return { source: 'lines', confident: true, reason: `shell history (${shell} #<epoch> lines)` };
  if (git > 0 && git * 2 >= n && git * 10 >= stamped * 8) return { source: 'git', confident: true, reason: `git log (${git} commits)` };
  if (teams > 0 && teams >= stamped) return { source: 'teams-text', confident: teams * 6 >= n, reason: `${teams} Teams message header${teams === 1 ? '' : 's'}` };
  if (slack > 0 && slack >= stamped) return { source: 'slack-text', confident: slack * 6 >= n, reason: `${slack} Slack message header${slack === 1 ? '' : 's'}` };
  // Markdown already (a timeline copied from another post-mortem): pasted as it is.
  if (stamped > 0 && markdown * 3 < n) return { source: 'lines', confident: stamped * 2 >= n, reason: `${stamped} timestamped line${stamped === 1 ? '' : 's'}` };
  return undefined;
}

function csvKind(first: string, isCsvFile: boolean): Detection | undefined {
  if (!first.includes(',')) return undefined;
  const header = first.split(',').map((f) => f.trim().replace(/^"|"$/g, ''));
  const keys = header.map(headerKey);
  const opsgenie = ['tinyid', 'alias', 'alertid', 'opsgenie'].some((k) => keys.includes(k)) || (keys.includes('log') && keys.includes('owner'));
  if (opsgenie) return { source: 'opsgenie', confident: true, reason: 'an Opsgenie CSV export' };
  const pagerduty = ['incidentnumber', 'urgency', 'escalationpolicy', 'escalationpolicyname', 'logentrytype', 'servicename', 'incidentid'].some((k) => keys.includes(k)) || findColumn(header, ['agent', 'channel']) >= 0;
  if (pagerduty) return { source: 'pagerduty', confident: true, reason: 'a PagerDuty CSV export' };
  if (hasTimeColumn(header) && (isCsvFile || header.length >= 2)) return { source: 'pagerduty', confident: false, reason: 'a CSV with a time column (read as an alert log)' };
  return undefined;
}
