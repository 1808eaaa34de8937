// Front-matter diagnostics inside a real VS Code: a value that breaks the schema gets `frontmatter` on exactly that
// YAML value (line and columns), edits move or clear it, and YAML that cannot be parsed gets `frontmatter-syntax` at
// the parser's error position instead (and no schema findings).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, revertAndCloseAll, waitForEvent } from '../helpers';

const TIMEOUT = 10_000;
const VALUES = 'postmortems/2026-11-28-frontmatter-values.md';
const SYNTAX = 'postmortems/2026-11-28-frontmatter-syntax.md';
const SEVERITY_MESSAGE = 'severity must be one of SEV1, SEV2, SEV3, SEV4';
// A milestone time is judged by milestone-time (which knows the document's zone), not by the schema a second time.
const STARTED_MESSAGE = 'Front-matter incident.started "14:03" has no date: write the day too, e.g. 2026-11-28 14:03. Durations leave this milestone out.';

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function ours(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'postmortem' && codeOf(d) === code)
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

/** Waits until the `code` diagnostics of `uri` satisfy `predicate` (checked now and on every diagnostics change). */
async function diagnosticsWhere(uri: vscode.Uri, code: string, predicate: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  if (!predicate(ours(uri, code))) {
    await waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      (e) => e.uris.some((u) => u.toString() === uri.toString()) && predicate(ours(uri, code)),
      TIMEOUT,
      what,
    );
  }
  return ours(uri, code);
}

