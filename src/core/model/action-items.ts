// The fields of each action item (owner, ticket, due date, summary), read from the model: the action-item rules report
// from them and the CSV export writes them. Items are checklist items, list items or table rows in Action Items.
import { changeSincePrevious, type Entry, type LineChange, type PostmortemModel } from './model';
import { isPlaceholderLine } from './prose';
import { isOwnPlaceholder } from './placeholders';
import { ticketMatcher } from './user-patterns';
import { isSpaceCode } from './text';

export interface ActionItemFields {
  readonly entry: Entry;
  readonly summary: string;
  readonly owner: string | undefined;
  readonly ticket: string | undefined;
  readonly due: string | undefined;
}

/**
 * A table row's cells, trimmed: `row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim())`
 * in one pass, slicing each cell once (test/unit/action-items.test.ts compares the two).
 */
export function cells(row: string): string[] {
  let b = 0;
  let e = row.length;
  while (b < e && isSpaceCode(row.charCodeAt(b))) b++;
  while (e > b && isSpaceCode(row.charCodeAt(e - 1))) e--;
  if (b < e && row.charCodeAt(b) === 124) b++;
  if (e > b && row.charCodeAt(e - 1) === 124) e--;
  const out: string[] = [];
  let start = b;
  for (let i = b; i < e; i++) {
    // A "|" splits unless a backslash is before it (within what is left once the outer pipes are gone).
    if (row.charCodeAt(i) === 124 && (i === b || row.charCodeAt(i - 1) !== 92)) {
      out.push(trimmedSlice(row, start, i));
      start = i + 1;
    }
  }
  out.push(trimmedSlice(row, start, e));
  return out;
}

/** `s.slice(from, to).trim()`, slicing once. */
function trimmedSlice(s: string, from: number, to: number): string {
  while (from < to && isSpaceCode(s.charCodeAt(from))) from++;
  while (to > from && isSpaceCode(s.charCodeAt(to - 1))) to--;
  return s.slice(from, to);
}

/**
 * The header cells of the table each row belongs to: the first of the run of "|" lines holding it. Rows are asked in
 * document order, and a row of the same run as the row before is answered from it, so a long table is walked once
 * (walking up from every row was quadratic in the table's length).
 */
function tableHeaders(model: PostmortemModel): (line: number) => TableHeader {
  const lines = model.lines;
  let knownLine = -1;
  let knownHeader: TableHeader | undefined;
  return (line) => {
    let l = line;
    while (l > 0 && isRowLine(lines[l - 1] ?? '')) {
      if (knownHeader && l - 1 === knownLine) {
        knownLine = line;
        return knownHeader;
      }
      l--;
    }
    const text = lines[l] ?? '';
    knownLine = line;
    knownHeader = readHeader(text);
    return knownHeader;
  };
}

/** `line.trimStart().startsWith('|')`, without making the trimmed string. */
function isRowLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 124) return true;
    if (!isSpaceCode(c)) return false;
  }
  return false;
}

interface TableHeader {
  /** The header row's line. */
  readonly text: string;
  /** Its cells, lower-case. */
  readonly cells: string[];
  /** The column of each field (-1 for none): found once per table, not once per row. */
  readonly summary: number;
  readonly owner: number;
  readonly ticket: number;
  readonly due: number;
}

/** The header words that name each field's column; the first header cell holding one of them is the column. */
const COLUMN_NAMES = {
  summary: ['action', 'summary', 'item', 'task', 'description', 'what'],
  owner: ['owner', 'assignee', 'who'],
  ticket: ['ticket', 'issue', 'jira', 'tracker', 'link'],
  due: ['due', 'date', 'deadline', 'when'],
} as const;

function readHeader(text: string): TableHeader {
  const cellsLower = cells(text).map((c) => c.toLowerCase());
  const at = (names: readonly string[]) => cellsLower.findIndex((h) => names.some((n) => h.includes(n)));
  return { text, cells: cellsLower, summary: at(COLUMN_NAMES.summary), owner: at(COLUMN_NAMES.owner), ticket: at(COLUMN_NAMES.ticket), due: at(COLUMN_NAMES.due) };
}

