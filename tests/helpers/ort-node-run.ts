import * as ort from 'onnxruntime-node';
import type { PlainTensor } from './ort-web-node.js';

/** onnxruntime-node counterpart of ort-web-node.ts, with the same plain-data interface. */
export type NodeSession = ort.InferenceSession;

export function createNodeSession(bytes: Uint8Array): Promise<NodeSession> {
  return ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'all' });
}

export async function runNode(session: NodeSession, feeds: Record<string, PlainTensor>): Promise<Record<string, PlainTensor>> {
  const inputs: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) inputs[name] = new ort.Tensor('float32', t.data, [...t.dims]);
  const results = await session.run(inputs);
  const out: Record<string, PlainTensor> = {};
  for (const [name, t] of Object.entries(results)) {
    if (t.type !== 'float32') throw new Error(`output ${name}: ${t.type}, expected float32`);
    out[name] = { data: t.data as Float32Array, dims: t.dims };
  }
  return out;
}
