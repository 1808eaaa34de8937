// Edits are idempotent, stay out of code, and keep every byte they do not change: properties over the shared corpus
// (read in place), the test fixtures, a seeded fuzz corpus and hand-made hostile shapes.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  applyInserts,
  applyTextEdits,
  buildModel,
  SECTION_IDS,
  sectionInserts,
  timelineEntryInsert,
  timelineSortEdit,
  type SectionId,
} from '../../src/core';
import { CORPUS, FIXTURES } from './helpers';

/** What "Add All Missing Sections" and source.fixAll.postmortem do: insert every missing section. */
function fixAll(text: string): { text: string; notes: string[] } {
  const analysis = analyze(text, { force: true });
  const missing = analysis.findings.filter((f) => f.code === 'missing-section').map((f) => f.data['section'] as SectionId);
  if (missing.length === 0) return { text, notes: [] };
  const inserts = sectionInserts(analysis.model, missing);
  return { text: applyTextEdits(text, inserts), notes: inserts.flatMap((i) => (i.note ? [i.note] : [])) };
}

/** A small seeded generator (mulberry32), so the fuzz corpus is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  '# Checkout outage',
  '## Timeline',
  '## Summary',
  '## Impact',
  'Root Causes\n-----------',
  '- **2026-11-01 10:00 UTC** — Alert fired',
  '- 10:05 paged the on-call',
  '| Time | Event |\n|---|---|\n| 10:00 | Alert |',
  'Some prose about what happened.',
  '',
  '```',
  '```js',
  '~~~',
  '````',
  '    indented code',
  '<!-- a comment',
  '-->',
  '<!-- closed -->',
  '<pre>',
  '</pre>',
  '<div>',
  '<?php',
  '<![CDATA[',
  '> quoted',
  '> ```',
  '- item',
  '  ```',
  '---',
  'title: x',
  '+++',
];
const EOLS = ['\n', '\r\n', '\r'];

function fuzzDoc(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const mixed = next() < 0.3;
  const eol = pick(EOLS);
  const parts: string[] = [];
  const count = 1 + Math.floor(next() * 14);
  for (let i = 0; i < count; i++) {
    const fragment = pick(FRAGMENTS);
    for (const line of fragment.split('\n')) parts.push(line, mixed ? pick(EOLS) : eol);
  }
  if (next() < 0.4) parts.pop(); // no final line ending
  return `${next() < 0.2 ? '\uFEFF' : ''}${parts.join('')}`;
}

const FUZZ: string[] = (() => {
  const next = random(12);
  return Array.from({ length: 300 }, () => fuzzDoc(next));
})();

/** Shapes that once made fix-all grow the document on every save, and their relatives. */
const HOSTILE: Array<[string, string]> = [
  ['an unclosed backtick fence at the end', '# Outage\n\n## Timeline\n\n- 10:00 alert\n\n```\nlog line\n'],
  ['an unclosed fence with no final newline', '# Outage\n\n## Timeline\n\n```sh\nkubectl get pods'],
  ['an unclosed tilde fence', '# Outage\n\n~~~~\ncode\n~~~\nstill code\n'],
  ['an unclosed fence that is the last line', '# Outage\n\n## Impact\n\n```'],
  ['an unclosed fence inside a list item', '# Outage\n\n- step one\n\n  ```\n  code\n'],
  ['an unclosed fence inside a block quote', '# Outage\n\n> ```\n> code\n'],
  ['an unclosed HTML comment', '# Outage\n\n## Overview\n\nText.\n\n<!-- draft notes\n\nmore notes\n'],
  ['an unclosed comment on the last line', '# Outage\n\n<!--'],
  ['an unclosed <pre>', '# Outage\n\n<pre>\npre text\n\nmore\n'],
  ['an unclosed processing instruction', '# Outage\n\n<?php\necho 1;\n'],
  ['an unclosed CDATA section', '# Outage\n\n<![CDATA[\nx\n'],
  ['an unclosed declaration', '# Outage\n\n<!DOCTYPE html\n'],
  ['an HTML block running to the end', '# Outage\n\n<div>\ntext'],
  ['unclosed front matter', '---\ntitle: Outage\nseverity: SEV1\n\n# Outage\n'],
  ['unclosed TOML front matter', '+++\ntitle = "Outage"\n'],
  ['only a fence', '```'],
  ['an empty document', ''],
  ['only a line break', '\n'],
  ['CRLF and an unclosed fence', '# Outage\r\n\r\n## Timeline\r\n\r\n```\r\nlog\r\n'],
  ['CR only and an unclosed comment', '# Outage\r\r<!-- note\r'],
  ['a BOM and an unclosed fence', '\uFEFF# Outage\n\n```\n'],
  ['a setext document ending in a fence', 'Outage\n======\n\nTimeline\n--------\n\n```\nx'],
];

