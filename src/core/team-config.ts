// The team's shared configuration, `.postmortem.json` at the workspace root: required sections, extra aliases,
// severities, rule levels, the ticket pattern and blameless phrases. Precedence: user/workspace settings, then this
// file, then the defaults. A broken file yields problems with their location, never an exception.
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { SECTION_IDS, isSectionId } from './catalogue';
import { isRuleLevel, MAX_FOLLOW_UP_DAYS, normaliseConfig, type PostmortemConfig, type RuleLevel } from './config';
import { CODES } from './findings';
import { MILESTONE_IDS, isMilestoneId } from './milestones/parse';
import { ticketPatternProblem } from './user-patterns';
import { pos, splitLines, type Position, type Range } from './text';

export const TEAM_CONFIG_FILE = '.postmortem.json';

/** Config input in normaliseConfig's terms. */
export type ConfigInput = Partial<Record<keyof PostmortemConfig, unknown>>;

export interface TeamConfigProblem {
  readonly message: string;
  /** Offset and length in the file's text: the key for an unknown key, else the value at fault. */
  readonly offset: number;
  readonly length: number;
  /** The same place in lines and UTF-16 columns, 0-based. */
  readonly range: Range;
  /** What is left out: the whole file (not JSON, not an object) or just this value. */
  readonly ignored: 'file' | 'value';
}

export interface TeamConfig {
  readonly input: ConfigInput;
  /** `ignores`: globs, relative to the file's folder, of files the command line never checks. */
  readonly ignores: readonly string[];
  readonly problems: readonly TeamConfigProblem[];
}

const KEYS = ['$schema', 'requiredSections', 'aliases', 'severities', 'rules', 'ticketPattern', 'requireDueDate', 'blamelessPhrases', 'overview', 'ignores', 'milestones', 'followUpPolicy'];
const LEVELS = 'off, hint, info, warning, error or auto';

/**
 * Reads `.postmortem.json` text (JSON with comments and trailing commas). Text that is not JSON, or not an object,
 * yields one problem and no input. Otherwise each malformed value is reported and left out, so the settings and
 * defaults apply for just that value: a list (`requiredSections`, `severities`, `blamelessPhrases`) with one bad
 * element is left out whole; in a map (`aliases`, `rules`, `overview`) only the bad entries are.
 */
