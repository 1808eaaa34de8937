// When analysis itself fails (a bug of ours on some input), the editor must not: the exception stays here, the
// document shows one error saying checking failed, and the adapter logs the details once. Pure, so the adapters'
// handling is unit-tested.
import type { Analysis } from './analyze';
import { emptyModel } from './model/model';

/** The code of the one diagnostic a document gets when checking it failed. */
export const CHECK_FAILED = 'check-failed';

export const ISSUES_URL = 'https://github.com/postmortem-tools/postmortem-writer/issues';

/** `error` in one line: its name and message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.split('\n')[0]!;
  return String(error).split('\n')[0]!;
}

/** What the log gets: the description and, when there is one, the stack. */
export function errorDetails(error: unknown): string {
  return error instanceof Error && error.stack ? error.stack : describeError(error);
}


/**
 * The analysis a document gets when checking it threw: no model content, not a post-mortem (so hover, completions
 * and the status bar stay quiet), and one error finding on the first line that says so.
 */
export function failedAnalysis(error: unknown): Analysis {
  return {
    model: emptyModel(),
    isPostmortem: false,
    reason: undefined,
    isTemplate: false,
    explanation: 'checking failed',
    findings: [
      {
        code: CHECK_FAILED,
        message: `Post-mortem checking failed on this document (${describeError(error)}), so its results are not shown. This is a bug: please report it at ${ISSUES_URL}, with the document if you can share it. The details are in the Post-mortem output channel.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error',
        data: {},
      },
    ],
  };
}

/**
 * Runs `analyse`; if it throws, returns failedAnalysis and calls `onFailure` with the error and whether this error
 * (by its details) is new to `seen`, so an adapter logs each failure once however often the document is checked.
 */
export function analyseSafely(analyse: () => Analysis, seen: Set<string>, onFailure: (error: unknown, first: boolean) => void): Analysis {
  try {
    return analyse();
  } catch (error) {
    const key = errorDetails(error);
    const first = !seen.has(key);
    seen.add(key);
    try {
      onFailure(error, first);
    } catch {
      // Reporting the failure must not become a second one.
    }
    return failedAnalysis(error);
  }
}
