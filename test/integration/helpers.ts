// Shared helpers for integration suites: event-based waiting with timeouts, and workspace fixture paths.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-tools.postmortem-writer';

/** Rejects with `what` in the message when `promise` does not settle within `timeoutMs`. */
export function withTimeout<T>(promise: Thenable<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`)), timeoutMs);
    Promise.resolve(promise).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Resolves with the first value of `event` that satisfies `predicate`, or rejects after `timeoutMs`. */
export function waitForEvent<T>(
  event: vscode.Event<T>,
  predicate: (value: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<T> {
  let subscription: vscode.Disposable | undefined;
  const fired = new Promise<T>((resolve) => {
    subscription = event((value) => {
      if (predicate(value)) resolve(value);
    });
  });
  return withTimeout(fired, timeoutMs, what).finally(() => subscription?.dispose());
}

/**
 * Resolves once `condition()` holds, re-checking whenever one of `events` fires and on a short tick (for state that
 * has no event, such as Extension.isActive). Rejects after `timeoutMs`, naming `what`.
 */
export function waitFor(
  condition: () => boolean,
  options: { timeoutMs: number; what: string; events?: vscode.Event<unknown>[]; tickMs?: number },
): Promise<void> {
  if (condition()) return Promise.resolve();
  const subscriptions: vscode.Disposable[] = [];
  let interval: ReturnType<typeof setInterval> | undefined;
  const met = new Promise<void>((resolve) => {
    const check = (): void => {
      if (condition()) resolve();
    };
    for (const event of options.events ?? []) subscriptions.push(event(check));
    interval = setInterval(check, options.tickMs ?? 25);
  });
  return withTimeout(met, options.timeoutMs, options.what).finally(() => {
    clearInterval(interval);
    for (const s of subscriptions) s.dispose();
  });
}

/** The first workspace folder (the runner's temporary copy of test/fixtures/workspace). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('No workspace folder is open: the runner should open a copy of test/fixtures/workspace.');
  return folder.uri;
}

/** A URI for `relativePath` (forward slashes) inside the fixture workspace. */
export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens a fixture file in an editor and returns its document. */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

/**
 * Puts back every document a test left with unsaved changes, then closes all editors. Each is shown and reverted while
 * it is the active editor, until it is clean: `revertAndCloseActiveEditor` alone reverted whichever editor had the
 * focus, which under load was not always the one the test edited, and the next test opened the edited document.
 */
export async function revertAndCloseAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    for (let attempt = 0; attempt < 3 && doc.isDirty && !doc.isUntitled && !doc.isClosed; attempt++) {
      await vscode.window.showTextDocument(doc, { preview: false });
      if (vscode.window.activeTextEditor?.document !== doc) continue;
      const clean = waitForEvent(vscode.workspace.onDidChangeTextDocument, () => !doc.isDirty, 5_000, 'the revert').catch(() => undefined);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      if (doc.isDirty) await clean;
    }
  }
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
