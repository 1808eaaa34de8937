// The catalogue views' content (issue 19): "Post-mortems" grouped by status, severity or month, and "Action items"
// grouped by owner, by post-mortem or by due state, with a checkbox that toggles an item's `[ ]`/`[x]` in its file.
// Loaded on first use (its own file in the Node bundle, see LAZY in scripts/build.mjs); src/features/catalogue.ts
// registers the views and commands at activation and hands their work to this module.
import * as vscode from 'vscode';
import { CATALOGUE } from '../core/model/catalogue';
import type { PostmortemConfig } from '../core/config/config';
import { formatDuration } from '../core/milestones/format';
import type { CatalogueAction, CatalogueEntry } from '../core/catalogue-index';
import type { CatalogueService, IndexedFile, SkippedFile } from '../services/catalogue';
import { textSetting } from '../services/settings';

export type PostmortemGrouping = 'status' | 'severity' | 'month';
export type ActionGrouping = 'owner' | 'postmortem' | 'due';

export const POSTMORTEM_GROUPINGS: ReadonlyArray<{ id: PostmortemGrouping; label: string }> = [
  { id: 'status', label: 'Status' },
  { id: 'severity', label: 'Severity' },
  { id: 'month', label: 'Month' },
];
export const ACTION_GROUPINGS: ReadonlyArray<{ id: ActionGrouping; label: string }> = [
  { id: 'due', label: 'Due state (Overdue · Due soon · Open · Done)' },
  { id: 'owner', label: 'Owner' },
  { id: 'postmortem', label: 'Post-mortem' },
];

export interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly icon?: vscode.ThemeIcon;
  readonly tooltip?: string;
  readonly collapsed?: boolean;
  readonly children: readonly CatalogueNode[];
}
export interface PostmortemNode {
  readonly kind: 'postmortem';
  readonly file: IndexedFile;
}
export interface ActionNode {
  readonly kind: 'action';
  readonly file: IndexedFile;
  readonly action: CatalogueAction;
  /** Its place among the file's action items (for a stable id). */
  readonly ordinal: number;
  /** Show the post-mortem's title (not grouped by post-mortem). */
  readonly showFile: boolean;
}
export interface SkippedNode {
  readonly kind: 'skipped';
  readonly file: SkippedFile;
}
export type CatalogueNode = GroupNode | PostmortemNode | ActionNode | SkippedNode;

/** What the views module needs from the registering feature. */
export interface ViewHooks {
  readonly service: CatalogueService;
  readonly configFor: (uri: vscode.Uri) => PostmortemConfig;
  readonly state: vscode.Memento;
  /** Tells VS Code the view's content changed. */
  readonly refreshPostmortems: () => void;
  readonly refreshActions: () => void;
  readonly postmortemsView: vscode.TreeView<unknown>;
  readonly actionsView: vscode.TreeView<unknown>;
}

const GROUPING_KEY = 'postmortem.catalogue.groupBy';
const ACTION_GROUPING_KEY = 'postmortem.actionItems.groupBy';
const MINE_KEY = 'postmortem.actionItems.mine';
const STATUS_ORDER = ['draft', 'in-review', 'final'];
const STATUS_LABEL: Record<string, string> = { draft: 'Draft', 'in-review': 'In review', final: 'Final' };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SECTION_TITLE = new Map(CATALOGUE.map((s) => [s.id as string, s.title]));
const MAX_TOOLTIP_ACTIONS = 8;
/** A group with more items starts collapsed: VS Code builds every child of an expanded group, seen or not. */
const LARGE_GROUP = 100;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Escapes text for a MarkdownString (titles and items are untrusted). */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** An owner as compared with postmortem.author: case, a leading @ and separators do not matter. */
function ownerKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^@/, '')
    .replace(/[\s._-]+/g, ' ');
}

