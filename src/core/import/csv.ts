// A small RFC 4180 CSV reader: one pass over the text, quoted fields with "" escapes and line breaks, CRLF or LF.
// Malformed input (a quote inside an unquoted field, an unclosed quote) is one ImportError that says where.
import { ImportError } from './types';

export interface CsvRow {
  /** 1-based line where the row starts. */
  readonly line: number;
  readonly fields: string[];
}

/** Parses CSV text into rows; blank lines are skipped. A byte-order mark is ignored. */
export function parseCsv(text: string, name = 'CSV'): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let fieldStarted = false;
  const n = text.length;
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '' && !fieldStarted)) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new ImportError(`${name} is not valid: line ${line}, column ${column(text, i)}: unexpected text after a closing quote.`);
        }
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
      i++;
    } else if (c === '\n' || c === '\r') {
      endRow();
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      rowLine = line;
    } else if (c === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === '"') {
      throw new ImportError(`${name} is not valid: line ${line}, column ${column(text, i)}: a quote inside an unquoted field (quote the whole field and double the quote).`);
    } else {
      // Copy the run of ordinary characters at once.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 44 || d === 10 || d === 13 || d === 34) break;
        j++;
      }
      field += text.slice(i, j);
      fieldStarted = true;
      i = j;
    }
  }
  if (quoted) throw new ImportError(`${name} is not valid: the quoted field that starts on line ${rowLine} is never closed.`);
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

function column(text: string, index: number): number {
  return index - text.lastIndexOf('\n', index - 1);
}

/** A header name reduced to letters and digits, lower case: "Created At" and "created_at" are both "createdat". */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The index of the first header among `names` (reduced keys), or -1. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  const keys = header.map(headerKey);
  for (const name of names) {
    const i = keys.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}
