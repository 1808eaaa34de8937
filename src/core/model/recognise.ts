// Which role each heading serves, and why. Four kinds of evidence, in this order:
//   1. words: the heading's words against the role vocabulary (vocabulary.ts) and the configured aliases;
//   2. context: the H1 title takes no role; a broad word ("summary") counts only where no heading names that role
//      plainly and not inside a section that already serves a role; a child does not repeat a role its parent
//      serves (unless the parent groups children of several roles); sub-headings of Action items are categories of
//      follow-ups; a parent whose sub-sections all serve one role serves it;
//   3. content: a heading the words leave without a role, whose section plainly holds a timeline, follow-ups,
//      numbers of affected users, causes or fixes, serves that role when no heading serves it yet;
//   4. labels: a bold line acting as a heading ("**Root causes**:", "- **Impact**: …") serves a role no heading serves,
//      when it does not sit inside a section that already serves a role.
// Every role comes with a reason, shown by the hover.
import { HeadingTextMemo } from './heading-memo';
import { canonicalIndex, SECTION_IDS, sectionSpec, type SectionId } from './catalogue';
import type { SectionMatcher } from './match';
import { countSignals, labelText, SIGNAL, type SignalCounts } from './signals';
import { foldText, isNeutralHeading, matchWords, type Language, type WordMatch } from './vocabulary';
import { firstIndex, sameItems } from './text';

export interface RoleReason {
  readonly role: SectionId;
  readonly source: 'words' | 'alias' | 'context' | 'content';
  /** For the hover: "words: “root cause”", "content: 14 of 16 lines are timestamped entries". */
  readonly detail: string;
}

export interface HeadingInput {
  readonly level: number;
  readonly text: string;
  readonly startLine: number;
  readonly endLine: number;
}

export interface HeadingRoles {
  readonly isTitle: boolean;
  readonly roles: readonly SectionId[];
  readonly reasons: readonly RoleReason[];
}

/** A line acting as a heading, that serves a role. */
export interface LabelSection {
  readonly line: number;
  readonly text: string;
  /** Column of the label's first character and of the end of the label (emphasis included). */
  readonly start: number;
  readonly end: number;
  /** Text follows the label on its line ("- **Impact**: all requests failed"). */
  readonly inline: boolean;
  /** Last line of its section. */
  readonly endLine: number;
  readonly level: number;
  readonly roles: readonly SectionId[];
  readonly reasons: readonly RoleReason[];
}

export interface Recognition {
  readonly headings: readonly HeadingRoles[];
  readonly labels: readonly LabelSection[];
  /** Per heading, the line its section ends before: the next heading of the same or a higher level, or the end. */
  readonly ends: Int32Array;
  /** What the headings' roles were read from, and the state the labels are read with: see `previous` in recognise. */
  readonly basis: Basis;
}

/**
 * What the headings' roles were read from, and the state of each pass that a later recognition may start from (see
 * patch): the words per heading, the tree, the candidates kept before the content pass, and counts per role.
 */
interface Basis {
  readonly input: RecogniseInput;
  readonly words: readonly HeadingWords[];
  /** The candidates each heading keeps in the end. */
  readonly kept: ReadonlyArray<readonly Candidate[]>;
  /** The candidates each heading keeps before the content pass (the same list as `kept` where it gave no role). */
  readonly keptBeforeContent: ReadonlyArray<readonly Candidate[]>;
  /** Roles served in the end, and before the content pass. */
  readonly served: number;
  readonly servedBeforeContent: number;
  /** Roles some heading names plainly. */
  readonly plain: number;
  /** Per role bit: headings naming the role plainly, and headings keeping it before the content pass. */
  readonly plainCount: Int32Array;
  readonly keptCount: Int32Array;
  /** The content pass gave some heading a role. */
  readonly contentGave: boolean;
  readonly parent: Int32Array;
  readonly childStart: Int32Array;
  readonly kids: Int32Array;
  readonly isHeadingLine: Uint8Array;
  readonly titleIndex: number;
  /** Headings at level 1: with the first heading's words, they say which heading is the title (see titleOf). */
  readonly h1s: number;
}

interface Candidate {
  role: SectionId;
  /** The role's bit (see roleBit): sets of roles are numbers in the passes over every heading. */
  bit: number;
  /** The role's place in the catalogue: its bit is 1 << index. */
  index: number;
  weak: boolean;
  reason: RoleReason;
}

/** One bit per role of the catalogue: a set of roles is a number (a Set per document, asked per heading, was slower). */
const ROLE_BITS = new Map<SectionId, number>(SECTION_IDS.map((id, i) => [id, 1 << i]));
const roleBit = (role: SectionId): number => ROLE_BITS.get(role)!;
const ROLE_INDEX = new Map<SectionId, number>(SECTION_IDS.map((id, i) => [id, i]));
const candidate = (role: SectionId, weak: boolean, reason: RoleReason): Candidate => ({ role, bit: roleBit(role), index: ROLE_INDEX.get(role)!, weak, reason });

const title = (id: SectionId) => sectionSpec(id).title;
// Local copies: read in loops over every line.
const LABEL_FLAG = SIGNAL.label;
/** Lines acting as headings read per document, at most. */
const MAX_LABELS_READ = 1000;
const CONTENT_FLAG = SIGNAL.content;

/** What a heading's text says, cached per matcher (its configured aliases), language and text: headings repeat between edits. */
interface HeadingWords {
  readonly folded: string;
  readonly neutral: boolean;
  readonly candidates: readonly Candidate[];
  /** The text is nothing but a role's name ("Action Items"): a plain line may then act as a heading. */
  readonly onlyName: boolean;
  /** What other readers derive from the text alone (see heading-memo.ts). */
  readonly memo: HeadingTextMemo;
}
const wordCache = new WeakMap<SectionMatcher, Map<Language, Map<string, HeadingWords>>>();

