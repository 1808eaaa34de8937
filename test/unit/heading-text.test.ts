// The fast reader's heading text (inlineText, read into scratch arrays reused by every heading) and its one-line
// definitions, on the shapes its rewrite by character codes had to get right: each must say what remark says.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { fastParse, parseChunk } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';
import { generatePostmortem, rng } from '../bench/generate';

/** The chunk as the fast reader reads it, and as remark reads it; unless `left`, asserts the fast reader took it. */
function agrees(chunk: string, left = false): void {
  const ours = fastParse(chunk, false);
  if (left) assert.equal(ours, undefined, `fast path taken for ${JSON.stringify(chunk)}`);
  else assert.ok(ours, `fast path not taken for ${JSON.stringify(chunk)}`);
  if (ours) assert.deepEqual(ours, remarkParseChunk(chunk, false), JSON.stringify(chunk));
}

describe('heading text read by character codes == remark', () => {
  it('code spans: runs of every length, closed or not, and the rest of a run after an escaped backtick', () => {
    for (const content of [
      'a `b` c',
      'a ``b`` c ``',
      '`a` ``b`` ```c``` `d`',
      '``a` b`` c',
      'a \\``b` c',
      'a \\```b`` c`',
      '\\`` x `` y `',
      '` a ` `` ` `` `  `',
      '`` `` ``',
      '`a\\`b`',
      'x ``````````y``````````',
    ]) {
      agrees(`## ${content}`);
      agrees(`${content}\n---`);
    }
  });

  it('character references, autolinks, inline HTML and plain links, with what only looks like them', () => {
    for (const content of [
      'Q&amp;A &lt;b&gt; &quot;x&quot; &nbsp;y &copy; &constructor; &__proto__; &hasOwnProperty;',
      '&#35; &#x2A; &#X5f; &#0; &#1234567; &#12345678; &bogus;',
      'See <https://x.y/a> and <a@b.c>, not <a b> or <http:>',
      'Impact <span class="x">1</span> <!-- c --> <?p ?> <!X> <![CDATA[y]]>',
      'a <b title="x', 'a <b title="x" c=\'y\'> d',
      'See [notes](https://x.y/1) *now*',
      '[Impact](#i) &amp; <b>2</b>',
      'See [x](/y) _3_',
    ]) {
      agrees(`## ${content}`);
    }
    // A "]" with no "[" before it is literal, with emphasis, links and code spans around it.
    for (const content of ['a ] b', ']x', 'x]', '*a]* b', '_]_', '[x](y) ] *z*', '`[` ] a', '\\[a] ]', 'a]](b)', '**]**']) {
      agrees(`## ${content}`);
      agrees(`'x\n*\n${content}\n"\n-`);
    }
    // A "[" with no "]" anywhere after it is literal, with code spans, emphasis and images around it.
    for (const content of ['[ `x', '[`x`', '![`x', '`x [', '*[a* b', '[a ![b', 'a [ _b_', '[[', '[\\']) {
      agrees(`## ${content}`);
      agrees(`[\n${content}\n===`);
    }
    // White space other than spaces in a destination, a line separator in the content: left to remark.
    agrees('## See [a](b\u00a0c) d', true);
    agrees('## See [a](b\u2028c) d', true);
  });

  it('headings too long for inline parsing: escapes and references decoded in one pass, the rest as written', () => {
    const long = (unit: string) => unit.repeat(Math.ceil(2100 / unit.length));
    for (const content of [
      long('\\'),
      `${long('\\')}\\`,
      long('\\*a_ '),
      long('a \\# &amp; &#35; &#x2A; &#0; &bogus; & &; '),
      `${long('x ')}&#32;`,
      `&#32;${long('y ')}&nbsp;`,
      long('*a [b ` \\] &lt; '),
      `${long('z')}\u0000\\\u0000`,
      `${long('w')} \\#`,
      `${long('w')} \\##`,
    ]) {
      agrees(`## ${content}`);
      agrees(`# ${content} ##`);
      // Setext: led by a letter, as the fast reader takes a paragraph's first line.
      agrees(`a ${content.trimEnd()}\n---`);
      agrees(`## h\n\na ${content.trimEnd()}\n===`);
    }
  });

  it('emphasis around punctuation, white space and text outside ASCII', () => {
    for (const content of ['*a*', '_a_', 'a*b*c', 'a_b_c', '*(a)*', '_(a)_', '**a*', '*a**', '* a *', '\u00a0*a*\u00a0', '😀*a*😀', 'é_a_é', '。*a*。', '*a*\u0000', '***a***']) {
      agrees(`## x ${content} y`);
      agrees(`x ${content} y\n===`);
    }
  });

  it('one-line definitions: labels and destinations at their limits', () => {
    for (const line of ['[a]: /x', '[a b]:\t/x  ', `[${'l'.repeat(999)}]: /x`, '[a]: x\u00e9', '[ab]:/x', '[\u00e9]: /x']) agrees(line);
    // Not definitions the one-line reader takes: whatever reads them says what remark says.
    for (const line of [`[${'l'.repeat(1000)}]: /x`, '[a]: /x\u0001', '[a]: /x\u00a0', '[ a]: /x', '[a]: <x>', '[a]: (x)', '[a]: x y']) {
      assert.deepEqual(parseChunk(line, false), remarkParseChunk(line, false), JSON.stringify(line));
    }
  });

  it('many headings of the same words (one shared candidate list): each has the roles it has alone', () => {
    const r = rng(5);
    const headings: string[] = [];
    for (let i = 0; i < 300; i++) headings.push(`## ${['Impact', 'Timeline', 'Root causes', 'Notes'][Math.floor(r() * 4)]} \`${i}\` *x*`);
    const text = `${generatePostmortem(2_000, 3)}\n${headings.join('\n')}\n`;
    const whole = analyze(text).model.headings;
    const impact = whole.filter((h) => h.text.startsWith('Impact '));
    assert.ok(impact.length > 20, `${impact.length} Impact headings`);
    // Each heading's roles are those it has in a document of its own.
    for (const h of impact.slice(0, 5)) {
      const alone = analyze(`# T\n\n## ${h.text}\n\ntext\n`).model.headings.find((x) => x.text === h.text)!;
      assert.deepEqual(h.roles, alone.roles, h.text);
    }
  });
});
