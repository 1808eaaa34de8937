// The team's .postmortem.json: a valid file, broken files (each problem where it belongs, defaults for just the broken
// values), and the precedence of user/workspace settings over the team file over the defaults.
import * as assert from 'node:assert/strict';
import {
  analyze,
  DEFAULT_CONFIG,
  DEFAULT_TICKET_PATTERN,
  effectiveConfig,
  parseTeamConfig,
  restrictedTeamInput,
  SECTION_IDS,
  settingsConfigInput,
  type ConfigInput,
} from '../../src/core';
import { doc } from './helpers';

/** The text each problem points at. */
const pointedAt = (text: string) => parseTeamConfig(text).problems.map((p) => text.slice(p.offset, p.offset + p.length));

describe('team config: a valid file', () => {
  const text = doc(
    '{',
    '  "$schema": "./schemas/postmortem.config.schema.json",',
    '  // Comments and trailing commas are fine (JSONC).',
    '  "requiredSections": ["overview", "impact", "action-items"],',
    '  "aliases": { "timeline": ["Log of events"] },',
    '  "severities": [{ "id": "P1", "description": "Customer-facing outage" }, "P2"],',
    '  "rules": { "section-order": "info", "blameless-language": "error" },',
    '  "ticketPattern": "OPS-\\\\d+",',
    '  "requireDueDate": true,',
    '  "blamelessPhrases": ["human error"],',
    '  "overview": { "maxSentences": 3, "maxWords": 80 },',
    '}',
  );

  it('has no problems, and every value is read', () => {
    const team = parseTeamConfig(text);
    assert.deepEqual(team.problems, []);
    assert.deepEqual(team.input, {
      requiredSections: ['overview', 'impact', 'action-items'],
      extraAliases: { timeline: ['Log of events'] },
      // As the configuration table reads them (the same reader as the settings').
      severities: [{ id: 'P1', description: 'Customer-facing outage' }, { id: 'P2', description: '' }],
      rules: { 'section-order': 'info', 'blameless-language': 'error' },
      actionItems: { ticketPattern: 'OPS-\\d+', requireDueDate: true },
      blamelessPhrases: ['human error'],
      overview: { maxSentences: 3, maxWords: 80 },
    });
  });

  it('reads ignores (for the command line) apart from the checks\' config', () => {
    const team = parseTeamConfig('{ "ignores": ["postmortems/templates/**", "drafts/*.md"] }');
    assert.deepEqual({ ignores: team.ignores, input: team.input, problems: team.problems }, { ignores: ['postmortems/templates/**', 'drafts/*.md'], input: {}, problems: [] });
    const bad = parseTeamConfig('{ "ignores": ["ok/**", 3] }');
    assert.deepEqual(bad.ignores, []);
    assert.deepEqual(bad.problems.map((p) => p.message), ['ignores must be a list of globs relative to this file, e.g. ["drafts/**", "templates/**"].']);
  });

  it('becomes the config, with the defaults for what it does not set', () => {
    const problems: string[] = [];
    const config = effectiveConfig({}, parseTeamConfig(text).input, problems);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      ...DEFAULT_CONFIG,
      requiredSections: ['overview', 'impact', 'action-items'],
      extraAliases: { timeline: ['Log of events'] },
      severities: [{ id: 'P1', description: 'Customer-facing outage' }, { id: 'P2', description: '' }],
      rules: { 'section-order': 'info', 'blameless-language': 'error' },
      actionItems: { ticketPattern: 'OPS-\\d+', requireDueDate: true },
      blamelessPhrases: ['human error'],
      overview: { maxSentences: 3, maxWords: 80 },
    });
  });

  const trivial: Array<[string, string]> = [
    ['an empty object', '{}'],
    ['a byte-order mark', '\uFEFF{ "requireDueDate": false }'],
    ['CRLF line endings', '{\r\n  "requireDueDate": false\r\n}\r\n'],
  ];
  for (const [name, t] of trivial) {
    it(`accepts ${name}`, () => assert.deepEqual(parseTeamConfig(t).problems, []));
  }
});

