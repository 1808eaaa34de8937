// `postmortem fix` sorts every timeline block out of order in rounds (fixAll): it must give what sorting one block at a
// time, reading the whole text again after each, gave (the old way, quadratic), on blocks whose days carry over.
import * as assert from 'node:assert/strict';
import { analyze, normaliseConfig } from '../../src/core';
import { fixAll } from '../../src/core/authoring/fix';
import { timelineSortEdit } from '../../src/core/timeline';
import { splitLines } from '../../src/core/model/text';
import { rng } from '../bench/generate';

/** The old fixAll's timeline part: one block at a time, the text analysed from scratch after each. */
function oneAtATime(text: string): string {
  let current = text;
  let analysis = analyze(current);
  let budget = analysis.findings.filter((f) => f.code === 'timeline-order').length;
  while (budget-- > 0) {
    const finding = analysis.findings.find((f) => f.code === 'timeline-order');
    if (!finding) break;
    const edit = timelineSortEdit(analysis.model, finding.range.start.line);
    if (!edit) break;
    const { offsets, hasBom } = splitLines(current);
    const at = (p: { line: number; character: number }) => (hasBom ? 1 : 0) + offsets[p.line]! + p.character;
    current = current.slice(0, at(edit.range.start)) + edit.text + current.slice(at(edit.range.end));
    analysis = analyze(current);
  }
  return current;
}

const NOTHING_REQUIRED = normaliseConfig({ requiredSections: [] });
const pad = (n: number) => String(n).padStart(2, '0');

describe('postmortem fix: timeline blocks sorted in rounds', () => {
  it('gives what sorting one block at a time gives, with days written on some entries and carried to the ones below', () => {
    const r = rng(5);
    let same = 0;
    for (let d = 0; d < 150; d++) {
      // Blocks in time order, their entries shuffled within each; some entries give only a time (their day is the one
      // above them, maybe in the block above).
      const blocks: string[] = [];
      let minute = Math.floor(r() * 2000);
      for (let b = 0; b < 2 + Math.floor(r() * 6); b++) {
        const times = Array.from({ length: 1 + Math.floor(r() * 4) }, () => (minute += 1 + Math.floor(r() * 400)));
        for (let i = times.length - 1; i > 0; i--) {
          const j = Math.floor(r() * (i + 1));
          [times[i], times[j]] = [times[j]!, times[i]!];
        }
        blocks.push(times.map((m, e) => `- ${r() < 0.7 ? `2025-01-${pad(1 + Math.floor(m / 1440))} ` : ''}${pad(Math.floor((m % 1440) / 60))}:${pad(m % 60)} UTC event ${b}.${e}`).join('\n'));
      }
      const text = `---\ntype: postmortem\n---\n# T\n\n## Timeline\n\n${blocks.join('\n\nNote.\n\n')}\n`;
      const want = oneAtATime(text);
      // (No section required: fixAll would add them after sorting.)
      const got = fixAll(text, { config: NOTHING_REQUIRED }).text;
      // Where the old way sorted every block (it stopped after as many sorts as the first analysis had findings, and
      // a day carried over may leave a block no sort can put in order), the rounds give the same text.
      if (analyze(want).findings.some((f) => f.code === 'timeline-order')) continue;
      if (want !== text) same++;
      assert.equal(got, want, JSON.stringify(text));
    }
    assert.ok(same > 50, `only ${same} documents sorted whole the old way`);
  });

  it('sorts 1,600 blocks out of order, each once, and a second run changes nothing', () => {
    const stamp = (m: number) => `2025-01-${pad(1 + Math.floor(m / 1440))} ${pad(Math.floor((m % 1440) / 60))}:${pad(m % 60)} UTC`;
    const body = Array.from({ length: 1600 }, (_, i) => `- ${stamp(i * 10 + 5)} b${i}\n- ${stamp(i * 10 + 1)} a${i}\n\nNote ${i}.\n`).join('\n');
    const text = `---\ntype: postmortem\n---\n# T\n\n## Timeline\n\n${body}`;
    const once = fixAll(text);
    assert.equal(once.applied.filter((a) => a.startsWith('sorted')).length, 1600);
    assert.equal(analyze(once.text).findings.filter((f) => f.code === 'timeline-order').length, 0);
    assert.equal(fixAll(once.text).text, once.text);
  });
});
