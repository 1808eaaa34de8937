// Small chunks read in groups (groupChunks in model.ts): a group reads as its chunks read apart, an edit changes only
// the groups around it, and what the pieces it left read (headings, sections) is handed on as the same objects.
import * as assert from 'node:assert/strict';
import { analyze, IncrementalAnalyzer, type Analysis } from '../../src/core';
import { scanChunks } from '../../src/core/model/scan';
import { splitLines } from '../../src/core/model/text';
import { rng } from '../bench/generate';

function lines(n: number, line: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => line(i)).join('\n');
}

const DOCS: Array<[string, string]> = [
  ['headings with references', `# T\n\n${lines(300, (i) => `### [ref${i}]\n\n[ref${i}]: https://example.com/${i}\n`)}`],
  ['Timeline sections', `# T\n\n${lines(300, (i) => `## Timeline\n\n- 14:${String(i % 60).padStart(2, '0')} UTC: x ${i}\n`)}`],
  ['paragraphs and headings', `# T\n\n${lines(300, (i) => `## Part ${i}\n\nSome text ${i}.\n\n- item ${i}\n`)}`],
  // Chunks that repeat, which the hash cannot group (see repeatedGroups).
  ['one heading repeated', `# T\n\n${lines(1200, () => '## Impact')}`],
  ['empty headings', `# T\n\n${lines(1200, () => '#')}`],
  ['two setext headings in turn', `# T\n\n${lines(2400, (i) => ['Impact', '---', 'Timeline', '==='][i % 4]!)}`],
];

/** An edit: where (a fraction of the text, moved to a line start) and what it does there. */
const EDITS: Array<[string, (text: string, at: number) => string]> = [
  ['a letter typed', (t, at) => `${t.slice(0, at + 3)}x${t.slice(at + 3)}`],
  ['a line added', (t, at) => `${t.slice(0, at)}new line\n${t.slice(at)}`],
  ['a line removed', (t, at) => t.slice(0, at) + t.slice(t.indexOf('\n', at) + 1)],
  ['a blank line removed (two chunks become one)', (t, at) => t.slice(0, at) + t.slice(at).replace('\n\n', '\n')],
  ['a fence opened (left open to the end)', (t, at) => `${t.slice(0, at)}\`\`\`\n${t.slice(at)}`],
  ['a fence opened and closed', (t, at) => `${t.slice(0, at)}\`\`\`\ncode\n\`\`\`\n${t.slice(at)}`],
  ['an HTML comment opened', (t, at) => `${t.slice(0, at)}<!--\n${t.slice(at)}`],
  ['a list item that swallows what follows', (t, at) => `${t.slice(0, at)}- item\n  more\n${t.slice(at)}`],
  ['a heading added', (t, at) => `${t.slice(0, at)}## Impact\n\n${t.slice(at)}`],
];

function sameAnalysis(a: Analysis, b: Analysis): void {
  assert.deepEqual(a.model.headings, b.model.headings);
  assert.deepEqual(a.model.sections, b.model.sections);
  assert.deepEqual(a.model.timeline, b.model.timeline);
  assert.deepEqual(a.findings, b.findings);
  assert.deepEqual([...a.model.codeLines], [...b.model.codeLines]);
}

/** The model's chunks: lines, and how many pieces for a group. */
function groupsOf(a: Analysis): Array<[number, number, number]> {
  return a.model.chunks.map((c) => [c.span.start, c.span.end, c.pieces?.length ?? 0]);
}

/** The scan's chunk starts, as the model read them (a group's pieces are the scan's chunks). */
function readStarts(a: Analysis): number[] {
  return a.model.chunks.flatMap((c) => (c.pieces ? c.pieces.map((p) => p.start) : [c.span.start]));
}

describe('small chunks read in groups', () => {
  for (const [name, text] of DOCS) {
    it(`${name}: grouped, and read as the scan's chunks`, () => {
      const a = analyze(text, { force: true });
      const groups = a.model.chunks.filter((c) => c.pieces);
      assert.ok(groups.length > 10, `${groups.length} groups`);
      for (const g of groups) {
        assert.ok(g.pieces!.length >= 2 && g.pieces!.length <= 64);
        assert.equal(g.span.start, g.pieces![0]!.start);
        assert.equal(g.span.end, g.pieces![g.pieces!.length - 1]!.end);
      }
      assert.deepEqual(readStarts(a), scanChunks(splitLines(text).lines).map((s) => s.start));
    });

    for (const [what, edit] of EDITS) {
      for (const where of [0.1, 0.5, 0.97]) {
        it(`${name}: ${what} at ${where * 100} %: incremental == from scratch, the rest handed on`, () => {
          const analyzer = new IncrementalAnalyzer();
          const first = analyzer.analyze(text, { force: true });
          const at = text.lastIndexOf('\n', Math.floor(text.length * where)) + 1;
          const edited = edit(text, at);
          const second = analyzer.analyze(edited, { force: true });
          const fresh = analyze(edited, { force: true });
          sameAnalysis(second, fresh);
          // Grouped as a fresh analysis groups (what was read of the chunks the edit left is taken, not read again).
          assert.deepEqual(groupsOf(second), groupsOf(fresh));
          // The chunks before the edit's group (at most 64 chunks of 4 lines) are the very chunks they were: an edit
          // changes only the groups around it.
          const editLine = text.slice(0, at).split('\n').length - 1;
          const before = first.model.chunks.filter((c) => c.span.end < editLine - 260);
          if (where === 0.5) assert.ok(before.length > 10, `${before.length} chunks before the edit`);
          for (let i = 0; i < before.length; i++) assert.equal(second.model.chunks[i], before[i]);
          // The headings of the pieces it left are the objects they were when they read the same (one whose
          // definition the edit changed reads otherwise), up to a few lines before the edit (their chunk may reach it).
          const was = new Map(first.model.headings.map((h) => [h.range.start.line, h]));
          for (const h of second.model.headings) {
            const old = was.get(h.range.start.line);
            if (h.range.end.line >= editLine - 6 || !old || JSON.stringify(old) !== JSON.stringify(h)) continue;
            assert.equal(h, old, `the heading at line ${h.range.start.line} handed on`);
          }
          // And back.
          sameAnalysis(analyzer.analyze(text, { force: true }), first);
        });
      }
    }
  }

  it('after random edits, grouped as a fresh analysis groups', () => {
    const r = rng(3);
    const snippets = ['x', '\n', '\n\n', '## H\n', '[a]: /a\n', '```\n', '- ', '| r |\n', '<!--\n', '-->\n'];
    for (const [, original] of DOCS) {
      const analyzer = new IncrementalAnalyzer();
      let text = original;
      analyzer.analyze(text, { force: true });
      for (let e = 0; e < 60; e++) {
        const at = Math.floor(r() * text.length);
        text = r() < 0.3 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 40)) : text.slice(0, at) + snippets[Math.floor(r() * snippets.length)]! + text.slice(at);
        const incremental = analyzer.analyze(text, { force: true });
        const fresh = analyze(text, { force: true });
        assert.deepEqual(groupsOf(incremental), groupsOf(fresh), `edit ${e}`);
        sameAnalysis(incremental, fresh);
      }
    }
  });

  it('typing in a group hands on every section but the one typed in (and the ones holding it)', () => {
    const text = DOCS[0]![1];
    const analyzer = new IncrementalAnalyzer();
    const first = analyzer.analyze(text, { force: true });
    const at = text.indexOf('[ref150]: ') + 4;
    const second = analyzer.analyze(`${text.slice(0, at)}x${text.slice(at)}`, { force: true });
    const kept = new Set<object>(first.model.sections);
    const same = second.model.sections.filter((s) => kept.has(s)).length;
    assert.ok(same >= second.model.sections.length - 3, `${same} of ${second.model.sections.length} sections kept`);
    assert.ok(analyzer.parsedLastRun <= 2, `${analyzer.parsedLastRun} chunks parsed`);
  });
});
