// Export as HTML: the page (title, metadata, durations, timeline figure, Mermaid), its sanitising, and the CLI
// function that writes it without overwriting.
import * as assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel, ganttEdit, mermaidGantt } from '../../src/core';
import { postmortemHtml } from '../../src/export/html';
import { exportHtmlFiles, htmlPathFor } from '../../src/cli/export-html';
import { ROOT, doc } from './helpers';

const CSS = readFileSync(join(ROOT, 'media', 'timeline.css'), 'utf8');
const TEXT = doc(
  '---',
  'type: postmortem',
  'title: Checkout latency',
  'severity: SEV2',
  'status: final',
  '---',
  '',
  '# Checkout latency',
  '',
  '## Overview',
  '',
  'Checkout was slow. <script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3))',
  '',
  '<iframe src="https://evil.example"></iframe>',
  '',
  '## Timeline',
  '',
  'All times UTC.',
  '',
  '- **2026-11-25 13:58 UTC** — **Started:** Deploy 4812.',
  '- **2026-11-25 14:10 UTC** — **Detected:** Alert.',
  '- **2026-11-25 14:45 UTC** — **Mitigated:** Rolled back.',
  '- **2026-11-25 16:03 UTC** — **Resolved:** Drained.',
  '',
);

describe('export as HTML', () => {
  it('renders the post-mortem with its metadata, durations and timeline figure, self-contained', () => {
    const html = postmortemHtml(TEXT, { timelineCss: CSS, path: 'x/checkout.md' });
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<title>Checkout latency<\/title>/);
    assert.match(html, /<h1>Checkout latency<\/h1>\n<dl class="pm-meta"><dt>Severity<\/dt><dd>SEV2<\/dd><dt>Status<\/dt><dd>final<\/dd><\/dl>/);
    assert.match(html, /<tr><th scope="row">Time to detect<\/th><td>12 min <small>\(started → detected\)<\/small><\/td><\/tr>/);
    assert.match(html, /<tr><th scope="row">Time to resolve<\/th><td>2 h 05 min/);
    assert.ok(html.includes('<figure class="pm-timeline"'));
    assert.ok(html.includes('.pm-tl-band'), 'the timeline stylesheet is inlined');
    assert.ok(!html.includes('type: postmortem'), 'front matter is not shown as text');
    assert.ok(!/<link|<script src/i.test(html), 'nothing is loaded from elsewhere');
  });

  it('sanitises: raw HTML is text, script links are not links, and the CSP allows no script', () => {
    const html = postmortemHtml(TEXT, { timelineCss: CSS });
    assert.ok(!/<script/i.test(html));
    assert.ok(!/<img[^>]*onerror/i.test(html));
    assert.ok(!/<iframe/i.test(html));
    assert.ok(!/href="javascript:/i.test(html));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.ok(!csp.includes('script-src'));
  });

  it('a stylesheet cannot close the style element early', () => {
    const html = postmortemHtml(TEXT, { timelineCss: '</style><script>alert(1)</script>' });
    assert.ok(!/<script/i.test(html));
  });

  it('optionally includes the Mermaid gantt source', () => {
    const html = postmortemHtml(TEXT, { timelineCss: CSS, mermaid: true });
    assert.match(html, /<code class="language-mermaid">gantt\n {2}title Checkout latency \(UTC\)/);
    assert.ok(!postmortemHtml(TEXT, { timelineCss: CSS }).includes('language-mermaid'));
  });
});

