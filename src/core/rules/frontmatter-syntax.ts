// frontmatter-syntax: front matter that cannot be parsed. Reported once, at the error's location.
import type { Rule } from './types';

export const frontmatterSyntax: Rule = {
  code: 'frontmatter-syntax',
  defaultLevel: 'error',
  run({ model, report }) {
    const error = model.frontMatter?.errors[0];
    if (error) report({ code: 'frontmatter-syntax', message: error.message, range: error.range, data: {} });
  },
};
