import sharp from 'sharp';
import { expect, it } from 'vitest';
import { overPixelBudget } from '../../src/offscreen/pixel-budget.js';

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: 'white' } }).png({ compressionLevel: 9 }).toBuffer();

it('refuses from the header alone an image over 50 megapixels, and lets the rest through to the decoder', async () => {
  expect(overPixelBudget(await png(8000, 8000))).toBe('the image is too large to analyse: 8000×8000 px is 64 megapixels; the limit is 50');
  expect(overPixelBudget(await png(7000, 7000))).toBeNull();
  const jpeg = await sharp({ create: { width: 12000, height: 6000, channels: 3, background: 'grey' } }).jpeg().toBuffer();
  expect(overPixelBudget(jpeg)).toMatch(/12000×6000 px is 72 megapixels/);
  expect(overPixelBudget(new Uint8Array([1, 2, 3, 4]))).toBeNull();
}, 60_000);
