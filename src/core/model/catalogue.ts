// The section catalogue: the single source of truth for the template, snippets, completions and diagnostics.
// Ids are stable: the CLI output, settings and .postmortem.json files use them.

export const SECTION_IDS = [
  'overview',
  'background',
  'what-happened',
  'root-causes',
  'mitigation',
  'impact',
  'responders',
  'timeline',
  'good-jobs-and-improvements',
  'action-items',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

export interface SectionSpec {
  readonly id: SectionId;
  /** Canonical heading text. */
  readonly title: string;
  /** One-line guidance shown in messages, hovers and the template. */
  readonly guidance: string;
  /** Phrases that identify the section inside a heading. Matching is normalised (see match.ts). */
  readonly aliases: readonly string[];
  /**
   * Generic phrases that only count when nothing more specific matched the same heading
   * ("Impact summary" is Impact, not Overview).
   */
  readonly weakAliases?: readonly string[];
}

export const CATALOGUE: readonly SectionSpec[] = [
  {
    id: 'overview',
    title: 'Overview',
    guidance: 'A 1-2 sentence TL;DR: what happened, the impact, and a quick reference to the timeline.',
    aliases: ['overview', 'tl;dr', 'tldr', 'executive summary', 'incident summary', 'issue summary'],
    weakAliases: ['summary'],
  },
  {
    id: 'background',
    title: 'Background',
    guidance: 'The context a reader needs to understand the big picture.',
    aliases: ['background', 'context', 'leadup', 'lead-up', 'system overview', 'service overview', 'architecture overview'],
  },
  {
    id: 'what-happened',
    title: 'What happened',
    guidance: 'Which servers and applications were affected, including measures that made things worse.',
    aliases: ['what happened', 'incident description', 'chain of events', 'incident details'],
    weakAliases: ['description', 'details'],
  },
  {
    id: 'root-causes',
    title: 'Root Causes',
    guidance: 'Why it happened: superficial if still unsure, in depth if certain.',
    aliases: ['root causes', 'root cause analysis', 'contributing factors', 'why it happened', 'what caused'],
    weakAliases: ['causes'],
  },
  {
    id: 'mitigation',
    title: 'Mitigation',
    guidance: 'What was done to fix it, and how long it took.',
    aliases: ['mitigation', 'resolution', 'remediation', 'recovery', 'actions taken'],
  },
  {
    id: 'impact',
    title: 'Impact',
    guidance: 'Damage to the business in numbers (users affected, failed operations, revenue), with links to charts or logs.',
    aliases: ['impact', 'customer impact', 'business impact', 'user impact'],
  },
  {
    id: 'responders',
    title: 'Responders',
    guidance: 'Who was involved in fixing it, and in which role.',
    aliases: ['responders', 'participants', 'people involved', 'attendees', 'who was involved'],
  },
  {
    id: 'timeline',
    title: 'Timeline',
    guidance: 'Key actions and status changes from start to finish, each with a date or a date and time.',
    aliases: ['timeline', 'chronology', 'sequence of events'],
  },
  {
    id: 'good-jobs-and-improvements',
    title: 'Good-jobs and Improvement Chances',
    guidance: 'What we did well, and where we can improve.',
    aliases: [
      'good jobs',
      'improvement chances',
      'what went well',
      'what went wrong',
      "what didn't go well",
      'what went badly',
      'what could have gone better',
      'where we got lucky',
      'lessons learned',
      'lessons learnt',
      'learnings',
      'retrospective',
      'key takeaways',
      'insights',
    ],
  },
  {
    id: 'action-items',
    title: 'Action Items',
    guidance: 'Follow-ups for a long-term solution, each with an owner and a tracker ticket.',
    aliases: [
      'action items',
      'follow-ups',
      'followups',
      'corrective actions',
      'corrective and preventative measures',
      'preventative measures',
      'preventive measures',
      'next steps',
      'remediation items',
      'future actions',
    ],
  },
];

const BY_ID = new Map<SectionId, SectionSpec>(CATALOGUE.map((s) => [s.id, s]));

export function sectionSpec(id: SectionId): SectionSpec {
  const spec = BY_ID.get(id);
  if (!spec) throw new Error(`unknown section id: ${id}`);
  return spec;
}

export function isSectionId(value: unknown): value is SectionId {
  return typeof value === 'string' && BY_ID.has(value as SectionId);
}

/** Position of a section in the canonical order, 0–9. */
export function canonicalIndex(id: SectionId): number {
  return SECTION_IDS.indexOf(id);
}
