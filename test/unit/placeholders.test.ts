// Our own placeholders never count as content: the template's example action item, snippet defaults, guidance.
import * as assert from 'node:assert/strict';
import { analyze, builtInTemplate, renderTemplate, templateVars, type Finding } from '../../src/core';
import { buildSnippets } from '../../src/core/authoring/snippets';
import { isOwnPlaceholder } from '../../src/core/model/placeholders';

/** A snippet's body as VS Code inserts it when the person accepts every default. */
function expand(name: string): string {
  const body = buildSnippets()[name]!.body.join('\n');
  return body
    .replace(/\$\{\d+\|([^,|}]+)[^}]*\}/g, '$1')
    .replace(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g, (_, _n, v: string) => v.replace(/\\(.)/g, '$1'))
    .replace(/\$\{CURRENT_[A-Z_]+\}/g, '01')
    .replace(/\$0/g, '');
}

const FINAL = ['---', 'type: postmortem', 'title: T', 'date: 2026-11-01', 'status: final', '---', '# T', ''];
const codes = (findings: readonly Finding[], section?: string) =>
  findings.filter((f) => section === undefined || f.data['section'] === section || f.code.startsWith(section)).map((f) => `${f.code}:${f.severity}`);

describe('own placeholders are not content', () => {
  it('the template\'s example action item: at final, an empty Action Items section, and no owner or ticket findings', () => {
    const { text } = renderTemplate(builtInTemplate(), templateVars({ title: 'T', date: '2026-11-01', severity: 'SEV2', now: new Date(0) }));
    const final = text.replace('status: draft', 'status: final');
    const found = analyze(final, { path: '/w/postmortems/t.md' }).findings;
    assert.ok(found.some((f) => f.code === 'empty-section' && f.data['section'] === 'action-items' && f.severity === 'error'), 'Action Items is empty');
    assert.deepEqual(found.filter((f) => f.code.startsWith('action-item-')), []);
  });

  it('pm-impact with its defaults is an empty Impact section, not one with numbers', () => {
    const found = analyze([...FINAL, expand('Post-mortem: Impact')].join('\n')).findings;
    assert.ok(found.some((f) => f.code === 'empty-section' && f.data['section'] === 'impact'), codes(found).join(', '));
    assert.deepEqual(found.filter((f) => f.code === 'impact-numbers'), []);
  });

  it('pm-impact with a filled row: its number counts; with words only, the default zeros do not', () => {
    const table = expand('Post-mortem: Impact');
    const filled = analyze([...FINAL, table.replace('| Users affected | 0 |', '| Users affected | 1,240 |')].join('\n')).findings;
    assert.deepEqual(filled.filter((f) => f.code === 'impact-numbers' || (f.code === 'empty-section' && f.data['section'] === 'impact')), []);
    const words = analyze([...FINAL, table.replace('| Users affected | 0 |', '| Users affected | many |')].join('\n')).findings;
    assert.equal(words.filter((f) => f.code === 'impact-numbers').length, 1);
    assert.equal(words.filter((f) => f.code === 'empty-section' && f.data['section'] === 'impact').length, 0);
  });

  it('pm-action-items, pm-responders and a section left with its guidance as text are empty', () => {
    for (const name of ['Post-mortem: Action Items', 'Post-mortem: Responders', 'Post-mortem: Root Causes']) {
      const section = name.replace('Post-mortem: ', '').toLowerCase().replace(' ', '-');
      const found = analyze([...FINAL, expand(name)].join('\n')).findings;
      assert.ok(found.some((f) => f.code === 'empty-section' && f.data['section'] === section), `${name}: ${codes(found).join(', ')}`);
      assert.deepEqual(found.filter((f) => f.code.startsWith('action-item-')), [], name);
    }
  });

  it('a person\'s text that only resembles a placeholder is content', () => {
    assert.equal(isOwnPlaceholder('- [ ] Action — owner: @kim, ticket: OPS-1, due: 2026-12-01'), false);
    assert.equal(isOwnPlaceholder('| Users affected | 0 | none were |'), false);
    assert.equal(isOwnPlaceholder('  - [ ]   Action — owner: @name, ticket: ABC-123, due: YYYY-MM-DD  '), true);
    // Spaced as written, or with runs of spaces and tabs: the same placeholder (it is normalised before it is compared).
    for (const line of ['| Duration | 0 min | |', '\t| Duration |  0 min | |  ', '|\tDuration | 0 min | |', '- Name — scribe', ' - Name  —\u00a0scribe']) {
      assert.equal(isOwnPlaceholder(line), true, JSON.stringify(line));
    }
    for (const line of ['- [ ] Fix 12', '- Name — scribes', '| Duration | 1 min | |', '- Name  —  scrib']) assert.equal(isOwnPlaceholder(line), false, JSON.stringify(line));
    const found = analyze([...FINAL, '## Action Items', '', '- [ ] Action — owner: @kim, ticket: OPS-1'].join('\n')).findings;
    assert.deepEqual(found.filter((f) => f.code === 'empty-section' && f.data['section'] === 'action-items'), []);
  });
});
