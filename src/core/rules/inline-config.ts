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
    const unknown = readDirectives(model).unknown;
    if (unknown.length === 0) return;
    // The list of codes made once, not once per name: a comment of 500,000 unknown names made 200 MB of messages.
    const known = Object.keys(CODES).join(', ');
    for (const u of unknown) {
      report({
        message:
          u.more === 0
            ? `Unknown rule "${u.rule}" in a postmortem-${u.kind} comment; known: ${known}.`
            : `Unknown rule "${u.rule}" in a postmortem-${u.kind} comment, and ${u.more} more name${u.more === 1 ? '' : 's'} after it that no rule has; known: ${known}.`,
        range: u.range,
        data: { rule: u.rule },
      });
    }
  },
};
