import type { FileResult } from './lint';

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/** ESLint-style output: one block per file with findings, then a summary line. */
export function formatStylish(results: readonly FileResult[], color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  let out = '';
  let errors = 0;
  let warnings = 0;
  let other = 0;
  for (const r of results) {
    if (r.findings.length === 0) continue;
    out += `\n${paint('4', r.file)}\n`;
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else other++;
      const sev = f.severity === 'error' ? paint('31', 'error  ') : f.severity === 'warning' ? paint('33', 'warning') : paint('36', f.severity.padEnd(7));
      out += `  ${`${f.line}:${f.column}`.padEnd(8)} ${sev}  ${f.message}  ${paint('2', f.code)}\n`;
    }
  }
  const total = errors + warnings + other;
  const checked = results.filter((r) => r.isPostmortem).length;
  if (total === 0) return `${checked} post-mortem${checked === 1 ? '' : 's'} checked, no problems.\n`;
  out += `\n${paint(errors > 0 ? '31' : '33', `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${other > 0 ? `, ${other} info/hint` : ''})`)}\n`;
  return out;
}
