// The team's shared configuration, `.postmortem.json` at the workspace root: required sections, extra aliases,
// severities, rule levels, the ticket pattern and blameless phrases. Precedence: user/workspace settings, then this
// file, then the defaults. A broken file yields problems with their location, never an exception.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isSectionId } from './catalogue';
import { isRuleLevel, type PostmortemConfig, type RuleLevel } from './config';

export const TEAM_CONFIG_FILE = '.postmortem.json';

/** Config input in normaliseConfig's terms. */
export type ConfigInput = Partial<Record<keyof PostmortemConfig, unknown>>;

export interface TeamConfigProblem {
  readonly message: string;
  /** Offset and length in the file's text. */
  readonly offset: number;
  readonly length: number;
}

export interface TeamConfig {
  readonly input: ConfigInput;
  readonly problems: readonly TeamConfigProblem[];
}

const KEYS = ['$schema', 'requiredSections', 'aliases', 'severities', 'rules', 'ticketPattern', 'requireDueDate', 'blamelessPhrases', 'overview'];

/** Reads `.postmortem.json` text. Unknown or malformed values are reported and ignored. */
export function parseTeamConfig(text: string): TeamConfig {
  const errors: ParseError[] = [];
  const json: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: TeamConfigProblem[] = errors.map((e) => ({ message: `${TEAM_CONFIG_FILE} is not valid JSON: ${describe(printParseErrorCode(e.error))}.`, offset: e.offset, length: Math.max(1, e.length) }));
  if (problems.length > 0) return { input: {}, problems: problems.slice(0, 1) };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { input: {}, problems: [{ message: `${TEAM_CONFIG_FILE} must hold an object such as { "requiredSections": [...] }.`, offset: 0, length: Math.max(1, text.length) }] };
  }
  const o = json as Record<string, unknown>;
  const at = (key: string): { offset: number; length: number } => {
    const i = text.indexOf(`"${key}"`);
    return i >= 0 ? { offset: i, length: key.length + 2 } : { offset: 0, length: 1 };
  };
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(o)) {
    if (!KEYS.includes(key)) problems.push({ message: `Unknown setting "${key}" in ${TEAM_CONFIG_FILE}; known: ${KEYS.slice(1).join(', ')}.`, ...at(key) });
  }
  if ('requiredSections' in o) {
    if (Array.isArray(o['requiredSections']) && o['requiredSections'].every(isSectionId)) input['requiredSections'] = o['requiredSections'];
    else problems.push({ message: 'requiredSections must be a list of section ids (overview, background, what-happened, …).', ...at('requiredSections') });
  }
  if ('aliases' in o) {
    const a = o['aliases'];
    if (a && typeof a === 'object' && !Array.isArray(a) && Object.entries(a).every(([k, v]) => isSectionId(k) && Array.isArray(v) && v.every((x) => typeof x === 'string'))) input['extraAliases'] = a;
    else problems.push({ message: 'aliases must map section ids to lists of heading phrases.', ...at('aliases') });
  }
  if ('severities' in o) {
    if (Array.isArray(o['severities'])) input['severities'] = o['severities'];
    else problems.push({ message: 'severities must be a list such as ["SEV1", "SEV2"].', ...at('severities') });
  }
  if ('rules' in o) {
    const r = o['rules'];
    if (r && typeof r === 'object' && !Array.isArray(r)) {
      const rules: Record<string, RuleLevel> = {};
      for (const [code, level] of Object.entries(r)) {
        if (isRuleLevel(level)) rules[code] = level;
        else problems.push({ message: `Rule "${code}" has an unknown level "${String(level)}": use off, hint, info, warning, error or auto.`, ...at(code) });
      }
      input['rules'] = rules;
    } else problems.push({ message: 'rules must map diagnostic codes to levels.', ...at('rules') });
  }
  const actionItems: Record<string, unknown> = {};
  if ('ticketPattern' in o) {
    const p = o['ticketPattern'];
    let ok = typeof p === 'string';
    if (ok) {
      try {
        new RegExp(p as string);
      } catch {
        ok = false;
      }
    }
    if (ok) actionItems['ticketPattern'] = p;
    else problems.push({ message: 'ticketPattern must be a valid regular expression, e.g. "[A-Z][A-Z0-9]+-\\\\d+".', ...at('ticketPattern') });
  }
  if ('requireDueDate' in o) {
    if (typeof o['requireDueDate'] === 'boolean') actionItems['requireDueDate'] = o['requireDueDate'];
    else problems.push({ message: 'requireDueDate must be true or false.', ...at('requireDueDate') });
  }
  if (Object.keys(actionItems).length > 0) input['actionItems'] = actionItems;
  if ('blamelessPhrases' in o) {
    if (Array.isArray(o['blamelessPhrases']) && o['blamelessPhrases'].every((x) => typeof x === 'string')) input['blamelessPhrases'] = o['blamelessPhrases'];
    else problems.push({ message: 'blamelessPhrases must be a list of phrases.', ...at('blamelessPhrases') });
  }
  if ('overview' in o) input['overview'] = o['overview'];
  return { input: input as ConfigInput, problems };
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * Merges config sources, highest precedence first: each key comes from the first source that sets it; rule levels
 * merge per code.
 */
export function mergeConfigInputs(...sources: ConfigInput[]): ConfigInput {
  const out: Record<string, unknown> = {};
  for (const source of [...sources].reverse()) {
    for (const [key, value] of Object.entries(source)) {
      if (value === undefined) continue;
      if ((key === 'rules' || key === 'actionItems' || key === 'overview') && value && typeof value === 'object') {
        out[key] = { ...((out[key] as object | undefined) ?? {}), ...(value as object) };
      } else out[key] = value;
    }
  }
  return out as ConfigInput;
}
