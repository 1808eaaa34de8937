// The services the features share, built once in activate and handed to each feature's register (as VS Code's
// Markdown extension does): features query and subscribe to them, and never build their own.
import type * as vscode from 'vscode';
import { AnalysisService } from './analysis';
import { logChannel } from './log';

export interface Services {
  /** Models, findings, completeness and the effective configuration of each document. */
  readonly analysis: AnalysisService;
}

/** A feature: registers its providers and commands, and returns what to dispose on deactivation. */
export interface Feature {
  register(context: vscode.ExtensionContext, services: Services): vscode.Disposable[];
}

export function createServices(): Services & vscode.Disposable {
  const analysis = new AnalysisService();
  return {
    analysis,
    dispose: () => {
      analysis.dispose();
      logChannel.dispose();
    },
  };
}
