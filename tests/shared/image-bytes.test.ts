import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageProblem, looksLikeSvg } from '../../src/shared/image-bytes.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const picture = (format: 'jpeg' | 'png' | 'gif' | 'webp') =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 40 } } })[format]().toBuffer().then((b) => new Uint8Array(b));

describe('imageProblem', () => {
  it('passes whole JPEG, PNG, GIF and WebP files', async () => {
    for (const format of ['jpeg', 'png', 'gif', 'webp'] as const) expect(imageProblem(await picture(format)), format).toBeNull();
  });

  it('names each truncated format', async () => {
    for (const format of ['jpeg', 'png', 'gif', 'webp'] as const) {
      const whole = await picture(format);
      expect(imageProblem(whole.subarray(0, Math.floor(whole.length * 0.6))), format).toBe(`the ${format.toUpperCase()} file is truncated: it ends before the image does`);
    }
  });

  it('refuses empty files, SVG drawings and text, and lets other formats through only when asked', () => {
    expect(imageProblem(new Uint8Array(0))).toBe('the image file is empty (0 bytes)');
    const svg = bytes('\uFEFF  <?xml version="1.0"?><!-- a drawing --><svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(looksLikeSvg(svg)).toBe(true);
    expect(imageProblem(svg)).toMatch(/^SVG drawings are not analysed/);
    expect(imageProblem(bytes('<html><body>not a picture</body></html>'))).toMatch(/^not a supported image/);
    const bmp = bytes('BM6\u0000\u0000\u0000');
    expect(imageProblem(bmp)).toMatch(/^not a supported image/);
    expect(imageProblem(bmp, true)).toBeNull();
  });
});
