// Stand-ins that our own template, snippets and completions insert: the example action item, the pm-impact table's
// default values, the snippets' default names and texts, and a section's guidance left as plain text. They are never
// content: a section holding only these is empty, and they satisfy no rule. Exact lines only (after trimming and
// collapsing spaces), so a person's text that merely resembles them still counts.
import { CATALOGUE, sectionSpec } from './catalogue';
import { perSection, type PostmortemModel, type Section, SectionResults } from './model';
import { ACTION_ITEM_SKELETON } from '../authoring/template';
import { isSpaceCode } from './text';

const ROLES = ['incident commander', 'scribe', 'responder', 'subject-matter expert'];
const TICKET_TAIL = ' — owner: @name, ticket: ABC-123, due: YYYY-MM-DD';

/** `s.trim().replace(/\s+/g, ' ')`, without the replace when every space is already one " " (most lines). */
function norm(s: string): string {
  const t = s.trim();
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isSpaceCode(c) && (c !== 32 || isSpaceCode(t.charCodeAt(i + 1)))) return t.replace(/\s+/g, ' ');
  }
  return t;
}

const EXACT = new Set<string>(
  [
    ACTION_ITEM_SKELETON,
    `- [ ] ${sectionSpec('action-items').guidance}${TICKET_TAIL}`,
    ...['mitigate', 'prevent', 'process'].map((t) => `- [ ] What will be done${TICKET_TAIL}, type: ${t}`),
    '| Users affected | 0 | link to a chart or logs |',
    '| Duration | 0 min | |',
    '| Failed operations | 0 | |',
    '| Revenue impact | 0 | |',
    ...ROLES.map((r) => `- Name — ${r}`),
    ...CATALOGUE.map((s) => s.guidance),
  ].map(norm),
);
/** A snippet's timeline entry with its default text: `- **<stamp>** — What happened` (or the Timeline guidance). */
const TIMELINE_DEFAULT = new RegExp(`^- \\*\\*[^*]+\\*\\* — (?:What happened|${sectionSpec('timeline').guidance.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})$`);
/** The header and delimiter of the pm-impact table: structure, not content. */
const TABLE_STRUCTURE = new Set(['| Measure | Value | Source |', '|---|---|---|'].map(norm));

/** The longest exact placeholder: a line with more characters than this besides white space is none of them. */
const MAX_EXACT = Math.max(...[...EXACT].map((t) => t.length));


/** Whether `line` has more than `max` characters besides white space; stops reading once it knows. */
function moreTextThan(line: string, max: number): boolean {
  let n = 0;
  for (let i = 0; i < line.length; i++) if (!isSpaceCode(line.charCodeAt(i)) && ++n > max) return true;
  return false;
}

/** True for a line that is one of our own placeholders. */
export function isOwnPlaceholder(line: string): boolean {
  // Long lines (a 1 MB action item) are settled without normalising them: only a timeline default can be that long.
  if (moreTextThan(line, MAX_EXACT) && !line.trimStart().startsWith('- **')) return false;
  if (surelyNoExact(line)) return false;
  return isNormalisedPlaceholder(norm(line));
}

/**
 * A line whose spaces are single and whose text, trimmed, is of no exact placeholder's length and starts no timeline
 * default: none of them, told without trimming or normalising it (65,000 one-line action items each made two strings).
 */
function surelyNoExact(line: string): boolean {
  let a = 0;
  let b = line.length;
  while (a < b && isSpaceCode(line.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(line.charCodeAt(b - 1))) b--;
  for (let i = a; i < b; i++) if (isSpaceCode(line.charCodeAt(i)) && (line.charCodeAt(i) !== 32 || isSpaceCode(line.charCodeAt(i + 1)))) return false;
  return !EXACT_LENGTHS.has(b - a) && !line.startsWith('- **', a);
}

/** The lengths of the exact placeholders: a line of another length is none of them, and is settled without hashing it. */
const EXACT_LENGTHS = new Set([...EXACT].map((t) => t.length));

function isNormalisedPlaceholder(text: string): boolean {
  return (EXACT_LENGTHS.has(text.length) && EXACT.has(text)) || (text.startsWith('- **') && TIMELINE_DEFAULT.test(text));
}

/**
 * True when a section's body has text and all of it is our own placeholders (blank lines, single-line comments and
 * the pm-impact table's header aside). Anything else in it, including a multi-line comment, makes it false.
 */
export function onlyOwnPlaceholders(model: PostmortemModel, section: Section): boolean {
  return perSection(ownPlaceholderSections, model, section, computeOnlyOwn, undefined);
}

/** onlyOwnPlaceholders per model, by section index. */
const ownPlaceholderSections = new SectionResults<boolean>();

function computeOnlyOwn(model: PostmortemModel, section: Section): boolean {
  let placeholders = 0;
  for (let l = section.heading.range.end.line + 1; l <= section.contentRange.end.line; l++) {
    const line = model.lines[l] ?? '';
    // A long line that is not a comment or a timeline entry is content: settled without normalising it.
    if (moreTextThan(line, MAX_EXACT)) {
      const start = line.trimStart();
      if (!start.startsWith('<!--') && !start.startsWith('- **')) return false;
    }
    // A blank line, told without trimming it (most lines of a document of 26,000 small sections).
    if (line.length === 0) continue;
    // A single-line comment (what the pattern below says of the normalised line), told without normalising it.
    const trimmed = line.trim();
    if (trimmed.length >= 7 && trimmed.startsWith('<!--') && trimmed.endsWith('-->')) continue;
    const text = norm(trimmed);
    // The comment and the table's structure, asked only of a line that may be one (a set lookup hashed every line).
    const c = text.charCodeAt(0);
    if (text === '' || (c === 60 && /^<!--.*-->$/.test(text)) || (c === 124 && TABLE_STRUCTURE.has(text))) continue;
    if (!isNormalisedPlaceholder(text)) return false;
    placeholders++;
  }
  return placeholders > 0;
}
