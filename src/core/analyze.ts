// The one entry point adapters use: text (+ path, config) -> model -> findings.
import { DEFAULT_CONFIG, type PostmortemConfig, type Severity } from './config';
import type { Finding } from './findings';
import { SectionMatcher } from './match';
import { buildModel, ChunkCache, type PostmortemModel } from './model';
import { classifyModel, type PostmortemReason } from './classify';
import { RULES } from './rules';
import type { Rule, RuleContext } from './rules/types';
import { applyDirectives, readDirectives } from './inline-config';
import { computeMetrics, type Metrics } from './milestones/durations';
import { documentStatus, type DocumentStatus } from './status';

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
  return analyzeWith(text, options, undefined);
}

/**
 * Keeps one document's chunk cache between analyses, so an edit re-parses only the chunks it touched.
 * Results equal those of analyze() on the same text.
 */
export class IncrementalAnalyzer {
  private readonly cache = new ChunkCache();

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
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

function analyzeWith(text: string, options: AnalyzeOptions, cache: ChunkCache | undefined): Analysis {
  const config = options.config ?? DEFAULT_CONFIG;
  const model = buildModel(text, cache ? { matcher: matcherFor(config), cache } : { matcher: matcherFor(config) });
  const c = classifyModel(model, options.path, { config });
  const reason = options.force ? 'forced' : c.reason;
  const isPostmortem = reason !== undefined;
  const isTemplate = c.isTemplate;
  const explanation = options.force ? 'checked on request' : c.explanation;
  if (!isPostmortem || !config.enabled) return { model, isPostmortem, reason, isTemplate, explanation, findings: [] };
  return { model, isPostmortem, reason, isTemplate, explanation, findings: runRules(model, config, isTemplate, options.today), metrics: computeMetrics(model, config.milestones.origin) };
}

/**
 * What `auto` means for a rule: completeness rules are hints in a draft, warnings in review (and without a status),
 * errors once final; rules that are `strictWhenFinal` are warnings until final, then errors; other rules are warnings.
 */
export function autoSeverity(rule: Rule, status: DocumentStatus): Severity {
  if (!rule.completeness) return rule.strictWhenFinal && status === 'final' ? 'error' : 'warning';
  if (status === 'draft') return 'hint';
  if (status === 'final') return 'error';
  return 'warning';
}

/** Rules about a section's content, which a template (headings and placeholders) cannot satisfy. */
export function isContentRule(code: string): boolean {
  return code === 'empty-section' || code.startsWith('action-item');
}

export function runRules(model: PostmortemModel, config: PostmortemConfig, template = false, today?: string): Finding[] {
  const findings: Finding[] = [];
  const status = documentStatus(model);
  for (const rule of RULES) {
    if (template && isContentRule(rule.code)) continue;
    const level = config.rules[rule.code] ?? rule.defaultLevel;
    if (level === 'off') continue;
    const severity: Severity = level === 'auto' ? autoSeverity(rule, status) : level;
    const context: RuleContext = {
      model,
      config,
      today,
      report: (f) => findings.push({ ...f, severity: f.severity ?? severity }),
    };
    rule.run(context);
  }
  // Inline configuration comments (<!-- postmortem-disable… -->), the same for every adapter.
  return applyDirectives(findings, readDirectives(model).directives);
}
