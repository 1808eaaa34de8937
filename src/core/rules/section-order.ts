// section-order: sections out of the canonical order. Information only, off by default.
import { canonicalIndex, sectionSpec } from '../model/catalogue';
import type { Rule } from './types';

export const sectionOrder: Rule = {
  code: 'section-order',
  defaultLevel: 'off',
  description: 'Sections out of the canonical order.',
  docs: 'section-order',
  run({ model, report }) {
    let highest = -1;
    let highestTitle = '';
    const sections = model.sections;
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i]!;
      if (section.roles.length === 0) continue;
      const index = Math.min(...section.roles.map(canonicalIndex));
      if (index < highest) {
        report({
          message: `"${section.heading.text}" usually comes before "${highestTitle}" (${sectionSpec(section.roles[0]!).title} is section ${index + 1} of 10).`,
          range: section.heading.range,
          data: { section: section.roles[0]! },
        });
      } else {
        highest = Math.max(highest, ...section.roles.map(canonicalIndex));
        highestTitle = section.heading.text;
      }
    }
  },
};
