/**
 * Chromium with the built extension, through playwright-core and the system browser. A
 * persistent profile is required for extensions, and lets the restart test reopen it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { settlesWithin, waitFor, type Driver, type Rect, type SeenNode, type TestPage } from './driver.js';
import { browserPid, descendants, isAlive, killIfAlive, overrideQuota, wrapExtensionPage } from './chromium-extras.js';
import { grantedCopy } from './extension-copy.js';
import { loggedRequests } from './netlog.js';
import { attachDevtools, DEVTOOLS_ARGS, watchProblems } from './devtools.js';

export const CHROMIUM = process.env.FACETAG_CHROMIUM ?? '/usr/bin/chromium';

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
  ignored?: boolean;
}

function quadRect(quad: number[]): Rect {
  const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!];
  const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!];
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

/** Unignored accessibility-tree nodes whose name passes `keep`, with their border boxes (text runs without a box get a zero rect). */
async function axNodes(page: Page, keep: (name: string, role: string) => boolean): Promise<SeenNode[]> {
  const found = await nodesOf(await page.context().newCDPSession(page), keep);
  // Out-of-process frames (Facetag's name prompt is an extension-origin frame) have their own
  // sessions. A closed prompt's frame can linger for a moment and a call into it may never
  // settle, so each is bounded.
  for (const frame of page.frames().slice(1)) {
    const session = page.context().newCDPSession(frame).then((cdp) => nodesOf(cdp, keep), () => []);
    found.push(...(await Promise.race([session, new Promise<SeenNode[]>((resolve) => setTimeout(() => resolve([]), 3000))])));
  }
  return found;
}

