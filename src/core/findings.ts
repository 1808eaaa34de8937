// Findings: what the checks report. Adapters turn them into diagnostics or CLI output.
import type { Range } from './model/text';
import type { Severity } from './config/config';

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

export { CODES } from './generated/codes';
import { CODES, DOCS_ANCHORS } from './generated/codes';

export type Code = keyof typeof CODES;

export const DOCS_URL = 'https://github.com/postmortem-tools/postmortem-writer/blob/main/README.md';

export function docsLink(code: string): string {
  return `${DOCS_URL}#${DOCS_ANCHORS[code] ?? code}`;
}
