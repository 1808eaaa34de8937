// overview-length: the Overview is a one- or two-sentence TL;DR.
import { sectionsFor } from '../model/model';
import { sentences, walkSection, words } from '../model/prose';
import type { Rule } from './types';

/**
 * How much of an Overview is read: far more than any TL;DR, so a long one is still told by its counts; an Overview of a
 * megabyte was read whole, joined and split again, on every keystroke.
 */
const READ_LIMIT = 20_000;

export const overviewLength: Rule = {
  code: 'overview-length',
  defaultLevel: 'warning',
  description: 'The Overview is longer than a TL;DR.',
  docs: 'overview-length',
  run({ model, config, report }) {
    const { maxSentences, maxWords } = config.overview;
    const sections = sectionsFor(model, 'overview');
    // Never less than the limits configured could need.
    const limit = Math.max(READ_LIMIT, 16 * (maxWords + maxSentences));
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i]!;
      const read: string[] = [];
      let size = 0;
      let cut = false;
      for (const l of walkSection(model, section)) {
        if (model.codeLines.has(l.line)) continue;
        if (size > limit) {
          cut = true;
          break;
        }
        // A line of a megabyte is read up to the bound too.
        const text = l.text.length > limit - size ? l.text.slice(0, Math.max(0, limit - size) + 1) : l.text;
        if (text !== l.text) cut = true;
        read.push(text);
        size += text.length + 1;
      }
      const text = read.join('\n');
      const s = sentences(text).length;
      const w = words(text).length;
      if (s <= maxSentences && w <= maxWords) continue;
      const what = s > maxSentences ? `${cut ? 'more than ' : ''}${s} sentences` : `${cut ? 'more than ' : ''}${w} words`;
      report({
        message: `The Overview has ${what}; keep it to a TL;DR of at most ${maxSentences} sentence${maxSentences === 1 ? '' : 's'} and ${maxWords} words, and move details to What happened.`,
        range: section.heading.range,
        data: { sentences: s, words: w },
      });
    }
  },
};