function corpusDocs(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (CORPUS) for (const f of readdirSync(CORPUS).filter((n) => n.endsWith('.md')).sort()) out.push([`corpus ${f}`, readFileSync(join(CORPUS, f), 'utf8')]);
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.md')).sort()) out.push([`fixture ${f}`, readFileSync(join(FIXTURES, f), 'utf8')]);
  return out;
}

describe('edit safety: fix-all is idempotent', () => {
  it('the shared corpus is here (set POSTMORTEM_CORPUS otherwise)', () => {
    assert.ok(CORPUS, 'no corpus of real post-mortems found');
  });

  const all: Array<[string, string]> = [...HOSTILE.map(([n, t]): [string, string] => [`hostile: ${n}`, t]), ...corpusDocs()];
  for (const [name, text] of all) {
    it(`${name}: twice gives what once gives, and nothing is missing after once`, () => {
      const once = fixAll(text).text;
      assert.equal(fixAll(once).text, once);
      const missing = analyze(once, { force: true }).findings.filter((f) => f.code === 'missing-section');
      assert.deepEqual(missing.map((f) => f.data['section']), []);
    });
  }

  /** Each line that opens a section serving roles, with those roles: unchanged lines keep their text after inserts. */
  const served = (text: string): string[] => {
    const model = analyze(text, { force: true }).model;
    return model.sections.filter((s) => s.roles.length > 0).map((s) => `${model.lines[s.heading.range.start.line]} => ${s.roles.join(', ')}`);
  };

  it('inserted sections never change the roles of what was there (corpus, fixtures, hostile shapes)', () => {
    let checked = 0;
    for (const [name, text] of all) {
      const once = fixAll(text).text;
      if (once === text) continue;
      checked++;
      const after = new Set(served(once));
      assert.deepEqual(served(text).filter((k) => !after.has(k)), [], name);
    }
    assert.ok(checked > 10, `only ${checked} documents had sections to add`);
  });

  it('sections recognised from bold lines keep their roles: skeletons go before real headings, never before a label', () => {
    const text = '# Outage\n\n**Impact**: 300 users could not pay.\n\n**Root causes**:\n\n- a bug in the retry loop\n\n## Lessons learned\n\nMore tests.\n';
    const before = served(text);
    const { text: once } = fixAll(text);
    // Nothing goes between the title and the labels, or between the labels: the first insert is before the heading.
    assert.ok(once.startsWith(text.slice(0, text.indexOf('## Lessons learned'))), once);
    const after = new Set(served(once));
    assert.deepEqual(before.filter((k) => !after.has(k)), []);
    assert.equal(fixAll(once).text, once);
  });

  it('a skeleton does not become a sub-section of a section that serves a role: it takes the level of its sibling', () => {
    // Sections at level 3 under "Details", then "Root causes" at level 2 running to the end: what goes at the end
    // must not land inside Root causes.
    const text = [
      '# Outage', '', '## Details', '', '### Impact', '', '300 users could not pay.', '', '### Mitigation', '', 'We rolled back.', '',
      '### Timeline', '', '- 10:00 alert', '- 10:05 page', '', '## Root causes', '', '### The bug', '', 'A retry loop.', '', '### The config', '', 'A typo.', '',
    ].join('\n');
    const content = (t: string, role: SectionId): string => {
      const model = analyze(t, { force: true }).model;
      const s = model.sections.find((x) => x.roles.includes(role))!;
      return model.lines.slice(s.contentRange.start.line, s.contentRange.end.line + 1).join('\n').trim();
    };
    const { text: once } = fixAll(text);
    assert.equal(content(once, 'root-causes'), content(text, 'root-causes'));
    assert.match(once, /\n## Responders\n/);
    assert.equal(fixAll(once).text, once);
  });

  it(`${FUZZ.length} fuzzed documents (mixed line endings, BOM, open constructs): twice gives what once gives`, () => {
    for (const [i, text] of FUZZ.entries()) {
      const once = fixAll(text).text;
      assert.equal(fixAll(once).text, once, `fuzz #${i}: ${JSON.stringify(text)}`);
    }
  });
});

/** Lines acting as headings (bold labels, plain role names before a list) between real headings and content. */
const LABELLED = [
  '# Checkout outage',
  '## Details',
  '### Detection',
  '## Action items',
  '**Impact**: 300 users could not pay',
  '- **Root causes**: a bug in the retry loop',
  '**Resolution**',
  'Action Items',
  '- [ ] add an alert @bob',
  '- 10:05 paged the on-call',
  '- **2026-11-01 10:00 UTC** — Alert fired',
  'We rolled back the deploy because of errors.',
  'Some prose.',
  '<!-- a note -->',
  '```',
  '',
  '',
];

describe('edit safety: inserts change no role of what is there', () => {
  it('fuzzed documents with bold and plain lines acting as headings: twice gives what once gives, no role changes', () => {
    const next = random(21);
    const served = (text: string): string[] => {
      const model = analyze(text, { force: true }).model;
      return model.sections.filter((s) => s.roles.length > 0).map((s) => `${model.lines[s.heading.range.start.line]} => ${s.roles.join(', ')}`);
    };
    let grew = 0;
    for (let i = 0; i < 400; i++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 16) }, () => LABELLED[Math.floor(next() * LABELLED.length)]!);
      const text = `${lines.join('\n')}\n`;
      const once = fixAll(text).text;
      if (once !== text) grew++;
      assert.equal(fixAll(once).text, once, `#${i}: ${JSON.stringify(text)}`);
      const after = new Set(served(once));
      assert.deepEqual(served(text).filter((k) => !after.has(k)), [], `#${i}: ${JSON.stringify(text)}`);
    }
    assert.ok(grew > 100, `only ${grew} documents had sections to add`);
  });
});

