// Reads the extension's settings into the core's config. Not a feature: a helper the features share.
// Precedence (core's effectiveConfig): user/workspace settings that are set, then the team's .postmortem.json, then
// the defaults.
import * as vscode from 'vscode';
import { effectiveConfig, settingsConfigInput, type ConfigInput, type PostmortemConfig } from '../core';
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

/**
 * The config for `scope`. A setting that cannot be used (a ticket pattern or glob the linear-time engine rejects, an
 * unknown section id) shows a warning once, naming the problem; checking goes on without that value.
 */
export function readConfig(scope?: vscode.Uri, team: ConfigInput = {}): PostmortemConfig {
  const problems: string[] = [];
  const config = effectiveConfig(settingsInput(scope), team, problems);
  for (const problem of problems) {
    if (warned.has(problem)) continue;
    warned.add(problem);
    void vscode.window.showWarningMessage(`Post-mortem: ${problem}`);
  }
  return config;
}
