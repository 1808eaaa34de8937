// The one activate shared by the Node and browser entries. It only wires features together.
import * as vscode from 'vscode';
import * as catalogue from './features/catalogue';
import * as completions from './features/completions';
import * as diagnostics from './features/diagnostics';
import * as exportActionItems from './features/export-action-items';
import * as exportHtml from './features/export-html';
import * as frontmatter from './features/frontmatter';
import * as hover from './features/hover';
import * as ignore from './features/ignore';
import * as milestones from './features/milestones';
import { markdownItExtension } from './features/preview';
import * as newPostmortem from './features/new-postmortem';
import * as sections from './features/sections';
import * as statusBar from './features/status-bar';
import * as teamConfig from './features/team-config';
import * as timeline from './features/timeline';
import * as timelineFix from './features/timeline-fix';
import * as timelineImport from './features/timeline-import';
import { useLocalDisk } from './services/files';
import { createServices, type Feature } from './services';
import { workspacePath } from './services/analysis';
import { log as logLine } from './services/log';
import { CatalogueService } from './services/catalogue';
import type { LocalDisk } from './node/disk';

const features: Feature[] = [teamConfig, diagnostics, sections, completions, hover, statusBar, newPostmortem, timeline, timelineFix, timelineImport, exportActionItems, ignore, milestones, exportHtml, frontmatter];

/** What a host provides: the Node host hands in its local disk; the web worker has none. */
export interface HostServices {
  readonly disk?: LocalDisk;
}

export function activate(context: vscode.ExtensionContext, services: HostServices = {}): ReturnType<typeof markdownItExtension> & { catalogue: catalogue.CatalogueApi } {
  useLocalDisk(services.disk);
  const shared = createServices();
  context.subscriptions.push(shared);
  for (const feature of features) {
    context.subscriptions.push(...feature.register(context, shared));
  }
  // The workspace index (issue 19): created here, started by the catalogue views or commands on first use.
  const index = new CatalogueService({
    configFor: (uri) => shared.analysis.configFor(uri),
    workspacePath,
    onDidChangeConfig: shared.analysis.onDidChangeConfig,
    analysisOf: (doc) => shared.analysis.get(doc),
    log: logLine,
    storageUri: context.storageUri,
  });
  const views = catalogue.register(context, index);
  context.subscriptions.push(index, ...views.disposables);
  // Every feature is subscribed: check the documents open now, then each as it opens or changes.
  shared.analysis.start();
  // The Markdown preview's timeline (contributes.markdown.markdownItPlugins); its code loads when a preview renders.
  return { ...markdownItExtension(shared.analysis), catalogue: views.api };
}

export function deactivate(): void {
  // Disposables pushed to context.subscriptions are released by VS Code.
}
