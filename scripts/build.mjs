// Builds one bundle per host with esbuild: the Node extension host, the browser web worker and the CLI.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readFileSync } from 'node:fs';

// yaml's `node` export is a CommonJS build: dozens of module wrappers that all run when the bundle loads. Its ES module
// build (the one browsers get, with no DOM or Node use) bundles flat and loads about 6 ms faster, so every host uses it.
const yamlEsm = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js');

// markdown-it imports only decodeHTML and decodeHTMLStrict from `entities`: they are read with micromark's table of
// names, which the bundles hold anyway (see entities-decode.mjs), not with a second copy of it.
const entitiesDecode = fileURLToPath(new URL('./entities-decode.mjs', import.meta.url));

// Modules that the first analysis of a usual post-mortem never runs. The Node bundle loads each from its own file on
// first use, so VS Code does not compile them at start-up: TOML front matter, the team config file, glob settings,
// the linear-time engine for user-supplied patterns (re2js), and remark (with micromark and its entity table), which
// only the chunks the fast path in src/core/model/parse.ts leaves to it need. The web worker cannot load a second file, so the browser bundle keeps them inline.
// Each entry lists the functions the sources import; importing anything else fails the build ("No matching export").
// `module` is what the lazily loaded file exports: a package, or one of our files for an import of it.
const LAZY = [
  { specifier: 'smol-toml', module: 'smol-toml', functions: ['parse'] },
  { specifier: 'jsonc-parser', module: 'jsonc-parser', functions: ['createScanner', 'getNodeValue', 'parseTree', 'printParseErrorCode'] },
  { specifier: 'picomatch/posix', module: 'picomatch/posix', functions: ['default'] },
  { specifier: './remark', module: './src/core/model/remark.ts', importer: 'src/core/model', functions: ['remarkParseChunk', 'headingTextWithDefinitions', 'headingLinesText'] },
  // The same file, imported from the authoring code (edits.ts) by another path.
  { specifier: '../model/remark', module: './src/core/model/remark.ts', importer: 'src/core/authoring', functions: ['openConstructAtEnd'] },
  // markdown-it's block parser for chunks too large for micromark (only hostile documents hold one). Inline in the CLI
  // bundle, which holds markdown-it already (the HTML export): a lazy file would ship it twice in the npm package.
  { specifier: './large-chunk', module: './src/core/model/large-chunk.ts', importer: 'src/core/model', functions: ['largeChunkParse'], inlineInCli: true },
  // re2js, the linear-time engine for patterns users supply (a ticket pattern or globs other than ours).
  { specifier: './linear-regex', module: './src/core/model/linear-regex.ts', importer: 'src/core/model', functions: ['compileLinear'] },
  // Inside remark: the table of named character references (&amp; …), needed only when a document uses one.
  { specifier: 'decode-named-character-reference', module: 'decode-named-character-reference', functions: ['decodeNamedCharacterReference'] },
  // The timeline importer (issue 18): only the Import Timeline command and a paste into a Timeline run it.
  {
    specifier: '../core/import/timeline-import',
    module: './src/core/import/timeline-import.ts',
    importer: 'src/features',
    functions: ['detectSource', 'documentDate', 'importTimeline', 'isImportError', 'planTimelineImport', 'slackExportReader', 'sourceName'],
  },
  // The Markdown preview's timeline plugin and figure renderer: needed only once a preview renders.
  { specifier: '../preview/timeline-plugin', module: './src/preview/timeline-plugin.ts', importer: 'src/features', functions: ['timelinePlugin'] },
  // Export as HTML: markdown-it and the page around it, needed only when the command runs.
  { specifier: '../export/html', module: './src/export/html.ts', importer: 'src/features', functions: ['postmortemHtml'] },
  // The catalogue (issue 19): the workspace index, the views' content and the dashboard, loaded when a catalogue view
  // first shows or a catalogue command runs. Activation only registers the views and commands.
  { specifier: './catalogue-index', module: './src/services/catalogue-index.ts', importer: 'src/services', functions: ['createCatalogueIndex'] },
  { specifier: './catalogue-views', module: './src/features/catalogue-views.ts', importer: 'src/features', functions: ['createCatalogueViews'] },
  { specifier: './dashboard', module: './src/features/dashboard.ts', importer: 'src/features', functions: ['openDashboard'] },
];
const lazyFile = (entry) =>
  `lazy/${(entry.module.startsWith('./') ? path.basename(entry.module, '.ts') : entry.module).replace(/[^a-z0-9]+/gi, '-')}.js`;

