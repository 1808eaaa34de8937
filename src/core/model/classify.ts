// Which Markdown files are post-mortems, and which are templates. A file is a post-mortem when its front matter,
// path or title says so, or (detection by content) when its sections and text read like one. Runbooks,
// checklists, guides and index pages are not, even inside an incidents/ folder, unless their content plainly is a
// post-mortem. Templates (a file name or title saying template, or sections holding only placeholders) are checked
// for structure only.
//
// Paths are relative: to the workspace folder in the editor, to the project root in the CLI, so both agree.
import { SECTION_IDS, type SectionId } from './catalogue';
import { DEFAULT_CONFIG, type PostmortemConfig } from '../config/config';
import { allSectionsWhere, buildModel, keepsEntries, SectionFilter, sectionsFor, type PostmortemModel, type Section } from './model';
import { isEmptySection } from './prose';
import { countSignals } from './signals';
import { globSet } from './user-patterns';

export type PostmortemReason = 'front-matter' | 'path' | 'title' | 'content';

export interface Classification {
  /** The file gets checks (templates included, with structural checks only). */
  readonly isPostmortem: boolean;
  /** A template (file name or title says so, or its sections hold only placeholders), whether checked or not. */
  readonly isTemplate: boolean;
  readonly reason: PostmortemReason | undefined;
  /** In words, for the status bar, the CLI and tests: "content: serves 6 roles, including Timeline". */
  readonly explanation: string;
}

export interface ClassifyOptions {
  /** Globs for post-mortem paths (default: `postmortem.files.globs`'s default). */
  readonly globs?: readonly string[];
  /** Read the document's content when nothing else says it is a post-mortem (default: on). */
  readonly detectByContent?: boolean;
  /** For the section vocabulary's configured aliases; defaults otherwise. */
  readonly config?: PostmortemConfig;
}

const FRONT_MATTER_TYPES = new Set(['postmortem', 'post-mortem', 'post mortem', 'incident', 'incident-report', 'incident report', 'incident-review', 'retrospective']);
const TITLE = /\bpost[- ]?mortem\b(?![- ]s\b)|\bpost[- ]incident (?:report|review)\b|\bincident (?:report|review|retrospective|analysis)\b|\brapport d.incident\b/i;
/** Words in a title that name an incident. */
const INCIDENT_TITLE = /\b(?:incidents?|outages?|downtime|disruptions?|degradations?|degraded|breach|leak(?:ed)?|failures?|failing|halt(?:ed)?|broken|crash(?:es|ed)?|delays?|unavailab\w*|vulnerabilit\w*|cve-\d+|inconsisten\w*|expired|data loss|panne|interruption)\b/i;
/** A file or title that names something other than a post-mortem: an index, a guide, a runbook, a process. */
const LOOK_ALIKE_NAME = /^(?:readme|index|_index|summary|contributing|changelog|license|code_of_conduct|guide|runbook|playbook|checklist|process)(?:\.[a-z]+)*$/i;
const LOOK_ALIKE_TITLE = /\b(?:runbooks?|playbooks?|check ?lists?|guides?|how[- ]to|procedures?|process(?:es)?|polic(?:y|ies)|handbook|on-?call|onboarding|decision records?|adr|instructions|guidelines|deprecated|upgrade procedure|faq|post[- ]?mortems|postmortem process)\b/i;
const TEMPLATE_NAME = /template|tmpl|skeleton|boilerplate|mod[eè]le/i;
const TEMPLATE_TITLE = /\btemplate\b|\bmod[eè]le\b/i;
const CORE: readonly SectionId[] = ['timeline', 'root-causes', 'mitigation'];

const matchers = new Map<string, (path: string) => boolean>();

function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  let m = matchers.get(key);
  if (!m) {
    const set = globSet(globs);
    m = (path) => set.matches(path);
    if (matchers.size > 20) matchers.clear();
    matchers.set(key, m);
  }
  return m;
}

