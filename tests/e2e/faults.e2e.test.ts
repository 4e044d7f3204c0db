/**
 * Bad images and faults in a real Chromium (issue 7, items 3 and 4): each gets a clear message
 * or a recovery, the store is unchanged by what failed, and labelling goes on. Chromium only:
 * the faults are Chrome's (the offscreen document); bad images are also covered for the CLI in
 * tests/cli/scan.test.ts, and share their checks with Firefox's engine host (one decode.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animation, expectEnrollMessages, publishBadImages } from './helpers/bad-images.js';
import { launchChromium, type ChromiumDriver } from './helpers/chromium.js';
import { attachDevtools, DEVTOOLS_ARGS, offscreenTarget, watchProblems } from './helpers/devtools.js';
import { waitFor, type TestPage } from './helpers/driver.js';
import { enrollByMenu } from './helpers/enroll-flow.js';
import { openPopup, peopleList, storeDump } from './helpers/extension-pages.js';
import { startGuardProxy, type GuardProxy } from './helpers/guard-proxy.js';
import { labelOn, over, settledLabels } from './helpers/seen.js';
import { imagePage, startSite, type Site } from './helpers/site.js';
import { facesDir } from '../helpers/faces-dir.js';

const ID = 'face-api.js/identities';
const photo = (who: string, n: number) => `${ID}/${who}/${who}${n}.png`;

describe('Facetag in Chromium: bad images and faults', () => {
  let site: Site;
  let proxy: GuardProxy;
  let driver: ChromiumDriver;
  let devtools: Browser;
  let profile: string;

  beforeAll(async () => {
    site = await startSite();
    proxy = await startGuardProxy([Number(new URL(site.origin).port), Number(new URL(site.otherOrigin).port)]);
    profile = mkdtempSync(join(tmpdir(), 'facetag-faults-profile-'));
    driver = await launchChromium(proxy.port, { profile, args: DEVTOOLS_ARGS });
    devtools = await attachDevtools(profile);
  });

  afterAll(async () => {
    await devtools?.disconnect();
    await driver?.close();
    await proxy?.close();
    await site?.close();
  });

  it('enrolls Sheldon', async () => {
    const src = site.photo(photo('sheldon', 1));
    const page = await driver.open(site.page('enroll', imagePage('Enroll', [{ src, alt: 'sheldon 1', extra: 'id="sheldon"' }])));
    await enrollByMenu(driver, page, '#sheldon', src, 'Sheldon');
    await page.close();
    // An intact install: the popup's engine line stays hidden.
    const popup = await openPopup(driver);
    await expect.poll(async () => (await popup.evaluate(() => chrome.runtime.sendMessage({ to: 'background', type: 'engineStatus', payload: {} }))) as unknown).toEqual({ ok: true, value: { ready: true, problem: null, backend: 'WASM (no GPU)' } });
    expect(await popup.locator('#engine-status').isHidden()).toBe(true);
    await popup.close();
  });

  it('answers each bad image with a clear message, saves nothing, and keeps labelling', async () => {
    const popup = await openPopup(driver);
    const before = await storeDump(popup);
    const problems = await watchProblems(devtools);
    const images = await publishBadImages(site);
    const good = site.photo(photo('sheldon', 2));
    const page = await driver.open(site.page('bad-images', imagePage('Bad images', [
      ...images.map((i) => ({ src: i.src, alt: i.id, extra: `id="${i.id}" style="width:200px;height:200px"` })),
      { src: good, alt: 'sheldon 2', extra: 'id="good"' },
    ])));
    await expectEnrollMessages(driver, page, images);
    // Nothing threw in any context (failed image loads on the page itself are the page's own 404-like errors).
    expect(problems.problems.filter((p) => p.level === 'exception')).toEqual([]);
    await problems.stop();
    // The page still works and Facetag still labels it.
    await labelOn(page, '#good', 'Sheldon');
    expect(await storeDump(popup)).toEqual(before);
    await page.close();
    await popup.close();
  });

  it('reads the first frame of an animated GIF or WebP: enrolls from one, labels the other', async () => {
    const gif = site.file('leonard.gif', await animation(join(facesDir(), photo('leonard', 1)), 'gif'), 'image/gif');
    const webp = site.file('sheldon.webp', await animation(join(facesDir(), photo('sheldon', 3)), 'webp'), 'image/webp');
    const page = await driver.open(site.page('animated', imagePage('Animated', [
      { src: gif, alt: 'leonard, animated', extra: 'id="gif"' },
      { src: webp, alt: 'sheldon, animated', extra: 'id="webp"' },
    ])));
    await labelOn(page, '#webp', 'Sheldon');
    await enrollByMenu(driver, page, '#gif', gif, 'Leonard');
    const popup = await openPopup(driver);
    expect((await peopleList(popup)).map((p) => [p.name, p.references])).toEqual([['Leonard', 1], ['Sheldon', 1]]);
    await popup.close();
    // Leonard, enrolled from the GIF's first frame, is recognised on an ordinary photo.
    const check = await driver.open(site.page('after-gif', imagePage('After GIF', [{ src: site.photo(photo('leonard', 2)), alt: 'leonard 2', extra: 'id="l2"' }])));
    await labelOn(check, '#l2', 'Leonard');
    await check.close();
    await page.close();
  });

  /** A page of photos of enrolled people at URLs no context has seen, so every one is analysed afresh. */
  const freshPage = (name: string, n: number, width = 200) => {
    // Photos each recognised from the one reference enrolled above, with room to spare: what
    // these checks are about is recovery, not recognition (leonard3 scores about at the
    // threshold against Leonard's reference from a GIF, and went unnamed once it rose to 0.927).
    const known = [['sheldon', 2], ['leonard', 2], ['sheldon', 3], ['leonard', 4], ['sheldon', 4], ['sheldon', 5]] as const;
    const images = Array.from({ length: n }, (_, i) => {
      const [who, k] = known[i % known.length]!;
      return { src: `${site.photo(photo(who, k))}?${name}=${i}`, alt: who, extra: `id="i${i}" style="width:${width}px"`, who };
    });
    return { url: site.page(name, imagePage(name, images)), images };
  };

  const allLabelled = async (page: TestPage, images: { who: string }[]) => {
    // The engine starts cold after the fault (models load again): wait for the count, then check each image.
    await waitFor(`${images.length} labels`, async () => (await page.labels()).length >= images.length, 180_000);
    const labels = await settledLabels(page, 3000);
    for (const [i, img] of images.entries()) expect({ i, labels: over(labels, await page.rect(`#i${i}`)) }).toEqual({ i, labels: [`Facetag: ${img.who[0]!.toUpperCase()}${img.who.slice(1)}`] });
  };

  /**
   * Opens the page and, as soon as its first label is drawn (the engine busy, the rest pending),
   * does `fault`. 30 photos: at 30 ms a photo a faster machine had finished 10 by the time the
   * first label was seen, and the fault then met an idle engine (a CI run of 2026-12-07). Shown
   * 110 px wide, all 30 are on the first screen, where Facetag labels.
   */
  const faultMidRun = async (name: string, fault: () => Promise<void>) => {
    const problems = await watchProblems(devtools);
    const { url, images } = freshPage(name, 30, 110);
    const page = await driver.open(url);
    await waitFor('the first label', async () => (await page.labels()).length > 0, 120_000, 100);
    const labelledBefore = (await page.labels()).length;
    await fault();
    try {
      await allLabelled(page, images);
    } catch (error) {
      throw new Error(`${String(error)}; logged: ${JSON.stringify(problems.problems, null, 1)}`);
    }
    await problems.stop();
    await page.close();
    return { labelledBefore, problems: problems.problems };
  };

  it('re-creates the offscreen document closed mid-run, and labels every pending image', async () => {
    const { labelledBefore, problems } = await faultMidRun('closed', async () => {
      await (await driver.worker()).evaluate(() => chrome.offscreen.closeDocument());
    });
    expect(labelledBefore).toBeLessThan(30);
    // The service worker says what happened, once per call it retried.
    expect(problems.filter((p) => /went away during engine\.analyse/.test(p.text)).length).toBeGreaterThan(0);
  });

  /**
   * A crash of the offscreen document's renderer is a crash of the extension's process: the
   * service worker lives there too, and Chrome terminates the whole extension (in a desktop
   * session it offers "reload" in a notification). No extension code survives to recover, so
   * what this checks is that nothing is lost: the store is intact and, once the extension runs
   * again (here: the browser restarted), every image is labelled.
   */
  it('loses nothing when the offscreen document\'s renderer crashes mid-run: after a restart every image is labelled', async () => {
    const popup = await openPopup(driver);
    const before = await storeDump(popup);
    await popup.close();
    const { url, images } = freshPage('crashed', 10);
    const page = await driver.open(url);
    await waitFor('the first label', async () => (await page.labels()).length > 0, 120_000, 100);
    const crashed = await offscreenTarget(devtools);
    const session = await crashed.createCDPSession();
    // The renderer dies before it can answer.
    await session.send('Page.crash').catch(() => undefined);
    await page.close().catch(() => undefined);
    await driver.restart();
    devtools = await attachDevtools(profile);
    const after = await openPopup(driver);
    expect(await storeDump(after)).toEqual(before);
    await after.close();
    const again = await driver.open(url);
    await allLabelled(again, images);
    await again.close();
  });
});
