// "New Post-mortem" inside a real VS Code: files land in the mounted workspace folder, never overwrite, never leave
// the folder, custom templates are used, and front-matter problems show on the right line.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { fixtureUri, waitForEvent, workspaceRoot } from '../helpers';

const TIMEOUT = 10_000;
const DATE = '2026-11-01';

async function newPostmortem(options: Record<string, unknown>): Promise<vscode.Uri> {
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.new', { date: DATE, ...options });
  assert.ok(uri instanceof vscode.Uri, 'the command resolves with the new file');
  return uri;
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function ours(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem' && codeOf(d) === code);
}

const inside = (folder: vscode.Uri, uri: vscode.Uri) => uri.scheme === folder.scheme && uri.path.startsWith(`${folder.path}/`) && !uri.path.slice(folder.path.length + 1).includes('/');

describe('New Post-mortem', () => {
  const postmortems = () => vscode.Uri.joinPath(workspaceRoot(), 'postmortems');

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('creates the file in <workspace>/postmortems, opens it at the Overview guidance, with no missing sections', async () => {
    const uri = await newPostmortem({ title: 'Checkout latency spike', severity: 'SEV2' });
    assert.strictEqual(uri.toString(), vscode.Uri.joinPath(postmortems(), `${DATE}-checkout-latency-spike.md`).toString());
    const text = await read(uri);
    assert.match(text, /^---\ntitle: Checkout latency spike\ndate: 2026-11-01\nseverity: SEV2\nstatus: draft\n/);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.strictEqual(editor.document.uri.toString(), uri.toString());
    const line = editor.selection.active.line;
    assert.strictEqual(editor.document.lineAt(line - 2).text, '## Overview');
    assert.match(editor.document.lineAt(line).text, /^<!-- A 1-2 sentence TL;DR/);

    // A front-matter error shows on its line; by then the document has been checked: no missing sections.
    const severityLine = editor.document.getText().split('\n').indexOf('severity: SEV2');
    const shown = waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      (e) => e.uris.some((u) => u.toString() === uri.toString()) && ours(uri, 'frontmatter').length > 0,
      TIMEOUT,
      'the frontmatter diagnostic',
    );
    await editor.edit((b) => b.replace(new vscode.Range(severityLine, 10, severityLine, 14), 'SEV9'));
    await shown;
    const [d] = ours(uri, 'frontmatter');
    assert.strictEqual(d!.message, 'severity must be one of SEV1, SEV2, SEV3, SEV4');
    assert.deepStrictEqual([d!.range.start.line, d!.range.start.character, d!.range.end.character], [severityLine, 10, 14]);
    assert.strictEqual(d!.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepStrictEqual(ours(uri, 'missing-section'), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('running it twice with the same title makes two files and leaves the first untouched', async () => {
    const first = await newPostmortem({ title: 'Twice the trouble', open: false });
    const before = await read(first);
    const second = await newPostmortem({ title: 'Twice the trouble', open: false });
    const third = await newPostmortem({ title: 'Twice the trouble', open: false });
    assert.deepStrictEqual(
      [first, second, third].map((u) => u.path.split('/').pop()),
      [`${DATE}-twice-the-trouble.md`, `${DATE}-twice-the-trouble-2.md`, `${DATE}-twice-the-trouble-3.md`],
    );
    assert.strictEqual(await read(first), before);
  });

  const hostile: Array<[string, string]> = [
    ['../../etc/passwd', `${DATE}-etc-passwd.md`],
    ['..\\..\\Windows\\win.ini', `${DATE}-windows-win-ini.md`],
    ['a/b/../../c\u0000\u0007d', `${DATE}-a-b-c-d.md`],
    ['🔥🔥🔥', `${DATE}-postmortem.md`],
  ];
  for (const [title, name] of hostile) {
    it(`a hostile title ${JSON.stringify(title)} stays inside the folder as ${name}`, async () => {
      const uri = await newPostmortem({ title, open: false });
      assert.ok(inside(postmortems(), uri), `${uri.toString()} is inside ${postmortems().toString()}`);
      assert.strictEqual(uri.path.split('/').pop()!.replace(/-\d+\.md$/, '.md'), name);
      await vscode.workspace.fs.stat(uri);
    });
  }

  it('postmortem.fileName and postmortem.folder are sanitised and stay inside the workspace folder', async () => {
    const config = vscode.workspace.getConfiguration('postmortem');
    try {
      await config.update('fileName', '../${year}/${severity}-${slug}', vscode.ConfigurationTarget.Global);
      await config.update('folder', 'docs/incidents', vscode.ConfigurationTarget.Global);
      const uri = await newPostmortem({ title: 'Pattern test', severity: 'SEV3', open: false });
      assert.strictEqual(uri.toString(), vscode.Uri.joinPath(workspaceRoot(), 'docs', 'incidents', '2026-sev3-pattern-test.md').toString());
    } finally {
      await config.update('fileName', undefined, vscode.ConfigurationTarget.Global);
      await config.update('folder', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a Windows device name from postmortem.fileName or the title gets a suffix', async () => {
    const config = vscode.workspace.getConfiguration('postmortem');
    try {
      await config.update('fileName', 'CON', vscode.ConfigurationTarget.Global);
      const con = await newPostmortem({ title: 'Device one', open: false });
      assert.strictEqual(con.path.split('/').pop(), 'CON_.md');
      await config.update('fileName', '${slug}.md', vscode.ConfigurationTarget.Global);
      const nul = await newPostmortem({ title: 'Nul', open: false });
      assert.strictEqual(nul.path.split('/').pop(), 'nul_.md');
    } finally {
      await config.update('fileName', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a folder option (New Post-mortem Here) creates the file in that folder', async () => {
    const uri = await newPostmortem({ title: 'Here it is', folder: fixtureUri('notes'), open: false });
    assert.strictEqual(uri.toString(), fixtureUri(`notes/${DATE}-here-it-is.md`).toString());
  });

  it('uses .postmortem/template.md with its variables, leaving unknown ones as written', async () => {
    const template = fixtureUri('.postmortem/template.md');
    await vscode.workspace.fs.writeFile(
      template,
      new TextEncoder().encode('---\ntitle: {{title}}\ndate: {{date}}\nseverity: {{severity}}\n---\n\n# {{title}} ({{slug}})\n\nCustom {{unknownThing}}\n'),
    );
    try {
      const uri = await newPostmortem({ title: 'Custom: "quoted"', severity: 'SEV4', open: false });
      assert.strictEqual(
        await read(uri),
        `---\ntitle: 'Custom: "quoted"'\ndate: ${DATE}\nseverity: SEV4\n---\n\n# Custom: "quoted" (custom-quoted)\n\nCustom {{unknownThing}}\n`,
      );
    } finally {
      await vscode.workspace.fs.delete(fixtureUri('.postmortem'), { recursive: true });
    }
  });

  it('refuses an empty title', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('postmortem.new', { title: '  \u0007 ' })), /title is required/);
  });
});
