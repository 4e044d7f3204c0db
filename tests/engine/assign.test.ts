import { describe, expect, it } from 'vitest';
import { assignFaces } from '../../src/engine/match/assign.js';

/** Best total over all assignments where each face takes one eligible person or none. */
function bruteForce(scores: number[][], threshold: number): number {
  const people = scores[0]?.length ?? 0;
  const best = (face: number, used: Set<number>): number => {
    if (face === scores.length) return 0;
    let top = best(face + 1, used);
    for (let p = 0; p < people; p++) {
      const s = scores[face]![p]!;
      if (used.has(p) || s < threshold) continue;
      used.add(p);
      top = Math.max(top, s + best(face + 1, used));
      used.delete(p);
    }
    return top;
  };
  return best(0, new Set());
}

const total = (scores: number[][], assignment: Int32Array) =>
  Array.from(assignment).reduce((s, p, f) => s + (p >= 0 ? scores[f]![p]! : 0), 0);

describe('assignFaces', () => {
  it('prefers the globally better pairing over greedy', () => {
    // Greedy takes face 0 -> ann (0.9) and leaves face 1 with nobody; jointly both get a name.
    const scores = [
      [0.9, 0.8],
      [0.85, 0.1],
    ];
    expect(Array.from(assignFaces(scores, 0.7))).toEqual([1, 0]);
  });

  it('gives each person to at most one face, the best one', () => {
    const scores = [[0.8], [0.95], [0.9]];
    expect(Array.from(assignFaces(scores, 0.5))).toEqual([-1, 0, -1]);
  });

  it('leaves faces below the threshold unknown (at the threshold is accepted)', () => {
    expect(Array.from(assignFaces([[0.6, 0.69], [0.7, 0.2]], 0.7))).toEqual([-1, 0]);
    expect(Array.from(assignFaces([[0.1, 0.2]], 0.7))).toEqual([-1]);
    expect(Array.from(assignFaces([], 0.7))).toEqual([]);
    expect(Array.from(assignFaces([[], []], 0.7))).toEqual([-1, -1]);
  });

  it('reaches the brute-force optimum on random cases', () => {
    let state = 99;
    const rand = () => (state = (state * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 200; trial++) {
      const faces = 1 + Math.floor(rand() * 5);
      const people = 1 + Math.floor(rand() * 5);
      const scores = Array.from({ length: faces }, () => Array.from({ length: people }, rand));
      const assignment = assignFaces(scores, 0.4);
      const used = Array.from(assignment).filter((p) => p >= 0);
      expect(new Set(used).size).toBe(used.length);
      assignment.forEach((p, f) => p >= 0 && expect(scores[f]![p]!).toBeGreaterThanOrEqual(0.4));
      expect(total(scores, assignment)).toBeCloseTo(bruteForce(scores, 0.4), 9);
    }
  });
});
