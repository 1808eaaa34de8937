// Milestones in the editor: a CodeLens with the durations above the Timeline heading, a hover on milestones, the
// quick fix "Write milestones into the front matter", and completion of milestone labels on timeline entries.
import * as vscode from 'vscode';
import {
  durationSummary,
  MILESTONE_IDS,
  MILESTONE_LABEL,
  milestoneLabelEdit,
  milestonesFrontMatterInsert,
  milestonesToWrite,
  parseMilestones,
  parseStamp,
  rawDurations,
  sectionsFor,
  type Analysis,
  type Milestone,
  type MilestoneId,
  type PostmortemModel,
} from '../core';
import type { AnalysisService } from '../services/analysis';
import type { Services } from '../services';

export const WRITE_MILESTONES_TITLE = 'Write milestones into the front matter';
const SELECTOR: vscode.DocumentSelector = { language: 'markdown' };

function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

class DurationLens implements vscode.CodeLensProvider {
  constructor(private readonly analyses: AnalysisService) {}

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const analysis = this.analyses.postmortem(doc);
    const timeline = analysis && sectionsFor(analysis.model, 'timeline')[0];
    if (!analysis?.metrics || !timeline) return [];
    const summary = durationSummary(analysis.metrics);
    if (summary === '') return [];
    const d = analysis.metrics.durations;
    const tooltip = [d.ttd, d.tta, d.ttm, d.ttr, d.impact]
      .filter((x) => x !== undefined)
      .map((x) => `${x.id === 'impact' ? 'Impact window' : x.id.toUpperCase()} (${x.name}, ${x.from} → ${x.to}): ${x.text}`)
      .join('\n');
    // A lens with no command id is a label: it shows the figures and runs nothing.
    return [new vscode.CodeLens(toRange(timeline.heading.range), { title: summary, command: '', tooltip })];
  }
}

function milestoneAt(analysis: Analysis, position: vscode.Position): Milestone | undefined {
  const { all } = parseMilestones(analysis.model);
  return all.find((m) => {
    if (m.source === 'timeline') return m.line === position.line;
    return m.range.start.line <= position.line && position.line <= m.range.end.line;
  });
}

class MilestoneHover implements vscode.HoverProvider {
  constructor(private readonly analyses: AnalysisService) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.analyses.postmortem(doc);
    if (!analysis) return undefined;
    const m = milestoneAt(analysis, position);
    if (!m) return undefined;
    const md = new vscode.MarkdownString();
    const { used } = parseMilestones(analysis.model);
    const inUse = used[m.id] === m;
    md.appendMarkdown(`**${MILESTONE_LABEL[m.id]}** milestone`);
    if (m.epochMs !== undefined) md.appendMarkdown(` — ${new Date(m.epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    md.appendMarkdown('\n\n');
    // The problem quotes the document's text (a front-matter value, the words after a time): text, never Markdown, so
    // a hostile value cannot put links or remote images in the hover.
    if (m.problem) md.appendText(m.problem).appendMarkdown('\n\n');
    else if (!inUse) md.appendMarkdown(`Not used: ${used[m.id]?.source === 'front-matter' ? 'the front matter gives this milestone' : 'an earlier entry marks it'}.\n\n`);
    else {
      const origin = this.analyses.configFor(doc.uri).milestones.origin;
      for (const d of rawDurations(analysis.model, origin)) {
        if (d.from !== m.id && d.to !== m.id) continue;
        md.appendMarkdown(`- ${d.id === 'impact' ? 'Impact window' : d.id.toUpperCase()} (${d.name}, ${d.from} → ${d.to}): ${d.ms < 0 ? `negative (${d.text})` : d.text}\n`);
      }
    }
    return new vscode.Hover(md, toRange(m.range));
  }
}

class WriteMilestones implements vscode.CodeActionProvider {
  constructor(private readonly analyses: AnalysisService) {}

  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) return [];
    const analysis = this.analyses.postmortem(doc);
    if (!analysis) return [];
    // Offered on a timeline milestone label, and on milestone findings.
    const { all } = parseMilestones(analysis.model);
    const onLabel = all.some((m) => m.source === 'timeline' && m.line !== undefined && range.start.line <= m.line && m.line <= range.end.line);
    const diagnostics = context.diagnostics.filter((d) => {
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      return code === 'milestone-missing' || code === 'milestone-time';
    });
    if (!onLabel && diagnostics.length === 0) return [];
    const insert = milestonesFrontMatterInsert(analysis.model);
    if (!insert) return [];
    const names = milestonesToWrite(analysis.model).map((m) => m.id).join(', ');
    const action = new vscode.CodeAction(`${WRITE_MILESTONES_TITLE} (${names})`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = diagnostics;
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(doc.uri, new vscode.Position(insert.position.line, insert.position.character), insert.text);
    return [action];
  }
}

/** Milestone labels, completed on a timeline entry after its timestamp; the next milestone not given comes first. */
class LabelCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly analyses: AnalysisService) {}

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const analysis = this.analyses.postmortem(doc);
    if (!analysis) return undefined;
    const entry = analysis.model.timeline.find((e) => e.range.start.line === position.line);
    if (!entry) return undefined;
    const line = doc.lineAt(position.line).text;
    const textStart = entry.kind === 'item' ? line.length - entry.text.length : 0;
    const stamp = parseStamp(line, textStart);
    if (!stamp || position.character < stamp.end) return undefined;
    // Only where the event text starts: after the stamp and separators, with at most a partly typed label.
    const typed = /^[\s|)*_`~.,:–—-]*?(\*{0,2}[A-Z]*)$/i.exec(line.slice(stamp.end, position.character));
    if (!typed) return undefined;
    const replace = new vscode.Range(position.line, position.character - typed[1]!.length, position.line, position.character);
    const given = new Set(parseMilestones(analysis.model).all.map((m) => m.id));
    const next = MILESTONE_IDS.find((id) => !given.has(id));
    return MILESTONE_IDS.map((id, i) => {
      const label = `**${MILESTONE_LABEL[id]}:**`;
      const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.EnumMember);
      item.insertText = `${label} `;
      item.filterText = `**${MILESTONE_LABEL[id]}`;
      item.range = replace;
      item.detail = given.has(id) ? 'milestone (already given)' : 'milestone';
      item.documentation = new vscode.MarkdownString(`Marks this entry as the time the incident was **${id}**; durations are computed from it.`);
      item.sortText = `${id === next ? 0 : given.has(id) ? 2 : 1}${i}`;
      item.preselect = id === next;
      return item;
    });
  }
}

