/**
 * The engine's only view of an inference runtime. onnxruntime-node (CLI, tests) and
 * onnxruntime-web (extension) each implement it, so src/engine stays free of either.
 */
export interface TensorData {
  data: Float32Array;
  dims: readonly number[];
}

export interface ModelRunner {
  /** Runs the model on named NCHW float32 inputs. Calls may be queued; each resolves with every output. */
  run(feeds: Record<string, TensorData>): Promise<Record<string, TensorData>>;
}

/** The models the default pipeline needs, already loaded. */
export interface EngineModels {
  detector: ModelRunner;
  refiner: ModelRunner;
  verifier: ModelRunner;
  landmarks: ModelRunner;
  embedder: ModelRunner;
}

/** An output that must exist; the error names the model's missing output. */
export function requireOutput(outputs: Record<string, TensorData>, name: string): TensorData {
  const out = outputs[name];
  if (!out) throw new Error(`model returned no output named ${name}`);
  return out;
}
