import { describe, expect, it } from 'vitest';
import { iou, weightedNms } from '../../src/engine/detect/nms.js';
import type { Detection } from '../../src/engine/types.js';

const det = (box: Detection['box'], score: number, kp: [number, number]): Detection => ({ box, score, keypoints: [kp] });

describe('iou', () => {
  it('computes intersection over union', () => {
    expect(iou([0, 0, 10, 10], [5, 0, 10, 10])).toBeCloseTo(50 / 150, 12);
    expect(iou([0, 0, 10, 10], [10, 0, 10, 10])).toBe(0);
    expect(iou([0, 0, 10, 10], [0, 0, 10, 10])).toBe(1);
  });
});

describe('weightedNms', () => {
  it('merges overlapping detections, weighting box corners and keypoints by score', () => {
    const a = det([0, 0, 10, 10], 0.9, [5, 5]);
    const b = det([2, 0, 10, 12], 0.6, [10, 5]);
    const [m, ...rest] = weightedNms([b, a], 0.3);
    expect(rest).toHaveLength(0);
    expect(m!.score).toBe(0.9);
    // left (0.9*0 + 0.6*2)/1.5 = 0.8, right (0.9*10 + 0.6*12)/1.5 = 10.8, bottom (9 + 7.2)/1.5 = 10.8
    expect(m!.box[0]).toBeCloseTo(0.8, 12);
    expect(m!.box[1]).toBeCloseTo(0, 12);
    expect(m!.box[2]).toBeCloseTo(10, 12);
    expect(m!.box[3]).toBeCloseTo(10.8, 12);
    expect(m!.keypoints[0]![0]).toBeCloseTo(7, 12); // (0.9*5 + 0.6*10)/1.5
  });

  it('keeps separate faces apart, best first', () => {
    const out = weightedNms([det([0, 0, 10, 10], 0.7, [5, 5]), det([50, 50, 10, 10], 0.8, [55, 55])], 0.3);
    expect(out.map((d) => d.score)).toEqual([0.8, 0.7]);
    expect(out[0]!.box).toEqual([50, 50, 10, 10]);
  });

  it('merges only above the IoU threshold, and clusters around the best one', () => {
    const best = det([0, 0, 10, 10], 0.9, [0, 0]);
    const third = det([5, 0, 10, 10], 0.5, [0, 0]); // IoU 1/3 with best
    expect(weightedNms([best, third], 1 / 3)).toHaveLength(2);
    expect(weightedNms([best, third], 0.33)).toHaveLength(1);
    // Far from the best but overlapping a weaker one: not pulled into the best's cluster.
    const out = weightedNms([best, third, det([12, 0, 10, 10], 0.4, [0, 0])], 0.3);
    expect(out).toHaveLength(2);
    expect(out[1]!.score).toBe(0.4);
  });

  it('returns nothing for nothing', () => {
    expect(weightedNms([], 0.3)).toEqual([]);
  });
});
