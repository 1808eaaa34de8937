// Configuration the core understands. Adapters (VS Code settings, the CLI) build one of these.
import { SECTION_IDS, type SectionId } from '../model/catalogue';
import type { ExtraAliases } from '../model/match';
import type { MilestoneId } from '../milestones/parse';
import type { DurationOrigin } from '../milestones/durations';
import { DEFAULT_TICKET_PATTERN } from '../model/user-patterns';
import { CONFIG_TABLE, setAt, settingName, valueAt } from './config-table';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleLevel = Severity | 'off' | 'auto';

export interface PostmortemConfig {
  readonly enabled: boolean;
  readonly requiredSections: readonly SectionId[];
  readonly extraAliases: ExtraAliases;
  /** Level per diagnostic code. Codes not listed use their rule's default. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** Globs (matched case-insensitively against the file path) that mark post-mortems. */
  readonly globs: readonly string[];
  /** A file is also a post-mortem when its content reads like one (`postmortem.files.detectByContent`). */
  readonly detectByContent: boolean;
  /** Incident severities, most severe first: the front-matter `severity` must be one of their ids. */
  readonly severities: readonly IncidentSeverity[];
  /** Limits for the Overview TL;DR (overview-length). */
  readonly overview: { readonly maxSentences: number; readonly maxWords: number };
  /** Action items: what counts as a ticket key, and whether a due date is required. */
  readonly actionItems: { readonly ticketPattern: string; readonly requireDueDate: boolean };
  /** Finger-pointing phrases (blameless-language). */
  readonly blamelessPhrases: readonly string[];
  /** Milestones a post-mortem must give (milestone-missing), and where TTM and TTR are measured from. */
  readonly milestones: { readonly required: readonly MilestoneId[]; readonly origin: DurationOrigin };
  /**
   * Follow-up policy: per incident severity id, the days from the incident date within which its action items are
   * due (action-item-deadline, action-item-overdue). Empty: no policy.
   */
  readonly followUpPolicy: Readonly<Record<string, number>>;
}

/** An incident severity level such as SEV1, as offered by "New Post-mortem" and checked in front matter. */
export interface IncidentSeverity {
  readonly id: string;
  readonly description: string;
}

export const DEFAULT_SEVERITIES: readonly IncidentSeverity[] = [
  { id: 'SEV1', description: 'Critical: a complete outage or data loss for many customers.' },
  { id: 'SEV2', description: 'Major: a core feature is down or badly degraded for many customers.' },
  { id: 'SEV3', description: 'Minor: partial degradation, or a workaround exists.' },
  { id: 'SEV4', description: 'Low: little customer impact, or caught before it spread.' },
];

export { DEFAULT_TICKET_PATTERN };

export const DEFAULT_GLOBS: readonly string[] = [
  '**/postmortems/**',
  '**/post-mortems/**',
  '**/incidents/**',
  '**/*postmortem*',
  '**/*post-mortem*',
];

/** Finger-pointing phrases blameless-language looks for (`postmortem.blameless.phrases` replaces them). */
export const DEFAULT_BLAMELESS_PHRASES: readonly string[] = [
  "'s fault",
  'fault of',
  'human error',
  'should have known',
  'should have caught',
  'careless',
  'negligent',
  'negligence',
  'stupid',
  'incompetent',
  'who broke',
  'screwed up',
  'messed up',
];

export const DEFAULT_REQUIRED_MILESTONES: readonly MilestoneId[] = ['started', 'detected', 'mitigated', 'resolved'];

export const DEFAULT_CONFIG: PostmortemConfig = {
  enabled: true,
  requiredSections: SECTION_IDS,
  extraAliases: {},
  rules: {},
  globs: DEFAULT_GLOBS,
  detectByContent: true,
  severities: DEFAULT_SEVERITIES,
  overview: { maxSentences: 2, maxWords: 60 },
  actionItems: { ticketPattern: DEFAULT_TICKET_PATTERN, requireDueDate: false },
  blamelessPhrases: DEFAULT_BLAMELESS_PHRASES,
  milestones: { required: DEFAULT_REQUIRED_MILESTONES, origin: 'started' },
  followUpPolicy: {},
};

const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'hint', 'off', 'auto'];

export function isRuleLevel(value: unknown): value is RuleLevel {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/**
 * Builds a config from loosely typed input (settings, JSON files) through the configuration table, leaving out what
 * is malformed and reporting it (naming the setting), so one bad value never disables checking: that value's default
 * applies.
 */
export function normaliseConfig(input: Partial<Record<keyof PostmortemConfig, unknown>>, problems: string[] = []): PostmortemConfig {
  const d = DEFAULT_CONFIG;
  const out: Record<string, unknown> = { ...d, actionItems: { ...d.actionItems }, overview: { ...d.overview }, milestones: { ...d.milestones } };
  for (const entry of CONFIG_TABLE) {
    const raw = valueAt(input, entry.id);
    if (raw === undefined) continue;
    const read = entry.read(raw, settingName(entry));
    problems.push(...read.problems.map((p) => p.message));
    if (read.value !== undefined) setAt(out, entry.id, read.value);
  }
  return out as unknown as PostmortemConfig;
}

/** Severities from a setting: strings (`"SEV1"`) or `{id, description}` objects; the defaults when none is usable. */
export function normaliseSeverities(input: unknown, problems: string[] = []): readonly IncidentSeverity[] {
  if (!Array.isArray(input)) return DEFAULT_SEVERITIES;
  const out: IncidentSeverity[] = [];
  for (const v of input) {
    const id = typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : undefined;
    if (id === undefined || id.trim() === '') {
      problems.push(`Severity ${JSON.stringify(v)} needs an id such as "SEV1".`);
      continue;
    }
    if (out.some((s) => s.id === id.trim())) continue;
    const description = v && typeof v === 'object' && typeof (v as { description?: unknown }).description === 'string' ? (v as { description: string }).description : '';
    out.push({ id: id.trim(), description });
  }
  return out.length > 0 ? out : DEFAULT_SEVERITIES;
}
