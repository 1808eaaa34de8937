// Patterns that users and repositories supply: the ticket pattern (settings, `.postmortem.json`) and the file globs
// (settings). Both can come from any repository a person opens, so neither may run on a backtracking engine: they are
// compiled for RE2's linear-time engine (./linear-regex), and one RE2 cannot take is reported, naming the construct,
// and left out. Our own defaults keep native regexes (checked by the ReDoS lint), so the usual document never loads
// the engine. Blameless phrases and section aliases are matched as literal text (escaped, or compared word by word),
// so no phrase can be a pattern.
import picomatch from 'picomatch/posix';
import { compileLinear } from './linear-regex';

/** A ticket key's first match in a text: the key and its offset. */
export interface TicketMatch {
  readonly 0: string;
  readonly index: number;
}

export interface TicketMatcher {
  exec(text: string): TicketMatch | null;
}

/** The built-in ticket pattern: `ABC-123` or `#123`. */
export const DEFAULT_TICKET_PATTERN = '[A-Z][A-Z0-9]+-\\d+|#\\d+';

/** DEFAULT_TICKET_PATTERN between the ticket boundaries (a test checks they agree): linear, see the ReDoS lint. */
const DEFAULT_TICKET = /(?<![\w-])(?:[A-Z][A-Z0-9]+-\d+|#\d+)(?![\w-])/;

/** Why RE2 rejected a pattern, as a clause after "it": names the construct, e.g. "uses a lookaround (`(?=`)…". */
function problemOf(e: unknown): string {
  const err = e as { construct?: unknown; message?: unknown };
  const construct = typeof err.construct === 'string' ? err.construct : '';
  const reason = String(err.message ?? e);
  const unsupported = 'which the linear-time engine (RE2) does not support';
  const lookaround = /^\(\?<?[=!]/.exec(construct)?.[0];
  if (lookaround) return `uses a lookaround (\`${lookaround}\`), ${unsupported}`;
  if (/^\\(?:[1-9]|k<)/.test(construct)) return `uses a backreference (\`${construct}\`), ${unsupported}`;
  if (/repeat count/.test(reason)) return `uses a repeat count over 1000 (\`${construct}\`), ${unsupported}`;
  return `is not a valid regular expression: ${reason}${construct === '' ? '' : ` (\`${construct}\`)`}`;
}

/**
 * Why `pattern` cannot be a ticket pattern, or undefined when it can: a clause after "it" that names what RE2 does
 * not take (a lookaround, a backreference) or the syntax error.
 */
export function ticketPatternProblem(pattern: string): string | undefined {
  if (pattern === DEFAULT_TICKET_PATTERN) return undefined;
  try {
    compileLinear(pattern, false);
    return undefined;
  } catch (e) {
    return problemOf(e);
  }
}

const tickets = new Map<string, TicketMatcher | undefined>();

/** The matcher for a ticket pattern: a key not inside a longer word (`ABC-1` but not `XABC-1` or `ABC-12x`). */
export function ticketMatcher(pattern: string): TicketMatcher | undefined {
  if (pattern === DEFAULT_TICKET_PATTERN) return DEFAULT_TICKET;
  if (tickets.has(pattern)) return tickets.get(pattern);
  let matcher: TicketMatcher | undefined;
  if (ticketPatternProblem(pattern) === undefined) {
    // RE2 has no lookbehind or lookahead: the boundaries are matched as characters, the key is group 1.
    const re = compileLinear(`(?:^|[^\\w-])(${pattern})(?:[^\\w-]|$)`, false);
    matcher = {
      exec(text) {
        const m = re.find(text, 1);
        return m ? { 0: m.text, index: m.index } : null;
      },
    };
  }
  if (tickets.size > 20) tickets.clear();
  tickets.set(pattern, matcher);
  return matcher;
}

/**
 * picomatch's regex parts that keep `.` and `..` path segments from matching (and one that asks for a non-empty
 * segment). RE2 has no lookahead, so they are dropped: the paths matched here are normalised (globPath), with no
 * such segments.
 */
const DOT_SEGMENT_GUARDS = ['(?!(?:^|\\/)\\.{1,2}(?:\\/|$))', '(?!\\.{1,2}(?:\\/|$))', '(?!\\.{0,1}(?:\\/|$))', '(?!\\.)', '(?=.)'];

interface CompiledGlob {
  readonly negated: boolean;
  /** Words every path it matches contains (lower case; none unless the glob is plain). */
  readonly words: readonly string[];
  readonly matches: (path: string) => boolean;
}

/** A glob of only word characters, spaces, `.`, `~`, `-`, `*`, `?` and `/`: each of its words is in any path it matches. */
function wordsOf(glob: string): string[] {
  const body = glob.replace(/^(?:\.\/)+/, ''); // picomatch drops a leading ./
  return /^[\w .~*?/-]*$/.test(body) ? body.toLowerCase().split(/[*?/]+/).filter((w) => w !== '') : [];
}

// The two shapes of the default globs, matched with string operations (so the usual file needs no RE2):
// `**/name/**` (a folder or file named so, anywhere) and `**/*word*` (a file name holding the word).
function simpleGlob(glob: string): ((path: string) => boolean) | undefined {
  const folder = /^\*\*\/([\w .~-]+)\/\*\*$/.exec(glob)?.[1]?.toLowerCase();
  if (folder !== undefined) return (path) => path.toLowerCase().split('/').includes(folder);
  const word = /^\*\*\/\*([\w .~-]+)\*$/.exec(glob)?.[1]?.toLowerCase();
  if (word === undefined) return undefined;
  return (path) => {
    const name = path.endsWith('/') ? path.slice(0, -1) : path; // picomatch lets a trailing slash follow the name
    return name.slice(name.lastIndexOf('/') + 1).toLowerCase().includes(word);
  };
}

function compileGlob(glob: string, nocase = true): CompiledGlob {
  const simple = nocase ? simpleGlob(glob) : undefined;
  if (simple) return { negated: false, words: wordsOf(glob), matches: simple };
  const state = (picomatch(glob, { nocase, dot: true }, true) as unknown as { state: { output: string; negated: boolean } }).state;
  let source = state.output;
  for (const guard of DOT_SEGMENT_GUARDS) source = source.split(guard).join('');
  const re = compileLinear(`^(?:${source})$`, nocase);
  return { negated: state.negated, words: nocase ? wordsOf(glob) : [], matches: (path) => re.matchesWhole(path) };
}

/**
 * A glob matched in linear time and case-sensitively (RE2 over picomatch's translation; `*` and `**` also match names
 * that start with a dot; a leading `!` negates it), for the globs the command line is given and a repository's
 * `.postmortem.json` ignores. Paths are relative, with forward slashes, and have no `.` or `..` segment but a leading
 * run of `../`. When RE2 cannot take the glob: its problem, a clause after "it" that names the construct.
 */
export function linearGlob(glob: string): { readonly matches: (path: string) => boolean } | { readonly problem: string } {
  // RE2 has no lookahead for picomatch's guards that keep wildcards off `..` segments: a leading run of them (a path
  // outside the working directory, `../other/x.md`) is matched literally, as many in the path as in the glob.
  const bang = /^!(?!\()/.test(glob) ? '!' : '';
  const body = glob.slice(bang.length).replace(/^(?:\.\/)+/, '');
  const ups = upsOf(body);
  try {
    const g = compileGlob(`${bang}${body.slice(3 * ups)}`, false);
    return { matches: (path) => (upsOf(path) === ups && g.matches(path.slice(3 * ups))) !== g.negated };
  } catch (e) {
    return { problem: problemOf(e) };
  }
}

/** How many `../` segments `path` starts with. */
function upsOf(path: string): number {
  let n = 0;
  while (path.startsWith('../', 3 * n)) n++;
  return n;
}

export interface GlobSet {
  /** Whether any glob matches `path` (forward slashes, no leading slash). */
  matches(path: string): boolean;
  /** One message per glob that was left out. */
  readonly problems: readonly string[];
}

/** The settings' globs, each matched in linear time; a glob RE2 cannot take is left out, with a problem. */
export function globSet(globs: readonly string[]): GlobSet {
  const compiled: CompiledGlob[] = [];
  const problems: string[] = [];
  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    for (const glob of globs) {
      if (glob === '') continue;
      try {
        compiled.push(compileGlob(glob));
      } catch (e) {
        problems.push(`The glob "${glob}" in postmortem.files.globs cannot be used: it ${problemOf(e)}. It is ignored.`);
      }
    }
  };
  // Lower-case words only prove a miss for ASCII paths (Unicode case folding maps a few other letters onto ASCII).
  const missing = (words: readonly string[], path: string) => /^[\x20-\x7e]*$/.test(path) && words.some((w) => !path.toLowerCase().includes(w));
  const plain = globs.map(wordsOf);
  return {
    matches(path) {
      // A path that holds no glob's words cannot match: most Markdown files (a README) are settled without RE2.
      if (!loaded && plain.every((words) => words.length > 0 && missing(words, path))) return false;
      load();
      return compiled.some((g) => (g.words.length > 0 && missing(g.words, path) ? g.negated : g.matches(path) !== g.negated));
    },
    get problems() {
      load();
      return problems;
    },
  };
}
