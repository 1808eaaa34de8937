// Timeline import inside a real VS Code: the Import Timeline command with a fixed choice of entries (one undo step,
// duplicates skipped), and a Slack transcript pasted into a Timeline through "Paste as timeline entries".
import * as assert from 'assert';
import * as vscode from 'vscode';
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
});
