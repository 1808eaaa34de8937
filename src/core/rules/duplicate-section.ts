// duplicate-section: two headings that say the same thing for one role (two "Impact" headings). Different headings
// for one role ("What went well" and "What went wrong") are a deliberate split and fine.
import { normaliseWords } from '../model/match';
import { perSection, type PostmortemModel, type Section, SectionResults } from '../model/model';
import type { FindingInput, Rule } from './types';

export const duplicateSection: Rule = {
  code: 'duplicate-section',
  defaultLevel: 'warning',
  description: 'The same section heading twice.',
  docs: 'duplicate-section',
  run({ model, report }) {
    // The line of the first section of each words, by level (no key string per section, and no map per words: a map
    // for each of 45,000 distinct headings was most of an edit's time in this rule).
    const seen: Array<Map<string, number> | undefined> = [];
    // An index loop: for…of over 65,000 sections made an iterator result per section.
    const sections = model.sections;
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i]!;
      if (section.roles.length === 0) continue;
      const words = perSection(wordsOf, model, section, headingWords, undefined);
      const level = section.heading.level;
      const levels = (seen[level] ??= new Map());
      const firstLine = levels.get(words);
      if (firstLine === undefined) {
        levels.set(words, section.heading.range.start.line);
        continue;
      }
      // The same finding while the section and the line it repeats are what they were (65,000 "Impact" headings).
      report(perSection(findings, model, section, duplicateFinding, firstLine, repeatsLine));
    }
  },
};

/** Headings repeat: each text is normalised once (a document of thousands of "Impact" headings). Bounded (below). */
const normalised = new Map<string, string>();

function headingWords(model: PostmortemModel, section: Section): string {
  const text = section.heading.text;
  let words = normalised.get(text);
  if (words === undefined) {
    // Never below the document's own headings: a bound smaller than them was cleared during every analysis of a
    // document of 45,000 distinct headings, and each one was normalised again (a fifth of the analysis).
    if (normalised.size >= Math.max(10_000, 2 * model.sections.length)) normalised.clear();
    normalised.set(text, (words = normaliseWords(text).join(' ')));
  }
  return words;
}

const repeatsLine = (kept: { data: { firstLine: number } }, firstLine: number): boolean => kept.data.firstLine === firstLine;

/** The heading's words, normalised, per section. */
const wordsOf = new SectionResults<string>();
const findings = new SectionResults<FindingInput & { data: { firstLine: number } }>();

function duplicateFinding(_model: PostmortemModel, section: Section, firstLine: number): FindingInput & { data: { section: string; firstLine: number } } {
  const text = section.heading.text;
  const role = section.roles[0]!;
  // The message and data of the findings that repeat one line with one text, made once (never changed).
  const last = lastSaid;
  const said = last && last.text === text && last.role === role && last.data.firstLine === firstLine ? last : (lastSaid = {
    text,
    role,
    message: `"${text}" repeats the section on line ${firstLine + 1}; merge the two, or name each for its part.`,
    data: { section: role, firstLine },
  });
  return { message: said.message, range: section.heading.range, data: said.data };
}

let lastSaid: { readonly text: string; readonly role: string; readonly message: string; readonly data: { readonly section: string; readonly firstLine: number } } | undefined;
