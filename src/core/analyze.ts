// The one entry point adapters use: text (+ path, config) -> model -> findings.
import { DEFAULT_CONFIG, type PostmortemConfig, type Severity } from './config';
import type { Finding } from './findings';
import { SectionMatcher } from './match';
import { buildModel, ChunkCache, type PostmortemModel } from './model';
import { postmortemReason, type PostmortemReason } from './classify';
import { RULES } from './rules';
import type { Rule, RuleContext } from './rules/types';
import { documentStatus, type DocumentStatus } from './status';

export interface AnalyzeOptions {
  /** The file's path or URI path, for glob classification. */
  readonly path?: string;
  readonly config?: PostmortemConfig;
  /** Treat the file as a post-mortem whatever its markers ("Check This File", `--all`). */
  readonly force?: boolean;
}

export interface Analysis {
  readonly model: PostmortemModel;
  readonly isPostmortem: boolean;
  readonly reason: PostmortemReason | 'forced' | undefined;
  readonly findings: readonly Finding[];
}

const matchers = new WeakMap<object, SectionMatcher>();

function matcherFor(config: PostmortemConfig): SectionMatcher {
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
  const reason = options.force ? 'forced' : postmortemReason(model, options.path, config.globs);
  const isPostmortem = reason !== undefined;
  if (!isPostmortem || !config.enabled) return { model, isPostmortem, reason, findings: [] };
  return { model, isPostmortem, reason, findings: runRules(model, config) };
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

export function runRules(model: PostmortemModel, config: PostmortemConfig): Finding[] {
  const findings: Finding[] = [];
  const status = documentStatus(model);
  for (const rule of RULES) {
    const level = config.rules[rule.code] ?? rule.defaultLevel;
    if (level === 'off') continue;
    const severity: Severity = level === 'auto' ? autoSeverity(rule, status) : level;
    const context: RuleContext = {
      model,
      config,
      report: (f) => findings.push({ ...f, severity: f.severity ?? severity }),
    };
    rule.run(context);
  }
  return findings;
}
