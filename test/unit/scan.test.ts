// The chunk scan around fences and HTML blocks inside containers (list items, block quotes). In CommonMark a fenced
// code block or HTML block opened inside a list item ends when the item ends: at the first non-blank line indented
// less than the item's content. The scan must cut there (a document with one such fence left open was one chunk, read
// whole by remark on every edit), and must never cut where the whole document has a fence or HTML block open.
// Each case gives the chunks expected; for each, the chunked model must see what one parse of the whole document
// sees, the model must not need to merge chunks, and rescanChunks after any one-line edit must agree with scanChunks.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { parseChunk } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';
import { rng } from '../bench/generate';
import { rescanChunks, scanChunks } from '../../src/core/model/scan';
import { spliceLines, splitLines } from '../../src/core/model/text';
import { FAMILIES } from '../bench/families';
import { rescansAsWholeScan } from './oracle';

const F = '```';
const lines = (n: number, line: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => line(i));

/** [what, lines, first line of each chunk, first line of each chunk the model reads when it must merge some]. */
const CASES: ReadonlyArray<readonly [string, readonly string[], readonly number[], (readonly number[])?]> = [
  // Cut where the item, and the fence in it, ends.
  ['an unclosed fence in an item, then headings with definitions', ['## What happened', '', '- item', `  ${F}`, '  code', '', '## [r0] Timeline', '', '[r0]: /x0', '', '## [r1] Timeline', '', '[r1]: /x1'], [0, 2, 6, 8, 10, 12]],
  ['a fence in a nested item', ['- a', '  - b', `    ${F}`, '    code', '## h', 'text'], [0, 4]],
  ['a "~~~" fence in an ordered item', ['1. a', '   ~~~', '   code', '## h'], [0, 3]],
  ['a fence in a "10)" item, at its content column', ['10) a', `    ${F}`, '## h'], [0, 2]],
  ['a fence on the bullet line', [`- ${F}`, '  code', '## h'], [0, 2]],
  ['a fence indented by a tab inside an item', ['- a', `\t${F}`, '\tcode', '## h'], [0, 3]],
  ['a fence in an item in a block quote', ['> - item', `>   ${F}`, '>   code', '## h', `> ${F}`, '> x', '', '> y'], [0, 3, 7]],
  ['a fence in a block quote in an item', [`- > ${F}`, '  > code', '## h'], [0, 2]],
  ['fences indented 5 (a fence) and 6 (indented code) in items', ['- a', `     ${F}`, '     code', '## h', '- b', '', `      ${F}`, '## g'], [0, 3, 4, 7]],
  ['a blank line inside the item, then an unindented paragraph', ['- a', '', `  ${F}`, '  x', '', 'text'], [0, 5]],
  ['an HTML comment in an item, its closer later at the top', ['- a', '  <!--', '  x', '## h', '-->'], [0, 3]],
  ['an HTML block (type 6) in an item', ['* a', '  <div>', '  x', '## h'], [0, 3]],
  ['a fence closed inside its item', ['- a', `  ${F}`, '  x', `  ${F}`, '  after', '## h'], [0, 5]],
  ['an empty item whose content follows', ['1.', `   ${F}`, '## h'], [0, 2]],
  ['an empty "-" item whose content follows', ['-', `  ${F}`, '  x', '', '## h'], [0, 4]],
  ['sibling items end the fence', ['- a', `  ${F}`, '- b', `  ${F}`, '', '- c'], [0, 2, 5]],
  ['an item that interrupts a paragraph', ['text', '- a', `  ${F}`, '## h'], [0, 1, 3]],
  ['an HTML comment on the bullet line', ['- <!--', '## h', '-->'], [0, 1]],
  ['the same shape five times', Array.from({ length: 5 }, (_, i) => ['- a', `  ${F}`, '  x', '', `## h${i}`, '']).flat(), [0, 4, 6, 10, 12, 16, 18, 22, 24, 28]],
  // A fence or HTML block that interrupts a paragraph starts a chunk (and the fast path reads it).
  ['a paragraph, then a fence left open', ['text', F, '## h', '', '## g'], [0, 1]],
  ['a paragraph, then a comment left open', ['text', '<!--', '## h', '', '## g'], [0, 1]],
  ['a paragraph, then a block tag', ['text', '<div>', '## h', '', '## g'], [0, 1, 4]],
  // (Any other tag, type 7, is the paragraph's next line, under a sure paragraph line: the heading after it starts a chunk.)
  ['a paragraph, then a tag that cannot interrupt it', ['text', '<span>', '## h', '', '## g'], [0, 2, 4]],
  // (Under a quote's first line of text, micromark's HTML block in the quote ends at the next line: the heading starts
  // a chunk. Where a paragraph may be open, after a later quote line, the scan takes it for a block to the blank line.)
  ['a quote line, then a lone tag', ['> q', '<span>', '## h', '', '## g'], [0, 2, 4]],
  ['quote lines, then a lone tag', ['> q', '> r', '<span>', '## h', '', '## g'], [0, 5]],
  ['a fence closed, then text', [F, 'x', F, 'text', '~~~', '## h'], [0, 3, 4]],
  // Sibling items are cut apart only while the list surely goes on (a thematic break ends it; a lazy line may).
  ['a thematic break ends the list: "2." is the next line of a paragraph', ['1. a', '---', 'text', '2. b', '3. c', '', '## h'], [0, 2, 6]],
  ['siblings of one list', ['1. a', '   more', '2. b', '3. c'], [0, 2, 3]],
  ['a lazy line, then a sibling', ['1. a', 'lazy', '2. b'], [0, 2]],
  // Right after a line surely in a top-level item, an item of another kind starts a list (the item was not continued).
  ['another kind of marker starts another list', ['- a', '2. b', '- c'], [0, 1, 2]],
  // micromark reads "2." or an empty item after indented code and a blank line as a paragraph: no chunk starts there
  // (the code after a blank line starts one).
  ['"2." after indented code', ['text', '', '    code', '', '2. x', '', '3. y'], [0, 2, 6]],
  ['an empty item after indented code', ['text', '', '    code', '', '-', '', '+'], [0, 2, 6]],
  ['"1." with text after indented code starts a list', ['text', '', '    code', '', '1. x'], [0, 2, 4]],
  // Not in an item: the fence is at the top level and runs to its closing fence. Surely at the top level, an indented
  // fence or HTML block (types 1–6) starts a chunk, as an unindented one does.
  ['an indented fence after a paragraph', ['text', `  ${F}`, '## h', '', '## g'], [0, 1]],
  // (An HTML block that reaches its chunk's last line is read with the next chunk: it may run on to a blank line.)
  // The comment closes on the chunk's last line: the next chunk is read apart.
  ['an indented comment after a paragraph', ['text', '   <!--', '## h', '', '-->', '## g'], [0, 1, 5]],
  ['an indented block tag after a paragraph', ['text', '  <div>', '## h', '', '## g'], [0, 1, 4]],
  ['an indented fence after a blank line', ['## x', '', `  ${F}`, 'code', `  ${F}`, 'text'], [0, 2]],
  ['a fence left of a "10)" item\'s content', ['10) a', `   ${F}`, '## h', F, '## g'], [0, 1, 4]],
  ['a fence after an item with a tab after its marker (content at column 4)', ['-\ta', `  ${F}`, '## h', F, '## g'], [0, 1, 4]],
  ['a fence at column 4 of that item', ['-\ta', `    ${F}`, '## h', F, '## g'], [0, 2, 3]],
  ['a tab then spaces after the marker: five columns, the content one column after the marker', ['- \t   a', `  ${F}`, '## h'], [0, 2]],
  ['an empty item, then a blank line: the item is over', ['+', '', `  ${F}`, '## h', F, '## g'], [0, 2, 5]],
  ['an empty ordered item, then a blank line', ['1.', '', `  ${F}`, '## h', F, '## g'], [0, 2, 5]],
  ['an empty "*" item, then a blank line', ['*', '', `  ${F}`, '## h', F, '## g'], [0, 2, 5]],
  // "2." after a paragraph line may be an item or the paragraph's next line (here it is the latter): the scan cuts
  // where the item would end, and the model, reading a fence open at the top level at the chunk's end, cuts before
  // the fence and reads it with what follows.
  ['"2." after a paragraph continues it', ['text', '2. a', `   ${F}`, '## h', F, '## g'], [0, 2, 5]],
  ['"2." after a heading starts an item', ['## x', '2. a', `   ${F}`, '## h', '', '## g'], [0, 1, 3, 5]],
  ['a thematic break, not an item', ['- - -', `  ${F}`, '## h', F, '## g'], [0, 1, 4]],
  ['a thematic break after a blank line, then an indented fence', ['', '* * *', `  ${F}`, '## h', F, '## g'], [0, 1, 2, 5]],
  ['an item indented by one: content at column 3', [' - a', `  ${F}`, '## h', F, '## g'], [0, 1, 4]],
  ['an item inside a fence', ['~~~', '- a', `  ${F}`, '## h', '~~~', '## g'], [0, 5]],
  // A line left of the item's content may be a lazy line (here it is): the item may go on, and so the fence in it
  // ends where the item would.
  ['a lazy line, then a fence in the item', ['- a', 'lazy', `  ${F}`, '## h', '## g'], [0, 3, 4]],
  ['a lazy line of a nested item, then a fence', ['- a', '  - b', 'lazy', `  ${F}`, '## h', '## g'], [0, 4, 5]],
  ['not a lazy line (a quote), then a fence at the top level', ['- a', '> q', `  ${F}`, '## h', F, '## g'], [0, 2, 5]],
  ['a lazy-looking line after a blank line ends the item', ['- a', '', 'text', `  ${F}`, '## h', F, '## g'], [0, 2, 3, 6]],
  ['an HTML comment in an item after a lazy line', ['- a', 'lazy', '  <!--', '## h', '-->'], [0, 3]],
  // A setext heading closes its paragraph: the line after its underline starts a chunk, where the paragraph was surely
  // at the top level. Anything that may take lines lazily above it (a quote, an item), or a line that may be no
  // paragraph (a row, a definition, "===" after a blank line), leaves the lines together, unless the underline is
  // "---", a thematic break when it underlines nothing: then it ends what is above it in any case.
  ['setext headings in a row', ['Impact', '---', 'Impact', '===', 'text', '---', 'after'], [0, 2, 4, 6]],
  ['a setext heading after a blank line and a two-line paragraph', ['', 'a', 'b', '--', '## h'], [0, 1, 4]],
  ['a quote above takes lines lazily', ['> a', 'b', '===', 'c', '---', 'd'], [0, 5]],
  ['"===" after a blank line is text', ['', '===', 'a', '---', 'b'], [0, 1, 4]],
  ['a list item above takes lines lazily', ['- a', 'b', '---', 'c'], [0, 3]],
  ['a row above', ['a | b', '---', 'c', '---', 'd'], [0, 2, 4]],
  ['a definition above', ['[a]: /x', '===', 'b', '---', 'c'], [0, 4]],
  ['indented code above', ['    code', '---', 'a', '===', 'b'], [0, 1, 2, 4]],
  ['a setext heading inside a fence', [F, 'a', '---', 'b', F, 'c'], [0, 5]],
  // A list indented by one to three columns is a list at the top level: after a blank line it starts a chunk, and
  // its items are cut apart as those of an unindented list are (after a lazy line too: an item starts a container,
  // left of the open item's content, so it is in no other item).
  ['a list indented by two', ['text', '', '  - a', '  - b', '   - c', '  more', '  - d'], [0, 2, 3, 4, 6]],
  ['an indented list inside an item', ['- a', '', '  - b', '  - c'], [0]],
  ['an indented line after a blank line in an item', ['1. a', '', '   b', '  - c'], [0, 3]],
  ['an indented paragraph after a blank line', ['text', '', '  more', '  - a'], [0, 2, 3]],
  // A staircase of nested items right after a paragraph line: cut from it (the chunk went to micromark, quadratic).
  ['nested items interrupting a paragraph line', ['text', '  - a', '    - b', '      - c', ' 1. d', '   ***', 'more', ' * * *'], [0, 1, 4, 6]],
  // A thematic break ends what is above it too.
  ['thematic breaks between paragraph lines', ['text', '***', 'more', ' * * *', 'end', '___', '> q'], [0, 2, 4, 6]],
  // An unindented thematic break is never a lazy line: it ends a quote or list above it, and the line after it starts
  // a chunk (unless a list item may still be open, or it is not the first of a run of breaks).
  ['a thematic break after a quote', ['> q', '***', 'text'], [0, 2]],
  ['a thematic break in an item', ['- a', '  ***', '  b'], [0]],
  // A marker is one only with a space, a tab or the line's end after it: " --> x" is a lazy line of the item above.
  ['a lazy line led by "-->"', ['- a', '- b', ' --> c', '  - d', '- e'], [0, 1, 4]],
  // A fence closed at the top level ends its block: the line after it starts a chunk.
  ['text after a closed fence', ['text', '```', 'code', '```', 'more', '~~~', '~~~', '---', '```', '```', '## h'], [0, 1, 4, 5, 7, 8, 10]],
  ['a closed fence in an item', ['- a', '  ```', '  ```', '  b'], [0]],
  ['a closed fence after an item (the item may go on)', ['- a', '```', '```', 'b'], [0, 1, 3]],
  ['a closed fence after a quote', ['> q', '```', '```', 'b'], [0, 1]],
  ['an indented closed fence', ['text', '', ' ```', ' ```', 'b'], [0, 2]],
  ['quotes and "---" in turn', ['> q 0', '---', '> q 1', '---', '> q 2', '- - -', '> q 3', '___', 'text'], [0, 2, 4, 6, 8]],
  ['an empty quote, then "---"', ['>', '---', '>', '---', 'text', '---'], [0, 2, 4]],
  ['a quote with lazy "===" lines, then a break', ['> q', '===', '> r', '===', '***', 'a', '***', 'b'], [0, 5, 7]],
  ['definitions and breaks in turn', ['[a]: /x', '---', '[b]: /y', '***', '[^c]: note c', '---', 'd'], [0, 2, 4, 6]],
  ['a run of breaks stays one chunk', ['> q', '---', '---', '***', 'text', '---', '---', 'x'], [0, 2, 6]],
  ['a list item, then a break: the list is over', ['- a', '---', 'text', '- b', 'lazy', '***', '> q'], [0, 2, 3, 6]],
  ['an item that may go on lazily, then a break after its nested quote', ['- a', '  > q', '---', 'b'], [0, 3]],
  ['a break indented into an item', ['- a', '  > q', '  ---', 'b'], [0]],
  ['breaks indented by one to three after quotes', ['> q', '  ---', '> r', '   ***', 'text', ' - - -', 'end'], [0, 2, 4, 6]],
  ['an indented break after an item is in the item', ['- a', '  ---', 'b', '---', 'c'], [0, 4]],
  ['a break after a fence left open is code', [F, '> q', '---', 'text'], [0]],
  // micromark reads any list item right after a quote line as an item (not a lazy line): it starts a chunk.
  ['quotes and list items in turn', ['> q 0', '- item 1', '> q 2', '3. item 3', '> q 4', '2)', '> q', '- item', '  more', '> q'], [0, 1, 3, 5, 7]],
  ['after a quote\'s lazy line, an item starts no chunk (fewer cuts, never a wrong one)', ['> q', 'lazy', '3. x', '> q', '   4. y'], [0]],
  ['footnote definitions, one per line', ['[^0]: note 0', '[^1]: note 1', '    more', '[^2]: note 2', '---', '[^3]: note 3'], [0, 5]],
  // Indented code takes no lazy line: the line after a run of code surely at the top level starts a chunk (the run
  // stays one chunk, which the fast reader reads: 64,000 lines of code with no blank line were read by micromark).
  ['lines of indented code', ['    a', '    b', '\tc', '  \td', 'text'], [0, 4]],
  // (After lazy lines and a blank line the scan does not cut before the code, as after code: fewer cuts, never a wrong one.)
  ['indented lines after a paragraph line are its lazy lines', ['text', '    a', '    b', '', '    c', '    d'], [0]],
  ['code after a blank line, a paragraph, its lazy line', ['text', '', '    a', 'b', '    c', '    d'], [0, 2, 3]],
  ['code in a list item is not cut', ['- a', '', '      code', '      more', 'x', '    y'], [0]],
  ['code after a heading and a thematic break', ['Title', '---', '    a', '***', '    b'], [0, 2, 3, 4]],
  ['code across blank lines', ['    a', '', '    b', '    c', '', '', '    d', 'e'], [0, 7]],
  // A comment (or another block of types 1–5) closed on its line closes what is above it.
  ['one-line comments', ['<!-- a -->', '<!-- b -->', '  <!-- c -->', 'text', '<!-- d -->'], [0, 1, 2, 3, 4]],
  ['two-line comments', ['<!-- a', 'b -->', '<!-- c', 'd -->', 'text'], [0, 2, 4]],
  ['processing instructions, CDATA, declarations', ['<?x ?>', '<![CDATA[ y ]]>', '<!X z>', 'text', '<?a', '?>', '    code'], [0, 1, 2, 3, 4, 6]],
  ['a comment in a list item', ['- a', '  <!-- b -->', 'c', '<!-- d', '-->', 'e'], [0, 3]],
  ['a comment after a quote', ['> a', '<!-- b -->', 'c'], [0, 1]],
  // A block of types 1–6 ends the paragraph of rows above it: an underline after it is another paragraph's, so the rows
  // are cut apart (and a rescan that starts after the block's closed cut agrees).
  ['rows, a one-line CDATA block, rows under a setext underline', ['| a', '| b', '<![CDATA[ x ]]>', '| c', 'Title', '====='], [0, 1, 2, 3]],
  // A line that starts with inline HTML is a paragraph line; a lone tag (type 7) after a blank line is an HTML block.
  ['inline HTML lines are one paragraph', ['<span>a</span> x', '<span>b</span> y', '</b> z', '', '<b>c</b> z', '<a href="u">l</a>'], [0, 4]],
  ['a lone tag after a blank line', ['text', '', '<span>', '## h', '', 'x'], [0, 2, 5]],
  ['inline HTML, then a setext underline', ['<span>Impact</span>', '---', '<i>x</i> y', '==='], [0, 2]],
  // Inside a long paragraph at the top level, before a line that starts with a letter and holds no "|", where the
  // line's hash says so (at least 8 lines in), or 128 lines in: never where a setext underline ends the paragraph, in
  // a table, in a definition's label over lines, or in a list item or block quote that may take lazy lines.
  ['a long paragraph', lines(40, (i) => `line ${i} of the story`), [0, 26]],
  ['a long paragraph under a setext underline', [...lines(30, (i) => `line ${i} of the story`), '---'], [0]],
  ['a long paragraph under "==="', [...lines(30, (i) => `line ${i} of the story`), '==='], [0]],
  ['rows and text in turn', lines(40, (i) => (i % 2 ? `text ${i}` : `| row ${i} |`)), [0, 21, 35]],
  ['a table after paragraph lines, its rows with no "|"', [...lines(12, (i) => `line ${i} here`), '| a | b |', '|---|---|', ...lines(30, (i) => `cell ${i} here`)], [0]],
  ['a definition whose label runs over lines', [...lines(12, (i) => `line ${i} here`), '', '[a', ...lines(20, (i) => `b${i}`), ']: /x', '## [a]'], [0, 13, 35]],
  ['lazy lines of a list item', ['- item', ...lines(30, (i) => `lazy ${i} here`)], [0]],
  // An item with nothing on its marker's line holds no paragraph: an unindented line after it (no list item) is no lazy
  // line, and starts a block at the top level ("-", then 1 MB of paragraph lines, was one chunk read by micromark).
  ['an empty item, then paragraph lines', ['-', '++', '+++', '+', 'ab'], [0, 1]],
  ['an empty "1." item, then text', ['1.', 'text', 'more'], [0, 1]],
  ['an empty item, then text underlined', ['-', 'ab', '---', 'cd'], [0, 1, 3]],
  ['an empty item, then its content', ['-', '  ab', 'cd'], [0]],
  ['an empty item, then a line indented by one', ['+', ' ab', 'cd'], [0]],
  ['an empty item, then a sibling', ['-', '- b', 'c'], [0, 1]],
  ['an empty item after a quote line: no cut', ['> q', '-', 'ab'], [0]],
  ['a lone "+" after text is the paragraph\'s next line', ['x', '+', 'ab'], [0]],
  ['an empty item nested in an item', ['- a', '  -', 'b'], [0]],
  ['an empty item after indented code (micromark reads a paragraph)', ['    code', '', '-', 'ab'], [0]],
  // "--" where a block starts is a paragraph's first line; the "--" under it makes a heading, which closes it.
  ['lines of "--" after text: a heading each pair', ['x', '--', '--', '--', '--', '--'], [0, 2, 4]],
  ['"--" after a blank line', ['x', '', '--', '--', 'y'], [0, 2, 4]],
  ['"--" after a list item and a blank line', ['- a', '', '--', '--'], [0, 2]],
  ['"--" after a quote and a blank line', ['> q', '', '--', '--'], [0, 2]],
  ['"--" after indented code', ['    code', '--', '--'], [0, 1]],
  ['"--" then text, underlined', ['x', '---', '--', 'y', '--'], [0, 2]],
  ['"--" at the start', ['--', '-- ', '--'], [0, 2]],
  ['"--" after a heading, then a thematic break', ['x', '--', '---', '--'], [0, 2, 3]],
  ['lazy lines of a block quote', ['> q', ...lines(30, (i) => `lazy ${i} here`)], [0]],
  ['300 identical lines', lines(300, () => 'text'), [0, 128, 256]],
  // A long run of blank lines is cut 256 lines after its first where nothing is open that a line after it could go on with.
  ['300 blank lines after a paragraph', ['text', ...lines(300, () => ''), 'end'], [0, 257, 301]],
  ['300 lines of spaces after a paragraph', ['text', ...lines(300, () => '  '), 'end'], [0, 257, 301]],
  ['300 blank lines after a block quote', ['> q', ...lines(300, () => ''), 'end'], [0, 257, 301]],
  ['300 blank lines in a list item', ['- item', ...lines(300, () => ''), '  more', 'end'], [0]],
  ['300 blank lines in indented code', ['    code', ...lines(300, () => ''), '    more', 'end'], [0, 302]],
  ['300 blank lines in a fence', [F, ...lines(300, () => ''), F, 'end'], [0, 302]],
  ['300 blank lines in a comment', ['<!--', ...lines(300, () => ''), '-->', 'end'], [0, 302]],
  ['300 blank lines after a footnote', ['[^1]: note', ...lines(300, () => ''), '    more', 'end'], [0, 257, 301, 302]],
];

