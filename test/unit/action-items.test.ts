// Action items' table rows are read by hand-written code where patterns made several strings per row: here it is
// compared with the patterns it replaces, on seeded random rows over the characters that matter. After an edit, the
// fields of rows and the timeline's items are taken from the analysis before (rows that moved with added or removed
// lines included): here that equals a read from scratch, edit after edit.
import * as assert from 'node:assert/strict';
import { analyze, IncrementalAnalyzer, type Analysis } from '../../src/core';
import { DEFAULT_CONFIG } from '../../src/core/config/config';
import { actionItemFields, cells, FIELD_PATTERNS } from '../../src/core/model/action-items';
import { isDelimiterRow } from '../../src/core/model/model';
import { parseMilestones } from '../../src/core/milestones/parse';
import { parseStamp, parseTimeline, proseZone, ZONE_OFFSETS } from '../../src/core/timeline';
import { statesZone } from '../../src/core/timeline/stamp';
import { rng } from '../bench/generate';

/** The split it replaces. */
const oldCells = (row: string): string[] => row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());

function strings(seed: number, count: number, alphabet: readonly string[], max: number): string[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(r() * (max + 1)) }, () => alphabet[Math.floor(r() * alphabet.length)]!).join(''));
}

describe('action items: table cells', () => {
  it('cells() == the trim, replace and split it replaces', () => {
    const alphabet = ['|', '|', '\\', '\\|', ' ', '  ', '\t', '\u00a0', '\u2003', '\ufeff', '\n', 'a', 'Fix 1', '@kim', '-', ':', '||', '| |'];
    for (const row of strings(5, 30_000, alphabet, 9)) assert.deepEqual(cells(row), oldCells(row), JSON.stringify(row));
    assert.deepEqual(cells('| Fix the retry \\| loop | @kim | OPS-1 |'), ['Fix the retry \\| loop', '@kim', 'OPS-1']);
    assert.deepEqual(cells(''), ['']);
    assert.deepEqual(cells('|'), ['']);
  });

  it('isDelimiterRow() == the includes and pattern it replaces', () => {
    const alphabet = ['|', '-', ':', ' ', '\t', '\u00a0', '\u2003', '\ufeff', '\u200b', '\n', 'a', '--', '|---|', '=', '+'];
    const old = (t: string) => t.includes('-') && /^[\s:|-]+$/.test(t);
    for (const row of strings(9, 30_000, alphabet, 8)) assert.equal(isDelimiterRow(row), old(row), JSON.stringify(row));
    assert.equal(isDelimiterRow('| :--- | ---: |'), true);
    assert.equal(isDelimiterRow('| row |'), false);
    assert.equal(isDelimiterRow(''), false);
  });
});

/** A post-mortem with a long timeline table and a long action-item table, for edits that move their rows. */
function longTables(rows: number): string {
  const out = ['---', 'type: postmortem', 'date: 2026-11-20', '---', '', '# T', '', '## Timeline', '', '| Time | Event |', '|---|---|'];
  for (let i = 0; i < rows; i++) out.push(i % 7 === 3 ? `| | note ${i} |` : `| ${String(10 + (i % 14)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | event ${i} |`);
  out.push('');
  // Entries in short lists, a blank line or a line of text between them: each list is a block.
  for (let i = 0; i < rows; i++) out.push(i % 4 === 3 ? (i % 8 === 3 ? '' : 'Then:') : `- ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} step ${i}`);
  out.push('', '## Action Items', '', '| Action | Owner | Ticket |', '|---|---|---|');
  // Cells whose fields differ from what the patterns find in the row: a row read under another header reads otherwise.
  for (let i = 0; i < rows; i++) out.push(i % 5 === 0 ? `| Fix ${i} | TBD | see OPS-${i} |` : `| Fix ${i} | ${i % 2 ? 'kim' : '@kim'} | ${i % 3 ? `see OPS-${i}` : ''} |`);
  return out.join('\n');
}

const CHARACTERS = ['x', '|', '1', '2', ':', ' ', '-', '@'];
const EDITS = ['\n', '| 09:00 | new |\n', '| Fix new | @ann | OPS-9 |\n', 'x', '|', '\n\n', 'Text line\n', '| Owner | Action |\n|---|---|\n', '- [ ] item @bo\n'];

