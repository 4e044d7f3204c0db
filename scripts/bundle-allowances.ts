/**
 * What the build check lets through, each with the reason it cannot send anything off the
 * machine or load code from outside the package. The browsers enforce the last line anyway:
 * the extension pages' CSP (`script-src 'self' 'wasm-unsafe-eval'`, checked by the same audit)
 * refuses remote scripts, remote modules and eval.
 */
import type { Allowance } from './bundle-audit.js';

export const BUNDLE_ALLOWANCES: Allowance[] = [
  // Documentation strings inside error and warning messages: text shown to a developer, never requested.
  { kind: 'remote-url', context: /IndexedDB API missing\. Please visit https:\/\/tinyurl\.com\/y2uuvskb/, reason: "Dexie's error message text" },
  { kind: 'remote-url', context: /Transaction committed too early\. See http:\/\/bit\.ly\/2kdckMn/, reason: "Dexie's error message text" },
  { kind: 'remote-url', context: /See https:\/\/rolldown\.rs\/in-depth\/bundling-cjs/, reason: "the bundler's error message for a missing require()" },
  { kind: 'remote-url', context: /See https:\/\/web\.dev\/cross-origin-isolation-guide\/ for more info/, reason: "onnxruntime-web's console warning text" },
  { kind: 'remote-url', context: /\$schema=`https?:\/\/json-schema\.org\/draft/, reason: "zod's toJSONSchema writes the JSON-Schema dialect id into its output; an identifier, never fetched" },
  { kind: 'remote-url', context: /\?\w+\(`http:\/\/\[\$\{\w+\}\]`\)/, reason: "zod's IPv6 check parses `new URL('http://[addr]')` locally; nothing is requested" },

  // The one fetch of outside content, by design: the images of pages the user switched Facetag on for.
  { kind: 'network-sink', context: /fetch\(\w+,\{credentials:`omit`,cache:`force-cache`\}\)\}catch\(\w+\)\{throw Error\(\w+\.startsWith\(`data:`\)/, reason: "src/offscreen/decode.ts fetchBytes: the page's image URLs only, without cookies; the e2e network recorder pins these to the test pages' origins" },
  { kind: 'network-sink', context: /fetch\(\w+\.runtime\.getURL\(`models\//, reason: 'the models, from the extension package (runtime.getURL)' },

  // onnxruntime-web loading its own WASM runtime, from ort.env.wasm.wasmPaths = runtime.getURL('ort/').
  { kind: 'network-sink', context: /fetch\(\w+,\{credentials:`same-origin`\}\)\)\.blob\(\);return URL\.createObjectURL/, reason: "onnxruntime-web preloads its WASM glue module from wasmPaths, which src/offscreen/ort-models.ts sets to the package's ort/" },
  { kind: 'network-sink', context: /async \w+=>\(await import\(\w+\)\)\.default/, reason: "onnxruntime-web imports its WASM glue module (ort/*.mjs) from wasmPaths inside the package; the CSP's script-src 'self' refuses any other module" },
  { kind: 'network-sink', context: /new Worker\(\w+\?\?\w+,\{type:`module`,name:/, reason: "onnxruntime-web's proxy worker (env.wasm.proxy, never switched on) from its own script URL; workers obey script-src 'self'" },
  { kind: 'network-sink', context: /await fetch\(\w+\);if\(!\w+\.ok\)throw Error\(`failed to load external data file/, reason: "onnxruntime-web's external-data loader for models given by path; ours are passed as bytes with no external data" },
  { kind: 'network-sink', context: /new XMLHttpRequest;\w+\.open\("GET",\w+,!?[01]\);\w+\.responseType="arraybuffer"/, reason: 'Emscripten reading its own .wasm binary, located next to the glue module in ort/' },
  { kind: 'network-sink', context: /fetch\(\w+,\{credentials:"same-origin"\}\);(?:if\(\w+\.ok\)return \w+\.arrayBuffer|return await WebAssembly\.instantiateStreaming)/, reason: 'Emscripten fetching its own .wasm binary from the package (locateFile → wasmPaths)' },
  { kind: 'network-sink', context: /new Worker\(new URL\(import\.meta\.url\),\{type:"module",workerData:"em-pthread"/, reason: "Emscripten's WASM threads: workers running the glue module's own URL" },

  // String-to-code paths that never run here.
  { kind: 'dynamic-code', context: /try\{return Function\(``\),!0\}catch\{return!1\}/, reason: "zod's allowsEval feature test; src/shared/protocol.ts sets z.config({ jitless: true }) (asserted by tests/security/bundle-audit.test.ts), so zod never compiles validators with Function, and the CSP would refuse it" },
  { kind: 'dynamic-code', context: /\(new Function\(Object\.keys\(\w+\),\w+\)\)\(\.\.\.Object\.values\(\w+\)\)/, reason: "Emscripten embind's invoker generator, built from the WASM module's own signatures; unused by onnxruntime-web's API and refused by the CSP (no 'unsafe-eval')" },
];
