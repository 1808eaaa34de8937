// The visual timeline in VS Code's Markdown preview: `markdownItExtension(analyses)` (returned by activate) adds the markdown-it
// plugin, loaded on first use (the Node bundle loads src/preview/timeline-plugin from its own file, see
// scripts/build.mjs). The figure's data comes from the editor's analysis of the open document when the preview shows
// the text the editor has, so a preview render does not parse the post-mortem again. Any other text (a file no editor
// has analysed) is read for the figure only: the model, without the rules (timelineFigureFor), keeping the chunk
// parses of the last few such documents so a re-render after an edit parses only what changed.
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { ChunkCache, timelineFigureFor, timelineFigureOf } from '../core';
import { timelinePlugin } from '../preview/timeline-plugin';
import { workspacePath, type AnalysisService } from '../services/analysis';

/** Chunk caches of the documents previewed without an editor's analysis, the most recent last; a few at most. */
const caches = new Map<string, ChunkCache>();
const CACHED_PREVIEWS = 3;

function cacheFor(key: string): ChunkCache {
  const cache = caches.get(key) ?? new ChunkCache();
  caches.delete(key);
  caches.set(key, cache);
  for (const old of caches.keys()) {
    if (caches.size <= CACHED_PREVIEWS) break;
    caches.delete(old);
  }
  return cache;
}

function dataFor(analyses: AnalysisService, src: string, env: unknown) {
  const current = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  const uri = current instanceof vscode.Uri ? current : undefined;
  const config = uri ? analyses.configFor(uri) : undefined;
  if (uri && analyses.isTracked(uri)) {
    // The editor analyses this document: its analysis of this text, brought up to date incrementally if need be.
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc && doc.getText() === src) {
      const analysis = analyses.postmortem(doc);
      return analysis ? timelineFigureOf(analysis.model, config) : undefined;
    }
  }
  return timelineFigureFor(src, { ...(uri ? { path: workspacePath(uri), cache: cacheFor(uri.toString()) } : {}), ...(config ? { config } : {}) });
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
