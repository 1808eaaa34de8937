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
import { canonicalIndex, SECTION_IDS, sectionSpec, type SectionId } from './catalogue';
import type { SectionMatcher } from './match';
import { countSignals, labelText, SIGNAL, type SignalCounts } from './signals';
import { foldText, isNeutralHeading, matchWords, type Language } from './vocabulary';
import { sameItems } from './text';

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

interface Basis {
  readonly input: RecogniseInput;
  readonly kept: ReadonlyArray<readonly Candidate[]>;
  readonly served: number;
  readonly parent: Int32Array;
  readonly titleIndex: number;
}

/**
 * Whether the headings' roles read from `input` are those read from `before`: the very same heading objects, the same
 * line flags, lines, words and aliases. An edit in a section's text leaves them so (only the labels are read again).
 */
function sameBasis(input: RecogniseInput, before: RecogniseInput): boolean {
  if (input.matcher !== before.matcher || input.language !== before.language || input.bodyStart !== before.bodyStart) return false;
  if (input.lines.length !== before.lines.length) return false;
  return sameItems(input.headings, before.headings) && sameItems(input.flags, before.flags);
}

interface Candidate {
  role: SectionId;
  /** The role's bit (see roleBit): sets of roles are numbers in the passes over every heading. */
  bit: number;
  weak: boolean;
  reason: RoleReason;
}

/** One bit per role of the catalogue: a set of roles is a number (a Set per document, asked per heading, was slower). */
const ROLE_BITS = new Map<SectionId, number>(SECTION_IDS.map((id, i) => [id, 1 << i]));
const roleBit = (role: SectionId): number => ROLE_BITS.get(role)!;
const candidate = (role: SectionId, weak: boolean, reason: RoleReason): Candidate => ({ role, bit: roleBit(role), weak, reason });

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
    const strong = matchWords(folded, language).filter((m) => !m.weak);
    const onlyName = strong.length > 0 && strong.reduce((n, m) => n + m.words.length, 0) >= folded.replace(/ /g, '').length - 2;
    found = { folded, neutral: isNeutralHeading(folded), candidates: computeWordCandidates(text, folded, matcher, language), onlyName };
    // Bounded, but never below the document's own headings: a cache smaller than them was cleared during every
    // analysis, and each edit read every heading again.
    if (cache.size > Math.max(5000, keep)) cache.clear();
    cache.set(key, found);
  }
  return found;
}

