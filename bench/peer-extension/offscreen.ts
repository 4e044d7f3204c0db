/**
 * The peer's engine: @vladmandic/face-api (SSD MobileNet v1 + 68 landmarks + 128-D ResNet
 * descriptor) on the tfjs WASM backend bundled in face-api's ESM build, in an offscreen
 * document, as the published face-api.js extensions run it. Models and WASM binaries ship
 * inside the extension (copied from the npm packages at build time); nothing is downloaded.
 */
import * as faceapi from '@vladmandic/face-api/dist/face-api.esm.js';
import { logger } from '../../src/shared/logger.js';
import type { PeerEngineAnalysis, PeerMessage, PeerReply } from './protocol.js';

const log = logger('peer-engine');
/** The same decode bound as Facetag's engine host (src/offscreen/decode.ts). */
const MAX_SIDE = 2048;

/** The tfjs calls face-api's bundle carries but its type declarations leave out. */
const tf = faceapi.tf as unknown as {
  setWasmPaths(prefix: string): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  backend(): { wasm?: { HEAPU8: Uint8Array } };
  browser: { fromPixels(pixels: ImageData): faceapi.tf.Tensor3D };
  env(): { set(flag: string, value: boolean): void };
};

async function start(): Promise<void> {
  tf.setWasmPaths(chrome.runtime.getURL('tfjs/'));
  // tfjs's threaded WASM starts its workers from blob: URLs, which an extension page's CSP
  // refuses (the workers fail to load and the backend never answers), so the peer runs the
  // single-threaded SIMD build, as published face-api.js extensions do.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend failed to initialise');
  await tf.ready();
  // A root-relative path: face-api's URI parser knows only http(s) and turns
  // chrome-extension://id/model into chrome-extension:/id/model.
  const models = '/model';
  await faceapi.nets.ssdMobilenetv1.loadFromUri(models);
  await faceapi.nets.faceLandmark68Net.loadFromUri(models);
  await faceapi.nets.faceRecognitionNet.loadFromUri(models);
  log.info(`models loaded on ${tf.getBackend()} (single-threaded SIMD, crossOriginIsolated=${String(globalThis.crossOriginIsolated)})`);
}
let ready: Promise<void> | null = null;

async function pixels(url: string): Promise<ImageData> {
  const res = await fetch(url, { credentials: 'omit', cache: 'force-cache' });
  if (!res.ok) throw new Error(`image fetch failed: HTTP ${res.status}`);
  const bitmap = await createImageBitmap(await res.blob());
  const k = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * k));
  const h = Math.max(1, Math.round(bitmap.height * k));
  const ctx = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  return ctx.getImageData(0, 0, w, h);
}

/** One image at a time, like Facetag's queue: tfjs runs on one WASM instance either way. */
let tail: Promise<unknown> = Promise.resolve();

async function analyse(url: string): Promise<PeerEngineAnalysis> {
  ready ??= start();
  await ready;
  const image = await pixels(url);
  const run = async (): Promise<PeerEngineAnalysis> => {
    const begin = performance.now();
    const input = tf.browser.fromPixels(image);
    try {
      const results = await faceapi.detectAllFaces(input).withFaceLandmarks().withFaceDescriptors();
      const ms = performance.now() - begin;
      log.info(`analysed ${image.width}x${image.height} in ${ms.toFixed(0)} ms on wasm: ${results.length} faces`);
      return {
        width: image.width,
        height: image.height,
        ms,
        faces: results.map((r) => ({ box: [r.detection.box.x, r.detection.box.y, r.detection.box.width, r.detection.box.height], descriptor: Array.from(r.descriptor) })),
      };
    } finally {
      input.dispose();
    }
  };
  const next = tail.then(run, run);
  tail = next.catch(() => undefined);
  return next;
}

/**
 * For the benchmark's memory run: the size of tfjs's WebAssembly memory. Its module creates
 * that memory itself, and Chromium's measureUserAgentSpecificMemory() leaves such memory out
 * (it counts ORT's, which is created from JS), so the benchmark reads it here.
 */
(globalThis as unknown as { peerWasmBytes(): number | null }).peerWasmBytes = () => (ready ? (tf.backend().wasm?.HEAPU8.buffer.byteLength ?? null) : null);

chrome.runtime.onMessage.addListener((message: PeerMessage, _sender, reply: (r: PeerReply<PeerEngineAnalysis>) => void) => {
  if (message?.to !== 'peer-engine') return false;
  analyse(String(message.url)).then(
    (value) => reply({ ok: true, value }),
    (error: unknown) => reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
  return true;
});
