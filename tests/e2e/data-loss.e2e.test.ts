/**
 * Data loss (issue 14): Chromium was seen discarding the extension's whole IndexedDB after a
 * kill and restart. Here DevTools discards it on purpose (Storage.clearDataForOrigin, IndexedDB
 * only), the browser restarts, and everyone must be back from the snapshot in storage.local,
 * with the popup saying what happened. Chromium only: Firefox has no such control over BiDi.
 * In a browser of its own, so the discarded store cannot touch the main suite's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumDriver } from './helpers/chromium.js';
import { waitFor } from './helpers/driver.js';
import { enrollFirstPhotos } from './helpers/enroll-flow.js';
import { startGuardProxy, type GuardProxy } from './helpers/guard-proxy.js';
import { labelOn } from './helpers/seen.js';
import { imagePage, startSite, type Site } from './helpers/site.js';
import { OPTIONS, peopleNames, storeRows, type StoreRows } from './helpers/store-rows.js';

const POPUP = 'src/popup/popup.html';
const photo = (who: string, n: number) => `face-api.js/identities/${who}/${who}${n}.png`;
/** What must come back: who, and their faces' numbers (reference ids are new after a restore). */
const kept = (rows: StoreRows) => ({ people: rows.people.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)), vectors: rows.embeddings.map((e) => e.vector).sort() });

describe('Facetag in Chromium: the browser discards the database', () => {
  let site: Site;
  let proxy: GuardProxy;
  let driver: ChromiumDriver;

  beforeAll(async () => {
    site = await startSite();
    proxy = await startGuardProxy([Number(new URL(site.origin).port)]);
    driver = await launchChromium(proxy.port);
  });

  afterAll(async () => {
    await driver?.close();
    await proxy?.close();
    await site?.close();
  });

  it('brings everyone back after a restart, and the popup says what happened', async () => {
    await enrollFirstPhotos(driver, site, [['sheldon', 'Sheldon'], ['leonard', 'Leonard']]);
    const options = await driver.openExtensionPage(OPTIONS);
    const before = await storeRows(options);
    expect(peopleNames(before)).toEqual(['Leonard', 'Sheldon']);
    await waitFor('the snapshot of both people', async () => {
      const snapshot = (await options.evaluate(`chrome.storage.local.get('people-snapshot').then((s) => s['people-snapshot']?.pack.people.length ?? 0)`)) as number;
      return snapshot === 2;
    }, 20_000);

    const origin = (await options.evaluate('location.origin')) as string;
    const raw = driver.context().pages().find((p) => p.url().startsWith(origin));
    if (!raw) throw new Error('no extension page to hold a DevTools session');
    const cdp = await driver.context().newCDPSession(raw);
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
    await cdp.detach();
    expect((await storeRows(options)).people, 'the database right after DevTools discarded it').toEqual([]);
    await options.close();

    await driver.restart();
    const popup = await driver.openExtensionPage(POPUP);
    await waitFor('the notice', async () => /^Your browser had discarded Facetag's database\. 2 people were restored from Facetag's own copy/.test(await popup.text('#restored')), 20_000);
    expect(kept(await storeRows(popup))).toEqual(kept(before));
    await popup.click('#restored button');
    await waitFor('the notice to go', async () => (await popup.evaluate(`document.getElementById('restored').hidden`)) === true);
    await popup.close();
    const again = await driver.openExtensionPage(POPUP);
    await waitFor('the popup to list people', async () => (await again.text('#people')).includes('Sheldon'), 20_000);
    expect(await again.evaluate(`document.getElementById('restored').hidden`), 'the notice is shown once').toBe(true);
    await again.close();

    const page = await driver.open(site.page('after-restore', imagePage('After', [{ src: site.photo(photo('sheldon', 2)), alt: 'sheldon 2', extra: 'id="s2"' }])));
    await labelOn(page, '#s2', 'Sheldon');
    await page.close();
  }, 300_000);
});
