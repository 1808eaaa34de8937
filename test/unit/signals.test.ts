// The content signals are read with patterns split into pieces that V8 compiles cheaply, each run only when a line
// holds the letters and marks of one of its words (see src/core/model/signals.ts). Here they are compared with the
// joined patterns they replace, run on every line and kept below as the specification, on the lines of the fixtures,
// generated post-mortems, the shared corpus when this machine has it, and seeded random lines built from the
// fragments the patterns look for (every word of every pattern, in several cases): every line must get the same flags.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineFlags, SIGNAL } from '../../src/core/model/signals';
import { generatePostmortem, rng } from '../bench/generate';
import { CORPUS, FIXTURES } from './helpers';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|fevr|févr|mars|avr|mai|juin|juil|aout|août|déc)[a-zé]*\\.?';
const TIME_START = new RegExp(
  `^\\s*(?:(?:[-*+]|\\d{1,3}[.)])\\s+)?(?:\\|\\s*)?(?:(?:\\*\\*|__|[*_\`])\\s*)?\\[?(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[:h]\\d{2}|\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|${MONTH} \\d{1,2}\\b|\\d{1,2}(?:st|nd|rd|th)? ${MONTH}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? \\d{1,2}|t ?[+-] ?\\d+|day \\d+|\\d{1,2} ?(?:am|pm)\\b)`,
  'i',
);
const IMPACT =
  /\d\s?%|[$€£]\s?\d|(?<![\d,.])[,.]*\d[\d,.]*\s?(?:k|m|million|thousand|hundred)?\s(?:\w+\s)?(?:users?|customers?|requests?|accounts?|orders?|transactions?|clients?|sites?|builds?|queries|calls|errors?|downloads?|people|visitors?|packages?|nodes?|jobs?)\b|\b(?:users?|customers?|visitors?)\s+(?:\w+\s+){0,3}(?:were|was|could(?:n't| not)|unable|affected|impacted|saw|experienced)\b|\b(?:unavailable|degraded|outage|downtime)\b/i;
const FIX =
  /\b(?:we|team|they|engineers?|on-?call|operators?|it was|was|were|then)\s+(?:\w+\s+)?(?:rolled back|reverted|restarted|rebooted|redeployed|deployed (?:a )?fix|patched|fixed|restored|disabled|re-?enabled|scaled|failed over|mitigated|resolved|applied|removed|purged|flushed|killed|drained|unblocked|hot-?fixed|released|rotated|renewed|recovered)\b|^\s*(?:[-*+]|\d+[.)])\s+(?:rolled back|reverted|restarted|rebooted|redeployed|patched|fixed|restored|disabled|scaled|failed over|mitigated|resolved|applied|removed|purged|released|rotated|renewed|deployed|recovered)\b|nous avons (?:redémarré|annulé|corrigé|restauré|rétabli|révoqué|désactivé|déployé)/i;

const ACTION = /^\s*[-*+]\s+\[[ xX]\]|\bTODO\b|@[A-Za-z][\w-]*|\b[A-Z][A-Z0-9]+-\d+\b|(?:^|\s)#\d+\b|\/(?:issues|pull|browse)\/|\bwill\b|\b(?:owner|assignee|assigned to)\b|\bdue\s*(?:date|:|by)\b/;
const CAUSE = /\b(?:because|caused by|was caused|were caused|due to|bug in|root cause|resulted from|triggered by|the cause|led to|stemmed from|a result of)\b|parce que|à cause d|en raison d|causée? par|dûe? à|cause racine/i;
const PERSON = /@[A-Z][\w-]*|\brespond(?:ed|ers?)\b|\bon-?call\b|\bpaged\b|\bincident commander\b|\bintervenant/i;
const LABEL = /^\s{0,8}(?:[-*+]\s+)?(?:\*\*|__)(?=\S)([^*_]{1,80})(?<=\S)(?:\*\*|__)\s*:?$|^\s{0,8}[-*+]\s+(?:\*\*|__)(?=\S)([^*_]{1,60})(?<=\S)(?:\*\*|__)\s*:/;

/** The flags the joined patterns give, every pattern run on every line. */
function expected(line: string): number {
  if (/^\s*$/.test(line)) return 0;
  const l = line.length > 1000 ? line.slice(0, 1000) : line;
  return (
    SIGNAL.content |
    (TIME_START.test(l) ? SIGNAL.time : 0) |
    (ACTION.test(l) ? SIGNAL.action : 0) |
    (IMPACT.test(l) ? SIGNAL.impact : 0) |
    (CAUSE.test(l) ? SIGNAL.cause : 0) |
    (FIX.test(l) ? SIGNAL.fix : 0) |
    (PERSON.test(l) ? SIGNAL.person : 0) |
    (LABEL.test(l.trimEnd()) ? SIGNAL.label : 0)
  );
}

const FRAGMENTS = [
  ...['users', 'User', 'customers', 'visitors', 'requests', 'jobs', 'errors', 'people', 'sites', 'were', 'could not', "couldn't", 'saw'],
  ...['k', 'K', 'm', 'M', 'million', 'thousand', 'hundred', 'millionaire', '1', '42', '1,000', '.5', ',', '.', '%', '$', '€', '£'],
  ...[' ', ' ', ' ', '  ', '\t', '\u00a0', '\u2003', '\u3000', 'x', 'abc', 'quickly', 'the', 'unavailable', 'Outage'],
  ...['we', 'We', 'the team', 'team', 'it was', 'was', 'then', 'on-call', 'oncall', 'engineers', 'they'],
  ...['rolled back', 'Reverted', 'fixed', 'deployed a fix', 'deployed', 'hot-fixed', 're-enabled', 'nous avons redémarré'],
  ...['- ', '* ', '+ ', '1. ', '12) ', '1234. ', '| ', '**', '__', '*', '_', '`', '[', '-', '1'],
  ...['10:30', '9h30', '2026-11-20', '11/20', '11/20/2026', '20.11.2026', 'Nov 20', 'nov. 20', 'janv', 'févr', 'déc'],
  ...['3rd', '20 Nov', 'Monday, 3', 'mon 3', 'T+5', 't - 10', 'day 3', '5pm', '5 AM', 'İ', 'K', 'ſ', 'é', '—', '\u0000'],
  // The words and marks of the patterns the gates stand in front of.
  ...['TODO', 'todo', 'will', 'WILL', 'owner', 'Owner', 'assignee', 'assigned to', 'due', 'due date', 'due:', 'Due by', '@kim', '@', '#12', '#', '/issues/', '/pull/', '/browse/', '/'],
  ...['ABC-123', 'A1-2', '[ ]', '[x]', '- [ ] ', '* [X] ', 'x-1'],
  ...['because', 'Because', 'caused by', 'was caused', 'were caused', 'due to', 'bug in', 'root cause', 'resulted from', 'triggered by', 'the cause', 'led to'],
  ...['stemmed from', 'a result of', 'parce que', 'à cause d', 'À CAUSE D', 'en raison d', 'causée par', 'causé par', 'CAUSÉE PAR', 'dûe à', 'dû à', 'DÛ À', 'cause racine'],
  ...['responded', 'responders', 'responder', 'Respond', 'on-call', 'oncall', 'paged', 'incident commander', 'Intervenant', '@Ann', '@ann', '@-'],
  ...['unavailable', 'degraded', 'Downtime', 'request', 'accounts', 'orders', 'transaction', 'clients', 'site', 'builds', 'queries', 'calls', 'error', 'downloads'],
  ...['visitor', 'packages', 'node', 'job', 'was', 'could', "couldn't", 'unable', 'affected', 'impacted', 'experienced'],
  ...['engineer', 'operators', 'They', 'restarted', 'rebooted', 'redeployed', 'deployed fix', 'patched', 'restored', 'disabled', 'reenabled', 'scaled', 'failed over'],
  ...['mitigated', 'resolved', 'applied', 'removed', 'purged', 'flushed', 'killed', 'drained', 'unblocked', 'hotfixed', 'released', 'rotated', 'renewed', 'recovered'],
  ...['nous avons annulé', 'NOUS AVONS CORRIGÉ', 'nous avons restauré', 'nous avons rétabli', 'nous avons révoqué', 'nous avons désactivé', 'nous avons déployé'],
  ...['**Impact**', '__Root causes__:', '- **Owner**: ', '**', ':'],
];

function randomLines(count: number, seed: number): string[] {
  const random = rng(seed);
  const pick = () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const n = 1 + Math.floor(random() * 9);
    for (let j = 0; j < n; j++) s += pick() + (random() < 0.3 ? ' ' : '');
    out.push(s);
  }
  return out;
}

