// empty-section: a section whose body holds nothing but whitespace, guidance comments or placeholder text.
import { sectionSpec } from '../model/catalogue';
import { isEmptySection } from '../model/prose';
import { onlyOwnPlaceholders } from '../model/placeholders';
import type { Rule } from './types';

export const emptySection: Rule = {
  code: 'empty-section',
  defaultLevel: 'auto',
  completeness: true,
  description: 'A section holds only guidance, `TODO`/`TBD` or nothing.',
  docs: 'empty-section',
  run({ model, report }) {
    for (const section of model.sections) {
      if (section.roles.length === 0 || !(isEmptySection(model, section) || onlyOwnPlaceholders(model, section))) continue;
      const title = section.roles.map((id) => sectionSpec(id).title).join(' / ');
      report({
        message: `Section "${section.heading.text}" is empty: ${sectionSpec(section.roles[0]!).guidance}`,
        range: section.heading.range,
        data: { section: section.roles[0]!, sections: [...section.roles], title },
      });
    }
  },
};
