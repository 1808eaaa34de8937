// duration-mismatch: a duration stated in the Overview, Impact or Mitigation ("for 40 minutes", "a 3h outage") that
// disagrees with the timeline's milestones by more than the tolerance (20 %, at least 5 minutes).
import { formatDuration, rawDurations, statedDurations, type Duration } from '../milestones';
import { sectionsFor } from '../model/model';
import { sectionLines } from '../model/prose';
import { range } from '../model/text';
import type { Rule } from './types';

export const TOLERANCE_RATIO = 0.2;
export const TOLERANCE_MIN_MS = 5 * 60_000;

/** How far a stated figure (or range) is from a computed duration, beyond the tolerance; 0 when it agrees. */
export function mismatchMs(minMs: number, maxMs: number, actualMs: number): number {
  const tolerance = Math.max(TOLERANCE_RATIO * actualMs, TOLERANCE_MIN_MS);
  const gap = actualMs < minMs ? minMs - actualMs : actualMs > maxMs ? actualMs - maxMs : 0;
  return gap > tolerance ? gap : 0;
}

export const durationMismatch: Rule = {
  code: 'duration-mismatch',
  defaultLevel: 'warning',
  description: 'A duration in the prose disagrees with the timeline.',
  docs: 'duration-mismatch',
  run({ model, config, report }) {
    const computed = rawDurations(model, config.milestones.origin).filter((d) => d.ms >= 0);
    if (computed.length === 0) return;
    const byId = new Map(computed.map((d) => [d.id, d] as const));
    const sections = [...sectionsFor(model, 'overview'), ...sectionsFor(model, 'impact'), ...sectionsFor(model, 'mitigation')];
    const seen = new Set<number>();
    for (const section of sections) {
      for (const { line, text } of sectionLines(model, section)) {
        if (seen.has(line) || model.codeLines.has(line)) continue;
        seen.add(line);
        for (const stated of statedDurations(text)) {
          const candidates = stated.candidates.map((id) => byId.get(id)).filter((d): d is Duration => d !== undefined);
          if (candidates.length === 0) continue;
          const misses = candidates.map((d) => ({ d, gap: mismatchMs(stated.minMs, stated.maxMs, d.ms) }));
          if (misses.some((m) => m.gap === 0)) continue;
          const closest = misses.sort((a, b) => a.gap - b.gap)[0]!.d;
          report({
            message: `"${stated.text.trim()}" disagrees with the timeline: the ${closest.name} (${closest.from} → ${closest.to}) is ${closest.text}, not ${formatDuration(stated.minMs)}${stated.maxMs !== stated.minMs ? `–${formatDuration(stated.maxMs)}` : ''}.`,
            range: range(line, stated.start, line, stated.end),
            data: { duration: closest.id, statedMs: stated.minMs, timelineMs: closest.ms },
          });
        }
      }
    }
  },
};
