// "Ignore this occurrence" inside a real VS Code: the quick fix adds one inline comment, as one edit, and the shared
// analysis drops exactly that finding.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, waitForEvent } from '../helpers';

const TIMEOUT = 10_000;
const FILE = 'postmortems/2026-11-29-ignore.md';

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function blamed(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem' && codeOf(d) === 'blameless-language');
}

async function blamedWhere(uri: vscode.Uri, count: number, what: string): Promise<vscode.Diagnostic[]> {
  if (blamed(uri).length !== count) {
    await waitForEvent(vscode.languages.onDidChangeDiagnostics, (e) => e.uris.some((u) => u.toString() === uri.toString()) && blamed(uri).length === count, TIMEOUT, what);
  }
  return blamed(uri);
}

describe('Ignore this occurrence', () => {
  it('adds a postmortem-disable-line comment at the end of the line, and only that finding goes', async () => {
    const doc = await openFixture(FILE);
    const before = await blamedWhere(doc.uri, 2, 'two blameless-language findings on open');
    const careless = before.find((d) => doc.lineAt(d.range.start.line).text.includes('careless'))!;
    const line = careless.range.start.line;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, careless.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((a) => a.title === 'Ignore this occurrence of blameless-language');
    assert.ok(ignore?.edit, `ignore action among ${actions.map((a) => a.title).join(', ')}`);
    const others = doc.getText().split(/\r?\n/).filter((_, i) => i !== line);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.strictEqual(doc.lineAt(line).text, 'The index rebuild was careless about memory. <!-- postmortem-disable-line blameless-language -->');
    assert.deepStrictEqual(doc.getText().split(/\r?\n/).filter((_, i) => i !== line), others, 'no other line changed');
    const after = await blamedWhere(doc.uri, 1, 'the ignored finding to go');
    assert.ok(doc.lineAt(after[0]!.range.start.line).text.includes('human error'));
    await vscode.commands.executeCommand('undo');
    await blamedWhere(doc.uri, 2, 'one undo to bring it back');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
