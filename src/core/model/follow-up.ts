// Follow-ups: an action item's due date, whether it is done, overdue or due soon, and the follow-up policy's deadline
// (days from the incident date per severity, as Atlassian gives priority actions 4 or 8 weeks). Read one way by the
// rules (action-item-deadline, action-item-overdue), the catalogue and the CLI ledger. "Today" is always given by the
// caller (a YYYY-MM-DD string): the core never reads the clock, so tests never depend on it.
import type { IncidentSeverity, PostmortemConfig } from '../config/config';
import type { PostmortemModel } from './model';
import type { Metrics } from '../milestones/durations';
import { actionItemFields, type ActionItemFields } from './action-items';
import { exportedActionItems } from '../authoring/export';
import { parseStamp } from '../timeline/stamp';
import { parseTimeline, stampText } from '../timeline/parse';
import { severityKey } from './frontmatter-values';

export const DAY_MS = 86_400_000;
/** An open item due within this many days from today (inclusive) is "due soon". */
export const DUE_SOON_DAYS = 7;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds at UTC midnight of a YYYY-MM-DD day, or undefined when it is not a real day. */
export function dayMs(day: string): number | undefined {
  const m = ISO_DAY.exec(day);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms : undefined;
}

/** YYYY-MM-DD of a UTC instant. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string | undefined {
  const ms = dayMs(day);
  return ms === undefined ? undefined : isoDay(ms + days * DAY_MS);
}

/** Days from `a` to `b` (both YYYY-MM-DD), or undefined. */
export function daysBetween(a: string, b: string): number | undefined {
  const x = dayMs(a);
  const y = dayMs(b);
  return x === undefined || y === undefined ? undefined : Math.round((y - x) / DAY_MS);
}

/**
 * A written date as YYYY-MM-DD: a YAML/TOML date, or text in the forms timeline stamps take (`2026-11-01`,
 * `2026/11/01`, `Nov 1, 2026`, `1 November 2026`, an ISO date-time). A date without a year takes `yearOf`'s year, or
 * the next year when that would put it before `yearOf` (a due date written "Dec 3" after a November incident).
 */
export function writtenDay(value: unknown, yearOf?: string): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoDay(value.getTime());
  if (typeof value !== 'string' || value.length > 200) return undefined;
  const stamp = parseStamp(value.trim());
  const date = stamp?.date;
  if (!date) return undefined;
  if (date.year !== undefined) {
    const ms = Date.UTC(date.year, date.month - 1, date.day);
    return date.year >= 1970 && date.year < 10000 ? isoDay(ms) : undefined;
  }
  const base = yearOf === undefined ? undefined : dayMs(yearOf);
  if (base === undefined) return undefined;
  const year = new Date(base).getUTCFullYear();
  let ms = Date.UTC(year, date.month - 1, date.day);
  if (ms < base) ms = Date.UTC(year + 1, date.month - 1, date.day);
  return isoDay(ms);
}

/** A date at the start of a file name or folder name: `2026-11-01-db-outage.md`, `2026/11/01/…`. */
const PATH_DATE = /(?:^|[/\\_-])(\d{4})[-_/.](\d{2})[-_/.](\d{2})(?=$|\D)/;
/** A date inside a title: ISO, or US month-day-year (`Website Outage 5-26-21`, `3/4/2024`). */
const TITLE_ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const TITLE_US = /\b(\d{1,2})[-/](\d{1,2})[-/](\d{4}|\d{2})\b/;
/** A metadata line near the top: `Date: 2022-01-25`, `**Incident date:** January 5, 2022`, `| Date | … |`. */
const DATE_LINE = /^\s*(?:[-*]\s+|\|\s*)?[*_]{0,2}(?:incident date|date of (?:the )?incident|date)[*_]{0,2}\s*[:|]/i;

const dayOf = (y: number, m: number, d: number): string | undefined => {
  const day = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return y >= 1970 && dayMs(day) !== undefined ? day : undefined;
};

/** A date written in a title: at its start in any stamp form, or ISO or US month-day-year within it. */
function titleDay(title: string): string | undefined {
  const start = writtenDay(title.slice(0, 60));
  if (start) return start;
  const iso = TITLE_ISO.exec(title);
  if (iso) return dayOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const us = TITLE_US.exec(title);
  if (!us) return undefined;
  const year = us[3]!.length === 2 ? 2000 + Number(us[3]) : Number(us[3]);
  const a = Number(us[1]);
  const b = Number(us[2]);
  return a > 12 ? dayOf(year, b, a) : dayOf(year, a, b);
}