export function parseTeamConfig(text: string): TeamConfig {
  // A byte-order mark is not JSON; a space keeps every offset where it was.
  const source = text.replace(/^\uFEFF/, ' ');
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  const at = positions(source);
  const problem = (message: string, offset: number, length: number, ignored: 'file' | 'value'): TeamConfigProblem => {
    const len = Math.max(1, length);
    return { message, offset, length: len, range: { start: at(offset), end: at(offset + len) }, ignored };
  };
  const first = errors[0];
  if (first) {
    return { input: {}, ignores: [], problems: [problem(`${TEAM_CONFIG_FILE} is not valid JSON: ${describe(printParseErrorCode(first.error))}.`, first.offset, first.length, 'file')] };
  }
  if (!root || root.type !== 'object') {
    return { input: {}, ignores: [], problems: [problem(`${TEAM_CONFIG_FILE} must hold an object such as { "requiredSections": [...] }.`, root?.offset ?? 0, root?.length ?? source.length, 'file')] };
  }

  const problems: TeamConfigProblem[] = [];
  const report = (message: string, node: Node | undefined): void => {
    problems.push(problem(message, node?.offset ?? root.offset, node?.length ?? 1, 'value'));
  };
  const input: Record<string, unknown> = {};
  // Properties in file order; with a duplicate key the last one wins, as in JSON.parse.
  const properties = new Map<string, { key: Node; value: Node }>();
  for (const p of root.children ?? []) {
    const [key, value] = p.children ?? [];
    if (key && value && typeof key.value === 'string') properties.set(key.value, { key, value });
  }
  for (const [name, { key }] of properties) {
    if (!KEYS.includes(name)) report(`Unknown setting "${name}" in ${TEAM_CONFIG_FILE}; known: ${KEYS.slice(1).join(', ')}.`, key);
  }
  const valueOf = (name: string): Node | undefined => properties.get(name)?.value;

  const required = valueOf('requiredSections');
  if (required) {
    const bad = badElements(required, (v) => isSectionId(v));
    if (required.type !== 'array') report(`requiredSections must be a list of section ids: ${SECTION_IDS.join(', ')}.`, required);
    else if (bad.length > 0) for (const n of bad) report(`Unknown section id ${JSON.stringify(plain(n))} in requiredSections; known: ${SECTION_IDS.join(', ')}.`, n);
    else input['requiredSections'] = plain(required);
  }

  const aliases = valueOf('aliases');
  if (aliases) {
    if (aliases.type !== 'object') report('aliases must map section ids to lists of heading phrases, e.g. { "timeline": ["Log of events"] }.', aliases);
    else {
      const out: Record<string, string[]> = {};
      for (const p of aliases.children ?? []) {
        const [key, value] = p.children ?? [];
        if (!key || !value) continue;
        const id = String(key.value);
        if (!isSectionId(id)) report(`Unknown section id "${id}" in aliases; known: ${SECTION_IDS.join(', ')}.`, key);
        else if (value.type !== 'array' || badElements(value, (v) => typeof v === 'string').length > 0) report(`aliases.${id} must be a list of heading phrases.`, value);
        else out[id] = plain(value) as string[];
      }
      input['extraAliases'] = out;
    }
  }

  const severities = valueOf('severities');
  if (severities) {
    const isSeverity = (v: unknown): boolean =>
      (typeof v === 'string' && v.trim() !== '') ||
      (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { id?: unknown }).id === 'string' && (v as { id: string }).id.trim() !== '' &&
        ['undefined', 'string'].includes(typeof (v as { description?: unknown }).description));
    const bad = badElements(severities, isSeverity);
    if (severities.type !== 'array') report('severities must be a list such as ["SEV1", "SEV2"] or [{ "id": "P1", "description": "…" }].', severities);
    else if (bad.length > 0) for (const n of bad) report('Each severity must be an id such as "SEV1" or { "id": "SEV1", "description": "…" }.', n);
    else if (severities.children?.length === 0) report('severities must list at least one severity.', severities);
    else input['severities'] = plain(severities);
  }

  const rules = valueOf('rules');
  if (rules) {
    if (rules.type !== 'object') report('rules must map diagnostic codes to levels, e.g. { "section-order": "info" }.', rules);
    else {
      const out: Record<string, RuleLevel> = {};
      for (const p of rules.children ?? []) {
        const [key, value] = p.children ?? [];
        if (!key || !value) continue;
        const code = String(key.value);
        const level: unknown = plain(value);
        if (!Object.hasOwn(CODES, code)) report(`Unknown rule "${code}" in rules; known: ${Object.keys(CODES).join(', ')}.`, key);
        else if (!isRuleLevel(level)) report(`Rule "${code}" has an unknown level ${JSON.stringify(level)}: use ${LEVELS}.`, value);
        else out[code] = level;
      }
      input['rules'] = out;
    }
  }

  const actionItems: Record<string, unknown> = {};
  const ticket = valueOf('ticketPattern');
  if (ticket) {
    const p: unknown = plain(ticket);
    // A pattern RE2 cannot take (a lookaround, a backreference) is reported naming that construct.
    const problem = typeof p === 'string' && p.trim() !== '' ? ticketPatternProblem(p) : '';
    if (problem === undefined) actionItems['ticketPattern'] = p;
    else report(`ticketPattern must be a valid regular expression, e.g. "[A-Z][A-Z0-9]+-\\\\d+"${problem ? `; this one ${problem}` : ''}.`, ticket);
  }
  const due = valueOf('requireDueDate');
  if (due) {
    if (due.type === 'boolean') actionItems['requireDueDate'] = plain(due);
    else report('requireDueDate must be true or false.', due);
  }
  if (Object.keys(actionItems).length > 0) input['actionItems'] = actionItems;

  const phrases = valueOf('blamelessPhrases');
  if (phrases) {
    if (phrases.type !== 'array' || badElements(phrases, (v) => typeof v === 'string').length > 0) report('blamelessPhrases must be a list of phrases, e.g. ["human error"].', phrases);
    else input['blamelessPhrases'] = plain(phrases);
  }

  const overview = valueOf('overview');
  if (overview) {
    if (overview.type !== 'object') report('overview must be an object such as { "maxSentences": 2, "maxWords": 60 }.', overview);
    else {
      const out: Record<string, number> = {};
      for (const p of overview.children ?? []) {
        const [key, value] = p.children ?? [];
        if (!key || !value) continue;
        const name = String(key.value);
        const n: unknown = plain(value);
        if (name !== 'maxSentences' && name !== 'maxWords') report(`Unknown setting "${name}" in overview; known: maxSentences, maxWords.`, key);
        else if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) report(`overview.${name} must be a whole number of at least 1.`, value);
        else out[name] = n;
      }
      if (Object.keys(out).length > 0) input['overview'] = out;
    }
  }
  let ignores: string[] = [];
  const ignoreNode = valueOf('ignores');
  if (ignoreNode) {
    if (ignoreNode.type !== 'array' || badElements(ignoreNode, (v) => typeof v === 'string' && v.trim() !== '').length > 0) {
      report('ignores must be a list of globs relative to this file, e.g. ["drafts/**", "templates/**"].', ignoreNode);
    } else ignores = plain(ignoreNode) as string[];
  }
  const milestones = valueOf('milestones');
  if (milestones) {
    if (milestones.type !== 'object') report('milestones must be an object such as { "required": ["started", "detected", "mitigated", "resolved"], "origin": "started" }.', milestones);
    else {
      const out: Record<string, unknown> = {};
      for (const p of milestones.children ?? []) {
        const [key, value] = p.children ?? [];
        if (!key || !value) continue;
        const name = String(key.value);
        const v: unknown = plain(value);
        if (name === 'required') {
          const bad = badElements(value, (e) => isMilestoneId(e));
          if (value.type !== 'array') report(`milestones.required must be a list of milestones: ${MILESTONE_IDS.join(', ')}.`, value);
          else if (bad.length > 0) for (const n of bad) report(`Unknown milestone ${JSON.stringify(plain(n))} in milestones.required; known: ${MILESTONE_IDS.join(', ')}.`, n);
          else out['required'] = v;
        } else if (name === 'origin') {
          if (v === 'started' || v === 'detected') out['origin'] = v;
          else report('milestones.origin must be "started" or "detected": where time to mitigate and time to resolve are measured from.', value);
        } else report(`Unknown setting "${name}" in milestones; known: required, origin.`, key);
      }
      if (Object.keys(out).length > 0) input['milestones'] = out;
    }
  }
  const policy = valueOf('followUpPolicy');
  if (policy) {
    if (policy.type !== 'object') report('followUpPolicy must map severities to days from the incident date, e.g. { "SEV1": 28, "SEV2": 56 }.', policy);
    else {
      const out: Record<string, number> = {};
      for (const p of policy.children ?? []) {
        const [key, value] = p.children ?? [];
        if (!key || !value) continue;
        const name = String(key.value);
        const days: unknown = plain(value);
        if (name.trim() === '') report('followUpPolicy needs a severity id such as "SEV1" for each entry.', key);
        else if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_FOLLOW_UP_DAYS) {
          report(`followUpPolicy.${name} must be a whole number of days from 1 to ${MAX_FOLLOW_UP_DAYS}, e.g. 28.`, value);
        } else out[name] = days;
      }
      input['followUpPolicy'] = out;
    }
  }
  problems.sort((a, b) => a.offset - b.offset);
  return { input: input as ConfigInput, ignores, problems };
}

