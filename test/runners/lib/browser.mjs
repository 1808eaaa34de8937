// Finds and launches a headless Chromium for the integration runners, and collects a VS Code workbench's test result.
// Generic on purpose: the web runner (VS Code for the Web) and the Node-host runner (code-server) both use it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** Flags every launch gets, whichever browser was found. */
export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  // Chromium 156.0.8078.108 blocks third-party cookies by default, which denies a service worker to the webview
  // iframes (on `<uuid>.localhost`): Markdown previews and walkthrough pages then stay blank. VS Code asks for
  // third-party cookies for the same reason.
  '--disable-features=TrackingProtection3pcd',
];

const EXECUTABLE_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Installed Chromium/Chrome locations to try, in order, for this platform. */
function installedCandidates() {
  const candidates = [];
  if (process.platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ];
    for (const root of ['/Applications', path.join(process.env.HOME ?? '', 'Applications')]) {
      for (const app of apps) candidates.push(path.join(root, app));
    }
  } else if (process.platform === 'win32') {
    const roots = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter(Boolean);
    for (const root of roots) {
      candidates.push(path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
      candidates.push(path.join(root, 'Chromium', 'Application', 'chrome.exe'));
    }
  } else {
    for (const name of EXECUTABLE_NAMES) candidates.push(path.join('/usr/bin', name));
    candidates.push('/snap/bin/chromium');
  }
  // Anything else on PATH with a usual name.
  const exts = process.platform === 'win32' ? ['.exe'] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of [...EXECUTABLE_NAMES, 'chrome']) {
      for (const ext of exts) candidates.push(path.join(dir, name + ext));
    }
  }
  return [...new Set(candidates)];
}

const SPARTICUZ_VERSION = '153.0.0';
const SPARTICUZ_CACHE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '.vscode-test', 'browser');

/** Installs @sparticuz/chromium into .vscode-test/browser once, and returns its entry file. */
async function cachedSparticuz() {
  const pkgDir = path.join(SPARTICUZ_CACHE, 'node_modules', '@sparticuz', 'chromium');
  if (!existsSync(path.join(pkgDir, 'package.json'))) {
    mkdirSync(SPARTICUZ_CACHE, { recursive: true });
    if (!existsSync(path.join(SPARTICUZ_CACHE, 'package.json'))) {
      writeFileSync(path.join(SPARTICUZ_CACHE, 'package.json'), '{ "name": "browser-cache", "private": true }\n');
    }
    console.error(`[browser] installing @sparticuz/chromium@${SPARTICUZ_VERSION} into ${SPARTICUZ_CACHE} …`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['install', `@sparticuz/chromium@${SPARTICUZ_VERSION}`, '--no-audit', '--no-fund', '--no-save', '--engine-strict=false'], {
      cwd: SPARTICUZ_CACHE,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`npm install exited with ${r.status}`);
  }
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const entry = pkg.exports?.['.']?.import ?? pkg.exports?.['.']?.default ?? pkg.module ?? pkg.main ?? 'index.js';
  return path.join(pkgDir, typeof entry === 'string' ? entry : entry.default);
}

/** Flags from @sparticuz/chromium that a desktop-style headless launch must not take over (Playwright sets headless). */
function keepSparticuzArg(arg) {
  return !arg.startsWith('--headless');
}

async function fromSparticuz() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { found: false, why: `@sparticuz/chromium: only for Linux x64 (this is ${process.platform} ${process.arch})` };
  }
  let mod;
  try {
    mod = await import('@sparticuz/chromium');
  } catch (error) {
    const code = /** @type {{code?: string}} */ (error).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') {
      return { found: false, why: `@sparticuz/chromium: failed to load: ${error}` };
    }
    // npm skips the optional dependency silently on Node < 22.17 (its engines field), although it runs there.
    // Install it into a cache folder instead, so `npm install && npm test` still needs no apt step.
    try {
      mod = await import(pathToFileURL(await cachedSparticuz()).href);
    } catch (installError) {
      return { found: false, why: `@sparticuz/chromium: not installed, and installing it into ${SPARTICUZ_CACHE} failed: ${installError}` };
    }
  }
  const sparticuz = mod.default ?? mod;
  try {
    const executablePath = await sparticuz.executablePath();
    if (!executablePath || !existsSync(executablePath)) {
      return { found: false, why: `@sparticuz/chromium: executablePath() gave ${executablePath}, which does not exist` };
    }
    return { found: true, executablePath, args: (sparticuz.args ?? []).filter(keepSparticuzArg) };
  } catch (error) {
    return { found: false, why: `@sparticuz/chromium: unpacking failed: ${error}` };
  }
}

