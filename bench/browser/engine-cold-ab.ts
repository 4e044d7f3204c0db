/**
 * The engine host's own cold start, two builds alternating (an A/B on one machine): a fresh
 * browser per sample, the offscreen document opened as a tab, and the time until it answers its
 * first analysis of a 150 px photo. Prints each build's samples and median.
 *
 *   npx tsx bench/browser/engine-cold-ab.ts <build A> <build B> [pairs, default 6] [-- chromium flags…]
 *   e.g. a worktree of the commit before at ../old, built:   … ../old/dist/chrome dist/chrome 12
 *   with a software WebGPU adapter offered:                 … ../old/dist/chrome dist/chrome 3 -- --enable-unsafe-webgpu
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../tests/e2e/helpers/chromium.js';
import { grantedCopyAt } from '../../tests/e2e/helpers/extension-copy.js';
import { facesDir } from '../../tests/helpers/faces-dir.js';

const dash = process.argv.indexOf('--');
const args = process.argv.slice(2, dash < 0 ? undefined : dash);
const flags = dash < 0 ? [] : process.argv.slice(dash + 1);
const [a, b, pairs = '6'] = args;
if (!a || !b) throw new Error('usage: engine-cold-ab.ts <build A> <build B> [pairs] [-- chromium flags]');
const photo = `data:image/png;base64,${readFileSync(join(facesDir(), 'face-api.js/identities/sheldon/sheldon2.png')).toString('base64')}`;

async function coldMs(build: string): Promise<number> {
  const extension = grantedCopyAt(build, join(mkdtempSync(join(tmpdir(), 'facetag-cold-')), 'extension'));
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'facetag-cold-profile-')), {
    executablePath: CHROMIUM, headless: true, args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...flags],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const sender = await context.newPage();
    await sender.goto(`chrome-extension://${id}/src/popup/popup.html`);
    // The browser's own start-up settles first; the clock runs from the engine document's creation.
    await new Promise((r) => setTimeout(r, 1500));
    const engine = await context.newPage();
    const start = performance.now();
    await engine.goto(`chrome-extension://${id}/src/offscreen/offscreen.html`);
    const reply = (await sender.evaluate((url) => chrome.runtime.sendMessage({ to: 'engine', type: 'engine.analyse', payload: { url } }), photo)) as { ok: boolean; error?: string };
    if (!reply.ok) throw new Error(`${build}: ${reply.error ?? 'no answer'}`);
    return performance.now() - start;
  } finally {
    await context.close();
  }
}

const samples: Record<'a' | 'b', number[]> = { a: [], b: [] };
for (let i = 0; i < Number(pairs); i++) {
  samples.a.push(await coldMs(a));
  samples.b.push(await coldMs(b));
}
const median = (v: number[]) => [...v].sort((x, y) => x - y)[v.length >> 1]!;
for (const [name, build] of [['a', a], ['b', b]] as const) {
  process.stdout.write(`${build}: median ${median(samples[name]).toFixed(0)} ms; samples ${samples[name].map((v) => v.toFixed(0)).join(', ')}\n`);
}
