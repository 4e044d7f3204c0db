/**
 * Copies of the extension with a test-only WebGPU switch on (src/offscreen/build-flags.ts): the
 * same sources built with one more environment variable, each into its own dist/ folder. The
 * shipped dist/chrome is never built this way.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './extension-copy.js';

const COPIES = {
  /** WebGPU on any adapter, SwiftShader included. */
  force: { variable: 'FACETAG_TEST_FORCE_WEBGPU', dir: 'chrome-webgpu-test' },
  /** A software adapter raced against WASM as a real GPU would be. */
  race: { variable: 'FACETAG_TEST_RACE_WEBGPU', dir: 'chrome-webgpu-race' },
} as const;

export function buildWebGpuTestCopy(mode: keyof typeof COPIES): string {
  const { variable, dir } = COPIES[mode];
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, env: { ...process.env, FACETAG_BROWSER: 'chrome', [variable]: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(ROOT, 'dist', dir);
}

export const buildForcedWebGpuCopy = (): string => buildWebGpuTestCopy('force');
