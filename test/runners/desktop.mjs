#!/usr/bin/env node
// Runs the integration suites in desktop VS Code (Electron) with @vscode/test-electron.
// It needs to download VS Code (or an existing one via VSCODE_EXECUTABLE_PATH); where that is impossible it says so
// and exits non-zero. It never reports a pass for tests that did not run.
//
// Environment:
//   VSCODE_EXECUTABLE_PATH   use this VS Code (Code, code-insiders, …) instead of downloading one
//   VSCODE_VERSION           the version to download (default: stable)
//   POSTMORTEM_KEEP_TMP=1    keep the temporary workspace and profile folders
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = process.env;
const log = (msg) => console.log(`[desktop] ${msg}`);

class SetupError extends Error {}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit' });
  if (r.error || r.status !== 0) throw new SetupError(`\`${cmd} ${args.join(' ')}\` failed (${r.error ? r.error.message : `exit ${r.status}`})`);
}

async function main() {
  // Electron needs a display on Linux: use a virtual one when there is none and xvfb-run is installed.
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY && !env.POSTMORTEM_UNDER_XVFB) {
    if (spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0) {
      log('no DISPLAY: re-running under xvfb-run');
      const r = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], {
        stdio: 'inherit', env: { ...env, POSTMORTEM_UNDER_XVFB: '1' },
      });
      return r.status ?? 1;
    }
    log('warning: no DISPLAY and no xvfb-run; VS Code (Electron) may fail to start (Debian: apt-get install -y xvfb)');
  }

  let testElectron;
  try {
    testElectron = await import('@vscode/test-electron');
  } catch (e) {
    throw new SetupError(`@vscode/test-electron is not installed (npm install): ${e.message}`);
  }

  log('building the extension and the integration tests');
  run('npm', ['run', 'build', '--silent']);
  run(process.execPath, ['scripts/build-tests.mjs']);
  const extensionTestsPath = path.join(repo, 'dist', 'test', 'node', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) throw new SetupError(`${extensionTestsPath} is missing after the build`);

  let vscodeExecutablePath = env.VSCODE_EXECUTABLE_PATH;
  if (vscodeExecutablePath) {
    if (!fs.existsSync(vscodeExecutablePath)) throw new SetupError(`VSCODE_EXECUTABLE_PATH=${vscodeExecutablePath} does not exist`);
    log(`using VS Code at ${vscodeExecutablePath} (VSCODE_EXECUTABLE_PATH)`);
  } else {
    const version = env.VSCODE_VERSION || 'stable';
    log(`downloading VS Code ${version} (cached in .vscode-test/)`);
    try {
      vscodeExecutablePath = await testElectron.downloadAndUnzipVSCode({ version, timeout: 30_000 });
    } catch (e) {
      throw new SetupError(`could not download VS Code: ${e && e.message ? e.message : e}\n`
        + '  This machine may have no access to the VS Code download servers. Run `npm run test:web` (VS Code for the Web)\n'
        + '  or `npm run test:node-host` (code-server, Node extension host) instead, or set VSCODE_EXECUTABLE_PATH.');
    }
  }

  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-desktop-')));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(repo, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await testElectron.runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repo,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
      ],
    });
    log('tests passed');
    return 0;
  } catch (e) {
    if (e instanceof testElectron.TestRunFailedError) {
      log(`tests failed (VS Code exited with ${e.code ?? e.signal})`);
      return typeof e.code === 'number' && e.code !== 0 ? e.code : 1;
    }
    throw e;
  } finally {
    if (env.POSTMORTEM_KEEP_TMP === '1') log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[desktop] ERROR: ${e instanceof SetupError ? e.message : (e && e.stack) || e}`);
    console.error('[desktop] the tests did not run.');
    process.exit(2);
  },
);
