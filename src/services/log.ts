// The extension's output channel, made on first use: most sessions never write to it, so none is created for them.
import * as vscode from 'vscode';

let channel: vscode.OutputChannel | undefined;

/** Appends `text` to the Post-mortem output channel. */
export function log(text: string): void {
  channel ??= vscode.window.createOutputChannel('Post-mortem');
  channel.appendLine(`[${new Date().toISOString()}] ${text}`);
}

/** Disposes the channel, if one was made, when the extension deactivates. */
export const logChannel = new vscode.Disposable(() => {
  channel?.dispose();
  channel = undefined;
});
