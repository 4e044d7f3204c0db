/**
 * The extension's end-to-end suite, run in each browser by its *.e2e.test.ts file. Every check
 * is on what a user sees or hears: labels are read from the accessibility tree (they live in
 * a closed shadow root, out of reach of page scripts and DOM queries) with their positions.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { boundedDriver } from './bounded-calls.js';
import { clearTrace, traceLines } from './call-trace.js';
import { waitFor, type Driver, type SeenLabel, type TestPage } from './driver.js';
import { enrollmentChecks } from './enroll-checks.js';
import { enrollByMenu } from './enroll-flow.js';
import { ARTIFACTS } from './extension-copy.js';
import { startGuardProxy, type GuardProxy } from './guard-proxy.js';
import { peopleChecks } from './people-checks.js';
import { packChecks } from './packs-checks.js';
import { hostileChecks } from './hostile-checks.js';
import { labelOn, over, settledLabels } from './seen.js';
import { imagePage, startSite, type Site } from './site.js';
import { keepOnlyPeople, MAIN_SUITE_PEOPLE, OPTIONS, peopleNames, storeRows, storeSummary } from './store-rows.js';
import { videoChecks } from './video-checks.js';

const ID = 'face-api.js/identities';

/**
 * Requests the browsers themselves make even with background networking off: Chromium's
 * extension-update check, Google-account probe and network-time query; Firefox's settings sync. The proxy sees all traffic without knowing
 * its context, so these are named here; any other outside request fails the test.
 */
const BROWSER_OWN = [
  /^CONNECT (update\.googleapis\.com|accounts\.google\.com):443$/,
  /^http:\/\/update\.googleapis\.com\/service\/update2\/json\?/,
  /^http:\/\/clients2\.google\.com\/time\/1\/current\?/,
  // Chromium's component-updater download host, reached in longer runs despite --disable-component-update.
  /^CONNECT redirector\.gvt1\.com:443$/,
  // Firefox's Remote Settings sync.
  /^CONNECT firefox\.settings\.services\.mozilla\.com:443$/,
];
const photo = (who: string, n: number) => `${ID}/${who}/${who}${n}.png`;

