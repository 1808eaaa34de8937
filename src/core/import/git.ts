// `git log` for deploys and reverts, one commit a line:
//   git log --since=… --until=… --format='%aI%x09%an%x09%s'   (tabs: unambiguous; recommended)
//   git log --since=… --until=… --format='%aI %an %s'         (spaces: the author is read as the capitalised words
//                                                              before the subject's first verb or "type:" prefix)
// The author's own zone in %aI is kept. Lines without a strict ISO time are unreadable.
import { splitLines } from './lines';
import type { Collector } from './types';

/** `%aI`: 2025-11-24T10:42:11+01:00 (or Z), then a tab or a space. */
export const GIT_LINE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})([\t ])(.*)$/;

/** Words that start a commit subject rather than continue a name. */
const SUBJECT_WORDS = new Set(
  'add adds added allow bump change changes cherry-pick create delete deploy deploys disable downgrade drop enable fix fixes fixed handle hotfix improve increase decrease lower make merge merged move patch pin prepare raise reapply refactor release remove rename revert reverts rollback roll set support switch tune update updated upgrade use wip'.split(' '),
);

function splitAuthor(rest: string): { author?: string; subject: string } {
  const words = rest.split(' ');
  let n = 0;
  while (n < words.length - 1 && n < 4) {
    const w = words[n]!;
    if (w.endsWith(':') || SUBJECT_WORDS.has(w.toLowerCase()) || /^[[(]/.test(w)) break;
    if (n > 0 && !/^\p{Lu}/u.test(w)) break;
    n++;
  }
  if (n === 0) return { subject: rest };
  return { author: words.slice(0, n).join(' '), subject: words.slice(n).join(' ') };
}

export function parseGitLog(text: string, out: Collector): void {
  splitLines(text).forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    if (line === '') return;
    const m = GIT_LINE.exec(line);
    if (!m) {
      out.unread(n, raw, "not a `git log --format='%aI%x09%an%x09%s'` line (an ISO 8601 author date first)");
      return;
    }
    const zone = m[7]!;
    const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
    const epochMs = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) - offset * 60_000;
    const rest = m[9]!;
    let author: string | undefined;
    let subject: string;
    if (m[8] === '\t' || rest.includes('\t')) {
      const tab = rest.indexOf('\t');
      author = tab >= 0 ? rest.slice(0, tab).trim() : undefined;
      subject = (tab >= 0 ? rest.slice(tab + 1) : rest).trim();
    } else ({ author, subject } = splitAuthor(rest));
    if (subject === '') {
      out.unread(n, raw, 'a commit with no subject');
      return;
    }
    out.entries.push({ epochMs, ...(author ? { author } : {}), text: subject, line: n });
  });
}
