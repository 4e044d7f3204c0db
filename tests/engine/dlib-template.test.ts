import { describe, expect, it } from 'vitest';
import {
  BLAZEFACE_CHIP_TEMPLATE,
  DLIB_CHIP_TEMPLATE,
  DLIB_FIT_LANDMARKS,
  LANDMARK_CHIP_TEMPLATE,
  blazefaceChipTransform,
  chipPoint,
  dlibChipTransform,
} from '../../src/engine/align/dlib-template.js';
import { applyAffine, invertAffine } from '../../src/engine/align/umeyama.js';
import type { Affine, Point } from '../../src/engine/types.js';

const imageFromChip: Affine = (() => {
  const s = 3.2;
  const a = (12 * Math.PI) / 180;
  return [s * Math.cos(a), -s * Math.sin(a), 410, s * Math.sin(a), s * Math.cos(a), 95];
})();

function expectAffineClose(actual: Affine, expected: Affine): void {
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 9));
}

describe('dlib chip template', () => {
  it("places dlib's mean face with padding 0.25 in a 150 px chip", () => {
    expect(DLIB_CHIP_TEMPLATE).toHaveLength(51);
    expect(DLIB_CHIP_TEMPLATE[0]![0]).toBeCloseTo(((0.000213256 + 0.25) / 1.5) * 150, 9);
    expect(DLIB_CHIP_TEMPLATE[30 - 17]).toEqual(chipPoint([0.490127, 0.515625])); // nose tip
    expect(chipPoint([0, 1], 200, 0.2)).toEqual([(0.2 / 1.4) * 200, (1.2 / 1.4) * 200]);
  });

  it('derives symmetric BlazeFace and landmark targets', () => {
    const [rightEye, leftEye, nose, mouth] = BLAZEFACE_CHIP_TEMPLATE as [Point, Point, Point, Point];
    expect(rightEye[0]).toBeCloseTo(47.55, 2);
    expect(leftEye[0]).toBeCloseTo(100.48, 2);
    expect(rightEye[1]).toBeCloseTo(leftEye[1], 9);
    expect(nose[0]).toBeCloseTo(74.01, 2);
    expect(mouth).toEqual([expect.closeTo(74.01, 2), expect.closeTo(105.42, 2)]);
    expect(LANDMARK_CHIP_TEMPLATE.slice(0, 3)).toEqual(BLAZEFACE_CHIP_TEMPLATE.slice(0, 3));
    expect(LANDMARK_CHIP_TEMPLATE[3]![1]).toBeCloseTo(LANDMARK_CHIP_TEMPLATE[4]![1], 9); // mouth corners level
  });

  it('fits the same landmarks dlib does', () => {
    expect(DLIB_FIT_LANDMARKS).toHaveLength(28 + 5);
    expect(DLIB_FIT_LANDMARKS).toContain(27);
    expect(DLIB_FIT_LANDMARKS).toContain(54);
    expect(DLIB_FIT_LANDMARKS).toContain(64);
    expect(DLIB_FIT_LANDMARKS).not.toContain(26); // eyebrow
    expect(DLIB_FIT_LANDMARKS).not.toContain(57); // lower lip
  });
});

describe('chip transforms', () => {
  it('recover chip-from-image from BlazeFace keypoints', () => {
    const keypoints = [...BLAZEFACE_CHIP_TEMPLATE.map((p) => applyAffine(imageFromChip, p)), [0, 0] as Point, [1, 1] as Point];
    expectAffineClose(blazefaceChipTransform(keypoints), invertAffine(imageFromChip));
  });

  it('recover chip-from-image from 68 landmarks, ignoring jaw, eyebrows and lower lip', () => {
    const landmarks = Array.from({ length: 68 }, (_, i): Point => {
      const onFace = i >= 17 ? applyAffine(imageFromChip, DLIB_CHIP_TEMPLATE[i - 17] as Point) : ([0, 0] as Point);
      return DLIB_FIT_LANDMARKS.includes(i) ? onFace : [onFace[0] + 40, onFace[1] - 25];
    });
    expectAffineClose(dlibChipTransform(landmarks), invertAffine(imageFromChip));
  });

  it('reject too few points', () => {
    expect(() => blazefaceChipTransform([[0, 0]])).toThrow(/4 keypoints/);
    expect(() => dlibChipTransform([[0, 0]])).toThrow(/68 landmarks/);
  });
});
