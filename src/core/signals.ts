// What a section's lines say, whatever its heading: per line, a few flags (a timestamped entry, a follow-up with an
// owner or ticket, a number of users, a cause, a fix the team made). Flags are computed once per chunk and kept with
// the chunk's cached parse, so after an edit only the edited chunks are read again; a section's signals are sums
// over its lines.
import type { ParsedChunk } from './chunk';

export const SIGNAL = {
  /** A line that holds text (not blank, not code). */
  content: 1,
  /** A line that starts with a time or a date: a timeline entry. */
  time: 2,
  /** A follow-up: a checkbox, an owner, a ticket key or link, "will", "TODO". */
  action: 4,
  /** Numbers of users, requests, money or a percentage: damage. */
  impact: 8,
  /** "because", "caused by", "due to", "bug in". */
  cause: 16,
  /** Something the team did to fix it: "we rolled back", "restarted". */
  fix: 32,
  /** A person or a responder: "@name", "responded", "on-call", "paged". */
  person: 64,
  /** A line that could stand as a heading: bold on its own ("**Root causes**:"), or a bold label ("- **Impact**: …"). */
  label: 128,
} as const;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|fevr|févr|mars|avr|mai|juin|juil|aout|août|déc)[a-zé]*\\.?';
/** A time or date at the start of a line, after a list marker, a table pipe or emphasis. */
const TIME_START = new RegExp(
  `^\\s*(?:(?:[-*+]|\\d{1,3}[.)])\\s+)?(?:\\|\\s*)?(?:(?:\\*\\*|__|[*_\`])\\s*)?\\[?(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[:h]\\d{2}|\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|${MONTH} \\d{1,2}\\b|\\d{1,2}(?:st|nd|rd|th)? ${MONTH}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? \\d{1,2}|t ?[+-] ?\\d+|day \\d+|\\d{1,2} ?(?:am|pm)\\b)`,
  'i',
);
const ACTION = /^\s*[-*+]\s+\[[ xX]\]|\bTODO\b|@[A-Za-z][\w-]*|\b[A-Z][A-Z0-9]+-\d+\b|(?:^|\s)#\d+\b|\/(?:issues|pull|browse)\/|\bwill\b|\b(?:owner|assignee|assigned to)\b|\bdue\s*(?:date|:|by)\b/;
// A count is read from where its run of digits, commas and points begins (the lines that match are the same): retried
// from every digit of a long number, `\d[\d,.]*` took quadratic time.
const IMPACT = /\d\s?%|[$€£]\s?\d|(?<![\d,.])[,.]*\d[\d,.]*\s?(?:k|m|million|thousand|hundred)?\s(?:\w+\s)?(?:users?|customers?|requests?|accounts?|orders?|transactions?|clients?|sites?|builds?|queries|calls|errors?|downloads?|people|visitors?|packages?|nodes?|jobs?)\b|\b(?:users?|customers?|visitors?)\s+(?:\w+\s+){0,3}(?:were|was|could(?:n't| not)|unable|affected|impacted|saw|experienced)\b|\b(?:unavailable|degraded|outage|downtime)\b/i;
const CAUSE = /\b(?:because|caused by|was caused|were caused|due to|bug in|root cause|resulted from|triggered by|the cause|led to|stemmed from|a result of)\b|parce que|à cause d|en raison d|causée? par|dûe? à|cause racine/i;
const FIX = /\b(?:we|team|they|engineers?|on-?call|operators?|it was|was|were|then)\s+(?:\w+\s+)?(?:rolled back|reverted|restarted|rebooted|redeployed|deployed (?:a )?fix|patched|fixed|restored|disabled|re-?enabled|scaled|failed over|mitigated|resolved|applied|removed|purged|flushed|killed|drained|unblocked|hot-?fixed|released|rotated|renewed|recovered)\b|^\s*(?:[-*+]|\d+[.)])\s+(?:rolled back|reverted|restarted|rebooted|redeployed|patched|fixed|restored|disabled|scaled|failed over|mitigated|resolved|applied|removed|purged|released|rotated|renewed|deployed|recovered)\b|nous avons (?:redémarré|annulé|corrigé|restauré|rétabli|révoqué|désactivé|déployé)/i;
const PERSON = /@[A-Z][\w-]*|\brespond(?:ed|ers?)\b|\bon-?call\b|\bpaged\b|\bincident commander\b|\bintervenant/i;
/**
 * A line that could act as a heading without heading markup: bold text alone on its line (a colon may follow, inside
 * or outside the emphasis), or a bold label that opens a list item ("- **Impact**: …", a summary card's field).
 */
// Lines are read with their trailing white space trimmed, so nothing follows the optional colon.
const LABEL = /^\s{0,8}(?:[-*+]\s+)?(?:\*\*|__)(?=\S)([^*_]{1,80})(?<=\S)(?:\*\*|__)\s*:?$|^\s{0,8}[-*+]\s+(?:\*\*|__)(?=\S)([^*_]{1,60})(?<=\S)(?:\*\*|__)\s*:/;

/** The label text of a line that could act as a heading, or undefined. */
export function labelText(line: string): string | undefined {
  const m = LABEL.exec(line.trimEnd());
  if (!m) return undefined;
  const label = m[1] ?? m[2] ?? '';
  return (label.endsWith(':') ? label.slice(0, -1) : label).trim() || undefined;
}

/** Signals are read from a line's first characters: enough for any line a person writes, and linear on any input. */
const READ = 1000;

function lineFlags(whole: string): number {
  if (/^\s*$/.test(whole)) return 0;
  const line = whole.length > READ ? whole.slice(0, READ) : whole;
  let f = SIGNAL.content;
  if (TIME_START.test(line)) f |= SIGNAL.time;
  if (ACTION.test(line)) f |= SIGNAL.action;
  if (IMPACT.test(line)) f |= SIGNAL.impact;
  if (CAUSE.test(line)) f |= SIGNAL.cause;
  if (FIX.test(line)) f |= SIGNAL.fix;
  if (PERSON.test(line)) f |= SIGNAL.person;
  if ((line.includes('**') || line.includes('__')) && LABEL.test(line.trimEnd())) f |= SIGNAL.label;
  return f;
}

/** The flags of every line of the document, from each chunk's flags (kept with the chunk's cached parse). */
export function documentFlags(chunks: readonly ParsedChunk[], lines: readonly string[]): Uint8Array {
  const out = new Uint8Array(lines.length);
  for (const { span, data } of chunks) {
    if (span.frontMatter) continue;
    const length = span.end - span.start;
    let flags = data.signals;
    if (!flags || flags.length !== length) {
      flags = new Uint8Array(length);
      const code = data.codeLines.length > 0 ? new Set(data.codeLines) : undefined;
      for (let l = 0; l < length; l++) if (!code?.has(l)) flags[l] = lineFlags(lines[span.start + l] ?? '');
      data.signals = flags;
    }
    // Most chunks are a line or two: a loop beats set() there.
    if (length <= 8) for (let l = 0; l < length; l++) out[span.start + l] = flags[l]!;
    else out.set(flags, span.start);
  }
  return out;
}

/** Counts of each signal over lines [from, to). */
export interface SignalCounts {
  readonly content: number;
  readonly time: number;
  readonly action: number;
  readonly impact: number;
  readonly cause: number;
  readonly fix: number;
  readonly person: number;
}

export function countSignals(flags: Uint8Array, from: number, to: number, skip?: (line: number) => boolean): SignalCounts {
  let content = 0, time = 0, action = 0, impact = 0, cause = 0, fix = 0, person = 0;
  for (let l = Math.max(0, from); l < to && l < flags.length; l++) {
    const f = flags[l]!;
    if (f === 0 || skip?.(l)) continue;
    content++;
    if (f & SIGNAL.time) time++;
    if (f & SIGNAL.action) action++;
    if (f & SIGNAL.impact) impact++;
    if (f & SIGNAL.cause) cause++;
    if (f & SIGNAL.fix) fix++;
    if (f & SIGNAL.person) person++;
  }
  return { content, time, action, impact, cause, fix, person };
}