/** The cache of headingWords for a matcher and language: looked up once per recognition, not per heading. */
function wordsCache(matcher: SectionMatcher, language: Language): Map<string, HeadingWords> {
  let byLanguage = wordCache.get(matcher);
  if (!byLanguage) wordCache.set(matcher, (byLanguage = new Map()));
  let cache = byLanguage.get(language);
  if (!cache) byLanguage.set(language, (cache = new Map()));
  return cache;
}

function headingWords(text: string, matcher: SectionMatcher, language: Language, keep = 0, cache = wordsCache(matcher, language)): HeadingWords {
  const key = text;
  let found = cache.get(key);
  if (!found) {
    const folded = foldText(text);
    // The words matched and the neutral test once each, for both uses (a heading read for the first time, every one
    // of a document of 50,000 distinct headings, cost twice as much).
    const words = matchWords(folded, language);
    const neutral = isNeutralHeading(folded);
    const strong = words.filter((m) => !m.weak);
    const onlyName = strong.length > 0 && strong.reduce((n, m) => n + m.words.length, 0) >= folded.replace(/ /g, '').length - 2;
    found = { folded, neutral, candidates: sharedCandidates(computeWordCandidates(text, words, neutral, matcher)), onlyName, memo: new HeadingTextMemo() };
    // Bounded, but never below the document's own headings: a cache smaller than them was cleared during every
    // analysis, and each edit read every heading again.
    if (cache.size > Math.max(5000, keep)) cache.clear();
    cache.set(key, found);
  }
  return found;
}

/**
 * Candidate lists by what they say (roles, strength and reasons): headings of different texts with the same words
 * ("Impact 1", "Impact 2", … 45,000 of them) share one list, and so one result of rolesFor; a list, its candidates,
 * reasons and detail strings per text were 400 bytes a heading, kept to the analysis's end. Never changed once made
 * (kept lists that differ are new arrays). Bounded.
 */
const candidateLists = new Map<string, readonly Candidate[]>();

function sharedCandidates(list: readonly Candidate[]): readonly Candidate[] {
  if (list.length === 0) return NONE;
  let key = '';
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    key += `${c.role}\u0000${c.weak ? 1 : 0}\u0000${c.reason.role}\u0000${c.reason.source}\u0000${c.reason.detail}\u0001`;
  }
  const shared = candidateLists.get(key);
  if (shared) return shared;
  if (candidateLists.size >= 10_000) candidateLists.clear();
  candidateLists.set(key, list);
  return list;
}

/** Configured aliases first, then the vocabulary and the catalogue's aliases. */
function computeWordCandidates(text: string, words: readonly WordMatch[], neutral: boolean, matcher: SectionMatcher): Candidate[] {
  const out: Candidate[] = [];
  const add = (role: SectionId, weak: boolean, reason: RoleReason) => {
    const have = out.find((c) => c.role === role);
    if (!have) out.push(candidate(role, weak, reason));
    else if (have.weak && !weak) Object.assign(have, { weak, reason });
  };
  const aliasHits = matcher.hits(text);
  for (const h of aliasHits) {
    if (h.configured) add(h.id, false, { role: h.id, source: 'alias', detail: `your alias “${h.phrase}”` });
  }
  if (neutral && out.length === 0) return out;
  for (const m of words) add(m.role, m.weak, { role: m.role, source: 'words', detail: `the words “${m.words}”${m.weak ? ' (a broad word)' : ''}` });
  for (const h of aliasHits) {
    if (!h.configured) add(h.id, h.weak, { role: h.id, source: 'words', detail: `the words “${h.phrase.toLowerCase()}”${h.weak ? ' (a broad word)' : ''}` });
  }
  // A heading that names a role plainly is not also something broader.
  if (out.some((c) => !c.weak)) return out.filter((c) => !c.weak);
  return out;
}

/** Thresholds for content evidence: at least `min` lines, and at least `share` of the section's lines. */
const CONTENT_RULES: ReadonlyArray<{ role: SectionId; key: keyof SignalCounts; min: number; share: number; says: string }> = [
  { role: 'timeline', key: 'time', min: 3, share: 0.5, says: 'are timestamped entries' },
  { role: 'action-items', key: 'action', min: 2, share: 0.5, says: 'are follow-ups (checkboxes, owners, tickets, “will”, TODO)' },
  { role: 'impact', key: 'impact', min: 2, share: 0.4, says: 'give numbers of users, requests, money or percentages' },
  { role: 'root-causes', key: 'cause', min: 2, share: 0.3, says: 'explain causes (“because”, “caused by”, “due to”)' },
  { role: 'mitigation', key: 'fix', min: 2, share: 0.3, says: 'describe fixes the team made (“we rolled back”, “restarted”)' },
];

const CONTENT_BITS = CONTENT_RULES.reduce((bits, r) => bits | roleBit(r.role), 0);
const TIMELINE_BIT = roleBit('timeline');

export interface RecogniseInput {
  readonly headings: readonly HeadingInput[];
  readonly lines: readonly string[];
  readonly flags: Uint8Array;
  readonly matcher: SectionMatcher;
  readonly language: Language;
  /** First line after the front matter. */
  readonly bodyStart: number;
}

/** No candidates: shared by every heading without any (never changed). */
const NONE: readonly Candidate[] = [];
const NO_ROLES: HeadingRoles = { isTitle: false, roles: [], reasons: [] };
const TITLE: HeadingRoles = { isTitle: true, roles: [], reasons: [] };
/** The result for a heading that keeps every candidate of its words, made once per candidate list (see sharedCandidates). */
const allKept = new WeakMap<readonly Candidate[], HeadingRoles>();

