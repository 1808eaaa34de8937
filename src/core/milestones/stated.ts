// Durations stated in prose: "for 40 minutes", "took about 2 hours", "a 3h outage", "lasted 1 hour and 15 minutes",
// "a 90-minute outage", "for an hour and a half". Only phrases that state how long something lasted count: a
// duration after "for", "lasted", "took", "within", "after"… or before "outage", "incident", "downtime"…; intervals
// ("every 5 minutes", "5 minutes later", "a 30-second timeout") do not.
import type { DurationId } from './durations';

export interface StatedDuration {
  /** Offsets of the duration phrase in the text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The stated length; a range ("40-50 minutes") has both ends. */
  readonly minMs: number;
  readonly maxMs: number;
  /** The durations the context names ("detected within…" → ttd); several when it names none. */
  readonly candidates: readonly DurationId[];
}

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, fifty: 50, sixty: 60, ninety: 90, half: 0.5, 'a half': 0.5,
  'half an': 0.5, 'half a': 0.5, 'a couple of': 2, 'a few': 3, several: 3,
};

const UNIT_MS: ReadonlyArray<[RegExp, number]> = [
  [/^(?:s|secs?|seconds?)$/i, 1000],
  [/^(?:m|mins?|minutes?)$/i, 60_000],
  [/^(?:h|hrs?|hours?)$/i, 3_600_000],
  [/^(?:d|days?)$/i, 86_400_000],
];

const DIGITS = String.raw`\d+(?:[.,]\d+)?`;
/** Number words as whole words ("a", "forty-five", "half an"); every pattern here is case-insensitive. */
const WORD_NUM = String.raw`(?:half\s+an?|a\s+half|forty-five|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|ninety)(?![A-Z])`;
/** A figure: digits, or a number word no letter precedes. */
const NUM_ALT = String.raw`${DIGITS}|(?<![A-Z])${WORD_NUM}`;
/** A figure where a non-word character is known to precede it: the same without the look-behind. */
const NUM_AFTER_BREAK = `(?:${DIGITS}|${WORD_NUM})`;
const UNIT_ALT = 'seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|[smhd]';
/** Between a figure and its unit: white space, maybe around one dash ("40 - minutes", "40-minute"). */
const GAP = String.raw`\s*(?:-\s*)?`;
const PART = String.raw`(?:${NUM_ALT})${GAP}(?:${UNIT_ALT})(?![A-Z])`;
/** One or more parts ("1 hour and 15 minutes", "1h15m"), optionally "and a half", or a range "40-50 minutes". */
const PHRASE = new RegExp(
  String.raw`(?<![\w.-])(?:(${DIGITS})\s*(?:[-–]|to)\s*(${DIGITS})\s*(${UNIT_ALT})(?![A-Z])|(${NUM_AFTER_BREAK}${GAP}(?:${UNIT_ALT})(?![A-Z])(?:\s*(?:,\s*)?(?:and\s+)?${PART}){0,3})(\s+and\s+a\s+half)?)`,
  'gi',
);
const ONE_PART = new RegExp(String.raw`(${NUM_ALT})${GAP}(${UNIT_ALT})(?![A-Z])`, 'gi');

/** Qualifiers allowed between an anchor word and the figure. */
const QUALIFIER = String.raw`(?:(?:about|around|approximately|approx\.?|roughly|nearly|almost|just|over|under|more\s+than|less\s+than|some|a\s+total\s+of|an\s+estimated|[~<>])\s*)*`;
const BEFORE = new RegExp(String.raw`(?:\b(?:for|lasted|lasting|last|took|taking|take|within|after|spanning|spanned|totall?ing|totall?ed|of)\s+${QUALIFIER}|~\s*)$`, 'i');
const AFTER_NOUN = /^\s*(?:-\s*)?(?:long\s+)?(?:outage|incident|downtime|disruption|degradation|interruption|impact|window|event|period|of\s+(?:downtime|impact|disruption|degradation|errors|failures|unavailability))\b/i;
/** "of" counts only after these: "an outage of 40 minutes". */
const OF_CONTEXT = /\b(?:outage|downtime|impact|duration|incident|disruption|degradation|interruption|window)\s+of\s+(?:\S+\s*)?$/i;
const NOT_DURATION_AFTER = /^\s*(?:later|ago|earlier|before|beforehand|prior|each|every|per|apart|of\s+(?:latency|delay|lag|data|logs|retention|history)|timeouts?|ttl|intervals?|cadence|cron|cache|retention|delay|lag|latency|sla)\b/i;
const NOT_DURATION_BEFORE = /\b(?:every|each|per|ttl|timeout|interval|retention|last)\s+(?:of\s+)?$/i;

