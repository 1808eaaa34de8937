// New post-mortems: file names, the built-in template (from the catalogue) and {{variable}} rendering.
// Pure: the "New Post-mortem" command (src/features/new-postmortem.ts) does the file access and the UI.
import { stringify } from 'yaml';
import { CATALOGUE } from '../model/catalogue';
import { buildModel } from '../model/model';
import { trimEndChars } from '../model/text';

/** The variables a template may use, as {{name}}. */
export const TEMPLATE_VARIABLES = ['title', 'date', 'severity', 'author', 'now', 'slug'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateVars = Readonly<Record<TemplateVariable, string>>;

export const DEFAULT_FOLDER = 'postmortems';
export const DEFAULT_FILE_NAME = '${date}-${slug}.md';
export const SLUG_FALLBACK = 'postmortem';
export const MAX_SLUG_LENGTH = 60;

/**
 * Lower-case ASCII words joined by dashes: accents folded (NFKD), anything else a dash, repeats collapsed, ends
 * trimmed, at most 60 characters. Never empty and never a path: `../../etc/passwd` gives `etc-passwd`.
 */
export function slugify(text: string, fallback = SLUG_FALLBACK): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '');
  return trimEndChars(trimEndChars(slug, /-/).slice(0, MAX_SLUG_LENGTH), /-/) || fallback;
}

/** A title as typed, made single-line: control characters become spaces, runs of whitespace one space. */
export function cleanTitle(title: string): string {
  // eslint-disable-next-line no-control-regex
  return title.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** True for a YYYY-MM-DD string that names a real calendar day. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of `date` in local time (what "today" means to the person typing). */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Days a typed incident date may lie ahead of today (time zones), before it is refused as a typo. */
export const FUTURE_DATE_SLACK_DAYS = 1;

/**
 * Why an incident date cannot be right, or undefined: a post-mortem is about something that happened, so a date
 * more than a day after `today` (YYYY-MM-DD, local) is a typo such as 2062 for 2026.
 */
export function incidentDateProblem(date: string, today: string): string | undefined {
  if (!isIsoDate(date)) return 'Enter a real date as YYYY-MM-DD, e.g. 2026-11-01.';
  if (!isIsoDate(today)) return undefined;
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
  const ahead = day(date) - day(today);
  if (ahead > FUTURE_DATE_SLACK_DAYS) return `${date} is ${ahead} days in the future; enter the day the incident happened (today is ${today}).`;
  return undefined;
}

/** "YYYY-MM-DD HH:mm UTC", the form of timeline stamps. */
export function utcStamp(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

export interface FileNameVars {
  readonly date: string;
  readonly slug: string;
  readonly severity: string;
}

/** The longest file name written, in UTF-8 bytes: room for `-NNN` under every file system's 255-byte limit. */
export const MAX_FILE_NAME_BYTES = 120;

/**
 * Windows device names (`CON`, `PRN`, `AUX`, `NUL`, `COM1`–`COM9`, `LPT1`–`LPT9`, also with superscript digits), in
 * any case, alone or before an extension: such a file cannot be created or opened on Windows.
 */
const DEVICE_NAME = /^(?:con|prn|aux|nul|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3])(?= *(?:\.|$))/i;

/** True for a name Windows reserves for a device (`CON`, `nul.md`, `Com1.tar.gz`…). */
export function isDeviceName(name: string): boolean {
  return DEVICE_NAME.test(trimEndChars(name, /[\s.]/));
}

/** `name` without the dashes right before a final `.md` (any case): `a--.md` is `a.md`. */
function dashesBeforeMd(name: string): string {
  const ext = name.slice(-3);
  return /^\.md$/i.test(ext) ? trimEndChars(name.slice(0, -3), /-/) + ext : name;
}

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Expands a file-name pattern (`${date}`, `${slug}`, `${year}`, `${month}`, `${severity}`) into ONE safe file
 * name: no path separators, no `..`, no control or reserved characters, no leading dot, ending in `.md`, never a
 * Windows device name (`CON.md` becomes `CON_.md`), and at most MAX_FILE_NAME_BYTES long: a long name is shortened by
 * cutting the slug first, then the end of the name, keeping the date. Unknown `${…}` placeholders are dropped.
 */
export function fileNameFor(pattern: string, vars: FileNameVars): string {
  const [year = '', month = ''] = vars.date.split('-');
  const expand = (slug: string): string => {
    const values: Record<string, string> = { date: vars.date, slug, year, month, severity: slugify(vars.severity, '') };
    return sanitiseFileName((pattern || DEFAULT_FILE_NAME).replace(/\$\{(\w+)\}/g, (_, name: string) => values[name] ?? ''));
  };
  let name = expand(vars.slug);
  // Too long: a shorter slug (cut at a dash where there is one), then the end of the name itself.
  for (let keep = vars.slug.length; utf8Length(name) > MAX_FILE_NAME_BYTES && keep > 0; ) {
    keep = Math.max(0, keep - Math.max(1, Math.ceil((utf8Length(name) - MAX_FILE_NAME_BYTES) / 5)));
    name = dashesBeforeMd(expand(trimEndChars(vars.slug.slice(0, keep), /-/)));
  }
  if (utf8Length(name) > MAX_FILE_NAME_BYTES) {
    const ext = '.md';
    // The longest start of the name that fits, in one pass (cutting a character at a time and measuring the rest each
    // time was quadratic: an 80,000-character postmortem.fileName took 0.8 s).
    const whole = name.slice(0, -ext.length);
    let bytes = 0;
    let end = 0;
    for (const ch of whole) {
      bytes += utf8Length(ch);
      if (bytes > MAX_FILE_NAME_BYTES - ext.length) break;
      end += ch.length;
    }
    let base = whole.slice(0, end);
    base = base.replace(/[\uD800-\uDBFF]$/, '');
    if (vars.date && name.includes(vars.date) && !base.includes(vars.date)) base = `${vars.date}-${base.slice(0, Math.max(0, base.length - vars.date.length - 1))}`;
    name = sanitiseFileName(`${base}${ext}`);
  }
  return name;
}

/** One safe `.md` file name from an expanded pattern (see fileNameFor). */
function sanitiseFileName(expanded: string): string {
  let name = expanded
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/^[\s.-]+/, '');
  name = trimEndChars(name, /[\s.]/);
  if (!/\.md$/i.test(name)) name = `${trimEndChars(name, /\./)}.md`;
  if (/^-?\.md$/i.test(name) || name === '.md') name = `${SLUG_FALLBACK}.md`;
  const device = DEVICE_NAME.exec(name);
  if (device) name = `${device[0]}_${name.slice(device[0].length)}`;
  return name;
}