/** Configured aliases first, then the vocabulary and the catalogue's aliases. */
function computeWordCandidates(text: string, folded: string, matcher: SectionMatcher, language: Language): Candidate[] {
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
  if (isNeutralHeading(folded) && out.length === 0) return out;
  for (const m of matchWords(folded, language)) add(m.role, m.weak, { role: m.role, source: 'words', detail: `the words “${m.words}”${m.weak ? ' (a broad word)' : ''}` });
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
/** The result for a heading that keeps every candidate of its words, made once per words (headings repeat). */
const allKept = new WeakMap<HeadingWords, HeadingRoles>();

function rolesOf(kept: readonly Candidate[]): HeadingRoles {
  const sorted = [...kept].sort((a, b) => canonicalIndex(a.role) - canonicalIndex(b.role));
  return { isTitle: false, roles: sorted.map((c) => c.role), reasons: sorted.map((c) => c.reason) };
}

/**
 * Written for documents of tens of thousands of headings (an edit reads them all again): per heading it allocates
 * nothing it can share. Candidates are the cached words' own objects (never changed), the tree is kept in typed
 * arrays, and a heading that keeps all its words' candidates shares one result with every heading of the same words.
 */
export function recognise(input: RecogniseInput, previous?: Recognition): Recognition {
  if (previous && sameBasis(input, previous.basis.input)) {
    const { kept, served, parent, titleIndex } = previous.basis;
    const labels = recogniseLabels(input, kept, served, previous.ends, parent, titleIndex);
    return { headings: previous.headings, labels, ends: previous.ends, basis: { ...previous.basis, input } };
  }
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

  // The title: the first heading, at level 1, unless it is only a role's name ("# Summary") and does not hold the
  // rest of the document (other H1s follow, or it is the only heading).
  const first = headings[0];
  const onlyRoleName = n > 0 && words[0]!.candidates.length > 0 && words[0]!.folded.split(' ').length <= 3;
  const titleIndex = first && first.level === 1 && !(onlyRoleName && (h1s > 1 || n === 1)) ? 0 : -1;
  const own = (i: number): readonly Candidate[] => (i === titleIndex ? NONE : words[i]!.candidates);

  // The tree: each heading's parent, and where its section ends (exclusive line).
  const parent = new Int32Array(n).fill(-1);
  const end = new Int32Array(n).fill(lines.length);
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = headings[i]!;
    while (stack.length > 0 && headings[stack[stack.length - 1]!]!.level >= h.level) end[stack.pop()!] = h.startLine;
    parent[i] = stack.length > 0 ? stack[stack.length - 1]! : -1;
    stack.push(i);
  }
  // Children of each heading, in order: kids[childStart[p] .. childStart[p + 1]).
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) childStart[parent[i]! + 1]++;
  for (let i = 0; i < n; i++) childStart[i + 1] += childStart[i]!;
  const kids = new Int32Array(childStart[n]!);
  {
    const fill = childStart.slice(0, n);
    for (let i = 0; i < n; i++) if (parent[i]! >= 0) kids[fill[parent[i]!]!++] = i;
  }
  const childCount = (p: number): number => childStart[p + 1]! - childStart[p]!;

  // Roles some heading names plainly: broad words for them count nowhere else.
  let plain = 0;
  // Index loops, not for…of, in the passes over every heading: an iterator per heading was most of their garbage.
  for (let i = 0; i < n; i++) {
    const cs = own(i);
    for (let j = 0; j < cs.length; j++) if (!cs[j]!.weak) plain |= cs[j]!.bit;
  }

  // kept[i] is the words' own candidate list (shared, never changed) while the heading keeps all of them, else an
  // array of its own (owned[i] = 1), made when it first differs.
  const kept: Array<readonly Candidate[]> = new Array<readonly Candidate[]>(n);
  for (let i = 0; i < n; i++) kept[i] = NONE;
  const owned = new Uint8Array(n);
  const keep = (i: number, c: Candidate): void => {
    if (owned[i] === 1) (kept[i] as Candidate[]).push(c);
    else {
      kept[i] = [...kept[i]!, c];
      owned[i] = 1;
    }
  };
  const hasAncestorWithRoles = (i: number): boolean => {
    for (let p = parent[i]!; p >= 0; p = parent[p]!) if (kept[p]!.length > 0) return true;
    return false;
  };
  const ancestorServes = (i: number, role: SectionId): boolean => {
    for (let p = parent[i]!; p >= 0; p = parent[p]!) if (kept[p]!.some((x) => x.role === role)) return true;
    return false;
  };
  // A parent "groups" its children when they name several different roles between them.
  const groups = (p: number): boolean => {
    const roles = new Set<SectionId>();
    for (let k = childStart[p]!; k < childStart[p + 1]!; k++) {
      const cs = own(kids[k]!);
      for (let j = 0; j < cs.length; j++) if (!cs[j]!.weak) roles.add(cs[j]!.role);
    }
    return roles.size >= 2;
  };

  const passes = (i: number, c: Candidate, underRoles: boolean): boolean => {
    if (c.reason.source === 'alias') return true;
    if (c.weak) {
      if (underRoles || (plain & c.bit) !== 0) return false;
      if (c.role === 'responders' && countSignals(flags, headings[i]!.endLine + 1, end[i]!).person === 0) return false;
    }
    if (underRoles) {
      // Sub-headings of Action items name kinds of follow-ups ("Detection", "Mitigation", "Process").
      if (c.role !== 'action-items' && ancestorServes(i, 'action-items')) return false;
      if (ancestorServes(i, c.role)) {
        let grouped = false;
        for (let p = parent[i]!; p >= 0 && !grouped; p = parent[p]!) grouped = kept[p]!.some((x) => x.role === c.role) && groups(p);
        if (!grouped) return false;
      }
    }
    return true;
  };
  for (let i = 0; i < n; i++) {
    const cands = own(i);
    if (cands.length === 0) continue;
    const underRoles = hasAncestorWithRoles(i);
    // Each candidate is judged once; a copy is made only from the first that fails.
    let some: Candidate[] | undefined;
    for (let j = 0; j < cands.length; j++) {
      const ok = passes(i, cands[j]!, underRoles);
      if (some) {
        if (ok) some.push(cands[j]!);
      } else if (!ok) some = cands.slice(0, j);
    }
    if (!some) kept[i] = cands;
    else if (some.length > 0) {
      kept[i] = some;
      owned[i] = 1;
    }
  }

  // A parent whose sub-sections all serve one role serves it (and they need not repeat it).
  for (let i = n - 1; i >= 0; i--) {
    if (i === titleIndex || words[i]!.neutral || kept[i]!.length > 0 || childCount(i) < 2) continue;
    let common: SectionId[] | undefined;
    for (let k = childStart[i]!; k < childStart[i + 1]!; k++) {
      const roles = kept[kids[k]!]!.map((c) => c.role);
      common = common ? common.filter((r) => roles.includes(r)) : roles;
    }
    if (!common || common.length !== 1) continue;
    const role = common[0]!;
    keep(i, candidate(role, false, { role, source: 'context', detail: `its ${childCount(i)} sub-sections all serve ${title(role)}` }));
    for (let k = childStart[i]!; k < childStart[i + 1]!; k++) {
      const kid = kids[k]!;
      if (kept[kid]!.some((c) => c.role === role)) {
        kept[kid] = kept[kid]!.filter((c) => c.role !== role);
        owned[kid] = 1;
      }
    }
  }

  // Content: headings still without a role, outside any section that serves one, for roles no heading serves yet.
  let served = 0;
  for (let i = 0; i < n; i++) {
    const k = kept[i]!;
    for (let j = 0; j < k.length; j++) served |= k[j]!.bit;
  }
  const isHeadingLine = new Uint8Array(lines.length);
  for (let i = 0; i < n; i++) {
    const h = headings[i]!;
    for (let l = h.startLine; l <= h.endLine && l < lines.length; l++) isHeadingLine[l] = 1;
  }
  for (let i = 0; i < n; i++) {
    if (i === titleIndex || words[i]!.neutral || hasAncestorWithRoles(i)) continue;
    let childServes = false;
    for (let k = childStart[i]!; k < childStart[i + 1]! && !childServes; k++) childServes = kept[kids[k]!]!.length > 0;
    if (childServes) continue;
    // A heading whose words name a role can also hold the timeline, the one role its content shows beyond doubt.
    const named = kept[i]!.length > 0;
    // Its lines are counted only when some role could still come of them (65,000 "Impact" headings count nothing).
    if (named ? (served & TIMELINE_BIT) !== 0 : (served & CONTENT_BITS) === CONTENT_BITS) continue;
    const counts = countSignals(flags, headings[i]!.endLine + 1, end[i]!, isHeadingLine);
    if (counts.content < 2) continue;
    let best: { role: SectionId; share: number; detail: string } | undefined;
    for (const rule of CONTENT_RULES) {
      if ((served & roleBit(rule.role)) !== 0 || (named && rule.role !== 'timeline')) continue;
      const hits = counts[rule.key];
      const share = hits / counts.content;
      if (hits >= rule.min && share >= rule.share && (!best || share > best.share)) {
        best = { role: rule.role, share, detail: `${hits} of ${counts.content} lines ${rule.says}` };
      }
    }
    if (best) {
      keep(i, candidate(best.role, false, { role: best.role, source: 'content', detail: best.detail }));
      served |= roleBit(best.role);
    }
  }

  const labels = recogniseLabels(input, kept, served, end, parent, titleIndex);

  const out = new Array<HeadingRoles>(n);
  for (let i = 0; i < n; i++) {
    const k = kept[i]!;
    if (i === titleIndex) out[i] = TITLE;
    else if (k.length === 0) out[i] = NO_ROLES;
    else if (k === words[i]!.candidates || sameItems(k, words[i]!.candidates)) {
      let shared = allKept.get(words[i]!);
      if (!shared) allKept.set(words[i]!, (shared = rolesOf(k)));
      out[i] = shared;
    } else out[i] = rolesOf(k);
  }
  return { headings: out, labels, ends: end, basis: { input, kept, served, parent, titleIndex } };
}

