// frontmatter: YAML front matter that parsed but breaks schemas/postmortem.frontmatter.schema.json, one finding per
// violation, on the exact YAML node. The severity enum is the configured severities, not the schema's default.
// Milestone times (`detected:`, `incident.detected:`) that the milestone parser reads are its to judge (milestone-time
// knows the zone the document states), so they get no second finding here.
// Documents without front matter, with TOML front matter or with broken YAML (frontmatter-syntax) get none.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { IncidentSeverity } from '../config/config';
import schema from '../../../schemas/postmortem.frontmatter.schema.json';
import { validate as compiled } from '../generated/frontmatter-validate';
import { range, type Range } from '../model/text';
import type { FrontMatter } from '../model/frontmatter';
import { normaliseStatus } from '../model/status';
import { MILESTONE_IDS } from '../milestones/parse';
import type { Rule } from './types';

export { isIsoDateTime } from '../model/formats';

/** The schema compiled ahead of time by ajv (npm run generate), without the severity enum. */
const validateSchema = compiled as unknown as ValidateFunction;
const PROPERTIES = Object.keys(schema.properties);

/** The paths whose value the milestone parser reads: each top-level milestone key, else the one under incident. */
function milestonePaths(data: Record<string, unknown>): Set<string> {
  return new Set(MILESTONE_IDS.map((id) => (id in data ? `/${id}` : `/incident/${id}`)));
}

/** The schema's errors plus, in the schema's place for it, one for a severity that is not configured. */
function schemaErrors(data: Record<string, unknown>, severities: readonly IncidentSeverity[]): ErrorObject[] {
  // A status the completeness rules understand ("Final", "In review") is one the schema accepts: one reading for both.
  const understood = normaliseStatus(data['status']) !== undefined;
  const milestones = milestonePaths(data);
  const errors = (validateSchema(data) ? [] : [...(validateSchema.errors ?? [])]).filter(
    (e) => !(understood && e.instancePath === '/status' && e.keyword === 'enum') && !milestones.has(e.instancePath),
  );
  const severity = data['severity'];
  const ids = severities.map((s) => s.id);
  if (typeof severity === 'string' && !ids.includes(severity)) {
    const error: ErrorObject = { instancePath: '/severity', schemaPath: '#/properties/severity/enum', keyword: 'enum', params: { allowedValues: ids }, message: 'must be equal to one of the allowed values' };
    // In the schema's property order: before the first error about a property that comes after severity.
    const rank = (e: ErrorObject) => PROPERTIES.indexOf(e.instancePath.split('/')[1] ?? '');
    const after = errors.findIndex((e) => rank(e) > PROPERTIES.indexOf('severity'));
    errors.splice(after === -1 ? errors.length : after, 0, error);
  }
  return errors;
}

function pathOf(error: ErrorObject): (string | number)[] {
  if (error.instancePath === '') return [];
  return error.instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function nameOf(path: readonly (string | number)[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping of keys to values',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
};

function messageFor(error: ErrorObject, path: readonly (string | number)[]): string | undefined {
  const name = nameOf(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params['missingProperty']);
      return `${path.length ? `${name}.` : ''}${missing} is required`;
    }
    case 'enum':
      return `${name} must be one of ${(params['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'type': {
      const what = String(params['type']);
      if (path[0] === 'authors' && path.length === 1) return 'authors must be a list of names, e.g. [Jane Doe]';
      return `${name} must be ${TYPE_WORDS[what] ?? what}`;
    }
    case 'format':
      return params['format'] === 'date'
        ? `${name} must be a date in the form YYYY-MM-DD, e.g. 2026-11-01`
        : `${name} must be an ISO 8601 date and time, e.g. 2026-11-01T14:03:00Z`;
    case 'pattern':
      return `${name} must be a date and time with a zone, e.g. 2026-11-25 14:03 UTC or 2026-11-25T14:03:00Z`;
    case 'minLength':
      return `${name} must not be empty`;
    default:
      return error.message ? `${name || 'front matter'} ${error.message}` : undefined;
  }
}

function rangeFor(fm: FrontMatter, error: ErrorObject, path: readonly (string | number)[], firstLine: Range): Range {
  if (error.keyword === 'required') return path.length ? (fm.nodeRange(path) ?? firstLine) : firstLine;
  return fm.nodeRange(path) ?? firstLine;
}

export const frontmatterSchema: Rule = {
  code: 'frontmatter',
  defaultLevel: 'warning',
  description: 'A front-matter value breaks the post-mortem schema (`schemas/postmortem.frontmatter.schema.json`).',
  docs: 'frontmatter',
  run({ model, config, report }) {
    const fm = model.frontMatter;
    if (!fm || fm.kind !== 'yaml' || fm.errors.length > 0) return;
    const errors = schemaErrors(fm.data, config.severities);
    if (errors.length === 0) return;
    const start = fm.range.start.line;
    const firstLine = range(start, 0, start, (model.lines[start] ?? '').length);
    const seen = new Set<string>();
    for (const error of errors) {
      const path = pathOf(error);
      const message = messageFor(error, path);
      if (!message || seen.has(message)) continue;
      seen.add(message);
      report({ message, range: rangeFor(fm, error, path, firstLine), data: { path: nameOf(path), keyword: error.keyword } });
    }
  },
};
