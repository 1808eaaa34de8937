import * as assert from 'node:assert/strict';
import { analyze, buildModel, sectionsFor, type SectionId } from '../../src/core';
import { doc, fixture } from './helpers';

const roles = (text: string) => buildModel(text).sections.flatMap((s) => s.roles);

describe('model: headings', () => {
  const table: Array<[string, string, SectionId[]]> = [
    ['ATX', doc('## Overview', '', 'x'), ['overview']],
    ['ATX with closing hashes', doc('## Impact ##', '', 'x'), ['impact']],
    ['ATX indented by three spaces', doc('   ## Timeline'), ['timeline']],
    ['setext level 1', doc('Overview', '========', '', 'x'), ['overview']],
    ['setext level 2', doc('Timeline', '--------', '', 'x'), ['timeline']],
    ['HTML h2', doc('<h2 data-toc-skip>Background</h2>', '', 'x'), ['background']],
    ['HTML h3 with inline tags and entities', doc('<h3>Root causes &amp; <em>factors</em></h3>'), ['root-causes']],
    ['emphasis inside a heading', doc('## *Action* __Items__'), ['action-items']],
    ['code span inside a heading', doc('## `Timeline`'), ['timeline']],
    ['not a heading: no space after #', doc('##Timeline'), []],
    ['not a heading: four spaces indent', doc('    ## Timeline'), []],
    ['not a heading: inside a backtick fence', doc('```', '## Timeline', '```'), []],
    ['not a heading: inside a tilde fence', doc('~~~', '## Timeline', '~~~'), []],
    ['not a heading: inside an unclosed fence', doc('```', '## Timeline', '', '## Impact'), []],
    ['not a heading: inside an HTML comment', doc('<!--', '## Timeline', '-->'), []],
    ['not a heading: inside an HTML block', doc('<div>', '## Timeline', '</div>'), []],
    ['not a heading: in front matter', doc('---', '# Timeline', 'x: 1', '---', '', 'text'), []],
    ['a heading after a closed fence', doc('```', 'code', '```', '## Impact'), ['impact']],
    ['a heading after a comment', doc('<!-- note -->', '## Impact'), ['impact']],
  ];
  for (const [name, text, expected] of table) {
    it(name, () => assert.deepEqual(roles(text), expected));
  }

  it('fixture with fences, comments and indented code sees only the real headings', () => {
    const m = buildModel(fixture('fences.md'));
    assert.deepEqual(m.headings.map((h) => h.text), ['Fences', 'Overview', 'Root Causes']);
    assert.equal(m.title?.text, 'Fences');
  });

  it('HTML headings as in the seed post, with their ranges', () => {
    const m = buildModel(fixture('html-headings.md'));
    assert.deepEqual(m.headings.map((h) => [h.kind, h.level, h.text]), [
      ['html', 1, 'Database failover post-mortem'],
      ['html', 2, 'Overview'],
      ['html', 2, 'Background'],
      ['html', 2, 'What happened'],
      ['html', 3, 'Root causes & contributing factors'],
    ]);
    const overview = m.headings[1]!;
    assert.deepEqual(overview.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 31 } });
    assert.equal(m.title?.text, 'Database failover post-mortem');
  });
});

