// Probe: the extension is installed in the running VS Code and activates on its own when a Markdown file opens.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, waitFor } from '../helpers';

describe('activation', () => {
  it('is installed in this VS Code', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the installed extensions`);
    assert.strictEqual(extension.packageJSON.publisher, 'postmortem-tools');
  });

  it('activates after a Markdown document from the workspace is opened (without calling activate())', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const document = await openFixture('notes/readme-like.md');
    assert.strictEqual(document.languageId, 'markdown');
    // Extension activation has no public event: re-check when editors/documents change and on a short tick.
    await waitFor(() => extension.isActive, {
      timeoutMs: 10_000,
      what: `${EXTENSION_ID} to activate on onLanguage:markdown`,
      events: [vscode.window.onDidChangeActiveTextEditor, vscode.workspace.onDidOpenTextDocument],
    });
    assert.strictEqual(extension.isActive, true);
    // isActive is also true when activate() threw; activate() on an activated extension rethrows that error
    // (and activates nothing new).
    await extension.activate();
  });
});
