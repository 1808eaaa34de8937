// The Node extension host's disk adapter against a real temporary folder: links are resolved before any read or
// write, creation is exclusive (two racing creations give one winner), and replacing never writes through a link.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync, lstatSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contains, nodeDisk } from '../../src/node/disk';

describe('disk (Node): links, exclusive creation, replacement', () => {
  let root: string;
  let workspace: string;
  let outside: string;
  const bytes = (s: string) => new TextEncoder().encode(s);

  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'postmortem-disk-')));
    workspace = join(root, 'workspace');
    outside = join(root, 'outside');
    mkdirSync(workspace);
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), 'secret\n');
    writeFileSync(join(outside, 'bashrc'), 'export PATH=/usr/bin\n');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('a template that is a link to a file outside the workspace is outside', async () => {
    mkdirSync(join(workspace, '.postmortem'));
    symlinkSync(join(outside, 'secret.txt'), join(workspace, '.postmortem', 'template.md'));
    assert.equal(await nodeDisk.isInside(workspace, join(workspace, '.postmortem', 'template.md')), false);
    assert.equal(await nodeDisk.realPath(join(workspace, '.postmortem', 'template.md')), join(outside, 'secret.txt'));
  });

  it('a file under a folder that is a link to outside is outside, even when it does not exist yet', async () => {
    symlinkSync(outside, join(workspace, 'postmortems'));
    assert.equal(await nodeDisk.isInside(workspace, join(workspace, 'postmortems', 'new.md')), false);
    assert.equal(await nodeDisk.isInside(workspace, join(workspace, 'postmortems', 'a', 'b', 'new.md')), false);
  });

  it('links that stay inside the workspace, and plain paths, are inside', async () => {
    mkdirSync(join(workspace, 'docs'));
    writeFileSync(join(workspace, 'docs', 't.md'), '# T\n');
    symlinkSync(join(workspace, 'docs'), join(workspace, 'postmortems'));
    assert.equal(await nodeDisk.isInside(workspace, join(workspace, 'postmortems', 't.md')), true);
    assert.equal(await nodeDisk.isInside(workspace, join(workspace, 'not', 'there', 'yet.md')), true);
    assert.equal(await nodeDisk.isInside(workspace, workspace), true);
  });

  it('a workspace folder that is itself reached through a link: its real path is the reference', async () => {
    const linkToWorkspace = join(root, 'ws-link');
    symlinkSync(workspace, linkToWorkspace);
    assert.equal(await nodeDisk.isInside(linkToWorkspace, join(workspace, 'a.md')), true);
    assert.equal(await nodeDisk.isInside(linkToWorkspace, join(outside, 'secret.txt')), false);
  });

  it('contains() compares whole segments', () => {
    assert.equal(contains('/w/ws', '/w/ws/a'), true);
    assert.equal(contains('/w/ws', '/w/ws-other/a'), false);
    assert.equal(contains('/w/ws', '/w'), false);
  });

  it('kind() reports a link as a link, never as what it points to', async () => {
    symlinkSync(join(outside, 'bashrc'), join(workspace, 'x.action-items.csv'));
    symlinkSync(join(outside, 'nothing-here'), join(workspace, 'dangling.csv'));
    assert.equal(await nodeDisk.kind(join(workspace, 'x.action-items.csv')), 'link');
    assert.equal(await nodeDisk.kind(join(workspace, 'dangling.csv')), 'link');
    assert.equal(await nodeDisk.kind(outside), 'directory');
    assert.equal(await nodeDisk.kind(join(outside, 'bashrc')), 'file');
    assert.equal(await nodeDisk.kind(join(workspace, 'none.csv')), undefined);
  });

  it('two concurrent exclusive creations of one name: exactly one wins, the file holds its bytes', async () => {
    const target = join(workspace, 'same.md');
    const results = await Promise.all([nodeDisk.createExclusive(target, bytes('first')), nodeDisk.createExclusive(target, bytes('second'))]);
    assert.deepEqual([...results].sort(), [false, true]);
    assert.equal(readFileSync(target, 'utf8'), results[0] ? 'first' : 'second');
  });

  it('exclusive creation never follows a link, not even a dangling one', async () => {
    symlinkSync(join(outside, 'created-through-link.md'), join(workspace, 'trap.md'));
    assert.equal(await nodeDisk.createExclusive(join(workspace, 'trap.md'), bytes('x')), false);
    assert.deepEqual(readdirSync(outside).sort(), ['bashrc', 'secret.txt']);
  });

  it('replace() over a link replaces the link and leaves its target untouched', async () => {
    const target = join(workspace, 'x.action-items.csv');
    symlinkSync(join(outside, 'bashrc'), target);
    assert.equal(await nodeDisk.replace(target, bytes('"Summary"\r\n')), 'written');
    assert.equal(readFileSync(join(outside, 'bashrc'), 'utf8'), 'export PATH=/usr/bin\n');
    assert.equal(lstatSync(target).isSymbolicLink(), false);
    assert.equal(readFileSync(target, 'utf8'), '"Summary"\r\n');
    assert.deepEqual(readdirSync(workspace), ['x.action-items.csv'], 'no temporary file is left');
  });

  it('replace() with the identity of the file the person was asked about: a different file there is left alone', async () => {
    const target = join(workspace, 'x.csv');
    writeFileSync(target, 'old\n');
    const asked = await nodeDisk.identity(target);
    rmSync(target);
    symlinkSync(join(outside, 'bashrc'), target);
    assert.equal(await nodeDisk.replace(target, bytes('new'), asked), 'changed');
    assert.equal(lstatSync(target).isSymbolicLink(), true);
    assert.equal(readFileSync(join(outside, 'bashrc'), 'utf8'), 'export PATH=/usr/bin\n');
    assert.deepEqual(readdirSync(workspace), ['x.csv'], 'no temporary file is left');
    assert.equal(await nodeDisk.replace(target, bytes('new'), await nodeDisk.identity(target)), 'written');
    assert.equal(readFileSync(target, 'utf8'), 'new');
  });

  it('a name that is too long fails with ENAMETOOLONG, which the features turn into a message', async () => {
    await assert.rejects(nodeDisk.createExclusive(join(workspace, `${'x'.repeat(300)}.md`), bytes('x')), (e: NodeJS.ErrnoException) => e.code === 'ENAMETOOLONG');
  });
});
