/**
 * The WebGPU path of the built extension (issue 12), in headless Chromium started with
 * --enable-unsafe-webgpu: on a machine with no GPU it offers SwiftShader, real WebGPU run on
 * the CPU. The shipped build must count that software adapter as no GPU and run on WASM; a
 * copy built with the test-only switch (FACETAG_TEST_FORCE_WEBGPU=1, never set by `npm run
 * build`) must run every model on WebGPU and give the same faces and names as WASM: label
 * positions within 2 px, enrolled embeddings at cosine >= 0.999. Then the GPU process is
 * crashed in the middle of a page: the engine moves to WASM, the page is still labelled and
 * nobody is lost. Last, a copy that counts SwiftShader as a real GPU takes a real GPU's first
 * start: pages on WASM at once, a race on the first photos, the verdict kept across a restart.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumDriver } from './helpers/chromium.js';
import { attachDevtools, DEVTOOLS_ARGS } from './helpers/devtools.js';
import { waitFor } from './helpers/driver.js';
import { enrollFirstPhotos } from './helpers/enroll-flow.js';
import { grantedCopy, grantedCopyAt } from './helpers/extension-copy.js';
import { openPopup } from './helpers/extension-pages.js';
import { startGuardProxy, type GuardProxy } from './helpers/guard-proxy.js';
import { labelOn, over, settledLabels } from './helpers/seen.js';
import { imagePage, startSite, type Site } from './helpers/site.js';
import { OPTIONS, storeRows } from './helpers/store-rows.js';
import { buildForcedWebGpuCopy, buildWebGpuTestCopy } from './helpers/webgpu-build.js';

const ID = 'face-api.js/identities';
const photo = (who: string, n: number) => `${ID}/${who}/${who}${n}.png`;
const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', ...DEVTOOLS_ARGS];
const GALLERY: [string, number, string[]][] = [
  ['sheldon', 2, ['Facetag: Sheldon']], ['sheldon', 3, ['Facetag: Sheldon']], ['leonard', 2, ['Facetag: Leonard']],
  ['penny', 2, []], ['raj', 2, []], ['amy', 2, []],
];

/** What a user of one build saw: each gallery photo's labels (relative to the photo), the enrolled embeddings, the popup's engine line. */
interface Seen {
  labels: Record<string, { name: string; x: number; y: number }[]>;
  embeddings: Record<string, number[]>;
  engineLine: string;
}

async function engineLine(driver: ChromiumDriver): Promise<string> {
  const popup = await openPopup(driver);
  try {
    const line = popup.locator('#engine-backend');
    await waitFor('the engine line', () => line.isVisible(), 30_000);
    return (await line.textContent()) ?? '';
  } finally {
    await popup.close();
  }
}

async function enrollAndLabel(driver: ChromiumDriver, site: Site): Promise<Seen> {
  await enrollFirstPhotos(driver, site, [['sheldon', 'Sheldon'], ['leonard', 'Leonard']]);
  const page = await driver.open(site.page('gallery', imagePage('Gallery', GALLERY.map(([who, n]) => ({ src: site.photo(photo(who, n)), alt: `${who} ${n}`, extra: `id="${who}${n}"` })))));
  await labelOn(page, '#leonard2', 'Leonard');
  const all = await settledLabels(page);
  const labels: Seen['labels'] = {};
  for (const [who, n] of GALLERY) {
    const img = await page.rect(`#${who}${n}`);
    labels[`${who}${n}`] = all.filter((l) => over([l], img).length > 0).map((l) => ({ name: l.name, x: l.x - img.x, y: l.y - img.y }));
  }
  await page.close();
  const options = await driver.openExtensionPage(OPTIONS);
  const rows = await storeRows(options);
  await options.close();
  const embeddings = Object.fromEntries(rows.people.map((p) => [p.name, rows.embeddings.find((e) => e.personId === p.id)!.vector]));
  return { labels, embeddings, engineLine: await engineLine(driver) };
}

const cosine = (a: number[], b: number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((v, i) => {
    dot += v * b[i]!;
    na += v * v;
    nb += b[i]! * b[i]!;
  });
  return dot / Math.sqrt(na * nb);
};

