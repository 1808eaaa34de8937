// responders-empty: a Responders section that names nobody.
import { sectionsFor } from '../model';
import { isEmptySection, isPlaceholderLine, sectionLines } from '../prose';
import { asciiFirst } from '../text';
import type { Rule } from './types';

/**
 * A mention (@sam), a capitalised name at the start of a list item or table cell, or a full name (Sam Lee). The full
 * name is sought from the start of each run of letters only (its lower-case head skipped, so "McDonald Lee" still
 * counts): sought from every capital, a long run of capitals was read once per capital.
 */
const names = asciiFirst(
  /@[\w.-]+|^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?[A-Z][A-Za-z]+|\|\s*[A-Z][A-Za-z]+|(?<![A-Za-z])[a-z]*[A-Z][A-Za-z]+ [A-Z][A-Za-z]+/,
  () => /@[\w.-]+|^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?\p{Lu}\p{L}+|\|\s*\p{Lu}\p{L}+|(?<!\p{L})[^\P{L}\p{Lu}]*\p{Lu}\p{L}+ \p{Lu}\p{L}+/u,
);

export const respondersEmpty: Rule = {
  code: 'responders-empty',
  defaultLevel: 'warning',
  run({ model, report }) {
    for (const section of sectionsFor(model, 'responders')) {
      if (isEmptySection(model, section)) continue; // empty-section says it already
      const lines = sectionLines(model, section).filter((l) => !isPlaceholderLine(l.text));
      if (lines.some((l) => names(l.text))) continue;
      report({
        code: 'responders-empty',
        message: 'The Responders section names nobody: list who was involved (@handle or name) and their role.',
        range: section.heading.range,
        data: {},
      });
    }
  },
};
