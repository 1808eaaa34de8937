// The timeline figure's data for a text no analysis has read yet (a preview of a file not open in an editor, the HTML
// export): the model and the post-mortem test, without the rules, which the figure does not need. The same model and
// timeline reading as the analysis, so the preview draws what the editor's checks see.
import { classifyModel } from '../model/classify';
import { DEFAULT_CONFIG, type PostmortemConfig } from '../config/config';
import { SectionMatcher } from '../model/match';
import { buildModel, releasePrevious, sectionsFor, type ChunkCache, type PostmortemModel } from '../model/model';
import { timelineFigureData, type FigureData } from './figure-data';
import { oversize } from '../size-limit';

const matchers = new WeakMap<object, SectionMatcher>();

function matcherFor(config: PostmortemConfig): SectionMatcher {
  let m = matchers.get(config.extraAliases);
  if (!m) matchers.set(config.extraAliases, (m = new SectionMatcher(config.extraAliases)));
  return m;
}

export interface TimelineFigure {
  readonly data: FigureData;
  /** The line of the (first) Timeline heading, where the figure goes. */
  readonly headingLine: number;
}

/** The figure for a model already built and known to be a post-mortem; undefined without a Timeline section. */
export function timelineFigureOf(model: PostmortemModel, config: PostmortemConfig = DEFAULT_CONFIG): TimelineFigure | undefined {
  const timeline = sectionsFor(model, 'timeline')[0];
  if (!timeline) return undefined;
  return { data: timelineFigureData(model, config.milestones.origin), headingLine: timeline.heading.range.start.line };
}

/**
 * The figure for a text: undefined when it is not a post-mortem (by the same test as the analysis, with `path` for the
 * globs) or has no Timeline section. With the `cache` of the text's previous reading, only what changed is parsed again
 * (a preview re-renders after each edit).
 */
export function timelineFigureFor(text: string, options: { readonly path?: string; readonly config?: PostmortemConfig; readonly cache?: ChunkCache } = {}): TimelineFigure | undefined {
  // A document too large to check gets no figure either (the preview renders any Markdown file opened).
  if (oversize(text)) return undefined;
  const config = options.config ?? DEFAULT_CONFIG;
  const model = buildModel(text, { matcher: matcherFor(config), ...(options.cache ? { cache: options.cache } : {}) });
  try {
    if (classifyModel(model, options.path, { config }).reason === undefined) return undefined;
    return timelineFigureOf(model, config);
  } finally {
    releasePrevious(model);
  }
}
