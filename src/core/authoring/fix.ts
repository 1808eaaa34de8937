// `postmortem fix`: the fixes the editor offers, applied to a whole file. Missing sections go in at their canonical
// places (the editor's source.fixAll) and out-of-order timeline blocks are sorted (its quick fix). Edits are applied by
// offset to the original text, so line endings and everything outside the edits stay as they were. A second run
// changes nothing.
import { analyze, type AnalyzeOptions } from '../analyze';
import { isSectionId, type SectionId } from '../model/catalogue';
import { sectionInserts } from './edits';
import { splitLines, type Position } from '../model/text';
import { timelineSortEdit } from '../timeline';

export interface FixResult {
  readonly text: string;
  /** What was done, for a summary: "sorted the timeline", "added section Impact"… */
  readonly applied: readonly string[];
}

function offsetOf(text: string, p: Position): number {
  const { offsets, hasBom } = splitLines(text);
  const start = offsets[Math.min(p.line, offsets.length - 1)] ?? 0;
  return (hasBom ? 1 : 0) + start + p.character;
}

/** The fixed text (equal to `text` when there is nothing to fix, or the file is not a post-mortem). */
export function fixAll(text: string, options: AnalyzeOptions = {}): FixResult {
  let current = text;
  const applied: string[] = [];
  // Timeline blocks, one at a time: each sort may change what the next finding points at. Bounded by the number of
  // timeline-order findings of the first analysis, so a block that cannot be sorted cannot loop.
  let analysis = analyze(current, options);
  if (!analysis.isPostmortem) return { text, applied };
  let budget = analysis.findings.filter((f) => f.code === 'timeline-order').length;
  while (budget-- > 0) {
    const finding = analysis.findings.find((f) => f.code === 'timeline-order');
    if (!finding) break;
    const edit = timelineSortEdit(analysis.model, finding.range.start.line);
    if (!edit) break;
    const start = offsetOf(current, edit.range.start);
    const end = offsetOf(current, edit.range.end);
    current = current.slice(0, start) + edit.text + current.slice(end);
    applied.push(`sorted the timeline at line ${edit.range.start.line + 1}`);
    analysis = analyze(current, options);
  }
  const missing = analysis.findings
    .filter((f) => f.code === 'missing-section')
    .map((f) => f.data['section'])
    .filter((id): id is SectionId => isSectionId(id));
  if (missing.length > 0) {
    const inserts = sectionInserts(analysis.model, missing).map((ins) => ({ offset: offsetOf(current, ins.position), text: ins.text }));
    for (const ins of inserts.sort((a, b) => b.offset - a.offset)) current = current.slice(0, ins.offset) + ins.text + current.slice(ins.offset);
    applied.push(`added ${missing.length} missing section${missing.length === 1 ? '' : 's'}`);
  }
  return { text: current, applied };
}
