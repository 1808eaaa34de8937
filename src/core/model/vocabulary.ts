// What headings mean: a vocabulary per role of word stems and synonyms, built from what each part of a post-mortem
// is for (how an incident is described, detected, diagnosed, fixed, recovered from and followed up), one per
// language. A heading's words are matched after folding case, accents, numbering, emoji and punctuation, so
// "🙆🏽‍♀️ Recovery", "4. Resolving the issue" and "RÉSOLUTION :" read alike. Every pattern is a plain alternation of
// words (no nested quantifiers), run on a heading's text only: linear in the heading's length.
import type { SectionId } from './catalogue';
import { warmUp } from './regex-warmup';
import { removeDelimited } from './text';

export type Language = 'en' | 'fr';

/** One way a heading can name a role. `weak` words are broad ("summary", "analysis"): see recognise.ts. */
export interface VocabularyEntry {
  readonly role: SectionId;
  readonly pattern: RegExp;
  readonly weak?: boolean;
}

/** A role a heading's words name, with the words that named it (for the hover's explanation). */
export interface WordMatch {
  readonly role: SectionId;
  readonly weak: boolean;
  /** The words of the heading that matched. */
  readonly words: string;
  /** Where the words start in the folded heading: roles are listed in the order the heading names them. */
  readonly at: number;
}

// Every alternative starts and ends with a word character, so the words are whole where no word character touches them:
// the same matches as `\b(?:…)\b`, which V8 compiles several times slower (at activation, the first analysis compiles
// every pattern: 7 ms for this vocabulary with `\b`).
const w = (role: SectionId, source: string, weak = false): VocabularyEntry => ({ role, pattern: new RegExp(`(?<!\\w)(?:${source})(?!\\w)`, 'g'), weak });

/** English. Stems end in \w* so that every inflection counts ("mitigat\w*": mitigation, mitigating, mitigated). */
const ENGLISH: readonly VocabularyEntry[] = [
  // Overview: the short version of the whole story.
  w('overview', 'overview|tl ?;? ?dr|executive summary|synopsis|abstract|at a glance|in brief|in short|(?:incident|issue|outage|problem|event|high level) summary|summary of (?:the )?(?:incident|issue|outage|problem|event)s?'),
  w('overview', 'summary|summaries|introduction|intro', true),
  // Background: what a reader needs to know first.
  w('background', 'background|context|history|lead ?up|leading up|prior state|preamble|how (?:\\w+ ){0,3}works?|system description|(?:system|service|architecture) overview|system architecture'),
  w('background', 'architecture|setup|set up|prerequisites?', true),
  // What happened: the incident itself, told as a story.
  w('what-happened', 'what (?:has )?happened|what went on|what we (?:saw|observed)|^(?:about )?the (?:incident|issue|outage|problem|event|failure)$|^(?:the )?problem$|(?:incident|issue|outage|problem|event|failure) (?:description|details|narrative|walkthrough)|description of (?:the )?(?:incident|issue|outage|problem|event|failure)|problem statement|how (?:did )?(?:it|this|the (?:incident|issue|outage|problem)) happen(?:ed)?|fault|narrative|symptoms?|course of (?:the )?(?:incident|events)'),
  w('what-happened', 'description|details|events?', true),
  // Root causes: why it happened.
  w('root-causes', 'root ?caus\\w*|rca|caus\\w*|contributing factors?|why\\w*|underlying (?:issue|problem|cause|bug)s?|reasons?|diagnos\\w*|what went wrong technically|origin of (?:the )?(?:incident|issue|problem)'),
  w('root-causes', 'analysis|analy[sz]\\w*|triggers?|triggered|trigger\\w*|investigation|vulnerabilit\\w*|bugs?|technical details', true),
  // Mitigation: what was done to stop the bleeding and recover.
  w('mitigation', 'mitigat\\w*|resol(?:ution|ved?|ving)|remedia\\w*|recover\\w*|restor\\w*|workarounds?|work around|fix|fixe[sd]|fixing|repair\\w*|roll ?backs?|rolled back|containment|contain\\w*|immediate (?:actions?|fix(?:es)?|steps|response|remediation)|actions? taken|steps taken|short ?term (?:fix(?:es)?|solutions?|mitigations?|actions?|workarounds?)|how (?:we|it was|it is|it got|this was) (?:fixed|resolved|mitigated|solved|handled)|solutions?'),
  w('mitigation', 'completed|done', true),
  // Impact: the damage, in numbers.
  w('impact', 'impact\\w*|affected|who was affected|blast radius|damage|customer (?:experience|effect)s?|user (?:facing|experience)|consequences? for (?:users?|customers?)|effects? on (?:users?|customers?)'),
  w('impact', 'scope|severity|consequences?|effects?', true),
  // Responders: who worked on it.
  w('responders', 'responders?|participants?|(?:people|persons|teams?|staff|who was|who were) involved|^involved$|attendees?|incident (?:team|commanders?)|response team|personnel|on ?call (?:team|engineers?|responders?)|who (?:was|were) on ?call'),
  w('responders', 'response|thanks|acknowledge?ments?|stakeholders?|contributors', true),
  // Timeline: what happened when.
  w('timeline', 'time ?lines?|chronolog\\w*|sequence of events|chain of events|key (?:events|dates|moments)|event (?:log|history)|incident log|log of events|history of events|timings?'),
  // Good jobs and improvement chances: what the team learned.
  w('good-jobs-and-improvements', 'what (?:went|worked|did not work|didnt work|didn t work|could (?:have )?(?:gone|go|be done) (?:better|differently)|could be improved|we (?:did well|learned|learnt))\\w*(?: (?:well|right|wrong|badly|poorly|less well))?|good jobs?|(?:got|get|were|was) lucky|luck|lessons?|learn\\w*|takeaways?|take aways?|insights?|reflections?|retrospective|improvement (?:chances|opportunities|areas)|opportunities for improvement|areas? (?:for|of) improvement|went well|went wrong|kudos|(?:went|go|gone|going) (?:well|badly|wrong|poorly|right|smoothly|so well|as planned)|(?:did not|didn t|didnt) (?:go|work)|could have (?:gone|been) better|how (?:can|could|do) we (?:do better|improve)|what (?:can|could|should) (?:we )?(?:be )?(?:improved?|do better)|room for improvement|things to improve|challenges|pain points'),
  w('good-jobs-and-improvements', 'conclusions?|observations?', true),
  // Action items: follow-ups that will be tracked.
  w('action-items', 'action (?:items?|points?|plan)s?|follow ?ups?|follow up (?:tasks?|actions?|items?)|next steps|corrective|prevent\\w*|future (?:actions?|work|works|plans?|improvements?|steps|changes|fixes|tasks)|planned (?:actions?|work|changes|improvements?|fixes)|(?:long|medium|mid) ?term (?:improvements?|solutions?|changes|actions?|fix(?:es)?|plans?|work|tasks)|short ?term (?:improvements?|changes|plans?|tasks)|todos?|to dos?|recommendations?|remediation (?:items?|plan|tasks?)|review actions?|what we (?:are|re|will be) (?:doing|changing)|going forward|avoiding recurrence|preventing recurrence'),
  w('action-items', 'actions|tasks?|improvements?|moving forward|backlog|recurrence', true),
];

