// Incident milestones and the durations between them.
export { MILESTONE_IDS, MILESTONE_LABEL, isMilestoneId, milestoneMarker, parseMilestones, readMilestoneValue, type Milestone, type MilestoneId, type Milestones } from './parse';
export { DURATION_IDS, computeMetrics, durationSpecs, durationSummary, formatDuration, rawDurations, type Duration, type DurationId, type DurationOrigin, type DurationSpec, type Metrics } from './durations';
export { statedDurations, type StatedDuration } from './stated';
export { ianaZone, wallToEpoch, zoneOffsetAt, type ZonedInstant } from './zone';
export { cycleNoteMilestone, labelledNote, milestoneLabelEdit, milestonesFrontMatterInsert, milestonesToWrite, milestoneValue } from './edit';
export { timelineFigureHtml, escapeHtml } from './figure';
export { timelineFigureData, type FigureData } from './figure-data';
export { timelineFigureFor, timelineFigureOf, type TimelineFigure } from './figure-source';
export { GANTT_END, GANTT_START, ganttBlock, ganttBlockRange, ganttEdit, mermaidGantt } from './gantt';
