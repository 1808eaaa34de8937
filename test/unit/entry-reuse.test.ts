// Reuse across edits: an IncrementalAnalyzer keeps the Entry objects (and what rules keep per entry) of rows an edit
// did not touch. Each case edits a document and checks two things: the result equals a from-scratch analysis of the
// edited text, and the untouched rows are the very objects of the analysis before (the reuse happens at all).
import * as assert from 'node:assert/strict';
import { analyze, IncrementalAnalyzer, type Analysis } from '../../src/core';
import { actionItemFields } from '../../src/core/model/action-items';
import { previousModel } from '../../src/core/model/model';
import { parseTimeline, statedTimeZone } from '../../src/core/timeline';
import { doc } from './helpers';
import { DEFAULT_CONFIG } from '../../src/core/config/config';

const PATH = '/postmortems/reuse.md';
const HEAD = ['---', 'type: postmortem', 'date: 2026-11-20', '---', '', '# Reuse', '', '## Overview', '', 'Text.', ''];

function timelineDoc(n: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(`- 14:${String(i % 60).padStart(2, '0')} UTC: step ${i}`);
    if (i % 7 === 3) rows.push('  - detail');
  }
  return [...HEAD, '## Timeline', '', ...rows, '', '## Action Items', '', '| Action | Owner |', '|---|---|', ...Array.from({ length: n }, (_, i) => `| Fix ${i} | ${i % 5 ? '@kim' : ''} |`), ''];
}

/** Everything the rows give, as plain data: entries, timeline items, action-item fields, findings. */
function rowsOf(a: Analysis) {
  return {
    timeline: a.model.timeline,
    actionItems: a.model.actionItems,
    items: parseTimeline(a.model),
    fields: actionItemFields(a.model, '[A-Z][A-Z0-9]+-\\d+').map((f) => ({ entry: f.entry, owner: f.owner, ticket: f.ticket, due: f.due, summary: f.summary })),
    findings: a.findings,
  };
}

