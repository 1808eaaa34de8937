// The extension-tests entry for every host: VS Code calls run() and treats a rejection as failure.
// scripts/build-tests.mjs bundles it for the web-worker extension host and for the Node extension host.
import { createMocha } from 'virtual:mocha';
import { loadSuites, suiteFiles } from 'virtual:integration-suites';

const TIMEOUT_MS = 20_000;
/** Tests that ran in this process (passed or failed): a run of zero tests is a failure, never a pass. */
let testsRun = 0;

/** Prints one line per test and a final count line; the same output on every host (mocha only needs the constructor). */
class LineReporter {
  constructor(runner: Mocha.Runner) {
    let passing = 0;
    let failing = 0;
    let pending = 0;
    const title = (test: Mocha.Runnable): string => test.titlePath().join(' › ');
    runner.on('pass', (test: Mocha.Test) => {
      passing++;
      testsRun++;
      console.log(`  ✓ ${title(test)} (${test.duration ?? 0} ms)`);
    });
    runner.on('fail', (test: Mocha.Test | Mocha.Hook, error: Error) => {
      failing++;
      testsRun++;
      console.log(`  ✗ ${title(test)}`);
      console.log(indent(error?.stack ?? String(error)));
    });
    runner.on('pending', (test: Mocha.Test) => {
      pending++;
      console.log(`  - ${title(test)} (pending)`);
    });
    runner.once('end', () => {
      console.log(`integration: ${passing} passed, ${failing} failed${pending ? `, ${pending} skipped` : ''}`);
    });
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      const mocha = createMocha({ ui: 'bdd', color: false, timeout: TIMEOUT_MS, reporter: LineReporter as unknown as Mocha.ReporterConstructor });
      console.log(`integration: ${suiteFiles.length} suite file(s): ${suiteFiles.join(', ')}`);
      loadSuites();
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else if (testsRun === 0) reject(new Error('No integration tests ran (test/integration/suite/*.test.ts).'));
        else resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
