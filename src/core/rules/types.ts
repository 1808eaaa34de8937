import type { PostmortemConfig, RuleLevel, Severity } from '../config';
import type { Finding } from '../findings';
import type { PostmortemModel } from '../model';

export interface RuleContext {
  readonly model: PostmortemModel;
  readonly config: PostmortemConfig;
  /** Today as YYYY-MM-DD, from the adapter (never the core's clock); rules about dates that pass skip without it. */
  readonly today?: string | undefined;
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
