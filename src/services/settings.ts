// Reads the extension's settings into the core's config. Not a feature: a helper the features share.
// Precedence (core's effectiveConfig): user/workspace settings that are set, then the team's .postmortem.json, then
// the defaults.
import * as vscode from 'vscode';
import { effectiveConfig, settingsConfigInput, type ConfigInput, type PostmortemConfig } from '../core';
import { log } from './log';
import { isRestricted } from './trust';

export const SECTION = 'postmortem';

/** Only the settings a user or workspace actually set (not the manifest defaults), so a team file can fill the rest. */
export function settingsInput(scope?: vscode.Uri): ConfigInput {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return settingsConfigInput((key) => {
    const i = c.inspect(key);
    // In Restricted Mode, settings that name files, folders, patterns or templates take the user's value only.
    const levels = (isRestricted(key) ? [i?.globalValue] : [i?.globalValue, i?.workspaceValue, i?.workspaceFolderValue]).filter((v) => v !== undefined);
    // Object settings (rules, aliases) merge across levels as VS Code merges them; others take the most specific.
    if (levels.length > 1 && levels.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) return Object.assign({}, ...levels) as unknown;
    return levels[levels.length - 1];
  });
}

/** Problems with the settings already shown, so each is shown once per session. */
const warned = new Set<string>();

/** Shows a warning about the settings, once per session. */
export function warnOnce(problem: string): void {
  if (warned.has(problem)) return;
  warned.add(problem);
  void vscode.window.showWarningMessage(`Post-mortem: ${problem}`);
}

/** What a setting holds, in words, for a message (never its value: it may be anything). */
function kindOf(value: unknown): string {
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value === 'boolean' ? 'true or false' : `a ${typeof value}`;
}

/**
 * A text setting, or `fallback` when it holds anything else. A repository's settings.json may hold any JSON there
 * (`"postmortem.timeline.format": 5`), and reading it as text threw in Log Incident Note and New Post-mortem every
 * time; such a value warns once and the default is used.
 */
export function textSetting(config: vscode.WorkspaceConfiguration, key: string, fallback = ''): string {
  const value = config.get<unknown>(key);
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string') return value;
  warnOnce(`The setting ${SECTION}.${key} must be text, not ${kindOf(value)}; using ${fallback === '' ? 'none' : `"${fallback}"`}.`);
  return fallback;
}

/** Warnings one reading of the settings shows at most; the rest are counted in one more and written to the log. */
const MAX_WARNINGS = 3;

/**
 * The config for `scope`. A setting that cannot be used (a ticket pattern or glob the linear-time engine rejects, an
 * unknown section id) shows a warning once, naming the problem; checking goes on without that value. A workspace's
 * settings may hold thousands of such values (10,000 unknown rule codes were 10,000 notifications): past
 * MAX_WARNINGS, one warning counts the rest, and the output channel lists them.
 */
export function readConfig(scope?: vscode.Uri, team: ConfigInput = {}): PostmortemConfig {
  const problems: string[] = [];
  const config = effectiveConfig(settingsInput(scope), team, problems);
  const fresh = problems.filter((p) => !warned.has(p));
  for (const problem of fresh) warned.add(problem);
  for (const problem of fresh.slice(0, MAX_WARNINGS)) void vscode.window.showWarningMessage(`Post-mortem: ${problem}`);
  if (fresh.length > MAX_WARNINGS) {
    const rest = fresh.slice(MAX_WARNINGS);
    for (const problem of rest) log(`Settings: ${problem}`);
    void vscode.window.showWarningMessage(`Post-mortem: ${rest.length} more problems with the postmortem settings; see the Post-mortem output for each.`);
  }
  return config;
}
