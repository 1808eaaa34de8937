// Patterns and globs that users and repositories supply run on RE2's linear-time engine (re2js): a catastrophic
// pattern cannot freeze the checks, one RE2 cannot take is reported naming its construct, and matching agrees with
// the JavaScript regex (or picomatch) it replaces wherever both apply.
import * as assert from 'node:assert/strict';
import picomatch from 'picomatch/posix';
import { analyze, DEFAULT_GLOBS, DEFAULT_TICKET_PATTERN, effectiveConfig, normaliseConfig, parseTeamConfig } from '../../src/core';
import { actionItemFields } from '../../src/core/model/action-items';
import { globSet, linearGlob, ticketMatcher, ticketPatternProblem } from '../../src/core/model/user-patterns';
import { doc } from './helpers';

const withActionItem = (item: string) => doc('---', 'type: postmortem', '---', '# Post-mortem: x', '', '## Action Items', '', `- [ ] ${item}`);

describe('user patterns: the ticket pattern', () => {
  it('a catastrophic pattern from .postmortem.json is harmless: (a+)+$ on 40 × a and ! (hours on a backtracking engine)', () => {
    const team = parseTeamConfig('{ "ticketPattern": "(a+)+$" }');
    assert.deepEqual(team.problems, []);
    const config = effectiveConfig({}, team.input);
    assert.equal(config.actionItems.ticketPattern, '(a+)+$');
    const a = analyze(withActionItem(`${'a'.repeat(40)}!`), { config });
    assert.equal(a.findings.filter((f) => f.code === 'action-item-ticket').length, 1);
    // And it still finds what it describes.
    assert.deepEqual(actionItemFields(analyze(withActionItem('Fix it aaaa')).model, '(a+)+$').map((f) => f.ticket), ['aaaa']);
  });

  it('finds the same key as the JavaScript regex with lookaround boundaries it replaces', () => {
    const patterns = ['OPS-\\d+', 'INC\\d{4}', '[A-Z][A-Z0-9]+-\\d+|#\\d+', 'ABC-1|ABC-12', '#\\d+', 'PAY-(?:\\d+)', '(?<key>[A-Z]{2,}-\\d+)', 'x\\u0041-\\d'];
    const texts = ['Fix OPS-12 now', 'XOPS-12 and OPS-34x and OPS-56.', 'see ABC-12', '#42, then #7x', 'INC12345 INC1234', 'é OPS-1 😀 #9', 'xA-1', 'OPS-', '', 'pay-1 PAY-2', 'ABC-1-2 ABC-3'];
    for (const p of patterns) {
      const native = new RegExp(`(?<![\\w-])(?:${p})(?![\\w-])`);
      const linear = ticketMatcher(p)!;
      assert.ok(linear, p);
      for (const t of texts) {
        const want = native.exec(t);
        const got = linear.exec(t);
        assert.deepEqual(got && { key: got[0], index: got.index }, want && { key: want[0], index: want.index }, `${p} on ${JSON.stringify(t)}`);
      }
    }
  });

  it('the default pattern keeps its native regex, which is the same pattern between the same boundaries', () => {
    const m = ticketMatcher(DEFAULT_TICKET_PATTERN);
    assert.ok(m instanceof RegExp);
    assert.equal(m.source, `(?<![\\w-])(?:${DEFAULT_TICKET_PATTERN})(?![\\w-])`);
  });

  it('a pattern RE2 cannot take is reported naming the construct', () => {
    assert.match(ticketPatternProblem('OPS-(?!0)\\d+')!, /uses a lookaround \(`\(\?!`\)/);
    assert.match(ticketPatternProblem('(?<=#)\\d+')!, /uses a lookaround \(`\(\?<=`\)/);
    assert.match(ticketPatternProblem('(OPS)-\\1')!, /uses a backreference \(`\\1`\)/);
    assert.match(ticketPatternProblem('OPS-(\\d+')!, /is not a valid regular expression: missing closing \)/);
    assert.equal(ticketPatternProblem('OPS-\\d+'), undefined);
  });

  it('in .postmortem.json: a team-config problem on the value, and checking goes on with the default', () => {
    const text = '{ "ticketPattern": "OPS-(?!0)\\\\d+", "requireDueDate": true }';
    const team = parseTeamConfig(text);
    assert.equal(team.problems.length, 1);
    const p = team.problems[0]!;
    assert.equal(text.slice(p.offset, p.offset + p.length), '"OPS-(?!0)\\\\d+"');
    assert.match(p.message, /^ticketPattern must be a valid regular expression.*; this one uses a lookaround \(`\(\?!`\), which the linear-time engine \(RE2\) does not support\.$/);
    const config = effectiveConfig({}, team.input);
    assert.deepEqual(config.actionItems, { ticketPattern: DEFAULT_TICKET_PATTERN, requireDueDate: true });
  });

  it('in settings: a settings problem naming the construct, and the default applies', () => {
    const problems: string[] = [];
    const config = normaliseConfig({ actionItems: { ticketPattern: '(\\w+)-\\1' } }, problems);
    assert.equal(config.actionItems.ticketPattern, DEFAULT_TICKET_PATTERN);
    // The same reader as the team file's (the configuration table), naming the setting.
    assert.deepEqual(problems, ['postmortem.actionItems.ticketPattern must be a valid regular expression, e.g. "[A-Z][A-Z0-9]+-\\\\d+"; this one uses a backreference (`\\1`), which the linear-time engine (RE2) does not support.']);
  });
});

