// Reads the extension's settings into the core's config. Not a feature: a helper the features share.
import * as vscode from 'vscode';
import { normaliseConfig, type PostmortemConfig } from '../core';

export const SECTION = 'postmortem';

export function readConfig(scope?: vscode.Uri): PostmortemConfig {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return normaliseConfig({
    enabled: c.get('enable'),
    requiredSections: c.get('sections.required'),
    extraAliases: c.get('sections.aliases'),
    rules: c.get('rules'),
    globs: c.get('files.globs'),
  });
}
