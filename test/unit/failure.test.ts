// The editor survives one bad document: an exception in analysis becomes one check-failed error on the document
// (and one log entry per distinct failure), never an exception in VS Code. src/features/analysis.ts runs every
// analysis through analyseSafely; these tests drive the same function with an injected failure.
import * as assert from 'node:assert/strict';
import { analyseSafely, CHECK_FAILED, DEFAULT_CONFIG, failedAnalysis, IncrementalAnalyzer, ISSUES_URL, type Analysis, type PostmortemConfig } from '../../src/core';
import { doc } from './helpers';

/** A config whose every read throws, as a bug deep in the checks would. */
const exploding = new Proxy(DEFAULT_CONFIG, {
  get(_target, key) {
    throw new TypeError(`injected failure reading ${String(key)}`);
  },
}) as PostmortemConfig;

const TEXT = doc('---', 'type: postmortem', '---', '# Post-mortem: x', '', '## Overview', '', 'It broke.');

describe('a failing analysis (the editor survives one bad document)', () => {
  it('becomes one check-failed error that says checking failed and asks for a report, instead of an exception', () => {
    const failures: Array<{ error: unknown; first: boolean }> = [];
    const analyzer = new IncrementalAnalyzer();
    const a = analyseSafely(() => analyzer.analyze(TEXT, { config: exploding }), new Set(), (error, first) => failures.push({ error, first }));
    assert.equal(a.findings.length, 1);
    const f = a.findings[0]!;
    assert.equal(f.code, CHECK_FAILED);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /^Post-mortem checking failed on this document \(TypeError: injected failure reading \w+\)/);
    assert.match(f.message, /please report it/);
    assert.ok(f.message.includes(ISSUES_URL));
    assert.deepEqual(f.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    // Not a post-mortem: hover, completions and the status bar stay quiet for it.
    assert.equal(a.isPostmortem, false);
    assert.equal(failures.length, 1);
    assert.ok(failures[0]!.error instanceof TypeError);
    assert.equal(failures[0]!.first, true);
  });

  it('is logged once however often the document is checked; a different failure is logged too', () => {
    const seen = new Set<string>();
    const firsts: boolean[] = [];
    const boom = new Error('the same bug');
    for (let i = 0; i < 3; i++) analyseSafely(() => { throw boom; }, seen, (_e, first) => firsts.push(first));
    analyseSafely(() => { throw new RangeError('another bug'); }, seen, (_e, first) => firsts.push(first));
    assert.deepEqual(firsts, [true, false, false, true]);
  });

  it('a failure while reporting the failure does not escape either', () => {
    const a = analyseSafely(() => { throw new Error('bug'); }, new Set(), () => { throw new Error('the log is gone'); });
    assert.equal(a.findings[0]!.code, CHECK_FAILED);
  });

  it('a good analysis passes through untouched, and the next good one after a failure is normal again', () => {
    const analyzer = new IncrementalAnalyzer();
    let calls = 0;
    const run = (config: PostmortemConfig): Analysis => analyseSafely(() => analyzer.analyze(TEXT, { config }), new Set(), () => calls++);
    const good = run(DEFAULT_CONFIG);
    assert.equal(good.isPostmortem, true);
    assert.ok(!good.findings.some((f) => f.code === CHECK_FAILED));
    assert.equal(run(exploding).findings[0]!.code, CHECK_FAILED);
    assert.deepEqual(run(DEFAULT_CONFIG).findings, good.findings);
    assert.equal(calls, 1);
  });

  it('a thrown non-Error is described too', () => {
    assert.match(failedAnalysis('a string').findings[0]!.message, /\(a string\)/);
  });
});
