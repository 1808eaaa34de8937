// Restricted Mode (an untrusted workspace). Checks still run, with the user's own settings and the defaults. VS Code
// ignores the workspace's values of the settings listed in package.json's restrictedConfigurations (those that name
// files, folders, patterns or templates); the repository's .postmortem.json applies only where it cannot read or write
// files; the repository's templates are not used. Once the person trusts the folder, everything applies again.
import * as vscode from 'vscode';

export const MANAGE_TRUST = 'Manage Workspace Trust';
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';
export const RESTRICTED_TEMPLATE_NOTE = "Restricted Mode: the repository's template is not used until you trust this folder";

/** Settings (under `postmortem.`) whose workspace values Restricted Mode ignores; package.json lists the same keys. */
export const RESTRICTED_SETTINGS = ['folder', 'fileName', 'template', 'files.globs', 'actionItems.ticketPattern', 'timeline.format'] as const;

export function isRestricted(key: string): boolean {
  return !vscode.workspace.isTrusted && (RESTRICTED_SETTINGS as readonly string[]).includes(key);
}

/**
 * What Restricted Mode turned off, as Markdown for a tooltip, or undefined in a trusted workspace. Names the workspace
 * settings it ignores here, if any.
 */
export function restrictedModeSummary(scope: vscode.Uri | undefined): string | undefined {
  if (vscode.workspace.isTrusted) return undefined;
  const config = vscode.workspace.getConfiguration('postmortem', scope);
  const ignored = RESTRICTED_SETTINGS.filter((key) => {
    const i = config.inspect(key);
    return i?.workspaceValue !== undefined || i?.workspaceFolderValue !== undefined;
  }).map((key) => `\`postmortem.${key}\``);
  return [
    '**Restricted Mode** turned off, until you trust this folder:',
    '',
    "- the repository's templates (New Post-mortem uses the built-in one);",
    `- the workspace's values of the settings that name files, folders, patterns or templates${ignored.length > 0 ? ` (ignored here: ${ignored.join(', ')})` : ''}; your user settings apply.`,
    '',
    `Checks run as usual. [${MANAGE_TRUST}](command:${MANAGE_TRUST_COMMAND})`,
  ].join('\n');
}

/**
 * Runs `listener` once, when trust is granted to a workspace that was not trusted when the extension started (VS Code
 * may fire the event for a workspace that was trusted all along: that changes nothing here).
 */
export function onDidGainTrust(listener: () => void): vscode.Disposable {
  let trusted = vscode.workspace.isTrusted;
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    if (trusted) return;
    trusted = true;
    listener();
  });
}
