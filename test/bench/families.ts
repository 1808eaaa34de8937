// Hostile input families: documents built to hit one super-linear path each, at a size chosen by the caller.
// Used by the adversarial benchmark (npm run bench -- --adversarial) and by the fuzz test as fragments.
// Every family puts its construct inside a post-mortem (front matter type: postmortem), so every rule runs on it.

export interface Family {
  readonly name: string;
  /** What the construct is, for the table. */
  readonly what: string;
  /** A document of about `bytes` characters. */
  make(bytes: number): string;
}

const HEAD = ['---', 'type: postmortem', 'title: Hostile input', 'status: draft', '---', '', '# Hostile input', ''].join('\n');

const SECTIONS = ['Overview', 'Background', 'What happened', 'Root Causes', 'Mitigation', 'Impact', 'Responders', 'Timeline', 'Good-jobs and Improvement Chances', 'Action Items'];

function defaultBody(section: string): string {
  if (section === 'Timeline') return '- 14:03 UTC: alert fired';
  if (section === 'Action Items') return '- [ ] Add an alert — owner: @kim, ticket: OPS-1';
  if (section === 'Responders') return '- @sam';
  return 'Text with 3 numbers.';
}

/** The sections of a small complete post-mortem, with `body` in the section `where` ('' for none). */
function sections(where: string, body: string): string {
  const out: string[] = [];
  for (const s of SECTIONS) out.push(`## ${s}`, '', s === where ? body : defaultBody(s), '');
  return out.join('\n');
}

/** A small complete post-mortem with `body` in the section `where`. */
export function postmortem(where: string, body: string): string {
  return `${HEAD}\n${sections(where, body)}`;
}

/** `unit` repeated to about `bytes` characters (at least once). */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
}

/** The kinds of line in a random order that is the same at every run: a hash of the line's number picks one. */
function shuffled(kinds: readonly string[]): (i: number) => string {
  return (i) => {
    let h = Math.imul(i + 1, 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
    return kinds[((h ^ (h >>> 13)) >>> 0) % kinds.length]!;
  };
}

/** Lines made by `line(i)`, joined by `sep`, until about `bytes` characters. */
function lines(bytes: number, line: (i: number) => string, sep = '\n'): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const l = line(i);
    out.push(l);
    size += l.length + sep.length;
  }
  return out.join(sep);
}

const pad2 = (i: number) => String(i % 60).padStart(2, '0');

