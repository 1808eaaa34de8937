// Report formats: stylish (people and eslint-stylish problem matchers), json, sarif (code scanning), github (workflow
// commands that annotate a pull request) and junit (CI systems that read only that).
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { CODES, docsLink, type Severity } from '../core';
import { RULES } from '../core/rules';
import type { CliFinding, FileResult } from './lint';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatContext {
  /**
   * The repository root: SARIF URIs are relative to it (%SRCROOT%), and so are GitHub annotations' files. GITHUB_WORKSPACE
   * when the working directory is inside it, else the git root of the working directory, else the working directory.
   */
  readonly srcRoot: string;
  readonly version: string;
  readonly color: boolean;
  /** The program name, for SARIF's driver and JUnit's suites. */
  readonly tool: string;
}

export interface Totals {
  errors: number;
  warnings: number;
  /** info and hint */
  other: number;
  checked: number;
  skipped: number;
  failed: number;
}

export function totals(results: readonly FileResult[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, other: 0, checked: 0, skipped: 0, failed: 0 };
  for (const r of results) {
    if (r.error !== undefined) t.failed++;
    else if (r.skipped) t.skipped++;
    if (r.isPostmortem) t.checked++;
    for (const f of r.findings) {
      if (f.severity === 'error') t.errors++;
      else if (f.severity === 'warning') t.warnings++;
      else t.other++;
    }
  }
  return t;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The closing lines of the stylish report, also printed to the terminal when --output writes the report to a file. */
export function summary(results: readonly FileResult[], color = false): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const t = totals(results);
  const total = t.errors + t.warnings + t.other;
  let out =
    total === 0
      ? `${plural(t.checked, 'post-mortem')} checked, no problems.\n`
      : `${paint(t.errors > 0 ? '31' : '33', `✖ ${plural(total, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}${t.other > 0 ? `, ${t.other} info/hint` : ''})`)}\n`;
  const notPostmortem = results.filter((r) => r.skipped && r.error === undefined).length;
  if (notPostmortem > 0) out += `${plural(notPostmortem, 'file')} skipped (see above).\n`;
  if (t.failed > 0) out += paint('31', `${plural(t.failed, 'file')} could not be checked (see above).`) + '\n';
  return out;
}

export function formatJson(results: readonly FileResult[]): string {
  const shown = results.map(({ absolute: _a, lines: _l, ...r }) => r);
  return `${JSON.stringify(shown, null, 2)}\n`;
}

/**
 * ESLint-style output: one block per file with findings, then a summary. Every finding line matches the
 * eslint-stylish problem matcher (`^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*)\s\s+(.*)$`): hints print as `info`
 * with "(hint)" before the message, so a draft's findings never break the matcher or attach to the wrong file.
 */
