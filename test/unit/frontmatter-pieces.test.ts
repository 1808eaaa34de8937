// Front matter read in pieces (top-level entries, each parsed alone and kept between edits) must say exactly what the
// parser says of the whole text: data (values, key order, prototypes), errors and their ranges, and the ranges of
// nodes. Table-driven on tricky YAML and TOML, then seeded random edits through one FrontMatterPieces.
// POSTMORTEM_FM_EDITS=100000 runs a larger search.
import * as assert from 'node:assert/strict';
import { parseFrontMatter, setSequenceItemsFrom, type FrontMatter } from '../../src/core/model/frontmatter';
import { FrontMatterPieces } from '../../src/core/model/frontmatter-pieces';
import { rng } from '../bench/generate';

const YAML_CASES: readonly string[] = [
  '',
  '# only a comment',
  // Runs of comment lines at the top level, each line its own piece: each is read within itself.
  'a: 1\n# c1\n# c2\n\n# c3\nb: 2',
  '# c1\n# c2\n# c3',
  '# c1\u0001\n# c2\nb: 2',
  '# c1\r\n# c2\nb: 2',
  '#\n#\n#\na: 1',
  'title: Outage\nstatus: draft\nseverity: 2',
  'a: 1\nb: 1.5\nc: 0x1F\nd: 0o17\ne: +12\nf: -0\ng: 1e3\nh: .inf\ni: -.Inf\nj: .nan\nk: 12345678901234567890\nl: 1.50\nm: 1_000',
  'a: ~\nb: null\nc: Null\nd: NULL\ne: true\nf: True\ng: FALSE\nh: yes\ni: on\nj: 2024-01-01\nk: 14:03',
  "a: 'single # : quoted'\nb: \"double # : quoted\"\nc: \"esc\\n\\u00e9\"\nd: 'it''s'\ne: \"\"\nf: ''",
  'a: value with spaces\nb: Panne réseau 🚀\nc: x\u00a0y\nd: \u00a0lead\ne: tail\u00a0',
  'a: b:c\nurl: http://example.com/x?y=1\nc: b#c\nd: b #c\ne: x:  y\nf: a, b\ng: [x]y\nh: x]',
  // Colons and "#" inside plain scalars: read without the parser where YAML allows them, else left to it.
  'started: 2024-01-01T10:00:00Z\ndetected: 2001-12-14t21:59:43.10-05:00\nc: 10:00\nd: x:y:z\ne: x::y\nf: x :y\ng: x# y',
  'a: x #y\nb: x:\nc: x: \nd: :x\ne: x : y\nf: a#\ng: a:#\nh: a#:b\ni: http://x.y/a#b?c=d:e',
  'a: -1\nb: - x\nc: ?x\nd: :x\ne: @x\nf: %x\ng: `x\nh: !x\ni: &x\nj: *x\nk: |x\nl: >x\nm: {x\nn: ,x',
  // Block sequences of one-line items, read without the parser when every item is a fast value at one indentation.
  "responders:\n  - a\n  - b c\n  - 1\n  - true\n  - \"q\"\n  - 's'\n  - ~\n  - 0x1F\n  - 2024-01-01T10:00:00Z\nz: 1",
  'r:\n- a\n- b\n\n\nz: 1',
  'r:   \n    - a\n    -   2024-01-01\n',
  'r:\n  - a\n   - b\nz: 1',
  'r:\n  - a\n - b\nz: 1',
  'r:\n  - a\n  - b #c\n  - c:d\n  - e: f\nz: 1',
  'r:\n  - a\n  -\n  - - x\nz: 1',
  'r:\n  - a\n    b\nz: 1',
  'r:\n  - a \n  - b',
  'r:\n  - a\n  - b\n# c\n  - d',
  'r:\n  - x\nr:\n  - y',
  '1:\n  - a\n1.0:\n  - b\ntrue:\n  - c',
  'r:\n  - &x a\nz:\n  - *x',
  '__proto__:\n  - a\nconstructor:\n  - b',
  'r: \n  - "a\\n"\n  - \'it\'\'s\'\n  - "x\n  - y"',
  'r:\n  - a\n\n  - b\n  -\tc\n  - d\te',
  // Entries `key: *name`, read without the parser: the anchored value, the parser's alias count and its errors.
  'base: &a {x: 1}\nk0: *a\nk1: *a\nk2: *a',
  'base: &a\n  x: [1, 2]\nk0: *a\nbase2: &a [3]\nk1: *a\nk2: *nope\nk3: *a',
  'k0: *a\nbase: &a 1',
  's: &s text\nk: *s\nk: *s',
  'e: &e []\nf: &f {}\nk0: *e\nk1: *f\ng: &g [[], {}]\nk2: *g\nh: &h [[], 1]\nk3: *h',
  'n: &n\nk: *n\nm: !!str &m x\nj: *m',
  'a:\n  b: &x 1\nk: *x',
  '&x a: 1\nk: *x',
  'a: &x [1, *x]\nk: *x',
  'a: &x [&y 1, 2]\nb: *y\nc: *x',
  'a: &x 1\nb:\n  c: &x 2\nk: *x',
  'k: *a b\nk2: *a\n',
  'a: &a 1\n1: *a\n"1": *a',
  // A block scalar's indentation indicator past the lines: the parser's line counter skips a line.
  'a: &xb: * 1\n - b\na:  |2\nb: 3',
  // Errors in one piece: the first is read from the text up to that piece when nothing there reaches past its end.
  'k0: [a, : b } ]\nk1: [a, : b } ]\nk2: 1',
  'a: 1\nb: [x, : y } ]\n\n  \nc: "q"',
  'a: [1,\n  2\nb: 3',
  'a: {x: 1\n  y\nb: 2',
  'a: x: y\nb: 1',
  'a: 1\n b: 2\nc: 3',
  'a: b\n  c: d\ne: f',
  'd:# |\n  t\ne: 5',
  'a: [x\nb\nc: 1',
  'a: &x [1, : 2]\nb: *x',
  'a: [1, ] ]\r\n  - x\r\nb: [\r\nc: 2',
  'a: !!int x\nb: [}\nc: 1',
  'a: 1\na: [:]\nb: 2',
  'a: 1\nb: x\ra: [}\nc: 1',
  'a:\n  x: 1\n  x: 2\nb: [}\nc: 1',
  '1: one\ntrue: yes\nnull: nothing\n1.0: float\n0x1: hex\n_: under\nkey-with-dash: 1\na.b: 2\n9abc: 3',
  '__proto__: polluted\nconstructor: c\ntoString: t\nhasOwnProperty: h\nvalueOf: v',
  'a: 1\na: 2',
  'a: 1\nb: 2\na: 3\nb: 4',
  'a:\n  b: 1\n  b: 2\nc: 3\nc: 4',
  'x: 0\na:\n  b: 1\n  b: 2\nx: 1',
  '1: a\n"1": b\n1.0: c',
  'a: 1\nb: [\na: 2',
  'a: abc\n  def\nb: 2',
  'a: abc\ndef\nb: 2',
  'a: abc\ndef: 1',
  'a: |\n  line one\n  line two\nb: 2',
  'a: >\n  folded\n  text\n\nb: 2',
  'a: |-\n  x\nb: 2',
  'a: |+\n  x\n\n\nb: 2',
  'a: |2\n   x\nb: 2',
  'a: |\ntext: 1',
  'a: |\n  x\n text\nb: 1',
  'a: [1,\n  2]\nb: {x: 1,\n  y: 2}',
  'a: [1,\n2]\nb: 3',
  'a: {x: 1,\ny: 2}\nb: 3',
  'a: [1, 2\nb: 3',
  'a: [1, 2]]\nb: 3',
  '# head\na: 1 # trailing\n# between\nb: 2\n  # indented\nc: 3\n# tail',
  'a: &x 1\nb: *x',
  'a: &x 1\nb: &x 2\nc: *x',
  'a:\n  b: &x 1\n  c: *x\nd: 2',
  'base: &b {x: 1}\nderived:\n  <<: *b',
  'a: b: c',
  'title: Outage: db down\nb: 1',
  'a: x\n  b: 1\nc: 2',
  'a: "unclosed\nb: 1',
  "a: 'unclosed\nb: 1",
  'a: "multi\n  line"\nb: 1',
  'a: "multi\nline"\nb: 1',
  'a:\n\tb: 1',
  'a:\t1\nb: 2\t\nc: 3\t# c',
  '- a\n- b',
  '- a\nb: 1',
  'a\nb: 1',
  'hello',
  'a: 1\n - b',
  ': x\nb: 1',
  '? a\n: b\nc: d',
  '? [a, b]\n: c\nd: 1',
  '? a\nb: c',
  '[a, b]: c\nd: 1',
  '{a: 1}\nb: 2',
  '[a]\nb: 2',
  'a: 1\n[a, b]: c',
  'a: 1\n{x: 1}: 2',
  'a: 1\n"quoted key": 2\n\'single\': 3',
  'a: !!str 1\nb: !!int "2"\nc: !custom x\nd: !!binary aGk=\ne: !!set {a, b}\nf: !!float 1',
  'a:\n  b:\n    c: 1\n  d: [1, 2]\ne:\n- x\n- y\nf:\n  - g: 1\n    h: 2',
  'a:\nb:\nc: ""',
  'a: 1\n\n\n\nb: 2\n\n',
  'a: 1   \nb:    2',
  'a b: 1\na : 2\nc: 3',
  'a: 1\r\nb: 2\r\nc:\r\n  d: 3\r\n',
  'a: 1\rb: 2',
  '\uFEFFa: 1\nb: 2',
  'a: 1\n\uFEFFb: 2',
  'a: 1\n---\nb: 2',
  'a: 1\n...\n',
  'a: |\n  ---\n  ...\nb: 1',
  'a: 1\n--- x',
  '%YAML 1.2\n---\na: 1',
  'a: ---\nb: ...',
  'a: x\u0085y\nb: x\u2028y\nc: 2',
  'a: \u0000\nb: 1',
  'a: \ud800x\nb: \udc00',
  'a: x\u0007y\nb: "x\u0007y"',
  'a: ' + '['.repeat(70) + ']'.repeat(70),
  'a: 1\nb: 2\nc: [[[[1]]]]\n' + 'd: {'.repeat(3) + '}'.repeat(3),
  'list:\n- 1\n- 2\nmap:\n  x: 1\nempty: {}\nseq: []',
  'a: >-\n  x\n\n  y\n\nb: |\n\n  z\n',
  'a: "tab\tinside"\nb: \'tab\tinside\'',
  'a: "x" # c\nb: \'y\' # c\nc: "x"y',
  'a: 1 #c\nb: 2#c',
  'a:\n# c\n  - x\nb: 1',
  'a:\n# c\n  b: 1\nc: 2',
  'a: |\n  x\n# c\n  y\nb: 1',
  'a: |\n  x\n# c\nb: 1',
  'a: 1\n# c\n\n# d\n',
  '# only\n# comments\n',
  'a: "x\n# c\n  y"\nb: 1',
  'a: [1,\n# c\n  2]\nb: 1',
  'a: |\n# c\n  x\nb: 1',
  'a: >\n# c\nb: 1',
  'a: |\n\n# c\n\nb: 1',
  'a:\n  - x\n# c\n  - y\nb: 1',
  'a: 1\n#\tc\n# \u0007\n#\u00a0\nb: 2',
  // A flow collection left open before a comment line in the first column, which does not end it (a fuzz case).
  'title: x\nlist:\n [[- a:\n   - b\n - title: Outage: db down\n - &a x\n - |\n  x\n - a: 1\n - item27\n - x\n  - y\n - item60\n - item6\n - item54\n - 1\n - item32\n - item37\n -\n - item0\n - item13\n - item5\n - item24\n - item91\n - b c\n - item76\n - item23\n - b c\n - item41\n - item19\n# - item10\n - [a,\n   b]\n - item34---\n - {a: 1, a: 2}\n - item26\n - item92\n - item56\n - [a, : b } ]\n -\tx\n - item61\nz: *a',
];

