/**
 * The browser's extension API object. Firefox provides `browser` (promise-based) and Chrome
 * `chrome` (recent Chrome also `browser`); both expose the MV3 calls we use with promises, so
 * logic modules import `ext` and never touch either global directly. Outside a browser (unit
 * tests) it is undefined until a test installs a fake.
 */
const scope = globalThis as { browser?: typeof chrome; chrome?: typeof chrome };
export const ext: typeof chrome = (scope.browser ?? scope.chrome) as typeof chrome;
