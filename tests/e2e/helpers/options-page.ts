/** Steps on the options page (identity packs), shared by the pack checks and the storage-full check. */
import { waitFor, type ExtensionPage } from './driver.js';

/** Waits for an element's text; a timeout says what the page showed instead. */
export async function waitText(page: ExtensionPage, selector: string, pattern: RegExp, timeoutMs = 120_000): Promise<void> {
  try {
    await waitFor(`${selector} to say ${pattern}`, async () => pattern.test(await page.text(selector)), timeoutMs, 100);
  } catch (error) {
    const shown = await page.evaluate('JSON.stringify([...document.querySelectorAll("[id]")].filter((e) => e.id.includes("status") || e.id.includes("error") || e.id.includes("count")).map((e) => e.id + ": " + e.textContent))');
    throw new Error(`${String(error)}; the page shows ${String(shown)}`);
  }
}

/** Chooses a pack file; waits for the summary (or an error) without changing anything. */
export async function choosePack(page: ExtensionPage, file: string): Promise<void> {
  await page.evaluate('document.getElementById("import-status").textContent = ""; document.getElementById("import-error").textContent = ""');
  await page.setFiles('#import-file', [file]);
  await waitFor('the pack to be checked', async () => {
    const [status, error] = [await page.text('#import-status'), await page.text('#import-error')];
    return error !== '' || (status !== '' && !/Checking/.test(status));
  }, 120_000, 100);
}

