import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from '../helpers/cli.js';
import { facesDir } from '../helpers/faces-dir.js';

/** Rewrites the frame size in a baseline JPEG's SOF0 segment (no checksum guards it). */
function withJpegSize(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 0; i < out.length - 9; i++) {
    if (out[i] === 0xff && out[i + 1] === 0xc0) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
  }
  throw new Error('no SOF0 segment');
}

/** A 2-frame animation of `photo` (200 px) followed by a white frame. */
async function animated(photo: Buffer, format: 'gif' | 'webp'): Promise<Buffer> {
  const face = await sharp(photo).resize(200, 200).png().toBuffer();
  const blank = await sharp({ create: { width: 200, height: 200, channels: 3, background: 'white' } }).png().toBuffer();
  const frames = sharp([face, blank], { join: { animated: true } });
  return format === 'gif' ? frames.gif({ delay: [500, 500] }).toBuffer() : frames.webp({ delay: [500, 500] }).toBuffer();
}

describe('facetag scan --jsonl', () => {
  let dir: string;
  let bad: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'facetag-scan-'));
    const write = (name: string, bytes: Uint8Array | string): string => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    };
    const ivan = await sharp(join(facesDir(), 'mtcnn/ivan.jpg')).toBuffer();
    bad = {
      empty: write('empty.jpg', new Uint8Array(0)),
      text: write('notes.png', 'this is not an image'),
      truncated: write('truncated.jpg', ivan.subarray(0, 4000)),
      tiny: write('tiny.png', await sharp({ create: { width: 1, height: 1, channels: 3, background: 'white' } }).png().toBuffer()),
      // A JPEG whose header claims 20000x20000: refused before any pixel is decoded.
      huge: write('huge.jpg', withJpegSize(await sharp({ create: { width: 8, height: 8, channels: 3, background: 'white' } }).jpeg().toBuffer(), 20000, 20000)),
      grey: write('grey.jpg', await sharp(ivan).grayscale().jpeg().toBuffer()),
      cmyk: write('cmyk.jpg', await sharp(ivan).toColourspace('cmyk').jpeg().toBuffer()),
      webpAsJpg: write('photo.jpg', await sharp(ivan).webp().toBuffer()),
      gif: write('anim.gif', await sharp(ivan).resize(200).gif().toBuffer()),
      // Two frames: Ivan, then a blank frame. The first frame is what Facetag analyses.
      animatedGif: write('two-frames.gif', await animated(ivan, 'gif')),
      animatedWebp: write('two-frames.webp', await animated(ivan, 'webp')),
      svg: write('drawing.png', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="100" cy="100" r="80"/></svg>'),
      // What a page's garbage data: URI holds once saved to disk: text, not image bytes.
      dataUri: write('pasted.jpg', 'data:image/png;base64,iVBORw0KGgo!!garbage!!'),
      truncatedPng: write('cut.png', (await sharp(ivan).png().toBuffer()).subarray(0, 9000)),
    };
  }, 120_000);

  it('prints one line per image with box, 5 landmarks, quality and a unit embedding', async () => {
    const ivan = join(facesDir(), 'mtcnn/ivan.jpg');
    const result = await runCli(['scan', '--jsonl', ivan]);
    expect(result.code).toBe(0);
    const [line] = jsonLines(result.stdout);
    expect(line?.file).toBe(ivan);
    expect(line?.width).toBe(561);
    expect(line?.height).toBe(561);
    expect(line?.ms).toBeGreaterThan(0);
    const faces = line?.faces as { box: number[]; score: number; landmarks: number[][]; quality: number; embedding: number[] }[];
    expect(faces).toHaveLength(1);
    const [face] = faces;
    expect(face?.box).toHaveLength(4);
    expect(face?.landmarks).toHaveLength(5);
    expect(face?.quality).toBeGreaterThan(0.5);
    const norm = Math.hypot(...(face?.embedding ?? []));
    expect(face?.embedding).toHaveLength(128);
    expect(norm).toBeCloseTo(1, 4);
    // The subject's right eye is on the image's left, above the mouth corners.
    const [rightEye, leftEye, , mouthRight] = face?.landmarks ?? [];
    expect(rightEye?.[0]).toBeLessThan(leftEye?.[0] ?? 0);
    expect(mouthRight?.[1]).toBeGreaterThan(rightEye?.[1] ?? Infinity);
  });

  it('gives bad files a clear error line or an empty result, and goes on', async () => {
    const ivan = join(facesDir(), 'mtcnn/ivan.jpg');
    const result = await runCli(['scan', '--jsonl', ...Object.values(bad), ivan]);
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    const byName = new Map(lines.map((l) => [String(l.file).split('/').pop(), l]));
    expect(byName.get('empty.jpg')?.error).toBe('the image file is empty (0 bytes)');
    expect(byName.get('notes.png')?.error).toMatch(/not a supported image/);
    expect(byName.get('truncated.jpg')?.error).toBe('the JPEG file is truncated: it ends before the image does');
    expect(byName.get('cut.png')?.error).toBe('the PNG file is truncated: it ends before the image does');
    expect(byName.get('drawing.png')?.error).toMatch(/^SVG drawings are not analysed/);
    expect(byName.get('pasted.jpg')?.error).toMatch(/^not a supported image: Facetag reads photos/);
    expect(byName.get('huge.jpg')?.error).toMatch(/too large: 20000x20000/);
    expect(byName.get('tiny.png')?.faces).toEqual([]);
    // Greyscale, CMYK, WebP behind a .jpg name and GIF all still show Ivan's face.
    for (const name of ['grey.jpg', 'cmyk.jpg', 'photo.jpg', 'anim.gif', 'two-frames.gif', 'two-frames.webp']) expect((byName.get(name)?.faces as unknown[]).length, name).toBe(1);
    expect((byName.get('ivan.jpg')?.faces as unknown[]).length).toBe(1);
  });

  it('exits non-zero only when nothing could be read', async () => {
    const result = await runCli(['scan', '--jsonl', bad.empty as string, bad.text as string]);
    expect(result.code).toBe(1);
    expect(jsonLines(result.stdout)).toHaveLength(2);
  });
});
