// milestone-order: milestones out of order (started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved), which would
// make a duration negative. Reported on the later milestone that comes too early.
import { MILESTONE_IDS, MILESTONE_LABEL, formatDuration, parseMilestones, type Milestone } from '../milestones';
import type { Rule } from './types';

function when(m: Milestone): string {
  return new Date(m.epochMs!).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export const milestoneOrder: Rule = {
  code: 'milestone-order',
  defaultLevel: 'warning',
  description: 'Milestones out of order: a duration would be negative.',
  docs: 'milestone-order',
  run({ model, report }) {
    const { used } = parseMilestones(model);
    let latest: Milestone | undefined;
    for (const id of MILESTONE_IDS) {
      const m = used[id];
      if (m?.epochMs === undefined) continue;
      if (latest && m.epochMs < latest.epochMs!) {
        report({
          message: `${MILESTONE_LABEL[id]} (${when(m)}) is ${formatDuration(latest.epochMs! - m.epochMs)} before ${MILESTONE_LABEL[latest.id]} (${when(latest)}): milestones go started, detected, acknowledged, mitigated, resolved. Check the date, time and zone.`,
          range: m.range,
          data: { milestone: id, before: latest.id },
        });
        continue; // keep comparing with the latest milestone in order
      }
      latest = m;
    }
  },
};