export function extensionSuite(launch: (proxyPort: number) => Promise<Driver>): void {
  let site: Site;
  let proxy: GuardProxy;
  let driver: Driver;
  let browser = '';
  const shot = (page: TestPage, name: string) => page.screenshot(join(ARTIFACTS, `${browser}-${name}.png`));

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    site = await startSite();
    proxy = await startGuardProxy([Number(new URL(site.origin).port), Number(new URL(site.otherOrigin).port)]);
    driver = boundedDriver(await launch(proxy.port));
    browser = driver.name;
  });

  // A failed check prints its last steps: which call or wait was running, and which were slow.
  beforeEach((ctx) => {
    clearTrace();
    ctx.onTestFailed(async () => {
      const store = await storeSummary(driver).catch((error: unknown) => `store unreadable: ${String(error)}`);
      process.stderr.write(`[${browser}] last steps of "${ctx.task.name}":\n${traceLines().map((l) => `  ${l}`).join('\n')}\n[${browser}] ${store}\n[${browser}] the store after each check so far:\n${storeHistory.map((l) => `  ${l}`).join('\n')}\n`);
    });
  });

  // Who the store held after each check: a failed check's report shows when someone went missing.
  const storeHistory: string[] = [];
  afterEach(async (ctx) => {
    const page = await driver.openExtensionPage(OPTIONS).catch(() => null);
    const names = page ? await storeRows(page).then(peopleNames, (error: unknown) => [`unreadable: ${String(error)}`]) : ['no options page'];
    await page?.close();
    storeHistory.push(`after "${ctx.task.name.slice(0, 60)}": ${names.join(', ') || 'nobody'}`);
  });

  afterAll(async () => {
    await driver?.close();
    await proxy?.close();
    await site?.close();
  });

  // The prompt takes the keyboard focus by itself: typing goes straight into its name field.
  const enroll = (page: TestPage, selector: string, src: string, name: string) => enrollByMenu(driver, page, selector, src, name);

  it('enrolls people from one photo each through the context menu and the name prompt', async () => {
    const sheldon = site.photo(photo('sheldon', 1));
    const leonard = site.photo(photo('leonard', 1));
    const page = await driver.open(site.page('enroll', imagePage('Enroll', [
      { src: sheldon, alt: 'sheldon 1', extra: 'id="sheldon"' },
      { src: leonard, alt: 'leonard 1', extra: 'id="leonard"' },
    ])));
    await enroll(page, '#sheldon', sheldon, 'Sheldon');
    await enroll(page, '#leonard', leonard, 'Leonard');
    expect(over(await page.labels(), await page.rect('#sheldon'))).toEqual(['Facetag: Sheldon']);
    await shot(page, 'enroll');
    await page.close();
  });

  const gallery = () => [
    { src: site.photo(photo('sheldon', 2)), alt: 'sheldon 2', extra: 'id="s2"', expect: ['Facetag: Sheldon'] },
    { src: site.photo(photo('sheldon', 3)), alt: 'sheldon 3', extra: 'id="s3"', expect: ['Facetag: Sheldon'] },
    { src: site.photo(photo('leonard', 2)), alt: 'leonard 2', extra: 'id="l2"', expect: ['Facetag: Leonard'] },
    { src: site.photo(photo('penny', 2)), alt: 'penny 2', extra: 'id="p2"', expect: [] },
    { src: site.photo(photo('raj', 2)), alt: 'raj 2', extra: 'id="r2"', expect: [] },
    { src: site.photo(photo('amy', 2)), alt: 'amy 2', extra: 'id="a2"', expect: [] },
  ];

  const checkGallery = async (page: TestPage) => {
    await labelOn(page, '#l2', 'Leonard');
    const labels = await settledLabels(page);
    for (const img of gallery()) expect({ img: img.alt, labels: over(labels, await page.rect(`#${/id="(\w+)"/.exec(img.extra)![1]}`)) }).toEqual({ img: img.alt, labels: img.expect });
  };

  it('labels other photos of enrolled people, and nobody else', async () => {
    const page = await driver.open(site.page('gallery', imagePage('Gallery', gallery())));
    await checkGallery(page);
    await shot(page, 'gallery');
    await page.close();
  });

  it('shows the right names on the right faces in a group photo', async () => {
    // bbt1.jpg, left to right: Raj, Leonard, Howard, Sheldon; only Leonard and Sheldon are enrolled.
    const page = await driver.open(site.page('group', imagePage('Group', [{ src: site.photo('face-api.js/group/bbt1.jpg'), alt: 'group', extra: 'id="group" style="width:900px"' }])));
    await labelOn(page, '#group', 'Sheldon');
    const labels = await settledLabels(page);
    const img = await page.rect('#group');
    const names = labels.filter((l) => over([l], img).length > 0).sort((a, b) => a.x - b.x);
    expect(names.map((l) => l.name)).toEqual(['Facetag: Leonard', 'Facetag: Sheldon']);
    // Face boxes found by the engine in the 1366-px photo: Leonard's left edge at x≈468, Sheldon's at x≈995.
    const at = (l: SeenLabel) => (l.x - img.x) / img.width;
    expect(Math.abs(at(names[0]!) - 468 / 1366)).toBeLessThan(0.05);
    expect(Math.abs(at(names[1]!) - 995 / 1366)).toBeLessThan(0.05);
    await shot(page, 'group');
    await page.close();
  });

  it('labels an image added after load and a lazy-loaded one, and follows scrolling', async () => {
    const added = site.photo(photo('sheldon', 5));
    const lazy = site.photo(photo('leonard', 4));
    const script = `<script>setTimeout(() => { const i = new Image(); i.id = 'added'; i.src = ${JSON.stringify(added)}; i.style.width = '200px'; document.getElementById('slot').append(i); }, 1000);</script>`;
    const body = `<div id="slot"></div><div style="height:2500px"></div><img id="lazy" loading="lazy" src="${lazy}" style="width:200px" alt="lazy">${script}`;
    const page = await driver.open(site.page('dynamic', imagePage('Dynamic', [], body)));
    await labelOn(page, '#added', 'Sheldon');
    await page.evaluate('document.getElementById("lazy").scrollIntoView({ block: "center" })');
    await labelOn(page, '#lazy', 'Leonard');
    await page.evaluate('window.scrollBy(0, -120)');
    await labelOn(page, '#lazy', 'Leonard');
    await shot(page, 'dynamic');
    await page.close();
  });

  it('labels a cross-origin image, fetched by the extension', async () => {
    const src = site.photo(photo('sheldon', 3), site.otherOrigin);
    const page = await driver.open(site.page('cross-origin', imagePage('Cross-origin', [{ src, alt: 'sheldon 3 from another origin', extra: 'id="x"' }])));
    await labelOn(page, '#x', 'Sheldon');
    await shot(page, 'cross-origin');
    await page.close();
  });

  it('labels photos shown as CSS backgrounds of large elements, also added later, and skips tiny ones', async () => {
    const bg = (id: string, src: string, side: number) => `<div id="${id}" style="width:${side}px;height:${side}px;margin:8px;background:url(${src}) center/cover no-repeat"></div>`;
    const later = bg('bg-later', site.photo(photo('leonard', 2)), 260);
    const script = `<script>setTimeout(() => document.getElementById('slot').insertAdjacentHTML('beforeend', ${JSON.stringify(later)}), 1000);</script>`;
    const body = `${bg('bg', site.photo(photo('sheldon', 4)), 300)}${bg('bg-tiny', site.photo(photo('sheldon', 2)), 60)}<div id="slot"></div>${script}`;
    const page = await driver.open(site.page('backgrounds', imagePage('Backgrounds', [], body)));
    await labelOn(page, '#bg', 'Sheldon');
    await labelOn(page, '#bg-later', 'Leonard');
    const labels = await settledLabels(page);
    expect(over(labels, await page.rect('#bg'))).toEqual(['Facetag: Sheldon']);
    expect(over(labels, await page.rect('#bg-tiny'))).toEqual([]);
    await shot(page, 'backgrounds');
    await page.close();
  });

  it('labels a photo drawn on a canvas, and quietly skips a tainted canvas', async () => {
    // Drawn at the photo's own size and shown at 300 px; the tainted one holds a cross-origin photo of an enrolled person.
    const draw = `<script>for (const [id, src] of ${JSON.stringify([['cv', site.photo(photo('leonard', 4))], ['tainted', site.photo(photo('sheldon', 3), site.otherOrigin)]])}) {
      const i = new Image(); i.onload = () => { const c = document.getElementById(id); c.width = i.naturalWidth; c.height = i.naturalHeight; c.getContext('2d').drawImage(i, 0, 0); }; i.src = src; }</script>`;
    const body = `<canvas id="cv" style="width:300px;margin:8px"></canvas><canvas id="tainted" style="width:300px;margin:8px"></canvas>${draw}`;
    const page = await driver.open(site.page('canvas', imagePage('Canvas', [], body)));
    await labelOn(page, '#cv', 'Leonard');
    const labels = await settledLabels(page);
    expect(over(labels, await page.rect('#cv'))).toEqual(['Facetag: Leonard']);
    expect(over(labels, await page.rect('#tainted'))).toEqual([]);
    await shot(page, 'canvas');
    await page.close();
  });

  it('labels unknown faces only while "Show unknown faces" is on', async () => {
    const page = await driver.open(site.page('unknown', imagePage('Unknown', [
      { src: site.photo(photo('sheldon', 2)), alt: 'sheldon 2', extra: 'id="known"' },
      { src: site.photo(photo('penny', 2)), alt: 'penny 2', extra: 'id="stranger"' },
    ])));
    await labelOn(page, '#known', 'Sheldon');
    expect(over(await settledLabels(page, 2000), await page.rect('#stranger'))).toEqual([]);
    await driver.setShowUnknown(true);
    try {
      await labelOn(page, '#stranger', 'Unknown face');
      await labelOn(page, '#known', 'Sheldon');
      await shot(page, 'unknown');
    } finally {
      // Later tests expect the default: unknown faces unlabelled.
      await driver.setShowUnknown(false);
    }
    await waitFor('the unknown label to go', async () => over(await page.labels(), await page.rect('#stranger')).length === 0);
    await page.close();
  });

  it('keeps enrollments across a browser restart', async () => {
    await driver.restart();
    const page = await driver.open(site.page('gallery', imagePage('Gallery', gallery())));
    await checkGallery(page);
    await shot(page, 'after-restart');
    await page.close();
  });

  it('keeps the people in storage the browser may not evict, even when the disk runs low', async () => {
    const page = await driver.openExtensionPage(OPTIONS);
    // Chrome exempts an extension holding "unlimitedStorage" from eviction; Firefox, storage the
    // extension has marked persisted (its background asks at start).
    const kept = driver.name === 'chromium' ? "chrome.permissions.contains({ permissions: ['unlimitedStorage'] })" : 'navigator.storage.persisted()';
    expect(await page.evaluate(kept)).toBe(true);
    await page.close();
  });

  enrollmentChecks(() => ({ site, driver, shot }));

  // Each later group starts from the people the checks above enrolled, whatever an earlier
  // failure left behind: one failed check must not turn into failures of the groups after it.
  const fromMainSuitePeople = async () => {
    const removed = await keepOnlyPeople(driver, MAIN_SUITE_PEOPLE);
    if (removed.length > 0) process.stderr.write(`[${browser}] removed people an earlier check left: ${removed.join(', ')}\n`);
  };
  describe('packs', () => {
    beforeAll(fromMainSuitePeople);
    packChecks(() => ({ site, driver, shot }));
  });
  describe('people', () => {
    beforeEach(fromMainSuitePeople);
    peopleChecks(() => ({ site, driver, shot }));
  });
  describe('video', () => {
    beforeAll(fromMainSuitePeople);
    videoChecks(() => ({ site, driver, shot }));
  });
  describe('hostile pages', () => {
    beforeEach(fromMainSuitePeople);
    hostileChecks(() => ({ site, driver }));
  });

  // Last but one, so every flow above (and any added before it) is in the record.
  it("makes no request from the extension's own contexts but for the images of the pages it labels", async (ctx) => {
    if (!driver.extensionRequests) ctx.skip();
    const requests = await driver.extensionRequests!();
    // The control: the extension did fetch images (the cross-origin one among them), and the log saw it.
    expect(requests.some((r) => r.url.startsWith(`${site.otherOrigin}/faces/`))).toBe(true);
    const imageOf = (url: string) => [site.origin, site.otherOrigin].includes(new URL(url).origin) && /^\/(faces|f)\//.test(new URL(url).pathname);
    expect(requests.filter((r) => r.method !== 'GET' || !imageOf(r.url))).toEqual([]);
  });

  it('sends no request anywhere but the local test servers', () => {
    expect(proxy.seen.length).toBeGreaterThan(0);
    // The proxy refused these (nothing left the machine); they are the browser's own, not the extension's.
    const refused = proxy.refused.filter((url) => !BROWSER_OWN.some((re) => re.test(url)));
    expect(refused, JSON.stringify(proxy.refused)).toEqual([]);
  });
}
