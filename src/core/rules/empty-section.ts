// empty-section: a section whose body holds nothing but whitespace, guidance comments or placeholder text.
import { sectionSpec } from '../model/catalogue';
import { isEmptySection } from '../model/prose';
import { onlyOwnPlaceholders } from '../model/placeholders';
import { perSection, type PostmortemModel, type Section, type SectionResults } from '../model/model';
import type { FindingInput, Rule } from './types';

export const emptySection: Rule = {
  code: 'empty-section',
  defaultLevel: 'auto',
  completeness: true,
  description: 'A section holds only guidance, `TODO`/`TBD` or nothing.',
  docs: 'empty-section',
  run({ model, report }) {
    for (const section of model.sections) {
      if (section.roles.length === 0) continue;
      // Kept per section: a document of 65,000 empty sections reported each again after every keystroke.
      const finding = perSection(findings, model, section, emptyFinding, undefined);
      if (finding) report(finding);
    }
  },
};

const findings: SectionResults<FindingInput | null> = new WeakMap();

function emptyFinding(model: PostmortemModel, section: Section): FindingInput | null {
  if (!(isEmptySection(model, section) || onlyOwnPlaceholders(model, section))) return null;
  const title = section.roles.map((id) => sectionSpec(id).title).join(' / ');
  return {
    message: `Section "${section.heading.text}" is empty: ${sectionSpec(section.roles[0]!).guidance}`,
    range: section.heading.range,
    data: { section: section.roles[0]!, sections: [...section.roles], title },
  };
}
