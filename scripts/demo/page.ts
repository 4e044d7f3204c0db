import type { BrowserContext, Page } from 'playwright-core';

/** The demo page: the photo to enroll first, then the photos Facetag should label. */
export function demoPage(photos: readonly string[]): string {
  const [first, ...rest] = photos;
  const figure = (src: string, caption: string, id = '') => `<figure><img ${id} src="${src}" alt="${caption}"><figcaption>${caption}</figcaption></figure>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Facetag demo</title>
<style>body{font:15px system-ui,sans-serif;margin:24px;max-width:1200px} figure{display:inline-block;margin:8px;vertical-align:top}
img{height:220px;width:auto;display:block} figcaption{color:#555;font-size:13px}</style></head><body>
<h1>Facetag demo</h1>
<p>Right-click a face and choose <b>Enroll this face…</b>; Facetag then names that person in every photo on pages where it is on.</p>
<h2>Enrolled from this photo</h2>${figure(first ?? '', 'enrolled', 'id="enroll"')}
<h2>Labelled by Facetag</h2>${rest.map((src, i) => figure(src, `photo ${i + 1}`)).join('\n')}
</body></html>`;
}

async function extensionWorker(context: BrowserContext) {
  for (let i = 0; i < 300; i++) {
    const sw = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (sw && (await sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0))) return sw;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the Facetag service worker did not start');
}

/**
 * Enrolls the face in `src` as a user does: the context menu's real listener (there is no way to
 * click a browser menu from a script), then the name typed into the prompt and Enter.
 */
export async function enrollOnPage(context: BrowserContext, page: Page, src: string, name: string): Promise<void> {
  const sw = await extensionWorker(context);
  await page.locator('#enroll').click({ button: 'right' });
  await sw.evaluate(
    async ({ srcUrl, pageUrl }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const hook = (globalThis as unknown as { facetag: { onMenuClicked(i: chrome.contextMenus.OnClickData, t?: chrome.tabs.Tab): Promise<void> } }).facetag;
      await hook.onMenuClicked({ menuItemId: 'facetag-enroll', srcUrl, pageUrl, frameId: 0, editable: false, mediaType: 'image' }, tab);
    },
    { srcUrl: src, pageUrl: page.url() },
  );
  for (let i = 0; i < 600 && !(await page.evaluate(() => document.activeElement?.localName === 'facetag-overlay')); i++) await page.waitForTimeout(100);
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

/** Every accessible name in the page's accessibility tree, as a screen reader sees it (labels live in a closed shadow root). */
async function accessibleNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: string }; ignored?: boolean }[] };
    return nodes.filter((n) => !n.ignored).map((n) => n.name?.value ?? '');
  } finally {
    await cdp.detach();
  }
}

/** Waits until labels with the name stop increasing (up to 2 minutes) and returns how many there are. */
export async function waitForLabels(page: Page, name: string): Promise<number> {
  let count = 0;
  let stableSince = Date.now();
  for (const end = Date.now() + 120_000; Date.now() < end; ) {
    const now = await accessibleNames(page).then((names) => names.filter((n) => n === `Facetag: ${name}`).length, () => count);
    if (now !== count) [count, stableSince] = [now, Date.now()];
    if (count > 1 && Date.now() - stableSince > 4000) break;
    await page.waitForTimeout(500);
  }
  return count;
}
