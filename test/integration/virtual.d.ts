// Modules generated at bundle time by scripts/build-tests.mjs.
declare module 'virtual:integration-suites' {
  /** Repository-relative paths of the suites in the bundle. */
  export const suiteFiles: string[];
  /** Loads (runs the top level of) every test/integration/suite/*.test.ts; call after describe/it exist. */
  export function loadSuites(): void;
}

declare module 'virtual:mocha' {
  /** A mocha instance for this extension host (browser build or Node), with describe/it set on globalThis. */
  export function createMocha(options: Mocha.MochaOptions): Mocha;
}
