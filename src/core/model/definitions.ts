// A document's link reference definitions by label, kept from one text of the document to the next: after an edit,
// only the labels of the definitions the edit added or removed are looked at again (rebuilding the map over 26,000
// definitions was a tenth of an edit's time in a document of many headings with references).
import { definitionLabel } from './heading-text';

/** Never the same twice: a heading resolved with one state of one index is never taken for another's. */
let versions = 0;

/**
 * The definitions (as Markdown source) of a document by normalised label, the first of a label winning as in
 * CommonMark: what `definitionsByLabel` gives for the same list, updated in place by `update`.
 */
export class DefinitionIndex {
  private readonly first = new Map<string, string>();
  /** Labels defined more than once: how many definitions beyond the first (an edit removing the first needs it). */
  private readonly extra = new Map<string, number>();
  private definitions: readonly string[];
  /** Changes at every update: what was read from `byLabel` at one version is good at the next unless `update` says. */
  private current = ++versions;

  constructor(definitions: readonly string[]) {
    this.definitions = definitions;
    for (let i = 0; i < definitions.length; i++) {
      const d = definitions[i]!;
      const label = definitionLabel(d);
      if (label === undefined) continue;
      if (!this.first.has(label)) this.first.set(label, d);
      else this.extra.set(label, (this.extra.get(label) ?? 0) + 1);
    }
  }

  /** The first definition of each label: a live view, changed by `update` (read it, never keep it). */
  get byLabel(): ReadonlyMap<string, string> {
    return this.first;
  }

  get version(): number {
    return this.current;
  }

  /**
   * Makes the index that of `now` (the definitions of the document's next text, in order), and returns the labels
   * whose first definition changed: added, removed or another text. Reads only the definitions between the lists'
   * common start and common end, and for a label defined more than once, the list up to its first definition.
   */
  update(now: readonly string[]): ReadonlySet<string> {
    const old = this.definitions;
    this.definitions = now;
    this.current = ++versions;
    const changed = new Set<string>();
    if (old === now) return changed;
    const common = Math.min(old.length, now.length);
    let a = 0;
    while (a < common && old[a] === now[a]) a++;
    let b = 0;
    while (b < common - a && old[old.length - 1 - b] === now[now.length - 1 - b]) b++;
    const oldEnd = old.length - b;
    const nowEnd = now.length - b;
    if (a === oldEnd && a === nowEnd) return changed;
    // How many definitions of each label the edit removed and added, and the first one it added.
    const removed = new Map<string, number>();
    const added = new Map<string, number>();
    const firstAdded = new Map<string, string>();
    for (let i = a; i < oldEnd; i++) {
      const label = definitionLabel(old[i]!);
      if (label !== undefined) removed.set(label, (removed.get(label) ?? 0) + 1);
    }
    for (let i = a; i < nowEnd; i++) {
      const d = now[i]!;
      const label = definitionLabel(d);
      if (label === undefined) continue;
      added.set(label, (added.get(label) ?? 0) + 1);
      if (!firstAdded.has(label)) firstAdded.set(label, d);
    }
    const visit = (label: string): void => {
      const had = this.first.get(label);
      const total = had === undefined ? 0 : 1 + (this.extra.get(label) ?? 0);
      const outside = total - (removed.get(label) ?? 0); // the definitions the edit left, before or after it
      const count = outside + (added.get(label) ?? 0);
      // With none left outside the edit, the first is the first it added; else the list says which comes first.
      const d = count === 0 ? undefined : outside === 0 ? firstAdded.get(label) : firstOf(label, now, a, nowEnd, firstAdded.get(label));
      if (d === undefined) this.first.delete(label);
      else this.first.set(label, d);
      if (count > 1) this.extra.set(label, count - 1);
      else this.extra.delete(label);
      if (d !== had) changed.add(label);
    };
    for (const label of removed.keys()) visit(label);
    for (const label of added.keys()) if (!removed.has(label)) visit(label);
    return changed;
  }
}

/** The first definition of `label` in `list`, whose definitions from `from` to `to` (excluded) start with `inside`. */
function firstOf(label: string, list: readonly string[], from: number, to: number, inside: string | undefined): string | undefined {
  for (let i = 0; i < from; i++) if (definitionLabel(list[i]!) === label) return list[i];
  if (inside !== undefined) return inside;
  for (let i = to; i < list.length; i++) if (definitionLabel(list[i]!) === label) return list[i];
  return undefined;
}
