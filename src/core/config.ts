// Configuration the core understands. Adapters (VS Code settings, the CLI) build one of these.
import { SECTION_IDS, isSectionId, type SectionId } from './catalogue';
import type { ExtraAliases } from './match';

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
}

export const DEFAULT_GLOBS: readonly string[] = [
  '**/postmortems/**',
  '**/post-mortems/**',
  '**/incidents/**',
  '**/*postmortem*',
  '**/*post-mortem*',
];

export const DEFAULT_CONFIG: PostmortemConfig = {
  enabled: true,
  requiredSections: SECTION_IDS,
  extraAliases: {},
  rules: {},
  globs: DEFAULT_GLOBS,
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
  return { enabled, requiredSections, extraAliases, rules, globs };
}
