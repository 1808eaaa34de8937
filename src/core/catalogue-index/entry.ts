// One post-mortem in the catalogue: what the workspace index, the views, the dashboard and `postmortem report` keep
// per file. Built from the same model, classification, milestones and action-item fields as the analysis (no second
// parser), and small: strings and numbers, no model, so 10,000 entries fit in a few megabytes.
import { clipText } from '../model/text';
import type { SectionId } from '../model/catalogue';
import { DEFAULT_CONFIG, type PostmortemConfig } from '../config/config';
import { matcherFor } from '../analyze';
import { classifyModel } from '../model/classify';
import { buildModel, type PostmortemModel } from '../model/model';
import { computeMetrics, durationsBetween, type Duration, type DurationId, type DurationOrigin, type Metrics } from '../milestones/durations';
import type { MilestoneId } from '../milestones/parse';
import { sectionProgress } from '../model/progress';
import { normaliseStatus } from '../model/status';
import { checkboxOf, dayMs, dueFlags, followUps, incidentDay, severityOf, writtenDay } from '../model/follow-up';

export interface CatalogueAction {
  /** The item's summary (owner, ticket and due date taken out). */
  readonly text: string;
  readonly owner?: string;
  readonly ticket?: string;
  /** The due date as written ("2026-12-01", "next sprint"). */
  readonly due?: string;
  /** The due date as YYYY-MM-DD, when it reads as a date. */
  readonly dueDate?: string;
  /** The follow-up policy's deadline (incident date + days for the severity), when a policy applies. */
  readonly deadline?: string;
  readonly done: boolean;
  /** 0-based line of the item's first line. */
  readonly line: number;
  /** The character of the `[` of a list item's checkbox, for toggling it. */
  readonly checkbox?: number;
  /** Open and past its due date (or, without one, past the policy's deadline), as of the summary's today. */
  readonly overdue?: boolean;
  /** Open and due within DUE_SOON_DAYS. */
  readonly dueSoon?: boolean;
  /** The due date lies after the policy's deadline. */
  readonly beyondPolicy?: boolean;
}

export interface CatalogueEntry {
  /** As given to summarise: relative to the workspace folder or project root, forward slashes. */
  readonly path: string;
  readonly title: string;
  /** The incident's day, YYYY-MM-DD (front matter date, else when it started, else a date in the path). */
  readonly date?: string;
  readonly severity?: string;
  /** draft, in-review or final when understood; otherwise as written. */
  readonly status?: string;
  /** The day the post-mortem was finalised (front matter `finalised`, `published`, `approved` or `reviewed`). */
  readonly finalDate?: string;
  readonly template: boolean;
  /** Required sections: with content, present but empty, missing (catalogue order). */
  readonly completeness: { readonly present: readonly SectionId[]; readonly empty: readonly SectionId[]; readonly missing: readonly SectionId[] };
  readonly metrics?: Metrics;
  readonly actions: readonly CatalogueAction[];
  /** Notes about the file (unreadable, too large, front matter not valid…). */
  readonly problems?: readonly string[];
}

export interface SummariseOptions {
  readonly config?: PostmortemConfig;
  /** YYYY-MM-DD, for overdue and due soon; without it neither is set. Never read from the clock here. */
  readonly today?: string | undefined;
  /** Treat the file as a post-mortem whatever its markers (a file named on the command line with --all). */
  readonly force?: boolean;
  /**
   * false: keep the strings cut from the text instead of copying the entry (see detached). Only for an entry that is
   * copied anyway, such as one a worker thread posts (postMessage copies every string); the values are the same.
   */
  readonly detach?: boolean;
}

/** Front-matter keys giving the day a post-mortem was finalised, most specific first. */
const FINAL_KEYS = ['finalised', 'finalized', 'final', 'published', 'approved', 'reviewed'];
const MAX_TITLE = 300;

/** The catalogue entry of a file, or undefined when it is not a post-mortem (or template) as the analysis decides. */
export function summarise(text: string, path: string, options: SummariseOptions = {}): CatalogueEntry | undefined {
  const config = options.config ?? DEFAULT_CONFIG;
  const model = buildModel(text, { matcher: matcherFor(config) });
  const c = classifyModel(model, path, { config });
  if (!options.force && !c.isPostmortem) return undefined;
  return summariseModel(model, path, { ...options, config, template: c.isTemplate });
}