/** Whether an action's owner is the person named by `author` ("Dana Scully" owns "@dana", "dana.scully" and "Dana Scully"). */
export function isMine(owner: string | undefined, author: string): boolean {
  if (!owner || !author.trim()) return false;
  const a = ownerKey(author);
  const words = a.split(' ');
  return owner
    .split(/[,;/&]|\band\b/)
    .map(ownerKey)
    .some((o) => o !== '' && (o === a || (words.length > 1 && words[0] === o) || o.split(' ').join('') === words.join('')));
}

function monthLabel(month: string): string {
  const m = Number(month.slice(5, 7));
  return m >= 1 && m <= 12 ? `${MONTHS[m - 1]} ${month.slice(0, 4)}` : month;
}

function completenessOf(entry: CatalogueEntry): { done: number; of: number } {
  const c = entry.completeness;
  return { done: c.present.length, of: c.present.length + c.empty.length + c.missing.length };
}

function openActions(entry: CatalogueEntry): CatalogueAction[] {
  return entry.actions.filter((a) => !a.done);
}

/** Sorted newest first, then by title. */
function byDateDesc(a: IndexedFile, b: IndexedFile): number {
  const da = a.entry.date ?? '';
  const db = b.entry.date ?? '';
  return da === db ? a.entry.title.localeCompare(b.entry.title) || a.path.localeCompare(b.path) : db.localeCompare(da);
}

/** The item's missing fields, in words ("no owner, no due date"). */
function missingFields(a: CatalogueAction): string[] {
  const out: string[] = [];
  if (!a.owner) out.push('no owner');
  if (!a.ticket) out.push('no ticket');
  if (!a.due) out.push('no due date');
  return out;
}

export class CatalogueViews {
  private postmortemRoots: CatalogueNode[] | undefined;
  private actionRoots: CatalogueNode[] | undefined;

  constructor(private readonly hooks: ViewHooks) {}

  get grouping(): PostmortemGrouping {
    const g = this.hooks.state.get<string>(GROUPING_KEY);
    return POSTMORTEM_GROUPINGS.some((x) => x.id === g) ? (g as PostmortemGrouping) : 'status';
  }

  get actionGrouping(): ActionGrouping {
    const g = this.hooks.state.get<string>(ACTION_GROUPING_KEY);
    return ACTION_GROUPINGS.some((x) => x.id === g) ? (g as ActionGrouping) : 'due';
  }

  get mine(): boolean {
    return this.hooks.state.get<boolean>(MINE_KEY) ?? false;
  }

  async setGrouping(grouping: PostmortemGrouping): Promise<void> {
    await this.hooks.state.update(GROUPING_KEY, grouping);
    this.changed();
  }

  async setActionGrouping(grouping: ActionGrouping): Promise<void> {
    await this.hooks.state.update(ACTION_GROUPING_KEY, grouping);
    this.changed();
  }

  async setMine(mine: boolean): Promise<void> {
    await this.hooks.state.update(MINE_KEY, mine);
    await vscode.commands.executeCommand('setContext', MINE_KEY, mine);
    this.changed();
  }

  /** Asks how to group the post-mortems (or takes `id`). */
  async pickGrouping(id?: string): Promise<void> {
    const pick = id ?? (await vscode.window.showQuickPick(POSTMORTEM_GROUPINGS.map((g) => ({ label: g.label, id: g.id, description: g.id === this.grouping ? 'current' : '' })), { title: 'Group post-mortems by' }))?.id;
    const grouping = POSTMORTEM_GROUPINGS.find((g) => g.id === pick);
    if (grouping) await this.setGrouping(grouping.id);
  }

  /** Asks how to group the action items (or takes `id`). */
  async pickActionGrouping(id?: string): Promise<void> {
    const pick = id ?? (await vscode.window.showQuickPick(ACTION_GROUPINGS.map((g) => ({ label: g.label, id: g.id, description: g.id === this.actionGrouping ? 'current' : '' })), { title: 'Group action items by' }))?.id;
    const grouping = ACTION_GROUPINGS.find((g) => g.id === pick);
    if (grouping) await this.setActionGrouping(grouping.id);
  }