describe('model: sections and ranges', () => {
  it('a section runs to the next heading of the same or a higher level', () => {
    const m = buildModel(doc('# T', '## Impact', 'a', '### Users', 'b', '## Timeline', 'c'));
    const impact = sectionsFor(m, 'impact')[0]!;
    assert.deepEqual(impact.heading.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
    assert.deepEqual(impact.contentRange, { start: { line: 2, character: 0 }, end: { line: 4, character: 1 } });
    const timeline = sectionsFor(m, 'timeline')[0]!;
    assert.deepEqual(timeline.contentRange, { start: { line: 6, character: 0 }, end: { line: 6, character: 1 } });
  });

  it('an empty last section has an empty content range at its heading end', () => {
    const m = buildModel(doc('## Overview', 'x', '## Impact'));
    const impact = sectionsFor(m, 'impact')[0]!;
    assert.deepEqual(impact.contentRange, { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } });
  });

  it('columns are UTF-16 code units, as VS Code counts them', () => {
    const m = buildModel(doc('## 🔥 Impact', '', '<h2>😀 Timeline</h2>'));
    assert.deepEqual(m.headings[0]!.range.end, { line: 0, character: 12 });
    assert.deepEqual(m.headings[1]!.range.end, { line: 2, character: 20 });
  });

  it('CRLF documents keep the same lines and columns as LF ones', () => {
    const crlf = buildModel(fixture('crlf.md'));
    const lf = buildModel(fixture('crlf.md').replace(/\r\n/g, '\n'));
    assert.equal(crlf.eol, '\r\n');
    assert.equal(lf.eol, '\n');
    assert.deepEqual(crlf.headings, lf.headings);
    assert.deepEqual(crlf.sections, lf.sections);
    assert.deepEqual(crlf.headings.map((h) => [h.kind, h.text]), [['atx', 'Title'], ['atx', 'Overview'], ['setext', 'Timeline']]);
    assert.ok(!crlf.lines.some((l) => l.includes('\r')));
    assert.equal(crlf.frontMatter?.data['type'], 'postmortem');
  });

  it('a BOM is not part of the first line, and ranges ignore it', () => {
    const m = buildModel(fixture('bom.md'));
    assert.equal(m.hasBom, true);
    assert.equal(m.lines[0], '## Overview');
    assert.deepEqual(m.headings[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } });
    assert.deepEqual(m.sections.flatMap((s) => s.roles), ['overview', 'timeline']);
  });

  it('one role split over several headings is present once', () => {
    const a = analyze(doc('---', 'type: postmortem', '---', '## What went well', 'x', '## What went wrong', 'y'));
    assert.deepEqual(sectionsFor(a.model, 'good-jobs-and-improvements').length, 2);
    assert.ok(!a.findings.some((f) => f.data['section'] === 'good-jobs-and-improvements'));
  });
});

describe('model: timeline entries and action items', () => {
  it('reads list entries with their sub-bullets', () => {
    const m = buildModel(fixture('complete.md'));
    assert.equal(m.timeline.length, 3);
    assert.equal(m.timeline[0]!.text, '**2026-11-20 14:03 UTC** — Alert fired for checkout p99.');
    assert.deepEqual(m.timeline[1]!.lines, ['- **2026-11-20 14:10 UTC** — Cache node 3 identified.', '  - Memory graphs attached.']);
    assert.equal(m.actionItems.length, 1);
  });

  it('reads table rows but not the header or delimiter row', () => {
    const m = buildModel(doc('## Timeline', '', '| Time | Event |', '|---|---|', '| 14:03 | Alert |', '| 14:10 | Found |', '', '## Impact'));
    assert.deepEqual(m.timeline.map((e) => [e.kind, e.range.start.line]), [['row', 4], ['row', 5]]);
  });
});