/** Normalises a path or URI path for glob matching: forward slashes, no drive letter or leading slash. */
export function globPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\/?[a-z]:\//i, '').replace(/^\/+/, '');
}

/**
 * Whether a Markdown file is a post-mortem or a template, from its text and its path relative to the workspace
 * folder (editor) or project root (CLI). The one detection function both use.
 */
export function classify(text: string, relativePath: string | undefined, options: ClassifyOptions = {}): Classification {
  return classifyModel(buildModel(text), relativePath, options);
}

/** classify() on a model already built. */
export function classifyModel(model: PostmortemModel, path: string | undefined, options: ClassifyOptions = {}): Classification {
  const config = options.config ?? DEFAULT_CONFIG;
  const globs = options.globs ?? config.globs;
  const byContent = options.detectByContent ?? config.detectByContent;
  const rel = path === undefined ? undefined : globPath(path);
  const base = rel?.split('/').pop() ?? '';
  const fmTitle = model.frontMatter?.data['title'];
  const titles = [model.title?.text, typeof fmTitle === 'string' ? fmTitle : undefined, model.headings[0]?.text].filter((t): t is string => !!t);

  const roles = rolesInOrder(model);
  const core = CORE.filter((r) => roles.has(r));
  const strongContent = roles.size >= 5 && core.length >= 2;

  // Signs that the text tells an actual incident, not how to write about one: entries with times, causes and fixes.
  const told = (): boolean => {
    const c = countSignals(model.signals, 0, model.lines.length);
    return c.time >= 3 || c.cause >= 2 || (c.cause >= 1 && c.fix >= 1);
  };
  const template =
    TEMPLATE_NAME.test(base.replace(/\.[a-z]+$/i, '')) || titles.some((t) => TEMPLATE_TITLE.test(t)) || onlyPlaceholders(model);
  // An index page or README is a post-mortem only when its title or content plainly says so (a post-mortem kept as
  // a folder's README); a guide, runbook or process page only when its content plainly tells an incident.
  const lookAlikeName = LOOK_ALIKE_NAME.test(base.replace(/\.(?:md|markdown|mdx|txt)$/i, ''));
  const lookAlikeTitle = titles.slice(0, 2).some((t) => LOOK_ALIKE_TITLE.test(t));
  const singularTitle = titles.slice(0, 2).some((t) => TITLE.test(t));
  const lookAlike = lookAlikeTitle ? !(strongContent && told()) : lookAlikeName && !strongContent && !singularTitle;
  const result = (reason: PostmortemReason | undefined, explanation: string): Classification => ({
    isPostmortem: reason !== undefined,
    isTemplate: template,
    reason,
    explanation: reason !== undefined && template ? `${explanation}; a template: structural checks only` : explanation,
  });

  const type = frontMatterType(model);
  if (type !== undefined && FRONT_MATTER_TYPES.has(type.trim().toLowerCase())) return result('front-matter', `front matter: type ${type.trim()}`);
  const lookAlikeWhy = 'an index, guide, runbook, checklist or process page, not a post-mortem';
  if (rel !== undefined && globMatcher(globs)(rel)) {
    return lookAlike ? result(undefined, `path matches, but ${lookAlikeWhy}`) : result('path', `path: ${rel} matches postmortem.files.globs`);
  }
  const titled = titles.slice(0, 2).find((t) => TITLE.test(t));
  if (titled !== undefined) {
    return lookAlike ? result(undefined, `title says post-mortem, but ${lookAlikeWhy}`) : result('title', `title: “${titled}”`);
  }
  if (!byContent) return result(undefined, 'no front matter type, path or title says post-mortem (detection by content is off)');
  if (lookAlike) return result(undefined, lookAlikeWhy);
  const names = [...roles].length;
  if ((names >= 4 && core.length >= 1) || (names >= 3 && core.length >= 2)) {
    return result('content', `content: serves ${names} roles, including ${core.join(', ')}`);
  }
  const incidentTitle = titles.some((t) => INCIDENT_TITLE.test(t));
  if (incidentTitle && names >= 2 && (core.length >= 1 || names >= 3)) {
    return result('content', `content: an incident title and ${names} roles, including ${core.join(', ') || [...roles].join(', ')}`);
  }
  if (incidentTitle) {
    // A short write-up without section headings: its text tells the story of an incident.
    const c = countSignals(model.signals, 0, model.lines.length);
    const kinds = [c.time > 0, c.cause > 0, c.impact > 0, c.fix > 0, c.action > 0].filter(Boolean).length;
    if (c.content >= 5 && c.cause > 0 && kinds >= 3) return result('content', `content: an incident title, and text giving ${kinds} of times, causes, impact, fixes and follow-ups`);
  }
  return result(undefined, 'nothing says post-mortem: front matter, path, title and content');
}

