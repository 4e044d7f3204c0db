/**
 * Builds the benchmark's face-api.js peer extension into dist/peer-faceapi (git-ignored):
 * `npx vite build -c bench/peer-extension/vite.config.ts`. face-api's ESM build bundles its own
 * tfjs 4.22 with the WASM backend; the WASM binaries come from @tensorflow/tfjs-backend-wasm
 * 4.22.0 (the same version) and the weights from face-api's own model folder.
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
export const PEER_DIST = join(repo, 'dist', 'peer-faceapi');
const MODELS = ['ssd_mobilenetv1_model', 'face_landmark_68_model', 'face_recognition_model'];

function packageAssets(): Plugin {
  return {
    name: 'peer-package-assets',
    apply: 'build',
    writeBundle() {
      const modelDir = join(repo, 'node_modules/@vladmandic/face-api/model');
      mkdirSync(join(PEER_DIST, 'model'), { recursive: true });
      for (const f of readdirSync(modelDir)) if (MODELS.some((m) => f.startsWith(m))) copyFileSync(join(modelDir, f), join(PEER_DIST, 'model', f));
      const wasmDir = join(repo, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
      mkdirSync(join(PEER_DIST, 'tfjs'), { recursive: true });
      for (const f of readdirSync(wasmDir)) if (f.endsWith('.wasm')) copyFileSync(join(wasmDir, f), join(PEER_DIST, 'tfjs', f));
    },
  };
}

export default defineConfig({
  root: here,
  plugins: [crx({ manifest: manifest as ManifestV3Export, browser: 'chrome' }), packageAssets()],
  build: {
    outDir: PEER_DIST,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: { offscreen: join(here, 'offscreen.html') } },
  },
});
