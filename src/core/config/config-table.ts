// The configuration table: one entry per setting, with its place in the config, its VS Code key (under `postmortem.`),
// its key in the team's `.postmortem.json`, and one reader that returns the value or the problems with where they
// are. The settings reader (settingsConfigInput), the team-file reader (parseTeamConfig), the merge of both and
// normaliseConfig all go through it, so a value is read the same way, under the same policy, wherever it is set:
// a list with a bad element is left out whole (the defaults apply), a map (aliases, rules) keeps its good entries.
import { SECTION_IDS, isSectionId } from '../model/catalogue';
import { CODES } from '../generated/codes';
import { MILESTONE_IDS, isMilestoneId } from '../milestones/parse';
import { globSet, ticketPatternProblem } from '../model/user-patterns';

/** Where a problem is inside the value: [] the value itself, [3] its fourth element, ["impact"] that entry's value. */
export interface ValueProblem {
  readonly message: string;
  readonly path: readonly (string | number)[];
  /** The entry's key is at fault (an unknown section id or code), not its value. */
  readonly key?: boolean;
}

export interface ReadResult {
  /** The value to use; undefined leaves the setting to the next source and the defaults. */
  readonly value?: unknown;
  readonly problems: readonly ValueProblem[];
}

export interface ConfigEntry {
  /** Its place in PostmortemConfig (and in a ConfigInput), e.g. "actionItems.ticketPattern". */
  readonly id: string;
  /** The VS Code setting under `postmortem.`, e.g. "actionItems.ticketPattern". */
  readonly setting?: string;
  /** The key in `.postmortem.json`, e.g. "ticketPattern" or "overview.maxWords". */
  readonly team?: string;
  /** Sources merge per entry of the map (user and workspace `rules` with the team's), instead of the first winning. */
  readonly mergeEntries?: boolean;
  /** Reads a raw value; `name` is what the person wrote it as, for the messages. */
  read(raw: unknown, name: string): ReadResult;
}

const ok = (value: unknown): ReadResult => ({ value, problems: [] });
const bad = (message: string, path: readonly (string | number)[] = [], key = false): ReadResult => ({ problems: [{ message, path, ...(key ? { key } : {}) }] });
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const LEVELS = ['off', 'hint', 'info', 'warning', 'error', 'auto'];

function boolean(raw: unknown, name: string): ReadResult {
  return typeof raw === 'boolean' ? ok(raw) : bad(`${name} must be true or false.`);
}

/** A list whose elements must all pass: with one that does not, each bad one is reported and the list left out. */
function list(ok: (v: unknown) => boolean, notAList: (name: string) => string, badElement: (v: unknown, name: string) => string) {
  return (raw: unknown, name: string): ReadResult => {
    if (!Array.isArray(raw)) return bad(notAList(name));
    const problems = raw.flatMap((v, i) => (ok(v) ? [] : [{ message: badElement(v, name), path: [i] }]));
    return problems.length > 0 ? { problems } : { value: raw, problems: [] };
  };
}

function aliases(raw: unknown, name: string): ReadResult {
  if (!isObject(raw)) return bad(`${name} must map section ids to lists of heading phrases, e.g. { "timeline": ["Log of events"] }.`);
  const out: Record<string, string[]> = {};
  const problems: ValueProblem[] = [];
  for (const [id, phrases] of Object.entries(raw)) {
    if (!isSectionId(id)) problems.push({ message: `Unknown section id "${id}" in ${name}; known: ${SECTION_IDS.join(', ')}.`, path: [id], key: true });
    else if (!Array.isArray(phrases) || phrases.some((p) => typeof p !== 'string')) problems.push({ message: `${name}.${id} must be a list of heading phrases.`, path: [id] });
    else out[id] = phrases as string[];
  }
  return { value: out, problems };
}

function rules(raw: unknown, name: string): ReadResult {
  if (!isObject(raw)) return bad(`${name} must map diagnostic codes to levels, e.g. { "section-order": "info" }.`);
  const out: Record<string, string> = {};
  const problems: ValueProblem[] = [];
  for (const [code, level] of Object.entries(raw)) {
    if (!Object.hasOwn(CODES, code)) problems.push({ message: `Unknown rule "${code}" in ${name}; known: ${Object.keys(CODES).join(', ')}.`, path: [code], key: true });
    else if (typeof level !== 'string' || !LEVELS.includes(level)) problems.push({ message: `Rule "${code}" has an unknown level ${JSON.stringify(level)}: use ${LEVELS.slice(0, -1).join(', ')} or auto.`, path: [code] });
    else out[code] = level;
  }
  return { value: out, problems };
}

function severities(raw: unknown, name: string): ReadResult {
  const isSeverity = (v: unknown): boolean =>
    (typeof v === 'string' && v.trim() !== '') ||
    (isObject(v) && typeof v['id'] === 'string' && v['id'].trim() !== '' && ['undefined', 'string'].includes(typeof v['description']));
  const read = list(isSeverity, (n) => `${n} must be a list such as ["SEV1", "SEV2"] or [{ "id": "P1", "description": "…" }].`, () => 'Each severity must be an id such as "SEV1" or { "id": "SEV1", "description": "…" }.')(raw, name);
  if (read.value === undefined) return read;
  if ((raw as unknown[]).length === 0) return bad(`${name} must list at least one severity.`);
  const out: Array<{ id: string; description: string }> = [];
  const seen = new Set<string>();
  for (const v of raw as unknown[]) {
    const id = (typeof v === 'string' ? v : ((v as { id: string }).id)).trim();
    if (!seen.has(id) && seen.add(id)) out.push({ id, description: isObject(v) && typeof v['description'] === 'string' ? v['description'] : '' });
  }
  return ok(out);
}

