/**
 * The people manager and corrections, through the real popup page and the labels' own menu.
 * They run after the main suite's checks and enroll people of their own (Penny, Amy, Raj), so
 * nothing the other checks expect changes; what they enroll they delete again at the end.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { waitFor, type Driver, type TestPage } from './driver.js';
import { facesDir } from '../../helpers/faces-dir.js';
import { ARTIFACTS } from './extension-copy.js';
import { clickAccessible, labelOn, over, settledLabels } from './seen.js';
import { imagePage, type Site } from './site.js';

interface Env {
  site: Site;
  driver: Driver;
  shot(page: TestPage, name: string): Promise<void>;
}

const photo = (who: string, n: number) => `face-api.js/identities/${who}/${who}${n}.png`;

/** A click in the middle of the element, as a user's mouse. */
async function clickOn(page: TestPage, selector: string): Promise<void> {
  const r = await waitFor(`${selector} to be shown`, async () => {
    const rect = await page.rect(selector).catch(() => null);
    return rect && rect.width > 0 ? rect : null;
  }, 20_000);
  await page.click(r.x + r.width / 2, r.y + r.height / 2);
}

/**
 * The people list as a screen reader announces it: each person's button name ("Penny: 1 photo,
 * seen just now. Open"). Read from the DOM: Firefox builds no accessibility tree for an
 * extension page in a tab the test opened.
 */
async function peopleListed(popup: TestPage): Promise<string[]> {
  return (await popup.evaluate(`[...document.querySelectorAll('#people button.who')].map((b) => b.getAttribute('aria-label'))`)) as string[];
}

const listed = (popup: TestPage, name: RegExp) => async () => (await peopleListed(popup)).filter((n) => name.test(n)).length === 1;

/** Waits until every image shows exactly these labels (a page relabels image by image, so a check of one image alone could pass between two states). */
async function pageShows(page: TestPage, expected: Record<string, string[]>): Promise<void> {
  let seen: Record<string, string[]> = {};
  try {
    await waitFor(`the page to show ${JSON.stringify(expected)}`, async () => {
      const labels = await page.labels();
      seen = Object.fromEntries(await Promise.all(Object.keys(expected).map(async (sel) => [sel, over(labels, await page.rect(sel))] as const)));
      return JSON.stringify(seen) === JSON.stringify(expected);
    }, 60_000);
  } catch (error) {
    throw new Error(`${String(error)}; it shows ${JSON.stringify(seen)}`);
  }
}

