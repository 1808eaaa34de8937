// The visual timeline in VS Code's Markdown preview: `extendMarkdownIt` (returned by activate) adds the markdown-it
// plugin, loaded on first use (the Node bundle loads src/preview/timeline-plugin from its own file, see
// scripts/build.mjs). The figure's data comes from the editor's analysis of the open document when the preview shows
// the text the editor has, so a preview render does not parse the post-mortem again.
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { analyze, sectionsFor, timelineFigureData, type Analysis } from '../core';
import { timelinePlugin } from '../preview/timeline-plugin';
import { analyses, postmortemAnalysis } from './analysis';

function analysisFor(src: string, env: unknown): { analysis: Analysis; uri: vscode.Uri | undefined } | undefined {
  const current = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  const uri = current instanceof vscode.Uri ? current : undefined;
  if (uri) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc && doc.getText() === src) {
      const analysis = postmortemAnalysis(doc);
      return analysis ? { analysis, uri } : undefined;
    }
  }
  const config = uri ? analyses.configFor(uri) : undefined;
  const analysis = analyze(src, { ...(uri ? { path: uri.path } : {}), ...(config ? { config } : {}) });
  return analysis.isPostmortem ? { analysis, uri } : undefined;
}

function dataFor(src: string, env: unknown) {
  const found = analysisFor(src, env);
  if (!found) return undefined;
  const timeline = sectionsFor(found.analysis.model, 'timeline')[0];
  if (!timeline) return undefined;
  const origin = found.analysis.metrics?.origin ?? 'started';
  return { data: timelineFigureData(found.analysis.model, origin), headingLine: timeline.heading.range.start.line };
}

/** For activate's return value: VS Code's Markdown extension calls it with its markdown-it instance. */
export function extendMarkdownIt(md: MarkdownIt): MarkdownIt {
  timelinePlugin(md, { dataFor });
  return md;
}