/** Analyses `before`, then `after` with the same analyzer; checks it against a fresh analysis of `after`. */
function edit(before: string, after: string): { old: Analysis; now: Analysis } {
  const analyzer = new IncrementalAnalyzer();
  const old = analyzer.analyze(before, { path: PATH });
  rowsOf(old); // what rules keep per entry is made now, so the edit can reuse it
  const now = analyzer.analyze(after, { path: PATH });
  assert.deepEqual(rowsOf(now), rowsOf(analyze(after, { path: PATH })));
  return { old, now };
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.filter((x, i) => x === b[i]).length;

describe('entries reused across edits', () => {
  const lines = timelineDoc(200);
  const text = doc(...lines);
  const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));

  it('editing one timeline row: only that entry and its item are new', () => {
    const l = at('- 14:40 UTC: step 100');
    const edited = doc(...lines.slice(0, l), lines[l]!.replace('step', 'stop'), ...lines.slice(l + 1));
    const { old, now } = edit(text, edited);
    assert.equal(now.model.timeline.length, old.model.timeline.length);
    assert.equal(same(now.model.timeline, old.model.timeline), old.model.timeline.length - 1);
    assert.equal(same(parseTimeline(now.model), parseTimeline(old.model)), old.model.timeline.length - 1);
    assert.equal(same(now.model.actionItems, old.model.actionItems), old.model.actionItems.length);
  });

  it('editing a row to an earlier time changes the order findings as from scratch', () => {
    const l = at('- 14:40 UTC: step 100');
    const edited = doc(...lines.slice(0, l), lines[l]!.replace('14:40', '14:02'), ...lines.slice(l + 1));
    const { old, now } = edit(text, edited);
    assert.ok(now.findings.filter((f) => f.code === 'timeline-order').length > old.findings.filter((f) => f.code === 'timeline-order').length);
  });

  it('editing a sub-bullet: the entry it belongs to is new', () => {
    const l = lines.indexOf('  - detail', at('- 14:38 UTC: step 98'));
    assert.equal(lines[l - 1], '- 14:41 UTC: step 101');
    const edited = doc(...lines.slice(0, l), '  - detail, edited', ...lines.slice(l + 1));
    const { old, now } = edit(text, edited);
    assert.equal(same(now.model.timeline, old.model.timeline), old.model.timeline.length - 1);
  });

  it('inserting a line above the timeline: every entry moves, and equals a fresh analysis', () => {
    edit(text, doc(...lines.slice(0, 9), 'One more line.', ...lines.slice(9)));
  });

  it('a date above the timeline changes every item after it, not the entries', () => {
    const l = at('## Timeline');
    const { old, now } = edit(text, doc(...lines.slice(0, l + 1), '', '### 2026-11-21', ...lines.slice(l + 1)));
    assert.ok(parseTimeline(now.model).every((item, i) => item !== parseTimeline(old.model)[i]));
  });

  it('deleting a timeline row and a table row', () => {
    const a = at('- 14:40 UTC: step 100');
    const b = at('| Fix 100 |');
    const edited = doc(...lines.slice(0, a), ...lines.slice(a + 1, b), ...lines.slice(b + 1));
    const { old, now } = edit(text, edited);
    assert.equal(now.model.timeline.length, old.model.timeline.length - 1);
    // Entries before the deletions are kept; those after moved a line up, so they are new objects.
    assert.ok(same(now.model.timeline, old.model.timeline) >= 99);
  });

  it('deleting a timeline row keeps the items after it (same entries, same blocks)', () => {
    const a = at('- 14:40 UTC: step 100');
    const { old, now } = edit(text, doc(...lines.slice(0, a), lines[a]!.replace('- ', 'x '), ...lines.slice(a + 1)));
    const before = parseTimeline(old.model);
    const after = parseTimeline(now.model);
    assert.equal(after.length, before.length - 1);
    // The deleted marker makes the line part of the entry above. The next entry is read again (the clock before it
    // changed); from the one after it, the scan is in the same state as before, and every item is kept.
    const k = before.findIndex((i) => i.entry.range.start.line > a);
    assert.equal(after[k - 1]!.entry, before[k]!.entry);
    assert.ok(after.slice(k).every((item, i) => item === before[k + 1 + i]));
  });

  it('a date on one entry changes the day of the items after it, as from scratch', () => {
    const l = at('- 14:40 UTC: step 100');
    const { old, now } = edit(text, doc(...lines.slice(0, l), lines[l]!.replace('14:40', '2026-11-22 14:40'), ...lines.slice(l + 1)));
    const k = parseTimeline(old.model).findIndex((i) => i.entry.range.start.line === l);
    assert.notEqual(parseTimeline(now.model)[k + 1]!.time!.dayMs, parseTimeline(old.model)[k + 1]!.time!.dayMs);
  });

  it('a line between rows turned blank joins their blocks, with no entry changed', () => {
    const rows = [...HEAD, '## Timeline', ''];
    for (let i = 0; i < 50; i++) rows.push(`| 14:${String(i).padStart(2, '0')} UTC | step |`, i % 10 === 9 ? '' : 'text');
    const l = rows.indexOf('text', rows.length - 60);
    const { old, now } = edit(doc(...rows), doc(...rows.slice(0, l), '', ...rows.slice(l + 1)));
    assert.equal(same(now.model.timeline, old.model.timeline), old.model.timeline.length);
    const blocks = (a: Analysis) => new Set(parseTimeline(a.model).map((i) => i.block)).size;
    assert.equal(blocks(now), blocks(old) - 1);
  });

  it('timeline-timestamp after an edit: a row lost, a block that gains a time, as from scratch', () => {
    const rows = [...HEAD, '## Timeline', ''];
    for (let i = 0; i < 60; i++) rows.push(i % 20 === 0 ? '' : `| step ${i} |`, i % 3 ? 'text' : '');
    const untimed = doc(...rows);
    const l = rows.indexOf('| step 31 |');
    const { old, now } = edit(untimed, doc(...rows.slice(0, l), 'step 31 |', ...rows.slice(l + 1)));
    const count = (a: Analysis) => a.findings.filter((f) => f.code === 'timeline-timestamp').length;
    assert.equal(count(now), count(old) - 1);
    const k = rows.indexOf('| step 45 |');
    const timed = doc(...rows.slice(0, k), '| 14:05 UTC step 45 |', ...rows.slice(k + 1));
    edit(untimed, timed);
    edit(timed, untimed);
  });

  it('editing an action-item row: only that entry is new, and its findings follow', () => {
    const l = at('| Fix 100 |');
    const edited = doc(...lines.slice(0, l), '| Fix 100 | @sam OPS-1 |', ...lines.slice(l + 1));
    const { old, now } = edit(text, edited);
    assert.equal(same(now.model.actionItems, old.model.actionItems), old.model.actionItems.length - 1);
    assert.equal(now.findings.length, old.findings.length - 2); // no owner and no ticket finding for it any more
  });

  it('turning text into the delimiter row makes the row above it a header, as from scratch', () => {
    const l = at('| Fix 100 |');
    edit(text, doc(...lines.slice(0, l + 1), '|---|---|', ...lines.slice(l + 1)));
  });

  it('a timeline row turned into a table row and back', () => {
    const l = at('- 14:40 UTC: step 100');
    const edited = doc(...lines.slice(0, l), '', '| 14:40 UTC | step |', '', ...lines.slice(l + 1));
    edit(text, edited);
    edit(edited, text);
  });
});

