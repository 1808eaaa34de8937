// milestone-time: a milestone whose time cannot be used (no time, no date, no zone, a date that does not exist, a time
// the clocks skipped), a timeline label repeating a milestone, or front matter and timeline disagreeing on one.
import { MILESTONE_LABEL, formatDuration, parseMilestones, type Milestone, type MilestoneId } from '../milestones';
import type { Rule, RuleContext } from './types';

type TimeFinding = Parameters<RuleContext['report']>[0];

/**
 * The finding each milestone gave (a problem or note, or a repeat with the line of the first mark): a milestone the
 * model kept across an edit (see computeMilestones) gives it again, the same object, and 70,000 repeated labels made
 * no new message on every keystroke. Weak: gone with the milestones.
 */
const problemFindings = new WeakMap<Milestone, TimeFinding>();
const repeatFindings = new WeakMap<Milestone, { readonly firstLine: number; readonly finding: TimeFinding }>();

export const milestoneTime: Rule = {
  code: 'milestone-time',
  defaultLevel: 'warning',
  description: 'A milestone\'s time cannot be used, or front matter and timeline disagree.',
  docs: 'milestone-time',
  run({ model, report }) {
    const { all, conflicts, repeats } = parseMilestones(model);
    for (const m of all) {
      const message = m.problem ?? m.note;
      if (!message) continue;
      let finding = problemFindings.get(m);
      if (!finding) {
        finding = {
          message: m.problem ? `${message} Durations leave this milestone out.` : message,
          range: m.range,
          ...(m.problem ? {} : { severity: 'info' as const }),
          data: { milestone: m.id, source: m.source },
        };
        problemFindings.set(m, finding);
      }
      report(finding);
    }
    for (const { frontMatter, timeline } of conflicts) {
      const diff = formatDuration(timeline.epochMs! - frontMatter.epochMs!).replace(/^−/, '');
      report({
        message: `The timeline marks ${MILESTONE_LABEL[timeline.id]} at ${timeline.text}, but the front matter says ${frontMatter.text} (${diff} apart); the front matter's time is used.`,
        range: timeline.range,
        data: { milestone: timeline.id, source: 'timeline', conflict: true, frontMatterLine: frontMatter.range.start.line },
      });
    }
    if (repeats.length === 0) return;
    // The first timeline mark of each milestone, found once (a search from the start for each repeat was quadratic
    // in a timeline of many marks of one milestone after many of another).
    const firstMark = new Map<MilestoneId, Milestone>();
    for (const o of all) if (o.source === 'timeline' && !firstMark.has(o.id)) firstMark.set(o.id, o);
    for (const m of repeats) {
      const first = firstMark.get(m.id);
      const firstLine = first && first !== m ? first.range.start.line : -1;
      let made = repeatFindings.get(m);
      if (!made || made.firstLine !== firstLine) {
        made = {
          firstLine,
          finding: {
            message: `${MILESTONE_LABEL[m.id]} is already marked on line ${(firstLine === -1 ? 0 : firstLine) + 1}; the first mark is used.`,
            range: m.range,
            data: { milestone: m.id, source: m.source, repeat: true },
          },
        };
        repeatFindings.set(m, made);
      }
      report(made.finding);
    }
  },
};
