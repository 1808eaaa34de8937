// New post-mortems: slugs, file names, collisions, safe paths, the built-in template and {{variables}}.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import {
  analyze,
  builtInTemplate,
  CATALOGUE,
  cursorLineFor,
  DEFAULT_SEVERITIES,
  fileNameFor,
  isDeviceName,
  MAX_FILE_NAME_BYTES,
  isIsoDate,
  normaliseConfig,
  renderTemplate,
  safeRelativePath,
  slugify,
  templateVars,
  incidentDateProblem,
  timelineEntryInsert,
  uniqueName,
  utcStamp,
} from '../../src/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

/** The offset of a line/character position in LF text. */
const offsetOf = (text: string, p: { line: number; character: number }) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;

const NOW = new Date(Date.UTC(2026, 10, 1, 14, 3, 59));
const vars = (title: string, extra: { author?: string; severity?: string; date?: string } = {}) =>
  templateVars({ title, date: extra.date ?? '2026-11-01', severity: extra.severity ?? 'SEV2', now: NOW, ...(extra.author ? { author: extra.author } : {}) });

describe('template: slugify', () => {
  const table: Array<[string, string]> = [
    ['Checkout latency spike', 'checkout-latency-spike'],
    ['  DB: "primary" failover!!  ', 'db-primary-failover'],
    ['Café résumé naïve Ångström', 'cafe-resume-naive-angstrom'],
    ['ﬁle ① full-width ＡＢＣ', 'file-1-full-width-abc'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c', 'a-b-c'],
    ['tab\there\u0000nul\nnew line', 'tab-here-nul-new-line'],
    ['---', 'postmortem'],
    ['', 'postmortem'],
    ['数据库故障', 'postmortem'],
    ['🔥🔥', 'postmortem'],
    ['x'.repeat(80), 'x'.repeat(60)],
    [`${'a'.repeat(59)} b`, 'a'.repeat(59)],
  ];
  for (const [title, expected] of table) {
    it(JSON.stringify(title).slice(0, 50), () => {
      const slug = slugify(title);
      assert.equal(slug, expected);
      assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(slug.length <= 60);
    });
  }
});

describe('template: file names', () => {
  const v = { date: '2026-11-01', slug: 'db-failover', severity: 'SEV2' };
  const table: Array<[string, string, typeof v?]> = [
    ['${date}-${slug}.md', '2026-11-01-db-failover.md'],
    ['${year}/${month}/${slug}.md', '2026-11-db-failover.md'],
    ['${severity}-${slug}', 'sev2-db-failover.md'],
    ['../../${slug}.md', 'db-failover.md'],
    ['..\\..\\${slug}.md', 'db-failover.md'],
    ['/etc/${slug}.md', 'etc-db-failover.md'],
    ['.hidden-${slug}.md', 'hidden-db-failover.md'],
    ['${unknown}${slug}.md', 'db-failover.md'],
    ['a:b*c?<d>|e"f.md', 'a-b-c-d-e-f.md'],
    ['', '2026-11-01-db-failover.md'],
    ['${unknown}', 'postmortem.md'],
    ['..', 'postmortem.md'],
    ['${slug}.markdown', 'db-failover.markdown.md'],
  ];
  for (const [pattern, expected] of table) {
    it(`${JSON.stringify(pattern)} -> ${expected}`, () => {
      const name = fileNameFor(pattern, v);
      assert.equal(name, expected);
      assert.ok(!/[\\/]/.test(name) && !name.includes('..') && !name.startsWith('.'));
    });
  }
});

describe('template: file names Windows can create', () => {
  const v = { date: '2026-11-01', slug: 'nul', severity: 'SEV2' };
  const devices: Array<[string, string, Partial<typeof v>?]> = [
    ['CON', 'CON_.md'],
    ['con.md', 'con_.md'],
    ['${slug}.md', 'nul_.md'],
    ['${slug}.md', 'Prn_.md', { slug: 'Prn' }],
    ['aux.tar.md', 'aux_.tar.md'],
    ['COM1', 'COM1_.md'],
    ['lpt9.md', 'lpt9_.md'],
    ['COM\u00b9.md', 'COM\u00b9_.md'],
    ['nul .md', 'nul_ .md'],
    ['${date}-${slug}.md', '2026-11-01-nul.md'],
    ['console.md', 'console.md'],
    ['com10.md', 'com10.md'],
    ['lpt0.md', 'lpt0.md'],
  ];
  for (const [pattern, expected, extra] of devices) {
    it(`${JSON.stringify(pattern)} with slug ${JSON.stringify(extra?.slug ?? v.slug)} -> ${expected}`, () => {
      const name = fileNameFor(pattern, { ...v, ...extra });
      assert.equal(name, expected);
      assert.ok(!isDeviceName(name), `${name} is not a device name`);
    });
  }

  it('recognises device names in any case, with any extension', () => {
    for (const name of ['CON', 'con', 'Con.txt', 'NUL.md', 'nul.tar.gz', 'AUX', 'prn.', 'COM1', 'com9.md', 'LPT1', 'lpt5.x', 'COM\u00b2']) assert.ok(isDeviceName(name), name);
    for (const name of ['CONSOLE', 'con_.md', 'COM0', 'COM10', 'LPT', 'nul-2.md', 'a.con']) assert.ok(!isDeviceName(name), name);
  });

  const long = slugify(`${'very long incident title '.repeat(8)}`);
  it('a long slug repeated in the pattern is shortened, keeping the date', () => {
    const name = fileNameFor('${date}-${slug}-${slug}-${slug}-${slug}-${slug}.md', { ...v, slug: long });
    assert.ok(new TextEncoder().encode(name).length <= MAX_FILE_NAME_BYTES, `${name.length}: ${name}`);
    assert.match(name, /^2026-11-01-very-long/);
    assert.match(name, /\.md$/);
    assert.doesNotMatch(name, /-\.md$/);
  });

  it('a long literal pattern is cut, keeping the date at the front', () => {
    const name = fileNameFor(`${'x'.repeat(300)}-\${date}.md`, v);
    assert.ok(new TextEncoder().encode(name).length <= MAX_FILE_NAME_BYTES, name);
    assert.match(name, /^2026-11-01-x+\.md$/);
  });

  it('counts bytes, not characters, and never splits a character', () => {
    const name = fileNameFor(`${'数'.repeat(200)}.md`, v);
    assert.ok(new TextEncoder().encode(name).length <= MAX_FILE_NAME_BYTES, name);
    assert.match(name, /^数+\.md$/);
  });

  it('a huge pattern is cut in linear time, emoji kept whole (an 80,000-character pattern took 0.8 s)', () => {
    const start = process.cpuUsage();
    const name = fileNameFor(`${'é😀'.repeat(25_000)}.md`, v);
    const used = process.cpuUsage(start);
    assert.ok(new TextEncoder().encode(name).length <= MAX_FILE_NAME_BYTES, name);
    assert.match(name, /^(?:é😀)+é?\.md$/u);
    assert.ok((used.user + used.system) / 1000 < 500, `${(used.user + used.system) / 1000} ms`);
  });

  it('every uniqueness suffix still fits in 255 bytes', () => {
    const name = fileNameFor('${slug}${slug}${slug}${slug}${slug}', { ...v, slug: long });
    assert.ok(new TextEncoder().encode(name.replace(/\.md$/, '-9999.md')).length <= 255);
  });
});

describe('template: never overwrite', () => {
  const table: Array<[string, string[], string]> = [
    ['a.md', [], 'a.md'],
    ['a.md', ['a.md'], 'a-2.md'],
    ['a.md', ['a.md', 'a-2.md', 'a-3.md'], 'a-4.md'],
    ['a.md', ['A.MD'], 'a-2.md'],
    ['a.md', ['a-2.md'], 'a.md'],
    ['2026-11-01-x.md', ['2026-11-01-x.md'], '2026-11-01-x-2.md'],
  ];
  for (const [name, existing, expected] of table) {
    it(`${name} with [${existing.join(', ')}] -> ${expected}`, () => assert.equal(uniqueName(name, new Set(existing)), expected));
  }
});

describe('template: safe relative paths', () => {
  const table: Array<[string, string[] | undefined]> = [
    ['postmortems', ['postmortems']],
    ['docs/incidents/', ['docs', 'incidents']],
    ['docs\\incidents', ['docs', 'incidents']],
    ['./a/./b', ['a', 'b']],
    ['', []],
    ['../outside', undefined],
    ['a/../../b', undefined],
    ['/etc', undefined],
    ['C:\\Windows', undefined],
    ['file:///etc', undefined],
  ];
  for (const [path, expected] of table) {
    it(JSON.stringify(path), () => assert.deepEqual(safeRelativePath(path), expected));
  }
});

describe('template: dates', () => {
  const table: Array<[string, boolean]> = [
    ['2026-11-01', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-1', false],
    ['yesterday', false],
    ['2026-11-01T10:00', false],
  ];
  for (const [value, ok] of table) it(`${value} ${ok ? 'is' : 'is not'} a date`, () => assert.equal(isIsoDate(value), ok));
  const dates: Array<[string, boolean]> = [
    ['2026-11-01', true], // the past
    ['2026-11-20', true], // today
    ['2026-11-21', true], // tomorrow: another time zone's today
    ['2026-11-22', false],
    ['2030-11-20', false],
    ['2026-02-30', false],
  ];
  for (const [date, ok] of dates) {
    it(`on 2026-11-20 an incident date ${date} is ${ok ? 'accepted' : 'refused with a reason'}`, () => {
      const problem = incidentDateProblem(date, '2026-11-20');
      if (ok) assert.equal(problem, undefined);
      else assert.match(problem ?? '', /future|real date/);
    });
  }
  it('a far future date says how far and what today is', () => {
    assert.equal(incidentDateProblem('2030-01-01', '2026-11-20'), '2030-01-01 is 1138 days in the future; enter the day the incident happened (today is 2026-11-20).');
  });
  it('timeline stamps are UTC, to the minute', () => assert.equal(utcStamp(NOW), '2026-11-01 14:03 UTC'));
});

describe('template: rendering', () => {
  it('the built-in template has the front matter, the H1 and the ten sections with guidance, and nothing above a hint', () => {
    const { text, unknownVariables } = renderTemplate(builtInTemplate(), vars('Checkout latency spike'));
    assert.deepEqual(unknownVariables, []);
    const fm = parse(text.split('---\n')[1]!);
    assert.deepEqual(fm, { title: 'Checkout latency spike', date: '2026-11-01', severity: 'SEV2', status: 'draft', authors: [], type: 'postmortem' });
    assert.match(text, /\n# Checkout latency spike\n/);
    for (const s of CATALOGUE) assert.ok(text.includes(`\n## ${s.title}\n\n<!-- ${s.guidance} -->\n`), s.id);
    assert.match(text, /- \[ \] .* — owner: @name, ticket: ABC-123, due: YYYY-MM-DD/);
    const a = analyze(text, { path: '/w/postmortems/2026-11-01-checkout-latency-spike.md' });
    assert.equal(a.isPostmortem, true);
    // A fresh draft has empty sections (hints) and is a draft (info); nothing is missing or wrong.
    assert.deepEqual(a.findings.filter((f) => f.severity === 'warning' || f.severity === 'error'), []);
    assert.deepEqual(a.findings.filter((f) => f.code === 'missing-section' || f.code.startsWith('frontmatter')), []);
    assert.deepEqual(a.model.timeline.length, 0);
  });

  it('writing up yesterday\'s incident today: a first timeline entry dated yesterday is in order', () => {
    // Created on 2026-11-02 for an incident on 2026-11-01: the creation of the document is not an incident event.
    const { text } = renderTemplate(builtInTemplate(), templateVars({ title: 'Spike', date: '2026-11-01', severity: 'SEV2', now: new Date(Date.UTC(2026, 10, 2, 9, 0)) }));
    const { insert } = timelineEntryInsert(analyze(text).model, '2026-11-01 14:03 UTC', { text: 'Alert fired.' });
    const after = text.slice(0, offsetOf(text, insert.position)) + insert.text + text.slice(offsetOf(text, insert.position));
    const a = analyze(after, { path: '/w/postmortems/2026-11-01-spike.md' });
    assert.equal(a.model.timeline.length, 1);
    assert.deepEqual(a.findings.filter((f) => f.code.startsWith('timeline-')), []);
  });

  it('the author setting becomes the authors list', () => {
    const { text } = renderTemplate(builtInTemplate({ withAuthor: true }), vars('X', { author: 'Jane Doe' }));
    assert.deepEqual(parse(text.split('---\n')[1]!).authors, ['Jane Doe']);
  });

  const hostile: string[] = ['DB: "primary" failover', "it's # not a comment", '- list?', '[flow]', '{a: b}', '&anchor *alias', '@at `tick`', 'yes', '12', 'null', '!!binary x', "O'Brien: \"quoted\" \\ back"];
  for (const title of hostile) {
    it(`a title like ${JSON.stringify(title)} keeps the YAML valid and the value exact`, () => {
      const { text } = renderTemplate(builtInTemplate({ withAuthor: true }), vars(title, { author: title }));
      const fm = parse(text.split('\n---\n')[0]!.slice(4));
      assert.equal(fm.title, title);
      assert.deepEqual(fm.authors, [title]);
      assert.deepEqual(analyze(text, { force: true }).findings.filter((f) => f.code.startsWith('frontmatter')), []);
    });
  }

  it('control characters in a title become spaces', () => {
    assert.equal(vars('a\u0007b\nc\td').title, 'a b c d');
  });

  it('custom templates: every variable, unknown ones left as written and reported once', () => {
    const template = '# {{title}} ({{ severity }})\n{{date}} {{author}} {{now}} {{slug}} {{nope}} {{nope}} {{other}} {{{title}}}';
    const r = renderTemplate(template, vars('Big Bang', { author: 'Ann' }));
    assert.equal(r.text, '# Big Bang (SEV2)\n2026-11-01 Ann 2026-11-01 14:03 UTC big-bang {{nope}} {{nope}} {{other}} {Big Bang}');
    assert.deepEqual(r.unknownVariables, ['nope', 'other']);
  });

  it('many unknown variables are each reported once, in linear time (20,000 took 0.5 s)', () => {
    const template = Array.from({ length: 40_000 }, (_, i) => `{{v${i % 20_000}}}`).join('\n');
    const start = process.cpuUsage();
    const r = renderTemplate(template, vars('X'));
    const used = process.cpuUsage(start);
    assert.equal(r.unknownVariables.length, 20_000);
    assert.equal(r.unknownVariables[19_999], 'v19999');
    assert.ok((used.user + used.system) / 1000 < 500, `${(used.user + used.system) / 1000} ms`);
  });

  it('in front matter only whole values are YAML-quoted; quoted and inline placeholders are left to the author', () => {
    const template = '---\ntitle: {{title}}\nsummary: "{{slug}}"\ntags:\n  - {{severity}}\n---\n# {{title}}\n';
    const r = renderTemplate(template, vars('A: B'));
    assert.equal(r.text, '---\ntitle: "A: B"\nsummary: "a-b"\ntags:\n  - SEV2\n---\n# A: B\n');
  });

  it('CRLF templates keep their line endings', () => {
    const r = renderTemplate('---\r\ntitle: {{title}}\r\n---\r\n# {{title}}\r\n', vars('A: B'));
    assert.equal(r.text, '---\r\ntitle: "A: B"\r\n---\r\n# A: B\r\n');
  });

  it('the cursor goes to the Overview guidance line', () => {
    const { text } = renderTemplate(builtInTemplate(), vars('X'));
    const lines = text.split('\n');
    const line = cursorLineFor(text);
    assert.equal(lines[line - 2], '## Overview');
    assert.match(lines[line]!, /^<!-- A 1-2 sentence TL;DR/);
    assert.equal(cursorLineFor('# T\n\nno overview\n'), 2);
    assert.equal(cursorLineFor('plain'), 0);
  });
});

describe('config: severities', () => {
  it('defaults to SEV1–SEV4 with descriptions, the same as the manifest default', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(normaliseConfig({}).severities.map((s) => s.id), ['SEV1', 'SEV2', 'SEV3', 'SEV4']);
    const settings = Object.assign({}, ...pkg.contributes.configuration.map((c: { properties: object }) => c.properties));
    assert.deepEqual(settings['postmortem.severities'].default, DEFAULT_SEVERITIES);
  });

  it('takes strings or {id, description} and drops duplicates; a list with malformed entries gets a problem each and is left out', () => {
    assert.deepEqual(normaliseConfig({ severities: ['P1', { id: 'P2', description: 'Two' }, ' P1'] }).severities, [{ id: 'P1', description: '' }, { id: 'P2', description: 'Two' }]);
    const problems: string[] = [];
    // One policy with the team file (the configuration table): a list with a bad element is left out whole.
    const c = normaliseConfig({ severities: ['P1', { id: 'P2', description: 'Two' }, { description: 'no id' }, 7, 'P1'] }, problems);
    assert.deepEqual(c.severities, DEFAULT_SEVERITIES);
    assert.equal(problems.length, 2);
    assert.deepEqual(normaliseConfig({ severities: [] }).severities, DEFAULT_SEVERITIES);
  });
});
