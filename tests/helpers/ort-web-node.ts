import * as ort from 'onnxruntime-web';

/**
 * onnxruntime-web's WASM backend under Node, the runtime the browser extension uses. Node
 * resolves 'onnxruntime-web' to dist/ort.node.min.mjs, which finds its .wasm next to itself;
 * one thread avoids worker startup and keeps results deterministic.
 */
ort.env.wasm.numThreads = 1;

/** A float32 tensor as plain data, so callers need not know which ort package ran it. */
export interface PlainTensor {
  data: Float32Array;
  dims: readonly number[];
}

/** What runPlain needs of either ort package's session. */
interface SessionLike<T> {
  run(feeds: Record<string, T>): Promise<Record<string, { type: string; data: unknown; dims: readonly number[] }>>;
}

/** Runs float32 feeds on a session of either ort package and returns every output as float32 plain data. */
export async function runPlain<T>(
  session: SessionLike<T>, tensor: (data: Float32Array, dims: number[]) => T, feeds: Record<string, PlainTensor>,
): Promise<Record<string, PlainTensor>> {
  const inputs: Record<string, T> = {};
  for (const [name, t] of Object.entries(feeds)) inputs[name] = tensor(t.data, [...t.dims]);
  const results = await session.run(inputs);
  const out: Record<string, PlainTensor> = {};
  for (const [name, t] of Object.entries(results)) {
    if (t.type !== 'float32') throw new Error(`output ${name}: ${t.type}, expected float32`);
    out[name] = { data: t.data as Float32Array, dims: t.dims };
  }
  return out;
}

export type WebSession = ort.InferenceSession;

export function createWebSession(bytes: Uint8Array): Promise<WebSession> {
  return ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
}

export function runWeb(session: WebSession, feeds: Record<string, PlainTensor>): Promise<Record<string, PlainTensor>> {
  return runPlain(session, (data, dims) => new ort.Tensor('float32', data, dims), feeds);
}

/** The `runtime` of a ModelSources for tests: this one-thread onnxruntime-web (no worker start-up under Node). */
export const nodeOrtRuntime = (): Promise<typeof ort> => Promise.resolve(ort);