const HINTS: ReadonlyArray<[RegExp, DurationId]> = [
  [/\b(?:un)?detect(?:ed|ion|ing)?\b|\bnotic(?:ed|e)\b|\balert(?:ed)?\b|\bspotted\b/i, 'ttd'],
  [/\backnowledg(?:ed?|ement|ing)\b|\backed\b|\bpaged?\b|\bresponded\b/i, 'tta'],
  [/\bmitigat(?:ed?|ion|ing)\b|\brestor(?:ed?|ing)\b|\brecover(?:ed|y)?\b|\brolled\s+back\b|\brollback\b|\bworkaround\b|\bstabili[sz]ed?\b/i, 'ttm'],
  [/\bresol(?:ved?|ution|ving)\b|\bfully\b|\bclosed\b/i, 'ttr'],
];

function numberOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(w)) return Number(w.replace(',', '.'));
  return WORD_NUMBERS[w];
}

function unitOf(unit: string): number {
  for (const [re, ms] of UNIT_MS) if (re.test(unit)) return ms;
  return 0;
}

function partsMs(phrase: string): number | undefined {
  let total = 0;
  let any = false;
  for (const m of phrase.matchAll(ONE_PART)) {
    const n = numberOf(m[1]!);
    const u = unitOf(m[2]!);
    if (n === undefined || !u) return undefined;
    total += n * u;
    any = true;
  }
  return any ? total : undefined;
}

/** Which durations a figure in this sentence may mean. */
function candidatesFor(sentenceBefore: string, sentenceAfter: string): DurationId[] {
  const near = `${sentenceBefore.slice(-80)} ${sentenceAfter.slice(0, 40)}`;
  const hits = HINTS.filter(([re]) => re.test(near)).map(([, id]) => id);
  if (hits.length > 0) return [...new Set(hits)];
  return ['impact', 'ttm', 'ttr'];
}

/** The durations a line of prose states, with the durations each may mean. Linear in the line's length. */
export function statedDurations(text: string): StatedDuration[] {
  if (!/\d|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|half|twenty|thirty|forty|fifty|sixty|ninety)\b/i.test(text)) return [];
  const out: StatedDuration[] = [];
  for (const m of text.matchAll(PHRASE)) {
    let start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 120), start);
    const after = text.slice(end, end + 60);
    // Single letters as units only against a figure ("3h", "45m"): never "5 m" or "a h".
    if (m[4] !== undefined && [...m[4].matchAll(ONE_PART)].some((p) => p[2]!.length === 1 && !/^\d+(?:[.,]\d+)?$/.test(p[0].slice(0, -1)))) continue;
    if (NOT_DURATION_AFTER.test(after) || NOT_DURATION_BEFORE.test(before)) continue;
    // "15 minutes of normal latency" describes something else; "40 minutes of downtime" is the incident.
    if (/^\s*of\b/i.test(after) && !AFTER_NOUN.test(after)) continue;
    const anchor = BEFORE.exec(before);
    const anchored = anchor !== null && (!/\bof\s+(?:\S+\s*)?$/i.test(before) || OF_CONTEXT.test(before));
    if (!anchored && !AFTER_NOUN.test(after)) continue;
    // The phrase includes its anchor word: "for 40 minutes", "took about 2 hours".
    if (anchored) start -= before.length - anchor.index;
    let minMs: number | undefined;
    let maxMs: number | undefined;
    if (m[1] !== undefined) {
      const u = unitOf(m[3]!);
      const a = numberOf(m[1]);
      const b = numberOf(m[2]!);
      if (a === undefined || b === undefined || !u) continue;
      minMs = Math.min(a, b) * u;
      maxMs = Math.max(a, b) * u;
    } else {
      let ms = partsMs(m[4]!);
      if (ms === undefined) continue;
      if (m[5]) {
        const last = [...m[4]!.matchAll(ONE_PART)].pop();
        ms += 0.5 * unitOf(last?.[2] ?? '');
      }
      minMs = maxMs = ms;
    }
    if (!(maxMs > 0)) continue;
    const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '));
    const sentenceBefore = sentenceStart === -1 ? before : before.slice(sentenceStart + 2);
    const stop = after.search(/[.;](?:\s|$)/);
    const sentenceAfter = stop === -1 ? after : after.slice(0, stop);
    out.push({ start, end, text: text.slice(start, end), minMs, maxMs, candidates: candidatesFor(sentenceBefore, sentenceAfter) });
  }
  return out;
}
