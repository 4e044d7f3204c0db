/**
 * The engine host starts while a page on a site where Facetag is on is still loading (issue 13,
 * item 4: background/warm-engine.ts), not when its first image has been found: here the page's
 * only photo arrives 8 s after the page, and the engine host must be up well before that.
 * Nothing starts it for a page that is not on a switched-on site.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, type ChromiumDriver } from './helpers/chromium.js';
import { waitFor } from './helpers/driver.js';
import { startGuardProxy, type GuardProxy } from './helpers/guard-proxy.js';
import { startSite, type Site } from './helpers/site.js';

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

async function engineHosts(): Promise<number> {
  const sw = await driver.worker();
  return sw.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] })).length);
}

it('starts the engine host for a loading page on a switched-on site before any image is there, and not for other pages', async () => {
  const other = await driver.open('data:text/html,<title>not a site</title><p>no site switched on here</p>');
  await new Promise((r) => setTimeout(r, 3000));
  expect(await engineHosts()).toBe(0);
  await other.close();

  const late = site.page(
    'late-photo',
    `<!doctype html><title>late photo</title><p>The photo comes later.</p>
<script>setTimeout(() => { const img = document.createElement('img'); img.src = ${JSON.stringify(site.photo('human/in/person-vlado1.jpg'))}; img.alt = 'late'; img.id = 'late'; document.body.append(img); }, 8000);</script>`,
  );
  const page = await driver.open(late);
  await waitFor('the engine host', async () => (await engineHosts()) === 1, 6000, 250);
  expect(await page.evaluate('document.images.length')).toBe(0);
  await page.close();
}, 120_000);
