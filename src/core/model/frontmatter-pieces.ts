// Front matter cut into pieces (top-level entries), each parsed alone and kept between edits of one document, so an
// edit parses again only the pieces it touched. The cutting rules and the parsing are the caller's (frontmatter.ts).
import { commonPrefix, commonSuffix } from './text';

/**
 * What a line says to the cutter: NO_CUT (it continues the piece before), CUT (it starts a piece), HEADER (it starts a
 * piece and puts the cutter in state AFTER_HEADER, for TOML tables), AS_HEADER (it continues the piece before and puts
 * the cutter in state AFTER_AS_HEADER) or WHOLE (the text must be parsed whole: undefined).
 */
export const NO_CUT = 0;
export const CUT = 1;
export const HEADER = 2;
export const AS_HEADER = 3;
export const WHOLE = -1;

/** The cutter's states: at the start, after a HEADER line, after an AS_HEADER line (until the next HEADER line). */
export const AT_START = 0;
export const AFTER_HEADER = 1;
export const AFTER_AS_HEADER = 2;

/**
 * Says what the line starting at `s` does. `state`: the cutter's state (AT_START, or what the last HEADER or AS_HEADER
 * line made it). It may read the character before the line, and the line itself up to its first `LOOK` characters
 * or, when they are all blank, up to its first other character; no more (reuse by position relies on it). An empty
 * line must say NO_CUT (it is not asked). A cutter given to `cut` with a larger
 * `look` may read the line up to its first `look` characters instead (never past the line's end).
 */
export type LineCut = (text: string, s: number, state: number) => number;
const LOOK = 3;
/** Characters compared at a time to find where two texts start to differ. */

export interface Cut<P> {
  /** Where each piece starts: 0, then increasing. */
  readonly starts: readonly number[];
  /** Each piece's parse (undefined when it cannot be read alone); the caller may replace one, for the next cut too. */
  readonly pieces: (P | undefined)[];
  /**
   * When the last text's pieces were reused: which pieces are new (from, to: indexes in `pieces`), the pieces of the
   * last text they replace, and what the caller noted about the last text (see note).
   */
  readonly changed: { readonly from: number; readonly to: number; readonly replaced: readonly (P | undefined)[]; readonly note: unknown } | undefined;
}

interface Last {
  readonly kind: string;
  readonly value: string;
  readonly starts: readonly number[];
  readonly pieces: readonly unknown[];
  /** Per piece: the cutter's state after its last line. */
  readonly state: readonly number[];
  note: unknown;
}

/**
 * The pieces of one document's front matter, kept from its last text. A piece that lies wholly in the text before
 * the edit or wholly after it is taken from the last text by position, without slicing or hashing it (a map by
 * text over 40,000 pieces cost more than the 50 ms an edit may take); the pieces in between are looked up by text
 * among the pieces they replace, and parsed when new.
 */
export class FrontMatterPieces {
  private last: Last | undefined;
  /** Pieces parsed (not reused) by the last call; for tests. */
  parsedLastRun = 0;
  /** Pieces taken by position from the previous text by the last call; for tests. */
  reusedLastRun = 0;
  /** Whether the last read of the YAML front matter parsed the whole text (its pieces could not say); for tests. */
  wholeLastRun = false;

