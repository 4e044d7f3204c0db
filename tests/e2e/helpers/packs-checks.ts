/**
 * Identity packs and bulk enrollment through the real options page: export, import (plain,
 * passphrase-protected, made by the CLI, damaged), enrollment from a folder, and the faults a
 * save can meet (storage full, the browser killed). They run after the main suite's checks,
 * and put the store back as they found it, less nobody, plus nobody.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { IdentityPack } from '../../../src/shared/identity-pack.js';
import { waitFor, type Driver, type ExtensionPage, type TestPage } from './driver.js';
import { choosePack, waitText } from './options-page.js';
import { ARTIFACTS } from './extension-copy.js';
import { badPacks, BULK_SKIPPED, bulkFolder, cliPack, longFolder, tempDir } from './pack-files.js';
import { labelOn, over, settledLabels } from './seen.js';
import { imagePage, type Site } from './site.js';
import { deletePeople, OPTIONS, peopleNames, storeRows, type StoreRows } from './store-rows.js';

interface Env {
  site: Site;
  driver: Driver;
  shot(page: TestPage, name: string): Promise<void>;
}

const shot = (page: ExtensionPage, name: string) => page.screenshot(join(ARTIFACTS, `${page.browser}-${name}.png`));

const PASSPHRASE = 'correct horse battery staple';

/** People with their embeddings, independent of the reference ids an import gives. */
const peopleAndVectors = (d: StoreRows) =>
  d.people.map((p) => ({ id: p.id, name: p.name, vectors: d.embeddings.filter((e) => e.personId === p.id).map((e) => e.vector.join(',')).sort() })).sort((a, b) => a.name.localeCompare(b.name));

