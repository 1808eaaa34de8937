// Chat text is data, not Markdown structure. Imported text is rendered on one line after the entry's time stamp, with
// every character that could start structure escaped: it cannot open a heading, a table cell or row, an HTML comment
// or block, a fence, a link definition or a list, whatever it starts with.
import { MILESTONE_LABEL } from '../milestones/parse';
import type { ImportedEntry } from './types';

/** Characters escaped anywhere in imported text. `|` splits table cells; `<` opens HTML, comments and autolinks. */
const SPECIAL = /[\\`*_[\]<>|#~!$]/g;

/** Escapes plain text without trimming it, for pieces joined with other Markdown. Line breaks become `<br>`. */
export function escapePiece(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\n\P{Cc}]|[\u2028\u2029]/gu, ' ')
    .replace(SPECIAL, '\\$&')
    .replace(/&(?=#?[A-Z0-9]{1,32};)/gi, '&amp;')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n\s*/g, '<br>');
}

/** Trims spaces and line breaks from both ends of rendered Markdown, and doubled breaks inside. */
export function tidy(markdown: string): string {
  let s = markdown.trim();
  while (s.startsWith('<br>')) s = s.slice(4).trimStart();
  while (s.endsWith('<br>')) s = s.slice(0, -4).trimEnd();
  return s.replace(/(?:<br>){2,}/g, '<br>');
}

/**
 * Escapes plain text as inline Markdown on one line. Line breaks become `<br>` (which GitHub and VS Code render in
 * list items and table cells alike); control characters become spaces and runs of spaces one space.
 */
export function escapeInline(text: string): string {
  return tidy(escapePiece(text));
}

/** Text as an inline code span, with a fence longer than any run of backticks in it. */
export function codeSpan(text: string): string {
  const one = text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  let longest = 0;
  for (const run of one.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') || one.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
}

/** A link with an escaped label; only http(s) and mailto URLs become links, others stay text. */
export function link(label: string, url: string): string {
  if (!/^(?:https?:\/\/|mailto:)[^\s<>]+$/i.test(url)) return escapeInline(label === url ? url : `${label} (${url})`);
  const safeUrl = url.replace(/[()|\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeInline(label)}](${safeUrl})`;
}

/**
 * The entry's event text as safe inline Markdown, with the author first when known, and before that the milestone
 * label (ours, not imported text) in the syntax the milestones read: right after the time stamp.
 */
export function entryMarkdown(entry: ImportedEntry): string {
  const body = entry.markdown ?? escapeInline(entry.text);
  const text = entry.author ? `${escapeInline(entry.author)}: ${body}` : body;
  return entry.milestone ? `**${MILESTONE_LABEL[entry.milestone]}:** ${text}` : text;
}