describe('edit safety: insertions stay out of unclosed code and comments', () => {
  it('closes an unclosed fence first, as one insert with a note, and the text before is unchanged', () => {
    const text = '# Outage\n\nWhat we saw:\n\n```\nlog line\n';
    const { text: fixed, notes } = fixAll(text);
    assert.ok(fixed.startsWith(text), 'only appended');
    assert.match(fixed.slice(text.length), /^```\n\n## Overview\n/);
    assert.deepEqual(notes, ['closes the code block left open on line 5']);
    // The sections are real sections now: the document grows once, not at every save.
    assert.equal(fixAll(fixed).text.length, fixed.length);
  });

  it('closes a fence with its own length and character, inside its list item', () => {
    const text = '# Outage\n\n- step\n\n  ~~~~\n  code\n';
    const fixed = fixAll(text).text;
    assert.match(fixed.slice(text.length), /^ {2}~~~~\n\n## /);
  });

  // Whether the last line closes the fence: by its indentation within its container and its length, as CommonMark says.
  const FENCE_ENDS: Array<[string, string, string]> = [
    ['a fence-like last line indented four spaces is code', '# Outage\n\n```\nlog\n    ```\n', '```\n\n## '],
    ['a closing fence shorter than the opening one is code', '# Outage\n\n````\nlog\n```\n', '````\n\n## '],
    ['a tilde line does not close a backtick fence', '# Outage\n\n```\nlog\n~~~\n', '```\n\n## '],
    ['in a list item, a last line indented four past the item is code', '# Outage\n\n- step\n\n  ```\n  log\n      ```\n', '  ```\n\n## '],
    ['a fence closed in a block quote is closed', '# Outage\n\n> ```\n> log\n> ```\n', '\n## '],
    ['a fence closed in a list in a block quote is closed', '# Outage\n\n> - step\n>   ```\n>   log\n>   ```\n', '\n## '],
    ['a fence closed after one blank line is closed', '# Outage\n\n```\n\n```\n', '\n## '],
    ['a fence closed with a longer fence and spaces is closed', '# Outage\n\n```\nlog\n  ````  \n', '\n## '],
    ['a fence with a CR-only line ending inside, indented closer', '# Outage\r\r```\rlog\r    ```\r', '```\n\n## '],
  ];
  for (const [name, text, starts] of FENCE_ENDS) {
    it(`${name}: the sections go after it, read as sections`, () => {
      const fixed = fixAll(text).text;
      assert.ok(fixed.startsWith(text), 'only appended');
      assert.ok(fixed.slice(text.length).startsWith(starts), JSON.stringify(fixed.slice(text.length, text.length + 20)));
      assert.equal(fixAll(fixed).text, fixed, 'no section is missing after the insert');
    });
  }

  it('closes an unclosed HTML comment with -->', () => {
    const text = '# Outage\n\n<!-- draft\n';
    const { text: fixed, notes } = fixAll(text);
    assert.match(fixed.slice(text.length), /^-->\n\n## Overview/);
    assert.deepEqual(notes, ['closes the HTML block left open on line 3']);
  });

  it('Add Timeline Entry with the cursor in an unclosed fence: the entry goes after the last entry, outside it', () => {
    const text = '# Outage\n\n## Timeline\n\n- **10:00** — alert\n\n```\nlog\n';
    const model = buildModel(text);
    const { insert, cursor } = timelineEntryInsert(model, '10:30', { text: 'rolled back', cursorLine: 7 });
    const after = applyTextEdits(text, [insert]);
    assert.equal(insert.note, undefined);
    const entries = buildModel(after).timeline.map((e) => e.text);
    assert.ok(entries.some((e) => e.includes('10:30') && e.includes('rolled back')), JSON.stringify(entries));
    assert.equal(after.split('\n')[cursor.line]!.slice(0, cursor.character).endsWith('rolled back'), true);
  });

  it('a timeline with no entries and an open fence: the entry goes after the closed fence', () => {
    const text = '# Outage\n\n## Timeline\n\n```\nraw log';
    const { insert } = timelineEntryInsert(buildModel(text), '10:30', { text: 'x' });
    const after = applyTextEdits(text, [insert]);
    assert.equal(after, '# Outage\n\n## Timeline\n\n```\nraw log\n```\n\n- **10:30** — x');
    assert.equal(buildModel(after).timeline.length, 1);
  });
});

describe('edit safety: every edit keeps each line its own line ending', () => {
  /** Lines with the ending that follows each (CRLF, LF, CR or '' for the last). */
  const withEndings = (text: string): Array<[string, string]> => {
    const out: Array<[string, string]> = [];
    const re = /([^\r\n]*)(\r\n|\r|\n|$)/gy;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      out.push([m[1]!, m[2]!]);
      if (m[2] === '') break;
    }
    return out;
  };

  it('inserts leave every byte outside the inserted text as it was (fuzz corpus, applyInserts and applyTextEdits)', () => {
    for (const [i, text] of FUZZ.entries()) {
      const model = analyze(text, { force: true }).model;
      const inserts = sectionInserts(model, SECTION_IDS.filter((_, k) => k % 2 === i % 2));
      const bom = text.startsWith('\uFEFF') ? 1 : 0;
      const lineStarts = [0];
      for (const m of text.slice(bom).matchAll(/\r\n|\r|\n/g)) lineStarts.push(m.index + m[0].length);
      const spans = inserts.map((ins) => ({ at: bom + lineStarts[ins.position.line]! + ins.position.character, len: ins.text.length })).sort((a, b) => a.at - b.at);
      for (const result of [applyInserts(model, inserts), applyTextEdits(text, inserts)]) {
        // Removing the inserted text gives the original back, byte for byte.
        let restored = '';
        let from = 0;
        let shift = 0;
        for (const span of spans) {
          restored += result.slice(from, span.at + shift);
          from = span.at + shift + span.len;
          shift += span.len;
        }
        restored += result.slice(from);
        assert.equal(restored, text, `fuzz #${i}: ${JSON.stringify(text)}`);
      }
    }
  });

  it('sorting a timeline with mixed endings, a BOM and no final newline moves each line with its own ending', () => {
    const next = random(7);
    for (let run = 0; run < 200; run++) {
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
      const times = Array.from({ length: 2 + Math.floor(next() * 6) }, () => Math.floor(next() * 1440));
      const lines: string[] = ['# Outage', '', '## Timeline', ''];
      times.forEach((t, k) => {
        lines.push(`- **2026-11-01 ${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')} UTC** — event ${k}`);
        if (next() < 0.3) lines.push(`  - detail ${k}`);
        if (next() < 0.2) lines.push('');
      });
      if (next() < 0.5) lines.push('', '## Impact', '', 'Some.');
      const final = next() < 0.5;
      const text = `${next() < 0.3 ? '\uFEFF' : ''}${lines.map((l, k) => l + (k < lines.length - 1 || final ? pick(EOLS) : '')).join('')}`;
      const model = buildModel(text);
      const edit = timelineSortEdit(model);
      if (!edit) continue;
      const after = applyTextEdits(text, [edit]);
      const before = withEndings(text);
      const result = withEndings(after);
      assert.equal(result.length, before.length, `run ${run}`);
      // Lines before and after the block are untouched, endings included.
      assert.deepEqual(result.slice(0, edit.range.start.line), before.slice(0, edit.range.start.line));
      assert.deepEqual(result.slice(edit.range.end.line + 1), before.slice(edit.range.end.line + 1));
      // Inside the block, every line keeps its own ending wherever it moved, except the two around the block's end:
      // the ending after the last line is outside the edit, so the line that was last takes the ending of the line
      // that becomes last.
      const endingOf = new Map(before.slice(edit.range.start.line, edit.range.end.line).filter(([l]) => l !== '').map(([l, e]) => [l, e]));
      for (const [line, ending] of result.slice(edit.range.start.line, edit.range.end.line)) {
        if (endingOf.has(line)) assert.equal(ending, endingOf.get(line), `run ${run}: ${JSON.stringify(line)}`);
      }
      // The same lines, reordered.
      assert.deepEqual(result.map(([l]) => l).sort(), before.map(([l]) => l).sort());
    }
  });

  it('the sort keeps a lone CR line ending where it was (the bug: every line got the dominant one)', () => {
    const text = '# Outage\n\n## Timeline\n\n- 10:30 second\r- 10:00 first\n- 11:00 third\n';
    const edit = timelineSortEdit(buildModel(text))!;
    assert.equal(applyTextEdits(text, [edit]), '# Outage\n\n## Timeline\n\n- 10:00 first\n- 10:30 second\r- 11:00 third\n');
  });
});
