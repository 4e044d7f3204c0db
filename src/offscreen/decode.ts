/**
 * Fetches and decodes an image inside the extension. The extension holds host access for the
 * site, so a cross-origin image (a tainted canvas for the page) is readable here; the page
 * only ever sends the URL, never pixels.
 */
import type { RgbaImage } from '../engine/types.js';
import { imageProblem } from '../shared/image-bytes.js';
import { errorMessage } from '../shared/result.js';
import { overPixelBudget } from './pixel-budget.js';

/** Bigger photos are shrunk before analysis: faces this large lose nothing, and memory stays bounded. */
export const MAX_SIDE = 2048;
const MAX_BYTES = 50 * 1024 * 1024;
/** A side this short cannot hold a face the engine could find (its smallest face is 24 px). */
const MIN_SIDE = 24;

export interface FetchedImage {
  image: RgbaImage;
  /** Size of the image as published. */
  naturalWidth: number;
  naturalHeight: number;
  /** Wall ms of the fetch (to the whole body) and of the decode to RGBA pixels. */
  fetchMs: number;
  decodeMs: number;
}

/** `maxSide`: the longest side of the decoded copy (never over MAX_SIDE). */
export async function fetchImage(url: string, maxSide = MAX_SIDE): Promise<FetchedImage> {
  const start = performance.now();
  const bytes = await fetchBytes(url);
  if (bytes.length > MAX_BYTES) throw new Error(`image is too large (${Math.round(bytes.length / 1e6)} MB)`);
  const problem = imageProblem(bytes, true) ?? overPixelBudget(bytes);
  if (problem) throw new Error(problem);
  const fetched = performance.now();
  let bitmap: ImageBitmap;
  try {
    // Animated GIF/WebP: the first frame is what gets analysed (as the CLI does).
    bitmap = await createImageBitmap(new Blob([bytes]));
  } catch (error) {
    throw new Error(`the image is corrupt or not a format the browser can decode (${errorMessage(error)})`);
  }
  try {
    if (bitmap.width < MIN_SIDE || bitmap.height < MIN_SIDE) throw new Error(`the image is too small to hold a face (${bitmap.width}×${bitmap.height} px)`);
    const image = toRgba(bitmap, bitmap.width, bitmap.height, Math.min(maxSide, MAX_SIDE));
    return { image, naturalWidth: bitmap.width, naturalHeight: bitmap.height, fetchMs: fetched - start, decodeMs: performance.now() - fetched };
  } finally {
    bitmap.close();
  }
}

async function fetchBytes(url: string): Promise<Uint8Array<ArrayBuffer>> {
  let res: Response;
  try {
    // No cookies: Facetag should see what any visitor sees, and never act as the user on a site.
    res = await fetch(url, { credentials: 'omit', cache: 'force-cache' });
  } catch (error) {
    throw new Error(url.startsWith('data:') ? 'the data: URL holds no readable image (malformed)' : `the image could not be fetched (${errorMessage(error)})`);
  }
  if (!res.ok) throw new Error(`image fetch failed: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function toRgba(source: CanvasImageSource, width: number, height: number, maxSide: number): RgbaImage {
  const k = Math.min(1, maxSide / Math.max(width, height));
  const w = Math.max(1, Math.round(width * k));
  const h = Math.max(1, Math.round(height * k));
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.drawImage(source, 0, 0, w, h);
  return { width: w, height: h, data: ctx.getImageData(0, 0, w, h).data };
}

/** A JPEG data URL of RGBA pixels (reference thumbnails). */
export async function jpegDataUrl(img: RgbaImage, quality = 0.85): Promise<string> {
  const canvas = new OffscreenCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.putImageData(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), 0, 0);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality })).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/jpeg;base64,${btoa(binary)}`;
}