const OWNER = /@[\w.-]+|\b(?:owner|assignee|assigned to)\s*[:=]\s*([^,;|—–]+)/i;
const DUE = /\b(\d{4}-\d{2}-\d{2})\b|\bdue(?: date)?\s*[:=]?\s*([^,;|—–]+)/i;
/**
 * A URL, or a Markdown link: text without brackets, a destination with balanced parentheses one level deep. Each
 * part stops at the next bracket or parenthesis, so a line of unclosed "[" or "(" is read once, not once per mark.
 */
const LINK = /https?:\/\/\S+|\[[^[\]]+\]\([^()]*(?:\([^()]*\)[^()]*)*\)/;

// What each pattern needs in a text to match it, asked first: a checklist of 65,000 items such as "- [ ] Fix 12"
// ran the three patterns on every item, and matched none. (In /i without /u, no character outside ASCII folds to
// one inside it, so "due" needs the ASCII letters.)
/** OWNER: an "@", or the ":" or "=" after a name. */
const mayHaveOwner = (text: string): boolean => text.includes('@') || text.includes(':') || text.includes('=');
/** DUE: the "-" of a date, or the word "due" in any case. */
function mayHaveDue(text: string): boolean {
  if (text.includes('-')) return true;
  for (let i = text.length - 3; i >= 0; i--) {
    if ((text.charCodeAt(i) | 32) === 100 && (text.charCodeAt(i + 1) | 32) === 117 && (text.charCodeAt(i + 2) | 32) === 101) return true;
  }
  return false;
}
/** LINK: a URL's "://" or a link's "](". */
const mayHaveLink = (text: string): boolean => text.includes('://') || text.includes('](');


/**
 * A list item's summary: its text before the first " — " or ", owner", without the owner, ticket and due date it
 * names (a link with prose keeps its text: "Fix [the retry bug](…)" reads "Fix the retry bug").
 */
function listSummary(text: string, fields: ReadonlyArray<string | undefined>): string {
  // The white space around the cut is trimmed below; matching it here would retry from every space of a long run.
  let summary = text.split(/\s[—–-]\s|\(\s*owner|,\s*owner/i)[0]!;
  for (const field of fields) {
    if (!field) continue;
    const link = /^\[([^\]]+)\]\([^)]+\)$/.exec(field);
    summary = summary.replace(field, link && /\s/.test(link[1]!) ? link[1]! : ' ');
  }
  const cleaned = trimSeparatorsEnd(
    dropDanglingSeparators(
      summary.replace(/\b(?:owner|assignee|assigned to|ticket|issue|due(?: date)?)\s*[:=]\s*(?=[\s,;]|$)/gi, ' ').replace(/\*\*/g, ''),
    )
      .replace(/\(\s*\)/g, '')
      .replace(/\s{2,}/g, ' '),
  ).trim();
  return cleaned === '' ? text.replace(/\*\*/g, '').trim() : cleaned;
}

const isSeparatorOrSpace = (c: string): boolean => c === ',' || c === ';' || c === '(' || c === ' ' || (c.trim() === '' && c !== '');

/**
 * text.replace(/(?:\s*[,;(]\s*)+(?=[,;)]|$)/g, ''): separators left dangling once fields are taken out ("Fix , ;"),
 * in linear time (that pattern is exponential on "(  (  (  x"). A match is a run of spaces, ",", ";" and "(" holding
 * at least one of the three, followed by ",", ";", ")" or the end; each maximal run is read once, from its start.
 */
export function dropDanglingSeparators(s: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < s.length) {
    if (!isSeparatorOrSpace(s[i]!)) {
      i++;
      continue;
    }
    let b = i;
    while (b < s.length && isSeparatorOrSpace(s[b]!)) b++;
    // Within the run [i, b): a match from `pos` ends at b when what follows may follow, or else at the last "," or
    // ";" of the run after pos (the longest valid end); it needs a separator between pos and its end.
    let pos = i;
    const endOk = b === s.length || s[b] === ',' || s[b] === ';' || s[b] === ')';
    for (;;) {
      let end = -1;
      if (endOk) end = b;
      else for (let e = b - 1; e > pos; e--) if (s[e] === ',' || s[e] === ';') { end = e; break; }
      if (end === -1) break;
      let hasSeparator = false;
      for (let k = pos; k < end && !hasSeparator; k++) hasSeparator = s[k] === ',' || s[k] === ';' || s[k] === '(';
      if (!hasSeparator) break;
      out += s.slice(copied, pos);
      copied = end;
      pos = end;
      if (end === b) break;
    }
    i = b;
  }
  return out + s.slice(copied);
}

