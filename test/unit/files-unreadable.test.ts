// What the editor reads whole from a repository (a template, `.postmortem.json`) must be a regular file of at most
// 1 MB: unreadable() in src/services/files.ts, on the fake workspace's file types (the Node host test makes a real pipe).
import * as assert from 'node:assert/strict';
import { FakeWorkspace, FileType, installFakeVscode } from './fake-vscode';

type FilesModule = typeof import('../../src/services/files');

describe('files: what is read whole from a repository', () => {
  let files: FilesModule;
  before(async () => {
    installFakeVscode(new FakeWorkspace());
    files = await import('../../src/services/files');
  });

  const stat = (type: FileType, size: number) => ({ type, size, ctime: 0, mtime: 0 });
  const cases: Array<[string, FileType, number, string | undefined]> = [
    ['a regular file', FileType.File, 2_000, undefined],
    ['a link to a regular file', FileType.File | FileType.SymbolicLink, 2_000, undefined],
    ['a regular file of exactly 1 MB', FileType.File, 1024 * 1024, undefined],
    ['a regular file over 1 MB', FileType.File, 1024 * 1024 + 1, 'is 1025 KB, more than 1024 KB'],
    ['a device or a pipe (neither a file nor a folder)', FileType.Unknown, 0, 'is not a regular file (a device, a pipe or a folder)'],
    ['a link to a device', FileType.Unknown | FileType.SymbolicLink, 0, 'is not a regular file (a device, a pipe or a folder)'],
    ['a folder', FileType.Directory, 4096, 'is not a regular file (a device, a pipe or a folder)'],
  ];
  for (const [name, type, size, expected] of cases) {
    it(name, () => assert.equal(files.unreadable(stat(type, size)), expected));
  }
});
