/**
 * The five shipped models on onnxruntime-web's WebGPU execution provider against its WASM one
 * (issue 12), in headless Chromium with --enable-unsafe-webgpu: SwiftShader, real WebGPU run
 * on the CPU. The inputs are exactly what the engine gives each model on real photos (tiles,
 * crops and chips; engine-feeds.ts). Bounds are the model parity tests': max |diff| <= 1e-4 x
 * the row's scale (a probability's is 1), and embeddings at cosine >= 0.9999. The nodes ORT
 * places on the CPU instead of WebGPU are read from its verbose log and must not grow beyond
 * the list below.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Ort from 'onnxruntime-web';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODELS_DIR } from '../helpers/built-models.js';
import { checkParity, logParity, type ParityBounds } from '../helpers/parity.js';
import { CHROMIUM } from './helpers/chromium.js';
import { recordEngineFeeds, type Feeds, type ModelId } from './helpers/engine-feeds.js';
import { ROOT } from './helpers/extension-copy.js';

const PHOTOS = ['face-api.js/identities/sheldon/sheldon1.png', 'face-api.js/group/bbt1.jpg'];
const FEEDS_PER_MODEL = 2;

/**
 * Nodes ORT runs on its CPU provider inside the WebGPU sessions, counted by op type, per model.
 * Each one costs a copy from the GPU and back. facemesh's 28 PRelu nodes are there because
 * onnxruntime-web 1.30's WebGPU provider (JSEP) has no PRelu kernel; the other four models run
 * wholly on WebGPU. A new op type or a higher count fails the test until it is looked at and
 * listed here (and in docs/BENCHMARKS.md, "WebGPU").
 */
const CPU_NODES: Record<ModelId, Record<string, number>> = {
  'blazeface-back': {},
  'blazeface-front': {},
  facemesh: { PRelu: 28 },
  'landmarks-68': {},
  'dlib-resnet': {},
};

function boundsOf(id: ModelId, output: string): ParityBounds {
  if (id === 'facemesh' && output === 'faceflag') return { rel: 1e-4, scale: 1 };
  return id === 'dlib-resnet' ? { rel: 1e-4, minCosine: 0.9999 } : { rel: 1e-4 };
}

interface RunOutputs {
  /** Per feed, per output: base64 float32 and dims, from each provider. */
  runs: { webgpu: Record<string, readonly [string, readonly number[]]>; wasm: Record<string, readonly [string, readonly number[]]> }[];
}

const floats = (b64: string) => {
  const bytes = Buffer.from(b64, 'base64');
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
};

/** The page loads ORT's full browser build (WebGPU and WASM) as `window.ort`. */
const PAGE = '<!doctype html><title>WebGPU parity</title><script type="module">import * as ort from "/ort/ort.min.mjs"; window.ort = ort;</script>';

