/** Pixels as the browser's ImageData and sharp's raw RGBA output give them. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width * height * 4 bytes, row-major RGBA. */
  readonly data: Uint8Array | Uint8ClampedArray;
}

export type Point = [number, number];

/** Axis-aligned box in image pixels: left, top, width, height. */
export type Box = [number, number, number, number];

/** A raw BlazeFace detection in image pixels. */
export interface Detection {
  box: Box;
  score: number;
  /** BlazeFace's 6 keypoints: subject's right eye, left eye, nose tip, mouth centre, right ear tragion, left ear tragion. */
  keypoints: Point[];
}

/** A 2x3 affine matrix [a, b, tx, c, d, ty] mapping source (x, y) to destination (a*x + b*y + tx, c*x + d*y + ty). */
export type Affine = [number, number, number, number, number, number];

/** One face that the engine returns. */
export interface Face {
  box: Box;
  score: number;
  /** 5 landmarks: subject's right eye, left eye, nose tip, right mouth corner, left mouth corner. */
  landmarks: Point[];
  /** 0..1, higher is better; see quality.ts. */
  quality: number;
  /** What lowers the quality, in plain words ("face is small", "image is blurry", ...). */
  qualityIssues: string[];
  /** L2-normalised embedding. */
  embedding: Float32Array;
}
