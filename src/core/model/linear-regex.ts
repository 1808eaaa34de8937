// Regular expressions that users and repositories supply (ticket pattern, file globs) run on RE2's linear-time engine
// (re2js, a JavaScript port of RE2): no input can make them backtrack. The Node bundle loads this module on first use
// only (scripts/build.mjs), so a document that needs no user pattern never pays for re2js.
import { RE2JS } from 're2js';

/** A compiled linear-time pattern. */
export interface LinearRegex {
  /** The first match of capture group `group` (0: the whole match), with its UTF-16 offset. */
  find(text: string, group: number): { readonly text: string; readonly index: number } | undefined;
  /** Whether the pattern matches the whole of `text`. */
  matchesWhole(text: string): boolean;
}

/**
 * Thrown for a pattern RE2 cannot compile: `construct` is the part it stopped at, e.g. "(?=" or "\\1". (Read it from the
 * error, not with instanceof: the Node bundle loads this module from its own file.)
 */
class UnsupportedPattern extends Error {
  constructor(message: string, readonly construct: string) {
    super(message);
  }
}

/** Compiles `source`, written in JavaScript syntax (`\u0041`, `(?<name>…)` are translated to RE2's). */
export function compileLinear(source: string, ignoreCase: boolean): LinearRegex {
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(source), ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (e) {
    const err = e as { error?: unknown; input?: unknown; message?: unknown };
    const construct = typeof err.input === 'string' ? err.input : '';
    const reason = typeof err.error === 'string' ? err.error : String(err.message ?? e);
    throw new UnsupportedPattern(reason, construct);
  }
  return {
    find(text, group) {
      const m = re.matcher(text);
      if (!m.find()) return undefined;
      const found = m.group(group);
      return found === null || found === undefined ? undefined : { text: found, index: m.start(group) };
    },
    matchesWhole: (text) => re.testExact(text),
  };
}
