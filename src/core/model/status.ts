// The front matter's `status`, read one way by every rule: the schema check (frontmatter), the completeness rules'
// `auto` severity and status-not-final. Case, spaces, underscores and common synonyms are understood alike.
import type { PostmortemModel } from './model';

export type DocumentStatus = 'draft' | 'in-review' | 'final' | undefined;

/** The canonical statuses, as the schema lists them and completions offer them. */
export const STATUSES = ['draft', 'in-review', 'final'] as const;

/** A status value normalised ("Final", "In review", "in_review" and "review"), or undefined when not understood. */
export function normaliseStatus(raw: unknown): DocumentStatus {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (s === 'draft') return 'draft';
  if (s === 'in-review' || s === 'review' || s === 'reviewing') return 'in-review';
  if (s === 'final' || s === 'published' || s === 'done' || s === 'approved') return 'final';
  return undefined;
}

/** The front matter's status, normalised. */
export function documentStatus(model: PostmortemModel): DocumentStatus {
  return normaliseStatus(model.frontMatter?.data['status']);
}
