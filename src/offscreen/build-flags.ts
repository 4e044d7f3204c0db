/**
 * Facts fixed when the extension is built (vite.config.ts defines them). Outside a build (unit
 * tests) both are off.
 */

/** The extension's version (the offscreen document's runtime API has no getManifest()). */
export const EXTENSION_VERSION: string = import.meta.env.VITE_FACETAG_VERSION ?? 'unbuilt';

/** Chrome's build ships the WebGPU-capable ORT runtime; Firefox's background page gets WASM only. */
export const WEBGPU_RUNTIME_SHIPPED: boolean = import.meta.env.VITE_FACETAG_WEBGPU_RUNTIME === 'yes';

/**
 * The test-only switch, as the words the popup shows when it is on: WebGPU on any adapter
 * (SwiftShader included), with no race. Only the
 * WebGPU end-to-end test builds a copy with it on (tests/e2e/webgpu.e2e.test.ts); every
 * shipped build has it off (null), and the bundle audit checks that its words are not in them.
 */
export const FORCE_WEBGPU_FOR_TESTS: string | null = import.meta.env.VITE_FACETAG_TEST_FORCE_WEBGPU === 'yes' ? 'forced by the test switch' : null;
