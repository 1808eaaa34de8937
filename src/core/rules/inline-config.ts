import { CODES } from '../findings';
import { INLINE_CONFIG_CODE, readDirectives } from '../model/inline-config';
import type { Rule } from './types';

/** A `<!-- postmortem-disable… -->` comment names a rule that does not exist (a typo would silently disable nothing). */
export const inlineConfig: Rule = {
  code: INLINE_CONFIG_CODE,
  defaultLevel: 'warning',
  description: 'A `postmortem-disable` comment names an unknown rule.',
  docs: 'inline-config',
  run({ model, report }) {
    for (const u of readDirectives(model).unknown) {
      report({
        message: `Unknown rule "${u.rule}" in a postmortem-${u.kind} comment; known: ${Object.keys(CODES).join(', ')}.`,
        range: u.range,
        data: { rule: u.rule },
      });
    }
  },
};
