// Export as HTML: one self-contained file with the rendered post-mortem, the visual timeline and the durations, for
// readers outside engineering. Rendered with markdown-it (the renderer VS Code uses) plus the timeline plugin.
// Sanitised: raw HTML in the post-mortem is shown as text (markdown-it's `html: false`), links with script schemes
// are not links (markdown-it's validateLink), and a Content-Security-Policy without script-src means nothing in the
// file can run a script even if something slipped through. Pure: no vscode, no Node built-ins.
import MarkdownIt from 'markdown-it';
import { analyze, type Analysis } from '../core/analyze';
import type { PostmortemConfig } from '../core/config/config';
import { DURATION_IDS, durationSpecs } from '../core/milestones/durations';
import { escapeHtml } from '../core/milestones/figure';
import { timelineFigureData } from '../core/milestones/figure-data';
import { MILESTONE_IDS, MILESTONE_LABEL } from '../core/milestones/parse';
import { sectionsFor } from '../core/model/model';
import { mermaidGantt } from '../core/milestones/gantt';
import { timelinePlugin } from '../preview/timeline-plugin';

export interface HtmlExportOptions {
  readonly config?: PostmortemConfig;
  /** The file's path, for the title when the document has none. */
  readonly path?: string;
  /** The timeline stylesheet (media/timeline.css), inlined so the file is self-contained. */
  readonly timelineCss: string;
  /** Also include the Mermaid gantt source of the milestones, as a code block (Mermaid renders it where shared). */
  readonly mermaid?: boolean;
}

const PAGE_CSS = `
:root { color-scheme: light dark; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #e6edf3; background: #0d1117; } a { color: #4493f8; } }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1, h2, h3 { line-height: 1.25; } h2 { margin-top: 2rem; border-bottom: 1px solid rgba(128,128,128,.35); padding-bottom: .25rem; }
table { border-collapse: collapse; } th, td { border: 1px solid rgba(128,128,128,.45); padding: .3rem .6rem; text-align: left; vertical-align: top; }
pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
pre { overflow-x: auto; padding: .75rem; background: rgba(128,128,128,.12); border-radius: 4px; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid rgba(128,128,128,.5); }
.pm-meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
.pm-meta dt { font-weight: 600; } .pm-meta dd { margin: 0; }
.pm-metrics { margin: 1rem 0 2rem; } .pm-metrics caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
footer { margin-top: 3rem; font-size: .85em; opacity: .75; }
`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; font-src https: data:";

function metaList(analysis: Analysis): string {
  const data = analysis.model.frontMatter?.data ?? {};
  const rows: string[] = [];
  for (const key of ['date', 'severity', 'status', 'authors']) {
    const v = data[key];
    if (v === undefined || v === null || v === '') continue;
    const text = Array.isArray(v) ? v.map(String).join(', ') : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    rows.push(`<dt>${escapeHtml(key[0]!.toUpperCase() + key.slice(1))}</dt><dd>${escapeHtml(text)}</dd>`);
  }
  return rows.length > 0 ? `<dl class="pm-meta">${rows.join('')}</dl>\n` : '';
}

function metricsTable(analysis: Analysis): string {
  const metrics = analysis.metrics;
  if (!metrics) return '';
  const rows: string[] = [];
  for (const id of MILESTONE_IDS) {
    const m = metrics.milestones[id];
    if (m) rows.push(`<tr><th scope="row">${MILESTONE_LABEL[id]}</th><td>${escapeHtml(m.at.slice(0, 16).replace('T', ' '))} UTC</td></tr>`);
  }
  const names: Record<string, string> = { ttd: 'Time to detect', tta: 'Time to acknowledge', ttm: 'Time to mitigate', ttr: 'Time to resolve', impact: 'Impact window' };
  const specs = new Map(durationSpecs(metrics.origin).map((s) => [s.id, s] as const));
  for (const id of DURATION_IDS) {
    const d = metrics.durations[id];
    const spec = specs.get(id)!;
    if (d) rows.push(`<tr><th scope="row">${names[id]}</th><td>${escapeHtml(d.text)} <small>(${spec.from} → ${spec.to})</small></td></tr>`);
  }
  if (rows.length === 0) return '';
  return `<table class="pm-metrics"><caption>Milestones and durations</caption><tbody>${rows.join('')}</tbody></table>\n`;
}

/** The metadata and durations go right after the title (the document's first heading, or one made from its name). */
function withSummary(rendered: string, ownTitle: string, summary: string): string {
  if (ownTitle) return ownTitle + summary + rendered;
  const end = rendered.indexOf('</h1>');
  if (end === -1) return summary + rendered;
  const cut = end + '</h1>'.length + (rendered[end + 5] === '\n' ? 1 : 0);
  return rendered.slice(0, cut) + summary + rendered.slice(cut);
}

/** The whole HTML file for a post-mortem's Markdown. Never throws on any text. */
export function postmortemHtml(text: string, options: HtmlExportOptions): string {
  const analysis = analyze(text, { force: true, ...(options.config ? { config: options.config } : {}), ...(options.path ? { path: options.path } : {}) });
  const model = analysis.model;
  // Front matter is shown as the metadata list, not as text: blank its lines, so line numbers stay those of the model.
  const fm = model.frontMatter;
  const lines = model.lines.map((l, i) => (fm && i >= fm.range.start.line && i <= fm.range.end.line ? '' : l));
  const body = lines.join('\n').replace(/^\uFEFF/, '');
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  const timeline = sectionsFor(model, 'timeline')[0];
  timelinePlugin(md, {
    dataFor: () => (timeline ? { data: timelineFigureData(model, analysis.metrics?.origin), headingLine: timeline.heading.range.start.line } : undefined),
  });
  // Links open outside the exported page, without handing it a window reference.
  const defaultLink = md.renderer.rules.link_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
    tokens[idx]!.attrSet('rel', 'noopener noreferrer');
    return defaultLink(tokens, idx, opts, env, self);
  };
  const rendered = md.render(body);
  const fmTitle = fm?.data['title'];
  const title = (typeof fmTitle === 'string' && fmTitle.trim()) || model.title?.text || (options.path ?? 'Post-mortem').replace(/^.*[\\/]/, '');
  const gantt = options.mermaid ? mermaidGantt(model, title) : undefined;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Post-mortem Writer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_CSS}\n${options.timelineCss.replace(/</g, '\\3c ')}</style>`,
    '</head>',
    '<body>',
    '<main>',
    withSummary(rendered, model.title ? '' : `<h1>${escapeHtml(title)}</h1>\n`, metaList(analysis) + metricsTable(analysis)),
    gantt ? `<h2>Timeline diagram (Mermaid)</h2>\n<pre><code class="language-mermaid">${escapeHtml(gantt)}</code></pre>` : '',
    `<footer>Exported from ${escapeHtml((options.path ?? '').replace(/^.*[\\/]/, '') || 'a post-mortem')} with Post-mortem Writer.</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].filter((l) => l !== '').join('\n');
}