/** Offset → line and column, with CRLF, LF and CR line endings; an offset past the end is the end. */
function positions(text: string): (offset: number) => Position {
  const { offsets } = splitLines(text.replace(/^\uFEFF/, ' '));
  return (offset) => {
    const o = Math.min(Math.max(0, offset), text.length);
    let line = 0;
    while (line + 1 < offsets.length - 1 && offsets[line + 1]! <= o) line++;
    return pos(line, o - offsets[line]!);
  };
}

/** A node's value as plain JSON data (jsonc-parser builds objects without a prototype). */
function plain(node: Node): unknown {
  return JSON.parse(JSON.stringify(getNodeValue(node))) as unknown;
}

/** The elements of an array node whose value fails `ok` (none for a node that is not an array). */
function badElements(node: Node, ok: (value: unknown) => boolean): Node[] {
  return node.type === 'array' ? (node.children ?? []).filter((n) => !ok(plain(n))) : [];
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * The team-file values that apply in Restricted Mode: those that cannot read or write files (section lists, aliases,
 * severities, rule levels, action-item options, phrases, overview limits). An allow-list, so a key added later that
 * names a file or folder stays out until the person trusts the folder.
 */
export const RESTRICTED_MODE_TEAM_KEYS: ReadonlyArray<keyof ConfigInput> = ['requiredSections', 'extraAliases', 'severities', 'rules', 'actionItems', 'blamelessPhrases', 'overview', 'followUpPolicy'];

export function restrictedTeamInput(input: ConfigInput): ConfigInput {
  const out: ConfigInput = {};
  for (const key of RESTRICTED_MODE_TEAM_KEYS) if (Object.hasOwn(input, key)) out[key] = input[key];
  return out;
}

/**
 * Merges config sources, highest precedence first: each key comes from the first source that sets it; rule levels,
 * action-item options and overview limits merge per entry.
 */
export function mergeConfigInputs(...sources: ConfigInput[]): ConfigInput {
  const out: Record<string, unknown> = {};
  for (const source of [...sources].reverse()) {
    for (const [key, value] of Object.entries(source)) {
      if (value === undefined) continue;
      if ((key === 'rules' || key === 'actionItems' || key === 'overview' || key === 'milestones') && value && typeof value === 'object') {
        out[key] = { ...((out[key] as object | undefined) ?? {}), ...(value as object) };
      } else out[key] = value;
    }
  }
  return out as ConfigInput;
}

/**
 * The extension's settings (keys under `postmortem.`, e.g. `sections.required`) in normaliseConfig's terms. `value`
 * returns what a user or workspace set, or undefined when it is not set (so the team file and defaults apply).
 */
export function settingsConfigInput(value: (key: string) => unknown): ConfigInput {
  const defined = (o: Record<string, unknown>): Record<string, unknown> | undefined => {
    const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    return Object.keys(out).length > 0 ? out : undefined;
  };
  return {
    enabled: value('enable'),
    requiredSections: value('sections.required'),
    extraAliases: value('sections.aliases'),
    rules: value('rules'),
    globs: value('files.globs'),
    detectByContent: value('files.detectByContent'),
    severities: value('severities'),
    actionItems: defined({ ticketPattern: value('actionItems.ticketPattern'), requireDueDate: value('actionItems.requireDueDate') }),
    blamelessPhrases: value('blameless.phrases'),
    overview: defined({ maxSentences: value('overview.maxSentences'), maxWords: value('overview.maxWords') }),
  };
}

/** The config the checks use: settings that are set, then the team file, then the defaults. */
export function effectiveConfig(settings: ConfigInput, team: ConfigInput = {}, problems: string[] = []): PostmortemConfig {
  return normaliseConfig(mergeConfigInputs(settings, team), problems);
}