const fields = (a: Analysis) => actionItemFields(a.model, DEFAULT_CONFIG.actionItems.ticketPattern).map((f) => ({ ...f, entry: f.entry.range.start.line, summary: f.summary }));
const times = (a: Analysis) => parseTimeline(a.model).map((t) => ({ line: t.entry.range.start.line, block: t.block, blank: t.blank, time: t.time }));

describe('action items and timeline: incremental reads of long tables', () => {
  it('equal a read from scratch after every edit, rows moved by added and removed lines included', () => {
    const r = rng(21);
    let text = longTables(120);
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze(text);
    for (let step = 0; step < 300; step++) {
      const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
      const at = lineStarts[Math.floor(r() * lineStarts.length)]!;
      const kind = r();
      const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
      if (kind < 0.25) {
        text = text.slice(0, at) + text.slice(Math.min(text.length, lineEnd + 1)); // a line removed
      } else if (kind < 0.5) {
        const edit = EDITS[Math.floor(r() * EDITS.length)]!;
        text = text.slice(0, at) + edit + text.slice(at); // lines added
      } else {
        // One character typed or deleted inside a line: the lines after it stay where they were.
        const where = at + Math.floor(r() * (lineEnd - at + 1));
        text = r() < 0.3 && where < lineEnd ? text.slice(0, where) + text.slice(where + 1) : text.slice(0, where) + CHARACTERS[Math.floor(r() * CHARACTERS.length)]! + text.slice(where);
      }
      const incremental = analyzer.analyze(text);
      const scratch = analyze(text);
      assert.deepEqual(fields(incremental), fields(scratch), `fields after step ${step}`);
      assert.deepEqual(times(incremental), times(scratch), `timeline after step ${step}`);
      assert.deepEqual(incremental.findings, scratch.findings, `findings after step ${step}`);
    }
  });

  it('edits that change only a later row\'s header, or only where a timeline block starts', () => {
    const table = ['## Action Items', '', '| Action | Owner | Ticket |', '|---|---|---|', ...Array.from({ length: 6 }, (_, i) => `| Fix ${i} | kim | see OPS-${i} |`)];
    const timeline = ['## Timeline', '', '| 10:00 | a |', '', '| 23:50 | b |', '| 00:10 | c |', '| 00:20 | d |'];
    const cases: Array<[string, string[], (lines: string[]) => string[]]> = [
      ['a line of text splits the table: the rows below read under a new header', table, (l) => [...l.slice(0, 6), 'Text', ...l.slice(6)]],
      ['a line removed from the header', table, (l) => [...l.slice(0, 2), ...l.slice(3)]],
      ['the header edited', table, (l) => [...l.slice(0, 2), '| Owner | Action | Ticket |', ...l.slice(3)]],
      ['the blank line between two tables becomes text: a new block', timeline, (l) => [...l.slice(0, 3), 'x', ...l.slice(4)]],
      ['a time edited: the next one no longer rolls over', timeline, (l) => [...l.slice(0, 4), '| 00:05 | b |', ...l.slice(5)]],
    ];
    for (const [name, body, edit] of cases) {
      const lines = ['---', 'type: postmortem', '---', '', '# T', '', ...body];
      const analyzer = new IncrementalAnalyzer();
      analyzer.analyze(lines.join('\n'));
      const text = edit(lines).join('\n');
      const incremental = analyzer.analyze(text);
      const scratch = analyze(text);
      assert.deepEqual(fields(incremental), fields(scratch), name);
      assert.deepEqual(times(incremental), times(scratch), name);
    }
  });
});