/** summarise() on a model already built and classified (the editor's analysis keeps one per open document). */
export function summariseModel(model: PostmortemModel, path: string, options: SummariseOptions & { readonly template: boolean }): CatalogueEntry {
  const config = options.config ?? DEFAULT_CONFIG;
  const metrics = computeMetrics(model, config.milestones.origin);
  const fm = model.frontMatter?.data ?? {};
  const date = incidentDay(model, metrics, path);
  const severity = severityOf(model, config.severities);
  const rawStatus = fm['status'];
  const status = normaliseStatus(rawStatus) ?? (typeof rawStatus === 'string' && rawStatus.trim() !== '' ? rawStatus.trim().slice(0, 100) : undefined);
  let finalDate: string | undefined;
  for (const key of FINAL_KEYS) if ((finalDate = writtenDay(fm[key], date))) break;
  const progress = sectionProgress(model, config.requiredSections);
  const present = config.requiredSections.filter((id) => !progress.missing.includes(id) && !progress.empty.includes(id));
  const actions: CatalogueAction[] = options.template
    ? []
    : followUps(model, { config, today: options.today, metrics, path }).map((f) => {
        const line = f.item.entry.range.start.line;
        const box = f.item.entry.kind === 'item' ? checkboxOf(model.lines[line] ?? '') : undefined;
        return compact<CatalogueAction>({
          text: clipText(f.item.summary.replace(/^\s*\[[ x]\]\s*/i, ''), 500, '…'),
          owner: f.item.owner === undefined ? undefined : clipText(f.item.owner, 100, '…'),
          ticket: f.item.ticket === undefined ? undefined : clipText(f.item.ticket, 300, '…'),
          due: f.item.due === undefined ? undefined : clipText(f.item.due, 100, '…'),
          dueDate: f.dueDay,
          deadline: f.deadline,
          done: f.done,
          line,
          checkbox: box?.character,
          overdue: f.overdue || undefined,
          dueSoon: f.dueSoon || undefined,
          beyondPolicy: f.beyondPolicy || undefined,
        });
      });
  const problems = model.frontMatter?.errors.length ? [`Front matter: ${model.frontMatter.errors[0]!.message}`] : undefined;
  const hasMetrics = Object.keys(metrics.milestones).length > 0;
  const entry = compact<CatalogueEntry>({
    path,
    title: titleOf(model, path),
    date,
    severity,
    status,
    finalDate,
    template: options.template,
    completeness: { present, empty: progress.empty, missing: progress.missing },
    metrics: hasMetrics ? metrics : undefined,
    actions,
    problems,
  });
  return options.detach === false ? entry : detached(entry);
}

/**
 * A deep copy made of fresh strings: an entry outlives its document, and a string cut from the text (an owner, a
 * title) can keep the whole text alive in the engine. 10,000 entries then hold only their own few hundred bytes.
 */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The entry's today-dependent flags (overdue, due soon) for another day, without reading the file again: the index
 * refreshes them at midnight, and a cached entry gets them for the day it is loaded.
 */
export function withToday(entry: CatalogueEntry, today: string | undefined): CatalogueEntry {
  const todayMs = today === undefined ? undefined : dayMs(today);
  return {
    ...entry,
    actions: entry.actions.map((a) => {
      const { overdue, dueSoon } = todayMs === undefined ? { overdue: false, dueSoon: false } : dueFlags(a.dueDate ?? a.deadline, a.done, todayMs);
      const next: { -readonly [K in keyof CatalogueAction]: CatalogueAction[K] } = { ...a };
      delete next.overdue;
      delete next.dueSoon;
      if (overdue) next.overdue = true;
      if (dueSoon) next.dueSoon = true;
      return next;
    }),
  };
}

/** The title: front matter, else the document's title heading, else its first heading, else the file name. */
function titleOf(model: PostmortemModel, path: string): string {
  const fm = model.frontMatter?.data['title'];
  const t = (typeof fm === 'string' && fm.trim() !== '' ? fm : undefined) ?? model.title?.text ?? model.headings[0]?.text;
  const text = t?.replace(/\s+/g, ' ').trim();
  if (text) return clipText(text, MAX_TITLE, '…');
  const base = path.replace(/\\/g, '/').split('/').pop() ?? path;
  return clipText(base.replace(/\.(?:md|markdown|mdx|txt)$/i, ''), MAX_TITLE, '…');
}


/** The object without its undefined properties (smaller in memory and in the cache). */
function compact<T extends object>(o: { [K in keyof T]-?: T[K] | undefined }): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o as T;
}

/** Metrics again from milestone instants (the cache keeps only those): durations as computeMetrics gives them. */
export function metricsFromMilestones(origin: DurationOrigin, milestones: Metrics['milestones']): Metrics {
  const durations: Partial<Record<DurationId, Duration>> = {};
  const epochOf = (id: MilestoneId): number | undefined => {
    const at = milestones[id]?.at;
    return at === undefined ? undefined : Date.parse(at);
  };
  for (const d of durationsBetween(origin, epochOf)) if (d.ms >= 0) durations[d.id] = d;
  return { origin, milestones, durations };
}

export type { MilestoneId };