/** The first reason a document counts as a post-mortem, or undefined when it does not. */
export function postmortemReason(model: PostmortemModel, path: string | undefined, globs: readonly string[]): PostmortemReason | undefined {
  return classifyModel(model, path, { globs }).reason;
}

/**
 * The roles the sections serve, in the order they first appear, from the lists of sectionsFor (which an edit patches):
 * not a set filled from each of 95,000 sections on every keystroke.
 */
function rolesInOrder(model: PostmortemModel): Set<SectionId> {
  const firsts: Array<{ id: SectionId; index: number; at: number }> = [];
  for (const id of SECTION_IDS) {
    const first = sectionsFor(model, id)[0];
    if (first) firsts.push({ id, index: first.index, at: first.roles.indexOf(id) });
  }
  firsts.sort((a, b) => a.index - b.index || a.at - b.at);
  return new Set(firsts.map((f) => f.id));
}

/** Three or more sections serve roles, and every one holds only placeholders and guidance. */
function onlyPlaceholders(model: PostmortemModel): boolean {
  if (keepsEntries(model)) {
    // The sections with roles and content, kept per model and patched after an edit (see allSectionsWhere): an edit
    // in a document of 95,000 empty sections asks only about the sections it made.
    if (allSectionsWhere(model, withContent, servesWithContent).sections.length > 0) return false;
    // Three sections with roles: in one role's list, or among the few of all lists.
    const few = new Set<Section>();
    for (const id of SECTION_IDS) {
      const list = sectionsFor(model, id);
      if (list.length >= 3) return true;
      for (const s of list) few.add(s);
    }
    return few.size >= 3;
  }
  let withRoles = 0;
  const sections = model.sections;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    if (s.roles.length === 0) continue;
    withRoles++;
    if (!isEmptySection(model, s)) return false;
  }
  return withRoles >= 3;
}

const withContent = new SectionFilter();
const servesWithContent = (model: PostmortemModel, s: Section): boolean => s.roles.length > 0 && !isEmptySection(model, s);

/** The front matter's `type`, read from the raw lines when the block does not parse (so it still gets checked). */
function frontMatterType(model: PostmortemModel): string | undefined {
  const fm = model.frontMatter;
  if (!fm) return undefined;
  const type = fm.data['type'];
  if (typeof type === 'string') return type;
  if (fm.errors.length === 0) return undefined;
  for (let l = fm.range.start.line + 1; l < fm.range.end.line; l++) {
    // `type: postmortem`, `type = "postmortem"  # comment`: a key, then a value that holds no quote or #.
    const m = /^type\s*[:=](.*)$/.exec(model.lines[l] ?? '');
    if (!m) continue;
    const hash = m[1]!.indexOf('#');
    const v = /^["']?([^"']+)["']?$/.exec((hash < 0 ? m[1]! : m[1]!.slice(0, hash)).trim());
    if (v && v[1]!.trim() !== '') return v[1]!.trim();
  }
  return undefined;
}