function rolesOf(kept: readonly Candidate[]): HeadingRoles {
  const sorted = [...kept].sort((a, b) => canonicalIndex(a.role) - canonicalIndex(b.role));
  return { isTitle: false, roles: sorted.map((c) => c.role), reasons: sorted.map((c) => c.reason) };
}

/** The tree and candidates the passes read; `kept` is what each heading keeps so far. */
interface Passes {
  readonly headings: readonly HeadingInput[];
  readonly flags: Uint8Array;
  readonly words: readonly HeadingWords[];
  readonly titleIndex: number;
  readonly parent: Int32Array;
  readonly end: Int32Array;
  readonly childStart: Int32Array;
  readonly kids: Int32Array;
  readonly isHeadingLine: Uint8Array;
  readonly kept: Array<readonly Candidate[]>;
  readonly plain: number;
}

const own = (p: Passes, i: number): readonly Candidate[] => (i === p.titleIndex ? NONE : p.words[i]!.candidates);
const childCount = (p: Passes, i: number): number => p.childStart[i + 1]! - p.childStart[i]!;

function hasAncestorWithRoles(p: Passes, i: number): boolean {
  for (let a = p.parent[i]!; a >= 0; a = p.parent[a]!) if (p.kept[a]!.length > 0) return true;
  return false;
}

function ancestorServes(p: Passes, i: number, role: SectionId): boolean {
  for (let a = p.parent[i]!; a >= 0; a = p.parent[a]!) if (p.kept[a]!.some((x) => x.role === role)) return true;
  return false;
}

/** A parent "groups" its children when they name several different roles between them. */
function groups(p: Passes, parent: number): boolean {
  const roles = new Set<SectionId>();
  for (let k = p.childStart[parent]!; k < p.childStart[parent + 1]!; k++) {
    const cs = own(p, p.kids[k]!);
    for (let j = 0; j < cs.length; j++) if (!cs[j]!.weak) roles.add(cs[j]!.role);
  }
  return roles.size >= 2;
}

function passes(p: Passes, i: number, c: Candidate, underRoles: boolean): boolean {
  if (c.reason.source === 'alias') return true;
  if (c.weak) {
    if (underRoles || (p.plain & c.bit) !== 0) return false;
    if (c.role === 'responders' && countSignals(p.flags, p.headings[i]!.endLine + 1, p.end[i]!).person === 0) return false;
  }
  if (underRoles) {
    // Sub-headings of Action items name kinds of follow-ups ("Detection", "Mitigation", "Process").
    if (c.role !== 'action-items' && ancestorServes(p, i, 'action-items')) return false;
    if (ancestorServes(p, i, c.role)) {
      let grouped = false;
      for (let a = p.parent[i]!; a >= 0 && !grouped; a = p.parent[a]!) grouped = p.kept[a]!.some((x) => x.role === c.role) && groups(p, a);
      if (!grouped) return false;
    }
  }
  return true;
}

/** Pass 1 for one heading, its ancestors done: the candidates of its words that its place allows. */
function firstPass(p: Passes, i: number): readonly Candidate[] {
  const cands = own(p, i);
  if (cands.length === 0) return NONE;
  const underRoles = hasAncestorWithRoles(p, i);
  // Each candidate is judged once; a copy is made only from the first that fails.
  let some: Candidate[] | undefined;
  for (let j = 0; j < cands.length; j++) {
    const ok = passes(p, i, cands[j]!, underRoles);
    if (some) {
      if (ok) some.push(cands[j]!);
    } else if (!ok) some = cands.slice(0, j);
  }
  return !some ? cands : some.length > 0 ? some : NONE;
}

/** Pass 2 for one heading, its sub-sections done: a parent whose sub-sections all serve one role serves it. */
function commonRole(p: Passes, i: number): void {
  const kept = p.kept;
  if (i === p.titleIndex || p.words[i]!.neutral || kept[i]!.length > 0 || childCount(p, i) < 2) return;
  let common: SectionId[] | undefined;
  for (let k = p.childStart[i]!; k < p.childStart[i + 1]!; k++) {
    const roles = kept[p.kids[k]!]!.map((c) => c.role);
    common = common ? common.filter((r) => roles.includes(r)) : roles;
  }
  if (!common || common.length !== 1) return;
  const role = common[0]!;
  kept[i] = [...kept[i]!, candidate(role, false, { role, source: 'context', detail: `its ${childCount(p, i)} sub-sections all serve ${title(role)}` })];
  for (let k = p.childStart[i]!; k < p.childStart[i + 1]!; k++) {
    const kid = p.kids[k]!;
    if (kept[kid]!.some((c) => c.role === role)) kept[kid] = kept[kid]!.filter((c) => c.role !== role);
  }
}

/**
 * Pass 3 for one heading: the role its content shows, if it is still without one (or may hold the timeline), outside
 * any section that serves one, for a role not `served` yet.
 */
function contentCandidate(p: Passes, i: number, served: number): Candidate | undefined {
  if (i === p.titleIndex || p.words[i]!.neutral || hasAncestorWithRoles(p, i)) return undefined;
  for (let k = p.childStart[i]!; k < p.childStart[i + 1]!; k++) if (p.kept[p.kids[k]!]!.length > 0) return undefined;
  // A heading whose words name a role can also hold the timeline, the one role its content shows beyond doubt.
  const named = p.kept[i]!.length > 0;
  // Its lines are counted only when some role could still come of them (65,000 "Impact" headings count nothing).
  if (named ? (served & TIMELINE_BIT) !== 0 : (served & CONTENT_BITS) === CONTENT_BITS) return undefined;
  const counts = countSignals(p.flags, p.headings[i]!.endLine + 1, p.end[i]!, p.isHeadingLine);
  if (counts.content < 2) return undefined;
  let best: { role: SectionId; share: number; detail: string } | undefined;
  for (const rule of CONTENT_RULES) {
    if ((served & roleBit(rule.role)) !== 0 || (named && rule.role !== 'timeline')) continue;
    const hits = counts[rule.key];
    const share = hits / counts.content;
    if (hits >= rule.min && share >= rule.share && (!best || share > best.share)) {
      best = { role: rule.role, share, detail: `${hits} of ${counts.content} lines ${rule.says}` };
    }
  }
  return best && candidate(best.role, false, { role: best.role, source: 'content', detail: best.detail });
}