export function formatStylish(results: readonly FileResult[], color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  let out = '';
  for (const r of results) {
    if (r.error !== undefined) continue; // printed on its own line on stderr as it happened
    if (r.skipped) {
      out += `\n${paint('4', r.file)}\n  ${paint('2', `skipped (${r.skipReason ?? ''})`)}\n`;
      continue;
    }
    if (r.findings.length === 0) continue;
    out += `\n${paint('4', r.file)}\n`;
    for (const f of r.findings) {
      const sev =
        f.severity === 'error' ? paint('31', 'error  ') : f.severity === 'warning' ? paint('33', 'warning') : paint('36', 'info   ');
      const message = f.severity === 'hint' ? `(hint) ${f.message}` : f.message;
      out += `  ${`${f.line}:${f.column}`.padEnd(8)} ${sev}  ${oneLine(message)}  ${paint('2', f.code)}\n`;
    }
  }
  return `${out}${out ? '\n' : ''}${summary(results, color)}`;
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

// --- GitHub workflow commands --------------------------------------------------------------------------------------

/** Escapes a workflow command's message, as GitHub's toolkit does (`escapeData`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (`escapeProperty`): also `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** GitHub resolves an annotation's file from the repository root: the path from %SRCROOT% when inside it. */
function repositoryPath(r: FileResult, srcRoot: string): string {
  if (r.absolute === undefined) return r.file;
  const rel = relativeUri(srcRoot, r.absolute);
  return rel === undefined ? r.file : decodeURIComponent(rel);
}

export function formatGithub(results: readonly FileResult[], srcRoot: string): string {
  let out = '';
  const command = (level: string, props: Record<string, string | number>, message: string) => {
    const p = Object.entries(props)
      .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
      .join(',');
    out += `::${level} ${p}::${escapeData(message)}\n`;
  };
  for (const r of results) {
    const file = repositoryPath(r, srcRoot);
    if (r.error !== undefined) command('error', { file, title: 'postmortem: cannot check' }, r.error);
    else if (r.skipped) command('notice', { file, title: 'postmortem: skipped' }, `skipped (${r.skipReason ?? ''})`);
    for (const f of r.findings) {
      command(
        GITHUB_LEVEL[f.severity],
        { file, line: f.line, col: f.column, endLine: f.endLine, endColumn: f.endColumn, title: `postmortem ${f.code}` },
        `${f.message} (${docsLink(f.code)})`,
      );
    }
  }
  return out + summary(results);
}

// --- JUnit XML -----------------------------------------------------------------------------------------------------

// Control characters other than tab and line breaks, non-characters, and lone surrogates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\v\f\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** XML text and attribute escaping; characters XML cannot hold (controls, lone surrogates) become U+FFFD. */
export function xml(s: string): string {
  return s
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * One test suite per file. Each error or warning is a failed test case; info and hints are not failures and are
 * left out. A file with none is one passing case; a skipped file one skipped case; a file that could not be read an error.
 */
export function formatJunit(results: readonly FileResult[], tool: string): string {
  let suites = '';
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const r of results) {
    const failing = r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    const c = xml(r.file);
    const cases: string[] = [];
    let sFailures = 0;
    let sErrors = 0;
    let sSkipped = 0;
    if (r.error !== undefined) {
      cases.push(`<testcase classname="${c}" name="${c}"><error message="${xml(r.error)}"/></testcase>`);
      sErrors++;
    } else if (r.skipped || !r.isPostmortem) {
      cases.push(`<testcase classname="${c}" name="${c}"><skipped message="${xml(r.skipReason ?? 'not a post-mortem')}"/></testcase>`);
      sSkipped++;
    } else if (failing.length === 0) {
      cases.push(`<testcase classname="${c}" name="${c}"/>`);
    } else {
      for (const f of failing) {
        const detail = `${f.severity} ${r.file}:${f.line}:${f.column} ${f.message} (${f.code})`;
        cases.push(
          `<testcase classname="${c}" name="${xml(`${f.line}:${f.column} ${f.code}`)}">` +
            `<failure message="${xml(f.message)}" type="${f.severity}">${xml(detail)}</failure></testcase>`,
        );
        sFailures++;
      }
    }
    tests += cases.length;
    failures += sFailures;
    errors += sErrors;
    skipped += sSkipped;
    suites += `  <testsuite name="${c}" tests="${cases.length}" failures="${sFailures}" errors="${sErrors}" skipped="${sSkipped}">\n${cases.map((x) => `    ${x}\n`).join('')}  </testsuite>\n`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(tool)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n${suites}</testsuites>\n`;
}

// --- SARIF 2.1.0 ---------------------------------------------------------------------------------------------------

const SARIF_LEVEL: Record<string, 'error' | 'warning' | 'note' | 'none'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
  off: 'none',
  auto: 'warning',
};

/** Every rule the tool can report, for tool.driver.rules. */
export function sarifRules(): Array<Record<string, unknown>> {
  return Object.entries(CODES).map(([id, description]) => {
    const rule = RULES.find((r) => r.code === id);
    return {
      id,
      name: id.replace(/(^|-)([a-z])/g, (_, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: description },
      helpUri: docsLink(id),
      defaultConfiguration: { level: SARIF_LEVEL[rule?.defaultLevel ?? 'warning'] },
      ...(rule?.completeness ? { properties: { tags: ['completeness'] } } : {}),
    };
  });
}

/**
 * A fingerprint that survives unrelated edits: the rule, the finding's data without numbers (those are positions, such
 * as the line of the entry before) and the text of the lines it covers (whitespace collapsed), never a line number or a
 * message that may quote one. The occurrence count tells identical findings in one file apart.
 */
function fingerprint(f: CliFinding, lines: readonly string[] | undefined, seen: Map<string, number>): string {
  const text = (lines ?? []).slice(f.line - 1, Math.min(f.endLine, f.line + 2)).join('\n').replace(/\s+/g, ' ').trim();
  const data = Object.entries(f.data).filter(([, v]) => typeof v !== 'number');
  const hash = createHash('sha256').update(`${f.code}\u0000${JSON.stringify(data)}\u0000${text}`).digest('hex').slice(0, 32);
  const n = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, n);
  return `${hash}:${n}`;
}

/** A file's location: relative to %SRCROOT% when inside it, else an absolute file URI. */
function artifactLocation(r: FileResult, srcRoot: string): Record<string, string> {
  const abs = r.absolute;
  if (abs === undefined) return { uri: encodeURI(r.file) };
  const rel = relativeUri(srcRoot, abs);
  return rel === undefined ? { uri: pathToFileURL(abs).href } : { uri: rel, uriBaseId: '%SRCROOT%' };
}

function relativeUri(root: string, abs: string): string | undefined {
  const a = pathToFileURL(abs).href;
  const base = pathToFileURL(root.endsWith('/') || root.endsWith('\\') ? root : `${root}/`).href;
  return a.startsWith(base) ? a.slice(base.length) : undefined;
}

export function formatSarif(results: readonly FileResult[], context: FormatContext): string {
  const rules = sarifRules();
  const index = new Map(rules.map((r, i) => [r['id'] as string, i]));
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of results) {
    const location = artifactLocation(r, context.srcRoot);
    if (r.error !== undefined) {
      notifications.push({ level: 'error', message: { text: `cannot check ${r.file}: ${r.error}` }, locations: [{ physicalLocation: { artifactLocation: location } }] });
    } else if (r.skipped) {
      notifications.push({ level: 'note', message: { text: `${r.file}: skipped (${r.skipReason ?? ''})` }, locations: [{ physicalLocation: { artifactLocation: location } }] });
    }
    const seen = new Map<string, number>();
    for (const f of r.findings) {
      sarifResults.push({
        ruleId: f.code,
        ...(index.has(f.code) ? { ruleIndex: index.get(f.code) } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column : 1) },
            },
          },
        ],
        partialFingerprints: { 'postmortemFinding/v1': fingerprint(f, r.lines, seen) },
        ...(f.severity === 'hint' ? { properties: { severity: 'hint' } } : {}),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: context.tool,
            version: context.version,
            semanticVersion: context.version,
            informationUri: 'https://github.com/postmortem-tools/postmortem-writer',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.srcRoot.endsWith('/') ? context.srcRoot : `${context.srcRoot}/`).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: !results.some((r) => r.error !== undefined), toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export function format(name: Format, results: readonly FileResult[], context: FormatContext): string {
  switch (name) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, context);
    case 'github':
      return formatGithub(results, context.srcRoot);
    case 'junit':
      return formatJunit(results, context.tool);
    default:
      return formatStylish(results, context.color);
  }
}