describe('timeline: scan states taken over by the next analysis', () => {
  // An edit that adds or removes entries without moving a line: the states of the entries after it move in place, or
  // into a larger array when there are more entries than room. Each step edits the text the step before made.
  it('equal a read from scratch when entries come and go, lines unmoved', () => {
    const rows = 40;
    const body = Array.from({ length: 2 * rows }, (_, i) => (i % 2 ? 'text' : `| ${String(10 + ((i >> 1) % 14))}:${String((i * 7) % 60).padStart(2, '0')} | e${i} |`));
    const lines = ['---', 'type: postmortem', 'date: 2026-11-20', '---', '', '# T', '', '## Timeline', '', ...body];
    const at = (k: number) => 9 + k; // the line of body line k
    // With `true`, the edit leaves the entries after it as they were, and their items are handed on (the same objects).
    const steps: Array<[string, boolean, (l: string[]) => void]> = [
      ['a row in the middle stops being one', true, (l) => void (l[at(40)] = `x${l[at(40)]}`)],
      ['and is one again', true, (l) => void (l[at(40)] = l[at(40)]!.slice(1))],
      ['the first row stops being one (nothing before it is kept)', true, (l) => void (l[at(0)] = `x${l[at(0)]}`)],
      ['a line of text in the middle becomes a row', true, (l) => void (l[at(41)] = '| 09:59 | early |')],
      ['every line of text in the second half becomes a row: more entries than room', false, (l) => { for (let k = rows + 1; k < 2 * rows; k += 2) l[at(k)] = `| 21:${String(k % 60).padStart(2, '0')} | more |`; }],
      ['a row in the first quarter edited (its state was kept when the states grew)', true, (l) => void (l[at(10)] = '| 15:00 | edited |')],
      ['the last row stops being one', false, (l) => void (l[at(2 * rows - 1)] = 'text')],
      ['half of the rows stop being ones', false, (l) => { for (let k = 0; k < 2 * rows; k += 4) l[at(k)] = 'text'; }],
      ['a row near the start is one again', true, (l) => void (l[at(0)] = '| 10:00 | e0 |')],
    ];
    const analyzer = new IncrementalAnalyzer();
    let before = parseTimeline(analyzer.analyze(lines.join('\n')).model);
    for (const [name, keepsTail, edit] of steps) {
      edit(lines);
      const text = lines.join('\n');
      const incremental = analyzer.analyze(text);
      const scratch = analyze(text);
      assert.deepEqual(times(incremental), times(scratch), name);
      assert.deepEqual(incremental.findings, scratch.findings, name);
      const items = parseTimeline(incremental.model);
      if (keepsTail) assert.equal(items.at(-1), before.at(-1), `${name}: the last item handed on`);
      before = items;
    }
  });
});

describe('milestones: markers handed on with the timeline items', () => {
  it('equal a read from scratch after every edit (markers typed, removed, moved; the zone stated and removed)', () => {
    const r = rng(33);
    const body = Array.from({ length: 60 }, (_, i) => (i % 9 === 4 ? `- 1${i % 10}:0${i % 10} **${['Detected', 'Mitigated', 'Resolved'][i % 3]}:** step ${i}` : `- 1${i % 10}:${String(i % 60).padStart(2, '0')} step ${i}`));
    let lines = ['---', 'type: postmortem', 'date: 2026-11-20', '---', '', '# T', '', '## Timeline', '', ...body];
    const pieces = ['**Detected:** ', 'Resolved: ', '**', ':', 'x', ' UTC', '__Started__ '];
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze(lines.join('\n'));
    for (let step = 0; step < 200; step++) {
      const l = 9 + Math.floor(r() * body.length);
      const line = lines[l]!;
      const kind = r();
      if (kind < 0.1) lines = [...lines.slice(0, 8), r() < 0.5 ? 'All times UTC.' : '', ...lines.slice(9)]; // the stated zone
      else if (kind < 0.2) lines = [...lines.slice(0, l), ...lines.slice(l + 1), line]; // a line moved to the end
      else if (kind < 0.6) {
        const at = Math.floor(r() * (line.length + 1));
        lines[l] = line.slice(0, at) + pieces[Math.floor(r() * pieces.length)]! + line.slice(at);
      } else {
        const at = Math.floor(r() * line.length);
        lines[l] = line.slice(0, at) + line.slice(at + 1 + Math.floor(r() * 4));
      }
      const text = lines.join('\n');
      const incremental = analyzer.analyze(text);
      const scratch = analyze(text);
      assert.deepEqual(parseMilestones(incremental.model), parseMilestones(scratch.model), `milestones after step ${step}`);
      assert.deepEqual(incremental.findings, scratch.findings, `findings after step ${step}`);
    }
  });
});