describe('user patterns: file globs', () => {
  it('a catastrophic glob is harmless: **/*a*a*a*a*b on a 2,000-character name of a (14 s at 200 with picomatch)', () => {
    const set = globSet(['**/*a*a*a*a*b']);
    assert.equal(set.matches('a'.repeat(2000)), false);
    assert.equal(set.matches(`x/${'a'.repeat(2000)}b`), true);
    const config = normaliseConfig({ globs: ['**/*a*a*a*a*b'] });
    assert.equal(analyze(doc('# x'), { path: `/repo/${'a'.repeat(2000)}`, config }).reason, undefined);
  });

  it('matches what picomatch matches, for the defaults and the usual kinds of glob', () => {
    const globs = [...DEFAULT_GLOBS, '**/rca/*.md', 'docs/{a,b}/*.md', '*.md', '[abc]*.md', '!**/x.md', '**/*.+(md|markdown)', 'a/**', './x/*', '**/?.md', 'Docs/**/*.MD'];
    const paths = ['README.md', 'docs/postmortems/2024.md', 'Post-Mortems/x.md', 'a/b/incidents', 'notes/my-postmortem-draft.md', 'rca/a.md', 'x/rca/a.md', 'rca/b/a.md',
      'docs/a/x.md', 'docs/c/x.md', 'b.md', 'x/b.md', 'x.md', 'y/x.md', 'a/b/c.markdown', 'a', 'a/b', 'x/y', 'z.md', 'docs/q/r/s.md', 'é/postmortem.md', 'PostmortemS/ü.md',
      'a/postmortems', 'postmortems.md/x', 'docs/postmortems/', 'a/my-postmortem/', 'postmortem/x.md', 'INCIDENTS', 'x/post-mortems/y/z.md', 'a/b/2024-post-mortem.md'];
    for (const g of globs) {
      const want = picomatch(g, { nocase: true, dot: true });
      const got = globSet([g]);
      assert.deepEqual(got.problems, [], g);
      for (const p of paths) assert.equal(got.matches(p), want(p), `${g} on ${p}`);
    }
  });

  it('a glob RE2 cannot take is left out with a settings problem naming the construct; the others still match', () => {
    const problems: string[] = [];
    const config = normaliseConfig({ globs: ['**/*.!(txt)', '**/pm/**'] }, problems);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^The glob "\*\*\/\*\.!\(txt\)" in postmortem\.files\.globs cannot be used: it uses a lookaround \(`\(\?!`\).*It is ignored\.$/);
    assert.equal(analyze(doc('# x'), { path: '/repo/pm/a.md', config }).reason, 'path');
    assert.equal(analyze(doc('# x'), { path: '/repo/other/a.md', config }).reason, undefined);
  });

  it('linearGlob (the command line and .postmortem.json ignores) matches what picomatch matches, case-sensitively', () => {
    const globs = ['**/*.md', 'postmortems/**', '!**/drafts/**', 'docs/{a,b}/*.md', '[abc]*.md', '**/*.+(md|markdown)', 'a/**', './x/*', '**/?.md', 'Docs/**/*.MD', '../p/**/*.md', '!../p/**', '../*/q/*.md', '**/.drafts/*.md'];
    const paths = ['README.md', 'readme.MD', 'postmortems/a.md', 'postmortems/drafts/b.md', 'docs/a/x.md', 'docs/c/x.md', 'Docs/q/X.MD', 'docs/q/x.md', 'b.md', 'x/b.md', 'x/y',
      'a', 'a/b/c.markdown', 'a/.hidden/c.md', '.github/t.md', 'z/.drafts/d.md', '../p/q/r.md', 'p/q/r.md', 'é/ü.md'];
    for (const g of globs) {
      const want = picomatch(g, { dot: true });
      const got = linearGlob(g);
      assert.ok('matches' in got, g);
      for (const p of paths) assert.equal(got.matches(p), want(p), `${g} on ${p}`);
    }
    const hostile = linearGlob(`**/${'*a'.repeat(30)}*b`);
    assert.ok('matches' in hostile && !hostile.matches('a'.repeat(5000)));
    assert.deepEqual(linearGlob('**/*.!(txt)'), { problem: 'uses a lookaround (`(?!`), which the linear-time engine (RE2) does not support' });
  });

  it('the default globs have no problems', () => {
    assert.deepEqual(globSet(DEFAULT_GLOBS).problems, []);
    const problems: string[] = [];
    normaliseConfig({ globs: [...DEFAULT_GLOBS] }, problems);
    assert.deepEqual(problems, []);
  });
});

describe('user patterns: blameless phrases and section aliases are literal text', () => {
  it('a phrase that looks like a catastrophic regex matches only itself', () => {
    const config = normaliseConfig({ blamelessPhrases: ['(a+)+$'] });
    const text = doc('---', 'type: postmortem', '---', '# Post-mortem: x', '', '## Overview', '', `${'a'.repeat(40)}!`, '', 'It was (a+)+$ again.');
    const hits = analyze(text, { config }).findings.filter((f) => f.code === 'blameless-language');
    assert.deepEqual(hits.map((f) => f.range.start.line), [9]);
  });

  it('an alias that looks like a regex is matched as words', () => {
    const config = normaliseConfig({ extraAliases: { timeline: ['(a+)+$ log'] } });
    const a = analyze(doc('# Post-mortem: x', '', `## ${'a'.repeat(40)}!`, '', '## A log'), { config, force: true });
    assert.deepEqual(a.model.sections.filter((s) => s.roles.includes('timeline')).map((s) => s.heading.text), ['A log']);
  });
});
