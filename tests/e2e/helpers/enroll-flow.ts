/** The user's enrollment gesture, for checks outside the shared suite: right-click, the menu item, the name, Enter. */
import { waitFor, type Driver, type TestPage } from './driver.js';
import { labelOn } from './seen.js';
import { imagePage, type Site } from './site.js';

export async function enrollByMenu(driver: Driver, page: TestPage, selector: string, src: string, name: string): Promise<void> {
  await page.rightClick(selector);
  await driver.clickEnrollMenu(page, src);
  await waitFor('the name prompt to take the focus', () => page.focusInOverlay());
  await page.type(name);
  await page.press('Enter');
  await labelOn(page, selector, name);
}

/** A page of one photo per person (`<who>1.png` of face-api.js's identities), each enrolled through the menu under its name. */
export async function enrollFirstPhotos(driver: Driver, site: Site, people: readonly [who: string, name: string][]): Promise<void> {
  const src = (who: string) => site.photo(`face-api.js/identities/${who}/${who}1.png`);
  const page = await driver.open(site.page(`enroll-${people.map(([who]) => who).join('-')}`, imagePage('Enroll', people.map(([who]) => ({ src: src(who), alt: `${who} 1`, extra: `id="${who}1"` })))));
  for (const [who, name] of people) await enrollByMenu(driver, page, `#${who}1`, src(who), name);
  await page.close();
}