/** French: the same roles in the words French-speaking teams use (accents folded). */
const FRENCH: readonly VocabularyEntry[] = [
  w('overview', 'sommaire|synthese|resume|apercu|vue d ensemble|en bref'),
  w('background', 'contexte|historique|genese'),
  w('what-happened', 'l incident|ce qui s est passe|description du probleme|deroulement|description de l incident|faits'),
  w('what-happened', 'description|details', true),
  w('root-causes', 'causes?(?: profondes?| racines?)?|pourquoi|origines?'),
  w('root-causes', 'analyse|declencheur|element declencheur', true),
  w('mitigation', 'remedi\\w*|resolution|resolu|retablissement|reparation|correctifs?|contournement|mesures? (?:prises|immediates)|comment nous avons (?:corrige|resolu|regle)'),
  w('impact', 'incidences?|impacts?|consequences?|personnes touchees|utilisateurs touches'),
  w('responders', 'intervenants?|participants?|personnes impliquees|equipe d intervention'),
  w('timeline', 'chronologie|deroulement chronologique|fil des evenements|calendrier des evenements'),
  w('good-jobs-and-improvements', 'lecons?|apprentissages?|retours? d experience|ce qui s est (?:bien|mal|moins bien) passe|(?:points?|axes?|pistes?) d amelioration|(?:points|ce qu il faut) a retenir|ce qui a (?:bien )?fonctionne|ce qui n a pas fonctionne|retrospective|facteurs de chance|enseignements?'),
  w('good-jobs-and-improvements', 'conclusions?|observations?', true),
  w('action-items', 'elements? d action|actions? (?:correctives?|a (?:mener|prendre|venir))|plan d action|prochaines? etapes?|mesures? (?:correctives?|preventives?)|suivi|suites? a donner|prevention'),
  w('action-items', 'actions|taches', true),
];

/**
 * Headings that name something else, whatever else they say: metadata, navigation, questions and appendices. They
 * take no role, from their words or from their content.
 */
const NEUTRAL = new RegExp(
  '^(?:' +
    [
      'faq|q ?a|questions?(?: and answers?)?|open questions?|frequently asked questions?',
      'appendi(?:x|ces)(?: .*)?|annexes?(?: .*)?|references?|supporting (?:information|documents?|material)|further reading|see also|links?|resources?',
      'contents|table of contents|glossary|toc|sommaire des matieres|table des matieres',
      'date|dates|incident dates?(?: s)?|authors?|owners?(?: .*)?|status|severity|duration|stats|statistics|metadata|meta|tags?|version|(?:revision|version|document|change) history|changelog',
      'time to (?:detect|repair|resolve|recover|mitigate|acknowledge)(?: .*)?|ttd|ttr|mttr|mttd|identified|detected|reported by',
      'detection|alerting|monitoring|auteur.*|animateur.*|equipe',
      'postmortem|post mortem|blameless post ?mortem|incident report|incident review|retrospective meeting',
    ].join('|') +
    ')$',
);

