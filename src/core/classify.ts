// Which Markdown files are post-mortems. A plain README never is.
import type { PostmortemModel } from './model';
import { globSet } from './user-patterns';

export type PostmortemReason = 'front-matter' | 'path' | 'title';

const FRONT_MATTER_TYPES = new Set(['postmortem', 'post-mortem', 'incident', 'incident-report', 'incident report']);
const TITLE = /\bpost-?mortem\b|\bincident report\b/i;

const matchers = new Map<string, (path: string) => boolean>();

function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  let m = matchers.get(key);
  if (!m) {
    const set = globSet(globs);
    m = (path) => set.matches(path);
    if (matchers.size > 20) matchers.clear();
    matchers.set(key, m);
  }
  return m;
}

/** Normalises a path or URI path for glob matching: forward slashes, no drive letter or leading slash. */
export function globPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\/?[a-z]:\//i, '').replace(/^\/+/, '');
}

/** The first reason a document counts as a post-mortem, or undefined when it does not. */
export function postmortemReason(model: PostmortemModel, path: string | undefined, globs: readonly string[]): PostmortemReason | undefined {
  const type = frontMatterType(model);
  if (type !== undefined && FRONT_MATTER_TYPES.has(type.trim().toLowerCase())) return 'front-matter';
  if (path !== undefined && globMatcher(globs)(globPath(path))) return 'path';
  const fmTitle = model.frontMatter?.data['title'];
  if (model.title && TITLE.test(model.title.text)) return 'title';
  if (typeof fmTitle === 'string' && TITLE.test(fmTitle)) return 'title';
  return undefined;
}

/** The front matter's `type`, read from the raw lines when the block does not parse (so it still gets checked). */
function frontMatterType(model: PostmortemModel): string | undefined {
  const fm = model.frontMatter;
  if (!fm) return undefined;
  const type = fm.data['type'];
  if (typeof type === 'string') return type;
  if (fm.errors.length === 0) return undefined;
  for (let l = fm.range.start.line + 1; l < fm.range.end.line; l++) {
    // `type: postmortem`, `type = "postmortem"  # comment`: a key, then a value that holds no quote or #.
    const m = /^type\s*[:=](.*)$/.exec(model.lines[l] ?? '');
    if (!m) continue;
    const hash = m[1]!.indexOf('#');
    const v = /^["']?([^"']+)["']?$/.exec((hash < 0 ? m[1]! : m[1]!.slice(0, hash)).trim());
    if (v && v[1]!.trim() !== '') return v[1]!.trim();
  }
  return undefined;
}
