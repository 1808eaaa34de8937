// The one activate shared by the Node and browser entries. It only wires features together.
import * as vscode from 'vscode';
import * as completions from './features/completions';
import * as diagnostics from './features/diagnostics';
import * as exportActionItems from './features/exportActionItems';
import * as exportHtml from './features/exportHtml';
import * as frontmatter from './features/frontmatter';
import * as hover from './features/hover';
import * as ignore from './features/ignore';
import * as milestones from './features/milestones';
import { extendMarkdownIt } from './features/preview';
import * as log from './features/log';
import * as newPostmortem from './features/new-postmortem';
import * as sections from './features/sections';
import * as statusBar from './features/statusBar';
import * as teamConfig from './features/teamConfig';
import * as timeline from './features/timeline';
import * as timelineFix from './features/timelineFix';
import * as timelineImport from './features/timelineImport';
import * as trust from './features/trust';
import { useLocalDisk } from './features/files';
import type { LocalDisk } from './node/disk';

const features: Array<{ register(context: vscode.ExtensionContext): vscode.Disposable[] }> = [log, trust, teamConfig, diagnostics, sections, completions, hover, statusBar, newPostmortem, timeline, timelineFix, timelineImport, exportActionItems, ignore, milestones, exportHtml, frontmatter];

/** What a host provides: the Node host hands in its local disk; the web worker has none. */
export interface HostServices {
  readonly disk?: LocalDisk;
}

export function activate(context: vscode.ExtensionContext, services: HostServices = {}): { extendMarkdownIt: typeof extendMarkdownIt } {
  useLocalDisk(services.disk);
  for (const feature of features) {
    context.subscriptions.push(...feature.register(context));
  }
  // The Markdown preview's timeline (contributes.markdown.markdownItPlugins); its code loads when a preview renders.
  return { extendMarkdownIt };
}

export function deactivate(): void {
  // Disposables pushed to context.subscriptions are released by VS Code.
}