  /**
   * Cuts `value` with `lineCut` and parses each piece (value.slice(start, end)) with `parse`, which must never throw
   * and must depend only on the piece's text. Undefined when a line says WHOLE.
   */
  cut<P>(kind: string, value: string, lineCut: LineCut, parse: (value: string, start: number, end: number) => P | undefined, look = LOOK): Cut<P> | undefined {
    this.parsedLastRun = 0;
    this.reusedLastRun = 0;
    // A last text with no piece (an empty front matter) has nothing to reuse: cut the new text afresh.
    const last = this.last?.kind === kind && this.last.starts.length > 0 ? this.last : undefined;
    this.last = undefined;
    let starts: number[] = [];
    let state: number[] = [];
    let pieces: (P | undefined)[] = [];
    // The pieces of the last text kept before (a of them) and after (from b) the changed text.
    let a = 0;
    let b = last ? last.starts.length : 0;
    let from = 0; // where the new text must be cut again
    let to = value.length;
    if (last) {
      const old = last.value;
      const n = last.starts.length;
      const min = Math.min(old.length, value.length);
      // The common start and end (text.ts: a block at a time, then a character at a time).
      const p = commonPrefix(old, value);
      const q = commonSuffix(old, value, min - p);
      // A piece is kept when its text and the text its cuts read are unchanged.
      while (a < n - 1 && last.starts[a + 1]! + look <= p) a++;
      while (b > a && b > 1 && last.starts[b - 1]! - 1 >= old.length - q) b--;
      // b is now the first kept piece after the change (or n)
      from = last.starts[a]!;
      to = b < n ? last.starts[b]! + value.length - old.length : value.length;
      starts = last.starts.slice(0, a);
      state = last.state.slice(0, a);
      pieces = last.pieces.slice(0, a) as (P | undefined)[];
    }
    let now = a > 0 ? state[a - 1]! : AT_START;
    const middleStart = starts.length;
    for (let s = from; s < to; ) {
      const what = lineCut(value, s, now);
      if (what === WHOLE) return undefined;
      if (s === from || what === CUT || what === HEADER) {
        starts.push(s);
        state.push(now);
      }
      if (what === HEADER) state[state.length - 1] = now = AFTER_HEADER;
      else if (what === AS_HEADER) state[state.length - 1] = now = AFTER_AS_HEADER;
      const nl = value.indexOf('\n', s);
      if (nl === -1) break;
      s = nl + 1;
      // Empty lines continue the piece before (every cutter says NO_CUT): skipped at once (1 MB of them, in one piece,
      // was asked of the cutter line by line at every keystroke).
      while (s < to && value.charCodeAt(s) === 10) s++;
      // The cutter's state must be as it was where the kept pieces start; otherwise cut on to the end.
      if (s === to && last && b < last.starts.length && last.state[b - 1] !== now) {
        b = last.starts.length;
        to = value.length;
      }
    }
    const middleEnd = starts.length;
    // The replaced pieces, by text, for the middle pieces that did not change (an edit that joins or splits pieces).
    let byText: Map<string, unknown> | undefined;
    if (last && b > a) {
      byText = new Map();
      for (let i = a; i < b; i++) byText.set(last.value.slice(last.starts[i], last.starts[i + 1] ?? last.value.length), last.pieces[i]);
    }
    const shift = last ? value.length - last.value.length : 0;
    if (last && b < last.starts.length) {
      for (let i = b; i < last.starts.length; i++) starts.push(last.starts[i]! + shift);
      state = state.concat(last.state.slice(b));
    }
    for (let i = middleStart; i < middleEnd; i++) {
      const start = starts[i]!;
      const end = starts[i + 1] ?? value.length;
      const text = byText && value.slice(start, end);
      if (text !== undefined && byText!.has(text)) pieces.push(byText!.get(text) as P | undefined);
      else {
        pieces.push(parse(value, start, end));
        this.parsedLastRun++;
      }
    }
    if (last && b < last.starts.length) {
      pieces = pieces.concat(last.pieces.slice(b) as (P | undefined)[]);
      this.reusedLastRun = a + last.starts.length - b;
    } else this.reusedLastRun = a;
    this.last = { kind, value, starts, pieces, state, note: undefined };
    const changed = last && { from: middleStart, to: middleEnd, replaced: last.pieces.slice(a, b) as (P | undefined)[], note: last.note };
    return { starts, pieces, changed };
  }

  /** Keeps what the caller found about the text of the last cut, for the next cut (Cut.changed.note). */
  note(note: unknown): void {
    if (this.last) this.last.note = note;
  }
}
