// `assert/strict` for the web test bundle (see scripts/build-tests.mjs): the `assert` npm package exposes strict
// mode as `.strict`. Supports `import assert from`, `import * as assert from` and named imports.
import assert from 'assert';

const strict = assert.strict;
export default strict;
export const {
  ok,
  equal,
  notEqual,
  strictEqual,
  notStrictEqual,
  deepEqual,
  notDeepEqual,
  deepStrictEqual,
  notDeepStrictEqual,
  throws,
  doesNotThrow,
  rejects,
  doesNotReject,
  match,
  doesNotMatch,
  fail,
  ifError,
  AssertionError,
} = strict;
