// Shared by the PagerDuty and Opsgenie importers: reading a time field, and turning an alerting tool's CSV export into
// entries. Two shapes: a log (one event per row: time, type, text, agent) and a list of alerts or incidents (one row
// each, with created, acknowledged and resolved times), where each lifecycle time becomes an entry.
import { parseStamp } from '../timeline/stamp';
import { findColumn, parseCsv, type CsvRow } from './csv';
import type { MilestoneId } from '../milestones/parse';
import type { Clock } from './time';
import { withoutMilestone, type Collector, type ImportedEntry } from './types';

/** The milestone an alerting tool's event verb may mark. */
export function milestoneOfVerb(verb: string | undefined): MilestoneId | undefined {
  switch (verb) {
    case 'Triggered':
    case 'Created':
      return 'detected';
    case 'Acknowledged':
      return 'acknowledged';
    case 'Resolved':
    case 'Closed':
      return 'resolved';
    default:
      return undefined;
  }
}

/**
 * Keeps the milestone on the first trigger (Detected), the first acknowledge (Acknowledged) and the last resolve
 * (Resolved) of chronologically sorted entries, and takes it off every other entry.
 */
export function markMilestones(entries: ImportedEntry[]): void {
  const keep = new Set<number>();
  const first = (id: MilestoneId) => entries.findIndex((e) => e.milestone === id);
  let lastResolve = -1;
  entries.forEach((e, i) => {
    if (e.milestone === 'resolved') lastResolve = i;
  });
  for (const i of [first('detected'), first('acknowledged'), lastResolve]) if (i >= 0) keep.add(i);
  entries.forEach((e, i) => {
    if (e.milestone && !keep.has(i)) entries[i] = withoutMilestone(e);
  });
}

const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?=[ ,T]|$)[ ,T]*/;

/** A time as the tools write it: ISO 8601 or `YYYY-MM-DD HH:mm:ss`, epoch seconds or milliseconds, `M/D/YYYY h:mm AM`. */
export function readTime(value: string, clock: Clock, line: number): number | undefined {
  const v = value.trim();
  if (/^\d{12,13}$/.test(v)) return Number(v);
  if (/^\d{9,11}(?:\.\d{1,6})?$/.test(v)) return Math.round(Number(v) * 1000);
  let text = v;
  const slash = SLASH.exec(v);
  if (slash) text = `${slash[3]}-${slash[1]!.padStart(2, '0')}-${slash[2]!.padStart(2, '0')} ${v.slice(slash[0].length)}`;
  const stamp = parseStamp(text);
  if (!stamp?.clock || stamp.start !== 0 || !stamp.date) return undefined;
  const frac = /:\d{2}[.,](\d{1,9})/.exec(text.slice(0, stamp.end));
  return clock.instant(stamp, line, frac ? Number(frac[1]!.slice(0, 3).padEnd(3, '0')) : 0);
}

export interface AlertVocabulary {
  /** Display name of the CSV for messages. */
  readonly name: string;
  /** The word for an event type or log text, or undefined to keep the text; `null` leaves the row out. */
  readonly classify: (type: string, text: string) => { verb?: string; ignore?: string } | undefined;
}

const TIME = ['timestamp', 'time', 'date', 'datetime', 'createdat', 'createdon', 'created', 'loggedat', 'logentrytime', 'eventtime', 'triggeredat', 'openedat'];
const TEXT = ['summary', 'log', 'message', 'description', 'details', 'note', 'title', 'incidenttitle', 'alert', 'event'];
const TYPE = ['type', 'action', 'eventtype', 'logtype', 'logentrytype'];
const AGENT = ['agent', 'agentname', 'performedby', 'user', 'username', 'by', 'actor', 'responder', 'owner', 'who'];
const ACKED = ['acknowledgedat', 'acknowledgedon', 'ackedat', 'acktime', 'firstacknowledgedat', 'acknowledgedtime'];
const ACKED_BY = ['acknowledgedby', 'ackedby'];
const RESOLVED = ['resolvedat', 'resolvedon', 'closedat', 'closedon', 'resolvedtime', 'closedtime'];
const RESOLVED_BY = ['resolvedby', 'closedby'];

/** Whether a CSV header has a time column this reader knows. */
export function hasTimeColumn(header: readonly string[]): boolean {
  return findColumn(header, TIME) >= 0;
}

export function parseAlertCsv(text: string, clock: Clock, out: Collector, vocabulary: AlertVocabulary): void {
  const rows = parseCsv(text, vocabulary.name);
  const header = rows[0];
  if (!header) return;
  const col = (names: readonly string[]) => findColumn(header.fields, names);
  const time = col(TIME);
  if (time < 0) {
    out.unread(header.line, header.fields.join(','), `no time column (one of: ${TIME.join(', ')})`);
    for (const row of rows.slice(1)) out.unread(row.line, row.fields.join(','), 'no time column in the header');
    return;
  }
  const textCol = col(TEXT);
  const typeCol = col(TYPE);
  const agent = col(AGENT);
  const acked = col(ACKED);
  const ackedBy = col(ACKED_BY);
  const resolved = col(RESOLVED);
  const resolvedBy = col(RESOLVED_BY);
  const lifecycle = acked >= 0 || resolved >= 0;
  const field = (row: CsvRow, i: number) => (i >= 0 ? (row.fields[i] ?? '').trim() : '');

  for (const row of rows.slice(1)) {
    const raw = row.fields.join(',');
    const when = readTime(field(row, time), clock, row.line);
    if (when === undefined) {
      out.unread(row.line, raw, `"${field(row, time)}" in column "${header.fields[time]}" is not a date and time`);
      continue;
    }
    const what = field(row, textCol);
    const type = field(row, typeCol);
    const who = field(row, agent);
    if (lifecycle) {
      const title = what || type || 'alert';
      out.entries.push({ epochMs: when, text: `Triggered: ${title}`, line: row.line, milestone: 'detected' });
      const stages: Array<[number, number, string]> = [
        [acked, ackedBy, 'Acknowledged'],
        [resolved, resolvedBy, 'Resolved'],
      ];
      for (const [at, by, verb] of stages) {
        const value = field(row, at);
        if (at < 0 || value === '') continue;
        const stageTime = readTime(value, clock, row.line);
        if (stageTime === undefined) continue; // a flag such as "true" rather than a time: nothing to place
        const person = field(row, by);
        const milestone = milestoneOfVerb(verb);
        out.entries.push({ epochMs: stageTime, ...(person ? { author: person } : {}), text: `${verb}: ${title}`, line: row.line, ...(milestone ? { milestone } : {}) });
      }
      continue;
    }
    const kind = vocabulary.classify(type, what);
    if (kind?.ignore) {
      out.ignore(row.line, raw, kind.ignore);
      continue;
    }
    const body = what || kind?.verb || type;
    if (body === '') {
      out.unread(row.line, raw, 'no text or type in this row');
      continue;
    }
    const textOut = kind?.verb && !body.toLowerCase().includes(kind.verb.toLowerCase()) ? `${kind.verb}: ${body}` : body;
    const milestone = milestoneOfVerb(kind?.verb);
    out.entries.push({ epochMs: when, ...(who ? { author: who } : {}), text: textOut, line: row.line, ...(milestone ? { milestone } : {}) });
  }
}
