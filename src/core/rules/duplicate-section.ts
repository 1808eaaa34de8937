// duplicate-section: two headings that say the same thing for one role (two "Impact" headings). Different headings
// for one role ("What went well" and "What went wrong") are a deliberate split and fine.
import { normaliseWords } from '../model/match';
import type { Rule } from './types';

export const duplicateSection: Rule = {
  code: 'duplicate-section',
  defaultLevel: 'warning',
  description: 'The same section heading twice.',
  docs: 'duplicate-section',
  run({ model, report }) {
    const seen = new Map<string, { line: number }>();
    // Headings repeat: each text is normalised once (a document of thousands of "Impact" headings).
    const normalised = new Map<string, string>();
    for (const section of model.sections) {
      if (section.roles.length === 0) continue;
      const text = section.heading.text;
      let words = normalised.get(text);
      if (words === undefined) normalised.set(text, (words = normaliseWords(text).join(' ')));
      const key = `${section.heading.level}:${words}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { line: section.heading.range.start.line });
        continue;
      }
      report({
        message: `"${section.heading.text}" repeats the section on line ${first.line + 1}; merge the two, or name each for its part.`,
        range: section.heading.range,
        data: { section: section.roles[0]!, firstLine: first.line },
      });
    }
  },
};
