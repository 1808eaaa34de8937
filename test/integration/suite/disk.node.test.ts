// Untrusted files on a real disk, in the Node extension host only (code-server: `npm run test:node-host`): templates
// and folders that are symbolic links to outside the workspace, an export target that is a link, and two New
// Post-mortem calls racing for one name. The web worker's file system is in memory and has no links.
import * as assert from 'assert';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, workspaceRoot } from '../helpers';

const DATE = '2026-11-01';
const SECRET = 'root:x:0:0:SECRET-CONTENT-FROM-OUTSIDE';

describe('disk: nothing read from outside, nothing written through a link (Node host)', () => {
  let outside: string;
  let created: string[] = [];
  const root = () => workspaceRoot().fsPath;

  beforeEach(() => {
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'postmortem-outside-')));
    writeFileSync(join(outside, 'passwd'), `${SECRET}\n`);
    writeFileSync(join(outside, 'bashrc'), 'export PATH=/usr/bin\n');
    created = [];
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const config = vscode.workspace.getConfiguration('postmortem');
    for (const key of ['template', 'folder', 'fileName']) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
    for (const p of created) rmSync(p, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  /** Every file under the workspace that holds the outside file's content. */
  const leaked = (): string[] => {
    const out: string[] = [];
    const visit = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) visit(p);
        else if (e.isFile() && readFileSync(p, 'utf8').includes('SECRET-CONTENT')) out.push(p);
      }
    };
    visit(root());
    return out;
  };

  const newPostmortem = (title: string, extra: Record<string, unknown> = {}) =>
    vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.new', { title, date: DATE, open: false, ...extra });

  it('.postmortem/template.md as a link to a file outside: refused, nothing created, nothing copied', async () => {
    mkdirSync(join(root(), '.postmortem'));
    created.push(join(root(), '.postmortem'));
    symlinkSync(join(outside, 'passwd'), join(root(), '.postmortem', 'template.md'));
    assert.strictEqual(await newPostmortem('Template through a link'), undefined);
    assert.deepStrictEqual(leaked(), []);
    assert.ok(!readdirSync(join(root(), 'postmortems')).some((n) => n.includes('template-through-a-link')));
  });

  it('postmortem.template naming a file that is a link to outside: refused', async () => {
    mkdirSync(join(root(), 'docs'));
    created.push(join(root(), 'docs'));
    symlinkSync(join(outside, 'passwd'), join(root(), 'docs', 't.md'));
    await vscode.workspace.getConfiguration('postmortem').update('template', 'docs/t.md', vscode.ConfigurationTarget.Global);
    assert.strictEqual(await newPostmortem('Setting through a link'), undefined);
    assert.deepStrictEqual(leaked(), []);
  });

  it('a template link that stays inside the workspace is used', async () => {
    mkdirSync(join(root(), 'docs'));
    created.push(join(root(), 'docs'));
    writeFileSync(join(root(), 'docs', 'real.md'), '# {{title}} from the linked template\n');
    symlinkSync(join(root(), 'docs', 'real.md'), join(root(), 'docs', 't.md'));
    await vscode.workspace.getConfiguration('postmortem').update('template', 'docs/t.md', vscode.ConfigurationTarget.Global);
    const uri = await newPostmortem('Inside link');
    assert.ok(uri);
    created.push(uri.fsPath);
    assert.strictEqual(readFileSync(uri.fsPath, 'utf8'), '# Inside link from the linked template\n');
  });

  it('a template that is a pipe or over 1 MB is not read: refused, nothing created', async () => {
    mkdirSync(join(root(), 'docs'));
    created.push(join(root(), 'docs'));
    // A pipe no one writes to: reading it would wait for ever.
    execFileSync('mkfifo', [join(root(), 'docs', 'pipe.md')]);
    await vscode.workspace.getConfiguration('postmortem').update('template', 'docs/pipe.md', vscode.ConfigurationTarget.Global);
    assert.strictEqual(await newPostmortem('Template from a pipe'), undefined);
    writeFileSync(join(root(), 'docs', 'huge.md'), `# {{title}}\n${'x'.repeat(1024 * 1024)}\n`);
    await vscode.workspace.getConfiguration('postmortem').update('template', 'docs/huge.md', vscode.ConfigurationTarget.Global);
    assert.strictEqual(await newPostmortem('Template too large'), undefined);
    assert.ok(!readdirSync(join(root(), 'postmortems')).some((n) => n.includes('template-from-a-pipe') || n.includes('template-too-large')));
  });

  it('postmortem.folder that is a link to a folder outside: refused, nothing written there', async () => {
    symlinkSync(outside, join(root(), 'linked-out'));
    created.push(join(root(), 'linked-out'));
    await vscode.workspace.getConfiguration('postmortem').update('folder', 'linked-out/incidents', vscode.ConfigurationTarget.Global);
    assert.strictEqual(await newPostmortem('Folder through a link'), undefined);
    assert.deepStrictEqual(readdirSync(outside).sort(), ['bashrc', 'passwd']);
  });

  it('New Post-mortem Here on a folder that is a link to outside: refused', async () => {
    symlinkSync(outside, join(root(), 'here-out'));
    created.push(join(root(), 'here-out'));
    assert.strictEqual(await newPostmortem('Here through a link', { folder: fixtureUri('here-out') }), undefined);
    assert.deepStrictEqual(readdirSync(outside).sort(), ['bashrc', 'passwd']);
  });

  it('two concurrent New Post-mortem calls with the same title give two files', async () => {
    const [a, b] = await Promise.all([newPostmortem('Racing titles'), newPostmortem('Racing titles')]);
    assert.ok(a && b);
    created.push(a.fsPath, b.fsPath);
    assert.notStrictEqual(a.fsPath, b.fsPath);
    assert.deepStrictEqual([a, b].map((u) => u.path.split('/').pop()).sort(), [`${DATE}-racing-titles-2.md`, `${DATE}-racing-titles.md`]);
    for (const u of [a, b]) assert.match(readFileSync(u.fsPath, 'utf8'), /^---\ntitle: Racing titles\n/);
  });

  it('a file name too long for the disk is shortened, and the file is created', async () => {
    await vscode.workspace.getConfiguration('postmortem').update('fileName', '${date}-${slug}-${slug}-${slug}-${slug}-${slug}.md', vscode.ConfigurationTarget.Global);
    const uri = await newPostmortem('A very long incident title that goes on and on about the checkout database');
    assert.ok(uri);
    created.push(uri.fsPath);
    assert.ok(Buffer.byteLength(uri.path.split('/').pop()!) <= 120, uri.path);
    assert.match(uri.path.split('/').pop()!, new RegExp(`^${DATE}-a-very-long`));
  });

  it('Export Action Items never writes through a link named like the CSV', async () => {
    const doc = await openFixture('postmortems/2026-11-27-action-items.md');
    const csv = join(root(), 'postmortems', '2026-11-27-action-items.action-items.csv');
    symlinkSync(join(outside, 'bashrc'), csv);
    created.push(csv);
    assert.strictEqual(await vscode.commands.executeCommand('postmortem.exportActionItems', { uri: doc.uri, overwrite: true }), undefined);
    assert.strictEqual(readFileSync(join(outside, 'bashrc'), 'utf8'), 'export PATH=/usr/bin\n');
    assert.ok(lstatSync(csv).isSymbolicLink(), 'the link is left as it was');
  });

  it('Export Action Items replaces an existing file it was told to overwrite, leaving no temporary file', async () => {
    const doc = await openFixture('postmortems/2026-11-27-action-items.md');
    const csv = join(root(), 'postmortems', '2026-11-27-action-items.action-items.csv');
    writeFileSync(csv, 'old\n');
    created.push(csv);
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.exportActionItems', { uri: doc.uri, overwrite: true });
    assert.strictEqual(written?.fsPath, csv);
    assert.match(readFileSync(csv, 'utf8'), /^"Summary","Description"/);
    assert.deepStrictEqual(readdirSync(join(root(), 'postmortems')).filter((n) => n.endsWith('.tmp')), []);
  });
  it('Export as HTML never writes through a link named like the page', async () => {
    const doc = await openFixture('postmortems/2026-11-27-action-items.md');
    const html = join(root(), 'postmortems', '2026-11-27-action-items.html');
    symlinkSync(join(outside, 'bashrc'), html);
    created.push(html);
    assert.strictEqual(await vscode.commands.executeCommand('postmortem.exportHtml', { uri: doc.uri, overwrite: true }), undefined);
    assert.strictEqual(readFileSync(join(outside, 'bashrc'), 'utf8'), 'export PATH=/usr/bin\n');
    assert.ok(lstatSync(html).isSymbolicLink(), 'the link is left as it was');
  });
});
