import type { PostmortemConfig, RuleLevel, Severity } from '../config/config';
import type { Finding } from '../findings';
import type { PostmortemModel } from '../model/model';
import type { SectionProgress } from '../model/progress';

export interface RuleContext {
  readonly model: PostmortemModel;
  readonly config: PostmortemConfig;
  /** Which required sections are present, empty or missing (the model's answer, shared with the editor). */
  readonly completeness: SectionProgress;
  /** Today as YYYY-MM-DD, from the adapter (never the core's clock); rules about dates that pass skip without it. */
  readonly today?: string | undefined;
  /**
   * Emits a finding with the rule's code, at the rule's configured severity (or the one given), and returns it. A rule
   * that keeps what it reports (per section or entry) may keep the returned finding instead, and report it again: it
   * is then taken as it is while the severity is the same, not copied (a finding reported again this way takes the
   * run's severity, never one it was given).
   */
  report(finding: FindingInput): Finding;
  /**
   * After an edit, the findings the rule reported for the model before (at the same severity), to hand on in runs as
   * they were, in order with report(): a rule that knows which of them the edit left (one per section it kept, say)
   * need not report each of 95,000 again. Undefined when there are none.
   */
  readonly before?: FindingsBefore | undefined;
}

/** The findings a rule reported for the model before, read in order (see RuleContext.before). */
export interface FindingsBefore {
  /** How many there were. */
  readonly count: number;
  /** Reports again the next `n` of them, as they were. */
  take(n: number): void;
  /** Steps over the next `n` of them (the edit removed or changed them). */
  skip(n: number): void;
}

/** What a rule reports: a finding without its code, and its severity only when not the rule's configured one. */
export type FindingInput = Omit<Finding, 'severity' | 'code'> & { severity?: Severity };

/**
 * A rule describes itself: `npm run generate` writes CODES, the `postmortem.rules` settings schema in package.json and
 * the README's code table from these fields (see scripts/rules-docs.ts).
 */
export interface Rule {
  /** The stable code of its findings, e.g. "missing-section". */
  readonly code: string;
  /**
   * The level when `postmortem.rules` does not set one. `auto` is the rule's default (see autoSeverity in analyze.ts):
   * a rule whose default is `auto` follows the document's status, and must say how (`completeness` or `strictWhenFinal`).
   */
  readonly defaultLevel: RuleLevel;
  /** Follows the status: a hint in a draft, a warning in review or without a status, an error once final. */
  readonly completeness?: boolean;
  /** Follows the status: a warning until the document is final, then an error (a final post-mortem must not blame). */
  readonly strictWhenFinal?: boolean;
  /** One line, Markdown: what a finding means (the settings, the README table and CODES say it). */
  readonly description: string;
  /** The README heading that documents the rule (the anchor each diagnostic links to), e.g. "missing-section". */
  readonly docs: string;
  run(context: RuleContext): void;
}
