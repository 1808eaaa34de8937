// responders-empty: a Responders section that names nobody.
import { sectionsFor } from '../model/model';
import { isEmptySection, isPlaceholderLine, someSectionLine } from '../model/prose';
import { asciiFirst } from '../model/text';
import type { Rule } from './types';

/** A mention (@sam), or a capitalised name at the start of a list item or table cell. */
const mentionOrLead = asciiFirst(
  /@[\w.-]+|^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?[A-Z][A-Za-z]+|\|\s*[A-Z][A-Za-z]+/,
  () => /@[\w.-]+|^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?\p{Lu}\p{L}+|\|\s*\p{Lu}\p{L}+/u,
);
const isLetter = asciiFirst(/^[a-z]$/i, () => /^\p{L}$/u);
const isUpper = asciiFirst(/^[A-Z]$/, () => /^\p{Lu}$/u);

/**
 * A full name such as "Sam Lee": a capital and at least one more letter, a space, a capital and a letter. Found from
 * each space, looking back over the letters before it once: linear, where the regex
 * `[A-Z][A-Za-z]+ [A-Z][A-Za-z]+` rescans a long run of letters from each of its capitals.
 */
function hasFullName(text: string): boolean {
  for (let j = text.indexOf(' '); j >= 0; j = text.indexOf(' ', j + 1)) {
    if (!isUpper(text[j + 1] ?? '') || !isLetter(text[j + 2] ?? '')) continue;
    for (let i = j - 2; i >= 0 && isLetter(text[i]!) && isLetter(text[i + 1]!); i--) if (isUpper(text[i]!)) return true;
  }
  return false;
}

const names = (text: string): boolean => mentionOrLead(text) || hasFullName(text);
/** A line, not a placeholder, that names somebody. */
const namesSomebody = (text: string): boolean => !isPlaceholderLine(text) && names(text);
/** namesSomebody's answers per chunk (see someSectionLine). */
const KEY = 'responders-empty';

export const respondersEmpty: Rule = {
  code: 'responders-empty',
  defaultLevel: 'warning',
  description: 'The Responders section names nobody.',
  docs: 'responders-empty',
  run({ model, report }) {
    const sections = sectionsFor(model, 'responders');
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i]!;
      if (isEmptySection(model, section)) continue; // empty-section says it already
      if (someSectionLine(model, section, KEY, namesSomebody)) continue;
      report({
        message: 'The Responders section names nobody: list who was involved (@handle or name) and their role.',
        range: section.heading.range,
        data: {},
      });
    }
  },
};
