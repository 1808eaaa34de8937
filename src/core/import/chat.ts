// Text copied from a chat client: messages under name-and-time headers, continuation messages under a bare time,
// date separators between days, interface text (reply counts, "New messages") listed as left out, and "(edited)" marks dropped. Slack and Teams
// share this reader and differ in header forms and interface text (slack-text.ts, teams-text.ts).
import { trimEndChars } from '../model/text';
import { parseStamp } from '../timeline/stamp';
import { splitLines } from './lines';
import type { Clock, Day } from './time';
import type { Collector } from './types';

const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]\.?M\.?)?`;
/** A time alone on a line, maybe in brackets: a continuation message's header ("10:43", "[10:43 AM]"). */
export const TIME_ONLY = new RegExp(String.raw`^\[?(${TIME})\]?$`, 'i');
/** "[10:42 AM] Sam Lee", "[Yesterday 10:42 AM] Sam Lee", "[11/24/2025 10:42 AM] Sam Lee": Teams' copied header. */
const BRACKET_HEADER = /^\[([^\]]{3,40})\]\s+(\S.*)$/;
/** "[10:43 AM] text": a Slack continuation message copied with its time. */
const BRACKET_TIME_TEXT = new RegExp(String.raw`^\[(${TIME})\]\s+(\S.*)$`, 'i');
const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?,?\s+/;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** At most this many characters after a name can be a time ("[12:34:56 A.M.]" is 15). */
const MAX_TIME_TAIL = 16;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** `name` without Slack's badge after an app's name (white space, then "APP" ending it). */
function withoutAppBadge(name: string): string {
  if (!name.endsWith('APP')) return name;
  const head = trimEndChars(name.slice(0, -3), /\s/);
  return head.length < name.length - 3 ? head : name;
}

/**
 * "Sam Lee  10:42 AM", "Sam Lee\t[10:42]", "Sam Lee 10:42 AM": a name, then a time ending the line. What
 * /^(\S.*?)(\s+)\[?(TIME)\]?$/ finds, in one pass: the name ends at the first run of white space after which the rest
 * of the line is a time, and it holds no line break.
 */
function nameAndTime(line: string): { name: string; gap: string; time: string } | undefined {
  if (line === '' || /\s/.test(line[0]!)) return undefined;
  for (let i = 1; i < line.length; ) {
    if (!/\s/.test(line[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let lineBreak = false;
    for (; j < line.length && /\s/.test(line[j]!); j++) lineBreak ||= LINE_BREAK.test(line[j]!);
    const time = line.length - j <= MAX_TIME_TAIL ? TIME_ONLY.exec(line.slice(j)) : null;
    if (time) return { name: line.slice(0, i), gap: line.slice(i, j), time: time[1]! };
    // A name cannot reach past a line break.
    if (lineBreak) return undefined;
    i = j;
  }
  return undefined;
}

export interface ChatDialect {
  /** `[time] Name` lines are headers (Teams); otherwise `[time] text` is a continuation message (Slack). */
  readonly bracketHeaders: boolean;
  /** Interface text to leave out, and why. */
  readonly noise: RegExp;
  readonly noiseReason: string;
}

/** A person's name or handle: letters first, at most six words, no sentence punctuation. */
export function nameLike(text: string): boolean {
  if (text.length > 60 || text.length < 2) return false;
  if (!/^[\p{L}@][\p{L}\p{M}\p{N}'’.\-_()/ ]*$/u.test(text)) return false;
  return text.split(' ').length <= 6 && !/\.$/.test(text);
}

interface Message {
  author: string | undefined;
  epochMs: number;
  line: number;
  lines: string[];
  /** The line number of each text line, to give back a name line that turns out to be the next header. */
  lineNumbers: number[];
  raw: string;
}

export function parseChat(text: string, clock: Clock, out: Collector, dialect: ChatDialect): void {
  let cur: Message | undefined;
  let author: string | undefined;
  /** The transcript writes AM/PM times, so a bare continuation time is on the 12-hour clock too. */
  let twelveHour = false;
  let lastMinutes: number | undefined;
  /** A name-like line seen before any message: the header's name when a bare time follows. */
  let pending: { text: string; line: number } | undefined;

  const flush = () => {
    if (!cur) return;
    if (cur.lines.length === 0) out.unread(cur.line, cur.raw, 'a message header with no message under it');
    else out.entries.push({ epochMs: cur.epochMs, ...(cur.author ? { author: cur.author } : {}), text: cur.lines.join('\n'), line: cur.line });
    cur = undefined;
  };
  const dropPending = () => {
    if (pending) out.unread(pending.line, pending.text, 'no message header above this line');
    pending = undefined;
  };
  const start = (who: string | undefined, time: string, n: number, raw: string, dayFirst?: Day) => {
    flush();
    dropPending();
    if (dayFirst) clock.setDay(dayFirst);
    let stamp = parseStamp(time);
    if (!stamp?.clock) {
      out.unread(n, raw, `"${time}" is not a time`);
      return;
    }
    const hasMeridiem = /[AP]\.?M/i.test(time);
    if (hasMeridiem) twelveHour = true;
    else if (twelveHour && stamp.clock.hour >= 1 && stamp.clock.hour <= 12 && lastMinutes !== undefined) {
      // Continuation times drop AM/PM ("2:06" under "Sam Lee  2:05 PM"): the reading nearest after the time before.
      const am = (stamp.clock.hour % 12) * 60 + stamp.clock.minute;
      const pm = am + 720;
      const after = [am, pm].filter((m) => m >= lastMinutes!);
      const minutes = after.length > 0 ? Math.min(...after) : am;
      stamp = { ...stamp, clock: { ...stamp.clock, hour: Math.floor(minutes / 60) } };
    }
    lastMinutes = stamp.clock!.hour * 60 + stamp.clock!.minute;
    author = who;
    cur = { author: who, epochMs: clock.instant(stamp, n), line: n, lines: [], lineNumbers: [], raw };
  };

  splitLines(text).forEach((raw, i) => {
    const n = i + 1;
    const trimmed = raw.trim();
    const line = /\((?:e|E)dited\)$/.test(trimmed) ? trimmed.slice(0, -8).trimEnd() : trimmed;
    if (line === '') return;
    if (dialect.noise.test(line)) {
      out.ignore(n, raw, dialect.noiseReason);
      return;
    }
    const day = /\d:\d/.test(line) ? undefined : clock.separator(line);
    if (day) {
      flush();
      dropPending();
      clock.setDay(day);
      lastMinutes = undefined;
      return;
    }
    // A time alone on a line; in Teams also with a day ("Yesterday 10:42 AM", "11/24/2025 10:42 AM").
    const bare = TIME_ONLY.exec(line);
    const when = bare ? { time: bare[1]! } : dialect.bracketHeaders && line.length <= 40 && /\d:\d/.test(line) ? teamsWhen(line, clock) : undefined;
    const timeOnly = when ? [line, when.time] : undefined;
    const whenDay = when && 'day' in when ? when.day : undefined;
    if (timeOnly) {
      // "Sam Lee" then "10:42 AM": the line above was the next message's name, not text of the one before.
      const last = cur?.lines[cur.lines.length - 1];
      if (cur && last !== undefined && cur.lines.length >= 2 && nameLike(last) && cur.lineNumbers[cur.lineNumbers.length - 1] === n - 1) {
        cur.lines.pop();
        cur.lineNumbers.pop();
        start(withoutAppBadge(last), timeOnly[1]!, n - 1, raw, whenDay);
      } else if (pending && pending.line === n - 1) {
        const who = withoutAppBadge(pending.text);
        pending = undefined;
        start(who, timeOnly[1]!, n - 1, raw, whenDay);
      } else if (author !== undefined || cur) {
        start(author, timeOnly[1]!, n, raw, whenDay);
      } else {
        dropPending();
        out.unread(n, raw, 'a time with no name above it');
      }
      return;
    }
    const header = headerOf(line, dialect, clock);
    if (header) {
      start(header.author, header.time, n, raw, header.day);
      if (header.text) {
        cur!.lines.push(header.text);
        cur!.lineNumbers.push(n);
      }
      return;
    }
    if (cur) {
      cur.lines.push(line);
      cur.lineNumbers.push(n);
    } else {
      dropPending();
      if (nameLike(line)) pending = { text: line, line: n };
      else out.unread(n, raw, 'no message header above this line');
    }
  });
  flush();
  dropPending();
}

export function headerOf(line: string, dialect: ChatDialect, clock: Clock): { author: string | undefined; time: string; day?: Day; text?: string } | undefined {
  if (line.length > 120) return undefined;
  if (dialect.bracketHeaders) {
    const b = BRACKET_HEADER.exec(line);
    if (b && nameLike(b[2]!)) {
      const when = teamsWhen(b[1]!, clock);
      if (when) return { author: b[2]!, time: when.time, ...(when.day ? { day: when.day } : {}) };
    }
  } else {
    const c = BRACKET_TIME_TEXT.exec(line);
    if (c) return { author: undefined, time: c[1]!, text: c[2]! };
  }
  const m = nameAndTime(line);
  if (m) {
    const name = withoutAppBadge(m.name).trim();
    // A single space before the time is a header only for a short capitalised name with an AM/PM time.
    const spaced = m.gap.length >= 2 || m.gap.includes('\t');
    const strict = /[AP]\.?M/i.test(m.time) && /^\p{Lu}/u.test(name) && name.split(' ').length <= 3;
    if (nameLike(name) && (spaced || strict)) return { author: name, time: m.time };
  }
  return undefined;
}

/** The bracket of a Teams header: a time, maybe after "Yesterday", a weekday or a M/D/YYYY date. */
export function teamsWhen(inside: string, clock: Clock): { time: string; day?: Day } | undefined {
  let text = inside.trim();
  let day: Day | undefined;
  const slash = SLASH_DATE.exec(text);
  if (slash) {
    let month = Number(slash[1]);
    let date = Number(slash[2]);
    // Teams writes the date in the person's locale: month first unless that cannot be.
    if (month > 12 && date <= 12) [month, date] = [date, month];
    if (slash[3] === undefined) day = clock.completeYear(month, date);
    else day = { year: Number(slash[3]) < 100 ? 2000 + Number(slash[3]) : Number(slash[3]), month, day: date };
    text = text.slice(slash[0].length);
  } else {
    const word = /^([A-Z]+),?\s+/i.exec(text);
    if (word) {
      const d = clock.separator(word[1]!);
      if (!d && !WEEKDAYS.includes(word[1]!.toLowerCase())) return undefined;
      day = d;
      text = text.slice(word[0].length);
    }
  }
  return TIME_ONLY.test(text) ? { time: text, ...(day ? { day } : {}) } : undefined;
}
