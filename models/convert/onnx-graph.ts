import { AttrType, DataType, ModelProto, type DataTypeId } from './onnx-proto.js';
import type { Quantized, Weight } from './tfjs-weights.js';

/** An attribute value: integers and integer lists are INT/INTS; floats must be wrapped. */
export type AttrValue = number | readonly number[] | string | { f: number } | { floats: readonly number[] };

interface Initializer {
  name: string;
  dims: number[];
  data_type: DataTypeId;
  raw_data: Uint8Array;
}

interface ValueInfo {
  name: string;
  type: { tensor_type: { elem_type: number; shape: { dim: ({ dim_value: number } | { dim_param: string })[] } } };
}

interface NodeRecord {
  input: string[];
  output: string[];
  name: string;
  op_type: string;
  attribute: Record<string, unknown>[];
}

export interface ModelMeta {
  docString: string;
  metadata: Record<string, string>;
}

/** Quantised weights with fewer elements are written as float32: their dequantising nodes would outweigh the bytes saved (measured). */
const MIN_QUANTIZED_ELEMENTS = 128;

/** The opset every Facetag model is written against. */
export const OPSET = 17;

function encodeAttr(name: string, value: AttrValue): Record<string, unknown> {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`attribute ${name}: non-integer ${value} must be wrapped as {f}`);
    return { name, type: AttrType.INT, i: value };
  }
  if (typeof value === 'string') return { name, type: AttrType.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: AttrType.INTS, ints: [...value] };
  if ('f' in value) return { name, type: AttrType.FLOAT, f: value.f };
  if ('floats' in value) return { name, type: AttrType.FLOATS, floats: [...value.floats] };
  throw new Error(`attribute ${name}: unsupported value`);
}

function valueInfo(name: string, shape: readonly (number | string)[]): ValueInfo {
  const dim = shape.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d }));
  return { name, type: { tensor_type: { elem_type: DataType.FLOAT, shape: { dim } } } };
}

