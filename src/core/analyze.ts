// The one entry point adapters use: text (+ path, config) -> model -> findings.
import { DEFAULT_CONFIG, type PostmortemConfig, type Severity } from './config/config';
import type { Finding } from './findings';
import { SectionMatcher } from './model/match';
import { buildModel, ChunkCache, emptyModel, keepsEntries, previousModel, releasePrevious, type PostmortemModel } from './model/model';
import { classifyModel, type PostmortemReason } from './model/classify';
import { oversize, oversizeFinding } from './size-limit';
import { RULES } from './rules';
import type { FindingInput, FindingsBefore, Rule, RuleContext } from './rules/types';
import { applyDirectives, readDirectives } from './model/inline-config';
import { computeMetrics, type Metrics } from './milestones/durations';
import { documentStatus, type DocumentStatus } from './model/status';
import { sectionProgress, type SectionProgress } from './model/progress';

export interface AnalyzeOptions {
  /** The file's path or URI path, for glob classification. */
  readonly path?: string;
  readonly config?: PostmortemConfig;
  /** Treat the file as a post-mortem whatever its markers ("Check This File", `--all`). */
  readonly force?: boolean;
  /** Today as YYYY-MM-DD, for action-item-overdue; the adapter reads the clock, so tests can fix the day. */
  readonly today?: string | undefined;
}

export interface Analysis {
  readonly model: PostmortemModel;
  readonly isPostmortem: boolean;
  readonly reason: PostmortemReason | 'forced' | undefined;
  /** A template: structural checks only (no empty-section or action-item findings). */
  readonly isTemplate: boolean;
  /** Why the file is or is not a post-mortem, in words. */
  readonly explanation: string;
  readonly findings: readonly Finding[];
  /** Milestones and durations (TTD, TTA, TTM, TTR, impact window); undefined when the file is not a post-mortem. */
  readonly metrics?: Metrics;
  /**
   * Which required sections are present, empty or missing: a fact about the document, whatever the rule levels (the
   * status bar, completions and Add Section read it; missing-section reports from it). Undefined when the file is not
   * a post-mortem.
   */
  readonly completeness?: SectionProgress;
}

const matchers = new WeakMap<object, SectionMatcher>();

/** The section matcher for a config's aliases, shared by every analysis with the same aliases. */
export function matcherFor(config: PostmortemConfig): SectionMatcher {
  let m = matchers.get(config.extraAliases);
  if (!m) {
    m = new SectionMatcher(config.extraAliases);
    matchers.set(config.extraAliases, m);
  }
  return m;
}

/** Analyses a document from scratch. Never throws on any text. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const size = oversize(text);
  return size ? oversizeAnalysis(text, size, options) : analyzeWith(text, options, undefined);
}

/**
 * Keeps one document's chunk cache between analyses, so an edit re-parses only the chunks it touched.
 * Results equal those of analyze() on the same text.
 */
export class IncrementalAnalyzer {
  private cache = new ChunkCache();

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const size = oversize(text);
    if (size) {
      this.cache = new ChunkCache(); // what it kept of the document before is let go
      return oversizeAnalysis(text, size, options);
    }
    return analyzeWith(text, options, this.cache);
  }

  /** Chunks parsed by the last analysis (the rest came from the cache). */
  get parsedLastRun(): number {
    return this.cache.parsedLastRun;
  }

  /** Chunks the last analysis took by position, wholly before or after the edit, without hashing their text. */
  get reusedLastRun(): number {
    return this.cache.reusedLastRun;
  }
}

/** How much of a document too large to check is read to tell whether it is a post-mortem (front matter, first headings). */
const OVERSIZE_HEAD = 64 * 1024;

/**
 * A document over the size bounds (see size-limit.ts): no model is made of it. Read from its first 64 KB, a
 * post-mortem (or one checked on request) gets the one too-large finding; any other document, nothing. Like a
 * document whose checking failed, it has an empty model and is not a post-mortem to the features (no section
 * progress, completions or hovers made of a part of it).
 */