const TOML_CASES: readonly string[] = [
  // Multi-line strings crossing the cuts of every entry: the pieces after the first that fails are not parsed.
  'a = 1\ns0 = """\nline 0\n"""\ns1 = """\nline = 1\n"""\ns2 = \'\'\'\n[t]\n\'\'\'\nb = 2',
  'a = """\nx\n',
  '',
  '# only a comment',
  'a = 1\nb = "x"\nc = [1, 2]\nd = {x = 1}\ne = true\nf = 1.5\ng = 1979-05-27T07:32:00Z\nh = 07:32:00',
  '[t]\nx = 1\n[u]\ny = 2',
  'a = 1\n[t]\nx = 1\ny = 2\n[u]\nz = 3',
  '[t.a]\nx = 1\n[t.b]\ny = 2',
  '[[arr]]\nx = 1\n[[arr]]\nx = 2\n[[ arr ]]\nx = 3',
  '[[arr]]\nx = 1\n[arr.sub]\ny = 1',
  '[[arr]]\nx = 1\n[[arr.sub]]\ny = 1\n[[arr]]\nx = 2',
  'arr = [{x = 1}]\n[[arr]]\nx = 2',
  '[[arr]]\nx = 1\n[other]\ny = 2\n[[arr]]\nx = 3',
  '[["arr"]]\nx = 1\n[[arr]]\nx = 2',
  'a = 1\na = 2',
  'a.b = 1\na.c = 2',
  'a.b = 1\n[a]\nc = 2',
  'a = 1\n[a]\nx = 1',
  '[t]\nx = 1\n[t]\ny = 2',
  'a = [\n1,\n2\n]\nb = 3',
  'a = [\n  1,\n  2,\n]\nb = 3',
  'a = """\nb = 1\n"""\nc = 2',
  "a = '''\n[x]\n'''\nc = 2",
  '# c\na = 1 # c\n\n# d\nb = 2',
  '\uFEFFa = 1\nb = 2',
  'a = 1\r\nb = 2\r\n[t]\r\nx = 1\r\n',
  'a = \nb = 1',
  'a = 1 b = 2',
  '__proto__ = 1\nconstructor = 2\ntoString = 3',
  '[__proto__]\nx = 1',
  '"quoted key" = 1\n\'literal\' = 2\nc = 3',
  '-dash = 1\n_u = 2\n9 = 3',
  't = {}\n[s]\n',
  '[ t ]\nx = 1\n[ t . u ]\ny = 2',
  'a = 1\n  b = 2\n\tc = 3',
  '[t]\nx = 1\n\n# c\ny = 2\n[[a]]\n[[a]]\nz = 1',
  'x = [\n[1, 2],\n[3]\n]',
  '[t]\nx = [\n[1, 2],\n]',
  'a = "unclosed\nb = 1',
  'a = { x = 1,\ny = 2 }',
  'a = 1\nb = 2\na = 3',
  '[a.b]\nx = 1\n[a]\ny = 2',
  '[a]\ny = 2\n[a.b]\nx = 1',
  'key = "value"\n[[products]]\nname = "Hammer"\n\n[[products]]\n\n[[products]]\nname = "Nail"',
  'a = [\n# c\n1]\nb = 2',
  '# c\n[t]\n# d\nx = 1',
  'a = 1\n# c\n# d\nb = 2',
  'a = """\n# c\n"""\nb = 2',
  // Tables put together from their pieces: dotted keys, headers and sub-tables, arrays of tables; what TOML allows
  // and what it does not (a table defined twice, an inline table or a value extended).
  'a.b = 1\na.c = 2\nb = 3',
  'a.b = 1\na = 2',
  'a.b = 1\na.b.c = 2',
  'a.b = 1\n[a.c]\nx = 1',
  'a.b = 1\n[a]\nx = 1',
  'a.b.c = 1\n[a.b.d]\nx = 1',
  'a.b.c = 1\n[a.b]\nx = 1',
  '[a]\nb.c = 1\n[a.b.d]\nx = 1',
  '[a]\nb.c = 1\n[a.b]\nx = 1',
  '[a.b.c]\n[a]\nb.d = 1',
  '[a.b]\nx = 1\n[a]\nx = 2',
  '[a.b]\nx = 1\n[a]\nb = 2',
  '[a]\n[a]',
  'a = {x = 1}\n[a.b]',
  'a = {x = 1}\na.y = 2',
  '[t]\na = {x = 1}\na.y = 2',
  '[[a]]\n[a.b]\nx = 1\n[[a]]\n[a.b]\ny = 2',
  '[a.b]\n[[a]]',
  '[[a]]\nx = 1\n[a]',
  '[[a]]\nx = 1\nx = 2',
  '[[a.b]]\nx = 1\n[[a.b]]\ny = 2\n[a]\nz = 3',
  '["a.b"]\nx = 1\ny = 2\n[c]\nz = 3',
  '[t]\nx = 1\n  [u]\n  y = 2\nz = 3\n[v]\nw = 4',
  '[t]\nx = [\n  [1],\n]\ny = 2',
  'a = [1]\n[[a]]',
  '[t]\nx.y = 1\nx.z = 2\nx = 3',
  '[t]\nx = 1\nx = 2',
  '[t]\n"q" = 1\nq = 2',
  '[t]\na.b.c = 1\na.b.d = 2\n[t.a.e]\nf = 1',
  '[ a . b ]\nx = 1\n[a]\ny = 2',
  '[a] # c\nx = 1\n[a.b] # d\ny = 2',
  '[t]\nx = 1\n[u]\nx = 1\n[t.v]\nx = 1\n[u.v]\nx = 1',
  '[t]\nd = 1979-05-27\nd.x = 1',
  '[t]\n1.2 = 3\n1.3 = 4',
  `${Array.from({ length: 200 }, (_, i) => `k${i % 3}`).join('.')} = 1\nb = 2`,
  `[${Array.from({ length: 200 }, (_, i) => `k${i % 3}`).join('.')}]\nb = 2`,
  `${Array.from({ length: 128 }, (_, i) => `k${i % 3}`).join('.')} = 1\nb = 2`,
  // Values read without the parser, and values next to them it must read.
  'a = "x\ty"\nb = \'l\'\nc = -12\nd = +3\ne = 0\nf = true\ng = ""\nh = false',
  'a = 01\nb = -0\nc = 1_000\nd = 1234567890123456789\ne = 123456789012345',
  'a = "\x7f"\nb = "\x01"\nc = "\u0085"',
  'a = tru\nb = True',
  'a = "é\ud800"\nb = \'\\\'',
  '[ a ]\n[[ b ]]\n[c . d]\n[ [e] ]',
  'a = "x" # c\nb = 1 \n  \nc = 2\r\n\r\nd = 3\r',
  'a = "unclosed\nb = \'open',
  // Quoted keys, read without the parser when they hold no escape.
  '"a.b" = 1\n\'a\'.b = 2\n"".c = 3\n"a" . "c" = 4',
  '["a.b"]\nx = 1\n[a.b]\ny = 2\n[\'a.b\'.c]\nz = 3',
  '\'a\' = 1\na = 2',
  '"a\\u0062" = 1\nab = 2',
  '[["t"]]\nx = 1\n[[t]]\ny = 2\n["t".u]\nz = 3',
  '  a = 1\n  b.c = 2\n[t]\n  x = 1\n  y.z = 2\n  x = 3',
  // A byte order mark before the first header: the keys after it are the header's table's.
  '\uFEFF[t]\nx = 1\n[t.u]\ny = 2',
  '\uFEFF  [t]\nx = 1',
  '\uFEFF[[t]]\nx = 1\n[[t]]\ny = 2',
];