export function packChecks(env: () => Env): void {
  let dir = '';
  let cli = '';
  beforeAll(async () => {
    dir = tempDir('packs-e2e');
    cli = await cliPack(dir, ['bernadette', 'stuart']);
  }, 240_000);

  const photoPage = async (name: string, who: [string, number][]) => {
    const { site, driver } = env();
    const imgs = who.map(([w, n]) => ({ src: site.photo(`face-api.js/identities/${w}/${w}${n}.png`), alt: `${w} ${n}`, extra: `id="${w}${n}"` }));
    return driver.open(site.page(name, imagePage(name, imgs)));
  };

  it('packs: a pack made by `facetag enroll` imports with Merge and its people are named on a page', async () => {
    const page = await env().driver.openExtensionPage(OPTIONS);
    const before = peopleNames(await storeRows(page));
    await choosePack(page, cli);
    expect(await page.text('#import-summary')).toMatch(/2 people with 8 reference faces/);
    await page.click('#import-merge');
    await waitText(page, '#import-status', /^Imported: 2 people added, 0 people updated, 8 reference faces/);
    expect(peopleNames(await storeRows(page))).toEqual([...before, 'bernadette', 'stuart'].sort());
    await shot(page, 'options-imported');
    await page.close();
    const web = await photoPage('cli-pack', [['bernadette', 5], ['stuart', 5], ['amy', 5]]);
    await labelOn(web, '#bernadette5', 'bernadette');
    await labelOn(web, '#stuart5', 'stuart');
    expect(over(await settledLabels(web), await web.rect('#amy5'))).toEqual([]);
    await web.close();
  });

  it('packs: export then import round-trips to the same people, plain and passphrase-protected', async () => {
    const page = await env().driver.openExtensionPage(OPTIONS);
    const original = await storeRows(page);
    const plain = await page.download('#export-all');
    const exported = JSON.parse(readFileSync(plain, 'utf8')) as IdentityPack;
    expect(exported.people.map((p) => p.name).sort()).toEqual(peopleNames(original));
    await page.fill('#export-passphrase', PASSPHRASE);
    const encrypted = await page.download('#export-all');
    expect(readFileSync(encrypted, 'utf8')).not.toContain('bernadette');
    await page.fill('#export-passphrase', '');

    await deletePeople(page, (n) => /^(bernadette|stuart)$/.test(n));
    const web = await photoPage('round-trip', [['bernadette', 5]]);
    expect(over(await settledLabels(web), await web.rect('#bernadette5'))).toEqual([]);

    await choosePack(page, encrypted);
    expect(await page.text('#import-status')).toMatch(/protected by a passphrase/);
    await page.fill('#import-passphrase', 'not the passphrase');
    await page.click('#import-unlock-button');
    await waitText(page, '#import-error', /Wrong passphrase/);
    await page.fill('#import-passphrase', PASSPHRASE);
    await page.click('#import-unlock-button');
    await waitText(page, '#import-summary', /This pack holds/);
    await page.click('#import-replace');
    await waitText(page, '#import-status', /^Imported: /);
    expect(peopleAndVectors(await storeRows(page))).toEqual(peopleAndVectors(original));

    // The plain file too, with Replace: still the same people, ids and embeddings.
    await choosePack(page, plain);
    await page.click('#import-replace');
    await waitText(page, '#import-status', /^Imported: /);
    expect(peopleAndVectors(await storeRows(page))).toEqual(peopleAndVectors(original));
    await page.close();
    // The page is relabelled without a reload.
    await labelOn(web, '#bernadette5', 'bernadette');
    await web.close();
  });

  it('packs: a damaged, truncated, oversized or foreign pack says why and changes nothing', async () => {
    const page = await env().driver.openExtensionPage(OPTIONS);
    const before = await storeRows(page);
    const good = await page.download('#export-all');
    for (const [file, message] of badPacks(dir, good)) {
      await choosePack(page, file);
      expect({ file, error: await page.text('#import-error') }).toEqual({ file, error: expect.stringMatching(message) });
      expect(await page.evaluate('document.getElementById("import-choice").hidden')).toBe(true);
    }
    await shot(page, 'options-bad-pack');
    expect(await storeRows(page)).toEqual(before);
    await page.close();
  });

  it('packs: enrollment from a folder — Cancel saves nothing; a full run reports skipped photos and names the people on a later page', async () => {
    const folder = bulkFolder(tempDir('bulk'));
    const page = await env().driver.openExtensionPage(OPTIONS);
    const before = await storeRows(page);
    await page.setFiles('#bulk-folder', [longFolder(tempDir('bulk-long'), 80)]);
    await waitText(page, '#bulk-count', /^[1-9]\d? \/ 80$/);
    await page.click('#bulk-cancel');
    await waitText(page, '#bulk-status', /^Cancelled: nothing was saved/);
    expect(await storeRows(page)).toEqual(before);

    await page.setFiles('#bulk-folder', [folder]);
    await waitFor('the folder enrollment to end', async () => (await page.text('#bulk-status')) !== '' || (await page.text('#bulk-error')) !== '', 300_000, 200);
    expect(await page.text('#bulk-error')).toBe('');
    expect(await page.text('#bulk-status')).toMatch(/^Saved: 2 people added, 0 updated, 6 reference faces; 4 photos skipped/);
    const report = await page.text('#bulk-skipped');
    for (const [path, reason] of BULK_SKIPPED) expect(report).toMatch(new RegExp(`Skipped ${path}: ${reason.source}`));
    await shot(page, 'options-bulk');
    expect(peopleNames(await storeRows(page))).toEqual([...peopleNames(before), 'Penny', 'Raj'].sort());
    await page.close();

    const web = await photoPage('bulk', [['penny', 2], ['raj', 2], ['amy', 2]]);
    await labelOn(web, '#penny2', 'Penny');
    await labelOn(web, '#raj2', 'Raj');
    const labels = await settledLabels(web);
    expect(over(labels, await web.rect('#amy2'))).toEqual([]);
    expect(over(labels, await web.rect('#penny2'))).toEqual(['Facetag: Penny']);
    await web.close();
  });

  it('packs: puts the store back as the suite expects it (removes the people these checks added)', async () => {
    const page = await env().driver.openExtensionPage(OPTIONS);
    await deletePeople(page, (n) => /^(bernadette|stuart|Penny|Raj|Crowd \d+)$/.test(n));
    expect(peopleNames(await storeRows(page)).filter((n) => /^(bernadette|stuart|Penny|Raj|Crowd)/.test(n))).toEqual([]);
    await page.close();
  });
}
