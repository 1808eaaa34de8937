// The team's shared configuration, `.postmortem.json` at the workspace root: required sections, extra aliases,
// severities, rule levels, the ticket pattern and blameless phrases. Precedence: user/workspace settings, then this
// file, then the defaults. A broken file yields problems with their location, never an exception.
import { createScanner, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { normaliseConfig, type PostmortemConfig } from './config';
import { CONFIG_TABLE, setAt, valueAt, type ConfigEntry, type ValueProblem } from './config-table';
import { pos, splitLines, type Position, type Range } from '../model/text';

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

/** The settings a team file can hold: the table's entries with a team key. */
const TEAM_ENTRIES = CONFIG_TABLE.filter((e): e is ConfigEntry & { team: string } => e.team !== undefined);
/** Team-file keys that hold an object of settings, with an example for the message when they do not. */
const GROUPS: Record<string, string> = {
  overview: '{ "maxSentences": 2, "maxWords": 60 }',
  milestones: '{ "required": ["started", "detected", "mitigated", "resolved"], "origin": "started" }',
};
const KEYS = ['$schema', ...new Set(TEAM_ENTRIES.map((e) => e.team.split('.')[0]!)), 'ignores'];

/** Deeper than this, arrays and objects are refused: jsonc-parser's parseTree and getNodeValue recurse per level. */
const MAX_DEPTH = 200;

/** The offset of the first `[` or `{` nested deeper than MAX_DEPTH (strings and comments skipped), or -1. */
function tooDeep(text: string): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== 17 /* EOF */; token = scanner.scan()) {
    if (token === 1 /* { */ || token === 3 /* [ */) {
      if (++depth > MAX_DEPTH) return scanner.getTokenOffset();
    } else if (token === 2 /* } */ || token === 4 /* ] */) depth = Math.max(0, depth - 1);
  }
  return -1;
}

/**
 * Reads `.postmortem.json` text (JSON with comments and trailing commas). Text that is not JSON, or not an object,
 * yields one problem and no input. Otherwise each malformed value is reported and left out, so the settings and
 * defaults apply for just that value: a list (`requiredSections`, `severities`, `blamelessPhrases`) with one bad
 * element is left out whole; in a map (`aliases`, `rules`, `overview`) only the bad entries are.
 */
export function parseTeamConfig(text: string): TeamConfig {
  // A byte-order mark is not JSON; a space keeps every offset where it was.
  const source = text.replace(/^\uFEFF/, ' ');
  const at = positions(source);
  const problem = (message: string, offset: number, length: number, ignored: 'file' | 'value'): TeamConfigProblem => {
    const len = Math.max(1, length);
    return { message, offset, length: len, range: { start: at(offset), end: at(offset + len) }, ignored };
  };
  const deep = tooDeep(source);
  if (deep >= 0) return { input: {}, ignores: [], problems: [problem(`${TEAM_CONFIG_FILE} nests lists and objects more than ${MAX_DEPTH} deep.`, deep, 1, 'file')] };
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
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
  const keyIndex = new Map<Node, Map<unknown, Node>>();
  /** Reads one value through its entry of the configuration table, reporting each problem where it is. */
  const read = (entry: ConfigEntry, node: Node, name: string): void => {
    const result = entry.read(plain(node), name);
    for (const p of result.problems) report(p.message, locate(node, p, keyIndex));
    if (result.value !== undefined) setAt(input, entry.id, result.value);
  };
  for (const entry of TEAM_ENTRIES) {
    const node = properties.get(entry.team)?.value;
    if (!entry.team.includes('.') && node) read(entry, node, entry.team);
  }
  // Groups ({ "overview": { "maxWords": 60 } }): an object whose keys are entries of the table.
  for (const [group, example] of Object.entries(GROUPS)) {
    const node = properties.get(group)?.value;
    if (!node) continue;
    if (node.type !== 'object') {
      report(`${group} must be an object such as ${example}.`, node);
      continue;
    }
    const members = TEAM_ENTRIES.filter((e) => e.team.startsWith(`${group}.`));
    for (const p of node.children ?? []) {
      const [key, value] = p.children ?? [];
      if (!key || !value) continue;
      const name = `${group}.${String(key.value)}`;
      const entry = members.find((e) => e.team === name);
      if (entry) read(entry, value, name);
      else report(`Unknown setting "${String(key.value)}" in ${group}; known: ${members.map((e) => e.team.slice(group.length + 1)).join(', ')}.`, key);
    }
  }
  let ignores: string[] = [];
  const ignoreNode = properties.get('ignores')?.value;
  if (ignoreNode) {
    const globs: unknown = plain(ignoreNode);
    if (!Array.isArray(globs) || globs.some((v) => typeof v !== 'string' || v.trim() === '')) {
      report('ignores must be a list of globs relative to this file, e.g. ["drafts/**", "templates/**"].', ignoreNode);
    } else ignores = globs as string[];
  }
  problems.sort((a, b) => a.offset - b.offset);
  return { input: input as ConfigInput, ignores, problems };
}

