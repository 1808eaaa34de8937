// Sorting a timeline block chronologically: a stable sort that moves each entry with its sub-bullets unchanged and
// keeps the blank lines between entries where they were. One replacement of the block's lines, nothing else; each
// line keeps its own line ending.
import type { PostmortemModel } from '../model/model';
import { range, type Range } from '../model/text';
import { isEarlier, parseTimeline, type TimelineItem } from './parse';

export interface TimelineSortEdit {
  readonly range: Range;
  readonly text: string;
}

/** Blocks (one list or table each) that have an entry earlier than the one before it, by first line. */
export function outOfOrder(model: PostmortemModel): Array<{ item: TimelineItem; previous: TimelineItem }> {
  const out: Array<{ item: TimelineItem; previous: TimelineItem }> = [];
  let previous: TimelineItem | undefined;
  const items = parseTimeline(model);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (!item.time) continue;
    if (previous && isEarlier(item.time, previous.time!)) out.push({ item, previous });
    previous = item;
  }
  return out;
}

/**
 * The edit that sorts the block holding the entry on `line` (or the first block that is out of order), or undefined
 * when that block is already in order.
 */
export function timelineSortEdit(model: PostmortemModel, line?: number): TimelineSortEdit | undefined {
  const items = parseTimeline(model);
  const target =
    line === undefined
      ? outOfOrder(model)[0]?.item
      : items.find((i) => i.entry.range.start.line <= line && i.entry.range.end.line >= line) ?? outOfOrder(model)[0]?.item;
  if (!target) return undefined;
  return blockSortEdit(model, items.filter((i) => i.block === target.block));
}

/**
 * The edits that sort the blocks holding the entries on `lines`, one per block however many of its lines are given
 * (a quick fix asked for every timeline-order diagnostic of a long block sorted that block once per diagnostic: 4,000
 * reversed entries took 2 s). Each line maps to its block's edit, or to undefined when that block is in order; a line
 * in no entry maps to what timelineSortEdit gives for it.
 */
export function timelineSortEdits(model: PostmortemModel, lines: readonly number[]): Map<number, TimelineSortEdit | undefined> {
  const items = parseTimeline(model);
  const blocks = new Map<number, TimelineItem[]>();
  for (const item of items) {
    const list = blocks.get(item.block);
    if (list) list.push(item);
    else blocks.set(item.block, [item]);
  }
  // Items are in document order and do not overlap: the one holding a line is found by binary search.
  const itemAt = (line: number): TimelineItem | undefined => {
    let lo = 0;
    let hi = items.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = items[mid]!.entry.range;
      if (r.end.line < line) lo = mid + 1;
      else if (r.start.line > line) hi = mid - 1;
      else return items[mid];
    }
    return undefined;
  };
  const byBlock = new Map<number, TimelineSortEdit | undefined>();
  let fallback: { edit: TimelineSortEdit | undefined } | undefined;
  const out = new Map<number, TimelineSortEdit | undefined>();
  for (const line of lines) {
    if (out.has(line)) continue;
    const item = itemAt(line);
    if (!item) {
      fallback ??= { edit: timelineSortEdit(model, line) };
      out.set(line, fallback.edit);
      continue;
    }
    if (!byBlock.has(item.block)) byBlock.set(item.block, blockSortEdit(model, blocks.get(item.block)!));
    out.set(line, byBlock.get(item.block));
  }
  return out;
}

/** The edit that sorts one block's entries (in document order), or undefined when they are in order. */
function blockSortEdit(model: PostmortemModel, block: readonly TimelineItem[]): TimelineSortEdit | undefined {
  // Sort keys: [day, instant]. A date-only entry sorts first in its day; an entry with no time (or a date-only one on
  // the same day as the entry before it) keeps the key of the entry before it, so it stays right after it.
  const keys: Array<[number, number]> = [];
  let prev: [number, number] = [-Infinity, -Infinity];
  for (const item of block) {
    const t = item.time;
    let key: [number, number];
    if (!t) key = prev;
    else if (t.hasTime) key = [t.dayMs, t.epochMs];
    else key = t.dayMs === prev[0] ? prev : [t.dayMs, -Infinity];
    keys.push(key);
    prev = key;
  }
  const order = block.map((_, i) => i).sort((a, b) => keys[a]![0] - keys[b]![0] || keys[a]![1] - keys[b]![1] || a - b);
  if (order.every((v, i) => v === i)) return undefined;

  // The block's lines in their new order: each entry with its lines, the blank lines between entries where they were.
  const first = block[0]!.entry.range.start.line;
  const last = block[block.length - 1]!.entry.range.end.line;
  const sequence: number[] = [];
  const linesOf = (from: number, to: number) => {
    for (let l = from; l <= to; l++) sequence.push(l);
  };
  order.forEach((from, i) => {
    // The gap (blank lines) that followed position i-1 in the original stays at position i-1.
    if (i > 0) linesOf(block[i - 1]!.entry.range.end.line + 1, block[i]!.entry.range.start.line - 1);
    linesOf(block[from]!.entry.range.start.line, block[from]!.entry.range.end.line);
  });
  // Every line keeps its own line ending. The ending after the block's last line lies outside the edit: the line
  // that ends up last gives its ending to the line that was last.
  const end = sequence[sequence.length - 1]!;
  const endingOf = (l: number): string => (l === last ? model.lineEnding(end) : model.lineEnding(l)) || model.eol;
  let text = '';
  let previous = '';
  sequence.forEach((l, i) => {
    const line = model.lines[l]!;
    if (i === sequence.length - 1) {
      text += line;
      return;
    }
    let ending = endingOf(l);
    // A blank line's LF right after a lone CR would join it into one CRLF: it takes a CR too.
    if (line === '' && previous === '\r' && ending === '\n') ending = '\r';
    text += line + ending;
    previous = ending;
  });
  return { range: range(first, 0, last, (model.lines[last] ?? '').length), text };
}
