/** Firefox's extension pages for the identity-pack checks: files chosen over BiDi, downloads saved to a known folder. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { waitFor, type ExtensionPage } from './driver.js';

/** Prefs that save every download straight into `dir`, without asking. */
export function downloadPrefs(dir: string): Record<string, unknown> {
  return {
    'browser.download.dir': dir,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
  };
}

async function downloaded(dir: string, before: Set<string>): Promise<string> {
  let last = -1;
  return waitFor('the download', async () => {
    const names = readdirSync(dir).filter((n) => !before.has(n) && !n.endsWith('.part'));
    const [name] = names;
    if (!name || existsSync(join(dir, `${name}.part`))) return null;
    const size = statSync(join(dir, name)).size;
    const done = size > 0 && size === last;
    last = size;
    return done ? join(dir, name) : null;
  }, 60_000, 300);
}

export function wrapExtensionPage(page: Page, downloads: string): ExtensionPage {
  const element = async (selector: string): Promise<ElementHandle> => {
    const el = await page.$(selector);
    if (!el) throw new Error(`no element matches ${selector}`);
    return el;
  };
  return {
    browser: 'firefox',
    screenshot: async (file) => {
      await page.screenshot({ path: file as `${string}.png`, fullPage: true });
    },
    click: (selector) => page.click(selector),
    async fill(selector, text) {
      await page.$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
      await page.type(selector, text);
    },
    async setFiles(selector, paths) {
      // WebDriver BiDi's input.setFiles (Firefox ESR 140) takes files only: "File error: Is directory".
      if (paths.some((p) => statSync(p).isDirectory())) throw new Error('Firefox over BiDi cannot choose a folder in a file input');
      await (await element(selector) as ElementHandle<HTMLInputElement>).uploadFile(...paths);
    },
    async download(selector) {
      const before = new Set(readdirSync(downloads));
      await page.click(selector);
      return downloaded(downloads, before);
    },
    text: (selector) => page.$eval(selector, (el) => el.textContent ?? ''),
    evaluate: (script) => page.evaluate(script),
    close: () => page.close(),
  };
}
