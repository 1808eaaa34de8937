// UI test: drives the real VS Code for the Web workbench by keyboard, like a person: the command palette, then the
// three steps of "New Post-mortem" (an empty title is refused first), and checks that the editor tab for the new file
// appears and that the file exists on disk in the served temporary workspace folder.
//
//   node test/runners/ui.mjs [--verbose]
//
// Exit code: 0 passed, 1 failed, 2 could not start (e.g. no Chromium). Prints "ui: N passed, N failed".
import { open } from '@vscode/test-web';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { ensureExtensionBuilt, freePort, hideAbortedRequestErrors, prepareCodeOss, repoRoot } from './lib/vscode-web.mjs';

const verbose = process.argv.includes('--verbose') || process.env.PMW_TEST_VERBOSE === '1';
const HOST = 'localhost';
const TITLE = 'Playwright smoke: cache stampede';
const SLUG = 'playwright-smoke-cache-stampede';
const say = (msg) => console.log(`[test:ui] ${msg}`);
if (!verbose) hideAbortedRequestErrors();

let browser;
let server;
let scratch;

async function cleanup() {
  await Promise.race([browser?.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  server?.dispose();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

/** The quick input's text box, once visible. */
async function quickInputBox(page) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  return input;
}

/** Waits until the quick input shows step `n` of 3 ("n/3" in its title bar). */
async function step(page, n) {
  await page.locator('.quick-input-widget', { hasText: `${n}/3` }).waitFor({ state: 'visible', timeout: 15_000 });
}

async function newPostmortemByKeyboard(page, workspace) {
  await page.keyboard.press('Control+Shift+P');
  const palette = await quickInputBox(page);
  await palette.pressSequentially('New Post-mortem');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Post-mortem: New Post-mortem' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');

  await step(page, 1);
  await page.keyboard.press('Enter'); // empty title: refused with a message, the step stays
  await page.locator('.quick-input-widget', { hasText: 'A title is required.' }).waitFor({ timeout: 15_000 });
  await page.keyboard.type(TITLE);
  await page.keyboard.press('Enter');

  await step(page, 2);
  const dateBox = await quickInputBox(page);
  const date = await dateBox.inputValue();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`step 2 should default to today as YYYY-MM-DD, shows "${date}"`);
  await page.keyboard.press('Enter');

  await step(page, 3);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'SEV1' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });

  const fileName = `${date}-${SLUG}.md`;
  await page.locator('.part.editor .tab.active', { hasText: fileName }).waitFor({ timeout: 30_000 });
  const file = path.join(workspace, 'postmortems', fileName);
  if (!existsSync(file)) throw new Error(`${file} does not exist; postmortems/ has ${readdirSync(path.dirname(file)).join(', ')}`);
  const text = readFileSync(file, 'utf8');
  if (!text.startsWith(`---\ntitle: "${TITLE}"\ndate: ${date}\nseverity: SEV1\n`) && !text.startsWith(`---\ntitle: '${TITLE}'\ndate: ${date}\nseverity: SEV1\n`)) {
    throw new Error(`unexpected front matter:\n${text.slice(0, 200)}`);
  }
  if (!text.includes(`\n# ${TITLE}\n`)) throw new Error('the title heading is missing');
}

async function main() {
  ensureExtensionBuilt(say);
  const build = prepareCodeOss();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'pmw-ui-'));
  const workspace = path.join(scratch, 'workspace');
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    browser = await launchBrowser({ log: say });
  } catch (error) {
    console.error(`[test:ui] cannot run: ${error instanceof Error ? error.message : error}`);
    return 2;
  }
  const port = await freePort(HOST);
  server = await open({
    browserType: 'none',
    extensionDevelopmentPath: repoRoot,
    folderPath: workspace,
    host: HOST,
    port,
    quality: build.quality,
    commit: build.commit,
    testRunnerDataDir: build.testRunnerDataDir,
    printServerLog: verbose,
  });
  const url = `http://${HOST}:${port}/`;
  say(`VS Code ${build.version} for the Web at ${url}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (verbose || (/postmortem/i.test(message.text()) && message.type() === 'error')) console.error(`[workbench ${message.type()}] ${message.text()}`);
  });
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 90_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });

  const tests = [['New Post-mortem through the command palette and the three quick-input steps', () => newPostmortemByKeyboard(page, workspace)]];
  let passed = 0;
  let failed = 0;
  for (const [name, run] of tests) {
    const t = Date.now();
    try {
      await run();
      passed++;
      console.log(`  ✓ ${name} (${Date.now() - t} ms)`);
    } catch (error) {
      failed++;
      const shot = path.join(os.tmpdir(), 'pmw-ui-failed.png');
      await page.screenshot({ path: shot }).catch(() => {});
      console.log(`  ✗ ${name}\n      ${error instanceof Error ? error.message : error}\n      (screenshot: ${shot})`);
    }
  }
  console.log(`ui: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.once('SIGINT', () => {
  say('interrupted');
  void cleanup().finally(() => process.exit(130));
});

let exitCode = 2;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[test:ui] failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  exitCode = 2;
} finally {
  await cleanup();
}
say(`${exitCode === 0 ? 'PASSED' : 'FAILED'} (exit ${exitCode})`);
process.exit(exitCode);
