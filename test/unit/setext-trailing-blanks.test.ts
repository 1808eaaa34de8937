// A one-line setext heading whose text line ends in spaces or tabs: they end no paragraph's text, so the fast reader
// reads the line without them (it left such headings to micromark: 1 MB of "*a_ " then "---" took 0.9 s). Each chunk
// must read as remark reads it.
import * as assert from 'node:assert/strict';
import { fastAgreesWithRemark } from './oracle';

const TEXTS = ['x', '*a_ *a_', '*a*', 'a*', '`a`', '`a', 'a\\', '\\*a', '&amp;', '&amp', 'a\u00a0', '[a]', '[a](b)', '![i](j)', '<b>x</b>', '_a_', '**a**', 'a  b', '\u00a0a', 'a\u0000'];
const TRAILS = ['', ' ', '  ', '\t', ' \t ', '   \t', '\u00a0 '];
const UNDERLINES = ['---', '===', '-', '=  ', '  --'];
const CONTEXTS: Array<(h: string) => string> = [(h) => h, (h) => `# top\n${h}`, (h) => `x\n\n${h}`, (h) => `| r |\n\n${h}`, (h) => `## h\n-\n${h}`];

describe('setext headings whose line ends in spaces or tabs: fast reader == remark', function () {
  this.timeout(120_000);

  it('every text, trailing blanks, underline and context', () => {
    const chunks: string[] = [];
    for (const t of TEXTS) for (const tr of TRAILS) for (const u of UNDERLINES) for (const c of CONTEXTS) chunks.push(c(`${t}${tr}\n${u}`));
    const { fast, total } = fastAgreesWithRemark(chunks);
    assert.ok(fast > total * 0.7, `fast path taken for ${fast} of ${total} chunks`);
    // Those ending in spaces or tabs are taken too (they all went to remark before).
    const trailing = chunks.filter((c) => /[ \t]\n/.test(c) && !c.includes('\u00a0 ') && !c.includes('<b>') && !c.includes('\u0000'));
    const taken = fastAgreesWithRemark(trailing);
    assert.ok(taken.fast > trailing.length * 0.7, `fast path taken for ${taken.fast} of ${trailing.length} chunks ending in blanks`);
  });
});
