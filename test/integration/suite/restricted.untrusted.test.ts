// Restricted Mode in a real workbench (code-server with workspace trust on, the folder not trusted):
// `npm run test:node-host:untrusted`. The workspace is a copy of test/fixtures/untrusted-workspace, whose repository
// settings, template and .postmortem.json try to steer the extension.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixtureUri, openFixture, waitFor, waitForEvent, workspaceRoot } from '../helpers';

const TIMEOUT = 10_000;

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('Restricted Mode (an untrusted folder)', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the folder is open in Restricted Mode and the extension is active', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the runner must open the folder untrusted (workspace trust on)');
    await openFixture('postmortems/2026-11-01-untrusted.md');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    await waitFor(() => ext.isActive, { timeoutMs: TIMEOUT, what: 'the extension to activate in Restricted Mode' });
  });

  it("checks still run, with the team file's required sections, and the repository's ticket pattern is ignored", async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('postmortems/2026-11-01-untrusted.md'));
    const ours = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'postmortem');
    // The team file (loaded at activation) asks for Overview and Impact only: the defaults would report eight sections.
    const ready = () => ours().filter((d) => codeOf(d) === 'missing-section').length === 1;
    const shown = ready() ? Promise.resolve() : waitForEvent(vscode.languages.onDidChangeDiagnostics, () => ready(), TIMEOUT, 'the diagnostics');
    await vscode.window.showTextDocument(doc);
    await shown;
    const missing = ours().filter((d) => codeOf(d) === 'missing-section').map((d) => d.message.replace(/^Missing section "([^"]+)".*$/, '$1'));
    assert.deepStrictEqual(missing, ['Impact']);
    // OPS-12 is a ticket under the default pattern; under the repository's "REPO-\d+" it would not be.
    assert.deepStrictEqual(ours().filter((d) => codeOf(d) === 'action-item-ticket').map((d) => d.message), []);
  });

  it("New Post-mortem ignores the repository's folder, file name and template, and uses the built-in template", async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.new', { title: 'Restricted run', date: '2026-11-02', open: false });
    assert.ok(uri instanceof vscode.Uri);
    assert.strictEqual(uri.toString(), vscode.Uri.joinPath(workspaceRoot(), 'postmortems', '2026-11-02-restricted-run.md').toString());
    const text = await read(uri);
    assert.doesNotMatch(text, /REPO-(SETTING-)?TEMPLATE-CONTENT/);
    assert.match(text, /\n## Overview\n/);
    assert.match(text, /\n## Action Items\n/);
    // The team file's severities still apply: they cannot read or write files.
    assert.match(text, /\nseverity: P1\n/);
  });
});
