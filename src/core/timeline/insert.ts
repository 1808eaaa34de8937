// Where a new timeline entry goes and what it looks like: after the entry the cursor is in, else at the end of the
// Timeline section, else in a new Timeline section at its canonical place. The entry copies the section's style.
import { afterLoneCr, closingNote, openTail, sectionInserts, type TextInsert } from '../authoring/edits';
import { sectionsFor, type Entry, type PostmortemModel, type Section } from '../model/model';
import { isBlank, type Position } from '../model/text';
import { parseStamp } from './stamp';

export interface EntryInsert {
  /** One insert that adds the entry (and, when the document had none, the Timeline section). */
  readonly insert: TextInsert;
  /** Where the person types the event, in the document after the insert. */
  readonly cursor: Position;
}

export interface EntryInsertOptions {
  /** The line of the cursor; entries go after the entry it is in when it is inside a Timeline section. */
  readonly cursorLine?: number;
  /** Text of the event (quick note); the cursor ends after it. */
  readonly text?: string;
}

type Style =
  | { readonly kind: 'item'; readonly indent: string; readonly marker: string; readonly bold: boolean; readonly separator: string }
  | { readonly kind: 'row'; readonly columns: number };

export const DEFAULT_SEPARATOR = ' — ';
/** `s` with its leading and its trailing white space each made one space. */
function spaceEnds(s: string): string {
  const end = s.trimEnd();
  const core = end.trimStart();
  return (core.length < end.length ? ' ' : '') + core + (end.length < s.length ? ' ' : '');
}
const DEFAULT_STYLE: Style = { kind: 'item', indent: '', marker: '-', bold: true, separator: DEFAULT_SEPARATOR };
const DELIMITER_ROW = /^\s*(?:\|\s*)?:?-+:?(?:\s*\|\s*:?-+:?)*(?:\s*\|)?\s*$/;

/** The style of an existing entry: bullet or number, bold timestamp, separator; or the column count of a row. */
export function entryStyle(entry: Entry): Style {
  const first = entry.lines[0] ?? '';
  if (entry.kind === 'row') return { kind: 'row', columns: Math.max(2, cells(first).length) };
  const m = /^(\s*)([-+*]|(\d{1,9})([.)]))\s+/.exec(first);
  if (!m) return DEFAULT_STYLE;
  const marker = m[3] ? `${Number(m[3]) + 1}${m[4]}` : m[2]!;
  const text = entry.text;
  const stamp = parseStamp(text);
  let bold = false;
  let separator = DEFAULT_SEPARATOR;
  if (stamp) {
    let after = text.slice(stamp.end);
    const close = /^(\*\*|__)/.exec(after);
    bold = close !== null && text.slice(0, stamp.start).includes(close[1]!);
    if (close) after = after.slice(close[0].length);
    const sep = /^(?:\s*[—–-]+\s*|\s*:\s*|\s+)/.exec(after);
    if (sep) separator = spaceEnds(sep[0]);
  }
  return { kind: 'item', indent: m[1]!, marker, bold, separator };
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/);
}

/** The entry's text and the offset in it where the cursor goes. */
function entryText(style: Style, stamp: string, text: string): { text: string; cursor: number } {
  if (style.kind === 'row') {
    const head = `| ${stamp} | ${text}`;
    return { text: `${head} |${'  |'.repeat(style.columns - 2)}`, cursor: head.length };
  }
  const s = style.bold ? `**${stamp}**` : stamp;
  const head = `${style.indent}${style.marker} ${s}${style.separator}${text}`;
  return { text: head, cursor: head.length };
}

function inSection(section: Section, line: number): boolean {
  return line >= section.heading.range.start.line && line <= section.contentRange.end.line;
}

/** The insert that adds a timeline entry stamped `stamp`, and where the cursor goes. */
export function timelineEntryInsert(model: PostmortemModel, stamp: string, options: EntryInsertOptions = {}): EntryInsert {
  const eol = model.eol;
  const event = options.text ?? '';
  const sections = sectionsFor(model, 'timeline');
  if (sections.length === 0) {
    const { text, cursor } = entryText(DEFAULT_STYLE, stamp, event);
    const insert = sectionInserts(model, ['timeline'], { timeline: text })[0]!;
    const at = insert.text.lastIndexOf(text) + cursor;
    return { insert, cursor: advance(insert.position, insert.text.slice(0, at), eol) };
  }
  const cursorLine = options.cursorLine;
  const entriesIn = (s: Section) => model.timeline.filter((e) => e.range.start.line > s.heading.range.end.line && e.range.end.line <= s.contentRange.end.line);
  const current = cursorLine === undefined ? undefined : sections.find((s) => inSection(s, cursorLine));
  const section = current ?? [...sections].reverse().find((s) => entriesIn(s).length > 0) ?? sections[0]!;
  const entries = entriesIn(section);

  let anchor: Entry | undefined;
  if (current && cursorLine! > section.heading.range.end.line) {
    anchor = entries.filter((e) => e.range.start.line <= cursorLine!).pop();
  }
  anchor ??= entries[entries.length - 1];

  if (anchor) return after(model, anchor.range.end.line, false, entryText(entryStyle(anchor), stamp, event));

  // No entries yet: under a table's delimiter row, or after the section's last non-blank line with a blank line.
  const from = section.heading.range.end.line;
  for (let l = from + 1; l <= section.contentRange.end.line; l++) {
    const line = model.lines[l] ?? '';
    if (line.includes('-') && line.includes('|') && DELIMITER_ROW.test(line) && !model.codeLines.has(l)) {
      return after(model, l, false, entryText({ kind: 'row', columns: Math.max(2, cells(line).length) }, stamp, event));
    }
  }
  let last = from;
  for (let l = from + 1; l <= section.contentRange.end.line; l++) if (!isBlank(model.lines[l] ?? '')) last = l;
  return after(model, last, true, entryText(DEFAULT_STYLE, stamp, event));
}

function after(model: PostmortemModel, line: number, blankBefore: boolean, entry: { text: string; cursor: number }): EntryInsert {
  const eol = model.eol;
  const position = { line, character: (model.lines[line] ?? '').length };
  // After the first line of a code block or HTML block the document never closes, the entry would land in it: close
  // it first, on its own line, then a blank line.
  const open = openTail(model);
  if (open && line >= open.line) {
    const close = open.closer ? `${eol}${open.closer}` : '';
    return {
      insert: { position, text: afterLoneCr(model, position, `${close}${eol}${eol}${entry.text}`), note: closingNote(open) },
      cursor: { line: line + (open.closer ? 3 : 2), character: entry.cursor },
    };
  }
  const lead = blankBefore ? `${eol}${eol}` : eol;
  return {
    insert: { position, text: afterLoneCr(model, position, `${lead}${entry.text}`) },
    cursor: { line: line + (blankBefore ? 2 : 1), character: entry.cursor },
  };
}

/** The position reached from `start` after inserting `text`. */
function advance(start: Position, text: string, eol: string): Position {
  const parts = text.split(eol);
  if (parts.length === 1) return { line: start.line, character: start.character + text.length };
  return { line: start.line + parts.length - 1, character: parts[parts.length - 1]!.length };
}