describe('action items: analyses from scratch of similar documents', () => {
  it('a row at the same place as in the document read before is read again when its header or text differs', () => {
    const doc = (header: string, rows: string[]) => ['---', 'type: postmortem', '---', '', '# T', '', '## Action Items', '', header, '|---|---|', ...rows].join('\n');
    const owners = (text: string) => actionItemFields(analyze(text).model, DEFAULT_CONFIG.actionItems.ticketPattern).map((f) => f.owner);
    const rows = ['| Fix a | kim |', '| Fix b | ann |'];
    assert.deepEqual(owners(doc('| Action | Owner |', rows)), ['kim', 'ann']);
    assert.deepEqual(owners(doc('| Action | Owner |', rows)), ['kim', 'ann']);
    assert.deepEqual(owners(doc('| Owner | Action |', rows)), ['Fix a', 'Fix b']);
    assert.deepEqual(owners(doc('| Action | Owner |', ['| Fix a | bo |', rows[1]!])), ['bo', 'ann']);
    assert.deepEqual(owners(doc('| Action | Owner |', ['| Fix a | TBD |', rows[1]!])), [undefined, 'ann']);
  });
});

describe('timeline: stamps need a digit', () => {
  it('parseStamp finds none in text without an ASCII digit (the timeline reads no stamp from such an entry)', () => {
    const alphabet = ['Nov', 'november', 'Mon', 'Monday, ', 'T', 'at ', 'am', 'p.m.', ':', '-', '/', '.', ' ', '|', '*', '**', '`', '[', '(', 'UTC', 'Z', '+', 'GMT', 'x', 'x', 'x', 'xx:xx', 'xxxx-xx-xx', '\u0660', '\uff11', '²'];
    let withDigits = 0;
    for (const text of strings(9, 20_000, alphabet, 8)) {
      assert.equal(parseStamp(text), undefined, JSON.stringify(text));
      if (parseStamp(text.replace(/x/g, '1'), 0) !== undefined) withDigits++;
    }
    // The same texts with digits in them do hold stamps: the alphabet is one stamps are made of.
    assert.ok(withDigits > 100, `${withDigits}`);
  });
});

describe('timeline: zones stated in prose', () => {
  it('proseZone and statesZone, which read a text only when the zone pattern may match it, find what the pattern finds', () => {
    const abbreviations = Object.keys(ZONE_OFFSETS).filter((z) => z !== 'Z').sort((a, b) => b.length - a.length).join('|');
    const PROSE_ZONE = new RegExp(String.raw`(?<![A-Za-z])(?:(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|UTC|GMT|${abbreviations}|(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Z][A-Za-z_]+)(?![A-Za-z])|\butc\b|\blocal time\b`);
    const alphabet = ['UTC', 'GMT', 'PST', 'CEST', 'Z', 'utc', 'Utc', 'local time', 'Local Time', 'Europe', '/', 'Berlin', 'x', 'T', 'Timeline', ' ', '+', '2', ':', '(', ')', 'A', 'B', 'é', 'É'];
    let found = 0;
    for (const text of strings(13, 20_000, alphabet, 6)) {
      const m = PROSE_ZONE.exec(text);
      assert.equal(proseZone(text)?.zone, m?.[0], JSON.stringify(text));
      assert.equal(statesZone(text), m !== null, JSON.stringify(text));
      if (m) found++;
    }
    assert.ok(found > 1000, `${found}`);
  });
});


describe('action items: what each field pattern needs in a text', () => {
  // The owner, due-date and link patterns are asked only of texts that hold what each needs (an "@", a "-", "://"…):
  // on random texts of the characters they read, a text without it is matched by none.
  const PIECES = ['@', 'kim', ':', '=', '-', '2026', '12', '01', 'due', 'DuE', 'dUe', 'date', 'owner', 'Owner', 'assignee', 'assigned to', ' ', ',', 'http', 's', '://', 'x.y', '[', ']', '(', ')', '](', '—', 'ſ', 'ǅ', 'É', 'Fix'];
  it('matches nothing without it, on 20,000 random texts', () => {
    const r = rng(11);
    let rejected = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const parts = 1 + Math.floor(r() * 8);
      for (let k = 0; k < parts; k++) text += PIECES[Math.floor(r() * PIECES.length)]!;
      for (const [pattern, may] of FIELD_PATTERNS) {
        if (may(text)) continue;
        rejected++;
        assert.equal(pattern.exec(text), null, `${String(pattern)} on ${JSON.stringify(text)}`);
      }
    }
    assert.ok(rejected > 10_000, `${rejected} texts told apart without a pattern`);
  });
});
