/**
 * Builds the extension for one browser (FACETAG_BROWSER=chrome|firefox, default chrome) into
 * dist/<browser>; `npm run build` runs it for both. manifest.json is the Chrome manifest;
 * Firefox gets a background page that hosts the engine (it has no offscreen documents), a
 * gecko id, and no Chrome-only keys.
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import base from './manifest.json' with { type: 'json' };

const root = dirname(fileURLToPath(import.meta.url));
const browser = process.env.FACETAG_BROWSER === 'firefox' ? 'firefox' : 'chrome';
/**
 * The test-only WebGPU switches (src/offscreen/build-flags.ts), set only by the WebGPU
 * end-to-end tests, which build their own copies; `npm run build` never sets them.
 * FACETAG_TEST_FORCE_WEBGPU=1: WebGPU on any adapter. FACETAG_TEST_RACE_WEBGPU=1: a software
 * adapter is raced like a GPU.
 */
const testWebGpu = browser !== 'chrome' ? 'off' : process.env.FACETAG_TEST_FORCE_WEBGPU === '1' ? 'force' : process.env.FACETAG_TEST_RACE_WEBGPU === '1' ? 'race' : 'off';
const outDir = resolve(root, 'dist', { off: browser, force: 'chrome-webgpu-test', race: 'chrome-webgpu-race' }[testWebGpu]);
/**
 * Chrome gets WebGPU+WASM (jsep) for machines with a GPU adapter and the WASM-only build for the
 * rest (src/offscreen/ort-runtime.ts picks one); Firefox's background page has no WebGPU, so only the latter.
 */
const ort =
  browser === 'chrome'
    ? { module: 'ort.min.mjs', runtimes: ['ort-wasm-simd-threaded.jsep', 'ort-wasm-simd-threaded'] }
    : { module: 'ort.wasm.min.mjs', runtimes: ['ort-wasm-simd-threaded'] };
const ortDist = resolve(root, 'node_modules/onnxruntime-web/dist');
const MODELS = ['blazeface-back', 'blazeface-front', 'facemesh', 'landmarks-68', 'dlib-resnet'];
export const GECKO_ID = 'facetag@facetag.dev';

function firefoxManifest(): ManifestV3Export {
  // Chrome-only keys: Firefox's background page is not cross-origin isolated either way.
  const chromeOnly = new Set(['minimum_chrome_version', 'cross_origin_embedder_policy', 'cross_origin_opener_policy']);
  const rest = Object.fromEntries(Object.entries(base).filter(([key]) => !chromeOnly.has(key)));
  const manifest = {
    ...rest,
    permissions: base.permissions.filter((p) => p !== 'offscreen'),
    background: { scripts: ['src/background/firefox.ts'], type: 'module' },
    browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } },
  };
  // crxjs types the manifest after Chrome's; background.scripts and data_collection_permissions are Firefox's.
  return manifest as unknown as ManifestV3Export;
}

/**
 * The name prompt's page, framed by the content script on sites where Facetag is on. Chrome's
 * dynamic URL changes every session, so a page cannot frame the prompt itself or use it to
 * detect Facetag; Firefox's moz-extension host is already a random per-install id.
 */
function promptResource(): Record<string, unknown> {
  const resource = { resources: ['src/prompt/prompt.html'], matches: ['http://*/*', 'https://*/*'] };
  return browser === 'chrome' ? { ...resource, use_dynamic_url: true } : resource;
}

/** Models and ORT's WASM runtime ship inside the package: the extension never downloads code or weights. */
function packageAssets(): Plugin {
  return {
    name: 'facetag-package-assets',
    apply: 'build',
    writeBundle() {
      mkdirSync(join(outDir, 'models'), { recursive: true });
      for (const id of MODELS) copyFileSync(join(root, 'models/onnx', `${id}.onnx`), join(outDir, 'models', `${id}.onnx`));
      mkdirSync(join(outDir, 'ort'), { recursive: true });
      for (const runtime of ort.runtimes) for (const ext of ['.mjs', '.wasm']) copyFileSync(join(ortDist, runtime + ext), join(outDir, 'ort', runtime + ext));
      const copied = readdirSync(join(outDir, 'models')).length;
      if (copied !== MODELS.length) throw new Error(`expected ${MODELS.length} models in the package, found ${copied}`);
      // crxjs exposes the content script to every page as a web-accessible resource; it is only
      // ever injected through the scripting API, and exposing it would let pages detect Facetag.
      // The one resource pages may frame is the name prompt (see src/content/name-prompt.ts).
      const manifestPath = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      manifest['web_accessible_resources'] = [promptResource()];
      writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  define: {
    'import.meta.env.VITE_FACETAG_WEBGPU_RUNTIME': JSON.stringify(browser === 'chrome' ? 'yes' : 'no'),
    'import.meta.env.VITE_FACETAG_TEST_WEBGPU': JSON.stringify(testWebGpu),
    // Chrome's match patterns take a port; Firefox's cannot (its bug 1362809): src/shared/site-pattern.ts.
    'import.meta.env.VITE_FACETAG_PORTS_IN_PATTERNS': JSON.stringify(browser === 'chrome' ? 'yes' : 'no'),
    // The offscreen document's runtime API has no getManifest().
    'import.meta.env.VITE_FACETAG_VERSION': JSON.stringify(base.version),
  },
  plugins: [crx({ manifest: browser === 'chrome' ? (base as ManifestV3Export) : firefoxManifest(), browser }), packageAssets()],
  resolve: {
    alias: [
      { find: /^onnxruntime-web\/wasm$/, replacement: join(ortDist, 'ort.wasm.min.mjs') },
      { find: /^onnxruntime-web$/, replacement: join(ortDist, ort.module) },
    ],
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Service workers cannot run the modulepreload polyfill (no document).
    modulePreload: false,
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      input: {
        prompt: resolve(root, 'src/prompt/prompt.html'),
        ...(browser === 'chrome' ? { offscreen: resolve(root, 'src/offscreen/offscreen.html') } : {}),
      },
    },
  },
});
