// Configuration the core understands. Adapters (VS Code settings, the CLI) build one of these.
import { SECTION_IDS, isSectionId, type SectionId } from './catalogue';
import type { ExtraAliases } from './match';
import { isMilestoneId, type MilestoneId } from './milestones/parse';
import type { DurationOrigin } from './milestones/durations';
import { DEFAULT_TICKET_PATTERN, globSet, ticketPatternProblem } from './user-patterns';

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
};

const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'hint', 'off', 'auto'];

export function isRuleLevel(value: unknown): value is RuleLevel {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/**
 * Builds a config from loosely typed input (settings, JSON files), ignoring what is malformed and reporting it,
 * so one bad value never disables checking.
 */
export function normaliseConfig(input: Partial<Record<keyof PostmortemConfig, unknown>>, problems: string[] = []): PostmortemConfig {
  const enabled = typeof input.enabled === 'boolean' ? input.enabled : DEFAULT_CONFIG.enabled;
  let requiredSections: readonly SectionId[] = DEFAULT_CONFIG.requiredSections;
  if (Array.isArray(input.requiredSections)) {
    const ids = input.requiredSections.filter((v): v is SectionId => isSectionId(v));
    for (const v of input.requiredSections) if (!isSectionId(v)) problems.push(`Unknown section id "${String(v)}" in required sections.`);
    requiredSections = ids;
  }
  const extraAliases: Record<string, string[]> = {};
  if (input.extraAliases && typeof input.extraAliases === 'object') {
    for (const [id, list] of Object.entries(input.extraAliases as Record<string, unknown>)) {
      if (!isSectionId(id)) {
        problems.push(`Unknown section id "${id}" in aliases.`);
        continue;
      }
      if (Array.isArray(list)) extraAliases[id] = list.filter((a): a is string => typeof a === 'string');
    }
  }
  const rules: Record<string, RuleLevel> = {};
  if (input.rules && typeof input.rules === 'object') {
    for (const [code, level] of Object.entries(input.rules as Record<string, unknown>)) {
      if (isRuleLevel(level)) rules[code] = level;
      else problems.push(`Rule "${code}" has an unknown level "${String(level)}".`);
    }
  }
  const globs = Array.isArray(input.globs) ? input.globs.filter((g): g is string => typeof g === 'string') : DEFAULT_CONFIG.globs;
  const detectByContent = typeof input.detectByContent === 'boolean' ? input.detectByContent : DEFAULT_CONFIG.detectByContent;
  if (globs !== DEFAULT_CONFIG.globs) problems.push(...globSet(globs).problems);
  const severities = normaliseSeverities(input.severities, problems);
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback);
  const ov = (input.overview ?? {}) as Record<string, unknown>;
  const overview = { maxSentences: num(ov['maxSentences'], DEFAULT_CONFIG.overview.maxSentences), maxWords: num(ov['maxWords'], DEFAULT_CONFIG.overview.maxWords) };
  const ai = (input.actionItems ?? {}) as Record<string, unknown>;
  let ticketPattern = DEFAULT_TICKET_PATTERN;
  if (typeof ai['ticketPattern'] === 'string' && ai['ticketPattern'].trim() !== '') {
    const problem = ticketPatternProblem(ai['ticketPattern']);
    if (problem === undefined) ticketPattern = ai['ticketPattern'];
    else problems.push(`The ticket pattern "${ai['ticketPattern']}" in postmortem.actionItems.ticketPattern cannot be used: it ${problem}. Using the default.`);
  }
  const actionItems = { ticketPattern, requireDueDate: ai['requireDueDate'] === true };
  const blamelessPhrases = Array.isArray(input.blamelessPhrases)
    ? input.blamelessPhrases.filter((p): p is string => typeof p === 'string')
    : DEFAULT_CONFIG.blamelessPhrases;
  const ms = (input.milestones ?? {}) as Record<string, unknown>;
  let required = DEFAULT_CONFIG.milestones.required;
  if (Array.isArray(ms['required'])) {
    for (const v of ms['required']) if (!isMilestoneId(v)) problems.push(`Unknown milestone "${String(v)}" in milestones.required.`);
    required = ms['required'].filter(isMilestoneId);
  }
  const origin: DurationOrigin = ms['origin'] === 'detected' ? 'detected' : 'started';
  if (ms['origin'] !== undefined && ms['origin'] !== 'started' && ms['origin'] !== 'detected') problems.push(`milestones.origin must be "started" or "detected".`);
  const milestones = { required, origin };
  return { enabled, requiredSections, extraAliases, rules, globs, detectByContent, severities, overview, actionItems, blamelessPhrases, milestones };
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
