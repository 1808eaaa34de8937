// The post-mortem catalogue and the action-item ledger: one entry per post-mortem, its aggregates, and a compact
// cache record. Pure: the workspace index (editor) and `postmortem report` / `postmortem actions` (CLI) read the files.
export { summarise, summariseModel, withToday, metricsFromMilestones, type CatalogueAction, type CatalogueEntry, type SummariseOptions } from './entry';
export {
  aggregate,
  finalWithin,
  stats,
  NO_DATE,
  NO_OWNER,
  NO_SEVERITY,
  type ActionCounts,
  type AggregateOptions,
  type CatalogueAggregate,
  type DurationStats,
  type FinalShare,
  type GroupStats,
  type MonthStats,
  type OwnerStats,
} from './aggregate';
export { fromRecord, toRecord, RECORD_VERSION, type ActionRecord, type CatalogueRecord } from './record';
export { addDays, checkboxOf, dayMs, daysBetween, DUE_SOON_DAYS, followUps, incidentDay, isoDay, itemDone, policyDays, severityOf, writtenDay, type FollowUp, type FollowUpContext } from '../model/follow-up';
export {
  actionState,
  chartSpecs,
  csvLedger,
  csvReport,
  jsonReport,
  ledgerRows,
  markdownLedger,
  markdownReport,
  mdCell,
  mdLinkTarget,
  MAX_CHART_OWNERS,
  MAX_SEVERITY_COLUMNS,
  severityColumns,
  reportRows,
  sortEntries,
  summaryLine,
  type ChartSpec,
  type JsonReport,
  type LedgerFilter,
  type LedgerRow,
  type MarkdownReportOptions,
  type ReportRow,
} from './report';
export { chartSvg, SERIES_COLOURS, type ChartSvgOptions } from './charts';