/** text.replace(/[\s,;]+$/, ''), without re-reading a long run that is not at the end from each of its characters. */
function trimSeparatorsEnd(s: string): string {
  let e = s.length;
  while (e > 0 && (s[e - 1] === ',' || s[e - 1] === ';' || (s[e - 1]!.trim() === ''))) e--;
  return s.slice(0, e);
}

/** The row's cell in column `i` (see TableHeader), unless there is none or it is a placeholder. */
function column(row: readonly string[], i: number): string | undefined {
  const v = i >= 0 ? row[i] : undefined;
  return v && !isPlaceholderLine(v) ? v : undefined;
}

/** What one read of a model's action items made, per ticket pattern: kept for the next model of the document. */
interface FieldsRun {
  readonly fields: Fields[];
  /** The header line each row was read under (undefined for list items), by index. */
  readonly headers: Array<string | undefined>;
}

/** actionItemFields per model and ticket pattern: each action-item rule and the export read them. */
const fieldsCache = new WeakMap<PostmortemModel, Map<string, FieldsRun>>();

/** What each action item states: a summary, its owner, ticket and due date. */
export function actionItemFields(model: PostmortemModel, ticketPattern: string): ActionItemFields[] {
  return fieldsOf(model, ticketPattern);
}

/** The fields with whether the action-item rules pass each item over (`quiet`). */
export function fieldsOf(model: PostmortemModel, ticketPattern: string): Fields[] {
  let byPattern = fieldsCache.get(model);
  if (!byPattern) fieldsCache.set(model, (byPattern = new Map()));
  let run = byPattern.get(ticketPattern);
  if (!run) byPattern.set(ticketPattern, (run = computeFields(model, ticketPattern)));
  return run.fields;
}

/** Fields, and whether the rules pass the item over (a placeholder, or our example item): asked once per item. */
export interface Fields extends ActionItemFields {
  readonly quiet: boolean;
}

/** Placeholder text, or our example item (empty-section says it): no action-item finding. */
function quietEntry(entry: Pick<Entry, 'text' | 'lines'>): boolean {
  return isPlaceholderLine(entry.text) || (entry.lines.length === 1 && isOwnPlaceholder(entry.lines[0]!));
}

/** What a table row states, under its header: a pure function of the two lines and the ticket pattern. */
type RowFields = Omit<Fields, 'entry'>;

/**
 * Row fields by ticket pattern, header line and row line, for analyses from scratch (an edit takes them from the model
 * before, see computeFields): the export and the fix-all loop analyse the same text again, and so does the
 * benchmark. Bounded by the document: cleared when it holds more than twice its action items.
 */
const rowCache = new Map<string, Map<string, Map<string, RowFields>>>();
let rowCacheSize = 0;

/**
 * The last read from scratch, per ticket pattern: a document analysed again from scratch (the export, the fix-all
 * loop) has its rows at the same places, and a compare of each row's text with the row there before costs less than
 * hashing it for the row cache.
 */
const lastFromScratch = new Map<string, { readonly entries: readonly Entry[]; readonly run: FieldsRun }>();

/** The patterns read the cells joined by " | ", made only when a field has no column of its own. */
function rowFields(header: TableHeader, text: string, ticket: ReturnType<typeof ticketMatcher>): RowFields {
  const row = cells(text);
  let all: string | undefined;
  const owner = column(row, header.owner) ?? OWNER.exec((all ??= row.join(' | ')))?.[0];
  const ticketKey = column(row, header.ticket) ?? (LINK.exec((all ??= row.join(' | '))) ?? (ticket ? ticket.exec(all) : null))?.[0];
  const due = column(row, header.due) ?? DUE.exec((all ??= row.join(' | ')))?.[1];
  return {
    summary: column(row, header.summary) ?? row.find((c) => c.length > 0) ?? '',
    owner,
    ticket: ticketKey,
    due,
    // A row is its one line: quietEntry without an object for it.
    quiet: isPlaceholderLine(text) || isOwnPlaceholder(text),
  };
}

/** `^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ x]\]\s+)?` (case-insensitive): where a list item's text starts after its marker. */
const ITEM_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ x]\]\s+)?/i;

