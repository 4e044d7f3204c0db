/**
 * Facts fixed when the extension is built (vite.config.ts defines them). Outside a build (unit
 * tests) both are off.
 */

/** The extension's version (the offscreen document's runtime API has no getManifest()). */
export const EXTENSION_VERSION: string = import.meta.env.VITE_FACETAG_VERSION ?? 'unbuilt';

/** Chrome's build ships the WebGPU-capable ORT runtime; Firefox's background page gets WASM only. */
export const WEBGPU_RUNTIME_SHIPPED: boolean = import.meta.env.VITE_FACETAG_WEBGPU_RUNTIME === 'yes';

/**
 * The test-only switches: off in every shipped build, and the bundle audit checks that their
 * words are not in them. The WebGPU end-to-end tests build copies with one on
 * (tests/e2e/helpers/webgpu-build.ts).
 */
const TEST_WEBGPU = import.meta.env.VITE_FACETAG_TEST_WEBGPU;

/** "force", as the words the popup shows: WebGPU on any adapter (SwiftShader included), with no race. */
export const FORCE_WEBGPU_FOR_TESTS: string | null = TEST_WEBGPU === 'force' ? 'forced by the test switch' : null;

/** "race", as the words added to the adapter's name: a software adapter is raced as a real GPU would be. */
export const RACE_SOFTWARE_ADAPTER_FOR_TESTS: string | null = TEST_WEBGPU === 'race' ? 'raced by the test switch' : null;
