// Timeline import inside a real VS Code: the Import Timeline command with a fixed choice of entries (one undo step,
// duplicates skipped), and a Slack transcript pasted into a Timeline through "Paste as timeline entries".
import * as assert from 'assert';
import * as vscode from 'vscode';
import { TimelinePasteProvider } from '../../../src/features/timeline-import';
import { AnalysisService } from '../../../src/services/analysis';
import { openFixture, waitFor } from '../helpers';

const TIMEOUT = 10_000;
const TIMELINE = 'postmortems/2026-11-25-timeline.md';
const TRANSCRIPT = [
  'Sam Lee  12:55 PM',
  'Deploy 412 is out',
  'Alex Kim  1:00 PM',
  'Error rate alert fired.',
  '1:10 PM',
  '# checking the payments client',
  'Priya Shah  1:30 PM',
  '| all clear |',
].join('\n');

function lineOf(doc: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(prefix)) return i;
  throw new Error(`no line starts with ${prefix}`);
}

describe('timeline import', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Import Timeline: merges the chosen entries chronologically in the document style; one undo removes them', async () => {
    const doc = await openFixture(TIMELINE);
    const before = doc.getText();
    // Entries in time order: 12:55, 13:00 (the same minute and text as an existing entry), 13:10, 13:30. Keep all but 13:30.
    const report = await vscode.commands.executeCommand<{ imported: number; duplicates: number; unreadable: number; source: string }>('postmortem.timeline.import', {
      text: TRANSCRIPT,
      zone: 'UTC',
      date: '2026-11-25',
      select: [0, 1, 2],
    });
    assert.deepStrictEqual(report, { imported: 2, duplicates: 1, unreadable: 0, source: 'slack-text' });
    const first = lineOf(doc, '- **2026-11-25 12:55 UTC**');
    assert.deepStrictEqual(
      [0, 1, 2, 3, 4].map((i) => doc.lineAt(first + i).text),
      [
        '- **2026-11-25 12:55 UTC** — Sam Lee: Deploy 412 is out',
        '- **2026-11-25 13:00 UTC** — Error rate alert fired.',
        '  - Paged the payments on-call.',
        '- **2026-11-25 13:10 UTC** — Alex Kim: \\# checking the payments client',
        '- **2026-11-25 13:20 UTC** — Rolled back the release.',
      ],
    );
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === before, { timeoutMs: TIMEOUT, what: 'one undo to restore the document', events: [vscode.workspace.onDidChangeTextDocument] });
  });

  it('Paste as timeline entries: in the Timeline, a Slack transcript becomes entries in one edit; one undo removes them', async () => {
    // VS Code for the Web pastes through its clipboard service without a browser paste event, so the paste pipeline
    // never asks providers there: the provider the extension registers is called as VS Code calls it, and its edit
    // applied as VS Code applies it.
    const doc = await openFixture(TIMELINE);
    const before = doc.getText();
    const at = lineOf(doc, '- **2026-11-25 13:20 UTC**');
    const provider = new TimelinePasteProvider(new AnalysisService());
    const data = new vscode.DataTransfer();
    data.set('text/plain', new vscode.DataTransferItem(TRANSCRIPT));
    const token = new vscode.CancellationTokenSource().token;
    const automatic = { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic };

    // Outside the Timeline: nothing offered, plain paste stays.
    assert.strictEqual(await provider.provideDocumentPasteEdits(doc, [new vscode.Range(10, 0, 10, 0)], data, automatic, token), undefined);
    // Prose is never offered, even in the Timeline.
    const prose = new vscode.DataTransfer();
    prose.set('text/plain', new vscode.DataTransferItem('We rolled back and waited.'));
    assert.strictEqual(await provider.provideDocumentPasteEdits(doc, [new vscode.Range(at + 1, 0, at + 1, 0)], prose, automatic, token), undefined);

    const edits = await provider.provideDocumentPasteEdits(doc, [new vscode.Range(at + 1, 0, at + 1, 0)], data, automatic, token);
    assert.strictEqual(edits?.length, 1);
    const edit = edits[0]!;
    assert.strictEqual(edit.kind.value, 'text.postmortem.timeline');
    assert.match(edit.title, /^Paste as timeline entries \(3 from text copied from Slack\)$/);
    assert.strictEqual(edit.yieldTo, undefined, 'a confident detection makes it the default paste');
    assert.strictEqual(edit.insertText, '');
    assert.ok(await vscode.workspace.applyEdit(edit.additionalEdit!));
    const text = doc.getText();
    assert.ok(text.includes('- **2026-11-25 12:55 UTC** — Sam Lee: Deploy 412 is out\n- **2026-11-25 13:00 UTC** — Error rate alert fired.'), text);
    assert.ok(text.includes('- **2026-11-25 13:10 UTC** — Alex Kim: \\# checking the payments client\n- **2026-11-25 13:20 UTC**'), text);
    assert.ok(text.includes('- **2026-11-25 13:20 UTC** — Rolled back the release.\n- **2026-11-25 13:30 UTC** — Priya Shah: \\| all clear \\|\n\n## Action Items'), text);
    assert.strictEqual(text.split('\n').length, before.split('\n').length + 3);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === before, { timeoutMs: TIMEOUT, what: 'one undo to remove the pasted entries', events: [vscode.workspace.onDidChangeTextDocument] });
  });
});
