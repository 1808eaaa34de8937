// Where a file belongs: its project root (the folder of the nearest .postmortem.json, else the git root, else the
// working directory), the path the core classifies it by (relative to that root, as the editor sees it relative to its
// workspace folder), and the team configuration that applies to it.
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { effectiveConfig, linearGlob, parseTeamConfig, TEAM_CONFIG_FILE, type PostmortemConfig } from '../core';

export interface Project {
  /** Absolute folder the file is classified relative to. */
  readonly root: string;
  /** The team file that applies (--config, or the root's .postmortem.json), if any. */
  readonly configFile: string | undefined;
  readonly config: PostmortemConfig;
  /** `ignores` of the team file: globs relative to the folder of that file. */
  readonly isIgnored: (absolute: string) => boolean;
}

const exists = (p: string, kind: 'file' | 'any') => stat(p).then((s) => kind === 'any' || s.isFile(), () => false);

/** Forward-slash path of `to` relative to `from`, or undefined when `to` is not inside `from`. */
export function inside(from: string, to: string): string | undefined {
  const rel = relative(from, to);
  if (rel === '' ) return '';
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** Path for output: relative to the working directory, forward slashes (also outside it: ../other/file.md). */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return (rel === '' ? absolute : rel).split(sep).join('/');
}

export class Projects {
  private readonly roots = new Map<string, Promise<{ root: string; configFile: string | undefined }>>();
  /** Per folder: the nearest folder at or above it holding the marker (.postmortem.json, .git), or undefined. */
  private readonly configDirs = new Map<string, Promise<string | undefined>>();
  private readonly gitDirs = new Map<string, Promise<string | undefined>>();
  private readonly configs = new Map<string, Promise<{ config: PostmortemConfig; ignores: ReadonlyArray<(path: string) => boolean> }>>();

  /**
   * @param cwd the working directory (absolute)
   * @param explicitConfig --config, resolved; it applies to every file (and its folder is the root for `ignores`)
   * @param warn receives each problem of a team file once
   */
  constructor(
    private readonly cwd: string,
    private readonly explicitConfig: string | undefined,
    private readonly warn: (message: string) => void,
  ) {}

  /** The project of an absolute file path. Throws when --config cannot be read. */
  async of(file: string): Promise<Project> {
    const { root, configFile: found } = await this.rootOf(dirname(file));
    const configFile = this.explicitConfig ?? found;
    const { config, ignores } = configFile ? await this.configOf(configFile) : { config: effectiveConfig({}), ignores: [] };
    const base = configFile ? dirname(configFile) : root;
    return {
      root,
      configFile,
      config,
      isIgnored: (absolute) => {
        const rel = ignores.length > 0 ? inside(base, absolute) : undefined;
        return rel !== undefined && rel !== '' && ignores.some((matches) => matches(rel));
      },
    };
  }

  /** The path the core classifies a file by: relative to its root, or its absolute path when outside every root. */
  classificationPath(project: Project, file: string): string {
    return inside(project.root, file) ?? file.split(sep).join('/');
  }

  private rootOf(dir: string): Promise<{ root: string; configFile: string | undefined }> {
    let p = this.roots.get(dir);
    if (!p) {
      p = this.findRoot(dir);
      this.roots.set(dir, p);
    }
    return p;
  }

  /**
   * The nearest folder at or above `dir` with `marker`, each folder asked once per run: walking up from every folder
   * asked the same parents again (a chain of 1,000 nested folders with a file in each made 1,000,000 stat calls, 52 s).
   */
  private nearest(cache: Map<string, Promise<string | undefined>>, dir: string, marker: string, kind: 'file' | 'any'): Promise<string | undefined> {
    let p = cache.get(dir);
    if (!p) {
      p = exists(join(dir, marker), kind).then((found) => (found ? dir : dirname(dir) === dir ? undefined : this.nearest(cache, dirname(dir), marker, kind)));
      cache.set(dir, p);
    }
    return p;
  }

  private async findRoot(start: string): Promise<{ root: string; configFile: string | undefined }> {
    const configDir = await this.nearest(this.configDirs, start, TEAM_CONFIG_FILE, 'file');
    if (configDir !== undefined) return { root: configDir, configFile: join(configDir, TEAM_CONFIG_FILE) };
    const gitDir = await this.nearest(this.gitDirs, start, '.git', 'any');
    if (gitDir !== undefined) return { root: gitDir, configFile: undefined };
    // No project marker: the working directory when the file is inside it, else the file system root (so the
    // default globs such as **/postmortems/** still see the file's folders).
    return { root: inside(this.cwd, start) !== undefined ? this.cwd : resolve('/'), configFile: undefined };
  }

  private configOf(file: string): Promise<{ config: PostmortemConfig; ignores: ReadonlyArray<(path: string) => boolean> }> {
    let p = this.configs.get(file);
    if (!p) {
      p = this.readConfig(file);
      this.configs.set(file, p);
    }
    return p;
  }

  private async readConfig(file: string): Promise<{ config: PostmortemConfig; ignores: ReadonlyArray<(path: string) => boolean> }> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new ConfigError(`cannot read ${displayPath(file, this.cwd)}: ${(e as Error).message}`);
    }
    const team = parseTeamConfig(text);
    for (const p of team.problems) {
      const fallback = p.ignored === 'file' ? 'Checking without this file, with the defaults.' : 'Using the defaults for this value.';
      this.warn(`${displayPath(file, this.cwd)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message} ${fallback}`);
    }
    // A repository's globs, matched in linear time (picomatch's backtracking regex took 29 s for `**/*a*a*a*a*b` and one
    // file name of 200 letters); one RE2 cannot take is left out, with a warning.
    const ignores: Array<(path: string) => boolean> = [];
    for (const glob of team.ignores) {
      const g = linearGlob(glob);
      if ('matches' in g) ignores.push(g.matches);
      else this.warn(`${displayPath(file, this.cwd)}: the glob "${glob}" in ignores cannot be used: it ${g.problem}. It is ignored.`);
    }
    // The same effective configuration as the editor's: here no settings, then the team file, then the defaults.
    return { config: effectiveConfig({}, team.input), ignores };
  }
}

export class ConfigError extends Error {}
