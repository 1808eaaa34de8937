// Stand-ins that our own template, snippets and completions insert: the example action item, the pm-impact table's
// default values, the snippets' default names and texts, and a section's guidance left as plain text. They are never
// content: a section holding only these is empty, and they satisfy no rule. Exact lines only (after trimming and
// collapsing spaces), so a person's text that merely resembles them still counts.
import { CATALOGUE, sectionSpec } from './catalogue';
import type { PostmortemModel, Section } from './model';
import { ACTION_ITEM_SKELETON } from './template';

const ROLES = ['incident commander', 'scribe', 'responder', 'subject-matter expert'];
const TICKET_TAIL = ' — owner: @name, ticket: ABC-123, due: YYYY-MM-DD';

const norm = (s: string) => s.trim().replace(/\s+/g, ' ');

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

/** True for a line that is one of our own placeholders. */
export function isOwnPlaceholder(line: string): boolean {
  const text = norm(line);
  return EXACT.has(text) || TIMELINE_DEFAULT.test(text);
}

/**
 * True when a section's body has text and all of it is our own placeholders (blank lines, single-line comments and
 * the pm-impact table's header aside). Anything else in it, including a multi-line comment, makes it false.
 */
export function onlyOwnPlaceholders(model: PostmortemModel, section: Section): boolean {
  let placeholders = 0;
  for (let l = section.heading.range.end.line + 1; l <= section.contentRange.end.line; l++) {
    const text = norm(model.lines[l] ?? '');
    if (text === '' || /^<!--.*-->$/.test(text) || TABLE_STRUCTURE.has(text)) continue;
    if (!isOwnPlaceholder(text)) return false;
    placeholders++;
  }
  return placeholders > 0;
}