/** Folds a heading or line for matching: lower case, no accents, no numbering, emoji or punctuation; single spaces. */
export function foldText(text: string): string {
  let t = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  t = removeDelimited(t, '<', '>', ' ').replace(/&#?[a-z0-9]+;/g, ' ');
  t = t.replace(/[^a-z0-9]+/g, ' ').trim();
  // Leading numbering: "1", "1 2", "iv", "a" before the words ("1. Summary", "IV. Impact", "a) Timeline").
  t = t.replace(/^(?:(?:\d+ )+|(?:[ivx]+|[a-h]) (?=[a-z]{3}))/, '');
  return t;
}

const VOCABULARIES: Record<Language, readonly VocabularyEntry[]> = { en: ENGLISH, fr: [...ENGLISH, ...FRENCH] };

/** Patterns compiled at their first use (see regex-warmup.ts). */
let warmNeutral = false;
const warmLanguages = new Set<Language | 'detect'>();

/** True when the folded heading names only metadata, navigation or an appendix. */
export function isNeutralHeading(folded: string): boolean {
  if (!warmNeutral) {
    warmNeutral = true;
    warmUp([NEUTRAL], folded);
  }
  return NEUTRAL.test(folded);
}

/**
 * The roles a heading's words name, in the order it names them. Within one heading a strong word beats a weak word
 * for another role only where they overlap ("Immediate actions": mitigation, not action items), and every strong
 * role is kept ("Recovery and lessons learned": mitigation and good jobs).
 */
export function matchWords(folded: string, language: Language): WordMatch[] {
  if (folded === '' || folded.length > 300) return [];
  if (!warmLanguages.has(language)) {
    warmLanguages.add(language);
    warmUp(VOCABULARIES[language].map((e) => e.pattern), folded);
  }
  const hits: Array<WordMatch & { end: number }> = [];
  for (const entry of VOCABULARIES[language]) {
    entry.pattern.lastIndex = 0;
    for (let m = entry.pattern.exec(folded); m; m = entry.pattern.exec(folded)) {
      if (m[0] === '') {
        entry.pattern.lastIndex++;
        continue;
      }
      hits.push({ role: entry.role, weak: entry.weak === true, words: m[0], at: m.index, end: m.index + m[0].length });
    }
  }
  // A hit inside a longer hit does not count ("actions" inside "immediate actions", "summary" in "incident summary").
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.at <= h.at && o.end >= h.end && o.end - o.at > h.end - h.at && (!o.weak || h.weak)));
  const strongRoles = new Set(kept.filter((h) => !h.weak).map((h) => h.role));
  const out: WordMatch[] = [];
  kept.sort((a, b) => a.at - b.at);
  for (const h of kept) {
    if (h.weak && strongRoles.size > 0) continue; // a broad word adds nothing to a heading that names a role plainly
    if (out.some((o) => o.role === h.role)) continue;
    out.push({ role: h.role, weak: h.weak, words: h.words, at: h.at });
  }
  return out;
}

const FRENCH_WORDS = /\b(?:le|la|les|des|du|une|est|et|pour|que|qui|dans|sur|avec|nous|pas|ce|au|aux|sont|ont|cette)\b/g;
const ENGLISH_WORDS = /\b(?:the|and|of|to|is|was|were|in|for|that|with|we|on|this|it|not|are|by)\b/g;

/** How many characters of the document's first lines detectLanguage reads. */
const DETECT_READ = 20_000;

/** The document's language, from the most common small words of its first lines. English unless French is clearly more common. */
export function detectLanguage(lines: readonly string[]): Language {
  let fr = 0;
  let en = 0;
  let read = 0;
  if (lines.length > 0 && !warmLanguages.has('detect')) {
    warmLanguages.add('detect');
    warmUp([FRENCH_WORDS, ENGLISH_WORDS], (lines.find((l) => l.trim() !== '') ?? '').slice(0, 1000).toLowerCase());
  }
  for (let i = 0; i < lines.length && read <= DETECT_READ; i++) {
    // A line counts its break (a million empty lines were all read, twice each, on every keystroke), and a long one
    // is read up to the bound (a line of a megabyte was lower-cased and searched whole).
    const line = lines[i]!.length > DETECT_READ - read ? lines[i]!.slice(0, DETECT_READ - read + 1) : lines[i]!;
    read += line.length + 1;
    if (line.length === 0) continue;
    const t = line.toLowerCase();
    fr += t.match(FRENCH_WORDS)?.length ?? 0;
    en += t.match(ENGLISH_WORDS)?.length ?? 0;
  }
  return fr > 10 && fr > en * 1.5 ? 'fr' : 'en';
}