/** Bold lines acting as headings, for roles no heading serves, outside sections that serve a role. */
function recogniseLabels(
  input: RecogniseInput,
  kept: readonly (readonly Candidate[])[],
  served: number,
  end: ArrayLike<number>,
  parent: ArrayLike<number>,
  titleIndex: number,
): LabelSection[] {
  const { headings, lines, flags, matcher, language } = input;
  // Candidate lines, in order, with the heading they sit under.
  const found: Array<{ line: number; text: string; under: number; start: number; stop: number; inline: boolean }> = [];
  let h = -1;
  for (let l = input.bodyStart; l < lines.length; l++) {
    while (h + 1 < headings.length && headings[h + 1]!.startLine <= l) h++;
    const f = flags[l]!;
    if (!(f & LABEL_FLAG)) {
      // A short plain line alone in its paragraph, followed by a list ("Action Items" then "- …"), or a field name.
      if ((f & CONTENT_FLAG) === 0 || (h >= 0 && l <= headings[h]!.endLine)) continue;
      const line = lines[l]!;
      if (line.length > 40 || !/^[A-Z\u00C0-\u00DD]/.test(line) || /[.,;!?]\s*$/.test(line) || !/^\s*$/.test(lines[l - 1] ?? '')) continue;
      // Followed by a list or table, or ending in a colon with nothing after it on the line ("Involved:").
      if (!/:\s*$/.test(line) && !/^\s*(?:[-*+]\s|\d{1,3}[.)]\s|\|)/.test(lines[l + 1] ?? '')) continue;
      found.push({ line: l, text: line.replace(/:\s*$/, '').trim(), under: h, start: line.length - line.trimStart().length, stop: line.trimEnd().length, inline: false });
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
    found.push({ line: l, text, under: h, start, stop, inline });
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
