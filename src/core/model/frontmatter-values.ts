// Values the front matter's keys may take, for completions, and the nearest allowed value for a near miss ("SEV-2"
// for "SEV2"), for a quick fix. The schema and the configured severities are the source: nothing is listed twice.
import type { IncidentSeverity } from '../config/config';
import type { PostmortemModel } from './model';
import { STATUSES } from './status';
import { MILESTONE_IDS } from '../milestones/parse';

export interface ValueSuggestion {
  readonly value: string;
  readonly detail: string;
  /** Listed first. */
  readonly preferred?: boolean;
}

export interface ValueContext {
  /** The key on the cursor's line (`status`, `severity`, `date`, `incident.started`…). */
  readonly key: string;
  /** Where the value starts on the line (after `key:` and its spaces) and what is typed so far. */
  readonly start: number;
  readonly typed: string;
}

const STATUS_DETAIL: Record<(typeof STATUSES)[number], string> = {
  draft: 'Being written: completeness checks are hints.',
  'in-review': 'Ready for review: completeness checks are warnings.',
  final: 'Reviewed and published: completeness checks and blaming language are errors.',
};
const INCIDENT_TIMES: readonly string[] = MILESTONE_IDS;
const whenThe = (id: string) => (id === 'started' ? 'When the incident started' : `When the incident was ${id}`);

/** The key whose value the cursor is in, when the cursor is after `key:` on a YAML front-matter line; else undefined. */
export function frontMatterValueContext(model: PostmortemModel, line: number, character: number): ValueContext | undefined {
  const fm = model.frontMatter;
  if (!fm || fm.kind !== 'yaml' || line <= fm.range.start.line || line >= fm.range.end.line) return undefined;
  const text = model.lines[line] ?? '';
  const m = /^(\s*)([A-Z][\w-]*)[ \t]*:[ \t]*/i.exec(text);
  if (!m || character < m[0].length) return undefined;
  const indent = m[1]!.length;
  let key = m[2]!;
  if (indent > 0) {
    // A nested key: its parent is the nearest line above with less indentation.
    for (let l = line - 1; l > fm.range.start.line; l--) {
      const p = /^(\s*)([A-Z][\w-]*)[ \t]*:/i.exec(model.lines[l] ?? '');
      if (p && p[1]!.length < indent) {
        key = `${p[2]}.${key}`;
        break;
      }
    }
  }
  return { key, start: m[0].length, typed: text.slice(m[0].length, character) };
}

/**
 * What a key's value may be: `status` and `severity` their allowed values, `date` today, a milestone (`detected`,
 * `incident.detected`…) a date-time on the incident's day. `today` is YYYY-MM-DD and `now` HH:mm, both where the person is; `date` the front matter's.
 */
export function frontMatterValueSuggestions(key: string, options: { severities: readonly IncidentSeverity[]; today: string; now: string; date?: string }): ValueSuggestion[] {
  if (key === 'status') return STATUSES.map((s) => ({ value: s, detail: STATUS_DETAIL[s], preferred: s === 'draft' }));
  if (key === 'severity') return options.severities.map((s, i) => ({ value: s.id, detail: s.description, preferred: i === 0 }));
  if (key === 'date') return [{ value: options.today, detail: 'Today', preferred: true }];
  if (INCIDENT_TIMES.includes(key)) {
    const day = options.date ?? options.today;
    return [{ value: `${day} ${options.now} UTC`, detail: `${whenThe(key)} (UTC)`, preferred: true }];
  }
  const [parent, child] = key.split('.');
  if (parent === 'incident' && child && INCIDENT_TIMES.includes(child)) {
    const day = options.date ?? options.today;
    return [{ value: `${day}T${options.now}:00Z`, detail: `${whenThe(child)} (ISO 8601, UTC)`, preferred: true }];
  }
  return [];
}

/**
 * A severity as it is compared, letters and digits only, lower-case: "SEV-2", "sev 2" and "Sev2" are all "sev2". The
 * one rule for the front matter's near-miss hint, the follow-up policy and the catalogue.
 */
export const severityKey = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const squash = severityKey;

/** The configured severity a near miss means ("SEV-2", "sev2", "Sev 2" → "SEV2"), or undefined. */
export function nearestSeverity(value: string, severities: readonly IncidentSeverity[]): string | undefined {
  const wanted = squash(value);
  if (wanted === '') return undefined;
  const hits = severities.filter((s) => squash(s.id) === wanted);
  return hits.length === 1 && hits[0]!.id !== value ? hits[0]!.id : undefined;
}