describe('the model before', () => {
  it('is let go once an analysis has read the model (a document keeps one model alive)', () => {
    const analyzer = new IncrementalAnalyzer();
    const lines = timelineDoc(20);
    analyzer.analyze(doc(...lines), { path: PATH });
    const now = analyzer.analyze(doc(...lines, 'More.'), { path: PATH });
    assert.equal(previousModel(now.model), undefined);
  });
});

describe('chunk cache across many edits', () => {
  it('holds the chunks of the latest text and a bounded number of replaced ones; results stay those of a fresh analysis', () => {
    const analyzer = new IncrementalAnalyzer();
    const lines = timelineDoc(100);
    for (let i = 0; i < 400; i++) {
      const l = 12 + ((i * 37) % 200);
      lines[l] = `${lines[l]!} ${i}`;
      const text = doc(...lines);
      const now = analyzer.analyze(text, { path: PATH });
      const maps = (analyzer as unknown as { cache: { cache: Map<string, unknown>; frontMatterCache: Map<string, unknown> } }).cache;
      assert.ok(maps.cache.size + maps.frontMatterCache.size <= 2 * now.model.chunks.length + 64);
      if (i % 50 === 49) assert.deepEqual(rowsOf(now), rowsOf(analyze(text, { path: PATH })));
    }
  });
});

describe('the zone a Timeline section states', () => {
  const zoneOf = (...body: string[]) => statedTimeZone(analyze(doc(...HEAD, '## Timeline', '', ...body, '', '## Impact', '', 'Some impact.'), { path: PATH }).model);

  it('is read from its text, not from its entries or code', () => {
    assert.deepEqual(zoneOf('- 14:03 UTC: alert', '- 14:05 UTC: page', '', 'All times are PST.'), { zone: 'PST', offsetMinutes: -480, where: 'section' });
    assert.equal(zoneOf('- 14:03 UTC: alert', '', '```', 'CET', '```')?.where, undefined);
    assert.equal(zoneOf('| 14:03 CET | alert |', 'text', '| 14:05 | page |'), undefined);
  });

  it('in a long section of rows and text lines, from a line after them', () => {
    const rows: string[] = [];
    for (let i = 0; i < 500; i++) rows.push('| row |', 'text');
    assert.deepEqual(zoneOf(...rows), undefined);
    assert.equal(zoneOf(...rows, '', 'Times are in CET.')?.zone, 'CET');
  });
});

describe('action-item fields across edits of a long checklist', () => {
  // Items without owner or ticket (two findings each), with sub-items and continuation lines in turn.
  const items: string[] = [];
  for (let i = 0; i < 300; i++) {
    items.push(`- [ ] Fix ${i}${i % 4 === 0 ? ' — owner: @kim' : ''}`);
    if (i % 3 === 0) items.push('  - [ ] sub', '    - [ ] subsub');
    if (i % 5 === 1) items.push('  more words, ticket OPS-9');
  }
  const lines = [...HEAD, '## Action Items', '', ...items, ''];
  const text = doc(...lines);
  const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
  // The rules' pattern: the fields the analysis itself read (and handed on).
  const fieldsOf = (a: Analysis) => actionItemFields(a.model, DEFAULT_CONFIG.actionItems.ticketPattern);

  const cases: ReadonlyArray<{ name: string; edit: (ls: string[]) => string[]; kept: 'all-but-one' | 'none-checked' }> = [
    // A character typed before a marker makes the item a lazy line of the one above: every item after it moves back by one.
    { name: 'an item made a lazy line of the one above', edit: (ls) => ls.map((l, i) => (i === at('- [ ] Fix 150') ? `x${l}` : l)), kept: 'all-but-one' },
    { name: 'a line added in the middle (the items below move down)', edit: (ls) => [...ls.slice(0, at('- [ ] Fix 150')), '- [ ] New item', ...ls.slice(at('- [ ] Fix 150'))], kept: 'none-checked' },
    { name: 'a line removed in the middle (the items below move up)', edit: (ls) => ls.filter((_, i) => i !== at('- [ ] Fix 150')), kept: 'none-checked' },
    { name: 'a blank line added between two items (the list becomes loose)', edit: (ls) => [...ls.slice(0, at('- [ ] Fix 150')), '', ...ls.slice(at('- [ ] Fix 150'))], kept: 'none-checked' },
    { name: 'a sub-item edited', edit: (ls) => ls.map((l, i) => (i === at('- [ ] Fix 150') + 1 ? `${l} @ann` : l)), kept: 'none-checked' },
    { name: 'an owner typed into an item', edit: (ls) => ls.map((l, i) => (i === at('- [ ] Fix 151') ? `${l} @ann` : l)), kept: 'all-but-one' },
  ];
  for (const c of cases) {
    it(`${c.name}: fields and findings equal a fresh analysis`, () => {
      const { old, now } = edit(text, doc(...c.edit([...lines])));
      if (c.kept === 'all-but-one') {
        // The entries the model kept keep their fields (the same objects), wherever their index now is.
        const before = new Map(fieldsOf(old).map((f) => [f.entry, f]));
        const kept = fieldsOf(now).filter((f) => before.get(f.entry) === f).length;
        assert.equal(kept, fieldsOf(old).length - 1 - (c.name.startsWith('an item made') ? 1 : 0));
      }
    });
  }
});