/** Adds (sign 1) or removes (-1) one per role of `cands` (strong ones only, with `strong`) to counts by role bit. */
function count(counts: Int32Array, cands: readonly Candidate[], sign: number, strong: boolean): void {
  for (let j = 0; j < cands.length; j++) if (!strong || !cands[j]!.weak) counts[cands[j]!.index] += sign;
}

/** The roles whose count is above zero, as bits. */
function bitsOf(counts: Int32Array): number {
  let bits = 0;
  for (let r = 0; r < counts.length; r++) if (counts[r]! > 0) bits |= 1 << r;
  return bits;
}


/** A heading's roles and reasons: shared by every heading of the same words that keeps all their candidates. */
function rolesFor(p: Passes, i: number): HeadingRoles {
  const k = p.kept[i]!;
  const words = p.words[i]!;
  if (i === p.titleIndex) return TITLE;
  if (k.length === 0) return NO_ROLES;
  if (k === words.candidates || sameItems(k, words.candidates)) {
    // The heading before usually has the same words (a run of 65,000 "Impact" headings): no lookup then.
    const list = words.candidates;
    if (lastList === list) return lastShared!;
    let shared = allKept.get(list);
    if (!shared) allKept.set(list, (shared = rolesOf(k)));
    lastList = list;
    lastShared = shared;
    return shared;
  }
  return rolesOf(k);
}
let lastList: readonly Candidate[] | undefined;
let lastShared: HeadingRoles | undefined;

/**
 * Written for documents of tens of thousands of headings (an edit reads them all again): per heading it allocates
 * nothing it can share. Candidates are the cached words' own objects (never changed), the tree is kept in typed
 * arrays, and a heading that keeps all its words' candidates shares one result with every heading of the same words.
 * After an edit, the recognition before is taken as it is when the headings read the same (typing in a section), or
 * patched where the edit changed a heading's text or a line's signals (see patch).
 */
export function recognise(input: RecogniseInput, previous?: Recognition): Recognition {
  const patched = previous && patch(input, previous);
  if (patched) {
    if (patched.headings === previous!.headings) recognitionRuns.taken++;
    else recognitionRuns.patched++;
    return patched;
  }
  recognitionRuns.all++;
  return recogniseAll(input);
}

/** How recognitions were made: taken as they were, patched (`moved`: with headings added or removed), or read in full (for tests of the incremental paths). */
export const recognitionRuns = { taken: 0, patched: 0, all: 0, moved: 0 };

/** Children of each heading, in order, from the parents: kids[childStart[p] .. childStart[p + 1]) (three passes). */
function childrenOf(parent: Int32Array, n: number): { childStart: Int32Array; kids: Int32Array } {
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) childStart[parent[i]! + 1]++;
  for (let i = 0; i < n; i++) childStart[i + 1] += childStart[i]!;
  const kids = new Int32Array(childStart[n]!);
  const fill = childStart.slice(0, n);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) kids[fill[parent[i]!]!++] = i;
  return { childStart, kids };
}

/** The headings' tree: each one's parent, where its section ends (exclusive line), its children, and the heading lines. */
function treeOf(headings: readonly HeadingInput[], lineCount: number): Pick<Basis, 'parent' | 'childStart' | 'kids' | 'isHeadingLine'> & { end: Int32Array } {
  const n = headings.length;
  const parent = new Int32Array(n).fill(-1);
  const end = new Int32Array(n).fill(lineCount);
  // A stack of open headings in a typed array (a heading is pushed once): no array grown per document.
  const stack = new Int32Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    const h = headings[i]!;
    while (top > 0 && headings[stack[top - 1]!]!.level >= h.level) end[stack[--top]!] = h.startLine;
    parent[i] = top > 0 ? stack[top - 1]! : -1;
    stack[top++] = i;
  }
  const { childStart, kids } = childrenOf(parent, n);
  const isHeadingLine = new Uint8Array(lineCount);
  for (let i = 0; i < n; i++) {
    const h = headings[i]!;
    for (let l = h.startLine; l <= h.endLine && l < lineCount; l++) isHeadingLine[l] = 1;
  }
  return { parent, end, childStart, kids, isHeadingLine };
}

/**
 * The title: the first heading, at level 1, unless it is only a role's name ("# Summary") and does not hold the rest
 * of the document (other H1s follow, or it is the only heading). Its index (0), or -1.
 */
function titleOf(headings: readonly HeadingInput[], words: readonly HeadingWords[], h1s: number): number {
  const n = headings.length;
  const first = headings[0];
  const onlyRoleName = n > 0 && words[0]!.candidates.length > 0 && words[0]!.folded.split(' ').length <= 3;
  return first && first.level === 1 && !(onlyRoleName && (h1s > 1 || n === 1)) ? 0 : -1;
}

