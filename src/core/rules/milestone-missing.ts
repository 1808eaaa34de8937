// milestone-missing: a milestone the team requires (default: started, detected, mitigated, resolved) is given
// neither in the front matter nor as a timeline label. A completeness rule: its level follows the status.
import { MILESTONE_LABEL, parseMilestones } from '../milestones';
import { sectionsFor } from '../model/model';
import { range } from '../model/text';
import type { Rule } from './types';

export const milestoneMissing: Rule = {
  code: 'milestone-missing',
  defaultLevel: 'auto',
  completeness: true,
  description: 'A required milestone is not given.',
  docs: 'milestone-missing',
  run({ model, config, report }) {
    const { all } = parseMilestones(model);
    const given = new Set(all.map((m) => m.id));
    const missing = config.milestones.required.filter((id) => !given.has(id));
    if (missing.length === 0) return;
    const timeline = sectionsFor(model, 'timeline')[0];
    const at = timeline?.heading.range ?? model.title?.range ?? range(0, 0, 0, (model.lines[0] ?? '').length);
    const list = missing.map((id) => `\`${id}:\``).join(', ');
    const labels = missing.map((id) => `**${MILESTONE_LABEL[id]}:**`).join(', ');
    report({
      message: `No ${missing.length === 1 ? `${missing[0]} time` : `times for ${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`}: add ${list} to the front matter, or label the timeline entries ${labels}.`,
      range: at,
      data: { milestones: missing },
    });
  },
};