function wholeParse(text: string) {
  const data = parseChunk(splitLines(text).body, false);
  return {
    headings: data.headings.map((h) => [h.depth, h.kind, h.text, h.line, h.character, h.endLine, h.endCharacter]),
    codeLines: [...data.codeLines].sort((x, y) => x - y),
    items: data.items.map((i) => [i.line, i.endLine]),
  };
}

function chunkedParse(text: string) {
  const m = analyze(text, { force: true }).model;
  return {
    model: {
      headings: m.headings.map((h) => [h.level, h.kind, h.text, h.range.start.line, h.range.start.character, h.range.end.line, h.range.end.character]),
      codeLines: [...m.codeLines].sort((x, y) => x - y),
      items: m.chunks.flatMap(({ span, data }) => data.items.map((i) => [span.start + i.line, span.start + i.endLine])),
    },
    // A group of small chunks (see groupChunks in model.ts) is read chunk by chunk: its pieces are the scan's chunks.
    starts: m.chunks.flatMap((c) => (c.pieces ? c.pieces.map((p) => p.start) : [c.span.start])),
  };
}

describe('chunk scan: fences and HTML blocks inside list items and block quotes', () => {
  for (const [what, lines, starts, merged] of CASES) {
    it(what, () => {
      const text = lines.join('\n');
      const spans = scanChunks(lines);
      assert.deepEqual(spans.map((s) => s.start), starts, 'chunk starts');
      const chunked = chunkedParse(text);
      assert.deepEqual(chunked.model, wholeParse(text), 'chunked model == whole-document parse');
      // Unless said, no chunk ends inside something the next chunk goes on with: the model reads the scan's chunks.
      assert.deepEqual(chunked.starts, merged ?? starts, 'model chunks');
      // Found again after any one-line edit, the chunks are those of a whole scan.
      const split = splitLines(text);
      for (let l = 0; l <= lines.length; l++) {
        for (const edit of ['', 'x', '## e', `  ${F}`, '  <!--', '---', '> q', '- a', '    c', '<b>x</b> y', '<!-- c -->', '-->', '===', '|-|-|', '[a', 'word']) {
          const next = [...lines.slice(0, l), ...(edit === '' ? [] : [edit]), ...lines.slice(edit === '' ? l + 1 : l)].join('\n');
          const splice = spliceLines(split, next);
          if (!splice) continue;
          assert.deepEqual(rescanChunks(splice.split.lines, { lines: split.lines, spans }, splice), scanChunks(splice.split.lines), JSON.stringify(next));
        }
      }
    });
  }
});