function recogniseAll(input: RecogniseInput): Recognition {
  const { headings, lines, flags, matcher, language } = input;
  const n = headings.length;
  const cache = wordsCache(matcher, language);
  const words: HeadingWords[] = new Array<HeadingWords>(n);
  let h1s = 0;
  for (let i = 0; i < n; i++) {
    const h = headings[i]!;
    // A heading with the text of the one before (a run of 65,000 "Impact" headings) takes its words without a lookup.
    words[i] = i > 0 && h.text === headings[i - 1]!.text ? words[i - 1]! : headingWords(h.text, matcher, language, 2 * n, cache);
    if (h.level === 1) h1s++;
  }

  const titleIndex = titleOf(headings, words, h1s);

  const { parent, end, childStart, kids, isHeadingLine } = treeOf(headings, lines.length);

  // Roles some heading names plainly: broad words for them count nowhere else.
  const plainCount = new Int32Array(SECTION_IDS.length);
  // Index loops, not for…of, in the passes over every heading: an iterator per heading was most of their garbage.
  for (let i = 0; i < n; i++) if (i !== titleIndex) count(plainCount, words[i]!.candidates, 1, true);

  // kept[i] is the words' own candidate list (shared, never changed) while the heading keeps all of them, else an
  // array of its own, made when it first differs.
  const kept: Array<readonly Candidate[]> = new Array<readonly Candidate[]>(n);
  for (let i = 0; i < n; i++) kept[i] = NONE;
  const p: Passes = { headings, flags, words, titleIndex, parent, end, childStart, kids, isHeadingLine, kept, plain: bitsOf(plainCount) };
  for (let i = 0; i < n; i++) kept[i] = firstPass(p, i);
  for (let i = n - 1; i >= 0; i--) commonRole(p, i);

  // Content: headings still without a role, outside any section that serves one, for roles no heading serves yet.
  const keptCount = new Int32Array(SECTION_IDS.length);
  for (let i = 0; i < n; i++) count(keptCount, kept[i]!, 1, false);
  const servedBeforeContent = bitsOf(keptCount);
  const keptBeforeContent = kept.slice();
  let served = servedBeforeContent;
  let contentGave = false;
  for (let i = 0; i < n; i++) {
    const c = contentCandidate(p, i, served);
    if (c) {
      kept[i] = [...kept[i]!, c];
      served |= c.bit;
      contentGave = true;
    }
  }

  const labels = recogniseLabels(input, kept, served, end, parent, titleIndex, isHeadingLine);
  const out = new Array<HeadingRoles>(n);
  for (let i = 0; i < n; i++) out[i] = rolesFor(p, i);
  return {
    headings: out,
    labels,
    ends: end,
    basis: { input, words, kept, keptBeforeContent, served, servedBeforeContent, plain: p.plain, plainCount, keptCount, contentGave, parent, childStart, kids, isHeadingLine, titleIndex, h1s },
  };
}

/** Headings or lines an edit may change for the recognition before it to be patched, not made again. */
const PATCH_LIMIT = 256;
/** Headings it may read again. */
const PATCH_HEADINGS = 4096;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return changedBytes(a, b, 0)?.length === 0;
}

/**
 * Where two arrays of line flags of the same length differ, in order; undefined past `limit` places. Four lines at a
 * time where they agree (most of them): a line at a time was most of an edit among a million lines.
 */
function changedBytes(a: Uint8Array, b: Uint8Array, limit: number): number[] | undefined {
  const out: number[] = [];
  const quads = a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0 ? a.length >> 2 : 0;
  const x = quads > 0 ? new Uint32Array(a.buffer, a.byteOffset, quads) : undefined;
  const y = quads > 0 ? new Uint32Array(b.buffer, b.byteOffset, quads) : undefined;
  for (let q = 0, l = 0; l < a.length; l = 4 * ++q) {
    if (q < quads && x![q] === y![q]) continue;
    for (const stop = q < quads ? l + 4 : a.length; l < stop; l++) {
      if (a[l] === b[l]) continue;
      if (out.length >= limit) return undefined;
      out.push(l);
    }
  }
  return out;
}

/** At the same lines and level: the same place in the tree's order (its text may differ). */
const samePlace = (x: HeadingInput, y: HeadingInput): boolean => x === y || (x.level === y.level && x.startLine === y.startLine && x.endLine === y.endLine);

/**
 * The recognition of `input` made from the one before it: taken as it was when the headings and line flags are the same
 * (typing in a section's text), or patched when the edit left the lines where they were and changed at most a few
 * headings: their texts, lines' signals, and headings added or removed (typing "x" before a setext
 * underline or "<h2>" takes a heading away). The headings before and after the change are matched by their place (level
 * and lines); those after it moved by as many places as headings were added or removed. Every pass reads only a
 * heading's words, its ancestors, its children and its section's lines, except through three document-wide sets:
 * roles named plainly, roles served before the content pass, and what the content pass gave. So the headings under
 * the topmost ancestor (below the title, which serves no role) of each change are read again (a change: a heading
 * whose text, parent, section end or children changed, one added, or a line's signals), and the rest keep their roles
 * while those sets are the same and the content pass gives nothing, before or after; otherwise undefined (read it
 * all). Nothing is read per heading beyond the change but the copies of a few arrays (see movedTree).
 * A differential test compares it with recogniseAll over random edits.
 */
