// Builds one bundle per host with esbuild: the Node extension host, the browser web worker and the CLI.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';

// yaml's `node` export is a CommonJS build: dozens of module wrappers that all run when the bundle loads. Its ES module
// build (the one browsers get, with no DOM or Node use) bundles flat and loads about 6 ms faster, so every host uses it.
const yamlEsm = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js');

// Modules that the first analysis of a usual post-mortem never runs. The Node bundle loads each from its own file on
// first use, so VS Code does not compile them at start-up (about 5 ms of the 30 ms activation budget):
// TOML front matter, the team config file, glob settings, and named character references (&amp; …) in Markdown that
// needs remark. The web worker cannot load a second file, so the browser bundle keeps them inline.
// Each entry lists the functions the sources import; importing anything else fails the build ("No matching export").
const LAZY = {
  'smol-toml': ['parse'],
  'jsonc-parser': ['getNodeValue', 'parseTree', 'printParseErrorCode'],
  'picomatch/posix': ['default'],
  'decode-named-character-reference': ['decodeNamedCharacterReference'],
};
const lazyFile = (name) => `lazy/${name.replace(/[^a-z0-9]+/gi, '-')}.js`;

/** @type {esbuild.Plugin} */
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const names = Object.keys(LAZY);
    build.onResolve({ filter: new RegExp(`^(?:${names.map((n) => n.replace(/[/.-]/g, '\\$&')).join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy' }));
    build.onResolve({ filter: /^\.\/lazy\// }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
      const file = `./${lazyFile(args.path)}`;
      const call = (name) => (name === 'default' ? 'load()' : `load().${name}`);
      const wrappers = LAZY[args.path].map((name) =>
        name === 'default'
          ? `export default function (...args) { return ${call(name)}(...args); }`
          : `export function ${name}(...args) { return ${call(name)}(...args); }`,
      );
      return { contents: `let m;\nconst load = () => (m ??= require(${JSON.stringify(file)}));\n${wrappers.join('\n')}\n`, loader: 'js', resolveDir: process.cwd() };
    });
  },
};

const watch = process.argv.includes('--watch');
const production = !process.argv.includes('--dev');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  target: 'es2022',
  external: ['vscode'],
  logLevel: 'warning',
  legalComments: 'none',
  // Prefer ES module builds: some packages' CommonJS builds are UMD with dynamic requires (jsonc-parser).
  mainFields: ['module', 'main'],
  alias: { yaml: yamlEsm },
};

const builds = [
  { ...common, entryPoints: ['src/node/extension.ts'], outfile: 'dist/node/extension.js', platform: 'node', format: 'cjs', plugins: [lazyModules] },
  ...Object.keys(LAZY).map((name) => ({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: process.cwd(), loader: 'js' },
    outfile: `dist/node/${lazyFile(name)}`,
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
  {
    ...common,
    entryPoints: ['src/cli/postmortem-lint.ts'],
    outfile: 'dist/cli/postmortem-lint.js',
    platform: 'node',
    format: 'cjs',
    // Some ESM dependencies read import.meta.url, which a CommonJS bundle must provide.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
