// npm run bench -- --adversarial: every hostile input family (families.ts) at n, 2n and 4n (4n about 1 MB), full
// analysis and a one-character edit in the middle of the hostile construct (each the median of 7 runs after 3 to warm
// up, in a process of its own: see adversarial-family.ts), with markdownlint on the same documents as the peer. Fails
// (exit code 1) when a family's full analysis grows more than 5× from n to 4n, or at 4n takes more than 250 ms for a
// full analysis or 50 ms for the edit. Growth is judged once the 4n time reaches 10 ms (below that it is timer noise,
// and the time limits hold anyway). Times the core bundled as shipped (`--sources`: the TypeScript sources through
// tsx). Writes bench-adversarial.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAMILIES, type Family } from './families';

const ROOT = join(__dirname, '..', '..');
const FOUR_N = 1024 * 1024;
const MAX_GROWTH = 5;
const MAX_FULL_MS = 250;
const MAX_EDIT_MS = 50;
/** Below this, times at 4n are too small for their ratio to mean anything (timer and scheduling noise). */
const GROWTH_FLOOR_MS = 10;
/** A markdownlint run longer than this is stopped and reported as "> limit". */
const PEER_LIMIT_MS = 20_000;

/**
 * The family measured in a process of its own (adversarial-family.ts), as an editor meets the document: in one long
 * process, families measured late ran up to twice as slow as alone, after the earlier ones had filled the heap and
 * made the analyzer's call sites megamorphic; their order, not their input, decided the result.
 */
function measureAlone(name: string, bundle: string | undefined): Measure[] {
  const args = [...process.execArgv, join(__dirname, 'adversarial-family.ts'), name, ...(bundle ? [bundle] : [])];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('[')) throw new Error(`${name}: the measuring process failed (${r.status ?? r.signal}): ${r.stderr}`);
  return JSON.parse(last) as Measure[];
}

/** markdownlint on the text, in a child process so a pathological run can be stopped. Undefined past the limit. */
function markdownlintMs(text: string, dir: string): number | undefined {
  const file = join(dir, 'doc.md');
  writeFileSync(file, text);
  const script = `import { lint } from 'markdownlint/sync'; import { readFileSync } from 'node:fs';
const text = readFileSync(${JSON.stringify(file)}, 'utf8'); lint({ strings: { warm: '# a\\n\\ntext *a*\\n' } });
const u = process.cpuUsage(); lint({ strings: { doc: text } }); const d = process.cpuUsage(u); console.log((d.user + d.system) / 1000);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: PEER_LIMIT_MS });
  const ms = Number((r.stdout ?? '').trim().split('\n').pop());
  return r.status === 0 && Number.isFinite(ms) ? ms : undefined;
}

interface Measure {
  readonly kb: number;
  readonly full: number;
  readonly edit: number;
}

interface Row {
  readonly family: string;
  readonly what: string;
  readonly sizes: readonly Measure[];
  readonly growth: number;
  readonly peer: number | undefined;
  readonly ok: boolean;
}

/**
 * The analysis core bundled as the extension and the CLI ship it (esbuild, minified), in `dir`: what users run. tsx
 * runs the sources as CommonJS modules that read each imported function through a getter, which cost up to a fifth
 * of an analysis of the largest families.
 */
function bundleCore(dir: string): string {
  const file = join(dir, 'core.js');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--core', file], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bundling the core failed (${r.status ?? r.signal}): ${r.stderr}`);
  return file;
}

export function runAdversarial(only?: readonly string[], fromSources = false): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'pm-adversarial-'));
  const bundle = fromSources ? undefined : bundleCore(dir);
  console.log(fromSources ? 'timing the TypeScript sources (tsx)' : 'timing the bundled core (scripts/build.mjs --core), as shipped');
  const rows: Row[] = [];
  const families: readonly Family[] = only && only.length > 0 ? FAMILIES.filter((f) => only.includes(f.name)) : FAMILIES;
  for (const family of families) {
    process.stdout.write(`${family.name}… `);
    const sizes = measureAlone(family.name, bundle);
    const growth = sizes[2]!.full / sizes[0]!.full;
    const peer = markdownlintMs(family.make(FOUR_N), dir);
    const ok = (growth <= MAX_GROWTH || sizes[2]!.full < GROWTH_FLOOR_MS) && sizes[2]!.full <= MAX_FULL_MS && sizes[2]!.edit <= MAX_EDIT_MS;
    rows.push({ family: family.name, what: family.what, sizes, growth, peer, ok });
    process.stdout.write(`${sizes.map((s) => s.full.toFixed(1)).join(' → ')} ms, edit ${sizes[2]!.edit.toFixed(1)} ms${ok ? '' : '  FAIL'}\n`);
  }

  const f = (n: number, d = 1) => n.toFixed(d);
  const header = ['family', 'KB at 4n', 'full n', 'full 2n', 'full 4n', 'growth n→4n', 'edit 4n', 'markdownlint 4n', 'result'];
  const table = rows.map((r) => [
    r.family,
    f(r.sizes[2]!.kb, 0),
    f(r.sizes[0]!.full),
    f(r.sizes[1]!.full),
    f(r.sizes[2]!.full),
    `${f(r.growth, 2)}×`,
    f(r.sizes[2]!.edit, 2),
    r.peer === undefined ? `> ${PEER_LIMIT_MS / 1000} s` : f(r.peer, 0),
    r.ok ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`\nHostile inputs: median CPU ms per analysis (${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}); n = ${FOUR_N / 4 / 1024} KB.`);
  console.log(`Limits: growth n→4n ≤ ${MAX_GROWTH}× (linear is 4×; judged from ${GROWTH_FLOOR_MS} ms at 4n), full ≤ ${MAX_FULL_MS} ms and edit ≤ ${MAX_EDIT_MS} ms at 4n.\n`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of table) console.log(line(row));
  for (const r of rows) if (!r.ok) console.log(`FAIL ${r.family} (${r.what})`);
  writeFileSync(join(ROOT, 'bench-adversarial.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, rows }, null, 2)}\n`);
  console.log('\nwrote bench-adversarial.json');
  return rows.every((r) => r.ok);
}
