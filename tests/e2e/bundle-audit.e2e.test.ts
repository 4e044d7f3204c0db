/** The build check: the packages in dist/ (built just before this suite) hold no remote URL and no way to load remote code. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_ALLOWANCES } from '../../scripts/bundle-allowances.js';
import { auditBuild, judge } from '../../scripts/bundle-audit.js';
import { buildWebGpuTestCopy } from './helpers/webgpu-build.js';

const dist = (browser: string) => resolve(import.meta.dirname, '..', '..', 'dist', browser);

describe('the built extension', () => {
  it('holds no remote URL and no path to remote code, in either browser build', () => {
    const findings = [...auditBuild(dist('chrome')), ...auditBuild(dist('firefox'))];
    const report = judge(findings, BUNDLE_ALLOWANCES);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.rejected, JSON.stringify(report.rejected, null, 2)).toEqual([]);
    expect(report.unused.map((a) => a.reason)).toEqual([]);
    // The content script sends URLs to the background and fetches nothing itself.
    expect(findings.filter((f) => f.file === 'src/content/main.js' && f.kind === 'network-sink')).toEqual([]);
  });

  it("keeps the other contexts' message schemas out of the content script, which every page evaluates", () => {
    for (const browser of ['chrome', 'firefox']) {
      const content = readFileSync(resolve(dist(browser), 'src', 'content', 'main.js'), 'utf8');
      // Its own messages are validated there...
      expect(content).toContain('promptDone');
      // ...but not the schemas of the background's and the engine's messages: building them all
      // was a quarter to a third of the script's start-up CPU. The error messages of their page-URL
      // and video-frame fields are the sign (the maps' keys are not: the bundler drops unused keys).
      for (const text of ['must be an http(s) URL', 'must be a base64 data:image']) expect(content, `${browser}: ${text}`).not.toContain(text);
    }
  });

  it('ships the WebGPU test switches off in both builds, and the WebGPU runtime only in Chrome’s', () => {
    const scripts = (browser: string) => readdirSync(resolve(dist(browser), 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(resolve(dist(browser), 'assets', f), 'utf8')).join('\n');
    // A switch's words exist only where its flag was set at build time (src/offscreen/build-flags.ts).
    const words = ['forced by the test switch', 'raced by the test switch'];
    for (const browser of ['chrome', 'firefox']) for (const w of words) expect(scripts(browser), browser).not.toContain(w);
    // The controls: the copies built with a switch on have its words.
    buildWebGpuTestCopy('force');
    expect(scripts('chrome-webgpu-test')).toContain(words[0]);
    buildWebGpuTestCopy('race');
    expect(scripts('chrome-webgpu-race')).toContain(words[1]);
    expect(readdirSync(resolve(dist('chrome'), 'ort')).sort()).toEqual(['ort-wasm-simd-threaded.jsep.mjs', 'ort-wasm-simd-threaded.jsep.wasm', 'ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm']);
    expect(readdirSync(resolve(dist('firefox'), 'ort')).sort()).toEqual(['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm']);
  });
});