describe('team config: a broken file', () => {
  // [name, text, the text each problem points at, a pattern every message matches, the input that is left]
  type Case = [name: string, text: string, at: string[], message: RegExp, input: ConfigInput];
  const cases: Case[] = [
    ['invalid JSON (an unclosed list)', '{ "requiredSections": ["overview" }', ['}'], /is not valid JSON: comma expected/, {}],
    ['invalid JSON (a missing comma)', '{ "requireDueDate": true "rules": {} }', ['"rules"'], /is not valid JSON/, {}],
    ['an empty file', '', [''], /is not valid JSON: value expected/, {}],
    ['a list, not an object', '["overview"]', ['["overview"]'], /must hold an object/, {}],
    ['an unknown key', '{ "requiredSection": ["impact"], "requireDueDate": true }', ['"requiredSection"'], /Unknown setting "requiredSection".*known: requiredSections,/, { actionItems: { requireDueDate: true } }],
    ['requiredSections as a string', '{ "requiredSections": "overview" }', ['"overview"'], /requiredSections must be a list of section ids/, {}],
    ['an unknown section id', '{ "requiredSections": ["overview", "timline"], "requireDueDate": true }', ['"timline"'], /Unknown section id "timline" in requiredSections; known: overview, background,/, { actionItems: { requireDueDate: true } }],
    ['two unknown section ids', '{ "requiredSections": ["Impact", 7] }', ['"Impact"', '7'], /Unknown section id/, {}],
    ['an unknown section id in aliases (the valid one is kept)', '{ "aliases": { "timline": ["Log"], "impact": ["Damage"] } }', ['"timline"'], /Unknown section id "timline" in aliases/, { extraAliases: { impact: ['Damage'] } }],
    ['an alias that is not a list', '{ "aliases": { "impact": "Damage" } }', ['"Damage"'], /aliases\.impact must be a list/, { extraAliases: {} }],
    ['an unknown rule level (the valid rule is kept)', '{ "rules": { "section-order": "info", "missing-section": "loud" } }', ['"loud"'], /Rule "missing-section" has an unknown level "loud": use off, hint/, { rules: { 'section-order': 'info' } }],
    ['an unknown rule code', '{ "rules": { "missing-sections": "error" } }', ['"missing-sections"'], /Unknown rule "missing-sections"/, { rules: {} }],
    // Keys are own properties only: names every object inherits are unknown codes, never silently accepted.
    ['a rule named __proto__', '{ "rules": { "__proto__": "off", "section-order": "info" } }', ['"__proto__"'], /Unknown rule "__proto__"/, { rules: { 'section-order': 'info' } }],
    ['a rule named constructor', '{ "rules": { "constructor": "error" } }', ['"constructor"'], /Unknown rule "constructor"/, { rules: {} }],
    ['a rule named toString', '{ "rules": { "toString": "warning" } }', ['"toString"'], /Unknown rule "toString"/, { rules: {} }],
    ['an alias section named __proto__', '{ "aliases": { "__proto__": ["Log"] } }', ['"__proto__"'], /Unknown section id "__proto__" in aliases/, { extraAliases: {} }],
    ['a top-level key named constructor', '{ "constructor": {}, "requireDueDate": true }', ['"constructor"'], /Unknown setting "constructor"/, { actionItems: { requireDueDate: true } }],
    ['a top-level key named __proto__', '{ "__proto__": { "rules": {} } }', ['"__proto__"'], /Unknown setting "__proto__"/, {}],
    ['rules as a list', '{ "rules": ["error"] }', ['["error"]'], /rules must map diagnostic codes to levels/, {}],
    ['an invalid ticket pattern', '{ "ticketPattern": "OPS-(\\\\d+" }', ['"OPS-(\\\\d+"'], /ticketPattern must be a valid regular expression/, {}],
    ['an empty ticket pattern', '{ "ticketPattern": " " }', ['" "'], /ticketPattern must be a valid regular expression/, {}],
    ['requireDueDate as a string', '{ "requireDueDate": "yes" }', ['"yes"'], /requireDueDate must be true or false/, {}],
    ['a severity without an id', '{ "severities": ["P1", { "description": "x" }] }', ['{ "description": "x" }'], /Each severity must be an id/, {}],
    ['severities as a string', '{ "severities": "P1" }', ['"P1"'], /severities must be a list/, {}],
    ['blamelessPhrases with a number', '{ "blamelessPhrases": ["human error", 3] }', ['["human error", 3]'], /blamelessPhrases must be a list of phrases/, {}],
    ['a bad overview limit (the good one is kept)', '{ "overview": { "maxWords": 0, "maxSentences": 3 } }', ['0'], /overview\.maxWords must be a whole number/, { overview: { maxSentences: 3 } }],
    ['an unknown overview key', '{ "overview": { "maxLines": 3 } }', ['"maxLines"'], /Unknown setting "maxLines" in overview/, {}],
    // "overview" occurs first as a section id in the list: the problem must point at the key's value, not there.
    ['a value whose key also appears as a string earlier', '{ "requiredSections": ["overview"], "overview": 3 }', ['3'], /overview must be an object/, { requiredSections: ['overview'] }],
  ];
  for (const [name, text, at, message, input] of cases) {
    it(name, () => {
      const team = parseTeamConfig(text);
      assert.deepEqual(pointedAt(text), at, JSON.stringify(team.problems));
      for (const p of team.problems) assert.match(p.message, message);
      assert.deepEqual(team.input, input);
    });
  }

  it('problems are in file order, with lines and columns', () => {
    const text = doc('{', '  "requiredSections": ["overview", "timline"],', '  "rules": {', '    "missing-section": "loud"', '  }', '}');
    const problems = parseTeamConfig(text.replace(/\n/g, '\r\n')).problems;
    assert.deepEqual(
      problems.map((p) => [p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character, p.ignored]),
      [
        [1, 35, 1, 44, 'value'],
        [3, 23, 3, 29, 'value'],
      ],
    );
  });

  it('a file nested deeper than 200 levels is one problem at the first bracket too deep (no stack overflow)', () => {
    for (const text of [`{"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, `{"rules": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`, `{"x": "${'['.repeat(1000)}", "y": ${'['.repeat(150)}${']'.repeat(150)}}`]) {
      const { problems, input } = parseTeamConfig(text);
      if (text.includes('"y"')) {
        // Brackets in strings do not count; 150 levels are read as any value (here two unknown settings).
        assert.deepEqual(problems.map((p) => p.ignored), ['value', 'value']);
        for (const p of problems) assert.match(p.message, /Unknown setting/);
        continue;
      }
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.ignored, 'file');
      assert.match(problems[0]!.message, /nests lists and objects more than 200 deep/);
      assert.equal(problems[0]!.offset, text.indexOf(text.includes('"rules"') ? '{"a":' : '[') + (text.includes('"rules"') ? 5 : 1) * 199);
      assert.deepEqual(input, {});
    }
  });

  it('thousands of broken entries: each problem on its own line', () => {
    const n = 20_000;
    const text = `{"rules": {\n${Array.from({ length: n }, (_, i) => `"r${i}": "bogus"`).join(',\n')}\n}}`;
    const problems = parseTeamConfig(text).problems;
    assert.equal(problems.length, n);
    problems.forEach((p, i) => assert.equal(p.range.start.line, i + 1));
  });

  it('invalid JSON leaves the whole file out', () => {
    const [problem] = parseTeamConfig('{\n  "rules": { "missing-section": "error" \n').problems;
    assert.equal(problem?.ignored, 'file');
    assert.equal(problem?.range.start.line, 2);
  });

  it('checking goes on with the defaults for just the broken values', () => {
    const text = '{ "requiredSections": ["overview", "timline"], "rules": { "section-order": "info", "missing-section": "loud" }, "ticketPattern": "OPS-\\\\d+", "requireDueDate": "yes" }';
    const team = parseTeamConfig(text);
    assert.equal(team.problems.length, 3);
    const config = effectiveConfig({}, team.input);
    assert.deepEqual(config.requiredSections, SECTION_IDS);
    assert.deepEqual(config.rules, { 'section-order': 'info' });
    assert.deepEqual(config.actionItems, { ticketPattern: 'OPS-\\d+', requireDueDate: false });
  });
});

describe('team config: precedence', () => {
  /** Settings as a user or workspace set them, by their names under `postmortem.`. */
  const settings = (values: Record<string, unknown>) => settingsConfigInput((key) => values[key]);
  const team = (json: object) => {
    const parsed = parseTeamConfig(JSON.stringify(json));
    assert.deepEqual(parsed.problems, []);
    return parsed.input;
  };

  type Case = [name: string, settings: Record<string, unknown>, team: object, pick: (c: ReturnType<typeof effectiveConfig>) => unknown, expected: unknown];
  const cases: Case[] = [
    ['neither: the defaults', {}, {}, (c) => c, DEFAULT_CONFIG],
    ['the team file over the defaults', {}, { requiredSections: ['impact'] }, (c) => c.requiredSections, ['impact']],
    ['a setting over the team file', { 'sections.required': ['overview'] }, { requiredSections: ['impact'] }, (c) => c.requiredSections, ['overview']],
    ['a setting set to the default value still wins', { 'actionItems.requireDueDate': false }, { requireDueDate: true }, (c) => c.actionItems.requireDueDate, false],
    ['an unset setting leaves the team value', { 'actionItems.requireDueDate': undefined }, { requireDueDate: true }, (c) => c.actionItems.requireDueDate, true],
    ['rule levels merge per code', { rules: { 'missing-section': 'off' } }, { rules: { 'missing-section': 'error', 'section-order': 'info' } }, (c) => c.rules, { 'missing-section': 'off', 'section-order': 'info' }],
    ['action-item options merge per option', { 'actionItems.requireDueDate': true }, { ticketPattern: 'OPS-\\d+' }, (c) => c.actionItems, { ticketPattern: 'OPS-\\d+', requireDueDate: true }],
    ['a ticket pattern setting over the team one', { 'actionItems.ticketPattern': 'INC\\d+' }, { ticketPattern: 'OPS-\\d+' }, (c) => c.actionItems.ticketPattern, 'INC\\d+'],
    ['overview limits merge per limit', { 'overview.maxWords': 40 }, { overview: { maxSentences: 3, maxWords: 90 } }, (c) => c.overview, { maxSentences: 3, maxWords: 40 }],
    ['aliases from a setting replace the team aliases', { 'sections.aliases': { impact: ['Damage'] } }, { aliases: { timeline: ['Log'] } }, (c) => c.extraAliases, { impact: ['Damage'] }],
    ['severities from the team file', {}, { severities: ['P1', 'P2'] }, (c) => c.severities.map((s) => s.id), ['P1', 'P2']],
    ['blameless phrases from a setting', { 'blameless.phrases': ['oops'] }, { blamelessPhrases: ['human error'] }, (c) => c.blamelessPhrases, ['oops']],
    ['globs and enable come from settings only', { 'files.globs': ['**/pm/**'], enable: false }, {}, (c) => [c.globs, c.enabled], [['**/pm/**'], false]],
    ['the default ticket pattern when nobody sets one', { 'actionItems.requireDueDate': true }, {}, (c) => c.actionItems.ticketPattern, DEFAULT_TICKET_PATTERN],
  ];
  for (const [name, s, t, pick, expected] of cases) {
    it(name, () => assert.deepEqual(pick(effectiveConfig(settings(s), team(t))), expected));
  }

  it('reaches the checks: a team rule level applies unless a setting turns it down', () => {
    const text = doc('---', 'type: postmortem', 'status: draft', '---', '# Outage', '', '## Overview', '', 'It broke.');
    const severities = (config: ReturnType<typeof effectiveConfig>) => [
      ...new Set(analyze(text, { config }).findings.filter((f) => f.code === 'missing-section').map((f) => f.severity)),
    ];
    const teamInput = team({ rules: { 'missing-section': 'error' } });
    assert.deepEqual(severities(effectiveConfig({}, {})), ['hint']);
    assert.deepEqual(severities(effectiveConfig({}, teamInput)), ['error']);
    assert.deepEqual(severities(effectiveConfig(settings({ rules: { 'missing-section': 'info' } }), teamInput)), ['info']);
  });
});

describe('team config: Restricted Mode', () => {
  it('keeps every value that cannot read or write files', () => {
    const team = parseTeamConfig(JSON.stringify({
      requiredSections: ['overview', 'impact'],
      aliases: { timeline: ['Log of events'] },
      severities: ['P1', 'P2'],
      rules: { 'section-order': 'info' },
      ticketPattern: 'OPS-\\d+',
      requireDueDate: true,
      blamelessPhrases: ['human error'],
      overview: { maxWords: 80 },
    }));
    assert.deepEqual(team.problems, []);
    assert.deepEqual(restrictedTeamInput(team.input), team.input);
  });

  it('drops anything else (an allow-list: a key that names files or globs stays out)', () => {
    const input = { requiredSections: ['overview'], globs: ['**/*'], template: 'x.md', folder: '../out' } as Record<string, unknown>;
    assert.deepEqual(restrictedTeamInput(input), { requiredSections: ['overview'] });
  });

  it('reads own properties only', () => {
    const input = Object.create({ requiredSections: ['impact'] }) as Record<string, unknown>;
    assert.deepEqual(restrictedTeamInput(input), {});
  });
});