async function nodesOf(cdp: CDPSession, keep: (name: string, role: string) => boolean): Promise<SeenNode[]> {
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const found: SeenNode[] = [];
    for (const n of nodes) {
      const name = n.name?.value ?? '';
      if (n.ignored || !keep(name, n.role?.value ?? '')) continue;
      let rect: Rect = { x: 0, y: 0, width: 0, height: 0 };
      if (n.backendDOMNodeId !== undefined) {
        const box = (await cdp.send('DOM.getBoxModel', { backendNodeId: n.backendDOMNodeId }).catch(() => null)) as { model: { border: number[] } } | null;
        if (box) rect = quadRect(box.model.border);
      }
      found.push({ name, role: n.role?.value ?? '', ...rect });
    }
    return found;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The promise's value, or false when it fails or takes longer than `ms`. */
function within(ms: number, promise: Promise<boolean>): Promise<boolean> {
  return Promise.race([promise.catch(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
}

/** `inPagePrompt`: the extension is a release from before the name prompt moved into its own frame. */
function wrap(page: Page, inPagePrompt = false): TestPage {
  return {
    url: page.url(),
    async labels() {
      const nodes = await axNodes(page, (name, role) => role === 'image' && name.startsWith('Facetag: '));
      return nodes.map(({ name, x, y, width, height }) => ({ name, x, y, width, height }));
    },
    accessibles: (name) => axNodes(page, (n) => name.test(n)),
    click: (x, y) => page.mouse.click(x, y),
    async rect(selector) {
      // Same source as labels(): DOM.getBoxModel, so both rectangles share one coordinate space.
      const cdp = await page.context().newCDPSession(page);
      try {
        const { root } = (await cdp.send('DOM.getDocument')) as { root: { nodeId: number } };
        const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })) as { nodeId: number };
        if (!nodeId) throw new Error(`no element matches ${selector}`);
        const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { border: number[] } };
        return quadRect(model.border);
      } finally {
        await cdp.detach();
      }
    },
    rightClick: (selector) => page.locator(selector).first().click({ button: 'right' }),
    async focusInOverlay(what = 'prompt') {
      // The prompt lives in Facetag's own frame: what counts is that a user's keys reach its name field.
      const inOverlay = await page.evaluate(() => document.activeElement?.localName === 'facetag-overlay');
      if (!inOverlay || inPagePrompt || what === 'overlay') return inOverlay;
      // A closed prompt's frame can linger in the list for a moment, and a call into it may never settle: bound each one.
      const prompts = page.frames().filter((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/src/prompt/'));
      const focused = await Promise.all(prompts.map((f) => within(2000, f.evaluate(() => document.hasFocus() && document.activeElement?.localName === 'input'))));
      return focused.includes(true);
    },
    type: (text) => page.keyboard.type(text),
    chooseFile: (selector, path) => page.setInputFiles(selector, path),
    press: (key) => page.keyboard.press(key),
    evaluate: (script) => page.evaluate(script),
    reload: async () => {
      await page.reload({ waitUntil: 'domcontentloaded' });
    },
    screenshot: async (file) => {
      await page.screenshot({ path: file, fullPage: true });
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/**
 * Chromium flags for the system browser with one unpacked extension and none of its own
 * background traffic (updates, sync, first-run pages), which this machine's closed network
 * would refuse anyway. Root needs --no-sandbox.
 */
export function quietExtensionArgs(extension: string): string[] {
  return [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
  ];
}

/** For checks that need the browser itself: a given extension folder or profile, DevTools access. */
export interface ChromiumOptions {
  extension?: string;
  profile?: string;
  args?: string[];
  /** The extension under test is a release whose name prompt lived in the page's overlay (before its own frame). */
  inPagePrompt?: boolean;
}

export interface ChromiumDriver extends Driver {
  context(): BrowserContext;
  worker(): Promise<Worker>;
}

export async function launchChromium(proxyPort: number, options: ChromiumOptions = {}): Promise<ChromiumDriver> {
  const extension = options.extension ?? grantedCopy('chrome');
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'facetag-chromium-profile-'));
  const netLogs = mkdtempSync(join(tmpdir(), 'facetag-chromium-netlog-'));
  let starts = 0;
  let context: BrowserContext;

  const start = async () => {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        ...quietExtensionArgs(extension),
        '--disable-default-apps',
        '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate',
        `--proxy-server=http://127.0.0.1:${proxyPort}`,
        // Loopback too, so the guard proxy sees requests to the test servers and everything else.
        '--proxy-bypass-list=<-loopback>',
        ...(options.args ?? []),
        ...(process.env.FACETAG_E2E_DEBUG ? DEVTOOLS_ARGS : []),
        // Every request of every context, for the network audit (extensionRequests).
        `--log-net-log=${join(netLogs, `start-${++starts}.json`)}`,
      ],
    });
    const sw = await firstWorker();
    extensionId = new URL(sw.url()).host;
    // Pages opened before the worker has registered the content script would stay unlabelled.
    await waitFor('the content script registration', () => sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0), 30_000);
    if (process.env.FACETAG_E2E_DEBUG) {
      // Every console line of every context (the offscreen document's engine log among them), as it comes.
      const { problems } = await watchProblems(await attachDevtools(profile), true);
      const timer = setInterval(() => problems.splice(0).forEach((p) => process.stderr.write(`[${p.context.slice(0, 60)}] ${p.level} ${p.text}\n`)), 500);
      context.on('close', () => clearInterval(timer));
    }
  };

  let extensionId = '';
  const listedWorkers = () => context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
  const firstWorker = (): Promise<Worker> => waitFor('the extension service worker', async () => listedWorkers()[0] ?? null, 30_000);

  /**
   * The extension's service worker, answering. Chrome stops an idle worker after 30 s, and a
   * test's evaluate is no event that starts it again (one sent to a worker being stopped can
   * even fail to settle: seen hanging a whole check). So ask with a bound, and on no answer
   * wake the worker as a user would, by opening the popup, which asks the background for people.
   */
  const worker = async (): Promise<Worker> => {
    for (let attempt = 1; ; attempt++) {
      // Newest first: a worker whose end the protocol never reported can linger in the list.
      for (const sw of listedWorkers().reverse()) if (await within(5000, sw.evaluate(() => true))) return sw;
      if (attempt === 4) throw new Error('the extension service worker does not answer, even after opening the popup to wake it');
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/src/popup/popup.html`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1000));
      await popup.close();
    }
  };

  /** Calls the background's real contextMenus.onClicked listener, as the browser does on a menu click in `page`. */
  const clickMenu = async (page: TestPage, item: { menuItemId: string; srcUrl?: string; mediaType?: string }) => {
    const sw = await worker();
    // Pages opened before the worker has registered the content script would stay unlabelled.
    await waitFor('the content script registration', () => sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0), 30_000);
    await settlesWithin(sw.evaluate(async ({ item, pageUrl }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const info = { ...item, pageUrl, frameId: 0, editable: false } as chrome.contextMenus.OnClickData;
      const hook = (globalThis as unknown as { facetag: { onMenuClicked(i: chrome.contextMenus.OnClickData, t?: chrome.tabs.Tab): Promise<void> } }).facetag;
      await hook.onMenuClicked(info, tab);
    }, { item, pageUrl: page.url }), 60_000, 'the menu click in the service worker');
  };

  await start();
  const quota: Parameters<typeof overrideQuota>[3] = {};
  return {
    name: 'chromium',
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return wrap(page, options.inPagePrompt);
    },
    async clickEnrollMenu(page, srcUrl) {
      await clickMenu(page, { menuItemId: 'facetag-enroll', srcUrl, mediaType: 'image' });
    },
    async clickCorrectMenu(page) {
      await clickMenu(page, { menuItemId: 'facetag-correct' });
    },
    async setShowUnknown(on) {
      // Only extension pages may change settings: send from the popup's page, as its checkbox does.
      const id = extensionId;
      const popup = await context.newPage();
      try {
        await popup.goto(`chrome-extension://${id}/src/popup/popup.html`);
        const reply = await popup.evaluate((showUnknown) => chrome.runtime.sendMessage({ to: 'background', type: 'setSettings', payload: { showUnknown } }), on);
        if (!(reply as { ok?: boolean }).ok) throw new Error(`setSettings failed: ${JSON.stringify(reply)}`);
      } finally {
        await popup.close();
      }
    },
    async openPopup(over, colorScheme) {
      const sw = await worker();
      const tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, over.url);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 370, height: 600 });
      if (colorScheme) await popup.emulateMedia({ colorScheme });
      await popup.goto(`chrome-extension://${extensionId}/src/popup/popup.html?tab=${tabId}`);
      return wrap(popup);
    },
    async restart() {
      await context.close();
      await start();
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return wrapExtensionPage(page);
    },
    async setExtensionQuota(bytes) {
      await overrideQuota(context, `chrome-extension://${extensionId}`, bytes, quota);
    },
    async killAndRestart() {
      const closed = new Promise((r) => context.once('close', r));
      // The whole browser at once, as a power cut stops it, and only then a new one: killed
      // alone, the browser process leaves its children (renderers, utility processes) running
      // for up to ~100 ms.
      const pid = browserPid(profile);
      const all = [pid, ...descendants(pid)];
      for (const p of all) killIfAlive(p);
      await closed;
      await waitFor("the killed browser's processes to end", async () => !all.some(isAlive), 30_000, 100);
      delete quota.session;
      await start();
    },
    async extensionRequests() {
      // URL.origin is "null" for chrome-extension: URLs; the net log writes the scheme and host.
      const origin = `chrome-extension://${extensionId}`;
      return loggedRequests(netLogs, (initiator) => initiator === origin);
    },
    close: () => context.close(),
    context: () => context,
    worker,
  };
}