/** `name`, then `name-2`, `name-3`, … (before the extension): the names to try so nothing is overwritten. */
export function* candidateNames(name: string): Generator<string> {
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  yield name;
  for (let i = 2; ; i++) yield `${base}-${i}${ext}`;
}

/** The first candidate not in `existing` (compared case-insensitively, as on macOS and Windows). */
export function uniqueName(name: string, existing: ReadonlySet<string> | readonly string[]): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  for (const candidate of candidateNames(name)) if (!taken.has(candidate.toLowerCase())) return candidate;
  return name; // unreachable: the generator never ends
}

/**
 * Splits a workspace-relative path (forward or back slashes) into segments, or returns undefined when it is absolute
 * or climbs out of the folder (`..`), so settings can never point outside the workspace folder.
 */
export function safeRelativePath(path: string): string[] | undefined {
  const trimmed = path.trim();
  if (trimmed === '') return [];
  if (/^(?:[a-z]:)?[\\/]/i.test(trimmed) || /^[a-z][\w+.-]*:/i.test(trimmed)) return undefined;
  const segments = trimmed.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  // eslint-disable-next-line no-control-regex
  if (segments.some((s) => s === '..' || /[\u0000-\u001f]/.test(s))) return undefined;
  return segments;
}

/** One YAML scalar, quoted when it has to be (`: `, quotes, `#`, leading symbols, look-alike numbers…). */
export function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The built-in template's example action item: not a real one until it is edited (the export skips it). */
export const ACTION_ITEM_SKELETON = '- [ ] Action — owner: @name, ticket: ABC-123, due: YYYY-MM-DD';

