// `import file from './x.ts?script&iife'` (crxjs): the built script's path, for scripting APIs.
/// <reference types="@crxjs/vite-plugin/client" />
/// <reference types="vite/client" />
// Build flags vite.config.ts defines (src/offscreen/build-flags.ts reads them).
interface ImportMetaEnv {
  readonly VITE_FACETAG_WEBGPU_RUNTIME?: string;
  readonly VITE_FACETAG_TEST_WEBGPU?: string;
  readonly VITE_FACETAG_VERSION?: string;
  readonly VITE_FACETAG_PORTS_IN_PATTERNS?: string;
}