export function peopleChecks(env: () => Env): void {
  const enroll = async (who: string, n: number, name: string) => {
    const { site, driver } = env();
    const src = site.photo(photo(who, n));
    const page = await driver.open(site.page(`enroll-${name}`, imagePage(`Enroll ${name}`, [{ src, alt: name, extra: 'id="face"' }])));
    await page.rightClick('#face');
    await driver.clickEnrollMenu(page, src);
    await waitFor('the name prompt to take the focus', () => page.focusInOverlay());
    await page.type(name);
    await page.press('Enter');
    await labelOn(page, '#face', name);
    await page.close();
  };

  it('renames, deletes with undo, merges, adds a photo to and splits people in the popup, and the page follows each change', async () => {
    const { site, driver, shot } = env();
    await enroll('penny', 1, 'Penny');
    await enroll('amy', 1, 'Amy');
    const page = await driver.open(site.page('people', imagePage('People', [
      { src: site.photo(photo('penny', 4)), alt: 'penny 4', extra: 'id="p4"' },
      { src: site.photo(photo('amy', 2)), alt: 'amy 2', extra: 'id="a2"' },
    ])));
    await labelOn(page, '#p4', 'Penny');
    await labelOn(page, '#a2', 'Amy');
    const popup = await driver.openPopup(page);
    await waitFor('the people list', listed(popup, /^Penny: 1 photo, /), 20_000);

    await clickOn(popup, 'button[aria-label="Rename Penny"]');
    await waitFor('the rename field to take the focus', async () => (await popup.evaluate('document.activeElement?.id')) === 'rename-input', 10_000);
    await popup.type('Penny Teller');
    await popup.press('Enter');
    await pageShows(page, { '#p4': ['Facetag: Penny Teller'], '#a2': ['Facetag: Amy'] });

    await clickOn(popup, 'button[aria-label="Delete Penny Teller"]');
    await pageShows(page, { '#p4': [], '#a2': ['Facetag: Amy'] });
    // The focus is on Undo right after the delete: Enter takes it back.
    expect(await popup.evaluate('document.activeElement?.textContent')).toBe('Undo');
    await popup.press('Enter');
    await pageShows(page, { '#p4': ['Facetag: Penny Teller'], '#a2': ['Facetag: Amy'] });
    await waitFor('Penny Teller back in the list', listed(popup, /^Penny Teller: 1 photo/), 20_000);

    await clickOn(popup, 'li[data-name="Amy"] button.who');
    await clickOn(popup, '#person-merge');
    await clickOn(popup, 'label[data-name="Penny Teller"]');
    await clickOn(popup, '#merge-go');
    await pageShows(page, { '#p4': ['Facetag: Penny Teller'], '#a2': ['Facetag: Penny Teller'] });
    await waitFor('one person with both photos', listed(popup, /^Penny Teller: 2 photos/), 20_000);
    expect((await peopleListed(popup)).filter((n) => n.startsWith('Amy: '))).toEqual([]);

    // A photo file picked in the person view becomes a third reference.
    await clickOn(popup, 'li[data-name="Penny Teller"] button.who');
    await popup.chooseFile('#add-photo', join(facesDir(), photo('penny', 5)));
    await waitFor('the photo to be added', async () => /now has 3 photos/.test(String(await popup.evaluate(`document.querySelector('dialog [role=status]')?.textContent`))), 60_000);
    await waitFor('three photos in the list', listed(popup, /^Penny Teller: 3 photos/), 20_000);

    // Amy's photo (the second, by the time it was added) split off again as Amy: the page names her again.
    expect(await popup.evaluate(`document.querySelectorAll('.ref img')[1].title`)).toMatch(/amy1\.png$/);
    await clickOn(popup, 'input[aria-label="Select photo 2"]');
    await clickOn(popup, '#person-split');
    await waitFor('the name field to take the focus', async () => (await popup.evaluate('document.activeElement?.id')) === 'split-name', 10_000);
    await popup.type('Amy');
    await popup.press('Enter');
    await pageShows(page, { '#p4': ['Facetag: Penny Teller'], '#a2': ['Facetag: Amy'] });
    await waitFor('two people in the list', async () => (await peopleListed(popup)).filter((n) => /^(Penny Teller: 2 photos|Amy: 1 photo)/.test(n)).length === 2, 20_000);
    await popup.press('Escape');
    await waitFor('the dialog to close', async () => (await popup.evaluate(`document.getElementById('dialog').open`)) === false, 10_000);
    await shot(page, 'people-merged');
    if (driver.name === 'chromium') await popupScreenshots(driver, page, popup);

    await clickOn(popup, 'button[aria-label="Delete Penny Teller"]');
    await clickOn(popup, 'button[aria-label="Delete Amy"]');
    await pageShows(page, { '#p4': [], '#a2': [] });
    await popup.close();
    await page.close();
  });

  it('corrects names on the page: "This is…" adds a reference, "Not <name>" removes the name for good', async () => {
    const { site, driver, shot } = env();
    await enroll('raj', 1, 'Raj');
    const url = site.page('corrections', imagePage('Corrections', [
      { src: site.photo(photo('raj', 2)), alt: 'raj 2', extra: 'id="r2"' },
      { src: site.photo(photo('raj', 4)), alt: 'raj 4', extra: 'id="r4"' },
    ]));
    const page = await driver.open(url);
    await labelOn(page, '#r2', 'Raj');
    await labelOn(page, '#r4', 'Raj');

    // Labels take no clicks (a page could hit-test them): a correction starts from the browser's
    // context menu over the picture, "Correct a name here…", and opens the face's menu.
    const correctOn = async (selector: string) => {
      await page.rightClick(selector);
      await driver.clickCorrectMenu(page);
      await waitFor('the correction menu', async () => (await page.accessibles(/^This is…$/)).length > 0, 10_000);
      // A click counts once the menu has been open 600 ms (src/content/click-guard.ts), as a user's would.
      await new Promise((r) => setTimeout(r, 700));
    };

    await correctOn('#r4');
    await clickAccessible(page, /^This is…$/);
    await waitFor('the name prompt to take the focus', () => page.focusInOverlay());
    await page.type('Raj');
    await page.press('Enter');
    await waitFor('the confirmation', async () => (await page.accessibles(/^Facetag: added this face to Raj$/)).length > 0, 30_000);
    const popup = await driver.openPopup(page);
    await waitFor('Raj with two photos in the popup', listed(popup, /^Raj: 2 photos/), 20_000);
    await popup.close();

    // From the keyboard: the menu opens with the focus on its first item, Escape closes it.
    await correctOn('#r2');
    expect(await page.focusInOverlay('overlay')).toBe(true);
    await page.press('Escape');
    await waitFor('the menu to close', async () => (await page.accessibles(/^This is…$/)).length === 0, 10_000);

    await correctOn('#r2');
    await shot(page, 'label-menu');
    await clickAccessible(page, /^Not Raj$/);
    await pageShows(page, { '#r2': [], '#r4': ['Facetag: Raj'] });

    await page.reload();
    await labelOn(page, '#r4', 'Raj');
    expect(over(await settledLabels(page, 3000), await page.rect('#r2')), 'after reload').toEqual([]);
    await page.close();
  });

  it('switches Facetag off everywhere from the popup: labels go, stay gone after a reload, and come back when on', async () => {
    const { site, driver } = env();
    await enroll('bernadette', 1, 'Bernadette');
    const page = await driver.open(site.page('global-off', imagePage('Global off', [{ src: site.photo(photo('bernadette', 2)), alt: 'bernadette 2', extra: 'id="b2"' }])));
    await labelOn(page, '#b2', 'Bernadette');
    const popup = await driver.openPopup(page);
    await waitFor('the settings', async () => (await popup.evaluate(`document.getElementById('enabled').checked`)) === true, 20_000);
    try {
      await clickOn(popup, '#enabled');
      await pageShows(page, { '#b2': [] });
      await page.reload();
      expect(over(await settledLabels(page, 5000), await page.rect('#b2'))).toEqual([]);
    } finally {
      if ((await popup.evaluate(`document.getElementById('enabled').checked`)) === false) await clickOn(popup, '#enabled');
    }
    await labelOn(page, '#b2', 'Bernadette');
    await clickOn(popup, 'button[aria-label="Delete Bernadette"]');
    await pageShows(page, { '#b2': [] });
    await popup.close();
    await page.close();
  });
}

/** docs/ screenshots of the popup, light and dark; the reference thumbnails are crops of the shared photos, so blurred. */
async function popupScreenshots(driver: Driver, page: TestPage, light: TestPage): Promise<void> {
  const blur = `document.head.insertAdjacentHTML('beforeend', '<style>.person img { filter: blur(6px) }</style>')`;
  await light.evaluate(blur);
  await light.screenshot(join(ARTIFACTS, 'popup-light.png'));
  const dark = await driver.openPopup(page, 'dark');
  await waitFor('the dark popup list', listed(dark, /^Penny Teller: 2 photos/), 20_000);
  await dark.evaluate(blur);
  await dark.screenshot(join(ARTIFACTS, 'popup-dark.png'));
  await dark.close();
}
