// Injected into the web test bundle only (see scripts/build-tests.mjs): the web-worker extension host has no
// `process`, but the `assert` polyfill's `util` reads process.env. Nothing here pretends to be Node.
export const process = {
  env: {} as Record<string, string | undefined>,
  browser: true,
  platform: 'browser',
  version: '',
  versions: {} as Record<string, string>,
  argv: [] as string[],
  cwd: (): string => '/',
  nextTick: (fn: (...args: unknown[]) => void, ...args: unknown[]): void => queueMicrotask(() => fn(...args)),
};