/** The plugin that loads `entries` lazily (all of LAZY for the Node extension, all but inlineInCli for the CLI). */
const lazyPlugin = (entries) => ({
  name: 'lazy-modules',
  setup(build) {
    const escape = (text) => text.replace(/[/.-]/g, '\\$&');
    const filter = new RegExp(`^(?:${entries.map((e) => escape(e.specifier)).join('|')})$`);
    build.onResolve({ filter }, (args) => {
      if (args.importer === '<stdin>') return undefined; // the lazy file's own entry point: bundle the module itself
      const entry = entries.find((e) => e.specifier === args.path && (!e.importer || path.resolve(args.resolveDir) === path.resolve(e.importer)));
      return entry ? { path: args.path, namespace: 'lazy', pluginData: entry } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
      const entry = args.pluginData;
      const wrappers = entry.functions.map((name) =>
        name === 'default'
          ? 'export default function (...args) { return load()(...args); }'
          : `export function ${name}(...args) { return load().${name}(...args); }`,
      );
      // The bundle and its lazy files sit in dist/node and dist/node/lazy: the path is relative to the loading file.
      const fromOutput = path.relative(path.dirname(build.initialOptions.outfile), path.join('dist/node', lazyFile(entry))).replace(/\\/g, '/');
      const file = JSON.stringify(`/${fromOutput}`);
      return { contents: `let m;\nconst load = () => (m ??= require(__dirname + ${file}));\n${wrappers.join('\n')}\n`, loader: 'js', resolveDir: process.cwd() };
    });
  },
});
/** @type {esbuild.Plugin} */
const lazyModules = lazyPlugin(LAZY);

// `import * as vscode from 'vscode'` in each of twenty source files made every one of them copy the API's properties
// into a namespace object of its own when the bundle loads (esbuild's interop for a CommonJS module). They all import
// one module instead, which copies them once.
/** @type {esbuild.Plugin} */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js', resolveDir: process.cwd() }));
  },
};

const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = !process.argv.includes('--dev');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  target: 'es2022',
  external: ['vscode'],
  plugins: [vscodeOnce],
  logLevel: 'warning',
  legalComments: 'none',
  // Prefer ES module builds: some packages' CommonJS builds are UMD with dynamic requires (jsonc-parser).
  mainFields: ['module', 'main'],
  alias: { yaml: yamlEsm, entities: entitiesDecode },
};

const builds = [
  { ...common, entryPoints: ['src/node/extension.ts'], outfile: 'dist/node/extension.js', platform: 'node', format: 'cjs', plugins: [vscodeOnce, lazyModules] },
  // One build per lazily loaded file (two entries may name the same module).
  ...[...new Map(LAZY.map((entry) => [lazyFile(entry), entry])).values()].map((entry) => ({
    ...common,
    // A lazily loaded module may itself load others lazily (remark and its entity table), never itself.
    plugins: [vscodeOnce, lazyModules],
    stdin: { contents: `module.exports = require(${JSON.stringify(entry.module)});`, resolveDir: process.cwd(), loader: 'js' },
    outfile: `dist/node/${lazyFile(entry)}`,
    platform: 'node',
    format: 'cjs',
  })),
  {
    ...common,
    entryPoints: ['src/web/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    mainFields: ['browser', 'module', 'main'],
    // Web workers have no DOM: pick packages' worker builds over their DOM builds
    // (decode-named-character-reference's DOM build calls document.createElement).
    conditions: ['worker'],
    define: { global: 'globalThis' },
  },
  // The dashboard webview's script (issue 19): Chart.js and the page's drawing code, loaded by the page only.
  { ...common, entryPoints: ['src/webview/dashboard.ts'], outfile: 'dist/webview/dashboard.js', platform: 'browser', format: 'iife' },
  {
    ...common,
    entryPoints: ['src/cli/postmortem.ts'],
    outfile: 'dist/cli/postmortem.js',
    platform: 'node',
    format: 'cjs',
    // The Node extension's lazily loaded modules (dist/node/lazy) serve the CLI too: one copy in the package.
    plugins: [vscodeOnce, lazyPlugin(LAZY.filter((e) => !e.inlineInCli))],
    // Some ESM dependencies read import.meta.url, which a CommonJS bundle must provide.
    define: { 'import.meta.url': '__importMetaUrl', __POSTMORTEM_VERSION__: JSON.stringify(version) },
    banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  },
];

// `--core <file>`: only the analysis core (src/core's analyze and IncrementalAnalyzer) as the Node hosts and the CLI
// ship it, for the adversarial bench, which times that bundle rather than the TypeScript sources run through tsx
// (whose CommonJS interop reads every imported function through a getter).
const coreAt = process.argv.indexOf('--core');
if (coreAt !== -1) {
  await esbuild.build({
    ...common,
    stdin: { contents: "export { analyze, IncrementalAnalyzer } from './src/core';", resolveDir: process.cwd(), loader: 'ts' },
    outfile: process.argv[coreAt + 1],
    platform: 'node',
    format: 'cjs',
  });
} else if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
