// blameless-language: finger-pointing phrases. Allowed inside quotes and code (someone is being quoted).
import { eachProseChunk, withoutQuotesAndCode, type ProseLine } from '../model/prose';
import { asciiFirst, hasNonAscii, range } from '../model/text';
import type { Rule } from './types';

const SUGGESTIONS: Record<string, string> = {
  'human error': 'describe the conditions that made the mistake easy, e.g. "the deploy tool accepted an unreviewed config"',
  'should have known': 'say what information was missing at the time, e.g. "the runbook did not mention…"',
  'should have caught': 'say which check did not catch it, e.g. "the canary did not cover this path"',
  'who broke': 'say what changed, e.g. "the change that caused…"',
};
const DEFAULT_SUGGESTION = 'describe what the system allowed and what was missing, not who did it, e.g. "the alert did not fire because…"';

/** The phrase as a pattern: literal, any apostrophe, any run of spaces. Every match of compile(phrase) contains one. */
function core(phrase: string): string {
  return phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/\s+/g, '\\s+');
}

/** Phrases that do not start with a letter or digit ("'s fault") take the word they are attached to. */
const attached = (phrase: string): boolean => !/^[\p{L}\p{N}]/u.test(phrase.trim());

/**
 * The phrase with its word boundaries. An attached phrase is matched without its word here, and the word is added by
 * wordBefore: a pattern that starts with [\p{L}\p{N}_-]* tries every letter of a long word as a start, reading the
 * rest of the word each time (quadratic).
 */
function compile(phrase: string): RegExp {
  const escaped = core(phrase);
  const start = attached(phrase) ? '' : '(?<![\\p{L}\\p{N}])';
  const end = /[\p{L}\p{N}]$/u.test(phrase.trim()) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${start}${escaped}${end}`, 'giu');
}

const WORD_CHAR = /[\p{L}\p{N}_-]/u;

/** Where the run of word characters (letters, digits, "_", "-") that ends at `at` starts, not before `floor`. */
function wordBefore(text: string, at: number, floor: number): number {
  let i = at;
  while (i > floor) {
    const c = text.codePointAt(i - 1)!;
    // A low surrogate: step back over the whole pair.
    const width = i - 2 >= floor && c >= 0xdc00 && c <= 0xdfff && /[\ud800-\udbff]/.test(text[i - 2]!) ? 2 : 1;
    if (!WORD_CHAR.test(text.slice(i - width, i))) break;
    i -= width;
  }
  return i;
}

/** The value for `key`, made on first need: most documents never match a phrase, so they never pay for these. */
function once<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

/** Each phrase's pattern with its word boundaries (Unicode classes: about 0.5 ms each to compile). */
const exact = new Map<string, RegExp>();
/** Each phrase's core pattern: every match of compile(phrase) is also a match of these, and they compile fast. */
const gates = new Map<string, RegExp>();
/** One case-insensitive test per line for all phrases at once: lines that fail it cannot match any phrase. */
const prefilters = new Map<string, (text: string) => boolean>();

function prefilterFor(phrases: readonly string[]): (text: string) => boolean {
  return once(prefilters, phrases.join('\u0000'), () => {
    const source = phrases.map(core).join('|');
    // With ASCII phrases and ASCII text, case-insensitive matching is the same with or without the u flag (only
    // non-ASCII characters such as the Kelvin sign fold onto ASCII letters), and without it the pattern compiles
    // in half the time.
    if (!hasNonAscii(phrases.join(''))) return asciiFirst(new RegExp(source, 'i'), () => new RegExp(source, 'iu'));
    const unicode = new RegExp(source, 'iu');
    return (text: string) => unicode.test(text);
  });
}

interface Hit {
  /** Chunk-relative line. */
  readonly line: number;
  readonly start: number;
  readonly text: string;
  readonly phrase: string;
}

/** The phrases' matches in one chunk's prose lines. */
const NO_HITS: readonly Hit[] = [];

function hits(lines: readonly ProseLine[], phrases: readonly string[], prefilter: (text: string) => boolean): readonly Hit[] {
  let out: Hit[] | undefined; // made at the first hit: most chunks have none
  for (let k = 0; k < lines.length; k++) {
    const { line, text } = lines[k]!;
    if (!prefilter(text)) continue;
    const visible = withoutQuotesAndCode(text);
    if (visible.trim() === '') continue;
    for (const phrase of phrases) {
      // The phrase itself first, so a line that matches one phrase does not compile the exact patterns of all.
      if (!once(gates, phrase, () => new RegExp(core(phrase), 'iu')).test(visible)) continue;
      const re = once(exact, phrase, () => compile(phrase));
      const withWord = attached(phrase);
      re.lastIndex = 0;
      let floor = 0;
      for (let m = re.exec(visible); m; m = re.exec(visible)) {
        const start = withWord ? wordBefore(visible, m.index, floor) : m.index;
        floor = m.index + m[0].length;
        (out ??= []).push({ line, start, text: visible.slice(start, floor), phrase });
        if (m[0].length === 0) re.lastIndex++;
      }
    }
  }
  return out ?? NO_HITS;
}

/** The key of the phrases' results kept with each chunk: the same string object while the phrases are the same. */
let lastKey = '';
function chunkKey(phrases: readonly string[]): string {
  const key = `blameless\u0000${phrases.join('\u0000')}`;
  if (key !== lastKey) lastKey = key;
  return lastKey;
}

export const blamelessLanguage: Rule = {
  code: 'blameless-language',
  defaultLevel: 'auto',
  strictWhenFinal: true,
  description: 'A phrase points a finger at a person.',
  docs: 'blameless-language',
  run({ model, config, report }) {
    const phrases = config.blamelessPhrases.filter((p) => p.trim() !== '');
    if (phrases.length === 0) return;
    const prefilter = prefilterFor(phrases);
    // Line-local, so each chunk's hits are kept with the chunk: an edit re-reads only the chunks it touched.
    eachProseChunk(model, chunkKey(phrases), (lines) => hits(lines, phrases, prefilter), (base, hit) => {
      const suggestion = SUGGESTIONS[hit.phrase.toLowerCase()] ?? DEFAULT_SUGGESTION;
      const line = base + hit.line;
      report({
        message: `"${hit.text}" points a finger. Post-mortems are blameless: people acted sensibly with what they knew, so ${suggestion}.`,
        range: range(line, hit.start, line, hit.start + hit.text.length),
        data: { phrase: hit.phrase },
      });
    });
  },
};
