/**
 * An update with a schema change (issue 7, item 4), as Chrome does it: the previous release
 * (schema version 2) runs from a fixed folder with a fixed profile, the user enrolls people,
 * the browser closes, the folder's files are replaced by the current build, and the browser
 * starts again. Everything the user enrolled must be there, byte for byte, and label photos as
 * before. It compares data, not version numbers, so it holds for any later schema. Chromium
 * only: Firefox installs a temporary add-on afresh on each start in these tests.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumDriver } from './helpers/chromium.js';
import { enrollByMenu } from './helpers/enroll-flow.js';
import { grantedCopyAt, ROOT } from './helpers/extension-copy.js';
import { openPopup, peopleList, storeDump, type StoreDump } from './helpers/extension-pages.js';
import { startGuardProxy, type GuardProxy } from './helpers/guard-proxy.js';
import { oldReleaseBuild } from './helpers/old-release.js';
import { labelOn, over, settledLabels } from './helpers/seen.js';
import { imagePage, startSite, type Site } from './helpers/site.js';

const photo = (who: string, n: number) => `face-api.js/identities/${who}/${who}${n}.png`;

/** The rows as schema version 2 wrote them (later versions may add fields and stores, never lose these). */
function enrolledRows(dump: StoreDump) {
  const pick = (rows: Record<string, unknown>[] | undefined, keys: string[]) =>
    (rows ?? []).map((r) => Object.fromEntries(keys.map((k) => [k, r[k]]))).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    people: pick(dump['people'], ['id', 'name', 'nameKey', 'createdAt']),
    references: pick(dump['references'], ['id', 'personId', 'thumbnail', 'quality', 'source', 'addedAt']),
    embeddings: pick(dump['embeddings'], ['referenceId', 'modelId', 'personId', 'vector']),
    settings: pick(dump['settings'], ['key', 'value']),
  };
}

describe('Facetag in Chromium: updating from the previous release', () => {
  let site: Site;
  let proxy: GuardProxy;
  let driver: ChromiumDriver | undefined;

  beforeAll(async () => {
    site = await startSite();
    proxy = await startGuardProxy([Number(new URL(site.origin).port)]);
  });

  afterAll(async () => {
    await driver?.close();
    await proxy?.close();
    await site?.close();
  });

  it('keeps every person, reference and setting, and labels as before', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'facetag-update-')), 'extension');
    const profile = mkdtempSync(join(tmpdir(), 'facetag-update-profile-'));
    grantedCopyAt(oldReleaseBuild(), folder);
    driver = await launchChromium(proxy.port, { extension: folder, profile, inPagePrompt: true });
    const enrollPage = await driver.open(site.page('enroll', imagePage('Enroll', [
      { src: site.photo(photo('sheldon', 1)), alt: 'sheldon 1', extra: 'id="s1"' },
      { src: site.photo(photo('leonard', 1)), alt: 'leonard 1', extra: 'id="l1"' },
      { src: site.photo(photo('sheldon', 4)), alt: 'sheldon 4', extra: 'id="s4"' },
    ])));
    await enrollByMenu(driver, enrollPage, '#s1', site.photo(photo('sheldon', 1)), 'Sheldon');
    await enrollByMenu(driver, enrollPage, '#l1', site.photo(photo('leonard', 1)), 'Leonard');
    // A second photo of Sheldon: two references for one person.
    await enrollByMenu(driver, enrollPage, '#s4', site.photo(photo('sheldon', 4)), 'Sheldon');
    await driver.setShowUnknown(true);
    let popup = await openPopup(driver);
    const before = await storeDump(popup);
    const peopleBefore = await peopleList(popup);
    expect(peopleBefore.map((p) => [p.name, p.references])).toEqual([['Leonard', 1], ['Sheldon', 2]]);
    expect(await popup.evaluate(() => chrome.runtime.sendMessage({ to: 'background', type: 'engineStatus', payload: {} }))).toMatchObject({ ok: false });
    await driver.close();

    grantedCopyAt(join(ROOT, 'dist', 'chrome'), folder);
    // An update from the store installs the new version and registers its worker. Chromium keeps an
    // unpacked extension's registered worker script across restarts, even with a new version, so the
    // old code would go on answering; dropping the profile's worker registrations (and only those:
    // IndexedDB lives apart) gives the store update's effect. Manual check: chrome://extensions' Reload.
    rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
    // A release always raises the version.
    const manifestPath = join(folder, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
    driver = await launchChromium(proxy.port, { extension: folder, profile });
    popup = await openPopup(driver);
    // The current build is the one answering (the old one had no engineStatus message).
    expect(await popup.evaluate(() => chrome.runtime.sendMessage({ to: 'background', type: 'engineStatus', payload: {} }))).toEqual({ ok: true, value: { ready: true, problem: null, backend: 'WASM (no GPU)' } });
    const rowsBefore = enrolledRows(before);
    const rowsAfter = enrolledRows(await storeDump(popup));
    // Later versions add settings rows (v4's storeId, for the people snapshot); none of these may change.
    const keysBefore = new Set(rowsBefore.settings.map((r) => r['key']));
    expect({ ...rowsAfter, settings: rowsAfter.settings.filter((r) => keysBefore.has(r['key'])) }).toEqual(rowsBefore);
    // The list as the old release showed it, plus what later versions add (v3: lastSeenAt, "never" after the update).
    const peopleAfter = await peopleList(popup);
    expect(peopleAfter.map((p) => p.lastSeenAt ?? null)).toEqual(peopleBefore.map(() => null));
    expect(peopleAfter.map(({ id, name, references, thumbnail }) => ({ id, name, references, thumbnail }))).toEqual(peopleBefore);
    await popup.close();

    const gallery = await driver.open(site.page('gallery', imagePage('Gallery', [
      { src: site.photo(photo('sheldon', 2)), alt: 'sheldon 2', extra: 'id="s2"' },
      { src: site.photo(photo('leonard', 2)), alt: 'leonard 2', extra: 'id="l2"' },
      { src: site.photo(photo('penny', 2)), alt: 'penny 2', extra: 'id="p2"' },
    ])));
    await labelOn(gallery, '#l2', 'Leonard');
    await labelOn(gallery, '#p2', 'Unknown face');
    const labels = await settledLabels(gallery);
    expect(over(labels, await gallery.rect('#s2'))).toEqual(['Facetag: Sheldon']);
    expect(over(labels, await gallery.rect('#l2'))).toEqual(['Facetag: Leonard']);
    expect(over(labels, await gallery.rect('#p2'))).toEqual(['Facetag: Unknown face']);
  });
});
