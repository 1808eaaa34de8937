// Wide documents (more than WIDE_DOCUMENT_LINES lines or WIDE_DOCUMENT_CHARACTERS characters): every chunk the fast reader leaves is read by markdown-it,
// not remark. micromark read each such chunk apart, linearly but at some 25 µs a line and 100 µs a parse: 1 MB of
// quotes, items and breaks in a random order took 0.8–7.8 s. These tests hold the reading to markdown-it's in a wide
// document and to remark's in a narrow one, on a construct where the two differ, and hold an edit that crosses the
// width to what an analysis from scratch reads.
import * as assert from 'node:assert/strict';
import { analyze, IncrementalAnalyzer, type Analysis } from '../../src/core';
import { buildModel, type PostmortemModel } from '../../src/core/model/model';
import { largeChunkParse } from '../../src/core/model/large-chunk';
import { WIDE_DOCUMENT_CHARACTERS, WIDE_DOCUMENT_LINES } from '../../src/core/model/large-chunk-size';
import { remarkParseChunk } from '../../src/core/model/remark';
import { postmortem } from '../bench/families';
import { rng } from '../bench/generate';

/**
 * Lone markers after definitions: markdown-it (and cmark) read each "-" as an empty list item, micromark reads some
 * as paragraph text (a definition's paragraph goes on into the underline's shape).
 */
const SAMPLE = ['[a]: /x', '-', '[a]: /x', '[a]: /x', '-', '-', '[a]: /x', '-', 'text', '-'];

/** A post-mortem of `filler` lines of prose (each `pad` after its number), a blank line, then SAMPLE. */
function documentOf(filler: number, pad = ''): string {
  return `${postmortem('What happened', Array.from({ length: filler }, (_, i) => `text ${i}${pad}`).join('\n'))}\n\n${SAMPLE.join('\n')}\n`;
}

/** The lines of the model's list items, counted from `from`, at or after it. */
function itemsFrom(model: PostmortemModel, from: number): number[] {
  return model.chunks.flatMap((c) => c.data.items.map((i) => i.line + c.span.start - from)).filter((l) => l >= 0);
}

/** What an analysis says: its findings and what the model read. */
function snapshot(a: Analysis): unknown {
  const m = a.model;
  return { findings: a.findings, headings: m.headings, sections: m.sections, actionItems: m.actionItems, codeLines: [...m.codeLines].sort((x, y) => x - y), items: itemsFrom(m, 0) };
}

describe('wide documents: markdown-it reads the chunks the fast reader leaves', () => {
  const sampleStart = (text: string): number => text.split('\n').length - SAMPLE.length - 1;

  it('reads them as remark does in a narrow document, as markdown-it does in a wide one', () => {
    const narrow = documentOf(100);
    // Wide by its lines, and by its characters: 1,000 lines of 200 characters.
    const wide = [documentOf(WIDE_DOCUMENT_LINES + 100), documentOf(1000, ' y'.repeat(100))];
    const sample = SAMPLE.join('\n');
    const remarkItems = remarkParseChunk(sample, false).items.map((i) => i.line);
    const markdownItItems = largeChunkParse(sample).items.map((i) => i.line);
    // The construct is one where the two differ, or the test says nothing.
    assert.notDeepEqual(remarkItems, markdownItItems);
    assert.ok(buildModel(narrow).lines.length <= WIDE_DOCUMENT_LINES);
    assert.ok(buildModel(wide[0]!).lines.length > WIDE_DOCUMENT_LINES);
    assert.ok(buildModel(wide[1]!).lines.length <= WIDE_DOCUMENT_LINES && wide[1]!.length > WIDE_DOCUMENT_CHARACTERS);
    assert.deepEqual(itemsFrom(buildModel(narrow), sampleStart(narrow)), remarkItems);
    for (const text of wide) assert.deepEqual(itemsFrom(buildModel(text), sampleStart(text)), markdownItItems);
  });

  it('after an edit that crosses the width either way, reads what an analysis from scratch reads', () => {
    // A document of exactly WIDE_DOCUMENT_LINES lines: one more line makes it wide.
    const text = documentOf(100 + WIDE_DOCUMENT_LINES - buildModel(documentOf(100)).lines.length);
    assert.equal(buildModel(text).lines.length, WIDE_DOCUMENT_LINES);
    const analyzer = new IncrementalAnalyzer();
    const at = text.indexOf('text 50');
    const steps = [text, `${text.slice(0, at)}new line\n${text.slice(at)}`, text, `${text.slice(0, at)}a\nb\n${text.slice(at)}`, `${text.slice(0, at)}a\n${text.slice(at)}`];
    const reads: number[][] = [];
    for (const step of steps) {
      const incremental = analyzer.analyze(step, { force: true });
      assert.deepEqual(snapshot(incremental), snapshot(analyze(step, { force: true })));
      reads.push(itemsFrom(incremental.model, sampleStart(step)));
    }
    // The wide steps (1, 3, 4) read the sample as markdown-it does, the others (0, 2) as remark does.
    const sample = SAMPLE.join('\n');
    const remarkItems = remarkParseChunk(sample, false).items.map((i) => i.line);
    const markdownItItems = largeChunkParse(sample).items.map((i) => i.line);
    assert.deepEqual(reads, [remarkItems, markdownItItems, remarkItems, markdownItItems, markdownItItems]);
  });

  it('random edits of wide documents of hostile lines: incremental == from scratch', () => {
    // Kinds of line whose chunks the fast reader leaves (quotes, items, breaks, tags, definitions, lazy lines), and
    // everyday ones; documents of 2,000 to 2,200 lines, so that edits cross the width too.
    const pool = ['> ---', '- ===', '_', 'Timeline', '- <div>', '***', '- # h', '^', '[x](y)', '[a]: /x', '-', 'text', '', '> <div>', ']x', '  - x', '> x', '#', '--', '\\', '[^1]: x', '```', '- [ ] fix', '<!--', '-->', '> \tx', '*x'];
    const snippets = ['\n', 'x', '- ', '> ', '```\n', '<div>\n', '[a]: /y\n', '---\n', '\n\n\n'];
    const r = rng(91);
    let wide = 0;
    for (let d = 0; d < 12; d++) {
      const kinds = Array.from({ length: 2 + Math.floor(r() * 4) }, () => pool[Math.floor(r() * pool.length)]!);
      const body = Array.from({ length: WIDE_DOCUMENT_LINES - 40 + Math.floor(r() * 200) }, () => kinds[Math.floor(r() * kinds.length)]!).join('\n');
      let text = postmortem('What happened', body);
      const analyzer = new IncrementalAnalyzer();
      analyzer.analyze(text, { force: true });
      for (let e = 0; e < 8; e++) {
        const at = Math.floor(r() * (text.length + 1));
        text = r() < 0.3 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 40)) : text.slice(0, at) + snippets[Math.floor(r() * snippets.length)]! + text.slice(at);
        const incremental = analyzer.analyze(text, { force: true });
        if (incremental.model.lines.length > WIDE_DOCUMENT_LINES) wide++;
        assert.deepEqual(snapshot(incremental), snapshot(analyze(text, { force: true })), `document ${d}, edit ${e}: ${JSON.stringify(kinds)}`);
      }
    }
    assert.ok(wide > 20, `only ${wide} wide documents compared`);
  });
});
