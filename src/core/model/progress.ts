// How far a post-mortem is: required sections present, and how many of those are still empty. The status bar shows it.
import { sectionSpec, type SectionId } from './catalogue';
import { keepsEntries, sectionsFor, type PostmortemModel } from './model';
import { isEmptySection, sectionsWithContent } from './prose';

export interface SectionProgress {
  readonly required: number;
  readonly present: number;
  /** Required sections that are present but hold only guidance, placeholders or nothing, in catalogue order. */
  readonly empty: readonly SectionId[];
  readonly missing: readonly SectionId[];
}

export function sectionProgress(model: PostmortemModel, required: readonly SectionId[]): SectionProgress {
  const missing: SectionId[] = [];
  const empty: SectionId[] = [];
  // A model that the next one of its document may follow keeps the sections with content per role (an edit then asks
  // only about the sections it made); one analysis stops at the first section with content.
  const keep = keepsEntries(model);
  for (const id of required) {
    const sections = sectionsFor(model, id);
    if (sections.length === 0) missing.push(id);
    else if (keep ? sectionsWithContent(model, id).length === 0 : sections.every((s) => isEmptySection(model, s))) empty.push(id);
  }
  return { required: required.length, present: required.length - missing.length, empty, missing };
}

/** "8/10 sections", "10/10 sections, 3 empty", "10/10 sections" once every one has content. */
export function progressText(p: SectionProgress): string {
  return `${p.present}/${p.required} sections${p.empty.length > 0 ? `, ${p.empty.length} empty` : ''}`;
}

/** The tooltip's Markdown: what is missing, then what is empty. */
export function progressDetails(p: SectionProgress): string {
  const list = (ids: readonly SectionId[]) => ids.map((id) => `- ${sectionSpec(id).title}`).join('\n');
  const parts: string[] = [];
  if (p.missing.length > 0) parts.push(`Missing:\n\n${list(p.missing)}`);
  if (p.empty.length > 0) parts.push(`Still empty:\n\n${list(p.empty)}`);
  return parts.length === 0 ? 'Every required section is present and has content.' : parts.join('\n\n');
}
