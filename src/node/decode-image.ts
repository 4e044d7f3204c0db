import sharp from 'sharp';
import type { RgbaImage } from '../engine/types.js';
import { imageProblem, sniffFormat, type ImageFormat } from '../shared/image-bytes.js';

export { sniffFormat, type ImageFormat };

/** Largest side handed to the engine; bigger photos are shrunk while decoding, and boxes scaled back. */
export const MAX_DECODE_SIDE = 4096;
/** Refuse decompression bombs before decoding: 200 megapixels. */
const MAX_INPUT_PIXELS = 200_000_000;

export interface DecodedImage {
  /** Pixels as handed to the engine, possibly shrunk. */
  image: RgbaImage;
  /** Size of the photo as the user sees it (EXIF orientation applied). */
  width: number;
  height: number;
  /** Multiply engine coordinates by this to get the photo's own pixels. */
  scale: number;
  format: ImageFormat;
}

/** Decodes JPEG, PNG, WebP or GIF (first frame) to sRGB RGBA with EXIF orientation applied. */
export async function decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
  const problem = imageProblem(bytes);
  if (problem) throw new Error(problem);
  const format = sniffFormat(bytes) as ImageFormat;
  let meta: sharp.Metadata;
  try {
    // Reading the header alone is cheap; the size check below gives a clearer error than sharp's.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new Error(`unreadable ${format}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = (rotated ? meta.height : meta.width) ?? 0;
  const height = (rotated ? meta.width : meta.height) ?? 0;
  if (width * height > MAX_INPUT_PIXELS) throw new Error(`image is too large: ${width}x${height} exceeds ${MAX_INPUT_PIXELS / 1e6} megapixels`);
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated', pages: 1 })
      .rotate()
      .resize({ width: MAX_DECODE_SIDE, height: MAX_DECODE_SIDE, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // Clamped, as the browser's ImageData: the engine's pixel loops then see one array type everywhere.
    const image: RgbaImage = { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
    return { image, width, height, scale: width / info.width, format };
  } catch (error) {
    throw new Error(`unreadable ${format}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