export const MARK_MILESTONE_COMMAND = 'postmortem.markMilestone';

/** A quick pick of the milestones, the next one the document does not give yet first; undefined when dismissed. */
export async function pickMilestone(model: PostmortemModel, title: string, placeHolder: string): Promise<MilestoneId | undefined> {
  const given = new Set(parseMilestones(model).all.map((m) => m.id));
  const next = MILESTONE_IDS.find((m) => !given.has(m));
  const items = MILESTONE_IDS.map((m) => ({ label: MILESTONE_LABEL[m], description: given.has(m) ? 'already given' : m === next ? 'next' : '', id: m }));
  items.sort((a, b) => Number(b.id === next) - Number(a.id === next));
  return (await vscode.window.showQuickPick(items, { title, placeHolder }))?.id;
}

/**
 * "Mark as Milestone": labels the timeline entry at the cursor with a milestone picked from a quick pick (the next one
 * not given yet first), or with `id` when given (for tests and keybindings). Resolves true when the entry changed.
 */
async function markMilestone(analyses: AnalysisService, id?: MilestoneId): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const analysis = editor && analyses.postmortem(editor.document);
  const line = editor?.selection.active.line ?? -1;
  if (!editor || !analysis || !milestoneLabelEdit(analysis.model, line, 'started')) {
    void vscode.window.showInformationMessage('Post-mortem: put the cursor on a timeline entry with a time to mark it as a milestone.');
    return false;
  }
  const pick = id ?? (await pickMilestone(analysis.model, 'Mark as Milestone', 'Which milestone is this entry?'));
  if (!pick) return false;
  // Re-read: the document may have changed while the pick was open.
  const current = analyses.postmortem(editor.document);
  const edit = current && milestoneLabelEdit(current.model, line, pick);
  if (!edit) return false;
  const r = edit.range;
  const done = await editor.edit((b) => b.replace(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), edit.text));
  if (done) {
    const end = new vscode.Position(r.start.line, r.start.character + edit.text.length);
    editor.selection = new vscode.Selection(end, end);
  }
  return done;
}

export function register(_context: vscode.ExtensionContext, { analysis }: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(MARK_MILESTONE_COMMAND, (id?: unknown) => markMilestone(analysis, typeof id === 'string' && (MILESTONE_IDS as readonly string[]).includes(id) ? (id as MilestoneId) : undefined)),
    vscode.languages.registerCodeLensProvider(SELECTOR, new DurationLens(analysis)),
    vscode.languages.registerHoverProvider(SELECTOR, new MilestoneHover(analysis)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new WriteMilestones(analysis), { providedCodeActionKinds: WriteMilestones.kinds }),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new LabelCompletions(analysis), '*'),
  ];
}