/** Everything a front matter says; node ranges for every `every`th top-level key (all of them by default). */
function snapshot(fm: FrontMatter, value: string, every = 1) {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (path.length > 0) paths.push(path);
    if (path.length >= 3 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    else for (const k of Object.keys(node)) walk((node as Record<string, unknown>)[k], [...path, k]);
  };
  const keys = Object.keys(fm.data).filter((_, i) => i % every === 0);
  for (const key of keys) walk(fm.data[key], [key]);
  const names = new Set<string>([...keys, 'missing', '1', 'true', 'null', '']);
  [...value.matchAll(/^([^\s:#]+)\s*:/gm)].forEach((m, i) => i % every === 0 && names.add(m[1]!));
  for (const name of names) paths.push([name], [name, 'missing'], [name, 0]);
  return {
    kind: fm.kind,
    range: fm.range,
    errors: fm.errors,
    data: fm.data,
    prototype: Object.getPrototypeOf(fm.data) as unknown,
    keys: JSON.stringify(Object.keys(fm.data)),
    valueRanges: [...names].map((n) => [n, fm.valueRange(n)]),
    nodeRanges: paths.map((p) => [JSON.stringify(p), fm.nodeRange(p)]),
  };
}

function whole(kind: 'yaml' | 'toml', value: string): FrontMatter {
  return parseFrontMatter(kind, value, 3, value.split('\n').length + 2, 3, 'whole');
}

function inPieces(kind: 'yaml' | 'toml', value: string, pieces = new FrontMatterPieces()): FrontMatter {
  return parseFrontMatter(kind, value, 3, value.split('\n').length + 2, 3, pieces);
}

/** The one error of a front matter over 64 KB not read: it cannot be read entry by entry, or (YAML) it has too much for the parser. */
const NOT_READ_WHOLE =
  /^Front matter is not read: it is \d+ KB, (and front matter over 64 KB is read one top-level entry at a time|and more than 64 KB of it needs the full YAML parser|over 64 KB a TOML front matter is read a table or key at a time|and it cannot be read a table or key at a time)/;
/** How many reads of `same` were such a refusal (a test that expects some says so). */
let refused = 0;

function same(kind: 'yaml' | 'toml', value: string, pieces?: FrontMatterPieces, context = '', every = 1): void {
  const read = inPieces(kind, value, pieces);
  if (read.errors.length === 1 && NOT_READ_WHOLE.test(read.errors[0]!.message)) {
    // Over 64 KB, what the pieces cannot settle is not parsed whole (the parser took seconds, at every keystroke).
    assert.ok(value.length > 64 * 1024, `refused a front matter of ${value.length} characters${context}`);
    assert.deepEqual(read.data, {});
    refused++;
    return;
  }
  // Over 64 KB the parser never reads the whole text: a front matter with an error has its error and no data, as the
  // whole has, but no value or node ranges (each would parse the whole).
  if (kind === 'yaml' && value.length > 64 * 1024 && read.errors.length > 0) {
    const w = whole(kind, value);
    assert.deepEqual({ errors: read.errors, data: read.data }, { errors: w.errors.slice(0, 1), data: w.data }, `${kind} (${value.length} characters)${context}`);
    return;
  }
  // Over 64 KB, a TOML key or table defined twice is said so by the pieces: the whole has an error too, and no data.
  if (kind === 'toml' && value.length > 64 * 1024 && read.errors.length > 0) {
    assert.match(read.errors[0]!.message, /^Front matter is not valid TOML: .* is defined twice\.$/);
    const w = whole(kind, value);
    assert.equal(w.errors.length, 1, `${kind} (${value.length} characters)${context}: the whole reads`);
    assert.deepEqual(read.data, w.data);
    return;
  }
  const expected = snapshot(whole(kind, value), value, every);
  const actual = snapshot(read, value, every);
  assert.deepEqual(actual, expected, `${kind} ${JSON.stringify(value)}${context}`);
}

const EDIT_SNIPPETS = ['x', ' ', '\n', ':', ': ', '#', '"', "'", '[', ']', '{', '}', '-', '- ', '  ', '\t', '|', '>', '&a ', '*a', '=', '[[', ']]', '---', '...', '%', '?', '\r\n', '\uFEFF', '1', 'true', 'key: v\n', 'k = 1\n', '[t]\n'];

function randomEdit(text: string, r: () => number): string {
  const at = Math.floor(r() * (text.length + 1));
  if (r() < 0.35 && text.length > 0) return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 4));
  return text.slice(0, at) + EDIT_SNIPPETS[Math.floor(r() * EDIT_SNIPPETS.length)]! + text.slice(at);
}

describe('front matter in pieces', () => {
  for (const [kind, cases] of [['yaml', YAML_CASES], ['toml', TOML_CASES]] as const) {
    it(`${kind}: each tricky text reads as the parser reads it whole`, () => {
      for (const value of cases) same(kind, value);
    });

    it(`${kind}: two tricky texts one after the other read as the whole`, () => {
      for (const a of cases) for (const b of cases.slice(0, 8)) same(kind, `${a}\n${b}`);
    });

    it(`${kind}: seeded random edits, each text read with the pieces of the one before, read as the whole`, () => {
      const r = rng(kind === 'yaml' ? 11 : 12);
      const edits = Number(process.env['POSTMORTEM_FM_EDITS'] ?? 800);
      let pieces = new FrontMatterPieces();
      let text = '';
      for (let i = 0; i < edits; i++) {
        if (i % 25 === 0) {
          // A new sequence: a few tricky texts joined, read once with fresh pieces.
          text = [0, 1, 2].map(() => cases[Math.floor(r() * cases.length)]!).join('\n');
          pieces = new FrontMatterPieces();
          inPieces(kind, text, pieces);
        }
        text = randomEdit(text, r);
        same(kind, text, pieces, ` (edit ${i})`);
      }
    });
  }

  it('a text read after an empty front matter (no piece to keep) reads as the whole', () => {
    for (const [kind, texts] of [['yaml', ['a: 1', 'a: 1\nb: [', 'a: 12\nb: 2']], ['toml', ['a = 1', 'a = 1\nb = [', 'a = 12\n[t]\nb = 2']]] as const) {
      const pieces = new FrontMatterPieces();
      inPieces(kind, '', pieces);
      for (const text of texts) same(kind, text, pieces, ' (after an empty text)');
      inPieces(kind, '', pieces);
      same(kind, texts[0], pieces, ' (after an empty text again)');
    }
  });

  // Every one-character change at every position of small texts: edits next to a cut, which decide whether the
  // pieces before and after it can be kept.
  const EVERYWHERE: Record<'yaml' | 'toml', { texts: string[]; inserts: string[] }> = {
    yaml: {
      texts: ['a: 1\nb: 2\nc: 3\nd: 4\ne: 5', 'a: 1\nb:\n  x: 1\nc: "q"\nd: |\n  t\ne: 5', 'a: 1\n\nb: [1,\n  2]\n# c\nc: 3\nd: 4'],
      inserts: [' ', '#', '\n', '-', '[', '"', 'x', '\t', '.', '%', '?', ':'],
    },
    toml: {
      texts: ['a = 1\nb = 2\nc = 3\nd = 4\ne = 5', 'a = 1\n[t]\nb = 2\nc = 3\n[u]\nd = 4', 'a = 1\nb = 2\n[[t]]\nc = 3\n[[t]]\nd = 4\ne = 5', 'a.b = 1\n[a.c]\nx = 1\ny.z = 2\n[a]\nw = 3'],
      inserts: [' ', '#', '\n', '[', ']', '"', 'x', '=', '[t]\n', '-', '.', '[[', 'a.', '{'],
    },
  };
  for (const kind of ['yaml', 'toml'] as const) {
    it(`${kind}: a change at any position of small texts, read with the pieces of the text before, reads as the whole`, () => {
      for (const base of EVERYWHERE[kind].texts) {
        for (let at = 0; at <= base.length; at++) {
          const edits = [...EVERYWHERE[kind].inserts.map((s) => base.slice(0, at) + s + base.slice(at)), base.slice(0, at) + base.slice(at + 1)];
          for (const edited of edits) {
            const pieces = new FrontMatterPieces();
            inPieces(kind, base, pieces);
            same(kind, edited, pieces, ` (after ${JSON.stringify(base)})`);
            same(kind, base, pieces, ` (back from ${JSON.stringify(edited)})`);
          }
        }
      }
    });
  }

  it('yaml: Enter in the middle of a value (a line in the first column with no key) reads as the whole, at any place', () => {
    const bases = [
      'a: one two\nb: three four\nc: five six\nd: seven\ne: eight',
      'a: one two\nb:\n  x: deep value\nc: "quoted value"\nd: plain value here\n# note\ne: 5',
      'a: &x one two\nb: *x\nc: three four\nb: again\nd: five six',
      'a: one\nb: [1, 2]\nc: two words\nd: |\n  block text\ne: last words\nf: 1',
      'a: one two\nb: three\n- item\nc: four five\nd: six',
      'a: 1\nb: two three\na: 4\nc: five six\nd: seven',
    ];
    let windows = 0;
    for (const base of bases) {
      for (let at = 0; at <= base.length; at++) {
        for (const insert of ['\n', '\nword', '\nword word\n', '\nword: 1']) {
          const edited = base.slice(0, at) + insert + base.slice(at);
          const pieces = new FrontMatterPieces();
          inPieces('yaml', base, pieces);
          same('yaml', edited, pieces, ` (after ${JSON.stringify(base)})`);
          if (whole('yaml', edited).errors.length > 0) windows++;
        }
      }
    }
    assert.ok(windows > 100, `${windows} edited texts with an error`);
  });

  it('yaml: Enter in the middle of a value of a large front matter parses a window, not the whole text', () => {
    const keys = Array.from({ length: 4000 }, (_, i) => `key${i}: some value number ${i}`).join('\n');
    const at = keys.indexOf('some value number 2000') + 5;
    const edited = `${keys.slice(0, at)}\n${keys.slice(at)}`;
    const pieces = new FrontMatterPieces();
    inPieces('yaml', keys, pieces);
    same('yaml', edited, pieces);
    // The first error, read from the window (its ranges parse the whole text only when asked for).
    const fm = inPieces('yaml', edited, pieces);
    assert.match(fm.errors[0]!.message, /Implicit keys need to be on a single line/);
    assert.equal(pieces.wholeLastRun, false, 'the whole text was parsed');
  });

  it('yaml: a large front matter of entries the parser must read (read whole, then taken apart) reads as the whole, before and after edits', function () {
    this.timeout(120_000);
    const r = rng(13);
    const entries = Array.from({ length: 1600 }, (_, i) => {
      const tricky = YAML_CASES[i % YAML_CASES.length]!;
      // Mostly nested entries; every 50th a tricky text (which may make the whole text invalid, then valid again).
      if (i % 50 === 49) return tricky;
      // Some with an alias (of an anchor in the same entry), which stay to be parsed alone.
      return i % 7 === 0 ? `key${i}:\n  a: ${i}\n  c: &x${i} {d: 1}\n  e: *x${i}` : `key${i}:\n  a: ${i}\n  b: [1, "two"]\n  c: {d: 1} # note`;
    });
    // An alias of an anchor in another entry: valid now, an error once the anchor is renamed below.
    let text = `base: &b {x: 1}\nref:\n  y: *b\n${entries.filter((_, i) => i % 50 !== 49).join('\n')}`;
    assert.ok(text.length > 80_000);
    const pieces = new FrontMatterPieces();
    same('yaml', text, pieces, ' (new)', 23);
    // An edit of one value: the entries taken from the whole text's document are kept; the edited one and those
    // with an alias are parsed alone.
    const at = text.indexOf('a: 800') + 4;
    text = `${text.slice(0, at)}9${text.slice(at)}`;
    same('yaml', text, pieces, ' (one value)', 23);
    assert.ok(pieces.parsedLastRun === 1 && pieces.reusedLastRun > 1500, `parsed ${pieces.parsedLastRun}, kept ${pieces.reusedLastRun}`);
    text = text.replace('&b', '&c');
    same('yaml', text, pieces, ' (anchor renamed)', 23);
    assert.equal(whole('yaml', text).errors.length, 1);
    text = text.replace('&c', '&b');
    same('yaml', text, pieces, ' (anchor back)', 23);
    for (let i = 0; i < 6; i++) {
      if (i === 3) text = entries.join('\n');
      else text = randomEdit(text, r);
      same('yaml', text, pieces, ` (edit ${i})`, 23);
    }
  });

  it('yaml: a large front matter of errors reads as the whole, and an edit parses only the text up to the first error', function () {
    this.timeout(120_000);
    const bad = (i: number) => `k${i}: [a, : b } ]`;
    for (const head of ['', 'title: x\n', Array.from({ length: 3000 }, (_, i) => `n${i}:\n  a: [${i}]`).join('\n') + '\n', 'a: "open\n']) {
      let text = head + Array.from({ length: 6000 }, (_, i) => bad(i)).join('\n');
      const pieces = new FrontMatterPieces();
      same('yaml', text, pieces, ' (new)', 97);
      const at = text.indexOf(bad(3000)) + 2;
      text = `${text.slice(0, at)}x${text.slice(at)}`;
      same('yaml', text, pieces, ' (edit)', 97);
      assert.ok(pieces.parsedLastRun <= 1, `parsed ${pieces.parsedLastRun}`);
      // The first error fixed: the next one is found.
      text = text.replace(': [a, : b } ]', ': [a, b]');
      same('yaml', text, pieces, ' (first fixed)', 97);
    }
  });

  it('yaml: a repeated key before entries the parser must read: as the whole says up to 64 KB; over it, not read, and an edit reads as a new text', () => {
    const text = (n: number) => `title: a\ntitle: b\n${Array.from({ length: n }, (_, i) => `key${i}: [a, ${i}]`).join('\n')}`;
    const small = text(2_000);
    assert.ok(small.length < 64 * 1024);
    same('yaml', small);
    assert.equal(inPieces('yaml', small).errors[0]?.message, 'Front matter is not valid YAML: Map keys must be unique');
    // Over 64 KB (these entries took 1.5 s each keystroke at 1 MB: the whole text parsed again).
    let large = text(12_500);
    const pieces = new FrontMatterPieces();
    for (let k = 0; k < 3; k++) {
      const fm = inPieces('yaml', large, pieces);
      assert.match(fm.errors[0]?.message ?? '', /^Front matter is not read: it is \d+ KB, and more than 64 KB of it needs the full YAML parser/);
      if (k > 0) assert.ok(pieces.parsedLastRun <= 1 && !pieces.wholeLastRun, `edit ${k}: parsed ${pieces.parsedLastRun}, whole ${pieces.wholeLastRun}`);
      const fresh = inPieces('yaml', large);
      assert.deepEqual([fm.errors, fm.data], [fresh.errors, fresh.data], 'an edit reads as a new text');
      const at = large.indexOf(`key${6_000 + k}: [a,`) + 10;
      large = `${large.slice(0, at)}x${large.slice(at)}`;
    }
  });

  it('yaml: over 64 KB, what is read depends on the text alone: random edits read as new texts', function () {
    this.timeout(120_000);
    const r = rng(29);
    const kinds = [
      (i: number) => `key${i}: some value ${i}`,
      (i: number) => `k${i}:\n  a: ${i}\n  b: [x, "y"]`,
      (i: number) => `f${i}: [a, ${i}]`,
      (i: number) => (i % 40 === 0 ? `b${i}: &b${i} {x: 1}\nr${i}: *b${i}` : `plain${i}: ${i}`),
      (i: number) => (i % 97 === 0 ? `bad${i}: [a, : b } ]` : `ok${i}: ${i}`),
    ];
    for (let doc = 0; doc < 6; doc++) {
      const mix = [kinds[0]!, kinds[1 + (doc % 4)]!, kinds[(doc * 3) % 5]!];
      let text = Array.from({ length: 2_500 + Math.floor(r() * 2_500) }, (_, i) => mix[Math.floor(r() * mix.length)]!(i)).join('\n');
      const pieces = new FrontMatterPieces();
      for (let e = 0; e < 12; e++) {
        const read = inPieces('yaml', text, pieces);
        const fresh = inPieces('yaml', text);
        assert.deepEqual([read.errors, read.data], [fresh.errors, fresh.data], `document ${doc}, edit ${e} (${text.length} characters)`);
        text = randomEdit(text, r);
      }
    }
  });

  it('yaml: over 64 KB, a front matter its entries cannot settle is not parsed whole, at open or at any keystroke', () => {
    const shapes: Array<[string, (i: number) => string]> = [
      ['lines of ":" (empty keys)', () => ':'],
      ['merge keys of an anchor in another entry', (i) => `k${i}:\n  <<: *b\n  z: ${i}`],
      ['complex keys', (i) => `? [a${i}, b]\n: v`],
      ['JSON-style keys', (i) => `"k${i}": v`],
    ];
    for (const [name, entry] of shapes) {
      const text = (n: number) => `base: &b {x: 1}\n${Array.from({ length: n }, (_, i) => entry(i)).join('\n')}`;
      // Up to 64 KB: read as the parser reads it.
      const small = text(200);
      assert.ok(small.length < 64 * 1024);
      const before = refused;
      same('yaml', small, undefined, ` (${name}, small)`);
      assert.equal(refused, before, name);
      // Over it: one error on the opening fence, no data, and the parser never asked for the whole.
      let large = text(40_000);
      assert.ok(large.length > 64 * 1024);
      const pieces = new FrontMatterPieces();
      for (let k = 0; k < 3; k++) {
        const fm = inPieces('yaml', large, pieces);
        assert.equal(fm.errors.length, 1, name);
        assert.match(fm.errors[0]!.message, NOT_READ_WHOLE);
        assert.deepEqual(fm.errors[0]!.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } });
        assert.deepEqual(fm.data, {});
        assert.equal(pieces.wholeLastRun, false, `${name}: keystroke ${k}`);
        const at = Math.floor(large.length / 2);
        large = `${large.slice(0, at)}x${large.slice(at)}`;
      }
    }
    // Typing at the start of an indented line of nested entries (a line no entry reads alone), past the first 64 KB:
    // not read, at once (the whole text was parsed at each keystroke).
    let nested = `${Array.from({ length: 3_000 }, (_, i) => `key${i}: some value ${i}`).join('\n')}\n${Array.from({ length: 1_000 }, (_, i) => `k${i}:\n  a: ${i}\n  b: x`).join('\n')}`;
    const pieces = new FrontMatterPieces();
    assert.deepEqual(inPieces('yaml', nested, pieces).errors, []);
    const at = nested.indexOf('  a: 500');
    assert.ok(at > 64 * 1024);
    nested = `${nested.slice(0, at)}x${nested.slice(at)}`;
    const fm = inPieces('yaml', nested, pieces);
    assert.match(fm.errors[0]?.message ?? '', /^Front matter is not read: it is \d+ KB, and front matter over 64 KB is read one top-level entry at a time/);
    assert.equal(pieces.wholeLastRun, false);
    const fresh = inPieces('yaml', nested);
    assert.deepEqual([fm.errors, fm.data], [fresh.errors, fresh.data], 'an edit reads as a new text');
    // More than 64 KB of entries only the parser reads: not read at all, at once.
    const many = Array.from({ length: 20_000 }, (_, i) => `k${i}:\n  a: ${i}\n  b: x`).join('\n');
    assert.match(inPieces('yaml', many).errors[0]?.message ?? '', /^Front matter is not read: it is 487 KB, and more than 64 KB of it needs the full YAML parser/);
  });

  it('yaml: a long block sequence of one-line items (read without the parser) reads as the whole, before and after edits', () => {
    const r = rng(17);
    const values = ['name', '1', 'true', '~', '"q"', "'s'", 'a b', 'x:y', '0x1F', '2024-01-01', 'null', '.inf'];
    let text = `title: x\nresponders:\n${Array.from({ length: 3000 }, (_, i) => `  - ${values[i % values.length]}${i % 3 === 0 ? '' : i}`).join('\n')}\nz: 1\n`;
    const pieces = new FrontMatterPieces();
    same('yaml', text, pieces, ' (new)');
    for (let i = 0; i < 30; i++) {
      text = randomEdit(text, r);
      same('yaml', text, pieces, ` (edit ${i})`);
    }
  });

  it('yaml: many aliases of one anchor read as the whole (the parser refuses more than 100), before and after edits', () => {
    const r = rng(19);
    for (const anchor of ['&a {x: 1}', '&a []', '&a 1', '&a\n  - [1]', '&a [*b]']) {
      for (const count of [99, 100, 101, 3000]) {
        let text = `b: &b 0\nbase: ${anchor}\n${Array.from({ length: count }, (_, i) => `k${i}: *a`).join('\n')}\n`;
        const pieces = new FrontMatterPieces();
        same('yaml', text, pieces, ' (new)', 37);
        for (let i = 0; i < 8; i++) {
          text = randomEdit(text, r);
          same('yaml', text, pieces, ` (edit ${i})`, 37);
        }
      }
    }
  });

  it('an edit in one entry of a large front matter parses only that entry again', () => {
    for (const [kind, line] of [['yaml', (i: number) => `key${i}: value ${i}`], ['toml', (i: number) => `key${i} = "value ${i}"`]] as const) {
      const value = Array.from({ length: 2000 }, (_, i) => line(i)).join('\n');
      const pieces = new FrontMatterPieces();
      inPieces(kind, value, pieces);
      assert.equal(pieces.parsedLastRun, 2000, kind);
      const mid = value.indexOf(line(1000)) + 5;
      const edited = `${value.slice(0, mid)}x${value.slice(mid)}`;
      const fm = inPieces(kind, edited, pieces);
      assert.equal(pieces.parsedLastRun, 1, kind);
      // TOML's cutter reads 64 characters into a line (an indented key's "="): the pieces that close to the edit are
      // cut again and found by their text, not parsed.
      assert.equal(pieces.reusedLastRun, kind === 'yaml' ? 1999 : 1996, kind);
      assert.equal(Object.keys(fm.data).length, 2000, kind);
      same(kind, edited, pieces);
    }
  });
});