describe('model: front matter', () => {
  it('parses YAML', () => {
    const m = buildModel(fixture('complete.md'));
    assert.equal(m.frontMatter?.kind, 'yaml');
    assert.equal(m.frontMatter?.data['severity'], 'SEV2');
    assert.deepEqual(m.frontMatter?.valueRange('severity'), { start: { line: 4, character: 10 }, end: { line: 4, character: 14 } });
  });

  it('parses TOML', () => {
    const m = buildModel(doc('+++', 'title = "x"', 'type = "postmortem"', '+++', '', '## Overview'));
    assert.equal(m.frontMatter?.kind, 'toml');
    assert.equal(m.frontMatter?.data['type'], 'postmortem');
  });

  const broken: Array<[string, string, number]> = [
    // the line is where the yaml parser detects the problem, or for an unclosed quote, where the quote opens
    ['unterminated quote', fixture('broken-yaml.md'), 2],
    ["unterminated single quote", doc('---', "title: 'Checkout latency", 'date: 2026-11-20', 'severity: SEV2', '---', '# T'), 1],
    ['unterminated quote after an escaped one', doc('---', 'type: postmortem', 'title: "a \\"b\\" c', 'date: 2026-11-20', '---', '# T'), 2],
    ['bad indentation', doc('---', 'a: 1', '  b: 2', '---', '# T'), 2],
    ['duplicate key', doc('---', 'a: 1', 'a: 2', '---', '# T'), 2],
    ['a bare list', doc('---', '- a', '- b', '---', '# T'), 0],
    ['tabs', doc('---', 'a:', '\tb: 1', '---', '# T'), 2],
  ];
  for (const [name, text, line] of broken) {
    it(`broken YAML (${name}) gives one clear finding at its location and never throws`, () => {
      const a = analyze(text, { force: true });
      const found = a.findings.filter((f) => f.code === 'frontmatter-syntax');
      assert.equal(found.length, 1);
      assert.match(found[0]!.message, /^Front matter/);
      assert.equal(found[0]!.range.start.line, line);
      assert.equal(found[0]!.severity, 'error');
      assert.deepEqual(a.model.frontMatter?.data, {});
    });
  }

  const nested: Array<[string, string[], string, [number, number, number]]> = [
    ['a colon in a value', ['title: Outage: db down'], 'the value of "title" holds a colon, which YAML reads as another key: put the value in quotes, as in title: "Outage: db down"', [2, 7, 22]],
    ['a colon at the end of a value', ['title: Retro:'], 'the value of "title" holds a colon, which YAML reads as another key: put the value in quotes, as in title: "Retro:"', [2, 7, 13]],
    ['a colon in a value with quotes in it', ['title: The "db": down'], 'the value of "title" holds a colon, which YAML reads as another key: put the value in quotes', [2, 7, 21]],
    ['a key indented under a value', ['title: x', ' severity: SEV2'], '"severity: SEV2" is indented under "title", which already has a value: start it at the beginning of the line', [3, 1, 15]],
    ['two spaces', ['severity: SEV2', '  status: draft  '], '"status: draft" is indented under "severity", which already has a value: start it at the beginning of the line', [3, 2, 15]],
  ];
  for (const [name, lines, message, [line, from, to]] of nested) {
    it(`nested-mapping YAML error explained: ${name}`, () => {
      const a = analyze(doc('---', 'type: postmortem', ...lines, '---', '# T'), { force: true });
      const found = a.findings.filter((f) => f.code === 'frontmatter-syntax');
      assert.equal(found.length, 1);
      assert.equal(found[0]!.message, `Front matter is not valid YAML: ${message}`);
      assert.deepEqual(found[0]!.range, { start: { line, character: from }, end: { line, character: to } });
      const crlf = analyze(doc('---', 'type: postmortem', ...lines, '---', '# T').replace(/\n/g, '\r\n'), { force: true });
      assert.deepEqual(crlf.findings.filter((f) => f.code === 'frontmatter-syntax'), found);
    });
  }

  it('an unclosed quote is reported where it opens, to the end of that line', () => {
    const a = analyze(doc('---', 'type: postmortem', 'title: "Checkout latency', 'date: 2026-11-20', '---', '# T'), { force: true });
    const [f] = a.findings.filter((x) => x.code === 'frontmatter-syntax');
    assert.deepEqual(f?.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 24 } });
  });

  it('broken TOML gives one finding', () => {
    const a = analyze(doc('+++', 'title = ', '+++', '# T'), { force: true });
    assert.equal(a.findings.filter((f) => f.code === 'frontmatter-syntax').length, 1);
  });

  it('hostile YAML (an alias bomb) is refused, not expanded', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 12; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    bomb.push('---', '# T');
    const started = Date.now();
    const a = analyze(bomb.join('\n'), { force: true });
    assert.ok(Date.now() - started < 2000);
    assert.equal(a.findings.filter((f) => f.code === 'frontmatter-syntax').length, 1);
  });

  it('an unclosed front matter fence is not front matter and does not throw', () => {
    const m = buildModel(doc('---', 'type: postmortem', '## Overview'));
    assert.equal(m.frontMatter, undefined);
  });
});