/** Serves ORT's browser build, the shipped models and the recorded feeds; the page is on 127.0.0.1, a secure context. */
function serve(feeds: Map<ModelId, Feeds[]>): Promise<Server> {
  const ortDist = join(ROOT, 'node_modules/onnxruntime-web/dist');
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const feed = /^\/feeds\/([\w-]+)\/(\d+)\/(\w+)$/.exec(path);
    const file = path.startsWith('/ort/') ? join(ortDist, path.slice(5).replace(/[^\w.-]/g, '')) : path.startsWith('/models/') ? join(MODELS_DIR, path.slice(8).replace(/[^\w.-]/g, '')) : null;
    try {
      if (path === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      else if (feed) {
        const t = feeds.get(feed[1] as ModelId)![Number(feed[2])]![feed[3]!]!;
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
      } else if (file) res.writeHead(200, { 'content-type': file.endsWith('.mjs') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' }).end(readFileSync(file));
      else res.writeHead(404).end();
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** In the page: one WebGPU and one WASM session of the model, each feed run on both. */
async function runBoth(args: { id: string; inputs: { name: string; dims: number[] }[][] }): Promise<RunOutputs> {
  const ort = (window as unknown as { ort: typeof Ort }).ort;
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = '/ort/';
  const bytes = new Uint8Array(await (await fetch(`/models/${args.id}.onnx`)).arrayBuffer());
  // Verbose only while the WebGPU session is made: its log says which nodes went to the CPU.
  ort.env.logLevel = 'verbose';
  const webgpu = await ort.InferenceSession.create(bytes, { executionProviders: ['webgpu'], graphOptimizationLevel: 'all', logSeverityLevel: 0 });
  ort.env.logLevel = 'warning';
  const wasm = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const b64 = (data: Float32Array) => {
    const u8 = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    let s = '';
    for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const runs: RunOutputs['runs'] = [];
  for (let i = 0; i < args.inputs.length; i++) {
    const feeds: Record<string, Ort.Tensor> = {};
    for (const input of args.inputs[i]!) {
      const data = new Float32Array(await (await fetch(`/feeds/${args.id}/${i}/${input.name}`)).arrayBuffer());
      feeds[input.name] = new ort.Tensor('float32', data, input.dims);
    }
    const plain = async (out: Record<string, Ort.Tensor>) => Object.fromEntries(await Promise.all(Object.entries(out).map(async ([k, t]) => [k, [b64((await t.getData()) as Float32Array), [...t.dims]]] as const)));
    runs.push({ webgpu: await plain(await webgpu.run(feeds)), wasm: await plain(await wasm.run(feeds)) });
  }
  await webgpu.release();
  await wasm.release();
  return { runs };
}

/** How many nodes of each op type ORT's verbose log placed on its CPU provider, from one session's log lines. */
function cpuNodes(lines: readonly string[]): Record<string, number> {
  const nodes: Record<string, number> = {};
  let onCpu = false;
  for (const line of lines) {
    if (!line.includes('VerifyEachNodeIsAssignedToAnEp]')) continue;
    const text = line.slice(line.indexOf(']') + 1).trim();
    if (/placed on \[/.test(text)) onCpu = text.includes('[CPUExecutionProvider]');
    else if (onCpu && /^\S+ \(.*\)$/.test(text)) {
      const op = text.slice(0, text.indexOf(' '));
      nodes[op] = (nodes[op] ?? 0) + 1;
    }
  }
  return nodes;
}

describe('the five models on WebGPU (SwiftShader) agree with WASM on the engine’s real inputs', () => {
  let feeds: Map<ModelId, Feeds[]>;
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    feeds = await recordEngineFeeds(PHOTOS, FEEDS_PER_MODEL);
    server = await serve(feeds);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--enable-unsafe-webgpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  for (const id of Object.keys(CPU_NODES) as ModelId[]) {
    it(`${id}: every output within the parity bounds, and no more nodes on the CPU than listed`, async () => {
      // A page of its own per model: its console holds this model's WebGPU session log alone.
      const page = await browser.newPage();
      const sessionLog: string[] = [];
      page.on('console', (m) => sessionLog.push(m.text()));
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await page.waitForFunction('window.ort !== undefined');
      const adapter = await page.evaluate('navigator.gpu.requestAdapter().then((a) => a ? a.info.architecture : null)');
      expect(adapter, 'headless Chromium offers SwiftShader with --enable-unsafe-webgpu').toBe('swiftshader');
      const recorded = feeds.get(id) ?? [];
      expect(recorded.length, `the engine ran ${id} on the photos`).toBeGreaterThan(0);
      const inputs = recorded.map((f) => Object.entries(f).map(([name, t]) => ({ name, dims: [...t.dims] })));
      const { runs } = await page.evaluate(runBoth, { id, inputs });
      await page.close();
      expect(sessionLog.some((l) => l.includes('VerifyEachNodeIsAssignedToAnEp')), 'ORT logged its node placement').toBe(true);
      expect(cpuNodes(sessionLog)).toEqual(CPU_NODES[id]);
      runs.forEach((run, i) => {
        expect(Object.keys(run.webgpu).sort()).toEqual(Object.keys(run.wasm).sort());
        for (const [output, [gpuData, dims]] of Object.entries(run.webgpu)) {
          expect(dims).toEqual(run.wasm[output]![1]);
          const rowLength = dims.slice(1).reduce((a, b) => a * b, 1);
          const rows = checkParity(floats(gpuData), floats(run.wasm[output]![0]), rowLength, boundsOf(id, output), `${id} ${output} feed ${i}`);
          logParity(`webgpu ${id} ${output} feed ${i} (${dims.join('x')})`, rows);
        }
      });
    });
  }
});
