/** What a user sees of Facetag's labels on a page, shared by the e2e checks. */
import { join } from 'node:path';
import { waitFor, type Rect, type SeenLabel, type TestPage } from './driver.js';
import { ARTIFACTS } from './extension-copy.js';

/** Labels drawn over an image: their top-left corner lies within the image's rectangle. */
export function over(labels: SeenLabel[], img: Rect): string[] {
  return labels
    .filter((l) => l.x + 4 >= img.x - 2 && l.x + 4 <= img.x + img.width + 2 && l.y + 4 >= img.y - 2 && l.y + 4 <= img.y + img.height + 2)
    .map((l) => l.name)
    .sort();
}

/** Waits until the labels stop changing for `quietMs`, so late analyses cannot add a label after the check. */
export async function settledLabels(page: TestPage, quietMs = 5000): Promise<SeenLabel[]> {
  let last = '';
  let since = Date.now();
  return waitFor('labels to settle', async () => {
    const labels = await page.labels();
    const key = JSON.stringify(labels.map((l) => [l.name, Math.round(l.x), Math.round(l.y)]));
    if (key !== last) {
      last = key;
      since = Date.now();
      return null;
    }
    return Date.now() - since >= quietMs ? labels : null;
  }, 120_000, 500);
}

export async function labelOn(page: TestPage, selector: string, name: string): Promise<void> {
  try {
    await waitFor(`"${name}" on ${selector}`, async () => over(await page.labels(), await page.rect(selector)).includes(`Facetag: ${name}`));
  } catch (error) {
    await page.screenshot(join(ARTIFACTS, `failed-${selector.replace(/\W/g, '')}.png`)).catch(() => undefined);
    throw new Error(`${String(error)}; labels ${JSON.stringify(await page.labels())}, ${selector} at ${JSON.stringify(await page.rect(selector))}`);
  }
}

/** Clicks the middle of the first shown node of that accessible name, as a user clicks what they see. */
export async function clickAccessible(page: TestPage, name: RegExp): Promise<void> {
  const [node] = await waitFor(`${String(name)} to be shown`, async () => {
    const found = (await page.accessibles(name)).filter((n) => n.width > 0);
    return found.length > 0 ? found : null;
  }, 20_000);
  await page.click(node!.x + node!.width / 2, node!.y + node!.height / 2);
}
