/**
 * One build's engine host on the same photos, twice each (the first pass compiles WebGPU
 * shaders; the second is the one reported): the backend and the engine's own ms per photo, as
 * the host's `engine.analyse` answers. With the test-switch copy and a software adapter it
 * times WebGPU on SwiftShader against the shipped build's WASM (docs/BENCHMARKS.md, "WebGPU").
 *
 *   npx tsx bench/browser/engine-photos.ts <build> <photo…> [-- chromium flags…]
 *   e.g. dist/chrome-webgpu-test (FACETAG_TEST_FORCE_WEBGPU=1 npx vite build) with -- --enable-unsafe-webgpu
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../tests/e2e/helpers/chromium.js';
import { grantedCopyAt } from '../../tests/e2e/helpers/extension-copy.js';

const dash = process.argv.indexOf('--');
const [build, ...photos] = process.argv.slice(2, dash < 0 ? undefined : dash);
const flags = dash < 0 ? [] : process.argv.slice(dash + 1);
if (!build || photos.length === 0) throw new Error('usage: engine-photos.ts <build> <photo…> [-- chromium flags]');

const extension = grantedCopyAt(build, join(mkdtempSync(join(tmpdir(), 'facetag-photos-')), 'extension'));
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'facetag-photos-profile-')), {
  executablePath: CHROMIUM, headless: true, args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...flags],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  await (await context.newPage()).goto(`chrome-extension://${id}/src/offscreen/offscreen.html`);
  const sender = await context.newPage();
  await sender.goto(`chrome-extension://${id}/src/popup/popup.html`);
  for (const pass of [1, 2]) {
    for (const photo of photos) {
      // A fragment per pass: the same pixels, a URL the host has not cached.
      const url = `data:image/jpeg;base64,${readFileSync(photo).toString('base64')}#pass${pass}`;
      const reply = (await sender.evaluate((u) => chrome.runtime.sendMessage({ to: 'engine', type: 'engine.analyse', payload: { url: u } }), url)) as { ok: boolean; error?: string; value?: { ms: number; backend: string; faces: unknown[] } };
      const said = reply.ok && reply.value ? `${reply.value.backend} ${reply.value.ms.toFixed(0)} ms, ${reply.value.faces.length} faces` : `error: ${reply.error ?? 'no answer'}`;
      process.stdout.write(`pass ${pass} ${photo}: ${said}\n`);
    }
  }
} finally {
  await context.close();
}
