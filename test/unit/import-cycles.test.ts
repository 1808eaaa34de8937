// No import circles in src/ or scripts/, type-only imports included (a circle of types is a circle of design: parse.ts
// and remark.ts had one). dependency-cruiser resolves the imports as TypeScript does and finds every circle; ESLint's
// import-x/no-cycle would skip the type-only ones.
import * as assert from 'node:assert/strict';
import type { ICruiseResult } from 'dependency-cruiser';
import { ROOT } from './helpers';

describe('import circles', () => {
  it('src/ and scripts/ have none, counting type-only imports', async function () {
    this.timeout(60_000); // reads and resolves every module
    // An ES module only: loaded as one.
    const { cruise } = await import('dependency-cruiser');
    const cwd = process.cwd();
    process.chdir(ROOT);
    let output: ICruiseResult;
    try {
      const result = await cruise(
        ['src', 'scripts'],
        {
          tsPreCompilationDeps: true,
          doNotFollow: { path: 'node_modules' },
          exclude: { path: 'node_modules' },
          validate: true,
          ruleSet: { forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }] },
        },
        undefined,
        { tsConfig: { fileName: 'tsconfig.json' } },
      );
      output = result.output as ICruiseResult;
    } finally {
      process.chdir(cwd);
    }
    assert.ok(output.summary.totalCruised > 100, `${output.summary.totalCruised} modules read`);
    const circles = output.summary.violations.map((v) => [v.from, ...(v.cycle ?? []).map((c) => (typeof c === 'string' ? c : c.name))].join(' → '));
    assert.deepEqual(circles, []);
  });
});