describe('front matter: large TOML', () => {
  // Shapes whose pieces were parsed whole at every keystroke (1 MB: 0.1–0.2 s), or read as one piece.
  const SHAPES: Record<string, (i: number) => string> = {
    'sub-tables': (i) => `[a.t${i}]\nx = ${i}`,
    'dotted keys': (i) => `a.k${i} = ${i}`,
    'array of tables': (i) => `[[ev]]\nat = ${i}\nwhat = "x"\n[ev.more]\ny = 'z'`,
    'one table of keys': (i) => (i === 0 ? '[params]\n' : '') + `key${i} = "value ${i}"`,
    'indented keys of tables': (i) => (i % 50 === 0 ? `[t${i}]\n` : '') + `  key${i} = "value ${i}"`,
    'quoted keys': (i) => `"key ${i}" = ${i}`,
    'dotted keys in tables': (i) => `[t${i}]\na.b = ${i}\na.c = true\n[t${i}.a.d]\ne = 1`,
    'mixed values': (i) => `k${i} = ${['1', '"s"', "'l'", 'true', '[1, 2]', '{ x = 1 }', '1979-05-27', '3.5', '"esc\\n"', '-7'][i % 10]}`,
  };

  it('a large front matter of tables and dotted keys reads as the whole, and an edit parses only the piece it touched', () => {
    const r = rng(31);
    for (const [name, line] of Object.entries(SHAPES)) {
      let text = Array.from({ length: 6000 }, (_, i) => line(i)).join('\n');
      assert.ok(text.length > 64 * 1024, name);
      const pieces = new FrontMatterPieces();
      const fresh = inPieces('toml', text, pieces);
      assert.deepEqual(fresh.errors, [], name);
      assert.deepEqual(fresh.data, whole('toml', text).data, name);
      const mid = text.indexOf('\n', text.length >> 1) + 1;
      const edited = `${text.slice(0, mid)}x${text.slice(mid)}`;
      inPieces('toml', edited, pieces);
      assert.ok(pieces.parsedLastRun <= 2, `${name}: parsed ${pieces.parsedLastRun}`);
      same('toml', edited, pieces, ` (${name}, edited)`, 97);
      for (let k = 0; k < 30; k++) {
        text = randomEdit(text, r);
        same('toml', text, pieces, ` (${name}, edit ${k})`, 97);
      }
    }
  });

  it('over 64 KB, an array of tables a piece read alone made (quoted, or with an indented "[" line) is not said to be defined twice', () => {
    const keys = Array.from({ length: 8000 }, (_, i) => `key${i} = "value ${i}"`).join('\n');
    for (const tail of ['[["a"]]\n[[a]]\nx = 1', '[[a]]\n"s" = \'\'\'\n  [b]\n\'\'\'\n[[a]]\nz = 3', '[[a]]\n"x" = [\n  [1]]\n[[a]]']) {
      const text = `${keys}\n${tail}`;
      assert.deepEqual(whole('toml', text).errors, [], tail);
      same('toml', text, undefined, ` (${JSON.stringify(tail)})`);
    }
  });

  it('over 64 KB, a front matter its pieces cannot settle is not parsed whole: one error at the line, or the key defined twice', () => {
    const keys = Array.from({ length: 8000 }, (_, i) => `key${i} = "value ${i}"`);
    const at = (lines: string[], k: number, insert: string) => [...lines.slice(0, k), insert, ...lines.slice(k)].join('\n');
    const cases: Array<[string, string, RegExp, number]> = [
      ['a multi-line string', at(keys, 5000, 'm = """\nline\n"""'), /^Front matter is not read: it is \d+ KB, over 64 KB a TOML front matter is read a table or key at a time, and what starts on line 5001 cannot be read alone \(/, 5000],
      ['a key defined twice', at(keys, 5000, 'key7 = 1'), /^Front matter is not valid TOML: "key7" is defined twice\.$/, 5000],
      ['a table defined twice', `${keys.join('\n')}\n[t]\nx = 1\n[t]\ny = 2`, /^Front matter is not valid TOML: "t" is defined twice\.$/, 8002],
      ['a key of 300 dotted parts', `${keys.join('\n')}\n${Array.from({ length: 300 }, (_, i) => `k${i}`).join('.')} = 1`, /^Front matter is not read: .* what starts on line 8001 cannot be read alone \(a key of more than 128 dotted parts;/, 8000],
      ['an inline table extended', `${keys.join('\n')}\nt = { x = 1 }\nt.y = 2`, /^Front matter is not read: .* the table or key on line 8002 extends one defined before it/, 8001],
    ];
    for (const [name, text, message, line] of cases) {
      assert.ok(text.length > 64 * 1024);
      const pieces = new FrontMatterPieces();
      const fm = inPieces('toml', text, pieces);
      assert.equal(fm.errors.length, 1, name);
      assert.match(fm.errors[0]!.message, message, name);
      assert.equal(fm.errors[0]!.range.start.line, 4 + line, name);
      assert.deepEqual(fm.data, {}, name);
      assert.ok(whole('toml', text).errors.length === 1 || name === 'a multi-line string' || name.startsWith('a key of'), `${name}: the whole has an error too`);
      // An edit elsewhere parses one piece, not the whole.
      const edited = `x${text}`;
      inPieces('toml', edited, pieces);
      assert.ok(pieces.parsedLastRun <= 2, `${name}: parsed ${pieces.parsedLastRun}`);
    }
  });
});

describe('front matter: large block sequences read item by item', () => {
  // Every sequence is read item by item here (in use, from 8 KB on), so small texts try each rule.
  // Windows (sequenceError) start at one item and double, so that an error is found inside a window of a small text.
  let before: [number, number] = [0, 0];
  beforeEach(() => {
    before = setSequenceItemsFrom(0, 1);
  });
  afterEach(() => {
    setSequenceItemsFrom(...before);
  });

  // Items that can cross into the next (open quotes and flow collections), that the parser must read (mappings,
  // nested lists, block scalars, anchors, aliases, tags), at other indentations, with tabs, comments, errors.
  const ITEMS: readonly string[] = [
    '- a', '- b c', '- 1', '- "q"', "- 's'", '- ~', '- 2024-01-01T10:00:00Z', '- x:y', '-', '- ', '-  z',
    '- a: 1', '- a: 1\n  b: 2', '- a: 1\n  a: 2', '- {a: 1, a: 2}', '- [1, 2]', '- {x: [1, {y: 2}]}',
    '- - x', '- - x\n  - y', '- - - x', '-\tx', '- x\t', '- \tx', '-\t- x',
    '- |\n  block\n  text', '- |+\n  keep\n\n', '- >-\n  folded\n\n  more', '- |2\n   x', '- |\n x',
    '- multi\n  line plain', '- multi\n line', '- "multi\n  line"', "- 'it''s'", '- "esc\\n\\u00e9"', '- "bad\\q"',
    '- &a x', '- *a', '- &b [1]', '- !!str 1', '- !!int x', '- ? a\n  : b', '- ? [a]\n  : b',
    '- a # c', '- a\n  # c', '- a\n# c', '- a\n\n', '- a\n  \n', '- b #c',
    '- [bad', '- [a, : b } ]', '- "open', "- 'open", '- {open', '- @x', '- `x', '- %x', '- a: b: c', '- a: [1,\n  2]',
    '- [a,\n  b]', '- [a,\nb]', '- "a\n  - b"', '- x\n   - y', '- x\n - y', '- x\n    - y', '- x\n  y: 1',
    '- title: Outage: db down', '- a: x\n    b: 1', '- a:\n  - b', '- a:\n    - b\n    - c', '- ---', '- ...', '- a\u00a0b',
    // Lines that leave the sequence: at its indentation but not an item, or less indented.
    'x- b', '-- [a,', '- a\nx', ' - b', '- a\n - b: c',
  ];
  const HEADS = ['', 'title: x\n', 'a: 1\nb:\n  c: 1\n', 'base: &a {x: 1}\n', 'r: 1\n', 'k:\n  - x\n', 'a: "open\n', 'a: [}\n'];
  const TAILS = ['', '\n', 'z: 1', 'z: 1\nr: 2', '# c\n  - more', 'z: "q', 'z: *a', 'z: [}\nr: 1', 'a:\n  x: 1\n  x: 2', 'r: [1]\n\n'];

  function sequence(r: () => number, n: number, indent: string): string {
    const lines = Array.from({ length: n }, () => {
      const item = r() < 0.6 ? `- item${Math.floor(r() * 100)}` : ITEMS[Math.floor(r() * ITEMS.length)]!;
      return item
        .split('\n')
        .map((line) => (line === '' ? line : indent + line))
        .join('\n');
    });
    return lines.join('\n');
  }

  it('sequences of tricky items, with pieces before and after, read as the parser reads them whole', () => {
    for (const item of ITEMS) {
      for (const indent of ['', '  ', '    ']) {
        const list = ['- a', item, '- b'].map((i) => i.split('\n').map((l) => (l === '' ? l : indent + l)).join('\n')).join('\n');
        for (const head of ['', 'title: x\n']) for (const tail of ['', '\nz: 1']) same('yaml', `${head}r:\n${list}${tail}`);
        same('yaml', `r:\n${indent}- a\n${item.split('\n').map((l) => indent + l).join('\n')}`);
      }
    }
  });

  it('generated sequences, then seeded edits read with the pieces of the text before, read as the whole', function () {
    this.timeout(120_000);
    const r = rng(Number(process.env['POSTMORTEM_FM_SEED'] ?? 23));
    const edits = Number(process.env['POSTMORTEM_FM_EDITS'] ?? 800);
    let pieces = new FrontMatterPieces();
    let text = '';
    for (let i = 0; i < edits; i++) {
      if (i % 20 === 0) {
        const indent = ['', '  ', '    ', ' '][Math.floor(r() * 4)]!;
        text = `${HEADS[Math.floor(r() * HEADS.length)]!}list:\n${sequence(r, 5 + Math.floor(r() * 40), indent)}\n${TAILS[Math.floor(r() * TAILS.length)]!}`;
        pieces = new FrontMatterPieces();
        same('yaml', text, pieces, ' (new)');
      }
      // Mostly edits inside the list; now and then a whole item replaced or added.
      const roll = r();
      if (roll < 0.15) {
        const lines = text.split('\n');
        const at = Math.floor(r() * lines.length);
        const indent = /^ */.exec(lines[Math.min(at + 1, lines.length - 1)]!)![0];
        lines.splice(at, r() < 0.5 ? 1 : 0, ...ITEMS[Math.floor(r() * ITEMS.length)]!.split('\n').map((l) => indent + l));
        text = lines.join('\n');
      } else text = randomEdit(text, r);
      same('yaml', text, pieces, ` (edit ${i})`);
    }
  });

  it('a long sequence with one broken item (last, middle, first) reads as the whole, before and after edits anywhere', function () {
    this.timeout(120_000);
    const r = rng(29);
    for (const bad of ['- [bad', '- [a, : b } ]', '- "open', "- 'open", '- @x', '- {a: 1, a: 2} [', '- a: b: c', '- "x\\q"', '- *a']) {
      for (const where of [0, 0.5, 1]) {
        const items = Array.from({ length: 3000 }, (_, i) => (i % 10 === 0 ? `  - name: n${i}\n    role: r` : `  - item ${i}`));
        items.splice(Math.floor(where * items.length), 0, `  ${bad}`);
        let text = `title: x\ntags:\n${items.join('\n')}\nz: 1`;
        const pieces = new FrontMatterPieces();
        same('yaml', text, pieces, ` (new: ${bad} at ${where})`, 7);
        for (let i = 0; i < 8; i++) {
          // At a line's end, or in its indentation (the line then leaves the sequence: an error too).
          const at = Math.floor(r() * text.length);
          const nl = i % 2 ? text.indexOf('\n', at) : text.indexOf('\n', at) + 2;
          text = i === 5 ? text.replace(bad, '- fixed') : `${text.slice(0, nl)}${EDIT_SNIPPETS[Math.floor(r() * EDIT_SNIPPETS.length)]!}${text.slice(nl)}`;
          same('yaml', text, pieces, ` (${bad} at ${where}, edit ${i})`, 7);
        }
      }
    }
  });

  it('a repeated key before the broken item wins, as in the whole', () => {
    const items = Array.from({ length: 200 }, (_, i) => `  - item ${i}`);
    for (const [head, mid, tail] of [
      ['a: 1\na: 2\n', '', ''],
      ['tags: 1\n', '', ''],
      ['', '  - {x: 1, x: 2}\n', ''],
      ['', '  - x: 1\n    x: 2\n', ''],
      ['', '', '\ntags: 2'],
      ['a:\n  y: 1\n  y: 2\n', '', ''],
    ]) {
      for (const bad of ['  - [bad', '  - @x', '  - {a: 1, a: 2, : }']) {
        const list = [...items.slice(0, 100), ...(mid ? [mid.trimEnd()] : []), ...items.slice(100), bad, ...items.slice(0, 50)];
        same('yaml', `${head}tags:\n${list.join('\n')}${tail}`);
      }
    }
  });
});

describe('front matter nested too deep', () => {
  // "- - - …" is a list nested once per "- ": the parser recursed once per level and overflowed its stack or not
  // depending on how deep the stack already was (a fuzz case: from scratch and after an edit said different things).
  for (const [what, value] of [
    ['compact lists on one line', `title: x\n${'- '.repeat(8000)}y\nstatus: draft`],
    ['a staircase of indented lists', `title: x\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- a`).join('\n')}`],
    // The shortest lines that go past the limit (the check first looks for a line of 256 characters or more).
    ['compact lists just past the limit', `title: x\n${'- '.repeat(256)}y\nstatus: draft`],
    ['a staircase of one-space steps', `title: x\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}- a`).join('\n')}`],
    ['a staircase of maps, one-space steps', `title: x\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')}`],
  ]) {
    it(`${what}: refused before parsing, with the line, whole or in pieces`, () => {
      const lines = value.split('\n');
      const whole = parseFrontMatter('yaml', value, 0, lines.length + 2, 3, 'whole');
      assert.equal(whole.errors.length, 1);
      assert.match(whole.errors[0]!.message, /nested more than 256 deep/);
      assert.ok(whole.errors[0]!.range.start.line >= 1 && whole.errors[0]!.range.start.line <= lines.length, `line ${whole.errors[0]!.range.start.line}`);
      const pieces = parseFrontMatter('yaml', value, 0, lines.length + 2, 3, new FrontMatterPieces());
      assert.deepEqual(JSON.parse(JSON.stringify(pieces)), JSON.parse(JSON.stringify(whole)));
    });
  }
  it('a list nested 200 deep is read by the parser', () => {
    const value = `x: ${'- '.repeat(200)}y`;
    const fm = parseFrontMatter('yaml', value, 0, 3, 3, 'whole');
    assert.ok(!fm.errors.some((e) => /nested more than/.test(e.message)), JSON.stringify(fm.errors));
  });
});

