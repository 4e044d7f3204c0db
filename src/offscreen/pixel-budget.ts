/**
 * The decompression-bomb guard of the engine host (issue 14, finding 8). A browser decodes an
 * image whole before it can be shrunk: six 23,000 × 23,000 PNGs of 0.5 MB each, hidden on a page,
 * took the extension's engine process from 287 MB to 4.36 GB. The size in the file's header is
 * read first (image-size, no decoding), and anything over the budget is refused with the reason.
 * 50 megapixels is above the photos of nearly every camera and far above what pages serve.
 */
import { imageSize } from 'image-size';

export const MAX_DECODE_MEGAPIXELS = 50;

/** Why the header's size rules out decoding these bytes, or null (also when it cannot be read: the decoder decides). */
export function overPixelBudget(bytes: Uint8Array): string | null {
  let width: number;
  let height: number;
  try {
    ({ width, height } = imageSize(bytes));
  } catch {
    return null;
  }
  const megapixels = (width * height) / 1e6;
  if (megapixels <= MAX_DECODE_MEGAPIXELS) return null;
  return `the image is too large to analyse: ${width}×${height} px is ${Math.round(megapixels)} megapixels; the limit is ${MAX_DECODE_MEGAPIXELS}`;
}