function patch(input: RecogniseInput, previous: Recognition): Recognition | undefined {
  const b = previous.basis;
  const before = b.input;
  const { headings, lines, flags, matcher, language } = input;
  const n = headings.length;
  const olds = before.headings;
  const m = olds.length;
  if (input.matcher !== before.matcher || input.language !== before.language || input.bodyStart !== before.bodyStart) return undefined;
  if (lines.length !== before.lines.length) return undefined;
  // Headings read again (new indices), first those whose text changed at the same place.
  const roots: number[] = [];
  // The headings at the same places before the change (`from` of them) and after it (the last `z`); between them,
  // old headings [from, oldTo) became new ones [from, newTo).
  const common = Math.min(n, m);
  let from = 0;
  for (; from < common; from++) {
    const x = headings[from]!;
    const y = olds[from]!;
    if (x === y) continue;
    if (!samePlace(x, y)) break;
    if (x.text !== y.text && roots.push(from) > PATCH_LIMIT) return undefined;
  }
  let z = 0;
  for (; z < common - from; z++) {
    const x = headings[n - 1 - z]!;
    const y = olds[m - 1 - z]!;
    if (x === y) continue;
    if (!samePlace(x, y)) break;
    if (x.text !== y.text && roots.push(n - 1 - z) > PATCH_LIMIT) return undefined;
  }
  const newTo = n - z;
  const oldTo = m - z;
  const moved = newTo > from || oldTo > from;
  let h1s = b.h1s;
  if (!moved && roots.length === 0 && sameBytes(flags, before.flags)) {
    // The same headings (level, text and lines) and line flags (typing in a section's text): the roles are taken as
    // they were, and only the lines acting as headings are read again.
    const labels = recogniseLabels(input, b.kept, b.served, previous.ends, b.parent, b.titleIndex, b.isHeadingLine);
    return { headings: previous.headings, labels, ends: previous.ends, basis: { ...b, input } };
  }
  if (b.contentGave) return undefined;
  for (const r of roots) if (r === b.titleIndex || r === 0) return undefined;
  if (moved) {
    // The title is the first heading, read with the count of H1s ("# Summary" alone is a section, not the title): a
    // change there, or of a document of one heading, is read in full, and so is one of H1s that makes another title.
    if (from === 0 || n === 1 || m === 1 || newTo - from > PATCH_LIMIT || oldTo - from > PATCH_LIMIT) return undefined;
    for (let i = from; i < newTo; i++) if (headings[i]!.level === 1) h1s++;
    for (let j = from; j < oldTo; j++) if (olds[j]!.level === 1) h1s--;
    if (h1s !== b.h1s && titleOf(headings, b.words, h1s) !== b.titleIndex) return undefined;
  }
  const changedText = roots.length;

  // The words (those of the headings added, or whose text changed, read again), and the roles named plainly.
  const words = b.words.slice();
  const cache = wordsCache(matcher, language);
  const plainCount = b.plainCount.slice();
  if (moved) {
    for (let j = from; j < oldTo; j++) count(plainCount, b.words[j]!.candidates, -1, true);
    words.splice(from, oldTo - from, ...new Array<HeadingWords>(newTo - from));
    for (let i = from; i < newTo; i++) {
      words[i] = headingWords(headings[i]!.text, matcher, language, 2 * n, cache);
      count(plainCount, words[i]!.candidates, 1, true);
      roots.push(i);
    }
  }
  for (let r = 0; r < changedText; r++) {
    const i = roots[r]!;
    count(plainCount, words[i]!.candidates, -1, true);
    words[i] = headingWords(headings[i]!.text, matcher, language, 2 * n, cache);
    count(plainCount, words[i]!.candidates, 1, true);
  }
  if (bitsOf(plainCount) !== b.plain) return undefined;

  // The tree, moved where headings were added or removed.
  const parents: number[] = []; // headings whose children changed
  const tree = moved
    ? movedTree(headings, olds, b, previous.ends, from, newTo, oldTo, lines.length, roots, parents)
    : { parent: b.parent, end: previous.ends as Int32Array, childStart: b.childStart, kids: b.kids, isHeadingLine: b.isHeadingLine };
  if (roots.length > 4 * PATCH_LIMIT) return undefined;

  // Lines whose signals changed: the heading whose section holds the line is read again (with its tree).
  const changedLines = changedBytes(flags, before.flags, PATCH_LIMIT);
  if (changedLines === undefined) return undefined;
  for (const l of changedLines) {
    const h = firstIndex(n, (i) => headings[i]!.startLine <= l) - 1;
    if (h >= 0) roots.push(h);
  }

  const kept = b.keptBeforeContent.slice();
  const keptCount = b.keptCount.slice();
  if (moved) {
    for (let j = from; j < oldTo; j++) count(keptCount, kept[j]!, -1, false);
    kept.splice(from, oldTo - from, ...new Array<readonly Candidate[]>(newTo - from).fill(NONE));
  }
  const parent = tree.parent;
  const p: Passes = { headings, flags, words, titleIndex: b.titleIndex, parent, end: tree.end, childStart: tree.childStart, kids: tree.kids, isHeadingLine: tree.isHeadingLine, kept, plain: b.plain };

  // An ancestor that serves roles named by its own words (not given by its sub-sections, not a broad Responders that
  // reads its lines), whose children name the same roles between them as before, does not change with what is
  // under it, nor what it says to the headings under it: a change below it is read again only up to it (the
  // sub-headings of a long section are not all read again). Its content, and its ancestors', are asked again below.
  const selfRoots = new Set(roots);
  const delta = n - m;
  const was: Passes = { headings: olds, flags: before.flags, words: b.words, titleIndex: b.titleIndex, parent: b.parent, end: previous.ends as Int32Array, childStart: b.childStart, kids: b.kids, isHeadingLine: b.isHeadingLine, kept: b.keptBeforeContent as Array<readonly Candidate[]>, plain: b.plain };
  const barrierOf = new Map<number, boolean>();
  const isBarrier = (a: number): boolean => {
    if (a < 0 || a === b.titleIndex || selfRoots.has(a) || (a >= from && a < newTo)) return false;
    let v = barrierOf.get(a);
    if (v === undefined) {
      const k = kept[a]!;
      v =
        k.length > 0 &&
        k.every((c) => c.reason.source !== 'context') &&
        !words[a]!.candidates.some((c) => c.weak && c.role === 'responders') &&
        groups(p, a) === groups(was, a < from ? a : a - delta);
      barrierOf.set(a, v);
    }
    return v;
  };
  const barriers = new Set<number>();
  for (const q of parents) {
    if (q === b.titleIndex || selfRoots.has(q)) continue;
    if (isBarrier(q)) barriers.add(q);
    else {
      roots.push(q);
      selfRoots.add(q);
    }
  }

  // The subtrees to read again: from each root's topmost ancestor below the title (or below a barrier), to the end of
  // its section.
  const tops: number[] = [];
  for (const r of roots) {
    if (r === b.titleIndex) continue;
    let top = r;
    while (parent[top]! >= 0 && parent[top] !== b.titleIndex) {
      const a = parent[top]!;
      if (isBarrier(a)) {
        barriers.add(a);
        break;
      }
      top = a;
    }
    tops.push(top);
  }
  if (tops.length === 0 && changedText === 0 && !moved && barriers.size === 0) return undefined;
  tops.sort((x, y) => x - y);
  const ranges: Array<[number, number]> = [];
  let total = 0;
  for (const top of tops) {
    if (ranges.length > 0 && top < ranges[ranges.length - 1]![1]) continue;
    let stop = top + 1;
    while (stop < n && headings[stop]!.level > headings[top]!.level) stop++;
    total += stop - top;
    if (total > PATCH_HEADINGS) return undefined;
    ranges.push([top, stop]);
  }

  for (const [start, stop] of ranges) {
    for (let i = start; i < stop; i++) count(keptCount, kept[i]!, -1, false);
    for (let i = start; i < stop; i++) kept[i] = firstPass(p, i);
    for (let i = stop - 1; i >= start; i--) commonRole(p, i);
    for (let i = start; i < stop; i++) count(keptCount, kept[i]!, 1, false);
  }
  const served = bitsOf(keptCount);
  if (served !== b.servedBeforeContent) return undefined;
  for (const [start, stop] of ranges) for (let i = start; i < stop; i++) if (contentCandidate(p, i, served)) return undefined;
  // Barriers and their ancestors: their lines or children changed, so their content is asked again.
  for (const a of barriers) for (let x = a; x >= 0 && x !== b.titleIndex; x = parent[x]!) if (contentCandidate(p, x, served)) return undefined;

  const out = previous.headings.slice();
  if (moved) out.splice(from, oldTo - from, ...new Array<HeadingRoles>(newTo - from).fill(NO_ROLES));
  for (const [start, stop] of ranges) for (let i = start; i < stop; i++) out[i] = rolesFor(p, i);
  const labels = recogniseLabels(input, kept, served, p.end, parent, b.titleIndex, tree.isHeadingLine);
  if (moved) recognitionRuns.moved++;
  return {
    headings: out,
    labels,
    ends: tree.end,
    basis: { ...b, input, words, kept, keptBeforeContent: kept, served, plainCount, keptCount, parent, childStart: tree.childStart, kids: tree.kids, isHeadingLine: tree.isHeadingLine, h1s },
  };
}

