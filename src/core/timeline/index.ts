// Timeline: timestamps in entries, formatting new ones, where they go, and sorting.
export { parseStamp, proseZone, ZONE_OFFSETS, type WrittenStamp } from './stamp';
export { parseTimeline, statedTimeZone, isEarlier, stampText, type TimelineItem, type TimelineTime, type StatedZone } from './parse';
export {
  parseTimeFormat,
  resolveTimeZone,
  formatTimestamp,
  DEFAULT_TIME_FORMAT,
  DEFAULT_TIME_ZONE,
  FORMAT_TOKENS,
  type FormatPart,
  type FormatToken,
  type Checked,
} from './format';
export { timelineEntryInsert, entryStyle, type EntryInsert, type EntryInsertOptions } from './insert';
export { timelineSortEdit, timelineSortEdits, outOfOrder, type TimelineSortEdit } from './sort';