/** Offset → line and column, with CRLF, LF and CR line endings; an offset past the end is the end. */
function positions(text: string): (offset: number) => Position {
  const { offsets } = splitLines(text.replace(/^\uFEFF/, ' '));
  return (offset) => {
    const o = Math.min(Math.max(0, offset), text.length);
    // The last line (below offsets.length - 1) that starts at or before o: a binary search, not a walk from line 0
    // per problem (a file of 32,000 bad entries, one a line, was quadratic).
    let lo = 0;
    let hi = Math.max(0, offsets.length - 2);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return pos(lo, o - offsets[lo]!);
  };
}

/** A node's value as plain JSON data (jsonc-parser builds objects without a prototype). */
function plain(node: Node): unknown {
  return JSON.parse(JSON.stringify(getNodeValue(node))) as unknown;
}

/** The node a problem points at: the value, one of its elements, or an entry's key or value. */
function locate(node: Node, problem: ValueProblem, keyIndex: Map<Node, Map<unknown, Node>>): Node {
  let at = node;
  problem.path.forEach((step, i) => {
    if (at.type === 'array' && typeof step === 'number') at = at.children?.[step] ?? at;
    else if (at.type === 'object') {
      // The last property with that key, as JSON.parse keeps the last: from an index of the object's keys made once,
      // not a search of its properties per problem (32,000 bad "rules" entries took 17 s).
      let index = keyIndex.get(at);
      if (!index) {
        index = new Map();
        for (const p of at.children ?? []) index.set(p.children?.[0]?.value, p);
        keyIndex.set(at, index);
      }
      const property = index.get(step);
      const [key, value] = property?.children ?? [];
      at = (i === problem.path.length - 1 && problem.key ? key : value) ?? at;
    }
  });
  return at;
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
 * Merges config sources, highest precedence first: each setting of the table comes from the first source that sets
 * it; rule levels merge per code.
 */
export function mergeConfigInputs(...sources: ConfigInput[]): ConfigInput {
  const out: Record<string, unknown> = {};
  for (const entry of CONFIG_TABLE) {
    const values = sources.map((source) => valueAt(source, entry.id)).filter((v) => v !== undefined);
    if (values.length === 0) continue;
    const maps = entry.mergeEntries && values.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    setAt(out, entry.id, maps ? Object.assign({}, ...values.reverse()) : values[0]);
  }
  return out as ConfigInput;
}

/**
 * The extension's settings (keys under `postmortem.`, e.g. `sections.required`) in normaliseConfig's terms, through
 * the configuration table. `value` returns what a user or workspace set, or undefined when it is not set (so the team
 * file and defaults apply).
 */
export function settingsConfigInput(value: (key: string) => unknown): ConfigInput {
  const out: Record<string, unknown> = {};
  for (const entry of CONFIG_TABLE) {
    const v = entry.setting === undefined ? undefined : value(entry.setting);
    if (v !== undefined) setAt(out, entry.id, v);
  }
  return out as ConfigInput;
}

/** The config the checks use: settings that are set, then the team file, then the defaults. */
export function effectiveConfig(settings: ConfigInput, team: ConfigInput = {}, problems: string[] = []): PostmortemConfig {
  return normaliseConfig(mergeConfigInputs(settings, team), problems);
}