export const FAMILIES: readonly Family[] = [
  { name: 'action-parens', what: 'action item "- [ ] Fix", then "(  " × n, "x"', make: (b) => postmortem('Action Items', `- [ ] Fix${fill('(  ', b)}x`) },
  { name: 'action-spaces', what: 'action item "Fix", n spaces, "x"', make: (b) => postmortem('Action Items', `- [ ] Fix${fill(' ', b)}x`) },
  { name: 'action-open-parens', what: 'action item "Fix", then n × "("', make: (b) => postmortem('Action Items', `- [ ] Fix ${fill('(', b)}`) },
  { name: 'action-brackets', what: 'action item "Fix", then n × "[ due "', make: (b) => postmortem('Action Items', `- [ ] Fix ${fill('[ due ', b)},`) },
  { name: 'action-capitals', what: 'action item of n capitals (the default ticket pattern)', make: (b) => postmortem('Action Items', `- [ ] ${fill('A', b)}`) },
  { name: 'action-table', what: 'Action Items table of n rows', make: (b) => postmortem('Action Items', `| Action | Owner |\n|---|---|\n${lines(b, (i) => `| Fix ${i} | @kim |`)}`) },
  { name: 'placeholder-spaces', what: 'section whose first line is "-", n spaces, "x"', make: (b) => postmortem('Impact', `-${fill(' ', b)}x`) },
  { name: 'deep-blockquote', what: 'one line of n × "> ", then "x"', make: (b) => postmortem('What happened', `${fill('> ', b)}x`) },
  { name: 'deep-list', what: 'one line of n × "- ", then "x"', make: (b) => postmortem('What happened', `${fill('- ', b)}x`) },
  { name: 'nested-lists', what: 'list items, each indented 2 more than the last', make: (b) => postmortem('What happened', lines(b, (i) => `${' '.repeat(2 * Math.min(i, 2000))}- x`)) },
  { name: 'blockquote-staircase', what: 'line i holds min(i, 500) × ">"', make: (b) => postmortem('What happened', lines(b, (i) => `${'>'.repeat(Math.min(i, 500))} x`)) },
  { name: 'html-headings', what: 'n lines of "<h2>Impact</h2>"', make: (b) => postmortem('What happened', lines(b, () => '<h2>Impact</h2>')) },
  { name: 'yaml-keys', what: 'YAML front matter with n keys', make: (b) => `---\ntype: postmortem\n${lines(b, (i) => `key${i}: value ${i}`)}\n---\n\n${sections('', '')}` },
  { name: 'yaml-deep', what: 'YAML front matter: a flow sequence nested n deep', make: (b) => `---\ntype: postmortem\nx: ${fill('[', b / 2)}${fill(']', b / 2)}\n---\n\n${sections('', '')}` },
  { name: 'toml-keys', what: 'TOML front matter with n keys', make: (b) => `+++\ntype = "postmortem"\n${lines(b, (i) => `key${i} = "value ${i}"`)}\n+++\n\n${sections('', '')}` },
  // TOML front matter whose pieces the parser read whole at every keystroke (0.1–0.2 s at 1 MB), or one piece.
  { name: 'toml-sub-tables', what: 'TOML front matter with n sub-tables of one table ("[a.ti]", "x = i")', make: (b) => `+++\ntype = "postmortem"\n${lines(b, (i) => `[a.t${i}]\nx = ${i}`)}\n+++\n\n${sections('', '')}` },
  { name: 'toml-dotted-keys', what: 'TOML front matter with n dotted keys of one table ("a.ki = i")', make: (b) => `+++\ntype = "postmortem"\n${lines(b, (i) => `a.k${i} = ${i}`)}\n+++\n\n${sections('', '')}` },
  { name: 'toml-array-tables', what: 'TOML front matter with an array of n tables (lines [[ev]], at = i, what = "x")', make: (b) => `+++\ntype = "postmortem"\n${lines(b, (i) => `[[ev]]\nat = ${i}\nwhat = "x"`)}\n+++\n\n${sections('', '')}` },
  { name: 'toml-table-keys', what: 'TOML front matter with one table of n keys (lines [params], then keyi = "value i")', make: (b) => `+++\ntype = "postmortem"\n[params]\n${lines(b, (i) => `key${i} = "value ${i}"`)}\n+++\n\n${sections('', '')}` },
  { name: 'reference-definitions', what: 'n link reference definitions, a blank line between', make: (b) => postmortem('What happened', lines(b, (i) => `[ref${i}]: https://example.com/${i}`, '\n\n')) },
  { name: 'list-fence-refs', what: 'a list item\'s fence never closed, then n headings "## [ref i] Timeline", each with its definition', make: (b) => postmortem('What happened', `- item\n  \`\`\`\n  code\n\n${lines(b, (i) => `## [r${i}] Timeline\n\n[r${i}]: /x${i}`, '\n\n')}`) },
  { name: 'headings-with-refs', what: 'n headings "### [ref i]", each with its definition', make: (b) => postmortem('What happened', lines(b, (i) => `### [ref${i}]\n\n[ref${i}]: https://example.com/${i}`, '\n\n')) },
  { name: 'responders-capitals', what: 'a Responders line of n capitals', make: (b) => postmortem('Responders', fill('A', b)) },
  { name: 'blameless-prefix', what: `an n-letter word, then "'s x 's fault"`, make: (b) => postmortem('What happened', `${fill('a', b)}'s x 's fault`) },
  { name: 'blameless-quotes', what: 'n × "“a " (quotes never closed), then "human error"', make: (b) => postmortem('What happened', `${fill('“a ', b)}human error`) },
  { name: 'code-span-runs', what: 'backtick runs of growing length, none closed', make: (b) => postmortem('What happened', lines(b, (i) => `${'`'.repeat(1 + (i % 300))}a`, ' ')) },
  { name: 'huge-line', what: 'one paragraph line of n letters', make: (b) => postmortem('What happened', fill('a', b)) },
  { name: 'emphasis', what: 'n × "*a _b " (emphasis never closed)', make: (b) => postmortem('What happened', fill('*a _b ', b)) },
  { name: 'link-openers', what: 'n × "[a](" (links never closed)', make: (b) => postmortem('What happened', fill('[a](', b)) },
  { name: 'brackets', what: 'n × "[", then n × "]"', make: (b) => postmortem('What happened', `${fill('[', b / 2)}${fill(']', b / 2)}`) },
  { name: 'heading-inline', what: 'one heading of n × "*a [b ` "', make: (b) => postmortem('What happened', `### ${fill('*a [b ` ', b)}`) },
  { name: 'heading-aliases', what: 'one heading of n × "Timeline "', make: (b) => postmortem('What happened', `### ${fill('Timeline ', b)}`) },
  { name: 'many-timelines', what: 'n "## Timeline" sections with an entry each', make: (b) => postmortem('What happened', lines(b, (i) => `## Timeline\n\n- 14:${pad2(i)} UTC: x`, '\n\n')) },
  { name: 'setext-headings', what: 'n setext headings "Impact" underlined by "---", with no blank line', make: (b) => postmortem('What happened', lines(b, (i) => (i % 2 ? '---' : 'Impact'))) },
  { name: 'indented-list', what: 'a Timeline list of n items indented by two ("  - 14:00 UTC: x"), no blank line', make: (b) => postmortem('Timeline', lines(b, (i) => `  - 14:${pad2(i)} UTC: x`)) },
  { name: 'inline-headings', what: 'n headings with inline syntax: code, emphasis, an entity, an autolink, HTML; ATX and setext', make: (b) => postmortem('What happened', lines(b, (i) => [`## Fix \`cache${i}\` now`, `## *Impact* ${i}`, `## Impact &amp; ${i}`, `## See <https://x.y/${i}>`, `## Impact <span>${i}</span>`, `*Impact* ${i}\n---`][i % 6]!)) },
  { name: 'link-headings', what: 'n headings with a link and more inline syntax ("## See [notes](https://x.y/i) *now*"), ATX and setext', make: (b) => postmortem('What happened', lines(b, (i) => [`## See [notes](https://x.y/${i}) *now*`, `## Fix [it](/a) \`x${i}\``, `## [Impact](#i) &amp; <b>${i}</b>`, `See [x](/y) _${i}_\n---`][i % 4]!)) },
  { name: 'tab-items', what: 'list items with a tab after the marker ("-\\titem", "-\\t\\tcode"), no blank line', make: (b) => postmortem('What happened', lines(b, (i) => `-\t${i % 2 ? '\t' : ''}item ${i}`)) },
  { name: 'text-fences', what: 'a paragraph line, then a fenced block opened and closed, no blank line', make: (b) => postmortem('What happened', lines(b, (i) => (i % 3 === 0 ? `text ${i}` : '```'))) },
  { name: 'hash-lines', what: 'paragraph lines led by "#" that are no headings ("#incident-i", "##" and a no-break space)', make: (b) => postmortem('What happened', lines(b, (i) => (i % 2 ? `#incident-${i} paged` : '##\u00a0Impact'))) },
  { name: 'indented-items', what: 'a Timeline list of n distinct items indented by one to three ("   - 14:00 UTC: step i"), no blank line', make: (b) => postmortem('Timeline', lines(b, (i) => `${' '.repeat(1 + (i % 3))}- 14:${pad2(i)} UTC: step ${i}`)) },
  { name: 'table-setext', what: 'alternating "| row |" and text lines, no blank line', make: (b) => postmortem('Timeline', lines(b, (i) => (i % 2 ? 'text' : '| row |'))) },
  // Many lines with no blank line, where micromark read one long block (issue 11, shapes found by probing).
  { name: 'footnotes', what: 'footnote-style lines "[^i]: note i", one per line, no blank line', make: (b) => postmortem('What happened', lines(b, (i) => `[^${i}]: note ${i}`)) },
  { name: 'footnotes-continued', what: 'definitions "[^i]: note", each with an indented continuation line', make: (b) => postmortem('What happened', lines(b, (i) => (i % 2 ? `    more ${i}` : `[^${i}]: note`))) },
  { name: 'definitions-breaks', what: 'definitions "[ai]: /xi" and "---" in turn, no blank line', make: (b) => postmortem('What happened', lines(b, (i) => (i % 2 ? '---' : `[a${i}]: /x${i}`))) },
  { name: 'quote-breaks', what: 'quote lines and thematic breaks ("---", "***", "- - -") in turn, no blank line', make: (b) => postmortem('What happened', lines(b, (i) => (i % 2 ? ['---', '***', '- - -'][(i >> 1) % 3]! : `> q ${i}`))) },
  { name: 'quote-equals', what: 'quote lines and "===" in turn (lazy lines of one long quote)', make: (b) => postmortem('What happened', lines(b, (i) => (i % 2 ? '===' : `> q ${i}`))) },
  { name: 'quote-items', what: 'quote lines and list items ("- item", "3. item") in turn, no blank line', make: (b) => postmortem('What happened', lines(b, (i) => (i % 2 ? (i % 4 === 1 ? `- item ${i}` : `${i}. item`) : `> q ${i}`))) },
  { name: 'quote-lazy-lines', what: 'quote lines, then rows, text and breaks indented by two, in turn ("> q", "| r |", "  ---", ">", "text", "  ***")', make: (b) => postmortem('What happened', lines(b, (i) => ['> q', `| r ${i} |`, '  ---', '>', `text ${i}`, '  ***'][i % 6]!)) },
  { name: 'definitions-split', what: 'definitions with their title on the next line, and with labels over two lines, no blank line', make: (b) => postmortem('What happened', lines(b, (i) => [`[a${i}]: /x`, `"title ${i}"`, `[b${i}`, `c${i}]: /y`][i % 4]!)) },
  { name: 'unclosed-fence', what: 'an unclosed fence, then n lines', make: (b) => postmortem('What happened', `\`\`\`\n${lines(b, (i) => `line ${i}`)}`) },
  { name: 'unclosed-comment', what: 'an unclosed HTML comment, then n lines', make: (b) => postmortem('What happened', `<!--\n${lines(b, (i) => `line ${i}`)}`) },
  { name: 'timeline-rows', what: 'a Timeline of n entries led by a run of "*_"', make: (b) => postmortem('Timeline', lines(b, (i) => `- ${'*_'.repeat(20)}14:${pad2(i)} x`)) },
  { name: 'inline-html-lines', what: 'paragraph lines that start with inline HTML ("<span>x i</span> text"), no blank line', make: (b) => postmortem('What happened', lines(b, (i) => `<span>x${i}</span> text`)) },
  { name: 'comment-lines', what: 'one-line HTML comments, each different ("<!-- c i -->"), no blank line', make: (b) => postmortem('What happened', lines(b, (i) => `<!-- c ${i} -->`)) },
  { name: 'indented-code', what: 'lines of indented code ("    code i"), no blank line', make: (b) => postmortem('What happened', lines(b, (i) => `    code ${i}`)) },
  { name: 'quote-inline-html', what: 'block quote lines that start with inline HTML ("> <span>x i</span> text")', make: (b) => postmortem('What happened', lines(b, (i) => `> <span>x${i}</span> text`)) },
  // Issue 11 (mix): HTML blocks and ATX headings after a chunk's first line (a lone tag after a setext underline,
  // a comment or a block tag after text, "#" after a paragraph of a lone tag): remark read such chunks whole (1 s at 11 KB).
  { name: 'html-in-prose', what: 'paragraphs with comments, lone tags and HTML blocks between their lines, setext and ATX headings after them ("text i", "<!-- note -->", "<br>", "<div>", "===", "#"), blank lines now and then', make: (b) => postmortem('What happened', lines(b, (i) => [`text ${i}`, '<!-- note -->', `more text ${i}`, '<br>', '| row |', '<div>', `<p>detail ${i}</p>`, '</div>', '', `log line ${i}`, '===', '<br>', `after ${i}`, '', '{', '<br>', '#', `last ${i}`, ''][i % 19]!)) },
  { name: 'item-inline-html', what: 'list items that start with inline HTML ("- <span>x i</span> text"), no blank line', make: (b) => postmortem('What happened', lines(b, (i) => `- <span>x${i}</span> text`)) },
  { name: 'item-html-blocks', what: 'list items of one HTML block each ("- <div>x i</div>", "- <!-- c i -->"), no blank line', make: (b) => postmortem('What happened', lines(b, (i) => (i % 2 ? `- <!-- c ${i} -->` : `- <div>x${i}</div>`))) },
  { name: 'heading-inline-html', what: 'headings of inline HTML ("### <span>x i</span> text"), no blank line', make: (b) => postmortem('What happened', lines(b, (i) => `### <span>x${i}</span> text`)) },
  { name: 'heading-code', what: 'a heading, then a line of indented code, in turn, no blank line', make: (b) => postmortem('What happened', lines(b, (i) => (i % 2 ? `    code ${i}` : `### h ${i}`))) },
  { name: 'paragraph-symbols', what: 'paragraph lines led by "@", "/", "$", "#", "2." or a lone "*", holding "&", "<", "]" (micromark is quadratic on them)', make: (b) => postmortem('What happened', lines(b, (i) => (i % 6 === 5 ? '*' : `${['@u', '/p', '$x', '#t', '2. u'][i % 6]}${i} & a < b ] c`))) },
  { name: 'mixed-markers', what: 'list items of mixed markers at mixed indents ("1. a", "  - b", "   3. c"), no blank line', make: (b) => postmortem('What happened', lines(b, (i) => [`1. a ${i}`, `  - b ${i}`, `   3. c ${i}`][i % 3]!)) },
  { name: 'mixed-eol-nul', what: 'lines ending in CR, CRLF and LF in turn, with NUL, lone surrogates and BOMs', make: (b) => postmortem('What happened', lines(b, (i) => `a\u0000b\ud800c\ufeff ${i}${['\r', '\r\n', '\n'][i % 3]}`, '')) },
  { name: 'broken-definitions', what: 'lines that start like a link reference definition and are none ("[a]: <", "[a]: (", "> [a]: <", "[a" then "[b")', make: (b) => postmortem('What happened', lines(b, (i) => ['[a]: <', '[a]: (', '> [a]: <', '[a', '[b]: )'][i % 5]!)) },
  // Link reference definitions that micromark read line by line at 70–140 µs a line (issue 11): entities, escapes,
  // destinations on the next line, titles over lines, definitions in quotes. No blank line between them.
  { name: 'definition-entities', what: 'definitions with "&" and character references ("[a]: &", "[ai]: /x&amp;i \u201ct &#38; i\u201d", "[a&amp;i]: /y")', make: (b) => postmortem('What happened', lines(b, (i) => ['[a]: &', `[a${i}]: /x&amp;${i} "t &#38; ${i}"`, `[a&amp;${i}]: /y&#x26;${i}`, `[e${i}]: &copy; '&quot;${i}'`][i % 4]!)) },
  { name: 'definition-next-line', what: 'definitions "[ai]:" with the destination on the next line, some with a title on the line after', make: (b) => postmortem('What happened', lines(b, (i) => [`[a${i}]:`, `/x${i}`, `[b${i}]:`, `  <y ${i}>`, `  "title ${i}"`][i % 5]!)) },
  { name: 'definition-titles', what: 'definitions whose titles run over lines, with escapes and quotes (\u201c[ai]: /x "t\u201d, \u201cmore \\" i\u201d, \u201cend"\u201d)', make: (b) => postmortem('What happened', lines(b, (i) => [`[a${i}]: /x "t`, `more \\" ${i}`, 'end"', `[b${i}]: /y 't \\' ${i}'`, `[c${i}]: </z> (p (a\\) ${i})`][i % 5]!)) },
  { name: 'quoted-definitions', what: 'definitions in a block quote (\u201c> [ai]: /xi "t"\u201d, "> [b]: <y> (t)", "> [c]:")', make: (b) => postmortem('What happened', lines(b, (i) => [`> [a${i}]: /x${i} "t"`, `> [b${i}]: <y ${i}> (t)`, `> [c${i}]:`, `> /z(${i})`][i % 4]!)) },
  { name: 'definition-labels', what: 'definitions with labels over three lines, escapes in labels, balanced parentheses', make: (b) => postmortem('What happened', lines(b, (i) => [`[a${i}`, 'b', `c]: /x(${i})`, `[\\[d${i}\\]]: /y((z))`, `[  e ${i}  ]: /w`][i % 5]!)) },
  { name: 'item-definitions', what: 'list items that hold a definition or "]:" ("- [ai]: /xi \u201ct\u201d", "1. [b]: <y> (t)", "- see [c]: note", "- [d]:" then its destination), no blank line', make: (b) => postmortem('What happened', lines(b, (i) => [`- [a${i}]: /x${i} "t"`, `1. [b${i}]: <y ${i}> (t)`, `- see [c${i}]: the note`, `- [d${i}]:`, `  /z${i}`][i % 5]!)) },
  { name: 'nested-lazy', what: 'a list item in a block quote ("> - x"), then n lazy lines of its paragraph (plain text and shell prompts)', make: (b) => postmortem('What happened', `> - x\n${lines(b, (k) => (k % 3 ? `x step ${k}` : `$ run ${k}`))}`) },
  { name: 'nested-lazy-shapes', what: 'a list item in a block quote ("> - x"), then n lazy lines that would be blocks elsewhere or are indented ("<", "=", "|x", "  --", a tab, "<x", "==")', make: (b) => postmortem('What happened', `> - x\n${lines(b, (k) => ['<', '=', `|x ${k}`, '  --', `\tstep ${k}`, `<x${k}`, '==', `  $ run ${k}`][k % 8]!)}`) },
  { name: 'yaml-comments', what: 'YAML front matter of n comment lines after a key', make: (b) => `---\ntype: postmortem\ntitle: Hostile input\n${fill('# note\n', b)}---\n\n# Hostile input\n\n${sections('', '')}` },
  { name: 'yaml-timestamps', what: 'YAML front matter of n keys whose values are timestamps ("startedN: 2024-01-01T10:07:00Z")', make: (b) => `---\ntype: postmortem\n${lines(b, (i) => `started${i}: 2024-01-01T10:${pad2(i)}:00Z`)}\n---\n\n${sections('', '')}` },
  { name: 'yaml-aliases', what: 'YAML front matter: an anchor, then n keys whose values are aliases of it (open: parsed whole)', make: (b) => `---\ntype: postmortem\nbase: &a {x: 1}\n${lines(b, (i) => `k${i}: *a`)}\n---\n\n${sections('', '')}` },
  { name: 'yaml-errors', what: 'YAML front matter of n keys, each value a broken flow collection (open: parsed whole, an error each)', make: (b) => `---\ntype: postmortem\n${lines(b, (i) => `k${i}: [a, : b } ]`)}\n---\n\n${sections('', '')}` },
  { name: 'yaml-keyless-line', what: 'YAML front matter of n keys, with a line in the first column and no key in the middle (Enter pressed inside a value: once the whole text parsed at every edit)', make: (b) => `---\ntype: postmortem\n${lines(b / 2, (i) => `key${i}: some value ${i}`)}\nvalue split by Enter\n${lines(b / 2, (i) => `more${i}: some value ${i}`)}\n---\n\n${sections('', '')}` },
  { name: 'yaml-sequence', what: 'YAML front matter: one key holding a block sequence of n items (read item by item; an edit reads the items it touched)', make: (b) => `---\ntype: postmortem\nresponders:\n${lines(b, (i) => `  - name${i}`)}\n---\n\n${sections('', '')}` },
  { name: 'yaml-sequence-error', what: 'YAML front matter: one key holding a block sequence of n items, the last broken ("- [bad"; an edit once parsed the whole text)', make: (b) => `---\ntype: postmortem\nresponders:\n${lines(b, (i) => `  - name${i}`)}\n  - [bad\n---\n\n${sections('', '')}` },
  // Front matter the piece reader leaves to the YAML parser, which costs up to 3 µs a character: each was parsed
  // whole at opening (1.5–3 s at 1 MB), and most at every keystroke too (1–5 s), until the parser's share was bounded.
  { name: 'yaml-colon-lines', what: 'YAML front matter of n lines of ":" alone (empty keys: one entry only the parser reads)', make: (b) => `---\ntype: postmortem\n${lines(b, () => ':')}\n---\n\n${sections('', '')}` },
  { name: 'yaml-merge-keys', what: 'YAML front matter of n entries merging an anchor of another entry ("<<: *b")', make: (b) => `---\ntype: postmortem\nbase: &b {x: 1, y: 2}\n${lines(b, (i) => `k${i}:\n  <<: *b\n  z: ${i}`)}\n---\n\n${sections('', '')}` },
  { name: 'yaml-complex-keys', what: 'YAML front matter of n complex keys ("? [a, b]" then ": v")', make: (b) => `---\ntype: postmortem\n${lines(b, (i) => `? [a${i}, b]\n: v`)}\n---\n\n${sections('', '')}` },
  { name: 'yaml-quoted-keys', what: 'YAML front matter of n quoted keys (\'"k": v\', not a place to cut it)', make: (b) => `---\ntype: postmortem\n${lines(b, (i) => `"k${i}": v`)}\n---\n\n${sections('', '')}` },
  { name: 'yaml-flow-keys', what: 'YAML front matter of n keys with a flow value ("key: [a, b]")', make: (b) => `---\ntype: postmortem\n${lines(b, (i) => `key${i}: [a, b]`)}\n---\n\n${sections('', '')}` },
  { name: 'yaml-flow-repeated-key', what: 'YAML front matter of a repeated key, then n keys with a flow value (an error of the whole only)', make: (b) => `---\ntype: postmortem\ntitle: a\ntitle: b\n${lines(b, (i) => `key${i}: [a, b]`)}\n---\n\n${sections('', '')}` },
  { name: 'yaml-nested-keys', what: 'YAML front matter of n keys each holding two nested keys', make: (b) => `---\ntype: postmortem\n${lines(b, (i) => `k${i}:\n  a: ${i}\n  b: x`)}\n---\n\n${sections('', '')}` },
  { name: 'blank-lines', what: 'n blank lines in the Impact section, after a line of text', make: (b) => postmortem('Impact', `Some users saw errors.\n${'\n'.repeat(b)}`) },
  { name: 'space-lines', what: 'n lines of two spaces in the Responders section', make: (b) => postmortem('Responders', lines(b, () => '  ')) },
  { name: 'impact-prose', what: 'n paragraphs without a number in the Impact section (impact-numbers reads them all)', make: (b) => postmortem('Impact', lines(b, () => 'Customers saw errors at checkout.', '\n\n')) },
  { name: 'responders-prose', what: 'n lines that name nobody in the Responders section (responders-empty reads them all)', make: (b) => postmortem('Responders', lines(b, () => 'the on-call engineer and the database team')) },
  { name: 'overview-prose', what: 'an Overview of n sentences', make: (b) => postmortem('Overview', lines(b, (i) => `Step ${i} went wrong.`, ' ')) },
  { name: 'heading-staircase', what: 'n headings of levels 1 to 6 in turn ("# a", "## b", … "###### f")', make: (b) => postmortem('What happened', lines(b, (i) => `${'#'.repeat(1 + (i % 6))} ${'abcdef'[i % 6]}${i}`)) },
  { name: 'heading-backslashes', what: 'one ATX heading of n backslashes (escapes, past the inline-parsing bound)', make: (b) => postmortem('What happened', `## ${fill('\\', b)}`) },
  { name: 'setext-references', what: 'one setext heading of n × "&amp;" and "\\", underlined by "---"', make: (b) => postmortem('What happened', `a ${fill('&amp;\\\\', b)}\n---`) },
  { name: 'inline-config-names', what: 'one "<!-- postmortem-disable … -->" comment of n distinct unknown rule names', make: (b) => postmortem('What happened', `<!-- postmortem-disable ${lines(b, (i) => `rule${i}`, ', ')} -->`) },
  { name: 'inline-config-lines', what: 'n "<!-- postmortem-disable-next-line -->" comments, each above an action item without owner or ticket', make: (b) => postmortem('Action Items', lines(b, (i) => `<!-- postmortem-disable-next-line -->\n- [ ] Fix ${i}`)) },
  { name: 'timeline-descending', what: 'a Timeline of n entries, each earlier than the one before it (a timeline-order finding each)', make: (b) => postmortem('Timeline', lines(b, (i) => `- ${pad2(23 - (Math.floor(i / 60) % 24))}:${pad2(59 - (i % 60))} UTC: step`)) },
  { name: 'timeline-label-halves', what: 'a Timeline of n entries marked **Started:**, then as many marked **Resolved:** (a repeat finding each)', make: (b) => postmortem('Timeline', lines(b, (i) => `- 14:${pad2(i)} UTC: **${i < b / 80 ? 'Started' : 'Resolved'}:** x`)) },
  { name: 'nested-action-items', what: 'an Action Items checklist of n items, each with a sub-item and a sub-sub-item, none naming an owner or ticket', make: (b) => postmortem('Action Items', lines(b, (i) => [`- [ ] Fix ${i}`, '  - [ ] sub', '    - [ ] subsub'][i % 3]!)) },
  { name: 'bare-action-items', what: 'an Action Items checklist of n one-line items without owner or ticket (two findings each)', make: (b) => postmortem('Action Items', lines(b, (i) => `- [ ] Fix ${i}`)) },
  // Found by probing (probe2): an empty list item, then paragraph lines (one chunk read by micromark: 6 s at 1 MB);
  // lazy lines of a list item led by punctuation (micromark, quadratic: minutes at 1 MB).
  { name: 'empty-item-paragraph', what: 'an empty list item ("-"), then n paragraph lines ("++", "+++", "+", "line i"), no blank line', make: (b) => postmortem('What happened', `-\n${lines(b, (i) => ['++', '+++', '+', `line ${i}`][i % 4]!)}`) },
  // Found by the random mixtures (npm run bench -- --mix): text led by punctuation, setext headings and empty items in
  // turn (one chunk read by micromark: 430 ms for 32 KB).
  { name: 'text-and-lone-markers', what: 'n lines of text led by punctuation ("\'", "^", "%") and lone markers ("-", "*", "1."), no blank line: setext headings, empty items, paragraphs', make: (b) => postmortem('What happened', lines(b, (i) => [`'quoted from the incident channel at step ${i}'`, '-', '-', `^ the caret line under it, step ${i}`, '*', `% of requests that failed at step ${i}`, '1.', '-'][i % 8]!)) },
  { name: 'item-lazy-punctuation', what: 'a list item, then n lazy lines led by punctuation ("$ kubectl get pods", "@alice: ack", "/var/log/i", "-x", "--", "==", "_ x"), no blank line', make: (b) => postmortem('Timeline', `- 14:00 UTC: paste\n${lines(b, (i) => ['$ kubectl get pods', '@alice: ack', `/var/log/${i}`, '-x', '--', '==', '_ x', `:${i}`][i % 8]!)}`) },
  { name: 'setext-paragraph', what: 'a paragraph of n lines of a pasted log, then "---" (one setext heading of all of them)', make: (b) => postmortem('What happened', `${lines(b, (i) => `2024-01-01 10:00:${pad2(i)} INFO worker ${i} done`)}\n---`) },
  { name: 'quote-lazy-dashes', what: 'a block quote line, then n lazy lines of "--" and "==" (micromark is quadratic on them)', make: (b) => postmortem('What happened', `> quoted\n${lines(b, (i) => (i % 2 ? '==' : '--'))}`) },
  // Issue 11 (grid): lines led by a tab after a block, and setext underlines' shapes indented by two in an item (at the
  // top level, "  --" lines make a heading of every two: the many-headings class, as heading-staircase).
  { name: 'tab-lazy', what: 'a block quote line ("> x"), then n lines led by a tab ("\\tstep i": lazy lines of its paragraph; micromark: 95 s at 256 KB)', make: (b) => postmortem('What happened', `> x\n${lines(b, (i) => `\tstep ${i}`)}`) },
  { name: 'tab-item', what: 'a list item ("- x"), then n lines led by a tab ("\\tstep i": its paragraph, inside it)', make: (b) => postmortem('What happened', `- x\n${lines(b, (i) => `\tstep ${i}`)}`) },
  { name: 'tab-code', what: 'an empty block quote line (">"), then n lines led by a tab (indented code at the top level)', make: (b) => postmortem('What happened', `>\n${lines(b, (i) => `\tstep ${i}`)}`) },
  { name: 'indented-setext-item', what: 'a list item ("- x"), then n lines of "  ==" and "  --" in turn (its paragraph\'s underline, then a paragraph, inside the item)', make: (b) => postmortem('What happened', `- x\n${lines(b, (i) => (i % 2 ? '  --' : '  =='))}`) },
  // Issue 11 (pairs): a container line holding a list item in turn with a lazy line of its paragraph, after a
  // paragraph line (one quote, or one list, whose items each take a lazy line: micromark, quadratic: ~1 s at 64 KB).
  { name: 'quote-item-runs', what: 'a paragraph line, then "> - step i" (a quote holding a list item) and a lazy line ("$ run i", "!", "| x", "[a]", "x") in turn', make: (b) => postmortem('What happened', `paged\n${lines(b, (i) => (i % 2 ? ['$ run ' + i, '!', '| x', '[a]', `x ${i}`][(i >> 1) % 5]! : `> ${['-', '1.', '> -'][(i >> 1) % 3]} step ${i}`))}`) },
  { name: 'indented-item-runs', what: 'a paragraph line, then "  - step i" (an item indented by two, some holding a quote or an item) and a lazy line ("[", "_", "`", "|") in turn', make: (b) => postmortem('What happened', `[\n${lines(b, (i) => (i % 2 ? ['[', '_', '`', '|'][(i >> 1) % 4]! : `  - ${['', '> ', '- '][(i >> 1) % 3]}step ${i}`))}`) },
  // Issue 11 (mix): paragraphs with inline syntax on their lines (links, images, code spans open over lines, hard
  // breaks), each made a setext heading by the line after them (remark read the chunk whole: 1.4 s at 64 KB).
  { name: 'setext-inline-lines', what: 'paragraphs of lines with inline syntax ("See [notes](/n)", "![graph](g.png)", "`cache", "b`", "a\\", "x  "), each underlined by "  --" or "==="', make: (b) => postmortem('What happened', lines(b, (i) => ['See [notes](/n)', `step ${i}`, '![graph](g.png)', '`cache', 'b`', 'restart\\', 'now  ', 'done', ['  --', '==='][(i >> 3) % 2]!][i % 9]!)) },
  // Fenced code blocks in block quotes went to micromark with the whole chunk (a quote holding a fence, then a list
  // item, over and over: 1.5 s at 64 KB).
  { name: 'quote-fences', what: 'block quotes each holding a fenced code block ("> ```", "> code i", "> ```", "> text")', make: (b) => postmortem('What happened', lines(b, (i) => ['> ```', `> code ${i}`, '> ```', `> text ${i}`][i % 4]!)) },
  // Post-mortem timelines: an item per step, each holding the command it ran in a fenced block (the chunk of each item
  // went to micromark whole: 800 ms for 64 KB). In What happened: in a Timeline, every entry without a time is a
  // finding, which the density families measure.
  { name: 'item-fences', what: 'list items each holding a fenced code block ("- step i", "  ```", "  code i", "  ```")', make: (b) => postmortem('What happened', lines(b, (i) => [`- step ${i >> 2}`, '  ```', `  code ${i >> 2}`, '  ```'][i % 4]!)) },
  // A fence after a quote line, which the scan cannot cut after (the quote may hold a list), then more quote lines:
  // the chunk from the fence on went to micromark (1.3 s for 256 KB of such lines in random order).
  { name: 'quote-then-fences', what: 'a quoted list item, a fenced block, quoted lines ("> - step i", "~~~", "log i", "~~~", "> > said i")', make: (b) => postmortem('What happened', lines(b, (i) => [`> - step ${i}`, '~~~', `log ${i}`, '~~~', `> > said ${i}`][i % 5]!)) },
  // Empty list items among prose whose content is on the lines under them (10–20 s for 256 KB in random order).
  { name: 'empty-item-lines', what: 'setext headings of "==", then an empty item holding a tab-led line and a lazy "==" ("==", "-", "*", "\\tdetail i", "==")', make: (b) => postmortem('What happened', lines(b, (i) => ['==', '-', '*', `\tdetail ${i}`, '=='][i % 5]!)) },
  { name: 'empty-item-quotes', what: 'paragraphs, then an empty item holding a quote ("#tag i", "-", "  > quote i")', make: (b) => postmortem('What happened', lines(b, (i) => [`#tag ${i}`, '-', `  > quote ${i}`][i % 3]!)) },
  { name: 'prose-fences', what: 'an empty item, text and fences at two spaces in turn ("2.", "(step i", "  ```", "-->", …; the fences toggle)', make: (b) => postmortem('What happened', lines(b, (i) => ['2.', `(step ${i}`, '  ```', '-->', '2.', `(log ${i}`, '  ```'][i % 7]!)) },
  { name: 'item-html-lines', what: 'checklist items, each with lone tags on the lines under it ("- [ ] task i", "<br>", "<x>")', make: (b) => postmortem('What happened', lines(b, (i) => [`- [ ] task ${i}`, '<br>', `- [ ] check ${i}`, '<br>', '<x>'][i % 5]!)) },
  { name: 'prose-indented-items', what: 'an empty quote line, text, then items indented by two with a lazy line each (">", "<x i", "  - step i", "<y", "  - check i")', make: (b) => postmortem('What happened', lines(b, (i) => ['>', `<x ${i}`, `  - step ${i}`, '<y', `  - check ${i}`][i % 5]!)) },
  { name: 'empty-item-siblings', what: 'empty items holding a nested item, each with a lazy line, then text ("-", "  - step i", "<x i", "-", "  - check i", "<y", "-", "<z")', make: (b) => postmortem('What happened', lines(b, (i) => ['-', `  - step ${i}`, `<x ${i}`, '-', `  - check ${i}`, '<y', '-', '<z'][i % 8]!)) },
  // A lone tag on a lazy line of a quote's paragraph: micromark's HTML block in the quote (3.5 s for 256 KB).
  { name: 'quote-lone-tags', what: 'a quote line, a lone tag, text ("> quote i", "<br>", "text i", "more i"), no blank line', make: (b) => postmortem('What happened', lines(b, (i) => [`> quote ${i}`, '<br>', `text ${i}`, `more ${i}`][i % 4]!)) },
  // A lone tag under an item's paragraph, then text: the scan cut nothing after the tag (5.3 s for 256 KB).
  { name: 'item-lone-tags', what: 'a list item, a lone tag, text ("- step i", "<br>", "text i", "more i"), no blank line', make: (b) => postmortem('What happened', lines(b, (i) => [`- step ${i}`, '<br>', `text ${i}`, `more ${i}`][i % 4]!)) },
  { name: 'nested-lone-tags', what: 'a quoted item or an item\'s quote, a lone tag, text ("> - step i", "<br>", "text i", "- > quote i", "<x>", "more i")', make: (b) => postmortem('What happened', lines(b, (i) => [`> - step ${i}`, '<br>', `text ${i}`, `- > quote ${i}`, '<x>', `more ${i}`][i % 6]!)) },
  // Paragraphs led by "[" (a definition may start one) and setext underlines: the scan cut none of them (each could be
  // definitions, which an underline does not underline), so the document was one chunk read by micromark.
  { name: 'definition-underlines', what: 'definitions and lone "-" in turn: each "-" text, an underline or an empty item ("[a]: /x", "-", "[a]: /x", "[a]: /x", "-", "-", …)', make: (b) => postmortem('What happened', lines(b, (i) => ['[a]: /x', '-', '[a]: /x', '[a]: /x', '-', '-', '[a]: /x', '-', '-', '-'][i % 10]!)) },
  { name: 'bracket-headings', what: 'setext headings of a line with an unclosed "[", then an image ("[x i", "![i](j)", "-", "text i", "[y i", "![k](l)", "-")', make: (b) => postmortem('What happened', lines(b, (i) => [`[x ${i}`, '![i](j)', '-', `text ${i}`, `[y ${i}`, '![k](l)', '-'][i % 7]!)) },
  // One chunk the scan cannot cut and the fast reader does not read, read by markdown-it (large-chunk.ts): micromark
  // took seconds at 64 KB, growing faster than the input.
  { name: 'quote-tab-lazy', what: 'a block quote line with a tab after its marker ("> \tx i"), then lazy lines ("*x", "-->"), in turn', make: (b) => postmortem('What happened', lines(b, (i) => [`> \tx ${i}`, '*x', '-->', '*x'][i % 4]!)) },
  { name: 'quote-definition-lazy', what: 'block quotes of a definition ("> [ai]: /x"), then lines of text (":x i", "JIRA-i", "|"), in turn', make: (b) => postmortem('What happened', lines(b, (i) => [`> [a${i}]: /x`, `:x ${i}`, `JIRA-${i}`, '|'][i % 4]!)) },
  { name: 'quote-tag-lazy', what: 'block quotes of a tag ("> <div>"), then lines of text (\u201c"x i\u201d, "?"), in turn', make: (b) => postmortem('What happened', lines(b, (i) => ['> <div>', `"x ${i}`, '?'][i % 3]!)) },
  // Headings of distinct texts that name a definition and hold a "[" nothing closes: each was a micromark parse of
  // its own (the cache of resolved texts holds 10,000), now read by the linear inline reader.
  { name: 'setext-bracket-references', what: 'setext headings of two lines, the first with a "[" nothing closes and a reference ("x [ [a] i", "(x", "==="), a definition above', make: (b) => postmortem('What happened', `[a]: /x\n\n${lines(b, (i) => [`x [ [a] ${i}`, '(x', '===', ''][i % 4]!)}`) },
  // Issue 11 (mix): many small chunks the fast reader leaves, kinds of line in a random order (quotes of a break,
  // items of "===", punctuation, text; items of a tag and breaks; items of a heading, "^", links): micromark read each
  // chunk apart, linearly but at 25 µs a line and 100 µs a parse (0.8–7.8 s at 1 MB); now markdown-it (wide documents).
  { name: 'shuffled-quote-breaks', what: 'lines of "> ---", "- ===", "_" and "Timeline" in a random order (small chunks of quotes, items and paragraphs)', make: (b) => postmortem('What happened', lines(b, shuffled(['> ---', '- ===', '_', 'Timeline']))) },
  { name: 'shuffled-item-tags', what: 'lines of "- <div>" and "***" in a random order (items holding an HTML block, thematic breaks)', make: (b) => postmortem('What happened', lines(b, shuffled(['- <div>', '***']))) },
  { name: 'shuffled-item-headings', what: 'lines of "- # h", "^" and "[x](y)" in a random order (items holding a heading, paragraphs)', make: (b) => postmortem('What happened', lines(b, shuffled(['- # h', '^', '[x](y)']))) },
  // Setext headings whose content starts with "--" and names a definition: each distinct one was a micromark parse
  // (782 at 1 MB: the first analysis 1.4 s), now read by the linear inline reader (model.ts markLedParagraph).
  { name: 'shuffled-dash-headings', what: 'lines of "\\", "[^1]: x" and "--" in a random order (setext headings of "--" and escapes that name a definition)', make: (b) => postmortem('What happened', lines(b, shuffled(['\\', '[^1]: x', '--']))) },
  { name: 'empty-item-content', what: 'an empty list item ("-"), then n lines of its content indented by two ("  line i", "  $ cmd"), no blank line', make: (b) => postmortem('What happened', `-\n${lines(b, (i) => (i % 2 ? `  line ${i}` : '  $ kubectl logs'))}`) },
  { name: 'stamp-spaces', what: 'a Timeline entry of a time, n spaces and a letter ("- 14:03", spaces, "x"): the zone after a time was read in O(n²)', make: (b) => postmortem('Timeline', `- 14:03${fill(' ', b)}x`) },
  { name: 'empty-headings', what: 'n empty headings ("#" on every line): a section each, with no text and no role', make: (b) => postmortem('What happened', lines(b, () => '#')) },
];