/**
 * The tree of the headings after old headings [from, oldTo) became new ones [from, newTo), the others at the same
 * places: the tree before, moved, and made again from `from` on only until the open headings (a heading and its
 * ancestors, at most six) are again those before, moved; from there on every heading has the parent and section end
 * it had. Pushes to `roots` the headings whose parent or section end changed, and to `parents` those whose children did.
 */
function movedTree(
  headings: readonly HeadingInput[],
  olds: readonly HeadingInput[],
  b: Basis,
  oldEnds: Int32Array,
  from: number,
  newTo: number,
  oldTo: number,
  lineCount: number,
  roots: number[],
  parents: number[],
): Pick<Basis, 'parent' | 'childStart' | 'kids' | 'isHeadingLine'> & { end: Int32Array } {
  const n = headings.length;
  const delta = newTo - oldTo;
  const oldParent = b.parent;
  // Where a new heading was (-1: added), and where an old one is (-1: removed).
  const oldOf = (i: number): number => (i < from ? i : i >= newTo ? i - delta : -1);
  const newOf = (j: number): number => (j < from ? j : j >= oldTo ? j + delta : -1);
  const parent = new Int32Array(n);
  parent.set(oldParent.subarray(0, from));
  for (let i = newTo; i < n; i++) {
    const q = oldParent[i - delta]!;
    parent[i] = q < from ? q : q + delta; // a removed parent is set again below (before the trees agree again)
  }
  const end = new Int32Array(n);
  end.set(oldEnds.subarray(0, from));
  end.set(oldEnds.subarray(oldTo), newTo);
  // The open headings after heading from - 1: it and its ancestors, top of the stack last.
  const stack: number[] = [];
  for (let a = from - 1; a >= 0; a = parent[a]!) stack.push(a);
  stack.reverse();
  const openBefore = stack.slice(); // of the headings before the change, only these may end elsewhere now
  let i = from;
  for (; i < n; i++) {
    const h = headings[i]!;
    while (stack.length > 0 && headings[stack[stack.length - 1]!]!.level >= h.level) {
      const closed = stack.pop()!;
      end[closed] = h.startLine;
    }
    parent[i] = stack.length > 0 ? stack[stack.length - 1]! : -1;
    stack.push(i);
    if (i < newTo) continue;
    // The open headings are those before, moved: the rest is as it was.
    let k = stack.length - 1;
    let j = i - delta;
    while (k >= 0 && j >= 0 && oldOf(stack[k]!) === j) {
      k--;
      j = oldParent[j]!;
    }
    if (k < 0 && j < 0) break;
  }
  // Headings still open at the end of the document end with it; i is where the trees agree again (or n).
  if (i >= n) for (const k of stack) end[k] = lineCount;
  const agree = Math.min(i + 1, n);
  // Read again: the headings added, those whose parent or end changed, and their parents before and after.
  for (const k of openBefore) if (end[k] !== oldEnds[k]) roots.push(k);
  for (let k = newTo; k < agree; k++) {
    const j = k - delta;
    const q = oldParent[j]!;
    if (end[k] !== oldEnds[j] || parent[k] !== (q < 0 ? -1 : newOf(q))) {
      roots.push(k);
      if (parent[k]! >= 0) parents.push(parent[k]!);
      if (q >= 0 && newOf(q) >= 0) parents.push(newOf(q));
    }
  }
  for (let k = from; k < newTo; k++) if (parent[k]! >= 0) parents.push(parent[k]!);
  for (let j = from; j < oldTo; j++) {
    const q = oldParent[j]!;
    if (q >= 0 && newOf(q) >= 0) parents.push(newOf(q));
  }
  const { childStart, kids } = childrenOf(parent, n);
  // Heading lines: those of the removed headings cleared, those of the added set.
  const isHeadingLine = b.isHeadingLine.slice();
  for (let j = from; j < oldTo; j++) for (let l = olds[j]!.startLine; l <= olds[j]!.endLine && l < lineCount; l++) isHeadingLine[l] = 0;
  for (let k = from; k < newTo; k++) for (let l = headings[k]!.startLine; l <= headings[k]!.endLine && l < lineCount; l++) isHeadingLine[l] = 1;
  return { parent, end, childStart, kids, isHeadingLine };
}

