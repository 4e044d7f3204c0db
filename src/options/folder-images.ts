/**
 * A chosen file as the engine takes it: a JPEG data URL of at most MAX_SIDE pixels. Shrinking
 * here keeps each message small (a phone photo is 4000 px and several MB) and loses nothing:
 * the engine works on at most 2048 px, and an enrollment photo's face is large.
 */
import { sniffFormat } from '../shared/image-bytes.js';

const MAX_SIDE = 1600;

export class SkipImage extends Error {}

async function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsDataURL(blob);
  });
}

export async function engineImage(file: File): Promise<string> {
  if (!sniffFormat(new Uint8Array(await file.slice(0, 12).arrayBuffer()))) throw new SkipImage('not an image (JPEG, PNG, WebP or GIF)');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new SkipImage('unreadable: the image is damaged');
  }
  try {
    const k = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * k)), Math.max(1, Math.round(bitmap.height * k)));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context');
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return dataUrlOf(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 }));
  } finally {
    bitmap.close();
  }
}
