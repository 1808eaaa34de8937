// Live missing-section diagnostics inside a real VS Code: on open, while typing, per settings; none for a README.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, waitForEvent } from '../helpers';

const TIMEOUT = 10_000;

function missingSections(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'postmortem' && codeOf(d) === 'missing-section')
    .map((d) => d.message.replace(/^Missing section "([^"]+)".*$/, '$1'))
    .sort();
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Waits until the diagnostics of `uri` satisfy `predicate`, checking now and on every diagnostics change. */
async function diagnosticsWhere(uri: vscode.Uri, predicate: (missing: string[]) => boolean, what: string): Promise<string[]> {
  if (predicate(missingSections(uri))) return missingSections(uri);
  await waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    (e) => e.uris.some((u) => u.toString() === uri.toString()) && predicate(missingSections(uri)),
    TIMEOUT,
    what,
  );
  return missingSections(uri);
}

describe('diagnostics: missing sections', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opening a post-mortem shows exactly the expected missing-section diagnostics', async () => {
    const doc = await openFixture('postmortems/2026-11-01-missing-two.md');
    const missing = await diagnosticsWhere(doc.uri, (m) => m.length > 0, 'diagnostics on open');
    assert.deepStrictEqual(missing, ['Impact', 'Responders']);
    const d = vscode.languages.getDiagnostics(doc.uri)[0]!;
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(d.range.start.line, 8, 'on the title heading');
    assert.ok(typeof d.code === 'object' && d.code.target.toString().includes('#missing-section'));
  });

  it('typing a missing heading removes its diagnostic', async () => {
    const doc = await openFixture('postmortems/2026-11-01-missing-two.md');
    await diagnosticsWhere(doc.uri, (m) => m.length === 2, 'diagnostics on open');
    const editor = vscode.window.activeTextEditor!;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\n## Impact\n\n1,200 searches returned stale results.\n'));
    const missing = await diagnosticsWhere(doc.uri, (m) => m.length === 1, 'the Impact diagnostic to go');
    assert.deepStrictEqual(missing, ['Responders']);
  });

  it('a post-mortem too large to check gets one too-large warning; cut back, it is checked again', async () => {
    const head = '---\ntype: postmortem\n---\n# Outage\n\n## Overview\n\nIt broke.\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: head + '\n'.repeat(1_500_000) });
    const editor = await vscode.window.showTextDocument(doc);
    const codes = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'postmortem').map(codeOf);
    if (!codes().includes('too-large')) {
      await waitForEvent(vscode.languages.onDidChangeDiagnostics, (e) => e.uris.some((u) => u.toString() === doc.uri.toString()) && codes().includes('too-large'), TIMEOUT, 'the too-large warning');
    }
    const [d] = vscode.languages.getDiagnostics(doc.uri);
    assert.deepStrictEqual(codes(), ['too-large']);
    assert.strictEqual(d!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d!.message, /^This document is too large to check: 1,500,00\d lines \(the limit is 1,500,000\)/);
    // Cut back under the bound: the usual findings again.
    await editor.edit((b) => b.delete(new vscode.Range(doc.lineAt(8).range.start, doc.lineAt(doc.lineCount - 1).range.end)));
    if (!codes().includes('missing-section')) {
      await waitForEvent(vscode.languages.onDidChangeDiagnostics, (e) => e.uris.some((u) => u.toString() === doc.uri.toString()) && codes().includes('missing-section'), TIMEOUT, 'the usual findings');
    }
    assert.ok(!codes().includes('too-large'));
  });

  it('a README gets no diagnostics', async () => {
    const readme = await vscode.workspace.openTextDocument(fixtureUri('README.md'));
    await vscode.window.showTextDocument(readme);
    // Open a post-mortem after the README: once its diagnostics arrive, the README's check has run too.
    const pm = await openFixture('postmortems/2026-11-01-missing-two.md');
    await diagnosticsWhere(pm.uri, (m) => m.length > 0, 'diagnostics of the post-mortem opened after the README');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(readme.uri), []);
  });

  it('changing postmortem.sections.required updates the diagnostics', async () => {
    const doc = await openFixture('postmortems/2026-11-02-settings.md');
    await diagnosticsWhere(doc.uri, (m) => m.length === 2, 'diagnostics on open');
    const config = vscode.workspace.getConfiguration('postmortem');
    try {
      await config.update('sections.required', ['overview', 'impact'], vscode.ConfigurationTarget.Global);
      assert.deepStrictEqual(await diagnosticsWhere(doc.uri, (m) => m.length === 1, 'diagnostics after the setting changed'), ['Impact']);
    } finally {
      await config.update('sections.required', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.deepStrictEqual(await diagnosticsWhere(doc.uri, (m) => m.length === 2, 'diagnostics after the setting was reset'), ['Impact', 'Responders']);
  });

  it('postmortem.rules set in user and in workspace settings merge, as VS Code merges object settings', async () => {
    const doc = await openFixture('postmortems/2026-11-02-settings.md');
    await diagnosticsWhere(doc.uri, (m) => m.length === 2, 'diagnostics on open');
    const severities = () =>
      vscode.languages
        .getDiagnostics(doc.uri)
        .filter((d) => d.source === 'postmortem' && codeOf(d) === 'missing-section')
        .map((d) => d.severity);
    const config = vscode.workspace.getConfiguration('postmortem');
    try {
      await config.update('rules', { 'missing-section': 'error' }, vscode.ConfigurationTarget.Global);
      await config.update('rules', { 'section-order': 'info' }, vscode.ConfigurationTarget.Workspace);
      const merged = () => severities().length === 2 && severities().every((s) => s === vscode.DiagnosticSeverity.Error);
      if (!merged()) await waitForEvent(vscode.languages.onDidChangeDiagnostics, merged, TIMEOUT, 'the user-level rule to apply beside the workspace-level one');
      // The user-level level for missing-section survives the workspace-level object that names another code.
      assert.deepStrictEqual(severities(), [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Error]);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('"Check This File" checks a Markdown file that has no post-mortem markers', async () => {
    const readme = await openFixture('README.md');
    await vscode.commands.executeCommand('postmortem.checkFile');
    const missing = await diagnosticsWhere(readme.uri, (m) => m.length === 10, 'diagnostics after Check This File');
    assert.strictEqual(missing.length, 10);
  });

  it('closing its last editor deletes a document\'s diagnostics, and reopening shows them again', async () => {
    const doc = await openFixture('postmortems/2026-11-01-missing-two.md');
    await diagnosticsWhere(doc.uri, (m) => m.length === 2, 'diagnostics on open');
    const cleared = waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      (e) => e.uris.some((u) => u.toString() === doc.uri.toString()) && vscode.languages.getDiagnostics(doc.uri).length === 0,
      TIMEOUT,
      'diagnostics to be deleted on close',
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await cleared;
    assert.deepStrictEqual(vscode.languages.getDiagnostics(doc.uri), []);
    await openFixture('postmortems/2026-11-01-missing-two.md');
    assert.deepStrictEqual(await diagnosticsWhere(doc.uri, (m) => m.length === 2, 'diagnostics after reopening'), ['Impact', 'Responders']);
  });
});
