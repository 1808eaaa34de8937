// duplicate-section: two headings that say the same thing for one role (two "Impact" headings). Different headings
// for one role ("What went well" and "What went wrong") are a deliberate split and fine.
import { normaliseWords } from '../match';
import type { Rule } from './types';

export const duplicateSection: Rule = {
  code: 'duplicate-section',
  defaultLevel: 'warning',
  run({ model, report }) {
    const seen = new Map<string, { line: number }>();
    for (const section of model.sections) {
      if (section.roles.length === 0) continue;
      const key = `${section.heading.level}:${normaliseWords(section.heading.text).join(' ')}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { line: section.heading.range.start.line });
        continue;
      }
      report({
        code: 'duplicate-section',
        message: `"${section.heading.text}" repeats the section on line ${first.line + 1}; merge the two, or name each for its part.`,
        range: section.heading.range,
        data: { section: section.roles[0]!, firstLine: first.line },
      });
    }
  },
};
