// The visual timeline in VS Code's Markdown preview: `markdownItExtension(analyses)` (returned by activate) adds the markdown-it
// plugin, loaded on first use (the Node bundle loads src/preview/timeline-plugin from its own file, see
// scripts/build.mjs). The figure's data comes from the editor's analysis of the open document when the preview shows
// the text the editor has, so a preview render does not parse the post-mortem again.
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { analyze, sectionsFor, timelineFigureData, type Analysis } from '../core';
import { timelinePlugin } from '../preview/timeline-plugin';
import type { AnalysisService } from '../services/analysis';

function analysisFor(analyses: AnalysisService, src: string, env: unknown): { analysis: Analysis; uri: vscode.Uri | undefined } | undefined {
  const current = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  const uri = current instanceof vscode.Uri ? current : undefined;
  if (uri) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc && doc.getText() === src) {
      const analysis = analyses.postmortem(doc);
      return analysis ? { analysis, uri } : undefined;
    }
  }
  const config = uri ? analyses.configFor(uri) : undefined;
  const analysis = analyze(src, { ...(uri ? { path: uri.path } : {}), ...(config ? { config } : {}) });
  return analysis.isPostmortem ? { analysis, uri } : undefined;
}

function dataFor(analyses: AnalysisService, src: string, env: unknown) {
  const found = analysisFor(analyses, src, env);
  if (!found) return undefined;
  const timeline = sectionsFor(found.analysis.model, 'timeline')[0];
  if (!timeline) return undefined;
  const origin = found.analysis.metrics?.origin ?? 'started';
  return { data: timelineFigureData(found.analysis.model, origin), headingLine: timeline.heading.range.start.line };
}

/** For activate's return value: VS Code's Markdown extension calls `extendMarkdownIt` with its markdown-it instance. */
export function markdownItExtension(analyses: AnalysisService): { extendMarkdownIt(md: MarkdownIt): MarkdownIt } {
  return {
    extendMarkdownIt(md) {
      timelinePlugin(md, { dataFor: (src, env) => dataFor(analyses, src, env) });
      return md;
    },
  };
}
