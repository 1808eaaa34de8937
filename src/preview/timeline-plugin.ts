// The markdown-it plugin that draws the visual timeline under a post-mortem's Timeline heading: in VS Code's Markdown
// preview (desktop and vscode.dev) and in the HTML export. It only places the figure; what it shows comes from
// `dataFor`, so the preview can reuse the editor's analysis of the open document instead of parsing it again.
// Pure: no vscode, no Node built-ins; the extension loads it only when a preview first renders.
import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import { timelineFigureHtml } from '../core/milestones/figure';
import type { FigureData } from '../core/milestones/figure-data';

export interface TimelinePluginOptions {
  /**
   * The figure's data for a document (the whole Markdown source, and markdown-it's env: VS Code passes
   * `currentDocument`), with the line of the Timeline heading to draw under; undefined for a file that is not a
   * post-mortem or has no timeline.
   */
  dataFor(src: string, env: unknown): { readonly data: FigureData; readonly headingLine: number } | undefined;
}

export function timelinePlugin(md: MarkdownIt, options: TimelinePluginOptions): void {
  md.core.ruler.push('postmortem_timeline', (state: StateCore) => {
    if (state.inlineMode) return false;
    const tokens = state.tokens;
    // Cheap exit: no heading at all.
    if (!tokens.some((t) => t.type === 'heading_open')) return false;
    let found: ReturnType<TimelinePluginOptions['dataFor']>;
    try {
      found = options.dataFor(state.src, state.env);
    } catch {
      return false; // the preview must render whatever the analysis does
    }
    if (!found) return false;
    const html = timelineFigureHtml(found.data);
    if (html === '') return false;
    // The Timeline heading: the heading token whose source line is the model's (front matter shifts nothing, since
    // the model reads the same source). Insert after its closing token.
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type !== 'heading_open' || t.map?.[0] !== found.headingLine) continue;
      let close = i + 1;
      while (close < tokens.length && tokens[close]!.type !== 'heading_close') close++;
      const figure = new state.Token('html_block', '', 0);
      figure.content = html;
      figure.block = true;
      tokens.splice(close + 1, 0, figure);
      return true;
    }
    return false;
  });
}
