/** Chromium's extension pages, storage quota and hard kill, for the identity-pack checks. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ExtensionPage } from './driver.js';

export function wrapExtensionPage(page: Page): ExtensionPage {
  const downloads = mkdtempSync(join(tmpdir(), 'facetag-downloads-'));
  return {
    browser: 'chromium',
    screenshot: async (file) => {
      await page.screenshot({ path: file, fullPage: true });
    },
    click: (selector) => page.locator(selector).click(),
    fill: (selector, text) => page.locator(selector).fill(text),
    // Playwright hands a folder to a webkitdirectory input as the browser's own picker does.
    setFiles: (selector, paths) => page.locator(selector).setInputFiles(paths.length === 1 ? paths[0]! : paths),
    async download(selector) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
      const file = join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      return file;
    },
    text: async (selector) => (await page.locator(selector).textContent()) ?? '',
    evaluate: (script) => page.evaluate(script),
    close: () => page.close(),
  };
}

/**
 * Holds a DevTools session, on a page of the extension already open, while a quota override is
 * on: closing the session would drop it.
 */
export async function overrideQuota(context: BrowserContext, origin: string, bytes: number | null, held: { session?: CDPSession }): Promise<void> {
  if (!held.session) {
    const page = context.pages().find((p) => p.url().startsWith(origin));
    if (!page) throw new Error(`open a page of ${origin} first`);
    held.session = await context.newCDPSession(page);
  }
  await held.session.send('Storage.overrideQuotaForOrigin', bytes === null ? { origin } : { origin, quotaSize: bytes });
  if (bytes === null) {
    await held.session.detach();
    delete held.session;
  }
}

/** The browser process (not a renderer or helper) started on this profile. */
export function browserPid(profile: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (args.includes(`--user-data-dir=${profile}`) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no Chromium process runs on ${profile}`);
}

/** Every process descended from `pid` (renderers, zygotes, utility processes such as the storage service). */
export function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent pid is the 4th field, after the command name in parentheses (which may hold spaces).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      continue;
    }
  }
  const found: number[] = [];
  let frontier = [pid];
  while (frontier.length > 0) {
    const children = [...parentOf].filter(([, parent]) => frontier.includes(parent)).map(([child]) => child);
    found.push(...children);
    frontier = children;
  }
  return found;
}

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};

/** SIGKILL that tolerates a process already gone: a renderer or utility process may exit on
 * its own between listing the browser's processes and killing them (seen once in CI). */
export function killIfAlive(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
