// Durations between milestones: time to detect, acknowledge, mitigate and resolve, and the impact window. Computed
// from instants (zones and daylight saving applied in parse.ts), never from wall-clock differences.
import type { PostmortemModel } from '../model/model';
import { MILESTONE_IDS, parseMilestones, type MilestoneId } from './parse';
import { formatDuration } from './format';

export { formatDuration };

export type DurationId = 'ttd' | 'tta' | 'ttm' | 'ttr' | 'impact';
export const DURATION_IDS: readonly DurationId[] = ['ttd', 'tta', 'ttm', 'ttr', 'impact'];

/** Where TTM and TTR are measured from: the start of the incident (default) or its detection. */
export type DurationOrigin = 'started' | 'detected';

export interface DurationSpec {
  readonly id: DurationId;
  readonly name: string;
  readonly from: MilestoneId;
  readonly to: MilestoneId;
}

/** The definitions, for an origin. TTD and TTA never depend on it; the impact window is always started → mitigated. */
export function durationSpecs(origin: DurationOrigin = 'started'): readonly DurationSpec[] {
  return [
    { id: 'ttd', name: 'time to detect', from: 'started', to: 'detected' },
    { id: 'tta', name: 'time to acknowledge', from: 'detected', to: 'acknowledged' },
    { id: 'ttm', name: 'time to mitigate', from: origin, to: 'mitigated' },
    { id: 'ttr', name: 'time to resolve', from: origin, to: 'resolved' },
    { id: 'impact', name: 'impact window', from: 'started', to: 'mitigated' },
  ];
}

export interface Duration extends DurationSpec {
  readonly ms: number;
  /** "2 h 05 min" */
  readonly text: string;
}

export interface Metrics {
  readonly origin: DurationOrigin;
  /** Each milestone used, as an ISO 8601 UTC instant, with where it was written. */
  readonly milestones: Partial<Record<MilestoneId, { readonly at: string; readonly source: 'front-matter' | 'timeline'; readonly line: number }>>;
  /** Durations whose two milestones are known and in order (a negative one is a milestone-order finding instead). */
  readonly durations: Partial<Record<DurationId, Duration>>;
}

/** Every duration whose milestones are known, negative ones included. */
export function rawDurations(model: PostmortemModel, origin: DurationOrigin = 'started'): Duration[] {
  const { used } = parseMilestones(model);
  return durationsBetween(origin, (id) => used[id]?.epochMs);
}

/**
 * The durations between milestone instants (epoch ms, undefined when not given), negative ones included: the one
 * loop behind rawDurations and the catalogue's metrics rebuilt from its cache.
 */
export function durationsBetween(origin: DurationOrigin, epochOf: (id: MilestoneId) => number | undefined): Duration[] {
  const out: Duration[] = [];
  for (const spec of durationSpecs(origin)) {
    const a = epochOf(spec.from);
    const b = epochOf(spec.to);
    if (a === undefined || b === undefined || spec.from === spec.to || !Number.isFinite(b - a)) continue;
    out.push({ ...spec, ms: b - a, text: formatDuration(b - a) });
  }
  return out;
}

/** The analysis' metrics: milestones and the durations that can be trusted. */
/** Metrics per model and origin: analyze, the follow-up rules and the catalogue ask for the same model's. */
const metricsCache = new WeakMap<PostmortemModel, Map<DurationOrigin, Metrics>>();

export function computeMetrics(model: PostmortemModel, origin: DurationOrigin = 'started'): Metrics {
  let byOrigin = metricsCache.get(model);
  if (!byOrigin) metricsCache.set(model, (byOrigin = new Map()));
  let metrics = byOrigin.get(origin);
  if (!metrics) byOrigin.set(origin, (metrics = metricsOf(model, origin)));
  return metrics;
}

function metricsOf(model: PostmortemModel, origin: DurationOrigin): Metrics {
  const { used } = parseMilestones(model);
  const milestones: Record<string, { at: string; source: 'front-matter' | 'timeline'; line: number }> = {};
  for (const id of MILESTONE_IDS) {
    const m = used[id];
    if (m?.epochMs !== undefined) milestones[id] = { at: new Date(m.epochMs).toISOString(), source: m.source, line: m.range.start.line };
  }
  const durations: Partial<Record<DurationId, Duration>> = {};
  for (const d of rawDurations(model, origin)) if (d.ms >= 0) durations[d.id] = d;
  return { origin, milestones, durations };
}

/** The CodeLens line: "Detected after 12 min · Mitigated after 47 min · Resolved after 2 h 05 min". */
export function durationSummary(metrics: Metrics): string {
  const d = metrics.durations;
  const parts: string[] = [];
  const after = metrics.origin === 'detected' ? 'after detection' : 'after';
  if (d.ttd) parts.push(`Detected after ${d.ttd.text}`);
  if (d.tta) parts.push(`Acknowledged ${d.tta.text} after detection`);
  if (d.ttm) parts.push(`Mitigated ${after === 'after' ? `after ${d.ttm.text}` : `${d.ttm.text} after detection`}`);
  if (d.ttr) parts.push(`Resolved ${after === 'after' ? `after ${d.ttr.text}` : `${d.ttr.text} after detection`}`);
  return parts.join(' · ');
}