/**
 * The day of the incident: the front matter's `date`, else the day the incident started (front matter `incident` or
 * labelled timeline entries), else a date line near the top (`Date: …`), a date in the title, the first timeline
 * entry that writes a date with its year, or a date in the file's path.
 */
export function incidentDay(model: PostmortemModel, metrics: Metrics | undefined, path?: string): string | undefined {
  const fm = model.frontMatter?.data ?? {};
  const written = writtenDay(fm['date']);
  if (written) return written;
  const started = metrics?.milestones.started?.at ?? metrics?.milestones.detected?.at;
  if (started) return started.slice(0, 10);
  const first = model.frontMatter ? model.frontMatter.range.end.line + 1 : 0;
  for (let l = first; l < Math.min(model.lines.length, first + 40); l++) {
    const line = model.lines[l]!;
    if (line.length > 120) continue;
    const m = DATE_LINE.exec(line);
    const day = m ? writtenDay(trimMarks(line.slice(m[0].length))) : undefined;
    if (day) return day;
  }
  const title = model.title?.text ?? model.headings[0]?.text;
  const fromTitle = title === undefined ? undefined : titleDay(title);
  if (fromTitle) return fromTitle;
  const items = parseTimeline(model);
  for (let i = 0; i < Math.min(items.length, 50); i++) {
    const time = items[i]!.time;
    if (!time?.hasDate) continue;
    const date = parseStamp(stampText(model, time))?.date;
    if (date?.year !== undefined) {
      const day = dayOf(date.year, date.month, date.day);
      if (day) return day;
    }
  }
  const m = path === undefined ? null : PATH_DATE.exec(path);
  if (m) {
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    if (dayMs(day) !== undefined) return day;
  }
  return undefined;
}

const squash = severityKey;

/**
 * The front matter's severity, as the configured id when it names one in another spelling (`sev-1`, `Sev 1`, `1`
 * for SEV1), else as written; undefined when absent.
 */
export function severityOf(model: PostmortemModel, severities: readonly IncidentSeverity[]): string | undefined {
  const raw = model.frontMatter?.data['severity'];
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
  if (text === undefined || text === '' || text.length > 100) return undefined;
  const s = squash(text);
  const match = severities.find((v) => squash(v.id) === s) ?? (/^\d+$/.test(s) ? severities.find((v) => squash(v.id).replace(/^\D+/, '') === s) : undefined);
  return match?.id ?? text;
}

/** Days the policy gives a severity (matched as severityOf matches), or undefined. */
export function policyDays(config: PostmortemConfig, severity: string | undefined): number | undefined {
  if (severity === undefined) return undefined;
  const own = Object.prototype.hasOwnProperty.call(config.followUpPolicy, severity) ? config.followUpPolicy[severity] : undefined;
  if (own !== undefined) return own;
  const s = squash(severity);
  for (const [key, days] of Object.entries(config.followUpPolicy)) if (squash(key) === s) return days;
  return undefined;
}

const DONE_CELL = /^(?:\[x\]|done|closed|complete|completed|resolved|fixed|shipped|merged|finished|yes|✅|[✔☑]\uFE0F?)$/i;
const LIST_CHECKBOX = /^(\s*(?:[-*+]|\d+[.)])\s+)\[([ x])\]/i;

/** Where an item's checkbox is: the character of `[` on its first line, and whether it is ticked. */
export function checkboxOf(line: string): { character: number; checked: boolean } | undefined {
  const m = LIST_CHECKBOX.exec(line);
  return m ? { character: m[1]!.length, checked: m[2] !== ' ' } : undefined;
}

/**
 * Whether an item is done: a ticked checkbox (`- [x]`), a row whose cell says done (`[x]`, Done, Closed, ✅…), or a
 * list item marked ✅ or struck through whole.
 */
