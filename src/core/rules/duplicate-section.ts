// duplicate-section: two headings that say the same thing for one role (two "Impact" headings). Different headings
// for one role ("What went well" and "What went wrong") are a deliberate split and fine.
import { normaliseWords } from '../model/match';
import { allSectionsWhere, headingMemo, keepInstead, keepsEntries, perSection, sectionChanges, SectionFilter, type PostmortemModel, type Section, SectionResults } from '../model/model';
import type { FindingInput, Rule, RuleContext } from './types';

export const duplicateSection: Rule = {
  code: 'duplicate-section',
  defaultLevel: 'warning',
  description: 'The same section heading twice.',
  docs: 'duplicate-section',
  run({ model, report, before: findingsBefore }) {
    // After an edit that removed and added a few sections, none of them the first of its words, every other section
    // says what it said: the first line of each words, by level, is taken from the run before and updated, and each
    // section's finding (or none, for a first) is the one kept with it. 95,000 "Impact" headings, or as many
    // distinct ones, were each looked up (or added) in a map on every keystroke.
    const change = sectionChanges(model);
    const before = change ? runs.get(change.previous) : undefined;
    if (change) runs.delete(change.previous);
    const seen = before && model.lines.length === change!.previous.lines.length && updated(before, change!, model) ? before : [];
    const sections = model.sections;
    // Only a model the next one of its document may follow keeps what it said (see keepsEntries).
    const keeps = keepsEntries(model);
    if (seen === before) {
      // The sections that report, patched from those of the run before (see allSectionsWhere): the findings of the
      // sections before and after the change are handed on as they were.
      const says = (m: PostmortemModel, section: Section): boolean => section.roles.length > 0 && perSection(saidOf, m, section, sayFirst, seen) !== null;
      const { sections: saying, patched } = allSectionsWhere(model, reporting, says);
      if (patched && findingsBefore && findingsBefore.count === patched.old.length) {
        findingsBefore.take(patched.p0);
        findingsBefore.skip(patched.p1 - patched.p0);
        for (const section of patched.between) reportSaid(report, model, section, perSection(saidOf, model, section, sayFirst, seen)!);
        findingsBefore.take(patched.old.length - patched.p1);
      } else for (let i = 0; i < saying.length; i++) reportSaid(report, model, saying[i]!, perSection(saidOf, model, saying[i]!, sayFirst, seen)!);
    } else {
      // The sections that report, in order (the next run patches them).
      const saying: Section[] | undefined = keeps ? [] : undefined;
      // The line of the first section of each words, by level (no key string per section, and no map per words: a
      // map for each of 45,000 distinct headings was most of an edit's time in this rule).
      // An index loop: for…of over 65,000 sections made an iterator result per section.
      for (let i = 0; i < sections.length; i++) {
        const section = sections[i]!;
        if (section.roles.length === 0) continue;
        const words = perSection(wordsOf, model, section, headingWords, undefined);
        const levels = (seen[section.heading.level] ??= new Map());
        const first = levels.get(words);
        if (first === undefined) levels.set(words, section.heading.range.start.line);
        else if (first >= 0) levels.set(words, REPEATED - first); // repeated: see Seen
        const firstLine = first === undefined ? undefined : lineOf(first);
        // The same finding while the section and the line it repeats are what they were (65,000 "Impact" headings).
        let said = firstLine === undefined ? null : perSection(findings, model, section, duplicateFinding, firstLine, repeatsLine);
        if (said) {
          said = reportSaid(report, model, section, said);
          saying?.push(section);
        }
        if (keeps) perSection(saidOf, model, section, given, said, isGiven);
      }
      if (saying) reporting.byList.set(sections, saying);
    }
    if (keeps) runs.set(model, seen);
  },
};

/**
 * What a run read, for the next model of the document: the first line of each words, by level, or REPEATED minus it
 * once some later section has the same words (a first of words no other section has may go, and its words with it).
 */
type Seen = Array<Map<string, number> | undefined>;
const REPEATED = -1;
const lineOf = (first: number): number => (first < 0 ? REPEATED - first : first);
const runs = new WeakMap<PostmortemModel, Seen>();

/**
 * Reports what a section says, and keeps the finding made of it in its place, as what it says and as its finding (see
 * RuleContext.report).
 */
function reportSaid(report: RuleContext['report'], model: PostmortemModel, section: Section, said: NonNullable<Said>): NonNullable<Said> {
  // The finding holds the very data it was given (its firstLine), so it is what the section says.
  const out = report(said) as unknown as typeof said;
  if (out !== said) {
    keepInstead(findings, model, section, out);
    keepInstead(saidOf, model, section, out);
  }
  return out;
}

/** The sections that report, per model's sections (see allSectionsWhere). */
const reporting = new SectionFilter();

/** A section's finding as the last run said it (null: it is the first of its words), kept per section. */
const saidOf = new SectionResults<Said>();

type Said = (FindingInput & { data: { firstLine: number } }) | null;
/** Keeps what a section says for the next run: perSection sets it when it kept none or another. */
const given = (_model: PostmortemModel, _section: Section, said: Said): Said => said;
const isGiven = (kept: Said, said: Said): boolean => kept === said;

/** What a section the edit added says, from the first lines updated for it (see updated). */
function sayFirst(model: PostmortemModel, section: Section, seen: Seen): Said {
  const first = seen[section.heading.level]?.get(perSection(wordsOf, model, section, headingWords, undefined));
  const firstLine = first === undefined ? undefined : lineOf(first);
  if (firstLine === undefined || firstLine === section.heading.range.start.line) return null;
  return perSection(findings, model, section, duplicateFinding, firstLine, repeatsLine);
}

/**
 * The first lines of the run before, updated for the sections the edit removed and added, when no first changes
 * but to go with its words (a removed section was none, or the only one of its words; an added one comes after the
 * first of its words, or has words of its own); else false.
 */
function updated(seen: Seen, change: { previous: PostmortemModel; removed: readonly Section[]; added: readonly Section[] }, model: PostmortemModel): boolean {
  for (const s of change.removed) {
    if (s.roles.length === 0) continue;
    const words = perSection(wordsOf, change.previous, s, headingWords, undefined);
    const levels = seen[s.heading.level];
    const first = levels?.get(words);
    if (first === s.heading.range.start.line) levels!.delete(words); // the only one of its words
    else if (first !== undefined && lineOf(first) === s.heading.range.start.line) return false;
  }
  for (const s of change.added) {
    if (s.roles.length === 0) continue;
    const words = perSection(wordsOf, model, s, headingWords, undefined);
    const levels = (seen[s.heading.level] ??= new Map());
    const first = levels.get(words);
    if (first === undefined) levels.set(words, s.heading.range.start.line);
    else if (lineOf(first) >= s.heading.range.start.line) return false;
    else if (first >= 0) levels.set(words, REPEATED - first);
  }
  return true;
}

/** Headings repeat: each text is normalised once (a document of thousands of "Impact" headings). Bounded (below). */
const normalised = new Map<string, string>();

function headingWords(model: PostmortemModel, section: Section): string {
  const text = section.heading.text;
  // Kept with the text's words by recognition: no lookup by the text (see heading-memo.ts).
  const memo = headingMemo(model, section);
  if (memo) return (memo.normalisedWords ??= normaliseWords(text).join(' '));
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
