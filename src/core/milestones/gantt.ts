// A Mermaid `gantt` block of the milestones and the impact window, which GitHub and GitLab render where the
// post-mortem is shared. Kept between marker comments, so "Insert Timeline Diagram" can refresh it on save.
import { sectionsFor, type PostmortemModel } from '../model/model';
import { range, type Range } from '../model/text';
import { MILESTONE_IDS, MILESTONE_LABEL, parseMilestones } from './parse';

export const GANTT_START = '<!-- postmortem:timeline-diagram -->';
export const GANTT_END = '<!-- /postmortem:timeline-diagram -->';

function at(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ');
}

/** Mermaid's task and title text cannot hold `:`, `;` or `#`, nor span lines. */
function mermaidText(text: string): string {
  return text.replace(/[:;#\r\n]+/g, ' ').replace(/\s+/g, ' ').trim() || 'Incident';
}

/** The gantt source (without the fence), or undefined with fewer than two milestones. Times are UTC. */
export function mermaidGantt(model: PostmortemModel, title?: string): string | undefined {
  const { used } = parseMilestones(model);
  const ms = MILESTONE_IDS.filter((id) => used[id]?.epochMs !== undefined).map((id) => ({ id, at: used[id]!.epochMs! }));
  if (ms.length < 2) return undefined;
  const lines = ['gantt', `  title ${mermaidText(title ?? model.title?.text ?? 'Incident timeline')} (UTC)`, '  dateFormat YYYY-MM-DD HH:mm', '  axisFormat %H:%M'];
  const started = used.started?.epochMs;
  const mitigated = used.mitigated?.epochMs;
  const resolved = used.resolved?.epochMs;
  lines.push('  section Incident');
  if (started !== undefined && mitigated !== undefined && mitigated > started) lines.push(`  Impact window :crit, impact, ${at(started)}, ${at(mitigated)}`);
  if (mitigated !== undefined && resolved !== undefined && resolved > mitigated) lines.push(`  Mitigated to resolved :active, recovery, ${at(mitigated)}, ${at(resolved)}`);
  lines.push('  section Milestones');
  for (const m of ms) lines.push(`  ${MILESTONE_LABEL[m.id]} :milestone, ${m.id}, ${at(m.at)}, 0m`);
  return lines.join('\n');
}

/** The whole block, markers and fence included. */
export function ganttBlock(model: PostmortemModel): string | undefined {
  const source = mermaidGantt(model);
  if (!source) return undefined;
  const eol = model.eol;
  return [GANTT_START, '```mermaid', ...source.split('\n'), '```', GANTT_END].join(eol);
}

/** Where the block is: the lines from the start marker to the end marker, when both are present in order. */
export function ganttBlockRange(model: PostmortemModel): Range | undefined {
  const start = model.lines.findIndex((l) => l.trim() === GANTT_START);
  if (start === -1) return undefined;
  for (let l = start + 1; l < model.lines.length; l++) {
    if (model.lines[l]!.trim() === GANTT_END) return range(start, 0, l, model.lines[l]!.length);
  }
  return undefined;
}

/**
 * The edit that inserts the block (at the end of the Timeline section, else at the end of the document) or refreshes
 * it; undefined when there is nothing to draw or the block is already up to date.
 */
export function ganttEdit(model: PostmortemModel): { range: Range; text: string } | undefined {
  const block = ganttBlock(model);
  if (!block) return undefined;
  const existing = ganttBlockRange(model);
  const eol = model.eol;
  if (existing) {
    const current = model.lines.slice(existing.start.line, existing.end.line + 1).join(eol);
    return current === block ? undefined : { range: existing, text: block };
  }
  const timeline = sectionsFor(model, 'timeline')[0];
  let line = timeline ? timeline.contentRange.end.line : model.lines.length - 1;
  // After the section's last non-blank line.
  while (line > (timeline?.heading.range.end.line ?? 0) && (model.lines[line] ?? '').trim() === '') line--;
  const end = (model.lines[line] ?? '').length;
  return { range: range(line, end, line, end), text: `${eol}${eol}${block}` };
}
