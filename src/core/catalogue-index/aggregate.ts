// The catalogue's figures: incidents per month and per severity, time to resolve (median and mean), the share of
// post-mortems final within 14 days, and the action-item ledger's counts per owner. Templates are left out.
import type { IncidentSeverity } from '../config/config';
import { daysBetween } from '../model/follow-up';
import type { CatalogueAction, CatalogueEntry } from './entry';

export interface DurationStats {
  /** Post-mortems with the duration. */
  readonly count: number;
  readonly medianMs?: number;
  readonly meanMs?: number;
}

export interface FinalShare {
  /** Final within the days. */
  readonly count: number;
  /** Post-mortems decided: final with a known final date, or not final and older than the days. */
  readonly of: number;
  /** count / of, or undefined when none is decided. */
  readonly share?: number;
}

export interface GroupStats {
  /** YYYY-MM, a severity id, or NO_SEVERITY / NO_DATE. */
  readonly key: string;
  readonly count: number;
  readonly ttd: DurationStats;
  readonly ttr: DurationStats;
  readonly finalWithin: FinalShare;
  readonly openActions: number;
  readonly overdueActions: number;
}

export interface MonthStats extends GroupStats {
  readonly bySeverity: Readonly<Record<string, number>>;
}

export interface OwnerStats {
  /** As written, or NO_OWNER. */
  readonly owner: string;
  readonly open: number;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly done: number;
}

export interface ActionCounts {
  readonly total: number;
  readonly open: number;
  readonly done: number;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly beyondPolicy: number;
  /** Open items without an owner, ticket or due date. */
  readonly noOwner: number;
  readonly noTicket: number;
  readonly noDue: number;
}

export interface CatalogueAggregate {
  /** Post-mortems (templates left out). */
  readonly total: number;
  readonly templates: number;
  readonly undated: number;
  readonly overall: GroupStats;
  /** Months in order, each with its count per severity; post-mortems without a date are left out. */
  readonly byMonth: readonly MonthStats[];
  /** The configured severities in their order, then others alphabetically, then NO_SEVERITY. */
  readonly bySeverity: readonly GroupStats[];
  /** Every severity key of bySeverity, in its order (the charts' series). */
  readonly severities: readonly string[];
  readonly actions: ActionCounts;
  /** Owners by open items, most first; NO_OWNER for open items without one. */
  readonly openActionsByOwner: readonly OwnerStats[];
  readonly finalWithinDays: number;
}

export interface AggregateOptions {
  /** The configured severities, for their order. */
  readonly severities?: readonly IncidentSeverity[];
  /** YYYY-MM-DD: a post-mortem not final after finalWithinDays counts against the share only once they passed. */
  readonly today?: string;
  /** Default 14. */
  readonly finalWithinDays?: number;
}

export const NO_SEVERITY = '(none)';
export const NO_DATE = '(undated)';
export const NO_OWNER = '(no owner)';

