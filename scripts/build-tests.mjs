// Bundles the integration tests (test/integration) twice from one entry, test/integration/index.ts:
//   dist/test/web/index.js   for the web-worker extension host (VS Code for the Web; mocha's browser build);
//   dist/test/node/index.js  for the Node extension host (code-server, desktop VS Code).
// esbuild cannot glob imports, so the suite list (test/integration/suite/*.test.ts) is a virtual module made here.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suiteDir = path.join(root, 'test', 'integration', 'suite');

/**
 * The suite files, sorted so the run order is stable. `*.node.test.ts` suites need the real disk (links, exclusive
 * creation) and run only in the Node extension host; the web worker's file system is in memory.
 * `*.untrusted.test.ts` suites run only in an untrusted workspace (Restricted Mode): `npm run test:node-host:untrusted`.
 * @param {'browser' | 'node' | 'untrusted'} [host]
 */
export function listSuites(host = 'node') {
  const untrusted = (f) => f.endsWith('.untrusted.test.ts');
  return readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.ts') && (host === 'untrusted' ? untrusted(f) : !untrusted(f) && (host === 'node' || !f.endsWith('.node.test.ts'))))
    .sort()
    .map((f) => path.join(suiteDir, f));
}

/**
 * Virtual modules:
 *   virtual:integration-suites  exports loadSuites(), which require()s every suite. esbuild wraps each required ES
 *                               module lazily, so the suites run only when loadSuites() is called, after mocha has
 *                               put describe/it on globalThis.
 *   virtual:mocha               exports createMocha(options) for the host: mocha's browser build or Node's mocha.
 * @param {'browser' | 'node' | 'untrusted'} host
 * @returns {esbuild.Plugin}
 */
function virtualModules(host) {
  return {
    name: 'integration-virtual-modules',
    setup(build) {
      build.onResolve({ filter: /^virtual:(integration-suites|mocha)$/ }, (args) => ({ path: args.path, namespace: 'virtual' }));
      build.onLoad({ filter: /^virtual:integration-suites$/, namespace: 'virtual' }, () => {
        const suites = listSuites(host);
        const lines = [
          `export const suiteFiles = ${JSON.stringify(suites.map((f) => path.relative(root, f).split(path.sep).join('/')))};`,
          'export function loadSuites() {',
          ...suites.map((f) => `  require(${JSON.stringify(f)});`),
          '}',
        ];
        return { contents: lines.join('\n'), loader: 'js', resolveDir: suiteDir, watchFiles: suites, watchDirs: [suiteDir] };
      });
      build.onLoad({ filter: /^virtual:mocha$/, namespace: 'virtual' }, () => {
        const contents =
          host === 'browser'
            ? [
                // Same as microsoft/vscode-extension-samples' helloworld-web-sample: the browser build defines
                // globalThis.mocha; setup({ui}) puts describe/it on globalThis.
                "import 'mocha/mocha.js';",
                'export function createMocha(options) {',
                '  return globalThis.mocha.setup(options);',
                '}',
              ]
            : [
                "import Mocha from 'mocha';",
                'export function createMocha(options) {',
                '  const mocha = new Mocha(options);',
                "  mocha.suite.emit('pre-require', globalThis, '', mocha);",
                '  return mocha;',
                '}',
              ];
        return { contents: contents.join('\n'), loader: 'js', resolveDir: root };
      });
    },
  };
}

/** @type {esbuild.BuildOptions} */
const common = {
  entryPoints: [path.join(root, 'test', 'integration', 'index.ts')],
  bundle: true,
  format: 'cjs',
  target: 'es2022',
  sourcemap: 'inline',
  minify: false,
  external: ['vscode'],
  logLevel: 'warning',
  legalComments: 'none',
};

/** @returns {esbuild.BuildOptions[]} */
function buildOptions() {
  return [
    {
      ...common,
      outfile: path.join(root, 'dist', 'test', 'web', 'index.js'),
      platform: 'browser',
      mainFields: ['browser', 'module', 'main'],
      // The `assert` npm package (and its `util`) stand in for Node's; they read `process`, which a worker lacks.
      alias: {
        'node:assert': 'assert',
        'node:assert/strict': path.join(root, 'test', 'integration', 'shims', 'assert-strict.ts'),
        'assert/strict': path.join(root, 'test', 'integration', 'shims', 'assert-strict.ts'),
      },
      // As in the extension's web bundle: workers have no DOM, so packages' worker builds (suites that call src/ code).
      conditions: ['worker'],
      define: { global: 'globalThis' },
      inject: [path.join(root, 'test', 'integration', 'shims', 'process.ts')],
      plugins: [virtualModules('browser')],
    },
    ...['node', 'untrusted'].map((host) => ({
      ...common,
      outfile: path.join(root, 'dist', 'test', host === 'node' ? 'node' : 'node-untrusted', 'index.js'),
      platform: 'node',
      // As in the extension's Node bundle: ES module builds first (jsonc-parser's CommonJS build is UMD with dynamic
      // requires), for suites that call src/ code.
      mainFields: ['module', 'main'],
      // Mocha's parallel mode (unused here) resolves worker files at run time; bundling mocha is still fine.
      logOverride: { 'require-resolve-not-external': 'silent' },
      plugins: [virtualModules(host)],
    })),
  ];
}

export async function buildTests() {
  const started = Date.now();
  await Promise.all(buildOptions().map((options) => esbuild.build(options)));
  return { suites: listSuites().length, ms: Date.now() - started };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { suites, ms } = await buildTests();
  console.log(`build-tests: ${suites} suite file(s) → dist/test/web/index.js, dist/test/node/index.js (${ms} ms)`);
}
