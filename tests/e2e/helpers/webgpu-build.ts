/**
 * The copy of the extension with the test-only WebGPU switch on (src/offscreen/build-flags.ts):
 * the same sources built with FACETAG_TEST_FORCE_WEBGPU=1 into dist/chrome-webgpu-test. The
 * shipped dist/chrome is never built this way.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './extension-copy.js';

export function buildForcedWebGpuCopy(): string {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, env: { ...process.env, FACETAG_BROWSER: 'chrome', FACETAG_TEST_FORCE_WEBGPU: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(ROOT, 'dist', 'chrome-webgpu-test');
}
