// Inline configuration comments: applied in the shared analysis, so the editor and the CLI see the same findings.
import * as assert from 'node:assert/strict';
import { analyze, buildModel, ignoreInsert, IncrementalAnalyzer } from '../../src/core';

const HEAD = ['---', 'type: postmortem', 'status: in-review', '---', '', '# Outage', '', '## Overview', ''];
const BLAME = 'It was human error.';

function findings(body: string[]) {
  return analyze([...HEAD, ...body].join('\n')).findings;
}
/** Lines (1-based, within `body`) of blameless-language findings. */
function blamed(body: string[]): number[] {
  return findings(body)
    .filter((f) => f.code === 'blameless-language')
    .map((f) => f.range.start.line + 1 - HEAD.length);
}

describe('inline configuration comments', () => {
  it('without a comment, every occurrence is reported', () => {
    assert.deepEqual(blamed([BLAME, '', BLAME]), [1, 3]);
  });

  it('disable-next-line covers the next line only, for the rules it names', () => {
    assert.deepEqual(blamed(['<!-- postmortem-disable-next-line blameless-language -->', BLAME, '', BLAME]), [4]);
    assert.deepEqual(blamed(['<!-- postmortem-disable-next-line section-order, empty-section -->', BLAME]), [2]);
    assert.deepEqual(blamed(['<!-- postmortem-disable-next-line -->', BLAME]), [], 'no names: every rule');
  });

  it('disable-line covers its own line', () => {
    assert.deepEqual(blamed([`${BLAME} <!-- postmortem-disable-line blameless-language -->`, '', BLAME]), [3]);
  });

  it('disable … enable covers a range, per rule or for all', () => {
    const body = [BLAME, '<!-- postmortem-disable blameless-language -->', BLAME, '', BLAME, '<!-- postmortem-enable blameless-language -->', BLAME];
    assert.deepEqual(blamed(body), [1, 7]);
    assert.deepEqual(blamed(['<!-- postmortem-disable -->', BLAME, '<!-- postmortem-enable -->', BLAME]), [4]);
    // Everything off, then one rule back on.
    assert.deepEqual(blamed(['<!-- postmortem-disable -->', BLAME, '<!-- postmortem-enable blameless-language -->', BLAME]), [4]);
  });

  it('disable-file covers the whole file, wherever it is', () => {
    const f = findings([BLAME, '', BLAME, '', '<!-- postmortem-disable-file blameless-language missing-section -->']);
    assert.deepEqual(f.filter((x) => x.code === 'blameless-language' || x.code === 'missing-section'), []);
  });

  it('comments in fenced code do not count, nor do unclosed ones', () => {
    assert.deepEqual(blamed(['```', '<!-- postmortem-disable -->', '```', BLAME]), [4]);
    // A directive is one comment on one line: a comment that closes on a later line is no directive.
    assert.deepEqual(blamed(['<!-- postmortem-disable-file blameless-language', '-->', '', BLAME]), [4]);
  });

  it('an unknown rule name is an inline-config finding on the name; the known names still apply', () => {
    const f = findings(['<!-- postmortem-disable-next-line blameless-langauge, blameless-language -->', BLAME]);
    const unknown = f.filter((x) => x.code === 'inline-config');
    assert.equal(unknown.length, 1);
    assert.match(unknown[0]!.message, /^Unknown rule "blameless-langauge" in a postmortem-disable-next-line comment; known: frontmatter-syntax, missing-section, /);
    assert.deepEqual(
      { line: unknown[0]!.range.start.line - HEAD.length, start: unknown[0]!.range.start.character, end: unknown[0]!.range.end.character, severity: unknown[0]!.severity },
      { line: 0, start: 34, end: 52, severity: 'warning' },
    );
    assert.equal(f.filter((x) => x.code === 'blameless-language').length, 0);
    // A comment whose only name is unknown disables nothing.
    assert.deepEqual(blamed(['<!-- postmortem-disable-next-line toString -->', BLAME]), [2]);
  });

  it('unknown names: once per comment each, up to a bound, then one finding counting the rest', () => {
    const unknownOf = (comment: string) =>
      findings([comment, BLAME])
        .filter((x) => x.code === 'inline-config')
        .map((x) => ({ rule: x.data['rule'], at: x.range.start.character, more: /and (\d+) more names? after it/.exec(x.message)?.[1] }));
    const names = (n: number, prefix = 'nope') => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(', ');
    const cases: ReadonlyArray<[string, string, ReadonlyArray<{ rule: string; more?: string }>]> = [
      ['one typo given three times', '<!-- postmortem-disable typo, typo typo -->', [{ rule: 'typo' }]],
      ['eight names: each reported', `<!-- postmortem-disable ${names(8)} -->`, Array.from({ length: 8 }, (_, i) => ({ rule: `nope${i}` }))],
      ['nine names: the ninth is the last, with none after it', `<!-- postmortem-disable ${names(9)} -->`, Array.from({ length: 9 }, (_, i) => ({ rule: `nope${i}` }))],
      ['10,000 names: eight, then one counting the rest', `<!-- postmortem-disable ${names(10_000)} -->`, [...Array.from({ length: 8 }, (_, i) => ({ rule: `nope${i}` })), { rule: 'nope8', more: '9991' }]],
      ['repeats of reported names are not counted', `<!-- postmortem-disable ${names(9)}, nope0, nope8, other -->`, [...Array.from({ length: 8 }, (_, i) => ({ rule: `nope${i}` })), { rule: 'nope8', more: '1' }]],
      ['known names among them still apply', `<!-- postmortem-disable ${names(20)}, blameless-language -->`, [...Array.from({ length: 8 }, (_, i) => ({ rule: `nope${i}` })), { rule: 'nope8', more: '11' }]],
    ];
    for (const [what, comment, expected] of cases) {
      assert.deepEqual(
        unknownOf(comment).map(({ rule, more }) => (more === undefined ? { rule } : { rule, more })),
        expected,
        what,
      );
    }
    // Each finding is on its name.
    for (const u of unknownOf(`<!-- postmortem-disable ${names(30)} -->`)) assert.equal(`<!-- postmortem-disable ${names(30)} -->`.slice(u.at, u.at + String(u.rule).length), u.rule);
    assert.deepEqual(blamed([`<!-- postmortem-disable ${names(20)}, blameless-language -->`, BLAME]), []);
  });

  it('the incremental analysis (the editor) gives the same findings as a full one (the CLI)', () => {
    const text = [...HEAD, '<!-- postmortem-disable blameless-language -->', BLAME, '<!-- postmortem-enable blameless-language -->', BLAME].join('\n');
    const inc = new IncrementalAnalyzer();
    inc.analyze(text.replace('enable', 'enabled'));
    assert.deepEqual(inc.analyze(text).findings, analyze(text).findings);
  });

  describe('the comment that ignores one occurrence (the editor\'s quick fix)', () => {
    const text = [...HEAD, BLAME, '', '## Timeline', '', '| Time | Event |', '| --- | --- |', '| 10:00 | x |', '', '```', 'human error', '```', ''].join('\n');
    const model = buildModel(text);
    const lineOf = (s: string) => model.lines.indexOf(s);

    it('ends a prose line with disable-line, which drops that finding and no other', () => {
      const ins = ignoreInsert(model, lineOf(BLAME), 'blameless-language')!;
      assert.deepEqual(ins, { position: { line: lineOf(BLAME), character: BLAME.length }, text: ' <!-- postmortem-disable-line blameless-language -->' });
      const lines = [...model.lines];
      lines[lineOf(BLAME)] += ins.text;
      const after = analyze(lines.join('\n')).findings;
      assert.equal(after.filter((f) => f.code === 'blameless-language').length, 0);
      assert.equal(after.length, analyze(text).findings.length - 1);
    });

    it('goes above a heading, and nowhere in front matter, fenced code or a table row', () => {
      assert.deepEqual(ignoreInsert(model, lineOf('## Timeline'), 'empty-section'), { position: { line: lineOf('## Timeline'), character: 0 }, text: '<!-- postmortem-disable-next-line empty-section -->\n' });
      assert.equal(ignoreInsert(model, 1, 'frontmatter'), undefined);
      assert.equal(ignoreInsert(model, lineOf('| 10:00 | x |'), 'timeline-timezone'), undefined);
      assert.equal(ignoreInsert(model, lineOf('human error'), 'blameless-language'), undefined);
    });
  });
});
