/**
 * Bad images in Firefox, where the background page hosts the engine and decodes with Gecko's
 * createImageBitmap: the same messages as in Chromium (tests/e2e/faults.e2e.test.ts), no name
 * prompt, and labelling goes on. The store comparison and the process faults are Chromium's
 * (DevTools reach every context there; the offscreen document is Chrome's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEnrollMessages, publishBadImages } from './helpers/bad-images.js';
import type { Driver } from './helpers/driver.js';
import { enrollByMenu } from './helpers/enroll-flow.js';
import { launchFirefox } from './helpers/firefox.js';
import { startGuardProxy, type GuardProxy } from './helpers/guard-proxy.js';
import { labelOn, over, settledLabels } from './helpers/seen.js';
import { imagePage, startSite, type Site } from './helpers/site.js';

const photo = (who: string, n: number) => `face-api.js/identities/${who}/${who}${n}.png`;

describe('Facetag in Firefox: bad images', () => {
  let site: Site;
  let proxy: GuardProxy;
  let driver: Driver;

  beforeAll(async () => {
    site = await startSite();
    proxy = await startGuardProxy([Number(new URL(site.origin).port)]);
    driver = await launchFirefox(proxy.port);
  });

  afterAll(async () => {
    await driver?.close();
    await proxy?.close();
    await site?.close();
  });

  it('answers each bad image with a clear message, opens no prompt, and keeps labelling', async () => {
    const sheldon = site.photo(photo('sheldon', 1));
    const enroll = await driver.open(site.page('enroll', imagePage('Enroll', [{ src: sheldon, alt: 'sheldon', extra: 'id="s1"' }])));
    await enrollByMenu(driver, enroll, '#s1', sheldon, 'Sheldon');
    await enroll.close();
    const images = await publishBadImages(site);
    const page = await driver.open(site.page('bad-images', imagePage('Bad images', [
      ...images.map((i) => ({ src: i.src, alt: i.id, extra: `id="${i.id}" style="width:200px;height:200px"` })),
      { src: site.photo(photo('sheldon', 2)), alt: 'sheldon 2', extra: 'id="good"' },
      { src: site.photo(photo('penny', 2)), alt: 'penny 2', extra: 'id="penny"' },
    ])));
    await expectEnrollMessages(driver, page, images);
    await labelOn(page, '#good', 'Sheldon');
    // Nobody new was saved: Penny's photo stays unnamed.
    expect(over(await settledLabels(page), await page.rect('#penny'))).toEqual([]);
    await page.close();
  });
});
