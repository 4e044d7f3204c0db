/**
 * The bad images a page can show, generated at test time from a real photo, and the message
 * the user gets when trying to enroll a face from each. Photos stay in ../shared/faces; these
 * bytes live only in the test server's memory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { facesDir } from '../../helpers/faces-dir.js';
import { waitFor, type Driver, type TestPage } from './driver.js';
import type { Site } from './site.js';
import { seededFloats } from '../../helpers/seeded-random.js';

export interface BadImage {
  name: string;
  /** What the test server serves (or, for data: URIs, the src itself). */
  body: Uint8Array | string;
  type: string;
  /** The toast the user sees after "Enroll this face…". */
  message: RegExp;
}

const noise = (n: number, seed: number) => Uint8Array.from(seededFloats(seed, n, 0, 255), (v) => Math.floor(v));
const READ = 'Facetag: could not read the image: ';

export async function badImages(): Promise<{ bad: BadImage[]; dataUris: { name: string; src: string; message: RegExp }[] }> {
  const photo = readFileSync(join(facesDir(), 'face-api.js/identities/penny/penny1.png'));
  const jpeg = await sharp(photo).jpeg().toBuffer();
  // A JPEG's start and end markers around noise: every byte-level check passes, the decoder refuses.
  const corrupt = Buffer.concat([jpeg.subarray(0, 2), noise(20_000, 7), Buffer.from([0xff, 0xd9])]);
  const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><circle cx="150" cy="150" r="120" fill="tan"/><circle cx="110" cy="120" r="12"/><circle cx="190" cy="120" r="12"/><path d="M100 200 q50 40 100 0" stroke="black" fill="none"/></svg>';
  const bad: BadImage[] = [
    { name: 'corrupt.jpg', body: corrupt, type: 'image/jpeg', message: new RegExp(`^${READ}the image is corrupt or not a format the browser can decode`) },
    { name: 'truncated.jpg', body: jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), type: 'image/jpeg', message: new RegExp(`^${READ}the JPEG file is truncated: it ends before the image does$`) },
    { name: 'empty.png', body: new Uint8Array(0), type: 'image/png', message: new RegExp(`^${READ}the image file is empty \\(0 bytes\\)$`) },
    { name: 'one-pixel.png', body: await sharp({ create: { width: 1, height: 1, channels: 3, background: 'white' } }).png().toBuffer(), type: 'image/png', message: new RegExp(`^${READ}the image is too small to hold a face \\(1×1 px\\)$`) },
    { name: 'drawing.svg', body: svg, type: 'image/svg+xml', message: new RegExp(`^${READ}SVG drawings are not analysed: Facetag reads photos`) },
    // A decompression bomb (issue 14, finding 8): 64 megapixels in a few hundred KB, refused from its header before any decode.
    { name: 'bomb.png', body: await sharp({ create: { width: 8000, height: 8000, channels: 3, background: 'white' } }).png({ compressionLevel: 9 }).toBuffer(), type: 'image/png', message: new RegExp(`^${READ}the image is too large to analyse: 8000×8000 px is 64 megapixels; the limit is 50$`) },
  ];
  const dataUris = [
    // Valid base64 of bytes that are no image.
    { name: 'data-noise', src: `data:image/png;base64,${Buffer.from(noise(3000, 11)).toString('base64')}`, message: new RegExp(`^${READ}the image is corrupt or not a format the browser can decode`) },
    // Not base64 at all.
    { name: 'data-garbage', src: 'data:image/jpeg;base64,%%%this-is-not*base64%%%', message: new RegExp(`^${READ}the data: URL holds no readable image \\(malformed\\)$`) },
  ];
  return { bad, dataUris };
}

/** A two-frame animation: the photo first, then a blank frame (the first frame is what Facetag analyses). */
export async function animation(photoPath: string, format: 'gif' | 'webp'): Promise<Buffer> {
  const face = await sharp(photoPath).resize({ width: 300 }).png().toBuffer();
  const { width = 300, height = 300 } = await sharp(face).metadata();
  const blank = await sharp({ create: { width, height, channels: 3, background: 'white' } }).png().toBuffer();
  const frames = sharp([face, blank], { join: { animated: true } });
  return format === 'gif' ? frames.gif({ delay: [400, 400] }).toBuffer() : frames.webp({ delay: [400, 400] }).toBuffer();
}

export interface BadOnPage {
  id: string;
  src: string;
  message: RegExp;
}

/** Publishes every bad image on the site; each gets an <img id> on the page. */
export async function publishBadImages(site: Site): Promise<BadOnPage[]> {
  const { bad, dataUris } = await badImages();
  return [
    ...bad.map((b) => ({ id: b.name.replace(/\W/g, ''), src: site.file(b.name, b.body, b.type), message: b.message })),
    ...dataUris.map((d) => ({ id: d.name.replace(/\W/g, ''), src: d.src, message: d.message })),
  ];
}

/** "Enroll this face…" on each bad image: the user reads its message, and no name prompt opens. */
export async function expectEnrollMessages(driver: Driver, page: TestPage, images: BadOnPage[]): Promise<void> {
  const shown = async () => (await page.accessibles(/^Facetag: could not/))[0]?.name;
  let previous: string | undefined;
  for (const image of images) {
    await page.rightClick(`#${image.id}`);
    await driver.clickEnrollMenu(page, image.src);
    // Consecutive images have different messages; the accessibility tree may still hold the last one a moment.
    const toast = await waitFor(`the message for ${image.id}`, async () => {
      const name = await shown();
      return name !== undefined && name !== previous ? name : null;
    }, 60_000);
    if (!image.message.test(toast)) throw new Error(`${image.id}: "${toast}" does not match ${String(image.message)}`);
    if (await page.focusInOverlay()) throw new Error(`${image.id}: a name prompt opened`);
    await waitFor('the message to go', async () => (await shown()) === undefined, 15_000);
    previous = toast;
  }
}