/** The median and mean of some numbers. */
export function stats(values: readonly number[]): DurationStats {
  if (values.length === 0) return { count: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  let sum = 0;
  for (const v of sorted) sum += v;
  return { count: sorted.length, medianMs, meanMs: sum / sorted.length };
}

/** Whether an entry was final within `days` of its incident: true, false, or undefined when not (yet) known. */
export function finalWithin(entry: CatalogueEntry, days: number, today: string | undefined): boolean | undefined {
  if (entry.date === undefined) return undefined;
  if (entry.status === 'final') {
    if (entry.finalDate === undefined) return undefined;
    const d = daysBetween(entry.date, entry.finalDate);
    return d === undefined ? undefined : d <= days;
  }
  if (today === undefined) return undefined;
  const since = daysBetween(entry.date, today);
  return since !== undefined && since > days ? false : undefined;
}

class Group {
  count = 0;
  ttd: number[] = [];
  ttr: number[] = [];
  finalYes = 0;
  finalOf = 0;
  open = 0;
  overdue = 0;

  add(e: CatalogueEntry, days: number, today: string | undefined): void {
    this.count++;
    const d = e.metrics?.durations;
    if (d?.ttd) this.ttd.push(d.ttd.ms);
    if (d?.ttr) this.ttr.push(d.ttr.ms);
    const f = finalWithin(e, days, today);
    if (f !== undefined) {
      this.finalOf++;
      if (f) this.finalYes++;
    }
    for (const a of e.actions) {
      if (a.done) continue;
      this.open++;
      if (a.overdue) this.overdue++;
    }
  }

  stats(key: string): GroupStats {
    const finalWithin: FinalShare = this.finalOf > 0 ? { count: this.finalYes, of: this.finalOf, share: this.finalYes / this.finalOf } : { count: 0, of: 0 };
    return { key, count: this.count, ttd: stats(this.ttd), ttr: stats(this.ttr), finalWithin, openActions: this.open, overdueActions: this.overdue };
  }
}

export function aggregate(entries: Iterable<CatalogueEntry>, options: AggregateOptions = {}): CatalogueAggregate {
  const days = options.finalWithinDays ?? 14;
  const today = options.today;
  const overall = new Group();
  const months = new Map<string, { group: Group; bySeverity: Record<string, number> }>();
  const severities = new Map<string, Group>();
  const owners = new Map<string, { open: number; overdue: number; dueSoon: number; done: number }>();
  const counts = { total: 0, open: 0, done: 0, overdue: 0, dueSoon: 0, beyondPolicy: 0, noOwner: 0, noTicket: 0, noDue: 0 };
  let total = 0;
  let templates = 0;
  let undated = 0;
  for (const e of entries) {
    if (e.template) {
      templates++;
      continue;
    }
    total++;
    overall.add(e, days, today);
    const severity = e.severity ?? NO_SEVERITY;
    let sg = severities.get(severity);
    if (!sg) severities.set(severity, (sg = new Group()));
    sg.add(e, days, today);
    if (e.date === undefined) undated++;
    else {
      const month = e.date.slice(0, 7);
      let m = months.get(month);
      if (!m) months.set(month, (m = { group: new Group(), bySeverity: {} }));
      m.group.add(e, days, today);
      m.bySeverity[severity] = (m.bySeverity[severity] ?? 0) + 1;
    }
    for (const a of e.actions) countAction(a, counts, owners);
  }
  const configured = (options.severities ?? []).map((s) => s.id);
  const severityKeys = [...severities.keys()].sort((a, b) => rank(a, configured) - rank(b, configured) || (a < b ? -1 : a > b ? 1 : 0));
  return {
    total,
    templates,
    undated,
    overall: overall.stats('all'),
    byMonth: [...months.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, m]) => ({ ...m.group.stats(key), bySeverity: m.bySeverity })),
    bySeverity: severityKeys.map((k) => severities.get(k)!.stats(k)),
    severities: severityKeys,
    actions: counts,
    openActionsByOwner: [...owners.entries()]
      .filter(([, o]) => o.open > 0)
      .map(([owner, o]) => ({ owner, ...o }))
      .sort((a, b) => b.open - a.open || b.overdue - a.overdue || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0)),
    finalWithinDays: days,
  };
}

function rank(key: string, configured: readonly string[]): number {
  if (key === NO_SEVERITY) return configured.length + 2;
  const i = configured.indexOf(key);
  return i >= 0 ? i : configured.length + 1;
}

function countAction(
  a: CatalogueAction,
  counts: { -readonly [K in keyof ActionCounts]: number },
  owners: Map<string, { open: number; overdue: number; dueSoon: number; done: number }>,
): void {
  counts.total++;
  const key = a.owner ?? NO_OWNER;
  let o = owners.get(key);
  if (!o) owners.set(key, (o = { open: 0, overdue: 0, dueSoon: 0, done: 0 }));
  if (a.done) {
    counts.done++;
    o.done++;
    return;
  }
  counts.open++;
  o.open++;
  if (a.overdue) {
    counts.overdue++;
    o.overdue++;
  }
  if (a.dueSoon) {
    counts.dueSoon++;
    o.dueSoon++;
  }
  if (a.beyondPolicy) counts.beyondPolicy++;
  if (a.owner === undefined) counts.noOwner++;
  if (a.ticket === undefined) counts.noTicket++;
  if (a.due === undefined) counts.noDue++;
}
