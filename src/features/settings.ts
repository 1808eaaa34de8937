// Reads the extension's settings into the core's config. Not a feature: a helper the features share.
// Precedence: user/workspace settings that are set, then the team's .postmortem.json, then the defaults.
import * as vscode from 'vscode';
import { mergeConfigInputs, normaliseConfig, type ConfigInput, type PostmortemConfig } from '../core';

export const SECTION = 'postmortem';

/** Only the settings a user or workspace actually set (not the manifest defaults), so a team file can fill the rest. */
export function settingsInput(scope?: vscode.Uri): ConfigInput {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const set = (key: string): unknown => {
    const i = c.inspect(key);
    return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  };
  const defined = (o: Record<string, unknown>) => {
    const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    return Object.keys(out).length > 0 ? out : undefined;
  };
  return {
    enabled: set('enable'),
    requiredSections: set('sections.required'),
    extraAliases: set('sections.aliases'),
    rules: set('rules'),
    globs: set('files.globs'),
    severities: set('severities'),
    actionItems: defined({ ticketPattern: set('actionItems.ticketPattern'), requireDueDate: set('actionItems.requireDueDate') }),
    blamelessPhrases: set('blameless.phrases'),
    overview: defined({ maxSentences: set('overview.maxSentences'), maxWords: set('overview.maxWords') }),
  };
}

export function readConfig(scope?: vscode.Uri, team: ConfigInput = {}): PostmortemConfig {
  return normaliseConfig(mergeConfigInputs(settingsInput(scope), team));
}
