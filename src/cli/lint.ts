// The CLI's view of one file: the core's analysis in 1-based lines and columns, as other linters print them.
import { analyze, type Metrics, type PostmortemConfig, type Severity, type FindingData } from '../core';

export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;

export interface FileResult {
  readonly file: string;
  readonly isPostmortem: boolean;
  readonly sections: ReadonlyArray<{ id: string; heading: string; line: number }>;
  readonly findings: ReadonlyArray<{
    code: string;
    severity: Severity;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    data: FindingData;
  }>;
  /** Milestones (1-based lines) and durations, for post-mortems. */
  readonly metrics?: Metrics;
}

export function lint(file: string, text: string, options: { all?: boolean; config?: PostmortemConfig } = {}): FileResult {
  const analysis = analyze(text, { path: file, force: options.all === true, ...(options.config ? { config: options.config } : {}) });
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
  return { file, isPostmortem: analysis.isPostmortem, sections, findings: analysis.isPostmortem ? findings : [], ...(metrics ? { metrics } : {}) };
}