function ticketPattern(raw: unknown, name: string): ReadResult {
  // A pattern RE2 cannot take (a lookaround, a backreference) is reported naming that construct.
  const problem = typeof raw === 'string' && raw.trim() !== '' ? ticketPatternProblem(raw) : '';
  return problem === undefined ? ok(raw) : bad(`${name} must be a valid regular expression, e.g. "[A-Z][A-Z0-9]+-\\\\d+"${problem ? `; this one ${problem}` : ''}.`);
}

function globs(raw: unknown, name: string): ReadResult {
  if (!Array.isArray(raw) || raw.some((g) => typeof g !== 'string')) return bad(`${name} must be a list of glob patterns.`);
  // A glob the linear-time engine cannot take is reported and skipped by the matcher; the others apply.
  return { value: raw, problems: globSet(raw as string[]).problems.map((message) => ({ message, path: [] })) };
}

/** Longest follow-up deadline accepted, in days (ten years): beyond it a number is a typo, not a policy. */
export const MAX_FOLLOW_UP_DAYS = 3650;

/** A follow-up policy: `{"SEV1": 28}`, whole days from 1 to MAX_FOLLOW_UP_DAYS per severity; a map keeps its good entries. */
function followUpPolicy(raw: unknown, name: string): ReadResult {
  if (!isObject(raw)) return bad(`${name} must map severities to days from the incident date, e.g. { "SEV1": 28, "SEV2": 56 }.`);
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  const problems: ValueProblem[] = [];
  for (const [severity, days] of Object.entries(raw)) {
    if (severity.trim() === '') problems.push({ message: `${name} needs a severity id such as "SEV1" for each entry.`, path: [severity], key: true });
    else if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_FOLLOW_UP_DAYS) {
      problems.push({ message: `${name}.${severity} must be a whole number of days from 1 to ${MAX_FOLLOW_UP_DAYS}, e.g. 28.`, path: [severity] });
    } else out[severity.trim()] = days;
  }
  return { value: out, problems };
}

function wholeNumber(raw: unknown, name: string): ReadResult {
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 ? ok(raw) : bad(`${name} must be a whole number of at least 1.`);
}

/** Every setting, in the order the team file's "known" list names them. */
export const CONFIG_TABLE: readonly ConfigEntry[] = [
  { id: 'enabled', setting: 'enable', read: boolean },
  {
    id: 'requiredSections',
    setting: 'sections.required',
    team: 'requiredSections',
    read: list(isSectionId, (n) => `${n} must be a list of section ids: ${SECTION_IDS.join(', ')}.`, (v, n) => `Unknown section id ${JSON.stringify(v)} in ${n}; known: ${SECTION_IDS.join(', ')}.`),
  },
  { id: 'extraAliases', setting: 'sections.aliases', team: 'aliases', read: aliases },
  { id: 'severities', setting: 'severities', team: 'severities', read: severities },
  { id: 'rules', setting: 'rules', team: 'rules', mergeEntries: true, read: rules },
  { id: 'actionItems.ticketPattern', setting: 'actionItems.ticketPattern', team: 'ticketPattern', read: ticketPattern },
  { id: 'actionItems.requireDueDate', setting: 'actionItems.requireDueDate', team: 'requireDueDate', read: boolean },
  {
    id: 'blamelessPhrases',
    setting: 'blameless.phrases',
    team: 'blamelessPhrases',
    read: (raw, name) => (Array.isArray(raw) && raw.every((p) => typeof p === 'string') ? ok(raw) : bad(`${name} must be a list of phrases, e.g. ["human error"].`)),
  },
  { id: 'overview.maxSentences', setting: 'overview.maxSentences', team: 'overview.maxSentences', read: wholeNumber },
  { id: 'overview.maxWords', setting: 'overview.maxWords', team: 'overview.maxWords', read: wholeNumber },
  {
    id: 'milestones.required',
    team: 'milestones.required',
    read: list(isMilestoneId, (n) => `${n} must be a list of milestones: ${MILESTONE_IDS.join(', ')}.`, (v, n) => `Unknown milestone ${JSON.stringify(v)} in ${n}; known: ${MILESTONE_IDS.join(', ')}.`),
  },
  {
    id: 'milestones.origin',
    team: 'milestones.origin',
    read: (raw, name) => (raw === 'started' || raw === 'detected' ? ok(raw) : bad(`${name} must be "started" or "detected": where time to mitigate and time to resolve are measured from.`)),
  },
  { id: 'followUpPolicy', team: 'followUpPolicy', read: followUpPolicy },
  { id: 'globs', setting: 'files.globs', read: globs },
  { id: 'detectByContent', setting: 'files.detectByContent', read: boolean },
];

/** The value at a dotted path ("overview.maxWords"), or undefined. */
export function valueAt(input: unknown, path: string): unknown {
  let v = input;
  for (const part of path.split('.')) {
    if (!isObject(v) || !Object.hasOwn(v, part)) return undefined;
    v = v[part];
  }
  return v;
}

/** Sets a dotted path, making the objects on the way. */
export function setAt(out: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = out;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(o[part])) o[part] = {};
    o = o[part] as Record<string, unknown>;
  }
  o[parts[parts.length - 1]!] = value;
}

/** How a problem in a setting is named in a message: its VS Code key, else its team-file key. */
export const settingName = (entry: ConfigEntry): string => (entry.setting ? `postmortem.${entry.setting}` : entry.team ?? entry.id);
