// Patterns that src/ builds at run time (`new RegExp(…)` from parts) are invisible to the ReDoS lint, which reads
// literals. Each is recorded as the code builds it (regex/capture.ts, in a process of its own) and checked by the
// same checker with the same options as the lint: a time zone pattern built this way was quadratic on spaces and
// nobody saw it (a Timeline entry of a time and 40,000 spaces took 1 s).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import { ROOT } from './helpers';

/**
 * Patterns the checker flags that run only on text of bounded length, so their worst case is a constant. Keyed by
 * where they are built; each says what bounds its input.
 */
const BOUNDED: Record<string, string> = {
  // BEFORE.exec(before): `before` is at most the 120 characters ahead of a duration phrase.
  'src/core/milestones/stated.ts:53': 'run on the 120 characters before a duration',
};

describe('lint: ReDoS checks over patterns built at run time', function () {
  this.timeout(300_000);

  it('every RegExp that src/ builds from parts is linear (recheck), or runs on bounded text', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/unit/regex/capture.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(run.status, 0, run.stderr);
    const patterns = JSON.parse(run.stdout) as Array<{ source: string; flags: string; where: string }>;
    // The recorder sees the core's patterns (a sample that must be there: the vocabulary's, the time zone's).
    assert.ok(patterns.length >= 40, `only ${patterns.length} patterns recorded`);
    assert.ok(patterns.some((p) => p.where.startsWith('src/core/timeline/stamp.ts')), JSON.stringify(patterns.map((p) => p.where)));
    const flagged: string[] = [];
    for (const { source, flags, where } of patterns) {
      // As eslint.config.mjs runs it: a fixed seed, step limits only (no time limits), so the answer is the pattern's.
      const result = checkSync(source, flags, { randomSeed: 20261130, timeout: 60000, attackTimeout: null, incubationTimeout: null, seedingTimeout: null });
      if (result.status === 'safe') continue;
      if (BOUNDED[where] !== undefined) continue;
      const why = result.status === 'vulnerable' ? `${result.complexity.summary}, e.g. ${result.attack.pattern}` : `${result.status}: ${JSON.stringify(result.error)}`;
      flagged.push(`${where} /${source}/${flags}: ${why}`);
    }
    assert.deepEqual(flagged, []);
    // Each bounded exception is still built (a stale entry would excuse a new pattern at the same place).
    for (const where of Object.keys(BOUNDED)) assert.ok(patterns.some((p) => p.where === where), `${where} is no longer built`);
  });
});
