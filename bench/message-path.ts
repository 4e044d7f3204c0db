/**
 * What it costs to hand a page image to the engine through extension messaging, which
 * serialises every message as JSON (chrome.runtime / browser.runtime; no transferables).
 * Compares the three candidate paths for a 1024x1024 image: its RGBA pixels as a JSON array,
 * a downscaled JPEG data URL, and the image URL alone (the engine fetches and decodes it).
 *
 *   npx tsx bench/message-path.ts
 */
import sharp from 'sharp';

const SIDE = 1024;
const RUNS = 5;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median ms of a JSON round trip, as messaging does it, and the message size. */
function roundTrip(payload: unknown): { ms: number; bytes: number } {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const text = JSON.stringify({ type: 'engine.analyse', payload });
    JSON.parse(text);
    times.push(performance.now() - start);
    bytes = text.length;
  }
  return { ms: median(times), bytes };
}

const pixels = new Uint8ClampedArray(SIDE * SIDE * 4).map((_, i) => (i * 2654435761) >>> 24);
const jpeg = await sharp(Buffer.from(pixels.buffer), { raw: { width: SIDE, height: SIDE, channels: 4 } }).removeAlpha().jpeg({ quality: 85 }).toBuffer();
const rows = [
  ['RGBA pixels as a JSON array', roundTrip({ width: SIDE, height: SIDE, data: Array.from(pixels) })],
  ['JPEG data URL (quality 85)', roundTrip({ url: `data:image/jpeg;base64,${jpeg.toString('base64')}` })],
  ['the image URL', roundTrip({ url: 'https://photos.example/album/2026/IMG_0412.jpg' })],
] as const;
process.stdout.write(`| path, ${SIDE}x${SIDE} image | message size | JSON round trip (median of ${RUNS}) |\n|---|---|---|\n`);
for (const [name, r] of rows) process.stdout.write(`| ${name} | ${(r.bytes / 1e6).toFixed(3)} MB | ${r.ms.toFixed(2)} ms |\n`);
