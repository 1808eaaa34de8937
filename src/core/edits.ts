// Text edits computed from the model, as plain data: adapters apply them as one undo step.
import { canonicalIndex, sectionSpec, type SectionId } from './catalogue';
import type { PostmortemModel, Section } from './model';
import type { Position } from './text';

export interface TextInsert {
  readonly position: Position;
  readonly text: string;
}

export interface HeadingStyle {
  readonly level: number;
  readonly setext: boolean;
}

/** The level and style the document uses for its sections (the most common among recognised sections). */
export function sectionHeadingStyle(model: PostmortemModel): HeadingStyle {
  const counts = new Map<number, number>();
  let setext = 0;
  let atx = 0;
  for (const s of model.sections) {
    if (s.roles.length === 0) continue;
    counts.set(s.heading.level, (counts.get(s.heading.level) ?? 0) + 1);
    if (s.heading.kind === 'setext') setext++;
    else atx++;
  }
  let level = model.title ? Math.min(model.title.level + 1, 6) : 2;
  let best = 0;
  for (const [l, n] of counts) if (n > best || (n === best && l < level)) [level, best] = [l, n];
  return { level, setext: setext > atx && level <= 2 };
}

/** A section's heading and a guidance comment, in the document's style, without surrounding blank lines. */
export function sectionBlock(id: SectionId, style: HeadingStyle, eol: string, body?: string): string {
  const spec = sectionSpec(id);
  const heading = style.setext ? `${spec.title}${eol}${(style.level === 1 ? '=' : '-').repeat(spec.title.length)}` : `${'#'.repeat(style.level)} ${spec.title}`;
  return `${heading}${eol}${eol}${body ?? `<!-- ${spec.guidance} -->`}`;
}

/** The end of a section including its subsections: the last line before the next heading at its level or above. */
function sectionEnd(section: Section): number {
  return section.contentRange.end.line;
}

/**
 * Where a missing section goes: after the last present section that comes before it in the catalogue, or else before
 * the first present section that comes after it, or else at the end of the document. Returns the line before which
 * the section is inserted (model.lines.length means the end).
 */
export function sectionInsertLine(model: PostmortemModel, id: SectionId): number {
  const index = canonicalIndex(id);
  let after: Section | undefined;
  let before: Section | undefined;
  for (const s of model.sections) {
    if (s.roles.length === 0) continue;
    const idx = Math.max(...s.roles.map(canonicalIndex));
    const minIdx = Math.min(...s.roles.map(canonicalIndex));
    if (idx < index && (!after || sectionEnd(s) >= sectionEnd(after))) after = s;
    if (minIdx > index && (!before || s.heading.range.start.line < before.heading.range.start.line)) before = s;
  }
  if (after) return sectionEnd(after) + 1;
  if (before) return before.heading.range.start.line;
  return model.lines.length;
}

/**
 * One insert per position that adds the given sections at their canonical places, each with a blank line before and
 * after. Sections going to the same place come in catalogue order. Touches nothing outside the inserted text.
 */
export function sectionInserts(model: PostmortemModel, ids: readonly SectionId[], bodies: Partial<Record<SectionId, string>> = {}): TextInsert[] {
  const eol = model.eol;
  const style = sectionHeadingStyle(model);
  const byLine = new Map<number, SectionId[]>();
  for (const id of [...new Set(ids)].sort((a, b) => canonicalIndex(a) - canonicalIndex(b))) {
    const line = sectionInsertLine(model, id);
    byLine.set(line, [...(byLine.get(line) ?? []), id]);
  }
  const inserts: TextInsert[] = [];
  const lines = model.lines;
  for (const [line, group] of [...byLine].sort((a, b) => a[0] - b[0])) {
    const blocks = group.map((id) => sectionBlock(id, style, eol, bodies[id])).join(`${eol}${eol}`);
    if (line >= lines.length) {
      // At the end: after the last line, separated by one blank line, ending with a line break.
      const last = lines[lines.length - 1] ?? '';
      const position = { line: lines.length - 1, character: last.length };
      const lead = last.trim() === '' ? (lines.length >= 2 && (lines[lines.length - 2] ?? '').trim() !== '' ? eol : '') : `${eol}${eol}`;
      inserts.push({ position, text: `${lead}${blocks}${eol}` });
    } else {
      // Before a line: a blank line must precede the block, and the block ends with a blank line.
      const prev = line > 0 ? (lines[line - 1] ?? '') : '';
      const lead = line > 0 && prev.trim() !== '' ? eol : '';
      inserts.push({ position: { line, character: 0 }, text: `${lead}${blocks}${eol}${eol}` });
    }
  }
  return inserts;
}

/** Applies inserts to text split in lines (for tests and the CLI). */
export function applyInserts(model: PostmortemModel, inserts: readonly TextInsert[]): string {
  const eol = model.eol;
  const lines = [...model.lines];
  const sorted = [...inserts].sort((a, b) => b.position.line - a.position.line || b.position.character - a.position.character);
  for (const ins of sorted) {
    const l = lines[ins.position.line] ?? '';
    lines[ins.position.line] = l.slice(0, ins.position.character) + ins.text + l.slice(ins.position.character);
  }
  return (model.hasBom ? '\uFEFF' : '') + lines.join(eol);
}
