// What the timeline figure shows, from the model: each placed entry (instant and raw text), the milestones, the impact
// window and the durations line. Cheap after the analysis: it reads the cached timeline and milestones.
import type { PostmortemModel } from '../model/model';
import { parseTimeline } from '../timeline';
import { computeMetrics, durationSummary, type DurationOrigin } from './durations';
import { MILESTONE_IDS, documentZone, entryInstant, parseMilestones, type MilestoneId } from './parse';

export interface FigureData {
  /** Entries with a placed time, in document order; `text` is the entry's first line after its timestamp. */
  readonly points: ReadonlyArray<{ readonly at: number; readonly text: string }>;
  readonly milestones: ReadonlyArray<{ readonly id: MilestoneId; readonly at: number }>;
  readonly impact?: { readonly from: number; readonly to: number };
  /** "Detected after 12 min · …", or '' without durations. */
  readonly summary: string;
}

export function timelineFigureData(model: PostmortemModel, origin: DurationOrigin = 'started'): FigureData {
  const zone = documentZone(model);
  const points: Array<{ at: number; text: string }> = [];
  for (const item of parseTimeline(model)) {
    if (item.blank || !item.time) continue;
    const at = entryInstant(item, zone).epochMs;
    if (at === undefined) continue;
    points.push({ at, text: (item.entry.lines[0] ?? '').slice(item.time.range.end.character) });
  }
  const { used } = parseMilestones(model);
  const milestones: Array<{ id: MilestoneId; at: number }> = [];
  for (const id of MILESTONE_IDS) {
    const at = used[id]?.epochMs;
    if (at !== undefined) milestones.push({ id, at });
  }
  const metrics = computeMetrics(model, origin);
  const started = used.started?.epochMs;
  const mitigated = used.mitigated?.epochMs;
  return {
    points,
    milestones,
    ...(metrics.durations.impact && started !== undefined && mitigated !== undefined ? { impact: { from: started, to: mitigated } } : {}),
    summary: durationSummary(metrics),
  };
}
