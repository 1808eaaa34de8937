// `prepare` (npm install in a clone, npm install from git, npm pack): builds the bundles when the build tools are
// installed. Without dev dependencies (`npm ci --omit=dev`) there is nothing to build with, and nothing needs building
// to use the package from the registry (it ships prebuilt), so it says so and succeeds.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
try {
  require.resolve('esbuild');
} catch {
  console.log('prepare: esbuild is not installed (dev dependencies omitted); skipping the build.');
  process.exit(0);
}
const r = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