  /** The index changed (or a grouping): rebuild both trees on their next read. */
  changed(): void {
    this.postmortemRoots = undefined;
    this.actionRoots = undefined;
    this.describe();
    this.hooks.refreshPostmortems();
    this.hooks.refreshActions();
  }

  /** The views' descriptions, messages and badge. */
  describe(): void {
    const service = this.hooks.service;
    const files = service.files();
    const g = POSTMORTEM_GROUPINGS.find((x) => x.id === this.grouping)!;
    this.hooks.postmortemsView.description = `by ${g.label.toLowerCase()}`;
    this.hooks.actionsView.description = `${this.mine ? 'mine, ' : ''}by ${this.actionGrouping === 'due' ? 'due state' : this.actionGrouping === 'owner' ? 'owner' : 'post-mortem'}`;
    const indexing = service.state === 'indexing';
    this.hooks.postmortemsView.message = indexing ? `Indexing… ${plural(files.length, 'post-mortem')} so far` : '';
    let overdue = 0;
    const author = this.author();
    for (const f of files) for (const a of f.entry.actions) if (a.overdue && (!this.mine || isMine(a.owner, author))) overdue++;
    this.hooks.actionsView.badge = overdue > 0 ? { value: overdue, tooltip: `${plural(overdue, 'overdue action item')}` } : undefined;
  }

  private author(): string {
    return textSetting(vscode.workspace.getConfiguration('postmortem'), 'author');
  }

  // -------------------------------------------------------------------------------------------------------------
  // Post-mortems
  // -------------------------------------------------------------------------------------------------------------

  postmortemChildren(node: CatalogueNode | undefined): CatalogueNode[] {
    if (node) return node.kind === 'group' ? [...node.children] : [];
    return (this.postmortemRoots ??= this.buildPostmortems());
  }

  private buildPostmortems(): CatalogueNode[] {
    const files = this.hooks.service.files().sort(byDateDesc);
    const grouping = this.grouping;
    const groups = new Map<string, IndexedFile[]>();
    const keyOf = (f: IndexedFile): string => {
      if (f.entry.template) return '\u0000template';
      if (grouping === 'status') return f.entry.status ?? '';
      if (grouping === 'severity') return f.entry.severity ?? '';
      return f.entry.date?.slice(0, 7) ?? '';
    };
    for (const f of files) {
      const key = keyOf(f);
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(f);
    }
    const order = (key: string): [number, string] => {
      if (key === '\u0000template') return [4, ''];
      if (key === '') return [3, ''];
      if (grouping === 'status') {
        const i = STATUS_ORDER.indexOf(key);
        return i >= 0 ? [0, String(i)] : [1, key.toLowerCase()];
      }
      if (grouping === 'severity') {
        const severities = this.severities(files[0]?.uri);
        const i = severities.findIndex((s) => s.toLowerCase() === key.toLowerCase());
        return i >= 0 ? [0, String(i).padStart(4, '0')] : [1, key.toLowerCase()];
      }
      // Months: newest first.
      return [0, String(999999 - Number(key.replace('-', '')) || 0).padStart(6, '0')];
    };
    const keys = [...groups.keys()].sort((a, b) => {
      const [ra, sa] = order(a);
      const [rb, sb] = order(b);
      return ra - rb || sa.localeCompare(sb);
    });
    const nodes: CatalogueNode[] = keys.map((key) => {
      const list = groups.get(key)!;
      const label =
        key === '\u0000template'
          ? 'Templates'
          : key === ''
            ? grouping === 'status'
              ? 'No status'
              : grouping === 'severity'
                ? 'No severity'
                : 'No date'
            : grouping === 'status'
              ? (STATUS_LABEL[key] ?? key)
              : grouping === 'month'
                ? monthLabel(key)
                : key;
      const open = list.reduce((n, f) => n + openActions(f.entry).length, 0);
      return {
        kind: 'group',
        id: `pm-group:${grouping}:${key}`,
        label,
        description: `${list.length}${open > 0 ? ` · ${plural(open, 'open action')}` : ''}`,
        collapsed: key === '\u0000template' || (grouping === 'month' && keys.indexOf(key) > 2) || list.length > LARGE_GROUP,
        children: list.map((file) => ({ kind: 'postmortem', file })),
      };
    });
    const skipped = this.hooks.service.skipped();
    if (skipped.length > 0) {
      nodes.push({
        kind: 'group',
        id: 'pm-skipped',
        label: `Skipped: ${plural(skipped.length, 'file')}`,
        icon: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
        tooltip: 'These Markdown files could not be indexed. Expand to see why.',
        collapsed: true,
        children: skipped.sort((a, b) => a.path.localeCompare(b.path)).map((file) => ({ kind: 'skipped', file })),
      });
    }
    return nodes;
  }

