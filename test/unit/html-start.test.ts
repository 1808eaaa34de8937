// htmlFlowStart (model/html-start.ts) says which HTML block a line starts, as micromark reads it: the chunk scan and the
// fast reader rely on it to read a line of inline HTML as a paragraph line. Checked against micromark itself (through
// mdast-util-from-markdown, which remark-parse uses) on crafted and seeded random lines.
import * as assert from 'node:assert/strict';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { htmlFlowStart } from '../../src/core/model/html-start';
import { rng } from '../bench/generate';

/** What micromark makes of the line: no HTML block, one that cannot interrupt a paragraph (type 7), or one that can. */
function micromarkKind(line: string): 'none' | 'type 7' | 'interrupts' {
  if (fromMarkdown(line).children[0]?.type !== 'html') return 'none';
  return fromMarkdown(`para\n${line}`).children.length > 1 ? 'interrupts' : 'type 7';
}

function ourKind(line: string): 'none' | 'type 7' | 'interrupts' {
  const kind = htmlFlowStart(line);
  return kind === 0 ? 'none' : kind === 7 ? 'type 7' : 'interrupts';
}

describe('htmlFlowStart == micromark', () => {
  it('on crafted lines', () => {
    const cases: Array<[string, number]> = [
      ['<span>x</span> text', 0], ['<span>', 7], ['</span>  ', 7], ['<span x="1" y=\'2\' z=w/>', 7], ['<span/x>', 0], ['<b>x</b>', 0],
      ['<div>', 6], ['</table>', 6], ['<div/>', 6], ['<div/x', 0], ['<DIV class="a">x', 6], ['<pre>', 1], ['<pre/>', 7], ['</pre>', 7],
      ['<script src=x>', 1], ['<!-- c -->', 2], ['<!-->', 2], ['<!-x', 0], ['<?x ?>', 3], ['<!X y>', 4], ['<![CDATA[ x ]]>', 5], ['<![CDAT', 0],
      ['<a href="x">link</a> more', 0], ['<a b=c d>', 7], ['<a b="c"d>', 0], ['<a b=>', 0], ['<1>', 0], ['<', 0], ['x', 0], ['<h2>Impact</h2>', 6],
    ];
    for (const [line, kind] of cases) {
      assert.equal(htmlFlowStart(line), kind, JSON.stringify(line));
      assert.equal(ourKind(line), micromarkKind(line), JSON.stringify(line));
    }
  });

  it('on 20,000 seeded random tag-like lines', () => {
    const atoms = ['<', '>', '/', '!', '-', '?', '[', 'CDATA[', ' ', '\t', '"', "'", '=', '`', 'a', 'div', 'span', 'pre', 'Script', 'x', ':', '_', '.', '1', 'h2', '<!--', '-->'];
    const r = rng(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    for (let k = 0; k < 20_000; k++) {
      let line = '<';
      const len = 1 + Math.floor(r() * 8);
      for (let j = 0; j < len; j++) line += pick(atoms);
      if (r() < 0.3) line = pick(['<span', '<a', '</i']) + pick([' b="1"', ' c=d', '', '/', ' e', " f='x'", ' g = "h" i']) + pick(['>', '/>', ' >', '>x', '> ', '']) + pick(['', ' t', '\t']);
      assert.equal(ourKind(line), micromarkKind(line), JSON.stringify(line));
    }
  });
});