describe('Facetag on WebGPU in Chromium (SwiftShader)', () => {
  let site: Site;
  let proxy: GuardProxy;
  let forcedBuild: string;
  let onWasm: Seen | undefined;
  let driver: ChromiumDriver | undefined;
  let devtools: Browser | undefined;

  beforeAll(async () => {
    forcedBuild = buildForcedWebGpuCopy();
    site = await startSite();
    proxy = await startGuardProxy([Number(new URL(site.origin).port)]);
  });

  afterAll(async () => {
    await devtools?.disconnect();
    await driver?.close();
    await proxy?.close();
    await site?.close();
  });

  it('counts the software adapter as no GPU: the shipped build runs on WASM and labels the gallery', async () => {
    const wasmDriver = await launchChromium(proxy.port, { extension: grantedCopy('chrome'), args: WEBGPU_FLAGS });
    try {
      // The adapter is really there for the page's scripts: the choice, not its absence, keeps WASM.
      const probe = await wasmDriver.open(site.page('adapter', '<!doctype html><title>adapter</title>'));
      expect(await probe.evaluate('navigator.gpu.requestAdapter().then((a) => a?.info.architecture)')).toBe('swiftshader');
      await probe.close();
      onWasm = await enrollAndLabel(wasmDriver, site);
    } finally {
      await wasmDriver.close();
    }
    expect(onWasm.engineLine).toMatch(/^Engine: WASM \(no GPU: .*swiftshader.* is a software adapter\)$/);
    expect(Object.fromEntries(Object.entries(onWasm.labels).map(([img, ls]) => [img, ls.map((l) => l.name)]))).toEqual(Object.fromEntries(GALLERY.map(([who, n, names]) => [`${who}${n}`, names])));
  });

  it('runs every model on WebGPU with the test switch, with the same faces and names as on WASM', async () => {
    expect(onWasm, 'the WASM run above is the reference').toBeDefined();
    const profile = mkdtempSync(join(tmpdir(), 'facetag-webgpu-profile-'));
    driver = await launchChromium(proxy.port, { extension: grantedCopyAt(forcedBuild, join(mkdtempSync(join(tmpdir(), 'facetag-webgpu-')), 'extension')), profile, args: WEBGPU_FLAGS });
    devtools = await attachDevtools(profile);
    const onGpu = await enrollAndLabel(driver, site);
    // Read after the gallery: a silent fall back to WASM on the way would show here.
    expect(onGpu.engineLine).toMatch(/^Engine: WebGPU \(forced by the test switch, on .*swiftshader.*\)$/);
    for (const [img, wasmLabels] of Object.entries(onWasm!.labels)) {
      const gpuLabels = onGpu.labels[img]!;
      expect({ img, names: gpuLabels.map((l) => l.name) }).toEqual({ img, names: wasmLabels.map((l) => l.name) });
      wasmLabels.forEach((l, i) => {
        expect(Math.abs(gpuLabels[i]!.x - l.x), `${img} ${l.name} x`).toBeLessThanOrEqual(2);
        expect(Math.abs(gpuLabels[i]!.y - l.y), `${img} ${l.name} y`).toBeLessThanOrEqual(2);
      });
    }
    expect(Object.keys(onGpu.embeddings).sort()).toEqual(['Leonard', 'Sheldon']);
    for (const name of ['Sheldon', 'Leonard']) expect(cosine(onGpu.embeddings[name]!, onWasm!.embeddings[name]!), name).toBeGreaterThanOrEqual(0.999);
  });

  it('moves to WASM when the GPU is lost in the middle of a page, keeps labelling and loses nobody', async () => {
    expect(driver, 'the WebGPU browser above').toBeDefined();
    const photos: [string, number, string | null][] = [['sheldon', 4, 'Sheldon'], ['penny', 3, null], ['leonard', 4, 'Leonard'], ['raj', 3, null], ['sheldon', 5, 'Sheldon']];
    const page = await driver!.open(site.page('lost', imagePage('Lost', photos.map(([who, n]) => ({ src: site.photo(photo(who, n)), alt: `${who} ${n}`, extra: `id="${who}${n}"` })))));
    // The first label is drawn on WebGPU; then the GPU process goes, as a driver reset or a removed GPU takes it.
    await waitFor('a first label on the page', async () => (await page.labels()).length > 0, 120_000);
    // In the middle of the page: some of its named faces are still to come.
    expect((await page.labels()).length).toBeLessThan(photos.filter(([, , name]) => name).length);
    const browserSession = await devtools!.target().createCDPSession();
    await browserSession.send('Browser.crashGpuProcess');
    await browserSession.detach();
    for (const [who, n, name] of photos) if (name) await labelOn(page, `#${who}${n}`, name);
    const labels = await settledLabels(page);
    for (const [who, n, name] of photos) expect(over(labels, await page.rect(`#${who}${n}`))).toEqual(name ? [`Facetag: ${name}`] : []);
    await page.close();
    expect(await engineLine(driver!)).toMatch(/^Engine: WASM \(the GPU was lost: .+\)$/);
    const options = await driver!.openExtensionPage(OPTIONS);
    const rows = await storeRows(options);
    await options.close();
    expect(rows.people.map((p) => p.name).sort()).toEqual(['Leonard', 'Sheldon']);
    expect(rows.embeddings).toHaveLength(2);
  });

  it('races WebGPU against WASM on the first photos where the adapter counts as a GPU, labels the page meanwhile, and keeps the verdict', async () => {
    // The race copy counts SwiftShader as a real GPU: the path a user with a GPU and no timing yet takes.
    const raceDriver = await launchChromium(proxy.port, { extension: grantedCopyAt(buildWebGpuTestCopy('race'), join(mkdtempSync(join(tmpdir(), 'facetag-race-')), 'extension')), args: WEBGPU_FLAGS });
    try {
      const measuring = 'Engine: WASM (measuring WebGPU on google swiftshader, raced by the test switch)';
      expect(await engineLine(raceDriver)).toBe(measuring);
      await enrollFirstPhotos(raceDriver, site, [['sheldon', 'Sheldon']]);
      const page = await raceDriver.open(site.page('race-gallery', imagePage('Gallery', GALLERY.map(([who, n]) => ({ src: site.photo(photo(who, n)), alt: `${who} ${n}`, extra: `id="${who}${n}"` })))));
      await labelOn(page, '#sheldon2', 'Sheldon');
      await labelOn(page, '#sheldon3', 'Sheldon');
      // The page was named on WASM before the race had an answer: the race never holds up a page.
      expect(await engineLine(raceDriver)).toBe(measuring);
      await page.close();
      const verdict = await waitFor('the race’s verdict', async () => {
        const line = await engineLine(raceDriver);
        return line === measuring ? null : line;
      }, 180_000, 2000);
      // SwiftShader emulates the GPU on the CPU: WASM wins, by a measured factor.
      process.stdout.write(`race verdict on SwiftShader: ${verdict}\n`);
      expect(verdict).toMatch(/^Engine: WASM \(\d+\.\d× faster than WebGPU here\)$/);
      // Kept: after a restart the verdict holds at once, with no new race.
      await raceDriver.restart();
      expect(await engineLine(raceDriver)).toBe(verdict);
    } finally {
      await raceDriver.close();
    }
  });
});
