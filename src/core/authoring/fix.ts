// `postmortem fix`: the fixes the editor offers, applied to a whole file. Missing sections go in at their canonical
// places (the editor's source.fixAll) and out-of-order timeline blocks are sorted (its quick fix). Edits are applied by
// offset to the original text, so line endings and everything outside the edits stay as they were. A second run
// changes nothing.
import { IncrementalAnalyzer, type AnalyzeOptions } from '../analyze';
import { isSectionId, type SectionId } from '../model/catalogue';
import { sectionInserts } from './edits';
import { splitLines, type Position } from '../model/text';
import { timelineSortEdits, type TimelineSortEdit } from '../timeline';
import { TOO_LARGE } from '../size-limit';

export interface FixResult {
  readonly text: string;
  /** What was done, for a summary: "sorted the timeline", "added section Impact"… */
  readonly applied: readonly string[];
  /** Why the text was not read, when it was not (a post-mortem too large to check): nothing was fixed. */
  readonly unchecked?: string;
}

function offsetOf(split: Pick<ReturnType<typeof splitLines>, 'offsets' | 'hasBom'>, p: Position): number {
  const { offsets, hasBom } = split;
  const start = offsets[Math.min(p.line, offsets.length - 1)] ?? 0;
  return (hasBom ? 1 : 0) + start + p.character;
}

/** How many times fixAll sorts the timeline blocks out of order and reads the text again, at most. */
const MAX_SORT_ROUNDS = 8;

/** The fixed text (equal to `text` when there is nothing to fix, or the file is not a post-mortem). */
export function fixAll(text: string, options: AnalyzeOptions = {}): FixResult {
  let current = text;
  const applied: string[] = [];
  // Timeline blocks: every block out of order in one round, from one analysis, then the text is read again (an edit
  // each, read again from scratch after each, was quadratic: 800 blocks out of order, 54 KB, 12.9 s). A block whose
  // entries take their day from the block above may read otherwise once that block is sorted: the next round sorts
  // it again. Rounds are bounded, so a block that cannot be sorted cannot loop.
  const analyzer = new IncrementalAnalyzer();
  let analysis = analyzer.analyze(current, options);
  const tooLarge = analysis.findings.find((f) => f.code === TOO_LARGE);
  if (tooLarge) return { text, applied, unchecked: tooLarge.message };
  if (!analysis.isPostmortem) return { text, applied };
  for (let round = 0; round < MAX_SORT_ROUNDS; round++) {
    const lines = analysis.findings.filter((f) => f.code === 'timeline-order').map((f) => f.range.start.line);
    if (lines.length === 0) break;
    const edits = [...new Set(timelineSortEdits(analysis.model, lines).values())].filter((e): e is TimelineSortEdit => e !== undefined);
    if (edits.length === 0) break;
    // Blocks do not overlap: the text is rebuilt once, in order, from the pieces between them.
    const split = splitLines(current);
    const spans = edits.map((edit) => ({ edit, start: offsetOf(split, edit.range.start), end: offsetOf(split, edit.range.end) })).sort((a, b) => a.start - b.start);
    const parts: string[] = [];
    let at = 0;
    for (const { edit, start, end } of spans) {
      if (start < at) continue; // (never: blocks are apart)
      parts.push(current.slice(at, start), edit.text);
      at = end;
      applied.push(`sorted the timeline at line ${edit.range.start.line + 1}`);
    }
    parts.push(current.slice(at));
    current = parts.join('');
    analysis = analyzer.analyze(current, options);
  }
  const missing = analysis.findings
    .filter((f) => f.code === 'missing-section')
    .map((f) => f.data['section'])
    .filter((id): id is SectionId => isSectionId(id));
  if (missing.length > 0) {
    const split = splitLines(current);
    const inserts = sectionInserts(analysis.model, missing).map((ins) => ({ offset: offsetOf(split, ins.position), text: ins.text }));
    for (const ins of inserts.sort((a, b) => b.offset - a.offset)) current = current.slice(0, ins.offset) + ins.text + current.slice(ins.offset);
    applied.push(`added ${missing.length} missing section${missing.length === 1 ? '' : 's'}`);
  }
  return { text: current, applied };
}