export function itemDone(item: ActionItemFields): boolean {
  const entry = item.entry;
  const first = entry.lines[0] ?? '';
  if (entry.kind === 'row') {
    const cells = entry.text.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
    return cells.some((c) => c.length < 40 && DONE_CELL.test(stripEmphasis(c.trim())));
  }
  const box = checkboxOf(first);
  if (box) return box.checked;
  const text = entry.text.trim();
  if (/^[✅✔☑]/.test(text) || /\((?:done|closed|completed?)\)$/i.test(text)) return true;
  // Struck through whole: "~~Fix it~~" or "~~Fix it~~." (read without a pattern that backtracks on a run of "~").
  const body = text.endsWith('.') ? text.slice(0, -1) : text;
  return body.length > 4 && body.startsWith('~~') && body.endsWith('~~');
}

/** The text without white space, emphasis marks or table pipes around it. */
function trimMarks(s: string): string {
  const mark = (c: string | undefined) => c === '*' || c === '_' || c === '|' || (c !== undefined && c.trim() === '');
  let a = 0;
  let b = s.length;
  while (a < b && mark(s[a])) a++;
  while (b > a && mark(s[b - 1])) b--;
  return s.slice(a, b);
}

/** The text without emphasis, strike or code marks around it ("**Done**", "~~open~~"). */
function stripEmphasis(s: string): string {
  const mark = (c: string | undefined) => c === '*' || c === '_' || c === '~' || c === '`';
  let a = 0;
  let b = s.length;
  while (a < b && mark(s[a])) a++;
  while (b > a && mark(s[b - 1])) b--;
  return s.slice(a, b);
}

/** An action item's follow-up state. */
export interface FollowUp {
  readonly item: ActionItemFields;
  readonly done: boolean;
  /** The due date as YYYY-MM-DD, when the item gives one that reads as a date. */
  readonly dueDay: string | undefined;
  /** The policy's deadline for the post-mortem (incident day + days for its severity), when a policy applies. */
  readonly deadline: string | undefined;
  /** The due date lies after the policy's deadline. */
  readonly beyondPolicy: boolean;
  /** Open, and today is after its due date (or, without one, after the policy's deadline). Undefined without today. */
  readonly overdue: boolean | undefined;
  /** Open, not overdue, and due within DUE_SOON_DAYS. Undefined without today. */
  readonly dueSoon: boolean | undefined;
}

export interface FollowUpContext {
  readonly config: PostmortemConfig;
  /** YYYY-MM-DD; without it nothing is overdue or due soon. */
  readonly today?: string | undefined;
  readonly metrics?: Metrics | undefined;
  readonly path?: string | undefined;
  /** Every item (rules), or only those worth exporting (catalogue and ledger, default). */
  readonly allItems?: boolean;
}

/**
 * Whether an item due on `effective` (its due date, else the policy's deadline) is overdue or due within
 * DUE_SOON_DAYS on the day `todayMs`; a done item is neither.
 */
export function dueFlags(effective: string | undefined, done: boolean, todayMs: number): { overdue: boolean; dueSoon: boolean } {
  const ms = effective === undefined ? undefined : dayMs(effective);
  const overdue = !done && ms !== undefined && ms < todayMs;
  return { overdue, dueSoon: !done && !overdue && ms !== undefined && ms - todayMs <= DUE_SOON_DAYS * DAY_MS };
}

/** The follow-up state of each action item (placeholders and the template's example item left out unless allItems). */
export function followUps(model: PostmortemModel, context: FollowUpContext): FollowUp[] {
  const { config, today } = context;
  const items = context.allItems ? actionItemFields(model, config.actionItems.ticketPattern) : exportedActionItems(model, config.actionItems.ticketPattern);
  if (items.length === 0) return [];
  const incident = incidentDay(model, context.metrics, context.path);
  const days = policyDays(config, severityOf(model, config.severities));
  const deadline = incident !== undefined && days !== undefined ? addDays(incident, days) : undefined;
  const todayMs = today === undefined ? undefined : dayMs(today);
  return items.map((item) => {
    const done = itemDone(item);
    const dueDay = item.due === undefined ? undefined : writtenDay(item.due, incident);
    const beyondPolicy = deadline !== undefined && dueDay !== undefined && dueDay > deadline;
    const flags = todayMs === undefined ? undefined : dueFlags(dueDay ?? deadline, done, todayMs);
    return { item, done, dueDay, deadline, beyondPolicy, overdue: flags?.overdue, dueSoon: flags?.dueSoon };
  });
}
