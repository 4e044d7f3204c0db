/**
 * The enrolled people, packed for search: every reference embedding is one row of a single
 * contiguous matrix, so scoring a probe is one linear pass over memory.
 */
import { createDotKernel, type DotKernel } from './dot-kernel.js';

export interface Person {
  id: string;
  name: string;
  /** L2-normalised embeddings of confirmed faces of this person. */
  references: Float32Array[];
  /** L2-normalised embeddings of faces the user rejected as not this person. */
  negatives?: Float32Array[];
}

export interface Gallery {
  readonly people: readonly Person[];
  /** Embedding length; 0 when the gallery holds no embedding at all. */
  readonly dim: number;
  /** One row of `dim` floats per reference, people in order, each person's rows contiguous. */
  readonly references: DotKernel;
  /** Person index of each reference row. */
  readonly referenceOwner: Int32Array;
  readonly negatives: DotKernel;
  readonly negativeOwner: Int32Array;
}

export function buildGallery(people: readonly Person[]): Gallery {
  const dim = people.map((p) => p.references[0] ?? p.negatives?.[0]).find((e) => e !== undefined)?.length ?? 0;
  const refs = pack(people, dim, (p) => p.references);
  const negs = pack(people, dim, (p) => p.negatives ?? []);
  return { people, dim, references: refs.kernel, referenceOwner: refs.owner, negatives: negs.kernel, negativeOwner: negs.owner };
}

function pack(people: readonly Person[], dim: number, pick: (p: Person) => readonly Float32Array[]) {
  const count = people.reduce((n, p) => n + pick(p).length, 0);
  const kernel = createDotKernel(count, dim);
  const owner = new Int32Array(count);
  let row = 0;
  people.forEach((person, index) => {
    for (const e of pick(person)) {
      if (e.length !== dim) {
        throw new Error(`embedding of ${person.name} (${person.id}) has ${e.length} dimensions; the gallery uses ${dim}`);
      }
      kernel.rows.set(e, row * dim);
      toUnitLength(kernel.rows, row * dim, dim);
      owner[row++] = index;
    }
  });
  return { kernel, owner };
}

/**
 * Scoring is a dot product that assumes unit vectors. A stored vector of another length (one
 * imported "Mallory" 1000 times too long was named on every face: issue 14, finding 6) is scaled
 * to unit length here, whatever let it in; one of length 0 or not finite stays all zeros and
 * matches nothing.
 */
function toUnitLength(rows: Float32Array, at: number, dim: number): void {
  let sum = 0;
  for (let i = at; i < at + dim; i++) sum += (rows[i] as number) ** 2;
  const norm = Math.sqrt(sum);
  if (!(norm > 0 && Number.isFinite(norm))) {
    rows.fill(0, at, at + dim);
    return;
  }
  if (Math.abs(norm - 1) < 1e-4) return;
  for (let i = at; i < at + dim; i++) rows[i] = (rows[i] as number) / norm;
}
