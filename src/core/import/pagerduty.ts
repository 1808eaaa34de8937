// PagerDuty incident log entries: the REST API's JSON (`{"log_entries": [...]}` or an array of log entries, each with
// `type`, `created_at`, `summary`, `agent`) and CSV exports (a log, or the incident list with created, acknowledged
// and resolved times). Triggered, acknowledged, escalated, resolved, notes and assignments become entries;
// notifications to responders are left out (and listed).
import { milestoneOfVerb, parseAlertCsv, readTime, type AlertVocabulary } from './alerts';
import { jsonPreview, parseJson } from './json';
import type { Clock } from './time';
import { ImportError, type Collector } from './types';

const VERBS: Readonly<Record<string, string>> = {
  trigger: 'Triggered',
  acknowledge: 'Acknowledged',
  unacknowledge: 'Unacknowledged',
  escalate: 'Escalated',
  resolve: 'Resolved',
  annotate: 'Note',
  assign: 'Assigned',
  reassign: 'Reassigned',
  snooze: 'Snoozed',
  urgency_change: 'Urgency changed',
  priority_change: 'Priority changed',
  reach_trigger: 'Triggered',
};

function classify(type: string): { verb?: string; ignore?: string } | undefined {
  const key = type.toLowerCase().replace(/_log_entry$/, '').replace(/[\s-]+/g, '_');
  if (key === 'notify' || key === 'notification' || key === 'reach_ack') return { ignore: 'a notification to a responder' };
  const verb = VERBS[key];
  return verb ? { verb } : undefined;
}

export const PAGERDUTY_CSV: AlertVocabulary = { name: 'The PagerDuty CSV', classify };

/** Whether parsed JSON is PagerDuty log entries. */
export function isPagerDutyJson(data: unknown): boolean {
  const list = entriesOf(data);
  return list !== undefined && list.slice(0, 20).some((e) => e && typeof e === 'object' && /_log_entry$/.test(String((e as Record<string, unknown>)['type'])));
}

function entriesOf(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    const r = data as Record<string, unknown>;
    if (Array.isArray(r['log_entries'])) return r['log_entries'];
    if (r['log_entry'] && typeof r['log_entry'] === 'object') return [r['log_entry']];
  }
  return undefined;
}

const summaryOf = (v: unknown): string | undefined => {
  if (v && typeof v === 'object') {
    const s = (v as Record<string, unknown>)['summary'];
    return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
  }
  return undefined;
};

export function parsePagerDutyJson(text: string, clock: Clock, out: Collector, name = 'The PagerDuty JSON'): void {
  const list = entriesOf(parseJson(text, name));
  if (!list) throw new ImportError(`${name} has no "log_entries" array: export the incident's log entries (GET /incidents/{id}/log_entries).`);
  list.forEach((item, i) => {
    const record = i + 1;
    if (!item || typeof item !== 'object') {
      out.unread(record, String(JSON.stringify(item)), 'not a log entry object');
      return;
    }
    const e = item as Record<string, unknown>;
    const type = typeof e['type'] === 'string' ? e['type'] : '';
    const summary = typeof e['summary'] === 'string' ? e['summary'].trim() : '';
    const preview = summary || jsonPreview(e);
    const kind = classify(type);
    if (kind?.ignore) {
      out.ignore(record, preview, kind.ignore);
      return;
    }
    const when = typeof e['created_at'] === 'string' ? readTime(e['created_at'], clock, record) : undefined;
    if (when === undefined) {
      out.unread(record, preview, 'no valid "created_at" time');
      return;
    }
    const note = type === 'annotate_log_entry' ? summaryOf(e['channel']) : undefined;
    let body = summary || kind?.verb || type;
    if (note && !body.includes(note)) body = `${body}: ${note}`;
    const incident = summaryOf(e['incident']);
    if (type === 'trigger_log_entry' && incident && !body.includes(incident)) body = `${body}: ${incident}`;
    if (body === '') {
      out.unread(record, preview, 'a log entry with no type or summary');
      return;
    }
    const agent = summaryOf(e['agent']);
    const milestone = milestoneOfVerb(kind?.verb);
    out.entries.push({ epochMs: when, ...(agent && !body.includes(agent) ? { author: agent } : {}), text: body, line: record, ...(milestone ? { milestone } : {}) });
  });
}

export function parsePagerDutyCsv(text: string, clock: Clock, out: Collector): void {
  parseAlertCsv(text, clock, out, PAGERDUTY_CSV);
}
