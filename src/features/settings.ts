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

export function readConfig(scope?: vscode.Uri, team: ConfigInput = {}): PostmortemConfig {
  return effectiveConfig(settingsInput(scope), team);
}