/** Bold lines acting as headings, for roles no heading serves, outside sections that serve a role. */
function recogniseLabels(
  input: RecogniseInput,
  kept: readonly (readonly Candidate[])[],
  served: number,
  end: ArrayLike<number>,
  parent: ArrayLike<number>,
  titleIndex: number,
  isHeadingLine: Uint8Array,
): LabelSection[] {
  const { headings, lines, flags, matcher, language } = input;
  // Candidate lines, in order, with the heading they sit under.
  const found: Array<{ line: number; text: string; under: number; start: number; stop: number; inline: boolean }> = [];
  // The heading a line sits under, found only for a candidate line (a binary search): walking every heading along
  // the lines read each of 95,000 headings on every edit.
  const under = (l: number): number => firstIndex(headings.length, (i) => headings[i]!.startLine <= l) - 1;
  for (let l = input.bodyStart; l < lines.length; l++) {
    const f = flags[l]!;
    if (!(f & LABEL_FLAG)) {
      // A short plain line alone in its paragraph, followed by a list ("Action Items" then "- …"), or a field name.
      if ((f & CONTENT_FLAG) === 0 || isHeadingLine[l] === 1) continue;
      const line = lines[l]!;
      if (line.length > 40 || !/^[A-Z\u00C0-\u00DD]/.test(line) || /[.,;!?]\s*$/.test(line) || !/^\s*$/.test(lines[l - 1] ?? '')) continue;
      // Followed by a list or table, or ending in a colon with nothing after it on the line ("Involved:").
      if (!/:\s*$/.test(line) && !/^\s*(?:[-*+]\s|\d{1,3}[.)]\s|\|)/.test(lines[l + 1] ?? '')) continue;
      found.push({ line: l, text: line.replace(/:\s*$/, '').trim(), under: under(l), start: line.length - line.trimStart().length, stop: line.trimEnd().length, inline: false });
      continue;
    }
    const line = lines[l]!;
    const text = labelText(line);
    if (!text) continue;
    // A long question in bold is a FAQ entry, not a heading.
    if (/\?\s*$/.test(text) && text.split(/\s+/).length > 5) continue;
    const start = line.search(/\*\*|__/);
    const close = line.indexOf(line.slice(start, start + 2), start + 2);
    let stop = close + 2;
    if (line[stop] === ':') stop++;
    const inline = line.slice(stop).trim() !== '';
    found.push({ line: l, text, under: under(l), start, stop, inline });
  }
  const out: LabelSection[] = [];
  const taken = new Map<SectionId, number>();
  let read = 0;
  for (let k = 0; k < found.length; k++) {
    const c = found[k]!;
    // Enough for any document a person writes; bounded on any input.
    if (read >= MAX_LABELS_READ) break;
    // Not inside a section that already serves a role (the title's section serves none).
    let inside = false;
    for (let p = c.under; p >= 0; p = parent[p]!) if (p !== titleIndex && kept[p]!.length > 0) inside = true;
    if (inside) continue;
    read++;
    const words = headingWords(c.text, matcher, language, 2 * (headings.length + found.length));
    const plainLine = !(flags[c.line]! & LABEL_FLAG);
    // A plain line counts only when it is nothing but a role's name.
    if (plainLine && !words.onlyName) continue;
    // Two labels may serve one role ("**Background**:" and "**Context**:"), but not a role a heading serves.
    const limit = plainLine ? 1 : 2;
    const roles = words.candidates.filter((x) => (served & x.bit) === 0 && (taken.get(x.role) ?? 0) < limit && (!plainLine || !x.weak));
    if (roles.length === 0) continue;
    for (const r of roles) taken.set(r.role, (taken.get(r.role) ?? 0) + 1);
    const next = found[k + 1]?.line ?? lines.length;
    // The first heading after the label's line: the one after the heading it sits under (headings are in line order).
    const headingAfter = headings[c.under + 1]?.startLine ?? lines.length;
    const stopLine = Math.min(next, headingAfter, c.under >= 0 ? end[c.under]! : lines.length) - 1;
    const level = Math.min(6, (c.under >= 0 ? headings[c.under]!.level : 0) + 1);
    out.push({
      line: c.line,
      text: c.text,
      start: c.start,
      end: c.stop,
      inline: c.inline,
      endLine: Math.max(c.line, stopLine),
      level,
      roles: roles.map((r) => r.role),
      reasons: roles.map((r) => ({ ...r.reason, detail: `${r.reason.detail}, on a line that acts as a heading` })),
    });
  }
  return out;
}
