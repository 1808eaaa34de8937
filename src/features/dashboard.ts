// "Post-mortem: Open Dashboard" (issue 19): the catalogue's figures, charts and tables in a webview, as the CLI's
// `postmortem report --format html` gives them. Loaded on first use (its own file in the Node bundle).
//
// The page is static: a strict Content-Security-Policy (no remote content, styles from the extension, one script with a
// nonce), and the data arrives as a message (never spliced into the HTML). The page asks to open a file by its row
// number in the data it was sent; the extension opens only files of that list.
import * as vscode from 'vscode';
import { aggregate, chartSpecs, NO_OWNER, type CatalogueAggregate, type ChartSpec } from '../core/catalogue-index';
import { formatDuration } from '../core/milestones/format';
import type { CatalogueService, IndexedFile } from '../services/catalogue';

export const DASHBOARD_VIEW_TYPE = 'postmortem.dashboard';

/** One post-mortem row of the dashboard. */
export interface DashboardPostmortem {
  readonly title: string;
  readonly path: string;
  readonly date?: string;
  readonly severity?: string;
  readonly status?: string;
  readonly ttd?: string;
  readonly ttr?: string;
  readonly sections: string;
  readonly open: number;
  readonly overdue: number;
}

/** One action item of the dashboard's ledger (open ones only). */
export interface DashboardAction {
  /** Row of its post-mortem in `postmortems`. */
  readonly postmortem: number;
  readonly line: number;
  readonly text: string;
  readonly owner?: string;
  readonly ticket?: string;
  readonly due?: string;
  readonly state: 'overdue' | 'soon' | 'open';
}

/** What the page is sent. */
export interface DashboardData {
  readonly today: string;
  readonly aggregate: CatalogueAggregate;
  /** The charts of `postmortem report --format html` (the page draws them with the same code). */
  readonly charts: readonly ChartSpec[];
  readonly postmortems: readonly DashboardPostmortem[];
  readonly actions: readonly DashboardAction[];
  readonly noOwner: string;
  readonly skipped: number;
  readonly indexing: boolean;
}

/** What the page reports after drawing: the text of its headings and table rows (for the tests). */
export interface DashboardRendered {
  readonly headings: readonly string[];
  readonly postmortemRows: readonly string[];
  readonly actionRows: readonly string[];
  readonly charts: number;
}

export interface DashboardHandle {
  readonly panel: vscode.WebviewPanel;
  /** Fires each time the page has drawn new data. */
  readonly onDidRender: vscode.Event<DashboardRendered>;
  /** The last drawing reported, if any. */
  readonly lastRendered: () => DashboardRendered | undefined;
}

let current: DashboardHandle | undefined;

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function dashboardData(service: CatalogueService, files: readonly IndexedFile[]): DashboardData {
  const sorted = [...files].sort((a, b) => (b.entry.date ?? '').localeCompare(a.entry.date ?? '') || a.entry.title.localeCompare(b.entry.title));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const config = folder ? service.configFor(folder) : undefined;
  const today = service.today();
  const agg = aggregate(
    sorted.map((f) => f.entry),
    { today, ...(config ? { severities: config.severities } : {}) },
  );
  const postmortems: DashboardPostmortem[] = [];
  const actions: DashboardAction[] = [];
  sorted.forEach((f, row) => {
    const e = f.entry;
    const d = e.metrics?.durations;
    const c = e.completeness;
    const open = e.actions.filter((a) => !a.done);
    postmortems.push({
      title: e.title || f.path,
      path: f.path,
      ...(e.date ? { date: e.date } : {}),
      ...(e.severity ? { severity: e.severity } : {}),
      ...(e.status ? { status: e.status } : {}),
      ...(d?.ttd ? { ttd: formatDuration(d.ttd.ms) } : {}),
      ...(d?.ttr ? { ttr: formatDuration(d.ttr.ms) } : {}),
      sections: e.template ? 'template' : `${c.present.length}/${c.present.length + c.empty.length + c.missing.length}`,
      open: open.length,
      overdue: open.filter((a) => a.overdue).length,
    });
    for (const a of open) {
      actions.push({
        postmortem: row,
        line: a.line,
        text: a.text,
        ...(a.owner ? { owner: a.owner } : {}),
        ...(a.ticket ? { ticket: a.ticket } : {}),
        ...(a.due ? { due: a.due } : {}),
        state: a.overdue ? 'overdue' : a.dueSoon ? 'soon' : 'open',
      });
    }
  });
  const rank = { overdue: 0, soon: 1, open: 2 };
  actions.sort((a, b) => rank[a.state] - rank[b.state] || (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff'));
  return { today, aggregate: agg, charts: chartSpecs(agg), postmortems, actions, noOwner: NO_OWNER, skipped: service.skipped().length, indexing: service.state === 'indexing' };
}

function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, n: string): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'dashboard.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dashboard.css'));
  const csp = [`default-src 'none'`, `img-src ${webview.cspSource} data:`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${n}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style.toString()}">
<title>Post-mortem Dashboard</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="muted">Loading the catalogue…</p></main>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** Opens (or shows) the dashboard; it follows the index until closed. */
export async function openDashboard(extensionUri: vscode.Uri, service: CatalogueService): Promise<DashboardHandle> {
  if (current) {
    current.panel.reveal();
    return current;
  }
  const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Post-mortem Dashboard', vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
    retainContextWhenHidden: false,
  });
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'catalogue.svg');
  const rendered = new vscode.EventEmitter<DashboardRendered>();
  let last: DashboardRendered | undefined;
  let files: readonly IndexedFile[] = [];
  let ready = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const post = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (!ready) return;
    files = [...service.files()].sort((a, b) => (b.entry.date ?? '').localeCompare(a.entry.date ?? '') || a.entry.title.localeCompare(b.entry.title));
    void panel.webview.postMessage({ type: 'data', data: dashboardData(service, files) });
  };
  const schedule = (): void => {
    timer ??= setTimeout(post, 300);
  };

  const subscriptions: vscode.Disposable[] = [
    rendered,
    service.onDidChange(schedule),
    service.onDidChangeState(schedule),
    panel.webview.onDidReceiveMessage(async (message: unknown) => {
      const m = message as { type?: unknown; row?: unknown; line?: unknown; rendered?: unknown };
      if (m.type === 'ready') {
        ready = true;
        post();
      } else if (m.type === 'rendered' && m.rendered && typeof m.rendered === 'object') {
        last = m.rendered as DashboardRendered;
        rendered.fire(last);
      } else if (m.type === 'open' && typeof m.row === 'number' && Number.isInteger(m.row)) {
        // Only a file of the list the page was sent, never a path the page names.
        const file = files[m.row];
        if (!file) return;
        const line = typeof m.line === 'number' && Number.isInteger(m.line) && m.line >= 0 ? m.line : 0;
        const at = new vscode.Position(line, 0);
        await vscode.window.showTextDocument(file.uri, { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.Beside });
      }
    }),
  ];
  panel.onDidDispose(() => {
    clearTimeout(timer);
    for (const s of subscriptions) s.dispose();
    current = undefined;
  });
  panel.webview.html = pageHtml(panel.webview, extensionUri, nonce());
  const handle: DashboardHandle = { panel, onDidRender: rendered.event, lastRendered: () => last };
  current = handle;
  void service.start();
  return handle;
}