export interface BuiltInTemplateOptions {
  /** Adds an `authors` list with {{author}}; otherwise `authors: []`. */
  readonly withAuthor?: boolean;
}

/** The built-in template, made from the section catalogue. Uses {{title}}, {{date}}, {{severity}}, {{author}}, {{now}}. */
export function builtInTemplate(options: BuiltInTemplateOptions = {}): string {
  const lines = [
    '---',
    'title: {{title}}',
    'date: {{date}}',
    'severity: {{severity}}',
    'status: draft',
    ...(options.withAuthor ? ['authors:', '  - {{author}}'] : ['authors: []']),
    'type: postmortem',
    '---',
    '',
    '# {{title}}',
  ];
  for (const spec of CATALOGUE) {
    lines.push('', `## ${spec.title}`, '', `<!-- ${spec.guidance} -->`);
    // No "Post-mortem created." entry: writing the document is not an incident event, and an entry stamped today
    // would put every earlier event (yesterday's incident) out of order.
    if (spec.id === 'action-items') lines.push('', ACTION_ITEM_SKELETON);
  }
  lines.push('');
  return lines.join('\n');
}

export interface Rendered {
  readonly text: string;
  /** Unknown {{names}}, each once, in order of appearance; they are left in the text as written. */
  readonly unknownVariables: readonly string[];
}

const PLACEHOLDER = /\{\{\s*([A-Z_][\w-]*)\s*\}\}/gi;

/**
 * Replaces {{variables}}. Inside YAML front matter, a placeholder that is a whole value (`key: {{title}}` or
 * `- {{author}}`) becomes a safely quoted YAML scalar, so a title like `Outage: "db"` cannot break the YAML.
 */
export function renderTemplate(template: string, vars: TemplateVars): Rendered {
  const unknown = new Set<string>();
  const known = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name);
  const substitute = (segment: string, yaml: boolean): string => {
    const one = (s: string) =>
      s.replace(PLACEHOLDER, (whole, name: string) => {
        if (known(name)) return vars[name];
        unknown.add(name);
        return whole;
      });
    if (!yaml) return one(segment);
    return segment
      .split('\n')
      .map((line) => {
        const m = /^(\s*(?:-\s+|[^\s#:][^:]*:\s+))\{\{\s*([A-Z_][\w-]*)\s*\}\}\s*$/i.exec(line.replace(/\r$/, ''));
        if (m && known(m[2]!)) return `${m[1]}${yamlScalar(vars[m[2] as TemplateVariable])}${line.endsWith('\r') ? '\r' : ''}`;
        return one(line);
      })
      .join('\n');
  };
  const fm = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/.exec(template);
  if (!fm) return { text: substitute(template, false), unknownVariables: [...unknown] };
  const head = fm[1]! + substitute(fm[2] ?? '', true) + fm[3]!;
  return { text: head + substitute(template.slice(fm[0].length), false), unknownVariables: [...unknown] };
}

/** The variables for a new post-mortem. */
export function templateVars(input: { title: string; date: string; severity: string; author?: string; now: Date }): TemplateVars {
  const title = cleanTitle(input.title);
  return {
    title,
    date: input.date,
    severity: input.severity,
    author: input.author ?? '',
    now: utcStamp(input.now),
    slug: slugify(title),
  };
}

/**
 * Where the cursor goes in a new post-mortem: the first non-blank line after the Overview heading (its guidance
 * comment in the built-in template), else the line after the title heading, else line 0.
 */
export function cursorLineFor(text: string): number {
  const model = buildModel(text);
  const heading = model.sections.find((s) => s.roles.includes('overview'))?.heading ?? model.title;
  if (!heading) return 0;
  let line = heading.range.end.line + 1;
  while (line < model.lines.length - 1 && model.lines[line]!.trim() === '') line++;
  return Math.min(line, model.lines.length - 1);
}
