import * as assert from 'node:assert/strict';
import { warmUp } from '../../src/core/model/regex-warmup';

describe('regex warm-up', () => {
  it('leaves each pattern as it was: its lastIndex, and what it matches next', () => {
    const global = /\b(?:users?|customers?)\b/g;
    const sticky = /\d+/y;
    global.lastIndex = 5;
    sticky.lastIndex = 2;
    // A short sample is padded past the length at which V8 compiles to machine code; a long one is used as it is.
    warmUp([global, sticky], 'users and customers 42');
    warmUp([global, sticky], `customers ${'x'.repeat(2000)} 42`);
    assert.equal(global.lastIndex, 5);
    assert.equal(sticky.lastIndex, 2);
    assert.deepEqual(global.exec('the users and customers')?.index, 14);
    assert.equal(sticky.exec('ab12')?.[0], '12');
  });
});
