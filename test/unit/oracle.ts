// Shared checks of the fast reader and the scan against their references (remark, a whole scan), for the table-driven
// and random tests of each family of chunks.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { fastParse } from '../../src/core/model/parse';
import { remarkParseChunk } from '../../src/core/model/remark';
import { rescanChunks, scanChunks, type ChunkSpan } from '../../src/core/model/scan';
import { spliceLines, splitLines } from '../../src/core/model/text';

/**
 * Reads each chunk with the fast reader and, where it takes the chunk, asserts that remark reads the same. Returns
 * how many it took: a caller asserts enough were, so that the comparison compares something.
 */
export function fastAgreesWithRemark(chunks: Iterable<string>): { fast: number; total: number } {
  let fast = 0;
  let total = 0;
  for (const chunk of chunks) {
    total++;
    const ours = fastParse(chunk, false);
    if (!ours) continue;
    fast++;
    assert.deepEqual(ours, remarkParseChunk(chunk, false), `chunk ${JSON.stringify(chunk)}`);
  }
  return { fast, total };
}

/**
 * `edits` random edits of a document's lines (a line removed, or one of `line` put before, after or in place of
 * one), each asserting that rescanning after it finds the chunks a whole scan of the edited text finds.
 */
export function rescansAsWholeScan(lines: readonly string[], spans: readonly ChunkSpan[], r: () => number, line: (r: () => number) => string, edits: number): void {
  const split = splitLines(lines.join('\n'));
  for (let e = 0; e < edits; e++) {
    const l = Math.floor(r() * (lines.length + 1));
    const edit = r() < 0.25 ? undefined : line(r);
    const next = [...lines.slice(0, l), ...(edit === undefined ? [] : [edit]), ...lines.slice(edit === undefined ? l + 1 : r() < 0.5 ? l : l + 1)].join('\n');
    const splice = spliceLines(split, next);
    if (!splice) continue;
    assert.deepEqual(rescanChunks(splice.split.lines, { lines: split.lines, spans }, splice), scanChunks(splice.split.lines), JSON.stringify(next));
  }
}

/** One of `pool`, drawn with `r`. */
export const pick = <T>(pool: readonly T[], r: () => number): T => pool[Math.floor(r() * pool.length)]!;

/**
 * `count` chunks of the lines `lines(r)` draws, each joined by LF, or CRLF one time in ten: the random half of a
 * family's oracle test.
 */
export function randomChunks(count: number, r: () => number, lines: (r: () => number) => readonly string[]): string[] {
  return Array.from({ length: count }, () => lines(r).join(r() < 0.1 ? '\r\n' : '\n'));
}

/** The chunks the scan cuts from a document of `length` lines, each one of `kinds` at random (the `--mix` bench's). */
export function mixtureChunks(kinds: readonly string[], length: number, r: () => number): string[] {
  const lines = Array.from({ length }, () => pick(kinds, r));
  return scanChunks(lines).map((span) => lines.slice(span.start, span.end).join('\n'));
}

/**
 * Asserts that the document's chunks, each read alone, hold the items and code lines one remark parse of the whole
 * text finds: where the scan cuts, nothing above goes on into the chunk below.
 */
export function chunksReadAsWhole(body: string): void {
  // (After a blank line: a first line of "---" would start front matter, which only the model reads.)
  const text = `\n${body}`;
  const model = analyze(text, { force: true }).model;
  const whole = remarkParseChunk(text, false);
  const items = model.chunks.flatMap(({ span, data }) => data.items.map((i) => [span.start + i.line, span.start + i.endLine]));
  assert.deepEqual(items, whole.items.map((i) => [i.line, i.endLine]), JSON.stringify(text));
  assert.deepEqual([...model.codeLines].sort((a, b) => a - b), whole.codeLines, JSON.stringify(text));
}

/**
 * Asserts that the fast reader takes every chunk the scan cuts from documents of each mixture's kinds of line (the
 * `--mix` bench's), but the last when `lastToRemark` (its reading may depend on the next chunk); returns how many
 * chunks there were.
 */
export function mixturesReadFast(mixtures: ReadonlyArray<readonly string[]>, r: () => number, lastToRemark = false): number {
  let count = 0;
  for (const kinds of mixtures) {
    const chunks = mixtureChunks(kinds, 4000, r);
    for (const chunk of lastToRemark ? chunks.slice(0, -1) : chunks) assert.ok(fastParse(chunk, false), `fast path for ${JSON.stringify(chunk.slice(0, 200))} (of ${JSON.stringify(kinds)})`);
    assert.ok(chunks.length > 0);
    count += chunks.length;
  }
  return count;
}

/**
 * The document's headings (lines, depth and text) as the model reads them, against one remark parse of the whole
 * document (a line ending first, as after front matter). Returns how many headings remark read.
 */
export function headingsReadAsWhole(body: string): number {
  const text = `\n${body}`;
  const model = analyze(text, { force: true }).model;
  const whole = remarkParseChunk(text, false);
  assert.deepEqual(
    model.headings.filter((h) => h.kind !== 'label').map((h) => [h.range.start.line, h.range.end.line, h.level, h.text]),
    whole.headings.map((h) => [h.line, h.endLine, h.depth, h.text]),
    JSON.stringify(text),
  );
  return whole.headings.length;
}

/**
 * A random document: two to `maxKinds` + 1 kinds of line drawn from `pool`, then 1 to `maxLines` lines of them in a
 * random order.
 */
export function randomDocument(r: () => number, pool: readonly string[], maxLines: number, maxKinds = 5): string {
  const kinds = Array.from({ length: 2 + Math.floor(r() * maxKinds) }, () => pool[Math.floor(r() * pool.length)]!);
  return Array.from({ length: 1 + Math.floor(r() * maxLines) }, () => kinds[Math.floor(r() * kinds.length)]!).join('\n');
}