/**
 * Finds a Chromium to drive, in this order: (a) $CHROME_PATH; (b) an installed Chromium/Chrome; (c) @sparticuz/chromium.
 * @returns {Promise<{executablePath: string, args: string[], source: string}>} args are the complete launch flags.
 */
export async function findChromium() {
  const tried = [];
  const envPath = process.env.CHROME_PATH;
  if (envPath) {
    if (isFile(envPath)) return { executablePath: envPath, args: [...BASE_ARGS], source: 'CHROME_PATH' };
    // An explicit choice that does not exist is an error, not something to silently replace.
    throw new Error(`CHROME_PATH is set to ${envPath}, but no such file exists.`);
  }
  tried.push('CHROME_PATH: not set');

  const installed = installedCandidates().find(isFile);
  if (installed) return { executablePath: installed, args: [...BASE_ARGS], source: 'installed' };
  tried.push('installed Chromium/Chrome: none found (looked for /usr/bin/chromium, chromium-browser, google-chrome, google-chrome-stable, the usual macOS/Windows paths and PATH)');

  const sparticuz = await fromSparticuz();
  if (sparticuz.found) {
    return {
      executablePath: sparticuz.executablePath,
      args: [...new Set([...BASE_ARGS, ...sparticuz.args])],
      source: '@sparticuz/chromium',
    };
  }
  tried.push(sparticuz.why);

  throw new Error(
    [
      'No Chromium found to run the VS Code workbench tests. Tried, in order:',
      ...tried.map((t, i) => `  ${i + 1}. ${t}`),
      'Fix one of these: set CHROME_PATH to a Chromium/Chrome binary; install one (Debian/Ubuntu: `sudo apt-get install -y chromium`);',
      'or, on Linux x64, let the runner install @sparticuz/chromium (it needs the npm registry).',
    ].join('\n'),
  );
}

/**
 * Launches a headless Chromium with Playwright.
 * @param {{extraArgs?: string[], log?: (msg: string) => void}} [options]
 */
export async function launchBrowser(options = {}) {
  const found = await findChromium();
  options.log?.(`chromium: ${found.executablePath} (${found.source})`);
  const browser = await chromium.launch({
    executablePath: found.executablePath,
    headless: true,
    args: [...new Set([...found.args, ...(options.extraArgs ?? [])])],
  });
  return browser;
}

/**
 * Opens a VS Code workbench that runs extension tests, and resolves with the exit code the workbench reports
 * through `codeAutomationExit` (0: all tests passed). Output the tests print arrives through `codeAutomationLog`.
 * @param {import('playwright-core').Page} page a fresh page (nothing navigated yet)
 * @param {string} url the workbench URL
 * @param {{timeoutMs?: number, log?: (type: string, args: unknown[]) => void}} [options]
 * @returns {Promise<number>}
 */
export async function runWorkbenchTests(page, url, options = {}) {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const log =
    options.log ??
    ((type, args) => {
      const fn = typeof console[type] === 'function' ? console[type] : console.log;
      fn(...args);
    });

  /** @type {(code: number) => void} */
  let settleExit = () => {};
  /** @type {(error: Error) => void} */
  let fail = () => {};
  const exited = new Promise((resolve, reject) => {
    settleExit = resolve;
    fail = reject;
  });

  // Both must exist before the workbench starts: it looks them up once the extension tests finish.
  await page.exposeFunction('codeAutomationLog', (type, args) => log(String(type), Array.isArray(args) ? args : [args]));
  await page.exposeFunction('codeAutomationExit', (code) => settleExit(Number(code)));
  page.once('crash', () => fail(new Error('The browser page crashed before the tests reported a result.')));
  page.once('close', () => fail(new Error('The browser page closed before the tests reported a result.')));

  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `No test result from the VS Code workbench within ${Math.round(timeoutMs / 1000)} s ` +
              `(codeAutomationExit was never called). The workbench or the extension host may have failed to start; ` +
              `rerun with --verbose to see the browser console.`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    await Promise.race([page.goto(url), timeout]);
    return await Promise.race([exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