describe('Mermaid gantt block', () => {
  it('lists the impact window and the milestones in UTC', () => {
    assert.equal(
      mermaidGantt(buildModel(TEXT)),
      [
        'gantt',
        '  title Checkout latency (UTC)',
        '  dateFormat YYYY-MM-DD HH:mm',
        '  axisFormat %H:%M',
        '  section Incident',
        '  Impact window :crit, impact, 2026-11-25 13:58, 2026-11-25 14:45',
        '  Mitigated to resolved :active, recovery, 2026-11-25 14:45, 2026-11-25 16:03',
        '  section Milestones',
        '  Started :milestone, started, 2026-11-25 13:58, 0m',
        '  Detected :milestone, detected, 2026-11-25 14:10, 0m',
        '  Mitigated :milestone, mitigated, 2026-11-25 14:45, 0m',
        '  Resolved :milestone, resolved, 2026-11-25 16:03, 0m',
      ].join('\n'),
    );
  });

  it('is inserted after the Timeline entries, then refreshed between its markers, and left alone when current', () => {
    const model = buildModel(TEXT);
    const edit = ganttEdit(model)!;
    assert.deepEqual(edit.range.start, { line: 22, character: 51 });
    assert.match(edit.text, /^\n\n<!-- postmortem:timeline-diagram -->\n```mermaid\ngantt\n/);
    const lines = TEXT.split('\n');
    const withBlock = [...lines.slice(0, 22), lines[22] + edit.text, ...lines.slice(23)].join('\n');
    assert.equal(ganttEdit(buildModel(withBlock)), undefined);
    const moved = withBlock.replace('2026-11-25 14:45 UTC** — **Mitigated', '2026-11-25 14:50 UTC** — **Mitigated');
    const refresh = ganttEdit(buildModel(moved))!;
    assert.equal(refresh.range.start.line, 24);
    assert.match(refresh.text, /Impact window :crit, impact, 2026-11-25 13:58, 2026-11-25 14:50/);
  });
});

describe('export-html (CLI function)', () => {
  it('writes <name>.html beside the file, and never overwrites without force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-html-'));
    const file = join(dir, 'checkout.md');
    writeFileSync(file, TEXT);
    const first = exportHtmlFiles([file]);
    assert.equal(first.code, 0, first.messages.join('\n'));
    assert.deepEqual(first.written, [htmlPathFor(file)]);
    assert.ok(readFileSync(join(dir, 'checkout.html'), 'utf8').includes('<figure class="pm-timeline"'));
    writeFileSync(join(dir, 'checkout.html'), 'mine');
    const again = exportHtmlFiles([file]);
    assert.equal(again.code, 1);
    assert.match(again.messages[0]!, /already exists; nothing written \(use --force/);
    assert.equal(readFileSync(join(dir, 'checkout.html'), 'utf8'), 'mine');
    assert.equal(exportHtmlFiles([file], { force: true }).code, 0);
    assert.notEqual(readFileSync(join(dir, 'checkout.html'), 'utf8'), 'mine');
  });

  it('with force, replaces a link at the output path and never writes through it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-html-'));
    const file = join(dir, 'checkout.md');
    writeFileSync(file, TEXT);
    const elsewhere = join(dir, 'elsewhere.txt');
    writeFileSync(elsewhere, 'not ours');
    symlinkSync(elsewhere, join(dir, 'checkout.html'));
    const r = exportHtmlFiles([file], { force: true });
    assert.equal(r.code, 0, r.messages.join('\n'));
    assert.equal(readFileSync(elsewhere, 'utf8'), 'not ours');
    assert.ok(lstatSync(join(dir, 'checkout.html')).isFile());
    assert.ok(readFileSync(join(dir, 'checkout.html'), 'utf8').includes('<figure class="pm-timeline"'));
  });

  it('takes --out for one file, refuses it for several, and reports unreadable files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-html-'));
    const file = join(dir, 'a.md');
    writeFileSync(file, TEXT);
    const out = join(dir, 'report.html');
    assert.equal(exportHtmlFiles([file], { out, mermaid: true }).code, 0);
    assert.ok(readFileSync(out, 'utf8').includes('language-mermaid'));
    assert.equal(exportHtmlFiles([file, file], { out }).code, 2);
    assert.equal(exportHtmlFiles([]).code, 2);
    const missing = exportHtmlFiles([join(dir, 'nope.md')]);
    assert.equal(missing.code, 1);
    assert.match(missing.messages[0]!, /cannot read/);
    assert.equal(existsSync(join(dir, 'nope.html')), false);
    assert.equal(exportHtmlFiles([file], { out: file }).code, 1);
  });
});
