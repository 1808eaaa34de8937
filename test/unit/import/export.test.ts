import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSlackExport, importTimeline } from '../../../src/core/import';
import { IMPORT_FIXTURES, rows, unreadable } from './helpers';

const EXPORT = join(IMPORT_FIXTURES, 'slack-export');

function* days(dir: string) {
  for (const name of readdirSync(dir).sort()) yield { name: `incident-412/${name}`, text: readFileSync(join(dir, name), 'utf8') };
}

describe('import: Slack export', () => {
  it('reads day files with users.json: names, mentions and links as Markdown, joins and bots left out', () => {
    const r = importSlackExport(days(join(EXPORT, 'incident-412')), readFileSync(join(EXPORT, 'users.json'), 'utf8'));
    assert.equal(r.source, 'slack-export');
    assert.deepEqual(rows(r), [
      '2025-11-24T23:50:00.000Z | Sam Lee: @Alex Kim checkout is failing, see [the status page](https://status.example.com/x) & @here',
      '2025-11-24T23:51:40.000Z | Alex Kim: \\# rolling back<br>\\`\\`\\`<br>kubectl rollout undo<br>\\`\\`\\`',
      '2025-11-25T00:03:20.000Z | Sam Lee: \\| fixed \\| click (javascript:alert(1)) \\<\\!-- x --\\> @channel',
      '2025-11-25T00:05:00.000Z | Priya Shah: (attached: graph.png)',
    ]);
    assert.deepEqual(
      r.ignored.map((i) => `${i.file}:${i.line}: ${i.reason}`),
      ['incident-412/2025-11-24.json:1: a channel join (Slack "channel_join")', 'incident-412/2025-11-24.json:3: a bot message (Slack "bot_message")'],
    );
    assert.deepEqual(unreadable(r), []);
  });

  it('auto-detects a single day file pasted or opened, without names', () => {
    const r = importTimeline(readFileSync(join(EXPORT, 'incident-412', '2025-11-24.json'), 'utf8'));
    assert.match(r.detection, /auto-detected a Slack export/);
    assert.equal(r.entries[0]!.author, 'U1');
  });

  it('gives one message with the line and column of invalid JSON', () => {
    assert.throws(
      () => importSlackExport([{ name: 'c/2025-11-24.json', text: '[\n  {"ts": "1", "text": "a"},\n  {"ts": }\n]' }], undefined),
      { name: 'ImportError', message: 'c/2025-11-24.json is not valid JSON: line 3, column 10 (character 39): value expected.' },
    );
    assert.throws(() => importSlackExport([], undefined), /No Slack day files/);
  });
});
