/**
 * Firefox ESR with the built extension, through puppeteer-core over WebDriver BiDi. The add-on
 * is installed temporarily (BiDi webExtension.install) on every start; fixed UUID and kept
 * storage make the restarted browser see the same extension origin and IndexedDB, as after a
 * normal restart with an installed add-on.
 *
 * BiDi will not navigate to moz-extension:// pages, so a helper tab with the extension's popup
 * is opened from the browser's own (chrome-scope) window; from there the test reaches the
 * background page and its real context-menu listener, as the service worker in Chromium.
 *
 * Labels are read from Firefox's own accessibility tree, in the parent process (BiDi's
 * accessibility locator does not enter shadow roots): what a screen reader gets.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { waitFor, type Driver, type Rect, type SeenNode, type TestPage } from './driver.js';
import { grantedCopy } from './extension-copy.js';
import { downloadPrefs, wrapExtensionPage } from './firefox-extras.js';

export const FIREFOX = process.env.FACETAG_FIREFOX ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'facetag@facetag.dev';
const UUID = '7f3c2a10-5e4b-4c1d-9a8e-0facefacef00';

interface BidiConnection {
  send(method: string, params: unknown): Promise<{ result: unknown }>;
}

type Accessibles = (page: Page, name: RegExp) => Promise<SeenNode[]>;

/**
 * Facetag's name prompt frame in the page, if open: an extension page puppeteer can evaluate
 * in. Its frame URL is not reported for frames a content script adds, so each frame is asked.
 */
async function promptFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames().slice(1)) {
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (href.startsWith(`moz-extension://${UUID}/src/prompt/`)) return frame;
  }
  return undefined;
}

/**
 * Text a user sees in the prompt frame. Firefox's parent-process accessibility walk does not
 * descend into the out-of-process extension frame, so its visible text is read from its DOM.
 */
async function promptTexts(page: Page, name: RegExp): Promise<SeenNode[]> {
  const frame = await promptFrame(page);
  if (!frame) return [];
  const texts = (await frame.evaluate(() => Array.from(document.querySelectorAll('label, p, button, [role=dialog], img'))
    .filter((e) => !(e as HTMLElement).hidden)
    .map((e) => e.getAttribute('aria-label') ?? e.getAttribute('alt') ?? e.textContent?.trim() ?? ''))) as string[];
  return texts.filter((t) => name.test(t)).map((t) => ({ name: t, role: 'text', x: 0, y: 0, width: 0, height: 0 }));
}

