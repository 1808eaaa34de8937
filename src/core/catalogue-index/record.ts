// A catalogue entry as a compact, JSON-safe cache record (short keys, no derived data): the workspace index keeps one
// per file in workspace storage, keyed by the file's mtime and size, and reads it back instead of the file. Durations
// are computed again from the milestones, and overdue / due soon for the day the record is read.
import { isSectionId, type SectionId } from '../model/catalogue';
import { isMilestoneId } from '../milestones/parse';
import type { DurationOrigin, Metrics } from '../milestones/durations';
import { metricsFromMilestones, withToday, type CatalogueAction, type CatalogueEntry } from './entry';

/** Bump when the record's shape or the summary's meaning changes: records of another version are read again. */
export const RECORD_VERSION = 1;

export interface ActionRecord {
  /** text */
  x: string;
  /** done: 1 */
  k?: 1;
  /** line */
  l: number;
  o?: string;
  t?: string;
  /** due as written, due as a day, policy deadline */
  d?: string;
  dd?: string;
  dl?: string;
  /** checkbox character */
  c?: number;
  /** beyond the policy: 1 */
  bp?: 1;
}

export interface CatalogueRecord {
  v: number;
  t: string;
  d?: string;
  s?: string;
  st?: string;
  f?: string;
  tp?: 1;
  /** completeness: present, empty, missing */
  c: [string[], string[], string[]];
  /** milestones: origin, then id → [ISO instant, 'f' (front matter) or 't' (timeline), line] */
  o?: DurationOrigin;
  m?: Record<string, [string, 'f' | 't', number]>;
  a: ActionRecord[];
  p?: string[];
}

export function toRecord(entry: CatalogueEntry): CatalogueRecord {
  const r: CatalogueRecord = {
    v: RECORD_VERSION,
    t: entry.title,
    c: [[...entry.completeness.present], [...entry.completeness.empty], [...entry.completeness.missing]],
    a: entry.actions.map(actionRecord),
  };
  if (entry.date !== undefined) r.d = entry.date;
  if (entry.severity !== undefined) r.s = entry.severity;
  if (entry.status !== undefined) r.st = entry.status;
  if (entry.finalDate !== undefined) r.f = entry.finalDate;
  if (entry.template) r.tp = 1;
  if (entry.metrics) {
    r.o = entry.metrics.origin;
    r.m = {};
    for (const [id, m] of Object.entries(entry.metrics.milestones)) if (m) r.m[id] = [m.at, m.source === 'front-matter' ? 'f' : 't', m.line];
  }
  if (entry.problems?.length) r.p = [...entry.problems];
  return r;
}

function actionRecord(a: CatalogueAction): ActionRecord {
  const r: ActionRecord = { x: a.text, l: a.line };
  if (a.done) r.k = 1;
  if (a.owner !== undefined) r.o = a.owner;
  if (a.ticket !== undefined) r.t = a.ticket;
  if (a.due !== undefined) r.d = a.due;
  if (a.dueDate !== undefined) r.dd = a.dueDate;
  if (a.deadline !== undefined) r.dl = a.deadline;
  if (a.checkbox !== undefined) r.c = a.checkbox;
  if (a.beyondPolicy) r.bp = 1;
  return r;
}

const str = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown): boolean => v === undefined || typeof v === 'string';
const nat = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * The entry a record holds, with overdue and due soon as of `today`; undefined when the record is of another version
 * or malformed (a cache is read back, never trusted).
 */
export function fromRecord(path: string, record: unknown, today?: string): CatalogueEntry | undefined {
  if (!record || typeof record !== 'object') return undefined;
  const r = record as Partial<CatalogueRecord>;
  if (r.v !== RECORD_VERSION || !str(r.t) || !optStr(r.d) || !optStr(r.s) || !optStr(r.st) || !optStr(r.f)) return undefined;
  if (!Array.isArray(r.c) || r.c.length !== 3 || !r.c.every((l) => Array.isArray(l) && l.every(isSectionId))) return undefined;
  if (!Array.isArray(r.a)) return undefined;
  const actions: CatalogueAction[] = [];
  for (const a of r.a as unknown[]) {
    if (!a || typeof a !== 'object') return undefined;
    const x = a as Partial<ActionRecord>;
    if (!str(x.x) || !nat(x.l) || !optStr(x.o) || !optStr(x.t) || !optStr(x.d) || !optStr(x.dd) || !optStr(x.dl) || (x.c !== undefined && !nat(x.c))) return undefined;
    const action: { -readonly [K in keyof CatalogueAction]: CatalogueAction[K] } = { text: x.x, done: x.k === 1, line: x.l };
    if (x.o !== undefined) action.owner = x.o;
    if (x.t !== undefined) action.ticket = x.t;
    if (x.d !== undefined) action.due = x.d;
    if (x.dd !== undefined) action.dueDate = x.dd;
    if (x.dl !== undefined) action.deadline = x.dl;
    if (x.c !== undefined) action.checkbox = x.c;
    if (x.bp === 1) action.beyondPolicy = true;
    actions.push(action);
  }
  let metrics: Metrics | undefined;
  if (r.m !== undefined) {
    if (typeof r.m !== 'object' || r.m === null || (r.o !== 'started' && r.o !== 'detected')) return undefined;
    const milestones: Record<string, { at: string; source: 'front-matter' | 'timeline'; line: number }> = {};
    for (const [id, m] of Object.entries(r.m)) {
      if (!isMilestoneId(id) || !Array.isArray(m) || !str(m[0]) || (m[1] !== 'f' && m[1] !== 't') || !nat(m[2])) return undefined;
      milestones[id] = { at: m[0], source: m[1] === 'f' ? 'front-matter' : 'timeline', line: m[2] };
    }
    metrics = metricsFromMilestones(r.o, milestones);
  }
  if (r.p !== undefined && !(Array.isArray(r.p) && r.p.every(str))) return undefined;
  const entry: { -readonly [K in keyof CatalogueEntry]: CatalogueEntry[K] } = {
    path,
    title: r.t,
    template: r.tp === 1,
    completeness: { present: r.c[0] as SectionId[], empty: r.c[1] as SectionId[], missing: r.c[2] as SectionId[] },
    actions,
  };
  if (r.d !== undefined) entry.date = r.d;
  if (r.s !== undefined) entry.severity = r.s;
  if (r.st !== undefined) entry.status = r.st;
  if (r.f !== undefined) entry.finalDate = r.f;
  if (metrics) entry.metrics = metrics;
  if (r.p !== undefined) entry.problems = r.p;
  return withToday(entry, today);
}
