// Action items as CSV for Jira's import: RFC 4180 quoting, the header, labels from the front matter, and the three
// kinds of action item (checklist items, list items, table rows).
import * as assert from 'node:assert/strict';
import { parse as parseWithCsvParse } from 'csv-parse/sync';
import { actionItemsCsv, analyze, builtInTemplate, csvField, DEFAULT_TICKET_PATTERN, DESCRIPTION_MAX, exportCell, renderTemplate, spreadsheetSafe, SUMMARY_MAX, templateVars } from '../../src/core';
import { doc } from './helpers';

const CONTEXT = { ticketPattern: DEFAULT_TICKET_PATTERN };
const HEADER = ['Summary', 'Description', 'Assignee', 'Due date', 'Labels', 'Labels', 'Labels'];

/** A strict RFC 4180 reader: every field quoted, CRLF between records. */
function parseCsv(csv: string): string[][] {
  assert.ok(csv.endsWith('\r\n'), 'the file ends with CRLF');
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < csv.length) {
    assert.equal(csv[i], '"', `field at ${i} is quoted`);
    let value = '';
    i++;
    for (;;) {
      const q = csv.indexOf('"', i);
      assert.ok(q >= 0, 'closing quote');
      value += csv.slice(i, q);
      if (csv[q + 1] === '"') {
        value += '"';
        i = q + 2;
      } else {
        i = q + 1;
        break;
      }
    }
    row.push(value);
    if (csv[i] === ',') i++;
    else {
      assert.equal(csv.slice(i, i + 2), '\r\n', `record ends with CRLF at ${i}`);
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

const csvOf = (text: string, source?: string) => actionItemsCsv([{ model: analyze(text).model, ...(source ? { source } : {}) }], CONTEXT);
const rowsOf = (text: string, source?: string) => parseCsv(csvOf(text, source));
const FRONT = ['---', 'type: postmortem', 'title: Checkout latency spike', 'date: 2026-11-27', 'severity: SEV2', '---', '', '# Checkout latency spike', ''];

describe('export: csvField', () => {
  const cases: Array<[string, string, string]> = [
    ['plain text', 'Add an alert', '"Add an alert"'],
    ['an empty value', '', '""'],
    ['a comma', 'Resize the pool, then alert', '"Resize the pool, then alert"'],
    ['double quotes', 'Rename "primary" to "writer"', '"Rename ""primary"" to ""writer"""'],
    ['a newline', 'line one\nline two', '"line one\nline two"'],
    ['CRLF', 'a\r\nb', '"a\r\nb"'],
    ['non-ASCII', 'Café — 数据库 🔥', '"Café — 数据库 🔥"'],
    ['a leading quote', '"quoted"', '"""quoted"""'],
  ];
  for (const [name, value, expected] of cases) {
    it(name, () => {
      assert.equal(csvField(value), expected);
      assert.deepEqual(parseCsv(`${csvField(value)}\r\n`), [[value]]);
    });
  }
});

describe('export: spreadsheetSafe', () => {
  const cases: Array<[string, string]> = [
    ['=HYPERLINK("https://evil.example","click")', `'=HYPERLINK("https://evil.example","click")`],
    ['+1 replica for the cache', "'+1 replica for the cache"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['Add an alert', 'Add an alert'],
    ['Resize = 2x', 'Resize = 2x'],
    ['', ''],
    // Compatibility forms that NFKC folds to a formula sign, and white space before the sign.
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['\uFF0B1', "'\uFF0B1"],
    ['\uFF0D1', "'\uFF0D1"],
    ['\uFF20SUM(A1)', "'\uFF20SUM(A1)"],
    ['\uFE661+1', "'\uFE661+1"],
    ['  =1+1', "'  =1+1"],
    ['\u3000\uFF1D1', "'\u3000\uFF1D1"],
    ['\n=1', "'\n=1"],
    ['2\uFF1D2', '2\uFF1D2'],
  ];
  for (const [value, expected] of cases) it(JSON.stringify(value), () => assert.equal(spreadsheetSafe(value), expected));

  it('applies to every cell an author controls, never to the header', () => {
    const rows = rowsOf(doc('---', 'type: postmortem', 'severity: "=1+1"', '---', '# Outage', '', '## Action Items', '', '- [ ] =HYPERLINK("https://evil.example") — owner: -kim, ticket: OPS-1'));
    assert.deepEqual(rows[0], HEADER.slice(0, 4).concat(['Labels', 'Labels']));
    assert.ok(rows[1]![0]!.startsWith("'=HYPERLINK("), rows[1]![0]);
    assert.equal(rows[1]![2], "'-kim");
    assert.equal(rows[1]![5], "'=1+1");
  });
});

describe('export: exportCell', () => {
  it('strips control characters other than tab and line breaks', () => {
    assert.equal(exportCell('a\u0000b\u0007c\u001bd\u007fe\u0085f\tg\nh\r\ni'), 'abcdef\tg\nh\r\ni');
  });

  it('defuses a formula hidden behind a control character', () => {
    assert.equal(exportCell('\u0000=1+1'), "'=1+1");
  });

  it('applies the limit after the apostrophe', () => {
    const cell = exportCell(`=${'a'.repeat(400)}`, SUMMARY_MAX);
    assert.equal(cell.length, SUMMARY_MAX);
    assert.ok(cell.startsWith("'="));
  });
});

describe('export: actionItemsCsv', () => {
  it('has the header Summary, Description, Assignee, Due date and one Labels column per label', () => {
    const [header] = rowsOf(doc(...FRONT, '## Action Items', '', '- [ ] Add an alert @kim OPS-1'));
    assert.deepEqual(header, HEADER);
  });

  it('labels each row with postmortem, the post-mortem date and its severity', () => {
    const rows = rowsOf(doc(...FRONT, '## Action Items', '', '- [ ] Add an alert @kim OPS-1', '- [ ] Resize the pool @lee OPS-2'));
    assert.equal(rows.length, 3);
    for (const row of rows.slice(1)) assert.deepEqual(row.slice(4), ['postmortem', 'postmortem-2026-11-27', 'SEV2']);
  });

  it('a severity with spaces becomes one label; without front matter only "postmortem"', () => {
    const spaced = rowsOf(doc('---', 'type: postmortem', 'date: 2026-11-27', 'severity: Sev 2 major', '---', '# Outage', '', '## Action Items', '', '- [ ] X @kim OPS-1'));
    assert.deepEqual(spaced[1]!.slice(4), ['postmortem', 'postmortem-2026-11-27', 'Sev-2-major']);
    const bare = rowsOf(doc('# Outage post-mortem', '', '## Action Items', '', '- [ ] X @kim OPS-1'));
    assert.deepEqual(bare[0], ['Summary', 'Description', 'Assignee', 'Due date', 'Labels']);
    assert.deepEqual(bare[1]!.slice(4), ['postmortem']);
  });

  it('reads checklist items, list items and table rows', () => {
    const rows = rowsOf(
      doc(
        ...FRONT,
        '## Action Items',
        '',
        '- [ ] Add a p99 alert — owner: @kim, ticket: PAY-1, due: 2026-12-01',
        '- [x] Roll back the pool change @lee PAY-2',
        '1. Document the cache limits — owner: Sam Lee, #42',
        '',
        '| Action | Owner | Ticket | Due |',
        '|---|---|---|---|',
        '| Runbook for evictions | Ana | PAY-3 | 2026-12-24 |',
      ),
    );
    assert.deepEqual(
      rows.slice(1).map((r) => r.slice(0, 4).filter((_, i) => i !== 1)),
      [
        ['Add a p99 alert', 'kim', '2026-12-01'],
        ['Roll back the pool change', 'lee', ''],
        ['Document the cache limits', 'Sam Lee', ''],
        ['Runbook for evictions', 'Ana', '2026-12-24'],
      ],
    );
    assert.equal(
      rows[1]![1],
      'Action item from the post-mortem "Checkout latency spike" (2026-11-27, SEV2).\n\n- [ ] Add a p99 alert — owner: @kim, ticket: PAY-1, due: 2026-12-01\n\nTicket: PAY-1',
    );
    assert.match(rows[4]![1]!, /\n\n\| Runbook for evictions \| Ana \| PAY-3 \| 2026-12-24 \|\n\nTicket: PAY-3$/);
  });

  it('names the source file and line in the description', () => {
    const rows = rowsOf(doc(...FRONT, '## Action Items', '', '- [ ] Add an alert @kim OPS-1'), 'postmortems/2026-11-27-checkout.md');
    assert.match(rows[1]![1]!, /^Action item from the post-mortem "Checkout latency spike" \(2026-11-27, SEV2\), postmortems\/2026-11-27-checkout\.md line 12\./);
  });

  it('quotes commas, double quotes, newlines and non-ASCII text so they survive a round trip', () => {
    const text = doc(
      '---',
      'type: postmortem',
      'title: \'Payments: "primary", then replica\'',
      'date: 2026-11-27',
      'severity: SEV1',
      '---',
      '# Payments',
      '',
      '## Action Items',
      '',
      '- [ ] Rename "primary", then fail over — owner: @zoë, ticket: PAY-7',
      '  and update the runbook, Ünïcödé 数据库 🔥',
    );
    const csv = csvOf(text);
    const rows = parseCsv(csv);
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[1]!.slice(0, 3), ['Rename "primary", then fail over', rows[1]![1], 'zoë']);
    assert.equal(
      rows[1]![1],
      'Action item from the post-mortem "Payments: "primary", then replica" (2026-11-27, SEV1).\n\n- [ ] Rename "primary", then fail over — owner: @zoë, ticket: PAY-7\nand update the runbook, Ünïcödé 数据库 🔥\n\nTicket: PAY-7',
    );
    assert.ok(csv.includes('"Rename ""primary"", then fail over"'), csv);
    assert.ok(!csv.startsWith('\uFEFF'), 'no byte-order mark');
  });

  it('keeps only real dates in the Due date column', () => {
    const rows = rowsOf(doc(...FRONT, '## Action Items', '', '- [ ] Add an alert @kim OPS-1 due: next sprint', '- [ ] Resize @lee OPS-2 due 2026-12-05'));
    assert.deepEqual(rows.slice(1).map((r) => r[3]), ['', '2026-12-05']);
    assert.match(rows[1]![1]!, /due: next sprint/);
  });

  it('cuts a summary at 255 characters without splitting a character', () => {
    const long = `${'a'.repeat(254)}🔥 and more`;
    const [, row] = rowsOf(doc(...FRONT, '## Action Items', '', `- [ ] ${long} — @kim OPS-1`));
    assert.equal(row![0], 'a'.repeat(254));
  });

  it('a defused summary stays within 255 characters, apostrophe included', () => {
    const [, row] = rowsOf(doc(...FRONT, '## Action Items', '', `- [ ] \uFF1D${'b'.repeat(300)} — @kim OPS-1`));
    assert.equal(row![0]!.length, SUMMARY_MAX);
    assert.ok(row![0]!.startsWith("'\uFF1Dbbb"), row![0]!.slice(0, 5));
  });

  it('cuts a description at 32,767 characters', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `  continuation ${i} ${'x'.repeat(100)}`);
    const [, row] = rowsOf(doc(...FRONT, '## Action Items', '', '- [ ] Long one — @kim OPS-1', ...lines));
    assert.equal(row![1]!.length, DESCRIPTION_MAX);
    assert.ok(row![1]!.startsWith('Action item from the post-mortem'));
  });

  it('strips NUL and BEL from what it exports', () => {
    const [, row] = rowsOf(doc(...FRONT, '## Action Items', '', '- [ ] Ring\u0007 the\u0000 bell — @kim OPS-1'));
    assert.equal(row![0], 'Ring the bell');
    // eslint-disable-next-line no-control-regex
    assert.ok(!/[\u0000\u0007]/.test(row![1]!), JSON.stringify(row![1]));
  });

  it('round-trips through csv-parse, a real CSV parser, hostile cells included', () => {
    const text = doc(
      '---',
      'type: postmortem',
      'title: \'Payments: "primary", then replica\'',
      'date: 2026-11-27',
      'severity: "=cmd|\' /C calc\'!A0"',
      '---',
      '# Payments',
      '',
      '## Action Items',
      '',
      '- [ ] \uFF1DHYPERLINK("https://evil.example"), "quoted" — owner: @zoë, ticket: PAY-7',
      '  and update the runbook,\u0000 Ünïcödé 数据库 🔥',
      '- [ ] +1 replica — owner: -kim, ticket: PAY-8',
    );
    const csv = csvOf(text, 'payments.md');
    const parsed = parseWithCsvParse(csv, { relax_column_count: false, skip_empty_lines: false }) as string[][];
    assert.deepEqual(parsed, rowsOf(text, 'payments.md'));
    assert.equal(parsed.length, 3);
    assert.ok(parsed[1]![0]!.startsWith("'\uFF1DHYPERLINK("), parsed[1]![0]);
    assert.equal(parsed[2]![0], "'+1 replica");
    assert.equal(parsed[2]![2], "'-kim");
    assert.ok(parsed.every((r) => r.every((cell) => !/^\s*[=+\-@]/.test(cell.normalize('NFKC')))), 'no cell starts a formula');
    assert.ok(!csv.includes('\u0000'));
  });

  it('skips placeholders and the template\'s untouched example item', () => {
    const template = renderTemplate(builtInTemplate(), templateVars({ title: 'Outage', date: '2026-11-27', severity: 'SEV2', now: new Date(0) })).text;
    assert.deepEqual(rowsOf(template), [HEADER]);
    const rows = rowsOf(doc(...FRONT, '## Action Items', '', '- [ ] TODO', '- [ ] ', '| Action | Owner |', '|---|---|', '| | |', '- [ ] Real one @kim OPS-1'));
    assert.deepEqual(rows.slice(1).map((r) => r[0]), ['Real one']);
  });

  it('with no action items: the header only', () => {
    assert.deepEqual(rowsOf(doc(...FRONT, '## Overview', '', 'Nothing to do.')), [HEADER.slice(0, 7)]);
  });

  it('several post-mortems: one row per item, label columns padded to the widest', () => {
    const a = analyze(doc(...FRONT, '## Action Items', '', '- [ ] One @kim OPS-1')).model;
    const b = analyze(doc('# Outage post-mortem', '', '## Action Items', '', '- [ ] Two @lee OPS-2')).model;
    const rows = parseCsv(actionItemsCsv([{ model: b, source: 'b.md' }, { model: a, source: 'a.md' }], CONTEXT));
    assert.deepEqual(rows[0], HEADER);
    assert.deepEqual(rows.slice(1).map((r) => [r[0], ...r.slice(4)]), [
      ['Two', 'postmortem', '', ''],
      ['One', 'postmortem', 'postmortem-2026-11-27', 'SEV2'],
    ]);
  });
});