describe('timeline-order findings across edits', () => {
  // A timeline in descending order: every entry after the first is out of order.
  const rows = Array.from({ length: 240 }, (_, i) => `- ${String(23 - Math.floor(i / 60)).padStart(2, '0')}:${String(59 - (i % 60)).padStart(2, '0')} UTC: step ${i}`);
  const lines = [...HEAD, '## Timeline', '', ...rows, ''];
  const text = doc(...lines);
  const order = (a: Analysis) => a.findings.filter((f) => f.code === 'timeline-order');
  const row = (i: number) => lines.indexOf(rows[i]!);
  // `below`: how many findings below the edit are the very findings of before (entries after an edit that changes
  // a time are read again, as their day may follow from it; those below a removed line moved).
  const cases: ReadonlyArray<{ name: string; edit: (ls: string[]) => string[]; below: number }> = [
    { name: 'a word typed in an entry', edit: (ls) => ls.map((l, i) => (i === row(120) ? `${l} more` : l)), below: 118 },
    { name: 'an entry given an earlier time', edit: (ls) => ls.map((l, i) => (i === row(120) ? l.replace(/^- \d\d/, '- 00') : l)), below: 0 },
    { name: 'an entry removed (the entries below move up)', edit: (ls) => ls.filter((_, i) => i !== row(120)), below: 0 },
  ];
  for (const c of cases) {
    it(`${c.name}: findings equal a fresh analysis; those above it are the findings of before`, () => {
      const { old, now } = edit(text, doc(...c.edit([...lines])));
      const before = new Set(order(old));
      const edited = row(120);
      const above = order(now).filter((f) => f.range.start.line < edited);
      assert.equal(above.length, 119);
      assert.equal(above.filter((f) => before.has(f)).length, 119);
      assert.equal(order(now).filter((f) => f.range.start.line > edited && before.has(f)).length, c.below);
    });
  }
});

describe('milestone-time findings across edits', () => {
  // Marks of one milestone, then many of another: each repeat names the line of its milestone's first mark.
  const rows = Array.from({ length: 200 }, (_, i) => `- 14:${String(i % 60).padStart(2, '0')} UTC: **${i < 100 ? 'Started' : 'Resolved'}:** step ${i}`);
  const lines = [...HEAD, '## Timeline', '', ...rows, ''];
  const text = doc(...lines);
  const repeats = (a: Analysis) => a.findings.filter((f) => f.code === 'milestone-time' && f.data['repeat'] === true);
  const row = (i: number) => lines.indexOf(rows[i]!);

  it('each repeat names the first mark of its own milestone', () => {
    const found = repeats(analyze(text, { path: PATH }));
    assert.equal(found.length, 198);
    for (const f of found) {
      const first = f.data['milestone'] === 'started' ? row(0) : row(100);
      assert.match(f.message, new RegExp(`already marked on line ${first + 1};`));
    }
  });

  const cases: ReadonlyArray<{ name: string; edit: (ls: string[]) => string[]; kept: number }> = [
    { name: 'a word typed in a repeat', edit: (ls) => ls.map((l, i) => (i === row(150) ? `${l} more` : l)), kept: 197 },
    // The first Resolved mark removed: the next one is first, and every Resolved repeat names another line.
    { name: 'the first mark of a milestone unmarked', edit: (ls) => ls.map((l, i) => (i === row(100) ? l.replace('**Resolved:**', 'done') : l)), kept: 99 },
  ];
  for (const c of cases) {
    it(`${c.name}: findings equal a fresh analysis, the unchanged ones the findings of before`, () => {
      const { old, now } = edit(text, doc(...c.edit([...lines])));
      const before = new Set(repeats(old));
      assert.equal(repeats(now).filter((f) => before.has(f)).length, c.kept);
    });
  }
});
