// overview-length: the Overview is a one- or two-sentence TL;DR.
import { sectionsFor } from '../model/model';
import { sectionLines, sentences, words } from '../model/prose';
import type { Rule } from './types';

export const overviewLength: Rule = {
  code: 'overview-length',
  defaultLevel: 'warning',
  description: 'The Overview is longer than a TL;DR.',
  docs: 'overview-length',
  run({ model, config, report }) {
    const { maxSentences, maxWords } = config.overview;
    const sections = sectionsFor(model, 'overview');
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i]!;
      const text = sectionLines(model, section)
        .filter((l) => !model.codeLines.has(l.line))
        .map((l) => l.text)
        .join('\n');
      const s = sentences(text).length;
      const w = words(text).length;
      if (s <= maxSentences && w <= maxWords) continue;
      const what = s > maxSentences ? `${s} sentences` : `${w} words`;
      report({
        message: `The Overview has ${what}; keep it to a TL;DR of at most ${maxSentences} sentence${maxSentences === 1 ? '' : 's'} and ${maxWords} words, and move details to What happened.`,
        range: section.heading.range,
        data: { sentences: s, words: w },
      });
    }
  },
};
