/** The user's enrollment gesture, for checks outside the shared suite: right-click, the menu item, the name, Enter. */
import { waitFor, type Driver, type TestPage } from './driver.js';
import { labelOn } from './seen.js';

export async function enrollByMenu(driver: Driver, page: TestPage, selector: string, src: string, name: string): Promise<void> {
  await page.rightClick(selector);
  await driver.clickEnrollMenu(page, src);
  await waitFor('the name prompt to take the focus', () => page.focusInOverlay());
  await page.type(name);
  await page.press('Enter');
  await labelOn(page, selector, name);
}
