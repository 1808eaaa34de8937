// Findings: what the checks report. Adapters turn them into diagnostics or CLI output.
import type { Range } from './text';
import type { Severity } from './config';

export type FindingData = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export interface Finding {
  /** Stable code, e.g. "missing-section". Quick fixes switch on it; the README documents each. */
  readonly code: string;
  readonly message: string;
  readonly range: Range;
  readonly severity: Severity;
  /** What a fix needs, e.g. { section: "timeline" }. */
  readonly data: FindingData;
}

/** Codes the core can report, with the README anchor each links to. */
export const CODES = {
  'missing-section': 'A required section is absent.',
  'frontmatter-syntax': 'The front matter cannot be parsed.',
  frontmatter: 'A front-matter value breaks the post-mortem schema.',
  'timeline-order': 'A timeline entry is earlier than the entry before it.',
  'timeline-timestamp': 'A timeline entry has no time.',
  'timeline-timezone': 'Timeline times have no time zone and the document states none.',
  'empty-section': 'A section holds nothing but whitespace, guidance comments or placeholder text.',
  'duplicate-section': 'Two headings say the same thing for one section.',
  'section-order': 'Sections are out of the canonical order.',
  'overview-length': 'The Overview is longer than a TL;DR.',
  'impact-numbers': 'The Impact section states no number.',
  'responders-empty': 'The Responders section names nobody.',
  'action-item-owner': 'An action item has no owner.',
  'action-item-ticket': 'An action item has no ticket.',
  'action-item-due': 'An action item has no due date, where one is required.',
  'blameless-language': 'A finger-pointing phrase.',
  'status-not-final': 'The post-mortem is still a draft.',
  'inline-config': 'A postmortem-disable comment names a rule that does not exist.',
  'milestone-time': 'A milestone\'s time cannot be used, or the front matter and the timeline disagree on it.',
  'milestone-order': 'Milestones are out of order: a duration would be negative.',
  'milestone-missing': 'A required milestone (started, detected, mitigated, resolved…) is not given.',
  'duration-mismatch': 'A duration stated in the prose disagrees with the timeline.',
  'action-item-deadline': "An action item is due after the follow-up policy's deadline for its severity.",
  'action-item-overdue': 'An open action item is past its due date.',
} as const;

export type Code = keyof typeof CODES;

export const DOCS_URL = 'https://github.com/postmortem-tools/postmortem-writer/blob/main/README.md';

export function docsLink(code: string): string {
  return `${DOCS_URL}#${code}`;
}
