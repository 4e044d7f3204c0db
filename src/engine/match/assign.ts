/**
 * Joint assignment within one image: a person appears at most once, so the faces compete.
 *
 * Greedy (best pair first) can give face A its favourite person P although A would also have
 * matched Q and face B matches only P; the joint optimum labels both. We maximise the total
 * similarity over accepted pairs (score >= threshold) exactly, with the Hungarian algorithm,
 * O(F^2 * C) for F faces and C candidate people. Only people that clear the threshold for some
 * face are candidates, so even a large gallery costs nothing extra; an exhaustive search would
 * grow factorially and a greedy one is not optimal, so neither is worth a fallback.
 */

/**
 * scores[f][p]: aggregated score of person p for face f (see personScores). Returns, per face,
 * the index of its person or -1 for unknown.
 */
export function assignFaces(scores: readonly ArrayLike<number>[], threshold: number): Int32Array {
  const faces = scores.length;
  const result = new Int32Array(faces).fill(-1);
  const candidates: number[] = [];
  const people = faces > 0 ? (scores[0] as ArrayLike<number>).length : 0;
  for (let p = 0; p < people; p++) {
    if (scores.some((row) => (row[p] as number) >= threshold)) candidates.push(p);
  }
  if (candidates.length === 0) return result;
  // Columns: the candidates, then one "unknown" slot per face, so every face can stay unassigned.
  // Cost is the negated score of an accepted pair and 0 otherwise (as good as unknown).
  const cols = candidates.length + faces;
  const cost = (f: number, c: number): number => {
    if (c >= candidates.length) return 0;
    const s = (scores[f] as ArrayLike<number>)[candidates[c] as number] as number;
    return s >= threshold ? -s : 0;
  };
  const columnOf = hungarian(faces, cols, cost);
  columnOf.forEach((c, f) => {
    if (c < candidates.length && cost(f, c) < 0) result[f] = candidates[c] as number;
  });
  return result;
}

/**
 * Minimum-cost assignment of every row to a distinct column (rows <= cols), by the
 * shortest-augmenting-path Hungarian algorithm with potentials. Returns the column per row.
 */
function hungarian(rows: number, cols: number, cost: (r: number, c: number) => number): Int32Array {
  // 1-based internally; column 0 is the virtual start of each augmenting path.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const rowOfCol = new Int32Array(cols + 1);
  const prevCol = new Int32Array(cols + 1);
  const minSlack = new Float64Array(cols + 1);
  const visited = new Uint8Array(cols + 1);
  for (let r = 1; r <= rows; r++) {
    rowOfCol[0] = r;
    let col = 0;
    minSlack.fill(Infinity);
    visited.fill(0);
    do {
      visited[col] = 1;
      const row = rowOfCol[col] as number;
      let delta = Infinity;
      let next = 0;
      for (let c = 1; c <= cols; c++) {
        if (visited[c]) continue;
        const slack = cost(row - 1, c - 1) - (u[row] as number) - (v[c] as number);
        if (slack < (minSlack[c] as number)) {
          minSlack[c] = slack;
          prevCol[c] = col;
        }
        if ((minSlack[c] as number) < delta) {
          delta = minSlack[c] as number;
          next = c;
        }
      }
      for (let c = 0; c <= cols; c++) {
        if (visited[c]) {
          const rc = rowOfCol[c] as number;
          u[rc] = (u[rc] as number) + delta;
          v[c] = (v[c] as number) - delta;
        } else minSlack[c] = (minSlack[c] as number) - delta;
      }
      col = next;
    } while (rowOfCol[col] !== 0);
    // Flip the augmenting path back to its start.
    do {
      const prev = prevCol[col] as number;
      rowOfCol[col] = rowOfCol[prev] as number;
      col = prev;
    } while (col !== 0);
  }
  const colOfRow = new Int32Array(rows);
  for (let c = 1; c <= cols; c++) if ((rowOfCol[c] as number) > 0) colOfRow[(rowOfCol[c] as number) - 1] = c - 1;
  return colOfRow;
}