function wrap(page: Page, chromeAccessibles: Accessibles, url = page.url()): TestPage {
  return {
    url,
    async labels() {
      const nodes = await chromeAccessibles(page, /^Facetag: /);
      return nodes.filter((n) => n.role === 'graphic').map(({ name, x, y, width, height }) => ({ name, x, y, width, height }));
    },
    accessibles: async (name) => [...(await chromeAccessibles(page, name)), ...(await promptTexts(page, name))],
    click: (x, y) => page.mouse.click(x, y),
    async rect(selector) {
      const box = await (await page.$(selector))?.boundingBox();
      if (!box) throw new Error(`${selector} is not visible`);
      return box as Rect;
    },
    async rightClick(selector) {
      await page.click(selector, { button: 'right' });
      // The native menu cannot be driven over BiDi; close it so it does not hold the focus.
      await page.keyboard.press('Escape');
    },
    async focusInOverlay(what = 'prompt') {
      // The prompt lives in Facetag's own frame: what counts is that a user's keys reach its name field.
      const inOverlay = await page.evaluate(() => document.activeElement?.localName === 'facetag-overlay');
      if (!inOverlay || what === 'overlay') return inOverlay;
      const frame = await promptFrame(page);
      return inOverlay && frame !== undefined && (await frame.evaluate(() => document.hasFocus() && document.activeElement?.localName === 'input').catch(() => false));
    },
    type: (text) => page.keyboard.type(text),
    async chooseFile(selector, path) {
      // The input may belong to a dialog still opening: wait for it, as playwright's setInputFiles does.
      const input = await page.waitForSelector(selector, { timeout: 30_000 }).catch(() => null);
      if (!input) throw new Error(`no element matches ${selector}`);
      await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
    },
    press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
    evaluate: (script) => page.evaluate(script),
    reload: async () => {
      // Not page.reload(): over BiDi it can fail to settle on an extension page (the popup). A
      // reload the page asks for itself settles; then wait for the new document.
      await page.evaluate('location.reload()');
      await waitFor('the reloaded page', async () => (await page.evaluate('document.readyState')) !== 'loading', 30_000, 100);
    },
    screenshot: async (file) => {
      await page.screenshot({ path: file as `${string}.png`, fullPage: true });
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

export async function launchFirefox(proxyPort: number): Promise<Driver> {
  const extension = grantedCopy('firefox');
  const profile = mkdtempSync(join(tmpdir(), 'facetag-firefox-profile-'));
  const downloads = mkdtempSync(join(tmpdir(), 'facetag-firefox-downloads-'));
  let browser: Browser;

  const start = async () => {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      defaultViewport: { width: 1280, height: 900 },
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
        // After the kill-mid-import check, start clean rather than restoring the killed session's tabs.
        'browser.sessionstore.resume_from_crash': false,
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxyPort,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxyPort,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        ...downloadPrefs(downloads),
      },
    });
    await browser.installExtension(extension);
  };

  /** The extension's popup (or another of its pages) in a tab, opened by the browser window itself. */
  const extensionPage = async (path = 'src/popup/popup.html'): Promise<Page> => {
    const url = `moz-extension://${UUID}/${path}`;
    const find = async () => {
      // A tab that never answers (one restored but not loaded) must not hold up the search.
      const href = (p: Page) => Promise.race([p.evaluate('location.href').catch(() => ''), new Promise<string>((r) => setTimeout(() => r(''), 2000))]);
      for (const p of await browser.pages()) if ((await href(p)) === url) return p;
      return null;
    };
    const open = await find();
    if (open) return open;
    // The browser window's own gBrowser, whichever chrome context answers: after a restart the
    // first context is not always the browser window, and a tab asked of another one never opens.
    const addTab = () =>
      chromeEval(`(() => { Services.wm.getMostRecentWindow('navigator:browser').gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); return 'added'; })()`);
    let asked = Date.now();
    await addTab();
    return waitFor('the extension page', async () => {
      const page = await find();
      // A tab that has not shown up in 10 s was lost (the window was still starting): ask again.
      if (!page && Date.now() - asked > 10_000) {
        asked = Date.now();
        await addTab();
      }
      return page;
    }, 40_000);
  };

  const chromeEval = async (expression: string): Promise<string> => {
    const conn = (browser as unknown as { connection: BidiConnection }).connection;
    const tree = (await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
    const r = (await conn.send('script.evaluate', { expression, target: { context: tree.contexts[0]!.context }, awaitPromise: true })).result as {
      type: string; result?: { value?: string }; exceptionDetails?: { text?: string };
    };
    if (r.type !== 'success') throw new Error(`chrome-scope evaluation failed: ${r.exceptionDetails?.text ?? 'unknown'}`);
    return r.result?.value ?? '';
  };

  /** Accessibles whose name matches, in the tab showing the page, in viewport coordinates. */
  const chromeAccessibles = (page: Page, pattern: RegExp) => accessiblesAt(page.url(), pattern);
  const accessiblesAt = async (url: string, pattern: RegExp): Promise<SeenNode[]> => {
    const json = await chromeEval(`(() => {
      const svc = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
      const b = gBrowser.browsers.find((x) => x.currentURI.spec === ${JSON.stringify(url)});
      const root = b && svc.getAccessibleFor(b);
      const doc = root?.firstChild;
      if (!doc) return '[]';
      const bounds = (a) => { const x = {}, y = {}, w = {}, h = {}; a.getBounds(x, y, w, h); return [x.value, y.value, w.value, h.value]; };
      const [dx, dy] = bounds(doc);
      const out = [];
      const pattern = new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)});
      const walk = (a, depth) => {
        if (depth > 200) return;
        const name = a.name || '';
        if (pattern.test(name)) {
          const [x, y, width, height] = bounds(a);
          out.push({ name, role: svc.getStringRole(a.role), x: x - dx, y: y - dy, width, height });
        }
        for (let c = a.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
      };
      walk(doc, 0);
      return JSON.stringify(out);
    })()`);
    return JSON.parse(json) as SeenNode[];
  };

  /** Calls the background's real contextMenus.onClicked listener, as the browser does on a menu click in `page`. */
  const clickMenu = async (page: TestPage, item: { menuItemId: string; srcUrl?: string; mediaType?: string }) => {
    const ext = await extensionPage();
    await ext.evaluate(`(async () => {
      const tab = (await browser.tabs.query({})).find((t) => t.url === ${JSON.stringify(page.url)});
      if (!tab) throw new Error('no tab shows ' + ${JSON.stringify(page.url)});
      const bg = await browser.runtime.getBackgroundPage();
      await bg.facetag.onMenuClicked({ ...${JSON.stringify(item)}, pageUrl: ${JSON.stringify(page.url)}, frameId: 0, editable: false }, tab);
    })()`);
    await page.evaluate('window.focus()');
  };

  await start();
  // Pages opened before the background has registered the content script would stay unlabelled.
  await waitFor('the content script registration', async () => (await extensionPage()).evaluate('browser.scripting.getRegisteredContentScripts().then((s) => s.length > 0)'), 30_000);
  return {
    name: 'firefox',
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return wrap(page, chromeAccessibles);
    },
    async clickEnrollMenu(page, srcUrl) {
      await clickMenu(page, { menuItemId: 'facetag-enroll', srcUrl, mediaType: 'image' });
    },
    async clickCorrectMenu(page) {
      await clickMenu(page, { menuItemId: 'facetag-correct' });
    },
    async setShowUnknown(on) {
      // Only extension pages may change settings: send from the popup's page, as its checkbox does.
      const reply = await (await extensionPage()).evaluate(
        `browser.runtime.sendMessage({ to: 'background', type: 'setSettings', payload: { showUnknown: ${on} } })`,
      );
      if (!(reply as { ok?: boolean }).ok) throw new Error(`setSettings failed: ${JSON.stringify(reply)}`);
    },
    async openPopup(over, colorScheme) {
      const tabId = await (await extensionPage()).evaluate(`browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(over.url)})?.id)`);
      const query = `?tab=${String(tabId)}`;
      const popup = await extensionPage(`src/popup/popup.html${query}`);
      await popup.setViewport({ width: 370, height: 600 });
      if (colorScheme) await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: colorScheme }]);
      await popup.bringToFront();
      // Puppeteer keeps about:blank as the URL of a tab the browser window opened: name the page's URL.
      const url = `moz-extension://${UUID}/src/popup/popup.html${query}`;
      return wrap(popup, (_page, pattern) => accessiblesAt(url, pattern), url);
    },
    async restart() {
      await browser.close();
      await start();
      await waitFor('the content script registration', async () => (await extensionPage()).evaluate('browser.scripting.getRegisteredContentScripts().then((s) => s.length > 0)'), 30_000);
    },
    openExtensionPage: async (path) => wrapExtensionPage(await extensionPage(path), downloads, chromeEval),
    async killAndRestart() {
      const child = browser.process();
      if (!child?.pid) throw new Error('no Firefox process to kill');
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(child.pid, 'SIGKILL');
      await exited;
      // Puppeteer puts the profile's prefs.js/user.js back from its *.puppeteer copies after the
      // process exits, asynchronously; a launch before that finishes finds user.js half-restored.
      await waitFor('puppeteer to restore the profile', async () => !['prefs.js', 'user.js'].some((f) => existsSync(join(profile, `${f}.puppeteer`))), 20_000, 50);
      await start();
      await waitFor('the content script registration', async () => (await extensionPage()).evaluate('browser.scripting.getRegisteredContentScripts().then((s) => s.length > 0)'), 30_000);
    },
    close: () => browser.close(),
  };
}
