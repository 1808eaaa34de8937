// impact-numbers: the Impact section states damage in numbers (users affected, durations, percentages).
import { sectionsFor } from '../model/model';
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
    const sections = sectionsFor(model, 'impact');
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i]!;
      if (isEmptySection(model, section) || onlyOwnPlaceholders(model, section)) continue; // empty-section says it already
      // The pm-impact table's default zeros are not numbers anyone stated.
      if (someSectionLine(model, section, KEY, statesNumber)) continue;
      report({
        message: 'The Impact section states no number: give the damage in numbers (users affected, duration, failed operations, revenue), with links to charts or logs.',
        range: section.heading.range,
        data: {},
      });
    }
  },
};
