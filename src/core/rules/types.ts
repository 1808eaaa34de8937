import type { PostmortemConfig, RuleLevel, Severity } from '../config';
import type { Finding } from '../findings';
import type { PostmortemModel } from '../model';
import type { SectionProgress } from '../progress';

export interface RuleContext {
  readonly model: PostmortemModel;
  readonly config: PostmortemConfig;
  /** Which required sections are present, empty or missing (the model's answer, shared with the editor). */
  readonly completeness: SectionProgress;
  /** Emits a finding at the rule's configured severity, unless the rule is off. */
  report(finding: Omit<Finding, 'severity'> & { severity?: Severity }): void;
}

export interface Rule {
  readonly code: string;
  /** The level when `postmortem.rules` does not set one. `auto` follows the document's status (see analyze.ts). */
  readonly defaultLevel: RuleLevel;
  /** Completeness rules get stricter as the document's status moves from draft to final. */
  readonly completeness?: boolean;
  /** Under `auto`, a warning until the document is final, then an error (a final post-mortem must not blame). */
  readonly strictWhenFinal?: boolean;
  run(context: RuleContext): void;
}