/** [message, start line, start column, end line, end column] of a diagnostic, 0-based like the API. */
function where(d: vscode.Diagnostic): [string, number, number, number, number] {
  return [d.message, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}

describe('front matter', () => {
  afterEach(revertAndCloseAll);

  it('a value that breaks the schema gets `frontmatter` on exactly that YAML value; a milestone time gets `milestone-time` instead', async () => {
    const doc = await openFixture(VALUES);
    const found = await diagnosticsWhere(doc.uri, 'frontmatter', (ds) => ds.length >= 1, 'the frontmatter diagnostics on open');
    const milestone = await diagnosticsWhere(doc.uri, 'milestone-time', (ds) => ds.length >= 1, 'the milestone-time diagnostic on open');
    // Line 4 is `severity: SEV-9`, line 7 is `  started: 14:03` (1-based); the API counts from 0.
    assert.strictEqual(doc.lineAt(3).text, 'severity: SEV-9');
    assert.strictEqual(doc.lineAt(6).text, '  started: 14:03');
    assert.deepStrictEqual(found.map(where), [[SEVERITY_MESSAGE, 3, 10, 3, 15]]);
    assert.deepStrictEqual(milestone.map(where), [[STARTED_MESSAGE, 6, 11, 6, 16]]);
    assert.deepStrictEqual(
      [...found, ...milestone].map((d) => doc.getText(d.range)),
      ['SEV-9', '14:03'],
    );
    for (const [d, code] of [[found[0]!, 'frontmatter'], [milestone[0]!, 'milestone-time']] as const) {
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.ok(typeof d.code === 'object' && d.code.target.toString().endsWith(`#${code}`), `docs link: ${JSON.stringify(d.code)}`);
    }
    assert.deepStrictEqual(ours(doc.uri, 'frontmatter-syntax'), []);
  });

  it('fixing one value clears only its diagnostic; a line added above moves the other with its value', async () => {
    const doc = await openFixture(VALUES);
    await diagnosticsWhere(doc.uri, 'frontmatter', (ds) => ds.length === 1, 'the frontmatter diagnostic on open');
    await diagnosticsWhere(doc.uri, 'milestone-time', (ds) => ds.length === 1, 'the milestone-time diagnostic on open');
    const editor = vscode.window.activeTextEditor!;

    await editor.edit((b) => b.replace(new vscode.Range(3, 10, 3, 15), 'SEV2'));
    await diagnosticsWhere(doc.uri, 'frontmatter', (ds) => ds.length === 0, 'the severity diagnostic to clear');
    assert.deepStrictEqual(ours(doc.uri, 'milestone-time').map(where), [[STARTED_MESSAGE, 6, 11, 6, 16]]);

    await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'status: draft\n'));
    const moved = await diagnosticsWhere(doc.uri, 'milestone-time', (ds) => ds.length === 1 && ds[0]!.range.start.line === 7, 'the incident.started diagnostic to move down a line');
    assert.deepStrictEqual(moved.map(where), [[STARTED_MESSAGE, 7, 11, 7, 16]]);
    assert.strictEqual(doc.getText(moved[0]!.range), '14:03');

    await editor.edit((b) => b.replace(new vscode.Range(7, 11, 7, 16), '2026-11-28 14:03 UTC'));
    await diagnosticsWhere(doc.uri, 'milestone-time', (ds) => ds.length === 0, 'the milestone-time diagnostic to clear');
    assert.deepStrictEqual(ours(doc.uri, 'frontmatter'), [], 'the schema accepts the milestone form too');
  });

  it('a nearly right severity (SEV-2) has a quick fix to SEV2 that clears the diagnostic', async () => {
    const doc = await openFixture(VALUES);
    const editor = vscode.window.activeTextEditor!;
    await diagnosticsWhere(doc.uri, 'frontmatter', (ds) => ds.some((d) => d.message === SEVERITY_MESSAGE), 'the severity diagnostic');
    const line = doc.getText().split('\n').indexOf('severity: SEV-9');
    await editor.edit((b) => b.replace(new vscode.Range(line, 10, line, 15), 'SEV-2'));
    const [d] = await diagnosticsWhere(doc.uri, 'frontmatter', (ds) => ds.some((x) => x.message === SEVERITY_MESSAGE && x.range.start.line === line && doc.getText(x.range) === 'SEV-2'), 'the diagnostic on SEV-2');
    const severity = ours(doc.uri, 'frontmatter').find((x) => x.message === SEVERITY_MESSAGE) ?? d!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, severity.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change severity to SEV2');
    assert.ok(fix?.edit, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.lineAt(line).text, 'severity: SEV2');
    await diagnosticsWhere(doc.uri, 'frontmatter', (ds) => !ds.some((x) => x.message === SEVERITY_MESSAGE), 'the severity diagnostic to clear');
  });

  it('completes the values of status and severity in the front matter', async () => {
    const doc = await openFixture(VALUES);
    const editor = vscode.window.activeTextEditor!;
    const line = doc.getText().split('\n').indexOf('severity: SEV-9');
    await editor.edit((b) => b.replace(doc.lineAt(line).range, 'severity: '));
    const labels = async (character: number) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, character));
      return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const severities = await labels(10);
    for (const id of ['SEV1', 'SEV2', 'SEV3', 'SEV4']) assert.ok(severities.includes(id), `severity completions: ${severities.join(', ')}`);
    await editor.edit((b) => b.replace(doc.lineAt(line).range, 'status: '));
    const statuses = await labels(8);
    for (const s of ['draft', 'in-review', 'final']) assert.ok(statuses.includes(s), `status completions: ${statuses.join(', ')}`);
  });

  it('YAML that cannot be parsed gets `frontmatter-syntax` at the error, and no schema findings', async () => {
    const doc = await openFixture(SYNTAX);
    const [d, ...more] = await diagnosticsWhere(doc.uri, 'frontmatter-syntax', (ds) => ds.length > 0, 'the frontmatter-syntax diagnostic on open');
    assert.deepStrictEqual(more, []);
    // Line 5 (1-based) is `severity: SEV2: critical`: a second `key: value` inside a plain value, which YAML refuses.
    assert.strictEqual(doc.lineAt(4).text, 'severity: SEV2: critical');
    assert.strictEqual(
      d!.message,
      'Front matter is not valid YAML: the value of "severity" holds a colon, which YAML reads as another key: put the value in quotes, as in severity: "SEV2: critical"',
    );
    // On the whole value, which is what needs the quotes.
    assert.strictEqual(doc.getText(d!.range), 'SEV2: critical');
    assert.strictEqual(d!.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof d!.code === 'object' && d!.code.target.toString().endsWith('#frontmatter-syntax'));
    assert.deepStrictEqual(ours(doc.uri, 'frontmatter'), [], 'broken YAML is not checked against the schema');

    // Repairing the YAML clears it, and the value it now holds (SEV2) is valid.
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.delete(new vscode.Range(4, 14, 4, 24)));
    assert.strictEqual(doc.lineAt(4).text, 'severity: SEV2');
    await diagnosticsWhere(doc.uri, 'frontmatter-syntax', (ds) => ds.length === 0, 'the frontmatter-syntax diagnostic to clear');
    assert.deepStrictEqual(ours(doc.uri, 'frontmatter'), []);
  });
});
