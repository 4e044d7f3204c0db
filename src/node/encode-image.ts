import sharp from 'sharp';
import type { RgbaImage } from '../engine/types.js';

/** A JPEG data URL of RGBA pixels, as identity packs store thumbnails. */
export async function jpegDataUrl(img: RgbaImage, quality = 85): Promise<string> {
  const jpeg = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
    .removeAlpha()
    .jpeg({ quality })
    .toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}
