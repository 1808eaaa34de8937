// frontmatter-syntax: front matter that cannot be parsed. Reported once, at the error's location.
import type { Rule } from './types';

export const frontmatterSyntax: Rule = {
  code: 'frontmatter-syntax',
  defaultLevel: 'error',
  description: 'The front matter cannot be parsed.',
  docs: 'frontmatter-syntax',
  run({ model, report }) {
    const error = model.frontMatter?.errors[0];
    if (error) report({ message: error.message, range: error.range, data: {} });
  },
};
