// status-not-final: information that the document is still a draft.
import { range } from '../model/text';
import type { Rule } from './types';

export const statusNotFinal: Rule = {
  code: 'status-not-final',
  defaultLevel: 'info',
  description: 'The post-mortem is still a draft.',
  docs: 'status-not-final',
  run({ model, report }) {
    const status = model.frontMatter?.data['status'];
    if (typeof status !== 'string' || status.trim().toLowerCase() !== 'draft') return;
    const at = model.frontMatter?.valueRange('status') ?? model.frontMatter?.range ?? range(0, 0, 0, 0);
    report({
      message: 'This post-mortem is a draft: completeness checks are hints until its status is in-review or final.',
      range: at,
      data: { status: 'draft' },
    });
  },
};
