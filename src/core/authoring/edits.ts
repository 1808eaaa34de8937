// Text edits computed from the model, as plain data: adapters apply them as one undo step.
import { canonicalIndex, sectionSpec, type SectionId } from '../model/catalogue';
import type { Heading, PostmortemModel, Section } from '../model/model';
import { openConstructAtEnd, type OpenConstruct } from '../model/remark';
import { splitLines, type Position, type Range } from '../model/text';

export interface TextInsert {
  readonly position: Position;
  readonly text: string;
  /** Set when the insert first closes a code block or HTML block left open at the end: says so, for the message. */
  readonly note?: string;
}

/**
 * The code block or HTML block (comment, `<pre>`…) the document ends inside, if any: text added at the end would
 * land in it. Only the last chunk can be open, so only it is parsed again, and only when it is open.
 */
export function openTail(model: PostmortemModel): OpenConstruct | undefined {
  const last = model.chunks[model.chunks.length - 1];
  if (!last?.data.openAtEnd) return undefined;
  const { start, end, frontMatter } = last.span;
  const open = openConstructAtEnd(model.lines.slice(start, end).join('\n'), frontMatter);
  return open && { ...open, line: start + open.line };
}

/**
 * The text to insert at `position`, safe after a lone CR line ending: text that starts with LF there would join the
 * CR into one CRLF and remove a line break, so it starts with a CR instead.
 */
export function afterLoneCr(model: PostmortemModel, position: Position, text: string): string {
  return position.character === 0 && position.line > 0 && text.startsWith('\n') && model.lineEnding(position.line - 1) === '\r' ? `\r${text.slice(1)}` : text;
}

/** "closes the code block left open on line 12": the note for an insert that closes `open` first. */
export function closingNote(open: OpenConstruct): string {
  return `closes the ${open.kind === 'code' ? 'code block' : 'HTML block'} left open on line ${open.line + 1}`;
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
 * the first present section that comes after it, or else at the end of the document; then moved down to the first
 * place where a new heading adopts nothing (see insertPlace). Returns the line before which the section is inserted
 * (model.lines.length means the end).
 */
export function sectionInsertLine(model: PostmortemModel, id: SectionId, level = sectionHeadingStyle(model).level): number {
  return insertPlace(model, canonicalInsertLine(model, id), level).line;
}

/**
 * The first place at or after `line` where a new heading changes the role of nothing already there, and the level it
 * takes there (`level`, the document's, unless a section serving a role is open around that place: then the level
 * that makes it that section's sibling, not its sub-section, which would change the roles of both). The place is
 * below the title and before a real heading at the new heading's level or above, so the new section holds only
 * what is inserted: never the text, sub-headings or bold labels that follow. Sections recognised from bold or plain
 * lines ("**Impact**:") are no headings in Markdown: a heading inserted before one would take it and what follows as
 * its own content, and the labels would no longer serve their roles. The end of the document is always such a place.
 */
function insertPlace(model: PostmortemModel, line: number, level: number): { line: number; level: number } {
  const title = model.title;
  const from = title ? Math.max(line, title.range.end.line + 1) : line;
  const open: Heading[] = [];
  // The level a heading inserted before the next heading (or at the end) takes: no open section serving a role above it.
  const levelHere = (): number => {
    let l = level;
    for (const o of open) if (!o.isTitle && o.roles.length > 0) l = Math.min(l, o.level);
    return l;
  };
  for (const h of model.headings) {
    if (h.range.start.line >= from) {
      const l = levelHere();
      if (h.level <= l) return { line: h.range.start.line, level: l };
    }
    while (open.length > 0 && open[open.length - 1]!.level >= h.level) open.pop();
    open.push(h);
  }
  return { line: model.lines.length, level: levelHere() };
}

function canonicalInsertLine(model: PostmortemModel, id: SectionId): number {
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
  // The level depends only on the place: the same for every section inserted there.
  const levels = new Map<number, number>();
  for (const id of [...new Set(ids)].sort((a, b) => canonicalIndex(a) - canonicalIndex(b))) {
    const { line, level } = insertPlace(model, canonicalInsertLine(model, id), style.level);
    byLine.set(line, [...(byLine.get(line) ?? []), id]);
    levels.set(line, level);
  }
  const inserts: TextInsert[] = [];
  const lines = model.lines;
  for (const [line, group] of [...byLine].sort((a, b) => a[0] - b[0])) {
    const level = levels.get(line) ?? style.level;
    const here = level === style.level ? style : { level, setext: style.setext && level <= 2 };
    const blocks = group.map((id) => sectionBlock(id, here, eol, bodies[id])).join(`${eol}${eol}`);
    if (line >= lines.length) {
      // At the end: after the last line, separated by one blank line, ending with a line break.
      const last = lines[lines.length - 1] ?? '';
      const position = { line: lines.length - 1, character: last.length };
      const open = openTail(model);
      if (open) {
        // The document ends inside a code block or HTML block: close it first, or the sections would land in it
        // (never recognised, so every fix-all would add them again). The text before renders as it did.
        const close = open.closer ? `${last === '' ? '' : eol}${open.closer}${eol}${eol}` : `${last.trim() === '' ? '' : eol}${eol}`;
        inserts.push({ position, text: afterLoneCr(model, position, `${close}${blocks}${eol}`), note: closingNote(open) });
        continue;
      }
      const lead = last.trim() === '' ? (lines.length >= 2 && (lines[lines.length - 2] ?? '').trim() !== '' ? eol : '') : `${eol}${eol}`;
      inserts.push({ position, text: afterLoneCr(model, position, `${lead}${blocks}${eol}`) });
    } else {
      // Before a line: a blank line must precede the block, and the block ends with a blank line.
      const prev = line > 0 ? (lines[line - 1] ?? '') : '';
      const lead = line > 0 && prev.trim() !== '' ? eol : '';
      const position = { line, character: 0 };
      inserts.push({ position, text: afterLoneCr(model, position, `${lead}${blocks}${eol}${eol}`) });
    }
  }
  return inserts;
}

/** A replacement of a range (an insert when the range is empty), in lines and UTF-16 columns. */
export interface TextReplace {
  readonly range: Range;
  readonly text: string;
}

/**
 * Applies non-overlapping edits to the text itself, as an editor does: every byte outside the edited ranges, line
 * endings and a byte-order mark included, stays as it was.
 */
export function applyTextEdits(text: string, edits: ReadonlyArray<TextInsert | TextReplace>): string {
  const { offsets, hasBom } = splitLines(text);
  const bom = hasBom ? 1 : 0;
  const offsetOf = (p: Position): number => bom + Math.min((offsets[p.line] ?? text.length - bom) + p.character, text.length - bom);
  const spans = edits
    .map((e) => ('range' in e ? { from: offsetOf(e.range.start), to: offsetOf(e.range.end), text: e.text } : { from: offsetOf(e.position), to: offsetOf(e.position), text: e.text }))
    .sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  for (const span of spans) out = out.slice(0, span.from) + span.text + out.slice(span.to);
  return out;
}

/** Applies inserts to the model's text (for tests and the CLI): each line keeps its own line ending. */
export function applyInserts(model: PostmortemModel, inserts: readonly TextInsert[]): string {
  const text = (model.hasBom ? '\uFEFF' : '') + model.lines.map((l, i) => l + model.lineEnding(i)).join('');
  return applyTextEdits(text, inserts);
}
