// Maps heading text to section roles. Matching is on alias phrases within the heading, after normalising
// numbering, case, punctuation, emoji, trailing colons, "&"/"and" and singular/plural.
import { CATALOGUE, type SectionId } from './catalogue';
import { hasNonAscii } from './text';

/** normaliseWords keeps the words of the last few texts this long. */
const LONG_TEXT = 1000;
const LONG_KEPT = 4;
const longWords = new Map<string, string[]>();

/** Lower-case words with numbering, emoji and punctuation removed, "&" spelled "and", each word singularised. */
export function normaliseWords(text: string): string[] {
  // Section matching and duplicate-section both read every heading: a long heading (one edited, so in no cache) is
  // read once per analysis, not once per reader. The words are shared: readers must not change them.
  if (text.length >= LONG_TEXT) {
    let words = longWords.get(text);
    if (!words) {
      if (longWords.size >= LONG_KEPT) longWords.delete(longWords.keys().next().value!);
      longWords.set(text, (words = computeWords(text)));
    }
    return words;
  }
  return computeWords(text);
}

function computeWords(text: string): string[] {
  const ascii = !hasNonAscii(text);
  // ASCII text is its own NFKD form, and its letters and digits are [a-z0-9] (see asciiFirst).
  let t = (ascii ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).toLowerCase();
  // Leading numbering: "1.", "2)", "1.2.", "IV.", "a)".
  t = t.replace(/^\s*(?:(?:\d+[.)])+|\d+\s+-|[ivxlc]+[.)]|[a-z][.)])\s+/u, '');
  t = t.replace(/&/g, ' and ');
  // Contractions keep their meaning as one word: "didn't" -> "didnt".
  t = t.replace(/['\u2019]/g, '');
  // Everything that is not a letter or digit separates words (this drops emoji and punctuation).
  const words = t.split(ascii ? /[^a-z0-9]+/ : /[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  return words.map(singular);
}

const INVARIANT = new Set(['always', 'analysis', 'status', 'process', 'was', 'is', 'its', 'this', 'us', 'has', 'does', 'news', 'series', 'bus', 'ios', 'dns', 'aws']);

function singular(word: string): string {
  if (word.length <= 3 || INVARIANT.has(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses') || word.endsWith('shes') || word.endsWith('ches') || word.endsWith('xes')) {
    return word.slice(0, -2);
  }
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

interface AliasEntry {
  readonly id: SectionId;
  readonly words: readonly string[];
  readonly phrase: string;
  readonly weak: boolean;
  /** A phrase the team configured (`postmortem.sections.aliases`, `.postmortem.json` `aliases`). */
  readonly configured: boolean;
}

/** One alias phrase found in a heading. */
export interface AliasHit {
  readonly id: SectionId;
  readonly weak: boolean;
  readonly configured: boolean;
  /** The alias as written in the catalogue or configuration. */
  readonly phrase: string;
}

export type ExtraAliases = Partial<Record<SectionId, readonly string[]>>;

/** A compiled matcher for the catalogue plus any configured extra aliases. */
export class SectionMatcher {
  private readonly entries: AliasEntry[] = [];
  /** Entries by their first word, in catalogue order: a heading's words are looked up, not compared with every entry. */
  private readonly byFirstWord = new Map<string, AliasEntry[]>();
  private readonly cache = new Map<string, readonly SectionId[]>();
  private readonly hitCache = new Map<string, readonly AliasHit[]>();

  constructor(extraAliases: ExtraAliases = {}) {
    for (const spec of CATALOGUE) {
      const add = (phrase: string, weak: boolean, configured = false) => {
        const words = normaliseWords(phrase);
        if (words.length === 0) return;
        const entry = { id: spec.id, words, weak, configured, phrase };
        this.entries.push(entry);
        const list = this.byFirstWord.get(words[0]!);
        if (list) list.push(entry);
        else this.byFirstWord.set(words[0]!, [entry]);
      };
      add(spec.title, false);
      for (const a of spec.aliases) add(a, false);
      for (const a of spec.weakAliases ?? []) add(a, true);
      for (const a of extraAliases[spec.id] ?? []) add(a, false, true);
    }
  }

  /** The roles a heading serves, in the order they appear in it. Empty when none. */
  match(headingText: string): readonly SectionId[] {
    const cached = this.cache.get(headingText);
    if (cached) return cached;
    const result = this.compute(headingText);
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(headingText, result);
    return result;
  }

  /** The alias phrases found in a heading (after the same rules as match()), with where each came from. */
  hits(headingText: string): readonly AliasHit[] {
    const cached = this.hitCache.get(headingText);
    if (cached) return cached;
    const result = this.computeHits(headingText).map((h) => ({ id: h.id, weak: h.weak, configured: h.entry.configured, phrase: h.entry.phrase }));
    if (this.hitCache.size > 5000) this.hitCache.clear();
    this.hitCache.set(headingText, result);
    return result;
  }

  private compute(headingText: string): readonly SectionId[] {
    const ids: SectionId[] = [];
    for (const h of this.computeHits(headingText)) if (!ids.includes(h.id)) ids.push(h.id);
    return ids;
  }

  private computeHits(headingText: string): Array<{ id: SectionId; start: number; end: number; weak: boolean; entry: AliasEntry }> {
    const words = normaliseWords(headingText);
    if (words.length === 0) return [];
    const hits: Array<{ id: SectionId; start: number; end: number; weak: boolean; entry: AliasEntry }> = [];
    for (let i = 0; i < words.length; i++) {
      for (const entry of this.byFirstWord.get(words[i]!) ?? []) {
        const n = entry.words.length;
        if (i + n > words.length) continue;
        let ok = true;
        for (let k = 1; k < n; k++) {
          if (words[i + k] !== entry.words[k]) {
            ok = false;
            break;
          }
        }
        if (ok) hits.push({ id: entry.id, start: i, end: i + n, weak: entry.weak, entry });
      }
    }
    // A phrase inside a longer matching phrase does not count ("remediation" inside "remediation items"). One sweep
    // in order of start (longest first): a hit lies inside a longer one when an earlier hit with another span
    // reaches as far (comparing every pair was quadratic in a heading of thousands of section names).
    const order = hits.map((_, i) => i).sort((a, b) => hits[a]!.start - hits[b]!.start || hits[b]!.end - hits[a]!.end);
    const inside = new Set<number>();
    let reach = -1;
    for (let g = 0; g < order.length; ) {
      const first = hits[order[g]!]!;
      let e = g;
      while (e < order.length && hits[order[e]!]!.start === first.start && hits[order[e]!]!.end === first.end) e++;
      if (reach >= first.end) for (let k = g; k < e; k++) inside.add(order[k]!);
      reach = Math.max(reach, first.end);
      g = e;
    }
    const kept = hits.filter((_, i) => !inside.has(i));
    const strong = kept.filter((h) => !h.weak);
    const chosen = strong.length > 0 ? strong : kept;
    chosen.sort((a, b) => a.start - b.start);
    return chosen;
  }
}
