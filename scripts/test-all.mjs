// `npm test`: build, lint, type-check, unit tests, then the integration suites and the keyboard-driven UI tests inside
// VS Code for the Web.
// Prints a count for each step and exits non-zero if any step failed or did not run.
import { spawn } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Runs a command, streaming its output, and resolves with its exit code and captured output. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    const forward = (stream, target) => stream.on('data', (b) => {
      out += b.toString();
      target.write(b);
    });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('error', (e) => resolve({ code: 127, out: `${out}\n${e.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const count = (out, re) => {
  const m = re.exec(out);
  return m ? Number(m[1]) : 0;
};

/**
 * Summary of a runner that prints "<label>: N passed, N failed" at the end: the counts, or 'did not run' when that line
 * is missing (the runner could not start or crashed). The last such line counts.
 */
const testCount = (re) => (r) => {
  const all = [...r.out.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))];
  const m = all.at(-1);
  return m ? { text: `${m[1]} passed, ${m[2]} failed`, passed: Number(m[1]), failed: Number(m[2]) } : 'did not run';
};

const steps = [
  {
    name: 'build',
    cmd: [process.execPath, ['scripts/build.mjs']],
    summary: () => 'extension (node + web) and CLI bundles',
  },
  {
    name: 'lint',
    cmd: [npx, ['eslint', '.', '--max-warnings', '0', '--format', 'stylish']],
    summary: (r) => (r.code === 0 ? '0 problems' : `${count(r.out, /(\d+) problems?/)} problems`),
  },
  {
    name: 'type-check',
    cmd: [npx, ['tsc', '-p', '.', '--noEmit']],
    summary: (r) => `${(r.out.match(/error TS\d+/g) ?? []).length} errors`,
  },
  {
    name: 'unit',
    cmd: [npx, ['mocha']],
    summary: (r) => {
      const passed = count(r.out, /(\d+) passing/);
      const failed = count(r.out, /(\d+) failing/);
      const pending = count(r.out, /(\d+) pending/);
      const notRun = /NOT RUN: ([^\n:]+)/.exec(r.out);
      const extra = pending ? `, ${pending} not run${notRun ? ` (${notRun[1].trim()}: see above)` : ''}` : '';
      return { text: `${passed} passed, ${failed} failed${extra}`, passed, failed };
    },
  },
  {
    name: 'VS Code 1.137 (web)',
    cmd: [process.execPath, ['test/runners/web.mjs']],
    summary: testCount(/integration: (\d+) passed, (\d+) failed/),
  },
  {
    name: 'VS Code 1.137 (web UI)',
    cmd: [process.execPath, ['test/runners/ui.mjs']],
    summary: testCount(/ui: (\d+) passed, (\d+) failed/),
  },
];

const results = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const r = await run(...step.cmd);
  const summary = step.summary(r);
  const tests = typeof summary === 'string' ? undefined : summary;
  // A test step passes only with exit code 0 *and* a count showing that tests ran and none failed: a runner that
  // could not start, printed no count ('did not run') or ran no tests is a failure, never a silent pass.
  const testsOk = summary !== 'did not run' && (!tests || (tests.passed > 0 && tests.failed === 0));
  results.push({
    name: step.name,
    ok: r.code === 0 && testsOk,
    summary: typeof summary === 'string' ? summary : summary.text,
    tests,
    seconds: (Date.now() - started) / 1000,
  });
  if (r.code !== 0 && step.name === 'build') break;
}

console.log('\n=== summary ===');
const nameWidth = Math.max(...steps.map((s) => s.name.length));
for (const r of results) {
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(nameWidth)} ${r.summary.padEnd(40)} ${r.seconds.toFixed(1)} s`);
}
const failed = results.filter((r) => !r.ok).length + (steps.length - results.length);
const passedTests = results.reduce((n, r) => n + (r.tests?.passed ?? 0), 0);
const failedTests = results.reduce((n, r) => n + (r.tests?.failed ?? 0), 0);
if (failed > 0) {
  console.log(`\n${failed} step(s) failed.`);
  process.exitCode = 1;
} else {
  console.log('\nAll steps passed.');
}
// The plain closing line CI reads: unit tests plus tests inside VS Code.
// A failed step without a test count (lint, type-check, a runner that could not start) counts as one failure.
const failedSteps = results.filter((r) => !r.ok && !r.tests?.failed).length + (steps.length - results.length);
console.log(`tests: ${passedTests} passed, ${failedTests + failedSteps} failed`);
