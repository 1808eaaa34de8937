// impact-numbers: the Impact section states damage in numbers (users affected, durations, percentages).
import { SectionFilter, sectionsWhere, type PostmortemModel, type Section } from '../model/model';
import { isEmptySection, someSectionLine } from '../model/prose';
import { isOwnPlaceholder, onlyOwnPlaceholders } from '../model/placeholders';
import type { Rule } from './types';

const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|half|percent)\b/i;

/** A line that states a number, not as one of our own placeholders. */
const statesNumber = (text: string): boolean => NUMBER.test(text) && !isOwnPlaceholder(text);
/** statesNumber's answers per chunk (see someSectionLine). */
const KEY = 'impact-numbers';

export const impactNumbers: Rule = {
  code: 'impact-numbers',
  defaultLevel: 'warning',
  description: 'The Impact section states no number.',
  docs: 'impact-numbers',
  run({ model, report }) {
    // The sections to report, kept per list of Impact sections (see sectionsWhere): an edit asks only about the
    // sections it made, not about each of 95,000 empty ones.
    const sections = sectionsWhere(model, 'impact', withoutNumbers, statesNoNumber);
    for (let i = 0; i < sections.length; i++) report({ message: MESSAGE, range: sections[i]!.heading.range, data: NO_DATA });
  },
};

const MESSAGE = 'The Impact section states no number: give the damage in numbers (users affected, duration, failed operations, revenue), with links to charts or logs.';
/** Shared by every finding (never changed): the same finding is handed on from one analysis to the next. */
const NO_DATA = {};
const withoutNumbers = new SectionFilter();

function statesNoNumber(model: PostmortemModel, section: Section): boolean {
  if (isEmptySection(model, section) || onlyOwnPlaceholders(model, section)) return false; // empty-section says it already
  // The pm-impact table's default zeros are not numbers anyone stated.
  return !someSectionLine(model, section, KEY, statesNumber);
}
