// empty-section: a section whose body holds nothing but whitespace, guidance comments or placeholder text.
import { sectionSpec, type SectionId } from '../model/catalogue';
import { isEmptySection } from '../model/prose';
import { onlyOwnPlaceholders } from '../model/placeholders';
import { perSection, type PostmortemModel, type Section, SectionResults } from '../model/model';
import type { FindingInput, Rule } from './types';

export const emptySection: Rule = {
  code: 'empty-section',
  defaultLevel: 'auto',
  completeness: true,
  description: 'A section holds only guidance, `TODO`/`TBD` or nothing.',
  docs: 'empty-section',
  run({ model, report }) {
    // An index loop: for…of over 65,000 sections made an iterator result per section.
    const sections = model.sections;
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i]!;
      if (section.roles.length === 0) continue;
      // Kept per section: a document of 65,000 empty sections reported each again after every keystroke.
      const finding = perSection(findings, model, section, emptyFinding, undefined);
      if (finding) report(finding);
    }
  },
};

const findings = new SectionResults<FindingInput | null>();

function emptyFinding(model: PostmortemModel, section: Section): FindingInput | null {
  if (!(isEmptySection(model, section) || onlyOwnPlaceholders(model, section))) return null;
  const said = saying(section.roles, section.heading.text, model.sections.length);
  return { message: said.message, range: section.heading.range, data: said.data };
}

/**
 * The message and data for a heading text and its roles, made once and shared by the findings that say the same
 * (never changed): 65,000 empty "Impact" sections made 65,000 copies of each.
 */
interface Saying {
  readonly message: string;
  readonly data: { readonly section: SectionId; readonly sections: readonly SectionId[]; readonly title: string };
}
const sayings = new WeakMap<readonly SectionId[], Map<string, Saying>>();

function saying(roles: readonly SectionId[], text: string, sections: number): Saying {
  let byText = sayings.get(roles);
  if (!byText) sayings.set(roles, (byText = new Map()));
  let said = byText.get(text);
  if (!said) {
    const title = roles.map((id) => sectionSpec(id).title).join(' / ');
    said = {
      message: `Section "${text}" is empty: ${sectionSpec(roles[0]!).guidance}`,
      data: { section: roles[0]!, sections: [...roles], title },
    };
    // Bounded, never below the document's sections (45,000 distinct empty ones each made their message again).
    if (byText.size >= Math.max(1000, 2 * sections)) byText.clear();
    byText.set(text, said);
  }
  return said;
}
