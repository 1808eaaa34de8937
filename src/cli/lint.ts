// The CLI's view of one file: the core's analysis in 1-based lines and columns, as other linters print them.
import { analyze, TOO_LARGE, type Metrics, type PostmortemConfig, type Severity, type FindingData } from '../core';

export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;

export interface CliFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly data: FindingData;
}

export interface FileResult {
  /** The path as printed: relative to the working directory. */
  readonly file: string;
  readonly isPostmortem: boolean;
  /** Named explicitly but not checked: not a post-mortem (without --all), or ignored by `ignores`. */
  readonly skipped: boolean;
  readonly skipReason?: string;
  /** The file could not be read or analysed; nothing else is reported for it. */
  readonly error?: string;
  readonly sections: ReadonlyArray<{ id: string; heading: string; line: number }>;
  readonly findings: readonly CliFinding[];
  /** Milestones (1-based lines) and durations, for post-mortems. */
  readonly metrics?: Metrics;
  /** Absolute path (not printed in JSON), and the text, for formats that fingerprint lines. */
  readonly absolute?: string;
  readonly lines?: readonly string[];
}

export const NOT_A_POSTMORTEM = 'not a post-mortem; use --all';

export function lint(
  file: string,
  text: string,
  options: { all?: boolean; config?: PostmortemConfig; path?: string; explicit?: boolean; today?: string } = {},
): FileResult {
  const analysis = analyze(text, {
    path: options.path ?? file,
    force: options.all === true,
    ...(options.today !== undefined ? { today: options.today } : {}),
    ...(options.config ? { config: options.config } : {}),
  });
  // A post-mortem too large to check was not checked: the file's error, as one that cannot be read.
  const tooLarge = analysis.findings.find((f) => f.code === TOO_LARGE);
  if (tooLarge) return unchecked(file, { error: tooLarge.message });
  const sections = analysis.model.sections.flatMap((s) =>
    s.roles.map((id) => ({ id, heading: s.heading.text, line: s.heading.range.start.line + 1 })),
  );
  const findings = analysis.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    data: f.data,
  }));
  // In document order, as other linters print; a stable sort keeps rule order within one position.
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  const metrics = analysis.metrics
    ? { ...analysis.metrics, milestones: Object.fromEntries(Object.entries(analysis.metrics.milestones).map(([id, m]) => [id, { ...m, line: m.line + 1 }])) }
    : undefined;
  const skipped = options.explicit === true && !analysis.isPostmortem;
  return {
    file,
    isPostmortem: analysis.isPostmortem,
    skipped,
    ...(skipped ? { skipReason: NOT_A_POSTMORTEM } : {}),
    sections,
    findings: analysis.isPostmortem ? findings : [],
    lines: analysis.model.lines,
    ...(metrics ? { metrics } : {}),
  };
}

/** A file that was named but not checked (ignored), or could not be read or analysed. */
export function unchecked(file: string, how: { skipReason: string } | { error: string }): FileResult {
  return { file, isPostmortem: false, skipped: 'skipReason' in how, ...how, sections: [], findings: [] };
}
