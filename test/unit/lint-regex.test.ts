// The lint step guards every regular expression in src/: the project's own ESLint config, applied to a fixture that
// lives outside src/ (so `npm run lint` stays green) but is linted here as if it were a file in src/core.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { ROOT } from './helpers';

async function lintAsSource(fixture: string): Promise<ESLint.LintResult> {
  const eslint = new ESLint({ cwd: ROOT });
  const text = readFileSync(join(ROOT, 'test/fixtures/lint', fixture), 'utf8');
  const [result] = await eslint.lintText(text, { filePath: join(ROOT, 'src/core', fixture) });
  return result!;
}

describe('lint: ReDoS checks over src/', function () {
  this.timeout(60_000);

  it('reports a vulnerable pattern with redos/no-vulnerable and eslint-plugin-regexp', async () => {
    const result = await lintAsSource('redos-vulnerable.ts');
    const redos = result.messages.filter((m) => m.ruleId === 'redos/no-vulnerable');
    assert.deepEqual(redos.map((m) => m.line).sort((a, b) => a - b), [5, 8], JSON.stringify(result.messages, null, 1));
    assert.ok(redos.every((m) => m.severity === 2 && /ReDoS vulnerable/.test(m.message)), JSON.stringify(redos));
    assert.match(redos.find((m) => m.line === 5)!.message, /exponential/);
    assert.ok(result.messages.some((m) => m.ruleId === 'regexp/no-super-linear-backtracking' && m.line === 5), JSON.stringify(result.messages));
  });

  it('reports nothing for the linear rewrite', async () => {
    const result = await lintAsSource('redos-safe.ts');
    assert.deepEqual(result.messages, []);
  });
});
