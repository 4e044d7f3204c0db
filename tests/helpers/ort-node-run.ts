import * as ort from 'onnxruntime-node';
import { runPlain, type PlainTensor } from './ort-web-node.js';

/** onnxruntime-node counterpart of ort-web-node.ts, with the same plain-data interface. */
export type NodeSession = ort.InferenceSession;

export function createNodeSession(bytes: Uint8Array): Promise<NodeSession> {
  return ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'all' });
}

export function runNode(session: NodeSession, feeds: Record<string, PlainTensor>): Promise<Record<string, PlainTensor>> {
  return runPlain(session, (data, dims) => new ort.Tensor('float32', data, dims), feeds);
}
