import { ModelProto } from './convert/onnx-proto.js';

export interface TensorInfo {
  name: string;
  shape: (number | string)[];
}

interface DecodedValueInfo {
  name: string;
  type?: { tensor_type?: { shape?: { dim?: { dim_value?: number | { toNumber(): number }; dim_param?: string }[] } } };
}

function info(v: DecodedValueInfo): TensorInfo {
  const dims = v.type?.tensor_type?.shape?.dim ?? [];
  return {
    name: v.name,
    shape: dims.map((d) => d.dim_param || (typeof d.dim_value === 'number' ? d.dim_value : (d.dim_value?.toNumber() ?? 0))),
  };
}

/** The declared inputs and outputs of an ONNX file, read back from its bytes. */
export function readOnnxIo(bytes: Uint8Array): { inputs: TensorInfo[]; outputs: TensorInfo[] } {
  const model = ModelProto.toObject(ModelProto.decode(bytes), { longs: Number }) as { graph: { input: DecodedValueInfo[]; output: DecodedValueInfo[] } };
  return { inputs: model.graph.input.map(info), outputs: model.graph.output.map(info) };
}