describe('chunk scan: cuts inside long paragraphs, on random documents', () => {
  // Mostly lines that start with a letter (long paragraphs, cut inside), and lines that may end a paragraph, make it
  // a table or a setext heading, start a definition over lines, or take the lines after it lazily.
  const OTHER = ['', '| row |', 'a | b', '|---|---|', ':--', '---', '===', '[a', 'b]: /x', '[c]: /y', '"title"', '> q', '- item', '2. two', '    code', '<div>', '<span>x</span> y', '## h', F, 'text `code', '*emph', 'line | pipe', '## [a]'];
  const line = (r: () => number): string => (r() < 0.9 ? `line ${Math.floor(r() * 500)} text` : OTHER[Math.floor(r() * OTHER.length)]!);

  it('read in chunks, a document reads as remark reads it whole; a rescan after any edit finds the cuts of a whole scan', () => {
    const r = rng(2026);
    let paraCuts = 0;
    for (let d = 0; d < 200; d++) {
      // Led by a line of text: a first line "---" would open a front matter, which remark does not read here.
      const lines = ['Text', ...Array.from({ length: 40 + Math.floor(r() * 200) }, () => line(r))];
      const text = lines.join('\n');
      const spans = scanChunks(lines);
      paraCuts += spans.filter((s) => s.paraCut === true).length;
      const whole = remarkParseChunk(text, false);
      const chunked = chunkedParse(text).model;
      assert.deepEqual(chunked.headings, whole.headings.map((h) => [h.depth, h.kind, h.text, h.line, h.character, h.endLine, h.endCharacter]), text);
      assert.deepEqual(chunked.items, whole.items.map((i) => [i.line, i.endLine]), text);
      assert.deepEqual(chunked.codeLines, [...whole.codeLines].sort((x, y) => x - y), text);
      rescansAsWholeScan(lines, spans, r, line, 25);
    }
    // The documents do hold such cuts (else this proves nothing about them).
    assert.ok(paraCuts > 100, `${paraCuts} cuts inside paragraphs`);
  });
});

describe('chunk scan after an edit inside a long list with no blank line', () => {
  // Each chunk keeps the scan's state before it: the rescan starts at the chunk before the edit and stops at the first
  // cut after it in the same state, so it makes again only the chunks around the edit (it read the list to its end).
  for (const name of ['indented-list', 'indented-items', 'tab-items', 'mixed-markers', 'quote-items']) {
    it(`${name}: the chunks away from the edit are the previous scan's own objects`, () => {
      const text = FAMILIES.find((f) => f.name === name)!.make(60_000);
      const split = splitLines(text);
      const spans = scanChunks(split.lines);
      const line = Math.floor(split.lines.length / 2);
      const edited = split.lines.map((l, i) => (i === line ? `${l} x` : l)).join('\n');
      const splice = spliceLines(split, edited)!;
      const again = rescanChunks(splice.split.lines, { lines: split.lines, spans }, splice);
      assert.deepEqual(again, scanChunks(splice.split.lines));
      const made = again.filter((s, i) => s !== spans[i]).length;
      assert.ok(spans.length > 1000, `${spans.length} chunks`);
      assert.ok(made <= 4, `${made} of ${again.length} chunks made again`);
    });
  }
});
