import * as assert from 'node:assert/strict';
import { importTimeline } from '../../../src/core/import';
import { importFixture, unreadable } from './helpers';

describe('import: git log', () => {
  it("reads '%aI%x09%an%x09%s' and '%aI %an %s' lines in the author's zone", () => {
    const r = importTimeline(importFixture('git.log'));
    assert.equal(r.source, 'git');
    assert.deepEqual(
      r.entries.map((e) => `${new Date(e.epochMs).toISOString()} ${e.author} | ${e.text}`),
      ['2025-11-24T22:40:00.000Z Sam Lee | Deploy build 412 to production', '2025-11-24T23:58:00.000Z Alex Kim | Revert "Add payment retries"', '2025-11-25T08:20:00.000Z priya | Fix: pin client version'],
    );
    assert.deepEqual(unreadable(r), ["4: not a `git log --format='%aI%x09%an%x09%s'` line (an ISO 8601 author date first)"]);
  });

  it('keeps the whole line as the subject when no author can be told apart', () => {
    const r = importTimeline('2025-11-24T10:00:00Z revert: undo 412\n', { from: 'git' });
    assert.deepEqual(r.entries.map((e) => [e.author, e.text]), [[undefined, 'revert: undo 412']]);
  });
});
