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

/**
 * BiDi's input.setFiles takes files only, and a folder picker (webkitdirectory) needs a folder.
 * So the browser's own file picker (XPCOM's @mozilla.org/filepicker;1, in the parent process)
 * is replaced by one that answers with `dir`, as Firefox's own tests mock it (MockFilePicker),
 * and the input is clicked: Firefox then lists the folder and fills webkitRelativePath itself,
 * as after a user's choice in the real dialog.
 */
export const folderPickerScript = (dir: string): string => `(() => {
  globalThis.facetagPickedFolder = ${JSON.stringify(dir)};
  if (globalThis.facetagPickerRegistered) return 'ok';
  const registrar = Components.manager.QueryInterface(Ci.nsIComponentRegistrar);
  const picked = () => { const f = Cc['@mozilla.org/file/local;1'].createInstance(Ci.nsIFile); f.initWithPath(globalThis.facetagPickedFolder); return f; };
  class Picker {
    QueryInterface = ChromeUtils.generateQI(['nsIFilePicker']);
    defaultString = ''; defaultExtension = ''; filterIndex = 0; displayDirectory = null; displaySpecialDirectory = ''; addToRecentDocs = false; okButtonLabel = ''; capture = 0;
    init(_context, _title, mode) { this.mode = mode; }
    isModeSupported() { return Promise.resolve(true); }
    appendFilter() {}
    appendFilters() {}
    appendRawFilter() {}
    get file() { return picked(); }
    get fileURL() { return Services.io.newFileURI(picked()); }
    *getFiles() { yield picked(); }
    get files() { return this.getFiles(); }
    open(callback) { Services.tm.dispatchToMainThread(() => callback.done(Ci.nsIFilePicker.returnOK)); }
  }
  const factory = { createInstance: (iid) => new Picker().QueryInterface(iid), QueryInterface: ChromeUtils.generateQI(['nsIFactory']) };
  registrar.registerFactory(Services.uuid.generateUUID(), 'Facetag e2e folder picker', '@mozilla.org/filepicker;1', factory);
  globalThis.facetagPickerRegistered = true;
  return 'ok';
})()`;

/** Accepts the tab-modal prompt Firefox shows before a folder is handed to a page. */
const ACCEPT_FOLDER_UPLOAD = `(() => {
  for (const b of gBrowser.browsers) {
    for (const d of gBrowser.getTabDialogBox(b).getTabDialogManager()._dialogs) {
      const doc = d.frameContentWindow?.document;
      const dialog = doc?.querySelector('dialog');
      // Its button stays disabled for a moment (security.dialog_enable_delay), as for a user.
      const button = dialog?.getButton?.('accept');
      if (doc.readyState === 'complete' && button && !button.disabled) { dialog.acceptDialog(); return 'accepted'; }
    }
  }
  return '';
})()`;

export function wrapExtensionPage(page: Page, downloads: string, chromeEval: (expression: string) => Promise<string>): ExtensionPage {
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
      // WebDriver BiDi's input.setFiles takes files only (Firefox: "File error: Is directory").
      const [first] = paths;
      if (paths.length === 1 && first && statSync(first).isDirectory()) {
        await chromeEval(folderPickerScript(first));
        await page.click(selector);
        // Firefox asks before a page may read a whole folder; the user's "Upload" is this accept.
        await waitFor('Firefox to ask about uploading the folder', async () => (await chromeEval(ACCEPT_FOLDER_UPLOAD)) === 'accepted', 20_000, 200);
        return;
      }
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
