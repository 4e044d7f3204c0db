/**
 * A full disk while saving (issue 7): a folder enrollment and a pack import each stop with a
 * clear message, save nothing, and leave every person already stored as it was.
 *
 * Chromium only: DevTools can lower an origin's storage quota (Storage.overrideQuotaForOrigin);
 * Firefox has no such control over BiDi, and filling a real disk is not a test anyone can run.
 * The shipped build holds "unlimitedStorage" (so the browser never evicts the people), which no
 * quota override reaches; this runs the same build without it, in a browser of its own, so a
 * store held far over its quota can't touch the main suite's.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumDriver } from './helpers/chromium.js';
import { waitFor, type ExtensionPage } from './helpers/driver.js';
import { ARTIFACTS, quotaBoundCopy } from './helpers/extension-copy.js';
import { startGuardProxy, type GuardProxy } from './helpers/guard-proxy.js';
import { choosePack, waitText } from './helpers/options-page.js';
import { bulkFolder, cliPack, crowdPack, tempDir } from './helpers/pack-files.js';
import { OPTIONS, peopleNames, storeRows } from './helpers/store-rows.js';

const FULL = /^Your browser's storage is full, so nothing was saved/;

describe('Facetag in Chromium: storage full', () => {
  let proxy: GuardProxy;
  let driver: ChromiumDriver;
  let dir = '';
  let pack = '';

  beforeAll(async () => {
    proxy = await startGuardProxy([]);
    driver = await launchChromium(proxy.port, { extension: quotaBoundCopy('chrome') });
    dir = tempDir('storage-full');
    pack = await cliPack(dir, ['bernadette', 'stuart']);
  });

  afterAll(async () => {
    await driver?.close();
    await proxy?.close();
  });

  it('a folder enrollment and a pack import on a full disk save nothing, say so, and keep the people stored', async () => {
    const page: ExtensionPage = await driver.openExtensionPage(OPTIONS);
    // People already stored, whose rows must come through untouched.
    await choosePack(page, pack);
    await page.click('#import-merge');
    await waitText(page, '#import-status', /^Imported: 2 people added/);
    const before = await storeRows(page);
    expect(peopleNames(before)).toEqual(['bernadette', 'stuart']);

    // Far below what the store already uses, so no write fits: as on a full disk. (A quota just
    // above navigator.storage.estimate() is not reliable: the estimate lags behind compaction.)
    await driver.setExtensionQuota!(1024);
    try {
      // IndexedDB lets writes through on the space the quota manager reported in the last 30 s
      // (BucketContext::kBucketSpaceCacheTimeLimit) without asking again; let that allowance lapse.
      await new Promise((r) => setTimeout(r, 31_000));
      await page.setFiles('#bulk-folder', [bulkFolder(tempDir('bulk-quota'))]);
      await waitFor('the folder enrollment to end', async () => (await page.text('#bulk-status')) !== '' || (await page.text('#bulk-error')) !== '', 180_000, 200);
      expect({ status: await page.text('#bulk-status'), error: await page.text('#bulk-error') }).toEqual({ status: '', error: expect.stringMatching(FULL) });
      await choosePack(page, crowdPack(dir, pack, 10, 20).file);
      await page.click('#import-merge');
      await waitFor('the import to end', async () => /^Imported/.test(await page.text('#import-status')) || (await page.text('#import-error')) !== '', 60_000, 100);
      expect(await page.text('#import-error')).toMatch(FULL);
      await page.screenshot(join(ARTIFACTS, 'chromium-options-storage-full.png'));
      expect(await storeRows(page)).toEqual(before);
    } finally {
      await driver.setExtensionQuota!(null);
    }
    // Space again: the same folder now saves, so the failure was the disk's and nothing else's.
    await page.setFiles('#bulk-folder', [bulkFolder(tempDir('bulk-space'))]);
    await waitText(page, '#bulk-status', /^Saved: 2 people added, 0 updated, 6 reference faces/, 300_000);
    expect(peopleNames(await storeRows(page))).toEqual(['Penny', 'Raj', 'bernadette', 'stuart']);
    await page.close();
  }, 400_000);
});
