// responders-empty: a Responders section that names nobody.
import { SectionFilter, sectionsWhere, type PostmortemModel, type Section } from '../model/model';
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
    // Kept per list of Responders sections (see sectionsWhere): an edit asks only about the sections it made.
    const sections = sectionsWhere(model, 'responders', namingNobody, namesNobody);
    for (let i = 0; i < sections.length; i++) report({ message: MESSAGE, range: sections[i]!.heading.range, data: NO_DATA });
  },
};

const MESSAGE = 'The Responders section names nobody: list who was involved (@handle or name) and their role.';
/** Shared by every finding (never changed): the same finding is handed on from one analysis to the next. */
const NO_DATA = {};
const namingNobody = new SectionFilter();

function namesNobody(model: PostmortemModel, section: Section): boolean {
  if (isEmptySection(model, section)) return false; // empty-section says it already
  return !someSectionLine(model, section, KEY, namesSomebody);
}
