// Compiling regular expressions at activation, for less.
//
// V8 runs a regular expression's first match in its bytecode interpreter, which first compiles the pattern to
// bytecode, and compiles it to machine code for the matches after; on a subject of 1,000 characters or more it compiles
// to machine code at once. For a long alternation the bytecode step costs several times the machine-code one, so the
// patterns that read every line or heading of a document are first run once, on a long subject: the first analysis
// (what a user waits for after opening a post-mortem) then takes 5 ms less CPU time. Only the time changes: nothing
// reads the result of these runs, and the patterns' `lastIndex` is put back.

/** V8 compiles to machine code at once from this subject length (`kTierUpForSubjectLengthValue`). */
const LONG_SUBJECT = 1000;

/**
 * Runs each pattern once on a long subject made from `sample`: text of the document being read, so that it has the
 * same string representation (one or two bytes per character) as the text the patterns will read.
 */
export function warmUp(patterns: readonly RegExp[], sample: string): void {
  const subject = sample.length >= LONG_SUBJECT ? sample : sample + ' '.repeat(LONG_SUBJECT - sample.length);
  for (const pattern of patterns) {
    const last = pattern.lastIndex;
    pattern.lastIndex = 0;
    pattern.test(subject);
    pattern.lastIndex = last;
  }
}
