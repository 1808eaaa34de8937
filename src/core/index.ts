// Public surface of the pure core, shared by the extension, the web extension and the CLI.
export * from './catalogue';
export * from './config';
export * from './findings';
export * from './text';
export { analyze, IncrementalAnalyzer, runRules, type Analysis, type AnalyzeOptions } from './analyze';
export { buildModel, sectionsFor, ChunkCache, type PostmortemModel, type Heading, type Section, type Entry } from './model';
export { SectionMatcher, normaliseWords, type ExtraAliases } from './match';
export { postmortemReason, globPath, type PostmortemReason } from './classify';
export type { FrontMatter } from './frontmatter';
export { sectionInserts, sectionInsertLine, sectionHeadingStyle, sectionBlock, applyInserts, type TextInsert, type HeadingStyle } from './edits';
export { escapeSnippet } from './snippets';
export * from './template';
export { isIsoDateTime } from './rules/frontmatter-schema';
export * from './timeline';
export { parseTeamConfig, mergeConfigInputs, settingsConfigInput, effectiveConfig, TEAM_CONFIG_FILE, type TeamConfig, type TeamConfigProblem, type ConfigInput } from './team-config';
export { documentStatus, autoSeverity, type DocumentStatus } from './analyze';
export { analyseSafely, CHECK_FAILED, describeError, errorDetails, failedAnalysis, ISSUES_URL } from './failure';
export { actionItemsCsv, csvField, exportedActionItems, spreadsheetSafe, type ExportContext } from './export';
