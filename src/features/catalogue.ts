// The catalogue views and the dashboard (issue 19): "Post-mortems" and "Action items" in their own view container,
// and "Post-mortem: Open Dashboard". Activation only registers the views and commands: the workspace index starts
// when a view first shows or a command runs, and the views' content (catalogue-views.ts) and the dashboard
// (dashboard.ts) are loaded then (their own files in the Node bundle, see LAZY in scripts/build.mjs).
import * as vscode from 'vscode';
import type { CatalogueService } from '../services/catalogue';
import { createCatalogueViews, type CatalogueNode, type CatalogueViews, type ActionNode } from './catalogue-views';
import { openDashboard } from './dashboard';

export const POSTMORTEMS_VIEW = 'postmortem.catalogue';
export const ACTIONS_VIEW = 'postmortem.actionItems';
export const DASHBOARD_COMMAND = 'postmortem.openDashboard';
const STATE_CONTEXT = 'postmortem.catalogue.state';

/** What the views show, through the same providers: for the tests and other extensions. */
export interface CatalogueApi {
  readonly service: CatalogueService;
  readonly postmortems: vscode.TreeDataProvider<unknown>;
  readonly actions: vscode.TreeDataProvider<unknown>;
}

export function register(context: vscode.ExtensionContext, service: CatalogueService): { disposables: vscode.Disposable[]; api: CatalogueApi } {
  const postmortemsChanged = new vscode.EventEmitter<void>();
  const actionsChanged = new vscode.EventEmitter<void>();
  let views: CatalogueViews | undefined;
  const disposables: vscode.Disposable[] = [postmortemsChanged, actionsChanged];

  /** The views' content, loaded and the index started on first use. */
  const load = (): CatalogueViews => {
    if (views) return views;
    const v = createCatalogueViews({
      service,
      configFor: (uri) => service.configFor(uri),
      state: context.workspaceState,
      refreshPostmortems: () => postmortemsChanged.fire(),
      refreshActions: () => actionsChanged.fire(),
      postmortemsView,
      actionsView,
    });
    views = v;
    const setState = (): void => {
      const state = service.state === 'indexing' ? 'indexing' : service.files().length === 0 ? 'empty' : 'ready';
      void vscode.commands.executeCommand('setContext', STATE_CONTEXT, state);
    };
    disposables.push(
      service.onDidChange(() => {
        v.changed();
        setState();
      }),
      service.onDidChangeState((state) => {
        setState();
        if (state === 'indexing') void vscode.window.withProgress({ location: { viewId: POSTMORTEMS_VIEW } }, () => service.whenReady());
        v.changed();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem.author') && v.mine) v.changed();
      }),
    );
    if (v.mine) void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.mine', true);
    void service.start();
    v.describe();
    return v;
  };

  const postmortems: vscode.TreeDataProvider<unknown> = {
    onDidChangeTreeData: postmortemsChanged.event,
    getChildren: (node) => load().postmortemChildren(node as CatalogueNode | undefined),
    getTreeItem: (node) => load().postmortemItem(node as CatalogueNode),
  };
  const actions: vscode.TreeDataProvider<unknown> = {
    onDidChangeTreeData: actionsChanged.event,
    getChildren: (node) => load().actionChildren(node as CatalogueNode | undefined),
    getTreeItem: (node) => load().actionItem(node as CatalogueNode),
  };
  const postmortemsView = vscode.window.createTreeView(POSTMORTEMS_VIEW, { treeDataProvider: postmortems, showCollapseAll: true });
  const actionsView = vscode.window.createTreeView(ACTIONS_VIEW, { treeDataProvider: actions, showCollapseAll: true, manageCheckboxStateManually: true });

  const uriOf = (arg: unknown): vscode.Uri | undefined => {
    if (arg instanceof vscode.Uri) return arg;
    const node = arg as CatalogueNode | undefined;
    if (node && (node.kind === 'postmortem' || node.kind === 'action' || node.kind === 'skipped')) return node.file.uri;
    return postmortemsView.selection.map(uriOf).find(Boolean) ?? vscode.window.activeTextEditor?.document.uri;
  };
  const isAction = (arg: unknown): arg is ActionNode => (arg as CatalogueNode | undefined)?.kind === 'action';

  disposables.push(
    postmortemsView,
    actionsView,
    actionsView.onDidChangeCheckboxState((e) => {
      const changes = e.items.filter(([node]) => isAction(node)).map(([node, state]) => [node as ActionNode, state === vscode.TreeItemCheckboxState.Checked] as const);
      if (changes.length > 0) void load().setDone(changes);
    }),
    vscode.commands.registerCommand(DASHBOARD_COMMAND, async () => {
      load();
      return openDashboard(context.extensionUri, service);
    }),
    vscode.commands.registerCommand('postmortem.catalogue.refresh', () => {
      load();
      return service.refresh();
    }),
    vscode.commands.registerCommand('postmortem.catalogue.groupBy', (by?: unknown) => load().pickGrouping(typeof by === 'string' ? by : undefined)),
    vscode.commands.registerCommand('postmortem.actionItems.groupBy', (by?: unknown) => load().pickActionGrouping(typeof by === 'string' ? by : undefined)),
    vscode.commands.registerCommand('postmortem.actionItems.showMine', () => load().setMine(true)),
    vscode.commands.registerCommand('postmortem.actionItems.showAll', () => load().setMine(false)),
    vscode.commands.registerCommand('postmortem.catalogue.open', async (arg?: unknown) => {
      const uri = uriOf(arg);
      if (uri) await vscode.window.showTextDocument(uri);
    }),
    vscode.commands.registerCommand('postmortem.catalogue.export', (arg?: unknown) => {
      const uri = uriOf(arg);
      return uri ? vscode.commands.executeCommand('postmortem.exportHtml', { uri }) : undefined;
    }),
    vscode.commands.registerCommand('postmortem.catalogue.reveal', (arg?: unknown) => {
      const uri = uriOf(arg);
      return uri ? vscode.commands.executeCommand('revealInExplorer', uri) : undefined;
    }),
    vscode.commands.registerCommand('postmortem.actionItems.reveal', (arg?: unknown) => {
      const node = isAction(arg) ? arg : actionsView.selection.find(isAction);
      return node ? load().reveal(node) : undefined;
    }),
    vscode.commands.registerCommand('postmortem.actionItems.toggle', (arg?: unknown) => {
      const node = isAction(arg) ? arg : actionsView.selection.find(isAction);
      return node ? load().setDone([[node, !node.action.done]]) : false;
    }),
  );
  return { disposables, api: { service, postmortems, actions } };
}
