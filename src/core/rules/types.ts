import type { PostmortemConfig, Severity } from '../config';
import type { Finding } from '../findings';
import type { PostmortemModel } from '../model';

export interface RuleContext {
  readonly model: PostmortemModel;
  readonly config: PostmortemConfig;
  /** Emits a finding at the rule's configured severity, unless the rule is off. */
  report(finding: Omit<Finding, 'severity'> & { severity?: Severity }): void;
}

export interface Rule {
  readonly code: string;
  readonly defaultLevel: Severity;
  /** True for rules that still run when the front matter is broken. */
  run(context: RuleContext): void;
}
