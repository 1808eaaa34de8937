// Milestones in a real VS Code: the durations CodeLens above the Timeline heading, and the quick fix that writes the
// timeline's milestones into the front matter (one edit, undone in one step).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, waitFor, waitForEvent } from '../helpers';

const TIMEOUT = 10_000;
const FIXTURE = 'postmortems/2026-11-29-milestones.md';

function lineOf(doc: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(prefix)) return i;
  throw new Error(`no line starts with ${prefix}`);
}

/** Opens the fixture and waits until the extension has checked it (its diagnostics are published). */
async function openChecked(): Promise<vscode.TextDocument> {
  const doc = await openFixture(FIXTURE);
  const has = () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'postmortem');
  if (!has()) await waitForEvent(vscode.languages.onDidChangeDiagnostics, (e) => e.uris.some((u) => u.toString() === doc.uri.toString()) && has(), TIMEOUT, 'the milestones fixture to be checked');
  return doc;
}

describe('milestones', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the durations in a CodeLens above the Timeline heading', async () => {
    const doc = await openChecked();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const lens = lenses.find((l) => l.command?.title.startsWith('Detected after'));
    assert.ok(lens, `no durations lens among ${JSON.stringify(lenses.map((l) => l.command?.title))}`);
    assert.strictEqual(lens.command!.title, 'Detected after 12 min · Mitigated after 47 min · Resolved after 2 h 05 min');
    assert.strictEqual(lens.range.start.line, lineOf(doc, '## Timeline'));
  });

  it('hovers a milestone entry with its durations', async () => {
    const doc = await openChecked();
    const line = lineOf(doc, '- **2026-11-25 14:45 UTC**');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 30));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Mitigated\*\* milestone — 2026-11-25 14:45 UTC/);
    assert.match(text, /TTM \(time to mitigate, started → mitigated\): 47 min/);
  });

  it('the quick fix writes the milestones into the front matter, in one undo step', async () => {
    const doc = await openChecked();
    const before = doc.getText();
    const line = lineOf(doc, '- **2026-11-25 14:10 UTC**');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(line, 30, line, 30),
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith('Write milestones into the front matter'));
    assert.ok(fix?.edit, `no fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.strictEqual(fix.title, 'Write milestones into the front matter (started, detected, mitigated, resolved)');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const fence = lineOf(doc, 'status: draft') + 1;
    assert.deepStrictEqual(
      [0, 1, 2, 3, 4].map((i) => doc.lineAt(fence + i).text),
      ['started: 2026-11-25 13:58 UTC', 'detected: 2026-11-25 14:10 UTC', 'mitigated: 2026-11-25 14:45 UTC', 'resolved: 2026-11-25 16:03 UTC', '---'],
    );
    // Nothing else changed.
    assert.strictEqual(doc.getText().replace(/^(started|detected|mitigated|resolved): .*\n/gm, ''), before);

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === before, { timeoutMs: TIMEOUT, what: 'undo to restore the document', events: [vscode.workspace.onDidChangeTextDocument] });
  });

  it('Export as HTML writes one sanitised page with the timeline beside the post-mortem, and never overwrites unasked', async () => {
    const doc = await openChecked();
    const target = fixtureUri('postmortems/2026-11-29-milestones.html');
    const read = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.exportHtml', { uri: doc.uri });
      assert.strictEqual(written?.toString(), target.toString());
      const html = await read();
      assert.match(html, /^<!doctype html>/);
      assert.ok(html.includes('<figure class="pm-timeline"'));
      assert.ok(html.includes('<tr><th scope="row">Time to resolve</th><td>2 h 05 min'));
      assert.ok(!/<script/i.test(html));
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('keep me'));
      assert.strictEqual(await vscode.commands.executeCommand('postmortem.exportHtml', { uri: doc.uri, overwrite: false }), undefined);
      assert.strictEqual(await read(), 'keep me');
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  it('Insert Timeline Diagram adds a Mermaid gantt block at the end of the Timeline, in one undo step', async () => {
    const doc = await openChecked();
    const before = doc.getText();
    assert.strictEqual(await vscode.commands.executeCommand('postmortem.insertTimelineDiagram'), true);
    const text = doc.getText();
    assert.ok(text.startsWith(before.trimEnd()), 'only appended after the last entry');
    assert.match(text, /<!-- postmortem:timeline-diagram -->\n```mermaid\ngantt\n[\s\S]* {2}Resolved :milestone, resolved, 2026-11-25 16:03, 0m\n```\n<!-- \/postmortem:timeline-diagram -->/);
    // Current already: a second run changes nothing.
    assert.strictEqual(await vscode.commands.executeCommand('postmortem.insertTimelineDiagram'), false);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === before, { timeoutMs: TIMEOUT, what: 'undo to remove the diagram', events: [vscode.workspace.onDidChangeTextDocument] });
  });

  it('Mark as Milestone labels the entry at the cursor, in one undo step', async () => {
    const doc = await openChecked();
    const before = doc.getText();
    const editor = vscode.window.activeTextEditor!;
    const line = lineOf(doc, '- **2026-11-25 14:13 UTC**');
    editor.selection = new vscode.Selection(line, 3, line, 3);
    assert.strictEqual(await vscode.commands.executeCommand('postmortem.markMilestone', 'acknowledged'), true);
    assert.strictEqual(doc.lineAt(line).text, '- **2026-11-25 14:13 UTC** — **Acknowledged:** Sam paged in as incident commander.');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === before, { timeoutMs: TIMEOUT, what: 'undo to remove the label', events: [vscode.workspace.onDidChangeTextDocument] });
  });
});
