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
import { markdownItExtension } from './features/preview';
import * as newPostmortem from './features/new-postmortem';
import * as sections from './features/sections';
import * as statusBar from './features/statusBar';
import * as teamConfig from './features/teamConfig';
import * as timeline from './features/timeline';
import * as timelineFix from './features/timelineFix';
import * as timelineImport from './features/timelineImport';
import { useLocalDisk } from './services/files';
import { createServices, type Feature } from './services';
import type { LocalDisk } from './node/disk';

const features: Feature[] = [teamConfig, diagnostics, sections, completions, hover, statusBar, newPostmortem, timeline, timelineFix, timelineImport, exportActionItems, ignore, milestones, exportHtml, frontmatter];

/** What a host provides: the Node host hands in its local disk; the web worker has none. */
export interface HostServices {
  readonly disk?: LocalDisk;
}

export function activate(context: vscode.ExtensionContext, services: HostServices = {}): ReturnType<typeof markdownItExtension> {
  useLocalDisk(services.disk);
  const shared = createServices();
  context.subscriptions.push(shared);
  for (const feature of features) {
    context.subscriptions.push(...feature.register(context, shared));
  }
  // Every feature is subscribed: check the documents open now, then each as it opens or changes.
  shared.analysis.start();
  // The Markdown preview's timeline (contributes.markdown.markdownItPlugins); its code loads when a preview renders.
  return markdownItExtension(shared.analysis);
}

export function deactivate(): void {
  // Disposables pushed to context.subscriptions are released by VS Code.
}
