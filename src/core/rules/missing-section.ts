// missing-section: one finding per required section that no heading serves.
import { sectionSpec } from '../model/catalogue';
import { range } from '../model/text';
import type { Rule } from './types';

export const missingSection: Rule = {
  code: 'missing-section',
  defaultLevel: 'auto',
  completeness: true,
  description: 'A required section is absent.',
  docs: 'missing-section',
  run({ model, completeness, report }) {
    const at = model.title?.range ?? range(0, 0, 0, (model.lines[0] ?? '').length);
    for (const id of completeness.missing) {
      const spec = sectionSpec(id);
      report({
        message: `Missing section "${spec.title}": ${spec.guidance}`,
        range: at,
        data: { section: id },
      });
    }
  },
};