function bytesOf(view: Float32Array | Float64Array | BigInt64Array | Int32Array | Uint16Array | Uint8Array): Uint8Array {
  // Copy so the model owns its bytes; x86 and ARM are little-endian as ONNX requires.
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

/**
 * Builds one ONNX graph. Names are generated from a counter, so the same
 * sequence of calls always yields byte-identical output.
 */
export class OnnxGraph {
  private readonly nodes: NodeRecord[] = [];
  private readonly initializers: Initializer[] = [];
  private readonly inputs: ValueInfo[] = [];
  private readonly outputs: ValueInfo[] = [];
  private readonly used = new Set<string>();
  private readonly reserved = new Set<string>();
  private counter = 0;

  constructor(readonly name: string) {}

  /** A fresh name that no other tensor or node in this graph has. */
  unique(base: string): string {
    let candidate = base;
    while (this.used.has(candidate)) candidate = `${base}__${++this.counter}`;
    this.used.add(candidate);
    return candidate;
  }

  /** Keeps `name` free for a later `claim`, so graph outputs get exactly the names asked for. */
  reserve(name: string): void {
    if (this.used.has(name)) throw new Error(`name ${name} is already used`);
    this.used.add(name);
    this.reserved.add(name);
  }

  /** An Identity node whose output takes a name kept by `reserve`. */
  claim(name: string, input: string): string {
    if (!this.reserved.delete(name)) throw new Error(`name ${name} was not reserved`);
    this.nodes.push({ input: [input], output: [name], name, op_type: 'Identity', attribute: [] });
    return name;
  }

  input(name: string, shape: readonly (number | string)[]): string {
    this.used.add(name);
    this.inputs.push(valueInfo(name, shape));
    return name;
  }

  output(name: string, shape: readonly (number | string)[]): void {
    this.outputs.push(valueInfo(name, shape));
  }

  constFloat(base: string, data: Float32Array, dims: readonly number[]): string {
    const size = dims.reduce((a, b) => a * b, 1);
    if (size !== data.length) throw new Error(`initializer ${base}: ${data.length} values for dims [${dims.join(',')}]`);
    return this.addInitializer(base, [...dims], DataType.FLOAT, bytesOf(data));
  }

  /**
   * A float weight at its source precision: float16 values as a FLOAT16 initializer + Cast,
   * uint8 ones as a UINT8 initializer indexing a 256-entry float table (Cast to int32, Gather).
   * The table holds q * scale + min computed in double and rounded to float, as TFJS's own
   * decoding does, so the dequantised floats are bit-identical to `w.data`. onnxruntime folds
   * these constant nodes at session load, and keeps every folded intermediate until the end of
   * that pass: a table costs 9 bytes of WASM memory per weight there, where the double
   * arithmetic it replaces cost 29 (190 MB for dlib-resnet, measured). Small weights stay
   * float32: the nodes would cost more.
   */
  constWeight(base: string, w: Weight, dims: readonly number[] = w.shape): string {
    const q = w.quantized;
    if (!q || q.data.length < MIN_QUANTIZED_ELEMENTS) return this.constFloat(base, w.data, dims);
    return this.dequantize(base, q, dims);
  }

  private dequantize(base: string, q: Quantized, dims: readonly number[]): string {
    const size = dims.reduce((a, b) => a * b, 1);
    if (size !== q.data.length) throw new Error(`initializer ${base}: ${q.data.length} values for dims [${dims.join(',')}]`);
    if (q.dtype === 'float16') {
      const half = this.addInitializer(`${base}/f16`, [...dims], DataType.FLOAT16, bytesOf(q.data));
      return this.node('Cast', [half], { to: DataType.FLOAT }, base);
    }
    const raw = this.addInitializer(`${base}/u8`, [...dims], DataType.UINT8, bytesOf(q.data));
    const table = this.constFloat(`${base}/table`, Float32Array.from({ length: 256 }, (_, v) => v * q.scale + q.min), [256]);
    const index = this.node('Cast', [raw], { to: DataType.INT32 }, `${base}/index`);
    return this.node('Gather', [table, index], { axis: 0 }, base);
  }

  constInt64(base: string, values: readonly number[], dims: readonly number[] = [values.length]): string {
    return this.addInitializer(base, [...dims], DataType.INT64, bytesOf(BigInt64Array.from(values, (v) => BigInt(v))));
  }

  /** Adds a node and returns its first output's name. */
  node(op: string, inputs: readonly string[], attrs: Record<string, AttrValue> = {}, outputName?: string, outputCount = 1): string {
    return this.nodeMulti(op, inputs, attrs, outputName, outputCount)[0] as string;
  }

  nodeMulti(op: string, inputs: readonly string[], attrs: Record<string, AttrValue>, outputName?: string, outputCount = 1): string[] {
    const name = this.unique(outputName ?? `${op}_${this.nodes.length}`);
    const outputs = [name];
    for (let k = 1; k < outputCount; k++) outputs.push(this.unique(`${name}:${k}`));
    const attribute = Object.keys(attrs)
      .sort()
      .map((key) => encodeAttr(key, attrs[key] as AttrValue));
    this.nodes.push({ input: [...inputs], output: outputs, name, op_type: op, attribute });
    return outputs;
  }

  toBytes(meta: ModelMeta): Uint8Array {
    const model = ModelProto.create({
      ir_version: 8,
      opset_import: [{ domain: '', version: OPSET }],
      producer_name: 'facetag-convert',
      producer_version: '1',
      doc_string: meta.docString,
      graph: {
        name: this.name,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
      metadata_props: Object.keys(meta.metadata)
        .sort()
        .map((key) => ({ key, value: meta.metadata[key] })),
    });
    return ModelProto.encode(model).finish();
  }

  private addInitializer(base: string, dims: number[], dataType: DataTypeId, raw: Uint8Array): string {
    const name = this.unique(base);
    this.initializers.push({ name, dims, data_type: dataType, raw_data: raw });
    return name;
  }
}