/** The item's lines joined by spaces, without its list marker and checkbox (one slice for a one-line item). */
function itemText(entry: Entry): string {
  const lines = entry.lines;
  const text = lines.length === 1 ? lines[0]! : lines.join(' ');
  const m = ITEM_MARKER.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/**
 * A list item's fields: one object per item, its summary made on first read (only the export reads it; cleaning a
 * long item's text takes several passes over it, each copying it). A class, not an object literal with a getter: a
 * literal made a closure and its context per item, and 90,000 items spent more in the collector than in the rules.
 */
class ListItemFields implements Fields {
  // Private (#): a spread or a deep compare of the fields sees only what the interface names.
  /** The item's text without its marker: the summary is made from it. */
  readonly #text: string;
  /** What the owner, due date and ticket patterns matched, taken out of the summary. */
  readonly #matched: ReadonlyArray<string | undefined>;
  #summary: string | undefined = undefined;
  constructor(
    readonly entry: Entry,
    text: string,
    matched: ReadonlyArray<string | undefined>,
    readonly owner: string | undefined,
    readonly ticket: string | undefined,
    readonly due: string | undefined,
    readonly quiet: boolean,
  ) {
    this.#text = text;
    this.#matched = matched;
  }

  get summary(): string {
    return (this.#summary ??= listSummary(this.#text, this.#matched));
  }

  /** The same fields for the same lines at another place (an edit above moved them). */
  movedTo(entry: Entry): ListItemFields {
    return new ListItemFields(entry, this.#text, this.#matched, this.owner, this.ticket, this.due, this.quiet);
  }
}

/** Whether two items hold the very same line strings (spliceLines keeps the string of every line an edit left alone). */
function sameLines(a: Entry, b: Entry): boolean {
  const x = a.lines;
  const y = b.lines;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** A list item's fields: a pure function of its lines and the ticket pattern. */
function itemFields(entry: Entry, ticket: ReturnType<typeof ticketMatcher>): Fields {
  const text = itemText(entry);
  const owner = mayHaveOwner(text) ? OWNER.exec(text) : null;
  const due = mayHaveDue(text) ? DUE.exec(text) : null;
  const ticketMatch = (mayHaveLink(text) ? LINK.exec(text) : null) ?? (ticket ? ticket.exec(text) : null);
  return new ListItemFields(
    entry,
    text,
    owner || due || ticketMatch ? [owner?.[0], due?.[0], ticketMatch?.[0]] : NONE_MATCHED,
    owner ? (owner[1] ?? owner[0]).trim() : undefined,
    ticketMatch?.[0],
    due ? (due[1] ?? due[2])?.trim() : undefined,
    quietEntry(entry),
  );
}

const NONE_MATCHED: ReadonlyArray<string | undefined> = [];

/**
 * After an edit, whether every table still has the header it had: the changed lines are table rows, before the edit
 * and after it, below a row. A row's header is the first line of its run of "|" lines, so it is then unchanged.
 */
function headersKept(change: LineChange, lines: readonly string[]): boolean {
  const { first, unchangedFrom, previous } = change;
  if (unchangedFrom === Infinity || first === 0 || !isRowLine(lines[first - 1] ?? '')) return unchangedFrom <= first;
  for (let l = first; l < unchangedFrom; l++) if (!isRowLine(lines[l] ?? '') || !isRowLine(previous.lines[l] ?? '')) return false;
  return true;
}

/**
 * The fields of the entries. After an edit, an entry the model kept (the same object at the same index) keeps its
 * fields, and a row whose line is the very string it was, under a header of the same text, takes the fields read
 * before (rowFields is a pure function of the two lines and the pattern): the rows after a line added or removed in a
 * long table moved, and were read again on every keystroke. Pointer compares and a walk of the entries before, no
 * hashing of rows.
 */
function computeFields(model: PostmortemModel, ticketPattern: string): FieldsRun {
  const ticket = ticketMatcher(ticketPattern);
  const entries = model.actionItems;
  // One of each per entry, at its index: made at their size (a push per row grew two arrays of a long table).
  const fields = new Array<Fields>(entries.length);
  const headers = new Array<string | undefined>(entries.length);
  const tableHeader = tableHeaders(model);
  const change = changeSincePrevious(model);
  const before = change ? fieldsCache.get(change.previous)?.get(ticketPattern) : undefined;
  const entriesBefore = change?.previous.actionItems ?? [];
  const rowsKept = change !== undefined && headersKept(change, model.lines);
  // Where the lines before the edit are: line l of this model was line l before it (l < first), or line l - shift
  // (l >= suffix); lines in between are new.
  let first = 0;
  let suffix = Infinity;
  let shift = 0;
  if (before) {
    first = change!.first;
    const old = change!.previous.lines;
    const lines = model.lines;
    shift = lines.length - old.length;
    suffix = lines.length;
    while (suffix > first && suffix - shift > first && lines[suffix - 1] === old[suffix - 1 - shift]) suffix--;
  }
  // From scratch: the read before at the same index, else the row cache, by header and row text.
  let byHeader: Map<string, Map<string, RowFields>> | undefined;
  let byRow: Map<string, RowFields> | undefined;
  const last = before ? undefined : lastFromScratch.get(ticketPattern);
  if (!before) {
    if (rowCacheSize > Math.max(5000, 2 * entries.length)) {
      rowCache.clear();
      rowCacheSize = 0;
    }
    byHeader = rowCache.get(ticketPattern);
    if (!byHeader) rowCache.set(ticketPattern, (byHeader = new Map()));
  }
  let lastHeader: TableHeader | undefined;
  let j = 0; // walks the entries before, in line order as these are
  /**
   * The entry before the edit at the line `line` was at then (the edit left that line, and moved it by `shift` when
   * below the edit), found by moving j on to it; undefined when there is none (j then stays where the walk is).
   */
  const entryBefore = (line: number): Entry | undefined => {
    const was = line < first ? line : line >= suffix ? line - shift : -1;
    if (was < 0) return undefined;
    while (j < entriesBefore.length && entriesBefore[j]!.range.start.line < was) j++;
    const old = entriesBefore[j];
    return old !== undefined && old.range.start.line === was ? old : undefined;
  };
  let k = 0; // the same, for the entries the model kept
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (before) {
      // A kept entry is at the line it was at, not always at the index: an item that became part of the one above
      // it (a lazy line) moved every later item back by one, and each was read again on every keystroke.
      const at = entry.range.start.line;
      while (k < entriesBefore.length && entriesBefore[k]!.range.start.line < at) k++;
      if (entriesBefore[k] === entry && (rowsKept || entry.kind === 'item' || entry.range.end.line < first)) {
        fields[i] = before.fields[k]!;
        headers[i] = before.headers[k];
        continue;
      }
    }
    const line = entry.range.start.line;
    if (entry.kind !== 'row') {
      // An item the edit moved (lines added or removed above it): its lines are the very strings they were, at
      // their line before the edit, and its fields are read from them alone. A line typed in a list of 90,000
      // items read every item below it again.
      let moved: Fields | undefined;
      const old = before ? entryBefore(line) : undefined;
      if (old !== undefined) {
        const oldFields = before!.fields[j];
        if (oldFields instanceof ListItemFields && sameLines(old, entry)) moved = oldFields.movedTo(entry);
      }
      fields[i] = moved ?? itemFields(entry, ticket);
      headers[i] = undefined;
      continue;
    }
    const header = tableHeader(line);
    let row: RowFields | undefined;
    if (before) {
      const old = entryBefore(line);
      if (old !== undefined && old.kind === 'row' && old.text === entry.text && before.headers[j] === header.text) row = before.fields[j]!;
      row ??= rowFields(header, entry.text, ticket);
    } else {
      const old = last?.entries[i];
      if (old !== undefined && old.kind === 'row' && old.range.start.line === line && old.text === entry.text && last!.run.headers[i] === header.text) {
        row = last!.run.fields[i]!;
      }
    }
    if (!row) {
      if (header !== lastHeader || !byRow) {
        lastHeader = header;
        byRow = byHeader!.get(header.text);
        if (!byRow) byHeader!.set(header.text, (byRow = new Map()));
      }
      row = byRow.get(entry.text);
      if (!row) {
        byRow.set(entry.text, (row = rowFields(header, entry.text, ticket)));
        rowCacheSize++;
      }
    }
    fields[i] = { entry, summary: row.summary, owner: row.owner, ticket: row.ticket, due: row.due, quiet: row.quiet };
    headers[i] = header.text;
  }
  const run = { fields, headers };
  if (!before) lastFromScratch.set(ticketPattern, { entries, run });
  return run;
}

/** Each field pattern with what it needs in a text (the oracle test checks that none matches a text without it). */
export const FIELD_PATTERNS: ReadonlyArray<readonly [RegExp, (text: string) => boolean]> = [
  [OWNER, mayHaveOwner],
  [DUE, mayHaveDue],
  [LINK, mayHaveLink],
];