function documentLines(): string[] {
  const lines: string[] = [];
  for (const f of readdirSync(FIXTURES)) if (f.endsWith('.md')) lines.push(...readFileSync(join(FIXTURES, f), 'utf8').split(/\r?\n/));
  for (let seed = 1; seed <= 6; seed++) lines.push(...generatePostmortem(20_000, seed).split('\n'));
  if (CORPUS) for (const f of readdirSync(CORPUS)) if (f.endsWith('.md')) lines.push(...readFileSync(join(CORPUS, f), 'utf8').split(/\r?\n/));
  return lines;
}

type Seen = Record<Exclude<keyof typeof SIGNAL, 'content'>, number>;

function compare(lines: readonly string[]): Seen {
  const seen: Seen = { time: 0, action: 0, impact: 0, cause: 0, fix: 0, person: 0, label: 0 };
  for (const line of lines) {
    const want = expected(line);
    assert.equal(lineFlags(line), want, `flags of ${JSON.stringify(line)}`);
    for (const k of Object.keys(seen) as Array<keyof Seen>) if (want & SIGNAL[k]) seen[k]++;
  }
  return seen;
}

describe('content signals: split patterns read every line as the joined patterns do', () => {
  it('on the lines of fixtures, generated post-mortems and the corpus', () => {
    const seen = compare(documentLines());
    // The comparison covers lines that carry each flag, not only lines that carry none.
    assert.ok(seen.time > 50 && seen.impact > 5 && seen.fix > 0 && seen.action > 50 && seen.cause > 5 && seen.person > 5 && seen.label > 5, JSON.stringify(seen));
  });

  it('on seeded random lines made of the fragments the patterns look for', () => {
    const seen = compare(randomLines(100_000, 7));
    assert.ok(Object.values(seen).every((n) => n > 100), JSON.stringify(seen));
  });

  it('examples', () => {
    const SPLIT = SIGNAL.time | SIGNAL.impact | SIGNAL.fix;
    const flags = (line: string) => lineFlags(line) & SPLIT;
    assert.equal(flags('- **10:32 UTC** alert fired'), SIGNAL.time);
    assert.equal(flags('| 12) | [Nov 20 09:00'), 0);
    assert.equal(flags('| [Nov 20 09:00] paged'), SIGNAL.time);
    assert.equal(flags('About 1,200 checkout requests failed'), SIGNAL.impact);
    assert.equal(flags('2.5 million users'), SIGNAL.impact);
    assert.equal(flags('3 m foo users'), SIGNAL.impact);
    assert.equal(flags('Customers in the EU were logged out'), SIGNAL.impact);
    assert.equal(flags('Version 1.2.3 of the users service'), 0);
    assert.equal(flags('Then the team quickly rolled back the deploy'), SIGNAL.fix);
    assert.equal(flags('1. Restarted the workers'), SIGNAL.fix);
    assert.equal(flags('Nous avons redémarré le service'), SIGNAL.fix);
  });
});
