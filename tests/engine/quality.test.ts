import { describe, expect, it } from 'vitest';
import { BLAZEFACE_CHIP_TEMPLATE } from '../../src/engine/align/dlib-template.js';
import { assessQuality } from '../../src/engine/quality.js';
import type { Detection, Point, RgbaImage } from '../../src/engine/types.js';

const SIZE = 200;

/** Seeded per-pixel noise: as much fine detail as an image can have. */
function noiseImage(): RgbaImage {
  let state = 12345;
  const data = new Uint8ClampedArray(SIZE * SIZE * 4);
  for (let i = 0; i < data.length; i += 4) {
    state = (state * 1103515245 + 12345) >>> 0;
    const v = state >>> 24;
    data.set([v, v, v, 255], i);
  }
  return { width: SIZE, height: SIZE, data };
}

/** Three passes of a 7x7 box blur (close to a Gaussian of sigma 3.5). */
function blurred(img: RgbaImage): RgbaImage {
  let src = img.data;
  for (let pass = 0; pass < 3; pass++) {
    const dst = new Uint8ClampedArray(src.length);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        let sum = 0;
        let n = 0;
        for (let dy = -3; dy <= 3; dy++) {
          for (let dx = -3; dx <= 3; dx++) {
            const xx = x + dx;
            const yy = y + dy;
            if (xx < 0 || yy < 0 || xx >= SIZE || yy >= SIZE) continue;
            sum += src[(yy * SIZE + xx) * 4] as number;
            n++;
          }
        }
        dst.set([sum / n, sum / n, sum / n, 255], (y * SIZE + x) * 4);
      }
    }
    src = dst;
  }
  return { width: SIZE, height: SIZE, data: src };
}

/** The 150 px chip template placed at (25, 25): a frontal face of about 107 px. */
const frontal: Point[] = BLAZEFACE_CHIP_TEMPLATE.map(([x, y]): Point => [x + 25, y + 25]);
const face = (keypoints: Point[], box: Detection['box'] = [45, 40, 110, 110]): Detection => ({ box, score: 0.9, keypoints });
const IOD = frontal[1]![0] - frontal[0]![0];
const DEG = 180 / Math.PI;

describe('assessQuality', () => {
  const sharp = noiseImage();
  const soft = blurred(sharp);

  it('rates a sharp frontal face as good, with no reasons', () => {
    const q = assessQuality(sharp, face(frontal));
    expect(q.size).toBe(1);
    expect(q.sharpness).toBe(1);
    expect(Math.abs(q.yaw)).toBeLessThan(0.1);
    expect(Math.abs(q.pitch)).toBeLessThan(5);
    expect(q.roll).toBeCloseTo(0, 9);
    expect(q.score).toBeGreaterThan(0.99);
    expect(q.reasons).toEqual([]);
  });

  it('says a blurred face is blurry and ranks it lower', () => {
    const good = assessQuality(sharp, face(frontal));
    const q = assessQuality(soft, face(frontal));
    expect(q.sharpness).toBeLessThan(0.5);
    expect(q.reasons).toEqual(['image is blurry']);
    expect(q.score).toBeLessThan(good.score);
  });

  it('measures yaw from the nose offset and flags a turned face', () => {
    // Nose 0.3 eye distances towards the subject's left eye: yaw = atan(0.3 / 0.5).
    const turned = frontal.map((p, i): Point => (i === 2 ? [p[0] + 0.3 * IOD, p[1]] : p));
    const q = assessQuality(sharp, face(turned));
    expect(q.yaw).toBeCloseTo(Math.atan(0.6) * DEG, 3);
    expect(q.reasons).toEqual(['face is turned away']);
    expect(q.score).toBeLessThan(assessQuality(sharp, face(frontal)).score);
    const mirrored = frontal.map((p, i): Point => (i === 2 ? [p[0] - 0.3 * IOD, p[1]] : p));
    expect(assessQuality(sharp, face(mirrored)).yaw).toBeCloseTo(-Math.atan(0.6) * DEG, 3);
  });

  it('measures roll from the eye line, without penalising it', () => {
    const a = (20 * Math.PI) / 180;
    const [cx, cy] = [100, 100];
    const rolled = frontal.map(([x, y]): Point => [
      cx + (x - cx) * Math.cos(a) - (y - cy) * Math.sin(a),
      cy + (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a),
    ]);
    const q = assessQuality(sharp, face(rolled));
    expect(q.roll).toBeCloseTo(20, 9);
    expect(Math.abs(q.yaw)).toBeLessThan(0.1);
    expect(q.pitch).toBeCloseTo(assessQuality(sharp, face(frontal)).pitch, 9);
  });

  it('detects pitch: a nose close to the eye line means looking up', () => {
    const up = frontal.map((p, i): Point => (i === 2 ? [p[0], p[1] - 0.3 * IOD] : p));
    const q = assessQuality(sharp, face(up));
    expect(q.pitch).toBeGreaterThan(25);
    expect(q.reasons).toContain('face is tilted up or down');
  });

  it('flags a small face', () => {
    const small = frontal.map(([x, y]): Point => [x / 10, y / 10]);
    const q = assessQuality(sharp, face(small, [5, 5, 11, 11]));
    expect(q.size).toBe(0);
    expect(q.score).toBe(0);
    expect(q.reasons).toContain('face is small');
  });
});