  private severities(uri: vscode.Uri | undefined): string[] {
    const config = uri ? this.hooks.configFor(uri) : undefined;
    return (config?.severities ?? []).map((s) => (typeof s === 'string' ? s : s.id));
  }

  postmortemItem(node: CatalogueNode): vscode.TreeItem {
    if (node.kind === 'group') return groupItem(node);
    if (node.kind === 'skipped') {
      const item = new vscode.TreeItem(node.file.path, vscode.TreeItemCollapsibleState.None);
      item.id = `pm-skipped:${node.file.uri.toString()}`;
      item.description = `skipped: ${node.file.reason}`;
      item.tooltip = `${node.file.path} was skipped: ${node.file.reason}.`;
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      item.contextValue = 'skippedFile';
      return item;
    }
    if (node.kind !== 'postmortem') return new vscode.TreeItem('');
    const { entry, uri, path } = node.file;
    const item = new vscode.TreeItem(entry.title || path, vscode.TreeItemCollapsibleState.None);
    item.id = `pm:${uri.toString()}`;
    const { done, of } = completenessOf(entry);
    const overdue = entry.actions.filter((a) => a.overdue).length;
    const bits = [entry.date ?? 'no date', entry.severity, entry.template ? 'template' : `${done}/${of} sections`, overdue > 0 ? `${overdue} overdue` : undefined];
    item.description = bits.filter(Boolean).join(' · ');
    item.iconPath =
      entry.template
        ? new vscode.ThemeIcon('file-code')
        : done === of
          ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
          : done * 2 >= of
            ? new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.warningForeground'))
            : new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.errorForeground'));
    item.tooltip = postmortemTooltip(node.file);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
    item.contextValue = 'postmortem';
    item.accessibilityInformation = { label: `${entry.title}, ${item.description}` };
    return item;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Action items
  // -------------------------------------------------------------------------------------------------------------

  actionChildren(node: CatalogueNode | undefined): CatalogueNode[] {
    if (node) return node.kind === 'group' ? [...node.children] : [];
    return (this.actionRoots ??= this.buildActions());
  }

  private buildActions(): CatalogueNode[] {
    const author = this.author();
    const mine = this.mine;
    const grouping = this.actionGrouping;
    const files = this.hooks.service.files().filter((f) => !f.entry.template).sort(byDateDesc);
    const all: ActionNode[] = [];
    for (const file of files) {
      file.entry.actions.forEach((action, ordinal) => {
        if (mine && !isMine(action.owner, author)) return;
        all.push({ kind: 'action', file, action, ordinal, showFile: grouping !== 'postmortem' });
      });
    }
    const byDue = (a: ActionNode, b: ActionNode): number =>
      (a.action.dueDate ?? a.action.deadline ?? '9999').localeCompare(b.action.dueDate ?? b.action.deadline ?? '9999') || byDateDesc(a.file, b.file) || a.ordinal - b.ordinal;
    const group = (id: string, label: string, nodes: ActionNode[], extra: Partial<GroupNode> = {}): GroupNode => ({
      kind: 'group',
      id: `act-group:${grouping}:${id}`,
      label,
      description: String(nodes.length),
      children: nodes,
      collapsed: nodes.length > LARGE_GROUP,
      ...extra,
    });
    if (grouping === 'postmortem') {
      const out: GroupNode[] = [];
      for (const file of files) {
        const nodes = all.filter((n) => n.file === file);
        if (nodes.length === 0) continue;
        const open = nodes.filter((n) => !n.action.done).length;
        out.push(group(file.uri.toString(), file.entry.title || file.path, nodes, { description: `${file.entry.date ?? 'no date'} · ${open} open of ${nodes.length}`, collapsed: open === 0 || out.length >= LARGE_GROUP }));
      }
      return out;
    }
    if (grouping === 'owner') {
      const owners = new Map<string, { label: string; nodes: ActionNode[] }>();
      for (const n of all) {
        const key = n.action.owner ? ownerKey(n.action.owner) : '';
        let g = owners.get(key);
        if (!g) owners.set(key, (g = { label: n.action.owner ?? 'No owner', nodes: [] }));
        g.nodes.push(n);
      }
      const keys = [...owners.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
      return keys.map((key) => {
        const g = owners.get(key)!;
        const open = g.nodes.filter((n) => !n.action.done).sort(byDue);
        const done = g.nodes.filter((n) => n.action.done);
        return group(key, g.label, [...open, ...done], {
          description: `${open.length} open${done.length > 0 ? ` · ${done.length} done` : ''}`,
          icon: new vscode.ThemeIcon(key === '' ? 'question' : 'person'),
          collapsed: open.length === 0 || g.nodes.length > LARGE_GROUP,
        });
      });
    }
    const overdue = all.filter((n) => !n.action.done && n.action.overdue).sort(byDue);
    const soon = all.filter((n) => !n.action.done && !n.action.overdue && n.action.dueSoon).sort(byDue);
    const open = all.filter((n) => !n.action.done && !n.action.overdue && !n.action.dueSoon).sort(byDue);
    const done = all.filter((n) => n.action.done);
    const out: GroupNode[] = [];
    if (overdue.length > 0) out.push(group('overdue', 'Overdue', overdue, { icon: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')) }));
    if (soon.length > 0) out.push(group('soon', 'Due soon', soon, { icon: new vscode.ThemeIcon('clock', new vscode.ThemeColor('list.warningForeground')) }));
    if (open.length > 0) out.push(group('open', 'Open', open, { icon: new vscode.ThemeIcon('circle-large-outline') }));
    if (done.length > 0) out.push(group('done', 'Done', done, { icon: new vscode.ThemeIcon('pass'), collapsed: true }));
    return out;
  }

  actionItem(node: CatalogueNode): vscode.TreeItem {
    if (node.kind === 'group') return groupItem(node);
    if (node.kind !== 'action') return new vscode.TreeItem('');
    const { action, file } = node;
    const item = new vscode.TreeItem(action.text || '(no text)', vscode.TreeItemCollapsibleState.None);
    item.id = `act:${file.uri.toString()}#${node.ordinal}`;
    const missing = action.done ? [] : missingFields(action);
    const due = action.due ? `due ${action.due}${action.overdue ? ' (overdue)' : action.dueSoon ? ' (soon)' : ''}` : action.deadline && !action.done ? `policy deadline ${action.deadline}${action.overdue ? ' (overdue)' : ''}` : undefined;
    const bits = [action.owner, action.ticket, due, missing.length > 0 ? `⚠ ${missing.join(', ')}` : undefined, node.showFile ? file.entry.title || file.path : undefined];
    item.description = bits.filter(Boolean).join(' · ');
    item.iconPath = action.done
      ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
      : action.overdue
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
        : missing.length > 0
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : action.dueSoon
            ? new vscode.ThemeIcon('clock', new vscode.ThemeColor('list.warningForeground'))
            : new vscode.ThemeIcon('circle-large-outline');
    if (action.checkbox !== undefined) item.checkboxState = action.done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.tooltip = actionTooltip(node);
    item.command = { command: 'postmortem.actionItems.reveal', title: 'Go to Action Item', arguments: [node] };
    item.contextValue = action.checkbox === undefined ? 'actionItem' : action.done ? 'actionItem.checkbox.done' : 'actionItem.checkbox.open';
    item.accessibilityInformation = { label: `${action.done ? 'Done' : 'Open'}: ${action.text}. ${item.description}` };
    return item;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Commands
  // -------------------------------------------------------------------------------------------------------------

  /** Shows an action item's line in its file. */
  async reveal(node: ActionNode): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(node.file.uri);
    const line = this.currentLine(doc, node) ?? Math.min(node.action.line, doc.lineCount - 1);
    const at = new vscode.Position(line, doc.lineAt(line).firstNonWhitespaceCharacterIndex);
    const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at), preview: true });
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  /** The item's line in the document's current text: where the view saw it if it is still there, else where it moved. */
  private currentLine(doc: vscode.TextDocument, node: ActionNode): number | undefined {
    return this.currentAction(doc, node)?.line;
  }

  private currentAction(doc: vscode.TextDocument, node: ActionNode): CatalogueAction | undefined {
    const entry = this.hooks.service.summarise(doc.uri, doc.getText());
    if (!entry) return undefined;
    const same = (a: CatalogueAction) => a.text === node.action.text && a.owner === node.action.owner;
    const atLine = entry.actions.find((a) => a.line === node.action.line && same(a));
    if (atLine) return atLine;
    const moved = entry.actions.filter(same);
    return moved.length === 1 ? moved[0] : undefined;
  }

  /**
   * Sets the items' done state by editing the `[ ]`/`[x]` in their files: one WorkspaceEdit (one undo step) that
   * replaces only the box's inner character. Each item is looked up in the document's current text first; an item
   * that is no longer there is left alone with a message, and the view is redrawn.
   */
  async setDone(changes: ReadonlyArray<readonly [ActionNode, boolean]>): Promise<boolean> {
    const edit = new vscode.WorkspaceEdit();
    const lost: string[] = [];
    let edits = 0;
    for (const [node, done] of changes) {
      const doc = await vscode.workspace.openTextDocument(node.file.uri);
      const current = this.currentAction(doc, node);
      if (!current || current.checkbox === undefined) {
        lost.push(node.action.text);
        continue;
      }
      if (current.done === done) continue;
      const line = doc.lineAt(current.line).text;
      const box = current.checkbox;
      if (line[box] !== '[' || line[box + 2] !== ']' || !/^[ x]$/i.test(line[box + 1] ?? '')) {
        lost.push(node.action.text);
        continue;
      }
      edit.replace(doc.uri, new vscode.Range(current.line, box + 1, current.line, box + 2), done ? 'x' : ' ');
      edits++;
    }
    let applied = true;
    if (edits > 0) applied = await vscode.workspace.applyEdit(edit);
    if (lost.length > 0) {
      void vscode.window.showWarningMessage(`Post-mortem: ${lost.length === 1 ? `the action item "${lost[0]!.slice(0, 80)}" changed` : `${lost.length} action items changed`} since the view showed it; nothing was edited there.`);
    }
    if (lost.length > 0 || !applied) this.changed(); // the checkbox VS Code already flipped goes back
    return applied && edits > 0;
  }
}

function groupItem(node: GroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, node.collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  if (node.description !== undefined) item.description = node.description;
  if (node.icon) item.iconPath = node.icon;
  if (node.tooltip) item.tooltip = node.tooltip;
  item.contextValue = 'group';
  return item;
}

function postmortemTooltip(file: IndexedFile): vscode.MarkdownString {
  const { entry } = file;
  const t = new vscode.MarkdownString(undefined, true);
  t.appendMarkdown(`**${md(entry.title || file.path)}**  \n`);
  t.appendMarkdown(`${md(file.path)}\n\n`);
  const facts = [entry.date ? `Date: ${md(entry.date)}` : 'No date', entry.severity ? `Severity: ${md(entry.severity)}` : 'No severity', entry.status ? `Status: ${md(entry.status)}` : 'No status'];
  t.appendMarkdown(`${facts.join(' · ')}\n\n`);
  const durations = entry.metrics?.durations;
  if (durations) {
    const list = Object.entries(durations)
      .filter(([, d]) => d !== undefined)
      .map(([id, d]) => `${id.toUpperCase()} ${formatDuration((d as { ms: number }).ms)}`);
    if (list.length > 0) t.appendMarkdown(`$(watch) ${list.join(' · ')}\n\n`);
  }
  const c = entry.completeness;
  const name = (id: string) => SECTION_TITLE.get(id) ?? id;
  if (!entry.template) {
    t.appendMarkdown(`Sections: ${c.present.length} of ${c.present.length + c.empty.length + c.missing.length} written`);
    if (c.missing.length > 0) t.appendMarkdown(`; missing: ${c.missing.map(name).join(', ')}`);
    if (c.empty.length > 0) t.appendMarkdown(`; empty: ${c.empty.map(name).join(', ')}`);
    t.appendMarkdown('\n\n');
  }
  const open = openActions(entry);
  if (open.length > 0) {
    t.appendMarkdown(`**${plural(open.length, 'open action item')}**\n\n`);
    for (const a of open.slice(0, MAX_TOOLTIP_ACTIONS)) {
      const bits = [a.owner, a.due ? `due ${a.due}` : undefined, a.overdue ? '**overdue**' : undefined].filter(Boolean).map((b) => (b === '**overdue**' ? b : md(b!)));
      t.appendMarkdown(`- ${md(a.text.slice(0, 120))}${bits.length > 0 ? ` — ${bits.join(', ')}` : ''}\n`);
    }
    if (open.length > MAX_TOOLTIP_ACTIONS) t.appendMarkdown(`- …and ${open.length - MAX_TOOLTIP_ACTIONS} more\n`);
  } else if (entry.actions.length > 0) t.appendMarkdown('All action items are done.\n');
  else if (!entry.template) t.appendMarkdown('No action items.\n');
  if (entry.problems?.length) t.appendMarkdown(`\n\n$(warning) ${entry.problems.map(md).join('; ')}`);
  return t;
}

function actionTooltip(node: ActionNode): vscode.MarkdownString {
  const { action, file } = node;
  const t = new vscode.MarkdownString(undefined, true);
  t.appendMarkdown(`${action.done ? '$(pass) Done' : action.overdue ? '$(error) Overdue' : action.dueSoon ? '$(clock) Due soon' : 'Open'}: ${md(action.text)}\n\n`);
  const rows: string[] = [];
  rows.push(`Owner: ${action.owner ? md(action.owner) : '_none_'}`);
  rows.push(`Ticket: ${action.ticket ? md(action.ticket) : '_none_'}`);
  rows.push(`Due: ${action.due ? md(action.due) : '_none_'}`);
  if (action.deadline) rows.push(`Policy deadline: ${md(action.deadline)}${action.beyondPolicy ? ' (the due date is later)' : ''}`);
  t.appendMarkdown(`${rows.join('  \n')}\n\n`);
  t.appendMarkdown(`In ${md(file.entry.title || file.path)} (${md(file.path)}, line ${action.line + 1})`);
  if (action.checkbox === undefined && !action.done) t.appendMarkdown('\n\nNo `[ ]` checkbox on this item: mark it done in the file.');
  return t;
}

export function createCatalogueViews(hooks: ViewHooks): CatalogueViews {
  return new CatalogueViews(hooks);
}