function oversizeAnalysis(text: string, size: NonNullable<ReturnType<typeof oversize>>, options: AnalyzeOptions): Analysis {
  const config = options.config ?? DEFAULT_CONFIG;
  const head = buildModel(text.slice(0, OVERSIZE_HEAD), { matcher: matcherFor(config) });
  const c = classifyModel(head, options.path, { config });
  const checked = options.force === true || c.reason !== undefined;
  return {
    model: emptyModel(),
    isPostmortem: false,
    reason: undefined,
    isTemplate: false,
    explanation: checked ? 'too large to check' : c.explanation,
    findings: checked ? [oversizeFinding(size)] : [],
  };
}

function analyzeWith(text: string, options: AnalyzeOptions, cache: ChunkCache | undefined): Analysis {
  const config = options.config ?? DEFAULT_CONFIG;
  const model = buildModel(text, cache ? { matcher: matcherFor(config), cache } : { matcher: matcherFor(config) });
  try {
    return analyseModel(model, options, config);
  } finally {
    releasePrevious(model); // the rules have taken what they reuse from the model before
  }
}

function analyseModel(model: PostmortemModel, options: AnalyzeOptions, config: PostmortemConfig): Analysis {
  const c = classifyModel(model, options.path, { config });
  const reason = options.force ? 'forced' : c.reason;
  const isPostmortem = reason !== undefined;
  const isTemplate = c.isTemplate;
  const explanation = options.force ? 'checked on request' : c.explanation;
  if (!isPostmortem) return { model, isPostmortem, reason, isTemplate, explanation, findings: [] };
  const completeness = sectionProgress(model, config.requiredSections);
  if (!config.enabled) return { model, isPostmortem, reason, isTemplate, explanation, findings: [], completeness };
  return { model, isPostmortem, reason, isTemplate, explanation, findings: runRules(model, config, isTemplate, completeness, options.today), metrics: computeMetrics(model, config.milestones.origin), completeness };
}

/**
 * What `auto` means, the one definition: the rule's default level. For a rule that follows the status that level is
 * the status's: a completeness rule is a hint in a draft, a warning in review (and without a status), an error once
 * final; a rule that is strict when final is a warning until final, then an error. Any other rule keeps its own
 * default (`off` stays off). The settings' and the README's words for it are generated from autoLevelText.
 */
export function autoSeverity(rule: Rule, status: DocumentStatus): Severity | 'off' {
  if (rule.completeness) return status === 'draft' ? 'hint' : status === 'final' ? 'error' : 'warning';
  if (rule.strictWhenFinal) return status === 'final' ? 'error' : 'warning';
  return rule.defaultLevel === 'auto' ? 'warning' : rule.defaultLevel;
}

/** autoSeverity in words, for one rule: "a warning, an error once final", or its own default such as "off". */
export function autoLevelWords(rule: Rule): string {
  if (rule.completeness) return 'a hint in a draft, a warning in review or without a status, an error once final';
  if (rule.strictWhenFinal) return 'a warning, an error once final';
  return rule.defaultLevel === 'auto' ? 'warning' : rule.defaultLevel;
}

const codeList = (rules: readonly Rule[]): string => rules.map((r) => `\`${r.code}\``).join(', ');

/** autoSeverity in words, for the settings and the README (both generated from it by `npm run generate`). */
export function autoLevelText(): string {
  return (
    `\`auto\` is the rule's default level. The rules whose default is \`auto\` follow the front-matter \`status\`: ` +
    `the completeness rules (${codeList(RULES.filter((r) => r.completeness))}) are hints in a \`draft\`, warnings \`in-review\` ` +
    `or without a status, and errors once \`final\`; ${codeList(RULES.filter((r) => r.strictWhenFinal))} is a warning until \`final\`, then an error. ` +
    'Every other rule keeps its own default: `section-order: auto` stays off, `status-not-final: auto` stays info.'
  );
}

/** Rules about a section's content, which a template (headings and placeholders) cannot satisfy. */
export function isContentRule(code: string): boolean {
  return code === 'empty-section' || code.startsWith('action-item');
}

/** The findings a rule reported for a model: the next model's run may hand them on. */
interface RuleRun {
  readonly severity: Severity;
  /** Its findings are findings[start .. end) of its analysis (rules report in turn: no array per rule). */
  readonly findings: readonly Finding[];
  readonly start: number;
  readonly end: number;
}

