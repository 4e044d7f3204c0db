import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: this file lives in <root>/tests/helpers. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The shared face photos (never committed: see ../shared/faces/README.md). FACETAG_FACES
 * overrides the default <repo>/../shared/faces. Missing photos are an error, not a skip, so
 * CI cannot silently pass without running the real-image checks.
 */
export function facesDir(): string {
  const dir = process.env.FACETAG_FACES ?? join(REPO_ROOT, '..', 'shared', 'faces');
  if (!existsSync(dir)) throw new Error(`shared face photos not found at ${dir}; set FACETAG_FACES`);
  return dir;
}
