import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Origins of the test servers; a granted match pattern without a port covers every port. */
export const TEST_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * A copy of the built extension whose manifest already holds host access to the test
 * servers, as if the user had switched Facetag on for them: a test cannot click the
 * browser's permission prompt. Everything else is the build under test, unchanged.
 */
export function grantedCopy(browser: 'chrome' | 'firefox'): string {
  const built = join(ROOT, 'dist', browser);
  if (!existsSync(join(built, 'manifest.json'))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  return grantedCopyAt(built, join(mkdtempSync(join(tmpdir(), `facetag-${browser}-`)), 'extension'));
}

/** The same, of any build, at a given folder (replacing what is there: an update in place). */
export function grantedCopyAt(built: string, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  cpSync(built, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest['host_permissions'] = TEST_ORIGINS;
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

/**
 * The granted copy without "unlimitedStorage": the shipped build asks for it so the browser never
 * evicts the people, and that same permission puts it beyond any quota a test can lower. Every
 * line of code is the build's own; only the browser's quota applies again.
 */
export function quotaBoundCopy(browser: 'chrome' | 'firefox'): string {
  const dir = grantedCopy(browser);
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { permissions: string[] };
  if (!manifest.permissions.includes('unlimitedStorage')) throw new Error('the build no longer asks for unlimitedStorage: this copy would test nothing different');
  manifest.permissions = manifest.permissions.filter((p) => p !== 'unlimitedStorage');
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

export const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
