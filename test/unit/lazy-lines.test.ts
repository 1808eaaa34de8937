// Lines after a list item's paragraph, left of its content, that start with punctuation ("$ cmd", "@user", "/path",
// "-x", ":x", "--", "==", "_ x"): lazy lines of the paragraph, read by the fast reader (parse.ts). They went to
// micromark, whose time is quadratic in lazy lines (0.5 s for 16 KB, minutes for 1 MB). The fast reader must read
// each such chunk as remark reads it, or leave it to remark.
import * as assert from 'node:assert/strict';
import { fastParse } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';

const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
/** Lines led by each punctuation character, alone, doubled, tripled, then a letter, then a space and a letter. */
const LAZY = [
  ...PUNCTUATION.flatMap((c) => [c, c + c, c + c + c, `${c}x`, `${c} x`, `${c}${c} x`]),
  '--', '-- ', '--\t', '==', '=', '= =', '- -', '-- x', '_ _ _', '_ x _', '$ a | b', ':--|:--', '-|-', '\f', '\u000bx', '\u0000x', '\u00a0x',
  'x', '12:00 x', '2. x', '1.', '1) x', '+1', '@al', '/p', '~~~', '```', '<div>', '<span>x</span>', '> q', '    code', '  x', '',
];
const ITEMS = ['- item', '* x', '+ x', '1. a', '- [ ] Fix', '- a\n  more', '- a\n  - b', '- > q', '- a\n\n  b', '-', '1.', '- # h'];

describe('lazy lines after a list item: fast reader == remark', function () {
  this.timeout(120_000);
  const chunks = new Set<string>();
  // What may follow a lazy line: another, the end of the item, or what ends it.
  const AFTER = ['x', '$x', '--', '==', '_ x', '+', '- b', '2. c', '---', '  y', '', '|---|', '> q', '\f'];
  for (const item of ITEMS) for (const a of LAZY) for (const b of AFTER) chunks.add(`${item}\n${a}\n${b}`);

  it(`${chunks.size} chunks: what fastParse reads equals remark's reading`, () => {
    let fast = 0;
    for (const chunk of chunks) {
      const ours = fastParse(chunk, false);
      if (!ours) continue;
      fast++;
      assert.deepEqual(ours, remarkParseChunk(chunk, false), `chunk ${JSON.stringify(chunk)}`);
    }
    assert.ok(fast > chunks.size / 2, `fast path taken for ${fast} of ${chunks.size} chunks`);
  });

  it('takes a list item followed by lines led by punctuation (no micromark)', () => {
    const leads = ['$ kubectl get pods', '@alice: ack', '/var/log/app.log', '-x', ':x', ';x', '%x', ')x', ',x', '.x', '?x', ']x', '^x', '{x', '}x', '~x', '+x', '++', '**', '__', '--', '==', '=x', '_ x', '!x'];
    for (const item of ['- item', '1. a', '- [ ] Fix @kim']) {
      for (const lead of leads) {
        const chunk = `${item}\n${lead}\n${lead}`;
        const ours = fastParse(chunk, false);
        assert.ok(ours, `fast path for ${JSON.stringify(chunk)}`);
        assert.deepEqual(ours, remarkParseChunk(chunk, false), `chunk ${JSON.stringify(chunk)}`);
      }
    }
  });
});
