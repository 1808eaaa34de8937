// empty-section: a section whose body holds nothing but whitespace, guidance comments or placeholder text.
import { sectionSpec, type SectionId } from '../model/catalogue';
import { isEmptySection } from '../model/prose';
import { onlyOwnPlaceholders } from '../model/placeholders';
import { allSectionsWhere, headingMemo, keepInstead, perSection, SectionFilter, type PostmortemModel, type Section, SectionResults } from '../model/model';
import type { FindingInput, Rule, RuleContext } from './types';

export const emptySection: Rule = {
  code: 'empty-section',
  defaultLevel: 'auto',
  completeness: true,
  description: 'A section holds only guidance, `TODO`/`TBD` or nothing.',
  docs: 'empty-section',
  run({ model, report, before }) {
    // The sections to report, kept per model and patched after an edit (see allSectionsWhere); each one's finding is
    // kept with it. After an edit, the findings of the sections before and after the change are handed on as they
    // were, in two runs: a document of 65,000 empty sections reported each again after every keystroke.
    const { sections, patched } = allSectionsWhere(model, reporting, reports);
    if (patched && before && before.count === patched.old.length) {
      before.take(patched.p0);
      before.skip(patched.p1 - patched.p0);
      for (const section of patched.between) reportKept(report, model, section);
      before.take(patched.old.length - patched.p1);
      return;
    }
    // An index loop: for…of over 65,000 sections made an iterator result per section.
    for (let i = 0; i < sections.length; i++) reportKept(report, model, sections[i]!);
  },
};

const reporting = new SectionFilter();
/** A section serving a role that is empty: its finding is kept with it. */
const reports = (model: PostmortemModel, section: Section): boolean => section.roles.length > 0 && perSection(findings, model, section, emptyFinding, undefined) !== null;

const findings = new SectionResults<FindingInput | null>();

/** Reports the section's finding, and keeps the finding made of it in its place (see RuleContext.report). */
function reportKept(report: RuleContext['report'], model: PostmortemModel, section: Section): void {
  const f = perSection(findings, model, section, emptyFinding, undefined)!;
  const out = report(f);
  if (out !== f) keepInstead(findings, model, section, out);
}

function emptyFinding(model: PostmortemModel, section: Section): FindingInput | null {
  if (!(isEmptySection(model, section) || onlyOwnPlaceholders(model, section))) return null;
  // Kept with the text's words by recognition, for the roles it was made for: no lookup by the text (heading-memo.ts).
  const memo = headingMemo(model, section);
  let said: Saying;
  if (memo && memo.emptyRoles === section.roles) said = memo.emptySaying as Saying;
  else {
    said = saying(section.roles, section.heading.text, model.sections.length);
    if (memo) {
      memo.emptyRoles = section.roles;
      memo.emptySaying = said;
    }
  }
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
