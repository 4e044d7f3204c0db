/**
 * Least-squares similarity transforms (rotation + uniform scale + translation) between point sets.
 */
import type { Affine, Point } from '../types.js';

/**
 * The similarity T minimising sum |T(src_i) - dst_i|^2 (Umeyama 1991). In 2D the closed form
 * needs no SVD: with both sets centred, the optimal [[a, -b], [b, a]] has
 *   a = sum(sx*dx + sy*dy) / sum(|s|^2),  b = sum(sx*dy - sy*dx) / sum(|s|^2),
 * which is a rotation times a positive scale, so a reflection can never come out.
 */
export function similarityFromPoints(src: readonly Point[], dst: readonly Point[]): Affine {
  const n = src.length;
  if (n !== dst.length) throw new Error(`similarityFromPoints: ${n} source points but ${dst.length} destination points`);
  if (n < 2) throw new Error(`similarityFromPoints needs at least 2 point pairs, got ${n}`);
  let sxMean = 0;
  let syMean = 0;
  let dxMean = 0;
  let dyMean = 0;
  for (let i = 0; i < n; i++) {
    const [sx, sy] = src[i] as Point;
    const [dx, dy] = dst[i] as Point;
    sxMean += sx / n;
    syMean += sy / n;
    dxMean += dx / n;
    dyMean += dy / n;
  }
  let dotSum = 0;
  let crossSum = 0;
  let srcNorm = 0;
  for (let i = 0; i < n; i++) {
    const [sx0, sy0] = src[i] as Point;
    const [dx0, dy0] = dst[i] as Point;
    const sx = sx0 - sxMean;
    const sy = sy0 - syMean;
    const dx = dx0 - dxMean;
    const dy = dy0 - dyMean;
    dotSum += sx * dx + sy * dy;
    crossSum += sx * dy - sy * dx;
    srcNorm += sx * sx + sy * sy;
  }
  if (srcNorm === 0) throw new Error('similarityFromPoints: all source points coincide');
  const a = dotSum / srcNorm;
  const b = crossSum / srcNorm;
  return [a, -b, dxMean - a * sxMean + b * syMean, b, a, dyMean - b * sxMean - a * syMean];
}

export function applyAffine(m: Affine, [x, y]: Point): Point {
  return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]];
}

export function invertAffine(m: Affine): Affine {
  const [a, b, tx, c, d, ty] = m;
  const det = a * d - b * c;
  if (det === 0 || !Number.isFinite(det)) throw new Error('invertAffine: the transform is singular');
  const ia = d / det;
  const ib = -b / det;
  const ic = -c / det;
  const id = a / det;
  return [ia, ib, -(ia * tx + ib * ty), ic, id, -(ic * tx + id * ty)];
}