describe('front matter with many aliases', () => {
  // yaml's toJS reads every anchor and alias before each alias it resolves: 40,000 anchors each with an alias took 5 s.
  const list = (n: number, indent = '  ') => Array.from({ length: n }, (_, i) => (i % 2 ? `${indent}- *a${i - 1}` : `${indent}- &a${i} v${i}`)).join('\n');
  for (const [what, value] of [
    ['a list of anchors and their aliases', `title: x\ntags:\n${list(10_000)}`],
    ['top-level keys with anchors and aliases', `title: x\n${Array.from({ length: 10_000 }, (_, i) => (i % 2 ? `k${i}: *a${i - 1}` : `k${i}: &a${i} {v: ${i}}`)).join('\n')}`],
    // Each key's list alone resolves few; together too many.
    ['keys whose lists each hold a few', `title: x\n${Array.from({ length: 25 }, (_, k) => `k${k}:\n${Array.from({ length: 400 }, (_, i) => (i % 2 ? `  - *a${k}x${i - 1}` : `  - &a${k}x${i} v`)).join('\n')}`).join('\n')}`],
  ]) {
    it(`${what}: not resolved, with an error saying why, whole or in pieces`, () => {
      const lines = value.split('\n');
      const whole = parseFrontMatter('yaml', value, 0, lines.length + 2, 3, 'whole');
      assert.deepEqual(whole.data, {});
      assert.equal(whole.errors.length, 1);
      assert.match(whole.errors[0]!.message, /^Front matter could not be read: its 5,000 aliases \(\*name\) of 5,000 anchors \(&name\) would take too long to resolve; use fewer aliases$/);
      same('yaml', value, undefined, '', 50); // every 50th key's ranges: each asks the whole text
    });
  }
  it('a few hundred aliases are resolved as the parser resolves them', () => {
    const value = `title: x\ntags:\n${list(400)}`;
    const fm = parseFrontMatter('yaml', value, 0, 405, 3, 'whole');
    assert.deepEqual(fm.errors, []);
    assert.equal((fm.data['tags'] as unknown[]).length, 400);
    assert.equal((fm.data['tags'] as unknown[])[399], 'v398');
    same('yaml', value);
  });
});
