import { frontmatterSyntax } from './frontmatter-syntax';
import { frontmatterSchema } from './frontmatter-schema';
import { missingSection } from './missing-section';
import { timelineOrder } from './timeline-order';
import { timelineTimestamp } from './timeline-timestamp';
import { timelineTimezone } from './timeline-timezone';
import { actionItemDue, actionItemOwner, actionItemTicket } from './action-items';
import { blamelessLanguage } from './blameless-language';
import { duplicateSection } from './duplicate-section';
import { emptySection } from './empty-section';
import { impactNumbers } from './impact-numbers';
import { overviewLength } from './overview-length';
import { respondersEmpty } from './responders-empty';
import { sectionOrder } from './section-order';
import { statusNotFinal } from './status-not-final';
import { inlineConfig } from './inline-config';
import { milestoneTime } from './milestone-time';
import { milestoneOrder } from './milestone-order';
import { milestoneMissing } from './milestone-missing';
import { durationMismatch } from './duration-mismatch';
import { actionItemDeadline } from './action-item-deadline';
import { actionItemOverdue } from './action-item-overdue';
import type { Rule } from './types';

/** Every rule, in reporting order. Each lives in its own file and owns one stable code. */
export const RULES: readonly Rule[] = [
  frontmatterSyntax, missingSection, frontmatterSchema, timelineOrder, timelineTimestamp, timelineTimezone,
  emptySection, duplicateSection, sectionOrder, overviewLength, impactNumbers, respondersEmpty,
  actionItemOwner, actionItemTicket, actionItemDue, blamelessLanguage, statusNotFinal, inlineConfig,
  milestoneTime, milestoneOrder, milestoneMissing, durationMismatch, actionItemDeadline, actionItemOverdue,
];
