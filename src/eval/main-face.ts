/**
 * The face that stands for a single-person photo when several are found: the largest
 * box × score, i.e. the big, confident face rather than a small background face.
 */
export function mainFace<F extends { box: readonly number[]; score: number }>(faces: readonly F[]): F | null {
  let best: F | null = null;
  let bestValue = -Infinity;
  for (const f of faces) {
    const value = (f.box[2] ?? 0) * (f.box[3] ?? 0) * f.score;
    if (value > bestValue) [best, bestValue] = [f, value];
  }
  return best;
}
