// The catalogue (issue 19) in a real VS Code: the Post-mortems and Action Items views list the fixture workspace's
// post-mortems and action items (read through the same tree providers the views use), toggling an item edits only its
// box in one undo step, a file written, changed or deleted updates the views, a huge file is skipped with a note, and
// the dashboard draws its charts and tables from the index.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixtureUri, waitFor, waitForEvent } from '../helpers';

const TIMEOUT = 15_000;
const QUEUE = 'Queue backlog after broker upgrade';

interface Node {
  kind: 'group' | 'postmortem' | 'action' | 'skipped';
  action?: { text: string; done: boolean; line: number };
  file?: { uri: vscode.Uri };
}
interface Api {
  service: { start(): Promise<void>; whenReady(): Promise<void>; state: string };
  postmortems: vscode.TreeDataProvider<Node>;
  actions: vscode.TreeDataProvider<Node>;
}
interface Rendered {
  headings: string[];
  postmortemRows: string[];
  actionRows: string[];
  charts: number;
}
interface DashboardHandle {
  panel: vscode.WebviewPanel;
  onDidRender: vscode.Event<Rendered>;
  lastRendered(): Rendered | undefined;
}

/** A tree as plain data: label, description and children, as the view shows them. */
interface Shown {
  label: string;
  description: string;
  icon: string | undefined;
  checked: boolean | undefined;
  tooltip: string;
  node: Node;
  children: Shown[];
}

async function read(provider: vscode.TreeDataProvider<Node>, parent?: Node): Promise<Shown[]> {
  const nodes = (await provider.getChildren(parent)) ?? [];
  const out: Shown[] = [];
  for (const node of nodes) {
    const item = await provider.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : (item.tooltip ?? '');
    out.push({
      label,
      description: typeof item.description === 'string' ? item.description : '',
      icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
      checked: item.checkboxState === undefined ? undefined : (typeof item.checkboxState === 'object' ? item.checkboxState.state : item.checkboxState) === vscode.TreeItemCheckboxState.Checked,
      tooltip,
      node,
      children: item.collapsibleState === vscode.TreeItemCollapsibleState.None ? [] : await read(provider, node),
    });
  }
  return out;
}

const find = (tree: Shown[], label: string): Shown | undefined => {
  for (const s of tree) {
    if (s.label === label) return s;
    const inner = find(s.children, label);
    if (inner) return inner;
  }
  return undefined;
};
const leaves = (tree: Shown[]): Shown[] => tree.flatMap((s) => (s.children.length > 0 ? leaves(s.children) : s.node.kind === 'group' ? [] : [s]));

let api: Api;

/**
 * Waits until `check` holds for the tree `provider` shows: read again whenever the view is told it changed (and on a
 * slow tick, in case a change landed while a read was under way). The error shows what the tree had.
 */
function waitForTree(provider: vscode.TreeDataProvider<Node>, check: (tree: Shown[]) => boolean, what: string): Promise<Shown[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    let last: Shown[] = [];
    let reading = false;
    let again = false;
    const finish = (error?: Error) => {
      done = true;
      clearTimeout(timer);
      clearInterval(tick);
      sub.dispose();
      if (error) reject(error);
      else resolve(last);
    };
    const attempt = async (): Promise<void> => {
      if (done) return;
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          last = await read(provider);
          if (check(last)) return finish();
        } while (again && !done);
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      } finally {
        reading = false;
      }
    };
    const sub = provider.onDidChangeTreeData!(() => void attempt());
    const tick = setInterval(() => void attempt(), 250);
    const timer = setTimeout(() => finish(new Error(`Timed out after ${TIMEOUT} ms waiting for ${what}; the view shows ${JSON.stringify(leaves(last).map((s) => s.label))}`)), TIMEOUT);
    void attempt();
  });
}

