/**
 * Fetches and decodes an image inside the extension. The extension holds host access for the
 * site, so a cross-origin image (a tainted canvas for the page) is readable here; the page
 * only ever sends the URL, never pixels.
 */
import type { RgbaImage } from '../engine/types.js';

/** Bigger photos are shrunk before analysis: faces this large lose nothing, and memory stays bounded. */
export const MAX_SIDE = 2048;
const MAX_BYTES = 50 * 1024 * 1024;

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
  // No cookies: Facetag should see what any visitor sees, and never act as the user on a site.
  const start = performance.now();
  const res = await fetch(url, { credentials: 'omit', cache: 'force-cache' });
  if (!res.ok) throw new Error(`image fetch failed: HTTP ${res.status}`);
  const blob = await res.blob();
  if (blob.size > MAX_BYTES) throw new Error(`image is too large (${Math.round(blob.size / 1e6)} MB)`);
  const fetched = performance.now();
  const bitmap = await createImageBitmap(blob);
  try {
    const image = toRgba(bitmap, bitmap.width, bitmap.height, Math.min(maxSide, MAX_SIDE));
    return { image, naturalWidth: bitmap.width, naturalHeight: bitmap.height, fetchMs: fetched - start, decodeMs: performance.now() - fetched };
  } finally {
    bitmap.close();
  }
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
