/**
 * Preprocessing that face-api applies before the first conv of its recognition and landmark
 * nets (FaceRecognitionNet.forwardInput, FaceFeatureExtractor.forwardInput):
 *   normalize(batch, meanRgb).div(255)
 * on an NHWC float tensor of 0..255 RGB pixels. The ONNX models take the result, transposed to
 * NCHW, so the engine must compute `(pixel[c] - meanRgb[c]) / 255` per channel in RGB order.
 */
export interface FaceApiInputSpec {
  /** Square side the face is resized to (after face-api's centred zero padding to a square). */
  size: number;
  /** Channel order of the model input. */
  channels: 'RGB';
  /** Subtracted per channel from 0..255 pixel values. */
  meanRgb: readonly [number, number, number];
  /** The mean-subtracted value is divided by this. */
  divisor: number;
}

/** face-api's meanRgb, shared by both nets (literal values from its source). */
const FACE_API_MEAN_RGB = [122.782, 117.001, 104.298] as const;

export const DLIB_RESNET_INPUT: FaceApiInputSpec = { size: 150, channels: 'RGB', meanRgb: FACE_API_MEAN_RGB, divisor: 255 };

export const LANDMARKS_68_INPUT: FaceApiInputSpec = { size: 112, channels: 'RGB', meanRgb: FACE_API_MEAN_RGB, divisor: 255 };

/** ONNX metadata_props describing the expected input, so a model file documents itself. */
export function inputMetadata(spec: FaceApiInputSpec): Record<string, string> {
  return {
    input_layout: 'NCHW',
    input_size: String(spec.size),
    input_channels: spec.channels,
    input_mean: spec.meanRgb.join(','),
    input_divisor: String(spec.divisor),
  };
}
