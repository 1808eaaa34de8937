// Quick fixes, fix-all on save, completions, snippets and hover for sections, inside a real VS Code.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { fixtureUri, waitForEvent } from '../helpers';

const TIMEOUT = 10_000;

function missing(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'missing-section')
    .map((d) => d.message.replace(/^Missing section "([^"]+)".*$/, '$1'))
    .sort();
}

async function missingWhere(uri: vscode.Uri, predicate: (m: string[]) => boolean, what: string): Promise<string[]> {
  if (!predicate(missing(uri))) {
    await waitForEvent(vscode.languages.onDidChangeDiagnostics, (e) => e.uris.some((u) => u.toString() === uri.toString()) && predicate(missing(uri)), TIMEOUT, what);
  }
  return missing(uri);
}

/** Opens a new untitled-like document in the workspace's postmortems folder with the given text. */
async function openPostmortem(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = fixtureUri(`postmortems/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

const TWO_MISSING = ['# Outage', '', '## Overview', '', 'x', '', '## Background', '', 'x', '', '## What happened', '', 'x', '', '## Root Causes', '', 'x', '', '## Mitigation', '', 'x', '', '## Responders', '', 'x', '', '## Timeline', '', '- 10:00 start', '', '## Good-jobs and Improvement Chances', '', 'x', ''].join('\n');

describe('sections: quick fixes, completions, snippets, hover', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a missing-section diagnostic offers the fix, and applying it clears exactly that diagnostic', async () => {
    const editor = await openPostmortem('fix-one.md', TWO_MISSING);
    const uri = editor.document.uri;
    assert.deepStrictEqual(await missingWhere(uri, (m) => m.length === 2, 'two missing sections'), ['Action Items', 'Impact']);
    const impact = vscode.languages.getDiagnostics(uri).find((d) => d.message.includes('"Impact"'))!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, impact.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === "Add section 'Impact'");
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.deepStrictEqual(await missingWhere(uri, (m) => m.length === 1, 'the Impact diagnostic to clear'), ['Action Items']);
    const text = editor.document.getText();
    assert.ok(text.indexOf('## Impact') > text.indexOf('## Mitigation') && text.indexOf('## Impact') < text.indexOf('## Responders'));
  });

  it('after the quick fix adds a section, the cursor is in its body with the guidance selected', async () => {
    const editor = await openPostmortem('fix-cursor.md', TWO_MISSING);
    const uri = editor.document.uri;
    editor.selection = new vscode.Selection(0, 3, 0, 3); // on the title, where missing-section is reported
    await missingWhere(uri, (m) => m.length === 2, 'two missing sections');
    const impact = vscode.languages.getDiagnostics(uri).find((d) => d.message.includes('"Impact"'))!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, impact.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === "Add section 'Impact'")!;
    // What the lightbulb does: apply the edit, then run the action's command.
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.ok(fix.command, 'the fix moves the cursor to the new section');
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const doc = editor.document;
    const heading = doc.getText().split('\n').indexOf('## Impact');
    const { selection } = vscode.window.activeTextEditor!;
    assert.strictEqual(vscode.window.activeTextEditor!.document.uri.toString(), uri.toString());
    assert.strictEqual(selection.start.line, heading + 2);
    assert.strictEqual(doc.getText(selection), doc.lineAt(heading + 2).text);
    assert.match(doc.getText(selection), /^<!-- Damage to the business/);
  });

  it('Add All Missing Sections puts the cursor in the first section it added', async () => {
    const editor = await openPostmortem('add-all-cursor.md', TWO_MISSING);
    await missingWhere(editor.document.uri, (m) => m.length === 2, 'two missing sections');
    assert.strictEqual(await vscode.commands.executeCommand('postmortem.addMissingSections'), true);
    const { selection, document } = vscode.window.activeTextEditor!;
    assert.strictEqual(document.lineAt(selection.start.line - 2).text, '## Impact');
    assert.match(document.getText(selection), /^<!-- /);
  });

  it('"add all" clears all of them, as one undo step', async () => {
    const editor = await openPostmortem('fix-all.md', TWO_MISSING);
    const uri = editor.document.uri;
    const before = editor.document.getText();
    await missingWhere(uri, (m) => m.length === 2, 'two missing sections');
    assert.strictEqual(await vscode.commands.executeCommand('postmortem.addMissingSections', uri), true);
    assert.deepStrictEqual(await missingWhere(uri, (m) => m.length === 0, 'all missing sections to clear'), []);
    const undone = waitForEvent(vscode.workspace.onDidChangeTextDocument, (e) => e.document.uri.toString() === uri.toString(), TIMEOUT, 'undo');
    await vscode.commands.executeCommand('undo');
    await undone;
    assert.strictEqual(editor.document.getText(), before);
  });

  it('fix-all on save adds the missing sections', async () => {
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await config.update('codeActionsOnSave', { 'source.fixAll.postmortem': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    try {
      const editor = await openPostmortem('fix-on-save.md', TWO_MISSING);
      const uri = editor.document.uri;
      await missingWhere(uri, (m) => m.length === 2, 'two missing sections');
      await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\n'));
      await editor.document.save();
      assert.deepStrictEqual(await missingWhere(uri, (m) => m.length === 0, 'fix-all on save'), []);
      assert.match(editor.document.getText(), /## Impact/);
      assert.match(editor.document.getText(), /## Action Items/);
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });

  it('a document that ends inside an unclosed fence grows once, not at every save: the fix closes the fence first', async () => {
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await config.update('codeActionsOnSave', { 'source.fixAll.postmortem': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    try {
      const start = ['---', 'type: postmortem', '---', '', '# Outage', '', '## Timeline', '', '- 10:00 start', '', '```', 'raw log line', ''].join('\n');
      const editor = await openPostmortem('open-fence.md', start);
      const uri = editor.document.uri;
      await missingWhere(uri, (m) => m.length === 9, 'nine missing sections');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.postmortem');
      assert.deepStrictEqual(actions.map((a) => a.title), ['Add all missing post-mortem sections (closes the code block left open on line 11)']);
      await editor.edit((b) => b.insert(new vscode.Position(11, 12), ' ')); // a change, so that saving saves
      await editor.document.save();
      assert.deepStrictEqual(await missingWhere(uri, (m) => m.length === 0, 'fix-all on save'), []);
      const once = editor.document.getText();
      // The sections after Timeline come after the fence, which the same edit closed; the log stays in its block.
      assert.match(once, /\n## Timeline\n\n- 10:00 start\n\n```\nraw log line \n```\n\n## Good-jobs and Improvement Chances\n/);
      // A second save finds nothing to add: the document does not grow again.
      await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, ' '));
      await editor.document.save();
      assert.strictEqual(editor.document.getText(), `${once} `);
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });

  it('the completion list at "## " puts the missing sections first', async () => {
    const editor = await openPostmortem('complete-me.md', `${TWO_MISSING}\n## `);
    await missingWhere(editor.document.uri, (m) => m.length === 2, 'two missing sections');
    const last = editor.document.lineCount - 1;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(last, 3), '#');
    const ours = list.items.filter((i) => typeof i.label === 'object' && i.label.label.startsWith('## ')).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    const labels = ours.map((i) => (typeof i.label === 'object' ? i.label.label : i.label));
    assert.deepStrictEqual(labels.slice(0, 2), ['## Impact', '## Action Items']);
    assert.strictEqual(labels.length, 10);
  });

  it('with missing-section off, completions still mark the missing sections and Add Section adds one', async () => {
    const editor = await openPostmortem('rule-off.md', `${TWO_MISSING}\n## `);
    const uri = editor.document.uri;
    await missingWhere(uri, (m) => m.length === 2, 'two missing sections');
    const settings = vscode.workspace.getConfiguration('postmortem');
    try {
      await settings.update('rules', { 'missing-section': 'off' }, vscode.ConfigurationTarget.Global);
      await missingWhere(uri, (m) => m.length === 0, 'no missing-section diagnostics once the rule is off');
      const last = editor.document.lineCount - 1;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(last, 3), '#');
      const missingLabels = list.items
        .filter((i) => typeof i.label === 'object' && i.label.label.startsWith('## ') && i.label.description === 'missing')
        .map((i) => (typeof i.label === 'object' ? i.label.label : i.label))
        .sort();
      assert.deepStrictEqual(missingLabels, ['## Action Items', '## Impact']);
      assert.strictEqual(await vscode.commands.executeCommand('postmortem.addSection', uri, 'impact'), true);
      assert.ok(editor.document.getText().split('\n').includes('## Impact'), 'the Impact heading was added');
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a snippet inserts by prefix', async () => {
    const editor = await openPostmortem('snippet.md', `${TWO_MISSING}\npm-action-items`);
    const line = editor.document.lineCount - 1;
    const at = new vscode.Position(line, 'pm-action-items'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at);
    const item = list.items.find((i) => (typeof i.label === 'object' ? i.label.label : i.label) === 'pm-action-items');
    assert.ok(item, 'the pm-action-items snippet is offered for its prefix');
    const body = item.insertText instanceof vscode.SnippetString ? item.insertText : new vscode.SnippetString(String(item.insertText));
    assert.ok(await editor.insertSnippet(body, new vscode.Range(line, 0, line, at.character)));
    assert.match(editor.document.getText(), /## Action Items\n\n- \[ \] .* — owner: @name, ticket: ABC-123, due: YYYY-MM-DD/);
    assert.deepStrictEqual(await missingWhere(editor.document.uri, (m) => m.length === 1, 'the Action Items diagnostic to clear'), ['Impact']);
  });

  it('hover on a recognised heading shows its role, why it got it, and guidance', async () => {
    const editor = await openPostmortem('hover.md', '# Outage\n\n## Resolution and Recovery\n\nx\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(2, 5));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Mitigation\*\* — words: the words “resolution”/);
    assert.match(text, /What was done to fix it/);
  });

  it('hover on a heading recognised by its content says so', async () => {
    const log = ['- 09:00 alert fired', '- 09:05 on-call paged', '- 09:20 rollback started', '- 09:40 recovered'].join('\n');
    const editor = await openPostmortem('hover-content.md', `# Outage\n\n## Log\n\n${log}\n`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(2, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Timeline\*\* — content: 4 of 4 lines are timestamped entries/);
  });
});
