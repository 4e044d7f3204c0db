/**
 * MediaPipe's "WEIGHTED" non-maximum suppression (tensors_to_detections + non_max_suppression
 * calculators). Hard NMS keeps one anchor's jittery box; BlazeFace fires several neighbouring
 * anchors per face, and averaging them gives steadier boxes and keypoints, which matters
 * because the keypoints drive the alignment of the embedding chip.
 */
import type { Box, Detection, Point } from '../types.js';

export function iou(a: Box, b: Box): number {
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const union = a[2] * a[3] + b[2] * b[3] - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Repeatedly takes the best remaining detection and every remaining one overlapping it by
 * IoU > iouThreshold (itself included); the cluster becomes one detection whose box corners
 * and keypoints are the score-weighted mean of its members and whose score is the best one's.
 * Output is sorted by descending score.
 */
export function weightedNms(detections: readonly Detection[], iouThreshold: number): Detection[] {
  let remaining = [...detections].sort((p, q) => q.score - p.score);
  const kept: Detection[] = [];
  while (remaining.length > 0) {
    const best = remaining[0] as Detection;
    const cluster: Detection[] = [];
    const rest: Detection[] = [];
    for (const d of remaining) (d === best || iou(best.box, d.box) > iouThreshold ? cluster : rest).push(d);
    kept.push(blend(cluster, best.score));
    remaining = rest;
  }
  return kept;
}

function blend(cluster: readonly Detection[], score: number): Detection {
  let total = 0;
  let x0 = 0;
  let y0 = 0;
  let x1 = 0;
  let y1 = 0;
  const first = cluster[0] as Detection;
  const keypoints: Point[] = first.keypoints.map(() => [0, 0]);
  for (const d of cluster) {
    const w = d.score;
    total += w;
    x0 += w * d.box[0];
    y0 += w * d.box[1];
    x1 += w * (d.box[0] + d.box[2]);
    y1 += w * (d.box[1] + d.box[3]);
    d.keypoints.forEach(([x, y], k) => {
      const acc = keypoints[k] as Point;
      acc[0] += w * x;
      acc[1] += w * y;
    });
  }
  // All-zero scores cannot weight anything; fall back to the best member unchanged.
  if (total <= 0) return { box: [...first.box], score, keypoints: first.keypoints.map(([x, y]) => [x, y]) };
  for (const p of keypoints) {
    p[0] /= total;
    p[1] /= total;
  }
  return { box: [x0 / total, y0 / total, (x1 - x0) / total, (y1 - y0) / total], score, keypoints };
}
