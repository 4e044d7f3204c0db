/**
 * The previous release of the extension (schema version 2), built once from its git commit and
 * kept in artifacts/old-release (git-ignored), for the update test. Its models are today's
 * files: the test is about the store surviving the update, not the models.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './extension-copy.js';

export const OLD_COMMIT = '07f3d498';

export function oldReleaseBuild(): string {
  const out = join(ROOT, 'artifacts', 'old-release', OLD_COMMIT, 'chrome');
  if (existsSync(join(out, 'manifest.json'))) return out;
  ensureCommit();
  const tree = join(mkdtempSync(join(tmpdir(), 'facetag-old-')), 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', tree, OLD_COMMIT], { cwd: ROOT, stdio: 'pipe' });
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    mkdirSync(join(tree, 'models'), { recursive: true });
    symlinkSync(join(ROOT, 'models', 'onnx'), join(tree, 'models', 'onnx'));
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: tree, env: { ...process.env, FACETAG_BROWSER: 'chrome' }, stdio: 'pipe' });
    mkdirSync(out, { recursive: true });
    cpSync(join(tree, 'dist', 'chrome'), out, { recursive: true });
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT, stdio: 'pipe' });
    rmSync(join(tree, '..'), { recursive: true, force: true });
  }
  return out;
}

/** A shallow CI clone may lack the old commit: deepen it once, or say plainly what is missing. */
function ensureCommit(): void {
  const has = () => {
    try {
      execFileSync('git', ['cat-file', '-e', `${OLD_COMMIT}^{commit}`], { cwd: ROOT, stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  };
  if (has()) return;
  try {
    execFileSync('git', ['fetch', '--unshallow', '--quiet'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // Reported below with what the test needs.
  }
  if (!has()) throw new Error(`the update test builds the previous release from commit ${OLD_COMMIT}, which this clone lacks: clone with full history`);
}
