import { describe, expect, it } from 'vitest';
import { BLAZEFACE_BACK, BLAZEFACE_FRONT } from '../../src/engine/detect/anchors.js';
import { BLAZEFACE_REGRESSORS, decodeBlazeface, detectionToImage } from '../../src/engine/detect/decode.js';
import type { Affine } from '../../src/engine/types.js';

const BLAZEFACE_ANCHORS = BLAZEFACE_BACK.anchors;
const BLAZEFACE_ANCHOR_COUNT = BLAZEFACE_ANCHORS.length / 2;
const anchor = (i: number, anchors = BLAZEFACE_ANCHORS) => [anchors[2 * i], anchors[2 * i + 1]];

describe('blazeface anchors', () => {
  it('has 512 stride-16 anchors then 384 stride-32 anchors', () => {
    expect(BLAZEFACE_ANCHOR_COUNT).toBe(896);
    expect(anchor(0)).toEqual([8, 8]);
    expect(anchor(1)).toEqual([8, 8]); // 2 anchors per cell
    expect(anchor(2)).toEqual([24, 8]);
    expect(anchor(32)).toEqual([8, 24]); // next row after 16 cells x 2
    expect(anchor(511)).toEqual([248, 248]);
    expect(anchor(512)).toEqual([16, 16]);
    expect(anchor(517)).toEqual([16, 16]); // 6 anchors per cell
    expect(anchor(518)).toEqual([48, 16]);
    expect(anchor(895)).toEqual([240, 240]);
  });

  it('front model: 512 stride-8 anchors on 128 px, then 384 stride-16 anchors', () => {
    const front = BLAZEFACE_FRONT.anchors;
    expect(front.length / 2).toBe(896);
    expect(BLAZEFACE_FRONT.fineAnchors).toBe(512);
    expect(BLAZEFACE_BACK.fineAnchors).toBe(512);
    expect(anchor(0, front)).toEqual([4, 4]);
    expect(anchor(2, front)).toEqual([12, 4]);
    expect(anchor(511, front)).toEqual([124, 124]);
    expect(anchor(512, front)).toEqual([8, 8]);
    expect(anchor(518, front)).toEqual([24, 8]);
    expect(anchor(895, front)).toEqual([120, 120]);
  });
});

function rawOutput(): { scores: Float32Array; regressors: Float32Array } {
  return { scores: new Float32Array(BLAZEFACE_ANCHOR_COUNT).fill(-10), regressors: new Float32Array(BLAZEFACE_ANCHOR_COUNT * BLAZEFACE_REGRESSORS) };
}

describe('decodeBlazeface', () => {
  it('decodes a synthesized anchor into box, score and keypoints in input pixels', () => {
    const { scores, regressors } = rawOutput();
    // Anchor 600 = stride-32 cell 14 (row 1, column 6): centre (208, 48).
    scores[600] = 2;
    regressors.set([3, -2, 40, 50, -10, -5, 10, -5, 0, 4, 0, 14, -18, 0, 18, 0], 600 * BLAZEFACE_REGRESSORS);
    const dets = decodeBlazeface(scores, regressors, BLAZEFACE_BACK, { minScore: 0.5 });
    expect(dets).toHaveLength(1);
    const d = dets[0]!;
    expect(d.score).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
    expect(d.box).toEqual([191, 21, 40, 50]);
    expect(d.keypoints).toEqual([[198, 43], [218, 43], [208, 52], [208, 62], [190, 48], [226, 48]]);
  });

  it('keeps scores at the threshold and drops those below', () => {
    const { scores, regressors } = rawOutput();
    scores[0] = 0; // sigmoid 0.5
    scores[1] = -0.01;
    expect(decodeBlazeface(scores, regressors, BLAZEFACE_BACK, { minScore: 0.5 }).map((d) => d.score)).toEqual([0.5]);
    expect(decodeBlazeface(scores, regressors, BLAZEFACE_BACK, { minScore: 0 })).toHaveLength(BLAZEFACE_ANCHOR_COUNT);
  });

  it('rejects outputs of the wrong size', () => {
    expect(() => decodeBlazeface(new Float32Array(895), new Float32Array(896 * 16), BLAZEFACE_BACK, { minScore: 0.5 })).toThrow(/896/);
  });
});

describe('detectionToImage', () => {
  it('applies the letterbox scale and offset to box and keypoints', () => {
    const imageFromInput: Affine = [2, 0, -10, 0, 2, 5];
    const d = detectionToImage({ box: [10, 20, 30, 40], score: 0.9, keypoints: [[15, 25]] }, imageFromInput);
    expect(d).toEqual({ box: [10, 45, 60, 80], score: 0.9, keypoints: [[20, 55]] });
  });
});
