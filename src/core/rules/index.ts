import { frontmatterSyntax } from './frontmatter-syntax';
import { missingSection } from './missing-section';
import type { Rule } from './types';

/** Every rule, in reporting order. Each lives in its own file and owns one stable code. */
export const RULES: readonly Rule[] = [frontmatterSyntax, missingSection];
