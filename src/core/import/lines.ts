// Generic timestamped lines: logs, notes and terminal output. Each line that starts with a time is an entry (ISO 8601,
// `YYYY-MM-DD HH:mm[:ss][,mmm]`, syslog `Nov 25 14:03:11`, `[14:03]`, `14:03:11`, `2:03 PM`, with an optional zone);
// a date alone on a line sets the day; other lines continue the entry above. Shell history: `#<epoch>` lines stamp
// the commands under them, which become code spans.
import { parseStamp } from '../timeline/stamp';
import { codeSpan } from './markdown';
import type { Clock } from './time';
import type { Collector } from './types';

/** The text after a stamp: closing brackets and separators (`]`, `)`, `-`, `—`, `:`, `|`) are not part of it. */
const AFTER_STAMP = /^[\])]*\s*(?:[-–—:|>]+(?=\s|$)\s*)?/;
const FRACTION = /:\d{2}[.,](\d{1,9})/;
/** A shell history time line (`HISTTIMEFORMAT` or zsh extended history written as `#1700000000`). */
const SHELL_EPOCH = /^#(\d{9,11})\s*$/;

export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A line's stamp and text, when it starts with a time. */
export function stampedLine(line: string): { stamp: NonNullable<ReturnType<typeof parseStamp>>; ms: number; text: string } | undefined {
  const stamp = parseStamp(line);
  if (!stamp?.clock || stamp.start > 2) return undefined;
  // parseStamp reads `,123` milliseconds as part of the seconds; keep them for ordering.
  const frac = FRACTION.exec(line.slice(stamp.start, stamp.end));
  const ms = frac ? Number(frac[1]!.slice(0, 3).padEnd(3, '0')) : 0;
  const end = stamp.end;
  const rest = line.slice(end);
  const text = rest.slice(AFTER_STAMP.exec(rest)![0].length);
  return { stamp, ms, text };
}

interface Open {
  lines: string[];
  epochMs: number;
  line: number;
  code: boolean;
}

export function parseLines(text: string, clock: Clock, out: Collector): void {
  let open: Open | undefined;
  const flush = () => {
    if (!open) return;
    const body = open.lines.join('\n');
    out.entries.push({ epochMs: open.epochMs, text: body, line: open.line, ...(open.code ? { markdown: open.lines.map(codeSpan).join('<br>') } : {}) });
    open = undefined;
  };
  splitLines(text).forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    if (line === '') return;
    const epoch = SHELL_EPOCH.exec(line);
    if (epoch) {
      flush();
      open = { lines: [], epochMs: Number(epoch[1]) * 1000, line: n, code: true };
      return;
    }
    if (open?.code) {
      open.lines.push(line);
      return;
    }
    const stamped = stampedLine(line);
    if (stamped) {
      flush();
      const epochMs = clock.instant(stamped.stamp, n, stamped.ms);
      if (stamped.text === '') {
        out.unread(n, raw, 'a time with no text after it');
        return;
      }
      open = { lines: [stamped.text], epochMs, line: n, code: false };
      return;
    }
    const day = clock.separator(line);
    if (day) {
      flush();
      clock.setDay(day);
      return;
    }
    if (open) open.lines.push(line);
    else out.unread(n, raw, 'no time at the start of the line, and no entry above it to continue');
  });
  flush();
  // A `#<epoch>` with no command under it.
  for (let i = out.entries.length - 1; i >= 0; i--) {
    const e = out.entries[i]!;
    if (e.text === '' && e.markdown === '') {
      out.entries.splice(i, 1);
      out.unread(e.line, `#${e.epochMs / 1000}`, 'a shell history time with no command under it');
    }
  }
}
