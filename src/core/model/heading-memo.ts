// What readers derive from a heading's text alone, kept with what recognition read from the text (its words, cached
// per text): a reader finds it through the section (headingMemo in model.ts), with no lookup of its own by the text.
// Three maps by heading text (recognition's, duplicate-section's and empty-section's) cost about 300 ns a lookup
// each on a document of 45,000 distinct headings: 40 ms of a 250 ms analysis.

/** Filled by the readers that use it, on first use; never cleared (a text's results do not change). */
export class HeadingTextMemo {
  /** duplicate-section: the text's words, normalised and joined. */
  normalisedWords: string | undefined = undefined;
  /** empty-section: its message and data for the text, with the roles (the shared array) they were made for. */
  emptyRoles: readonly string[] | undefined = undefined;
  emptySaying: unknown = undefined;
}