describe('catalogue', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<{ catalogue: Api }>(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    api = (await extension.activate()).catalogue;
    await api.postmortems.getChildren(undefined); // what showing the view does: the index starts
    await api.service.start();
    await api.service.whenReady();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('postmortem.catalogue.groupBy', 'status');
    await vscode.commands.executeCommand('postmortem.actionItems.groupBy', 'due');
    await vscode.commands.executeCommand('postmortem.actionItems.showAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the Post-mortems view lists the workspace post-mortems, grouped by status, severity or month', async () => {
    const tree = await read(api.postmortems);
    const titles = leaves(tree).map((s) => s.label);
    for (const title of [QUEUE, 'Login outage', 'Payments: "primary", then replica', 'Checkout latency', 'Cache stampede']) assert.ok(titles.includes(title), `${title} is listed among ${JSON.stringify(titles)}`);
    assert.ok(!titles.some((t) => /readme/i.test(t)), 'a README is no post-mortem');
    assert.deepStrictEqual(tree.map((g) => g.label).filter((l) => ['Draft', 'In review', 'Final'].includes(l)), ['Draft', 'In review', 'Final']);
    assert.ok(find(find(tree, 'Final')!.children, QUEUE));

    const queue = find(tree, QUEUE)!;
    assert.strictEqual(queue.description, '2026-10-14 · SEV2 · 10/10 sections · 1 overdue');
    assert.strictEqual(queue.icon, 'pass-filled');
    assert.match(queue.tooltip, /TTD 18 min · TTM 39 min · TTR 1 h 13 min/);
    assert.match(queue.tooltip, /3 open action items/);
    const payments = find(tree, 'Payments: "primary", then replica')!;
    assert.match(payments.description, /^2026-11-27 · SEV1 · 2\/10 sections/);
    assert.match(payments.tooltip, /missing: Background/);

    await vscode.commands.executeCommand('postmortem.catalogue.groupBy', 'month');
    const byMonth = await read(api.postmortems);
    assert.deepStrictEqual(byMonth.map((g) => g.label).slice(0, 2), ['November 2026', 'October 2026']);
    assert.deepStrictEqual(find(byMonth, 'October 2026')!.children.map((s) => s.label), [QUEUE]);

    await vscode.commands.executeCommand('postmortem.catalogue.groupBy', 'severity');
    const bySeverity = await read(api.postmortems);
    const severities = bySeverity.map((g) => g.label);
    assert.deepStrictEqual(severities.filter((l) => /^SEV\d$/.test(l)), ['SEV1', 'SEV2', 'SEV3']);
    assert.ok(severities.includes('No severity'), JSON.stringify(severities));
  });

  it('the Action Items view groups by due state, owner or post-mortem, marks missing fields, and filters to mine', async () => {
    const tree = await read(api.actions);
    assert.deepStrictEqual(tree.map((g) => g.label).filter((l) => ['Overdue', 'Open', 'Done'].includes(l)), ['Overdue', 'Open', 'Done']);
    const overdue = find(tree, 'Overdue')!.children.map((s) => s.label);
    assert.ok(overdue.includes('Alert on consumer lag above 5 minutes'), JSON.stringify(overdue));
    assert.deepStrictEqual(find(tree, 'Done')!.children.map((s) => s.label), ['Pin the broker version in the deploy manifest']);
    const pinned = find(tree, 'Pin the broker version in the deploy manifest')!;
    assert.strictEqual(pinned.checked, true);
    const runbook = find(tree, 'Write the broker upgrade runbook')!;
    assert.strictEqual(runbook.checked, false);
    assert.strictEqual(runbook.description, `@dana · OPS-412 · due 2099-06-30 · ${QUEUE}`);
    const loadTest = find(tree, 'Load-test the new broker')!;
    assert.strictEqual(loadTest.icon, 'warning');
    assert.match(loadTest.description, /⚠ no owner, no ticket, no due date/);
    // An item in a table has no box to tick: no checkbox.
    assert.strictEqual(find(tree, 'Rehearse failover 数据库')!.checked, undefined);

    await vscode.commands.executeCommand('postmortem.actionItems.groupBy', 'owner');
    const byOwner = await read(api.actions);
    assert.deepStrictEqual(find(byOwner, '@dana')!.children.map((s) => s.label), ['Write the broker upgrade runbook', 'Pin the broker version in the deploy manifest']);
    assert.ok(find(find(byOwner, 'No owner')!.children, 'Load-test the new broker'));

    await vscode.commands.executeCommand('postmortem.actionItems.groupBy', 'postmortem');
    const byFile = await read(api.actions);
    assert.deepStrictEqual(find(byFile, QUEUE)!.children.map((s) => s.label).sort(), ['Alert on consumer lag above 5 minutes', 'Load-test the new broker', 'Pin the broker version in the deploy manifest', 'Write the broker upgrade runbook']);

    const settings = vscode.workspace.getConfiguration('postmortem');
    await settings.update('author', 'Dana Reyes', vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('postmortem.actionItems.showMine');
      const mine = leaves(await read(api.actions)).map((s) => s.label).sort();
      assert.deepStrictEqual(mine, ['Pin the broker version in the deploy manifest', 'Write the broker upgrade runbook']);
    } finally {
      await settings.update('author', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('the checkbox command ticks the item in its file: only the box changes, and one undo restores it', async () => {
    const uri = fixtureUri('postmortems/2026-10-14-queue-backlog.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const before = doc.getText();
    const runbook = find(await read(api.actions), 'Write the broker upgrade runbook')!;
    assert.strictEqual(await vscode.commands.executeCommand('postmortem.actionItems.toggle', runbook.node), true);
    const line = runbook.node.action!.line;
    assert.strictEqual(doc.lineAt(line).text, '- [x] Write the broker upgrade runbook — owner: @dana, ticket: OPS-412, due: 2099-06-30');
    const lines = before.split('\n');
    lines[line] = lines[line]!.replace('- [ ]', '- [x]');
    assert.strictEqual(doc.getText(), lines.join('\n'), 'nothing but the box changed');

    // The view follows the document's text: the item moves to Done.
    await waitForTree(api.actions, (tree) => find(tree, 'Done')?.children.some((s) => s.label === 'Write the broker upgrade runbook') === true, 'the ticked item to show as done');

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === before, { timeoutMs: TIMEOUT, what: 'one undo to restore the file', events: [vscode.workspace.onDidChangeTextDocument] });
    assert.strictEqual(doc.isDirty, false);
    await waitForTree(api.actions, (tree) => find(tree, 'Write the broker upgrade runbook')?.checked === false, 'the item to show as open again');
  });

  it('an item that changed since the view showed it is not edited', async () => {
    const uri = fixtureUri('postmortems/2026-10-14-queue-backlog.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const runbook = find(await read(api.actions), 'Write the broker upgrade runbook')!;
    const line = runbook.node.action!.line;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, doc.lineAt(line).range, '- [ ] Something else entirely');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const changed = doc.getText();
    try {
      assert.strictEqual(await vscode.commands.executeCommand('postmortem.actionItems.toggle', runbook.node), false);
      assert.strictEqual(doc.getText(), changed);
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('a file written, changed or deleted on disk updates both views', async () => {
    const uri = fixtureUri('postmortems/2026-11-30-dns.md');
    const write = (title: string) =>
      vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`---\ntype: postmortem\ntitle: ${title}\ndate: 2026-11-30\nseverity: SEV3\nstatus: draft\n---\n\n# ${title}\n\n## Action Items\n\n- [ ] Add a second resolver — owner: @sam, ticket: NET-7, due: 2099-01-10\n`));
    try {
      await write('DNS resolution failures');
      await waitForTree(api.postmortems, (tree) => find(tree, 'DNS resolution failures') !== undefined, 'a new post-mortem to show');
      await waitForTree(api.actions, (tree) => find(tree, 'Add a second resolver') !== undefined, 'its action item to show');
      await write('DNS resolver outage');
      const tree = await waitForTree(api.postmortems, (t) => find(t, 'DNS resolver outage') !== undefined, 'the changed title to show');
      assert.strictEqual(find(tree, 'DNS resolution failures'), undefined);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitForTree(api.postmortems, (tree) => find(tree, 'DNS resolver outage') === undefined, 'the deleted post-mortem to go');
    await waitForTree(api.actions, (tree) => find(tree, 'Add a second resolver') === undefined, 'its action item to go');
  });

  it('a file too large to index is skipped with a note in the view, not a crash', async () => {
    const uri = fixtureUri('postmortems/huge.md');
    const text = `# Post-mortem: huge\n\n${'x'.repeat(100)}\n`.repeat(12_000); // about 1.4 MB
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const tree = await waitForTree(api.postmortems, (t) => t.some((g) => g.label === 'Skipped: 1 file'), 'the skipped note');
      const skipped = tree.find((g) => g.label === 'Skipped: 1 file')!;
      assert.deepStrictEqual(skipped.children.map((s) => s.label), ['postmortems/huge.md']);
      assert.match(skipped.children[0]!.description, /too large to index \(\d\.\d MB; the limit is 1\.0 MB\)/);
      assert.ok(find(tree, QUEUE), 'the other post-mortems are still listed');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitForTree(api.postmortems, (t) => !t.some((g) => g.label.startsWith('Skipped')), 'the note to go with the file');
  });

  it('Open Dashboard draws the charts and tables from the index, with links', async () => {
    const handle = await vscode.commands.executeCommand<DashboardHandle>('postmortem.openDashboard');
    try {
      const drawn = (r: Rendered | undefined) => r !== undefined && r.postmortemRows.some((row) => row.includes(QUEUE));
      const rendered = drawn(handle.lastRendered()) ? handle.lastRendered()! : await waitForEvent(handle.onDidRender, drawn, TIMEOUT, 'the dashboard to draw the catalogue');
      // The charts of `postmortem report --format html`, by the same code.
      assert.deepStrictEqual(rendered.headings.slice(0, 4), ['Post-mortems', 'Incidents per month, by severity', 'Time to resolve per month (hours)', 'Open action items by owner']);
      assert.ok(rendered.headings.includes('All post-mortems') && rendered.headings.includes('Open action items'));
      assert.strictEqual(rendered.charts, 3);
      assert.ok(rendered.postmortemRows.includes(`2026-10-14 | ${QUEUE} | SEV2 | final | 18 min | 1 h 13 min | 10/10 | 3 | 1`), JSON.stringify(rendered.postmortemRows));
      assert.ok(rendered.actionRows.some((row) => row.startsWith(`Overdue | Alert on consumer lag above 5 minutes | @lee | OPS-411 | 2020-01-15 | ${QUEUE}`)), JSON.stringify(rendered.actionRows));
      assert.ok(rendered.actionRows.some((row) => row.startsWith('Open | Load-test the new broker | no owner | no ticket | no due date')), JSON.stringify(rendered.actionRows));
    } finally {
      handle.panel.dispose();
    }
  });
});
