// A document too large to check (size-limit.ts): one too-large finding on a post-mortem, nothing on any other
// document, no model kept, and the next analysis of a document within the bounds as if the large one never was.
import * as assert from 'node:assert/strict';
import { analyze, fixAll, IncrementalAnalyzer, MAX_CHECKED_CHARS, MAX_CHECKED_LINES, oversize, timelineFigureFor, TOO_LARGE } from '../../src/core';
import { doc } from './helpers';

const HEAD = doc('---', 'type: postmortem', 'status: draft', '---', '# Post-mortem: checkout', '', '## Overview', '', 'It broke.', '');
/** `head` then lines of `line` until the text has `lines` lines. */
const withLines = (head: string, line: string, lines: number, eol = '\n'): string => head + `${line}${eol}`.repeat(lines - head.split('\n').length) + line;

describe('documents too large to check', () => {
  const cases: Array<[string, string, { chars: number; lines: number | undefined } | undefined]> = [
    ['at the character bound', 'x'.repeat(MAX_CHECKED_CHARS), undefined],
    ['one character over it', 'x'.repeat(MAX_CHECKED_CHARS + 1), { chars: MAX_CHECKED_CHARS + 1, lines: undefined }],
    ['at the line bound (LF)', '\n'.repeat(MAX_CHECKED_LINES - 1), undefined],
    ['one line over it (LF)', '\n'.repeat(MAX_CHECKED_LINES), { chars: MAX_CHECKED_LINES, lines: MAX_CHECKED_LINES + 1 }],
    ['one line over it (CRLF, counted once each)', '\r\n'.repeat(MAX_CHECKED_LINES), { chars: 2 * MAX_CHECKED_LINES, lines: MAX_CHECKED_LINES + 1 }],
    ['at the line bound (CRLF)', '\r\n'.repeat(MAX_CHECKED_LINES - 1), undefined],
    ['one line over it (lone CR)', '\r'.repeat(MAX_CHECKED_LINES), { chars: MAX_CHECKED_LINES, lines: MAX_CHECKED_LINES + 1 }],
    ['one line over it (LF and lone CR mixed)', 'a\nb\r'.repeat(MAX_CHECKED_LINES / 2), { chars: 2 * MAX_CHECKED_LINES, lines: MAX_CHECKED_LINES + 1 }],
  ];
  for (const [name, text, expected] of cases) {
    it(`oversize: ${name}`, () => assert.deepEqual(oversize(text), expected));
  }

  it('a post-mortem over the bounds gets one too-large warning, and nothing else', () => {
    const text = withLines(HEAD, '#', MAX_CHECKED_LINES + 10);
    const a = analyze(text);
    assert.deepEqual(
      a.findings.map((f) => [f.code, f.severity, f.range.start.line]),
      [[TOO_LARGE, 'warning', 0]],
    );
    assert.match(a.findings[0]!.message, /^This document is too large to check: 1,500,010 lines \(the limit is 1,500,000\)\./);
    assert.deepEqual(a.findings[0]!.data, { chars: text.length, lines: MAX_CHECKED_LINES + 10 });
    // Not read: an empty model, and no features acting on a part of it.
    assert.equal(a.model.lines.length, 1);
    assert.equal(a.model.sections.length, 0);
    assert.equal(a.isPostmortem, false);
  });

  it('a post-mortem over the character bound says how many megabytes', () => {
    const a = analyze(HEAD + 'x'.repeat(MAX_CHECKED_CHARS));
    assert.match(a.findings[0]!.message, /^This document is too large to check: 8\.0 MB \(the limit is 8\.0 MB\)\. .*split it/);
  });

  it('any other document over the bounds gets nothing; checked on request, the warning', () => {
    const text = withLines('# Notes\n\nPlain notes.\n', 'x', MAX_CHECKED_LINES + 1);
    assert.deepEqual(analyze(text).findings, []);
    assert.deepEqual(analyze(text, { force: true }).findings.map((f) => f.code), [TOO_LARGE]);
    // A post-mortem by its path (the default globs) is one too.
    assert.deepEqual(analyze(text, { path: 'postmortems/2026-11-20-checkout.md' }).findings.map((f) => f.code), [TOO_LARGE]);
  });

  it('an editor\'s analyzer: too large, then within the bounds again, reads as from scratch', () => {
    const analyzer = new IncrementalAnalyzer();
    const small = HEAD + '## Impact\n\n3,200 users.\n';
    analyzer.analyze(small);
    const big = withLines(small, '- x', MAX_CHECKED_LINES + 1);
    assert.deepEqual(analyzer.analyze(big).findings.map((f) => f.code), [TOO_LARGE]);
    const edited = `${small}\n## Timeline\n\n- 10:00 deploy\n`;
    assert.deepEqual(analyzer.analyze(edited).findings, analyze(edited).findings);
  });

  it('gets no timeline figure in the preview', () => {
    const timeline = HEAD + '## Timeline\n\n- 10:00 UTC deploy\n- 10:05 UTC alert fired (detected)\n- 10:30 UTC rolled back (mitigated)\n';
    assert.ok(timelineFigureFor(timeline), 'a figure within the bounds');
    assert.equal(timelineFigureFor(withLines(timeline, '', MAX_CHECKED_LINES + 1)), undefined);
  });

  it('is not fixed: fixAll leaves the text and says why', () => {
    const text = withLines(HEAD, '#', MAX_CHECKED_LINES + 1);
    const r = fixAll(text);
    assert.equal(r.text, text);
    assert.deepEqual(r.applied, []);
    assert.match(r.unchecked ?? '', /^This document is too large to check/);
  });
});