const ruleRuns = new WeakMap<PostmortemModel, Map<string, RuleRun>>();

/** How many of the previous run's findings a report looks at for its own: the edit changed or removed the others. */
const LOOK_AHEAD = 8;

/** The finding made of what a rule reports, when it reported the very same parts (its severity is the run's). */
const same = (out: Finding | undefined, f: FindingInput): boolean =>
  out !== undefined && out.message === f.message && out.range === f.range && out.data === f.data && (f.severity === undefined || f.severity === out.severity);

export function runRules(model: PostmortemModel, config: PostmortemConfig, template = false, completeness = sectionProgress(model, config.requiredSections), today?: string): Finding[] {
  const status = documentStatus(model);
  const keep = keepsEntries(model);
  const before = keep ? ruleRuns.get(previousModel(model)!) : undefined;
  // As long as the previous analysis's list, filled by index and cut to length at the end: pushed one by one, 130,000
  // findings grew the list through a dozen copies on every keystroke.
  const hint = before ? (before.values().next().value?.findings.length ?? 0) : 0;
  const findings: Finding[] = hint > 0 ? new Array<Finding>(hint) : [];
  let count = 0;
  const runs = keep ? new Map<string, RuleRun>() : undefined;
  for (const rule of RULES) {
    if (template && isContentRule(rule.code)) continue;
    const configured = config.rules[rule.code] ?? rule.defaultLevel;
    const level = configured === 'auto' ? autoSeverity(rule, status) : configured;
    if (level === 'off') continue;
    const severity: Severity = level;
    // A rule that reports the very object it reported for the previous model (kept per section or entry) gets the
    // same finding back: a document may have 130,000 findings, and after a keystroke nearly all are the same.
    const last = before?.get(rule.code);
    const old = last && last.severity === severity ? last : undefined;
    const start = count;
    let j = old ? old.start : 0;
    const oldEnd = old ? old.end : 0;
    // take and skip move along the previous findings as report does (j), and check that they exist.
    const handOn: FindingsBefore | undefined = old && {
      count: old.end - old.start,
      take: (n) => {
        if (n < 0 || j + n > oldEnd) throw new Error(`${rule.code}: ${n} findings handed on, ${oldEnd - j} left`);
        const outs = old.findings;
        for (let k = 0; k < n; k++) findings[count++] = outs[j++]!;
      },
      skip: (n) => {
        if (n < 0 || j + n > oldEnd) throw new Error(`${rule.code}: ${n} findings stepped over, ${oldEnd - j} left`);
        j += n;
      },
    };
    const context: RuleContext = {
      model,
      config,
      completeness,
      today,
      before: handOn,
      report: (f) => {
        let out: Finding | undefined;
        if (old) {
          // In the order reported: the next one, or the one after when the edit removed one. Rules keep what they
          // report (per section or entry), so the same message, range and data are the same objects.
          // A few findings the edit removed or changed in a row are stepped over (a bounded look ahead keeps it
          // linear); a new one leaves the place where it was.
          const outs = old.findings;
          const stop = Math.min(oldEnd, j + LOOK_AHEAD);
          for (let k = j; k < stop; k++) {
            if (same(outs[k], f)) {
              out = outs[k];
              j = k + 1;
              break;
            }
          }
        }
        if (out === undefined) {
          // A finding this function made before, which the rule kept and reports again (see RuleContext.report), is
          // taken as it is at the same severity: 190,000 findings were each made twice, what the rule reported and a
          // copy, and both were kept to the analysis's end.
          const whole = (f as Partial<Finding>).code === rule.code;
          // Spelled out, not spread: a document may have 130,000 findings, and a spread each cost more than the rule.
          out = whole && f.severity === severity ? (f as Finding) : { code: rule.code, message: f.message, range: f.range, data: f.data, severity: (whole ? undefined : f.severity) ?? severity };
        }
        findings[count++] = out;
        return out;
      },
    };
    rule.run(context);
    if (runs && count > start) runs.set(rule.code, { severity, findings, start, end: count });
  }
  findings.length = count;
  if (runs) ruleRuns.set(model, runs);
  // Inline configuration comments (<!-- postmortem-disable… -->), the same for every adapter.
  return applyDirectives(findings, readDirectives(model).directives);
}
