/**
 * A damaged install (issue 7, item 4): a copy of the built extension with one model file
 * deleted, another with one byte of a model flipped. The popup names the model and the fix;
 * pages get no labels and no errors. Chromium only: the check is the engine host's (shared
 * with Firefox's background page), and Firefox's popup cannot be opened over BiDi without the
 * chrome-scope detour the shared suite uses.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/chromium.js';
import { attachDevtools, DEVTOOLS_ARGS, watchProblems } from './helpers/devtools.js';
import { waitFor } from './helpers/driver.js';
import { grantedCopy } from './helpers/extension-copy.js';
import { openPopup } from './helpers/extension-pages.js';
import { startGuardProxy, type GuardProxy } from './helpers/guard-proxy.js';
import { over, settledLabels } from './helpers/seen.js';
import { imagePage, startSite, type Site } from './helpers/site.js';

const damage = {
  missing: (dir: string) => rmSync(join(dir, 'models', 'dlib-resnet.onnx')),
  damaged: (dir: string) => {
    const file = join(dir, 'models', 'landmarks-68.onnx');
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1]! ^= 0x01;
    writeFileSync(file, bytes);
  },
};
const expected = {
  missing: 'Facetag\'s face model “dlib-resnet” is missing — reinstall Facetag',
  damaged: 'Facetag\'s face model “landmarks-68” is damaged — reinstall Facetag',
};

describe('Facetag in Chromium with a damaged install', () => {
  let site: Site;
  let proxy: GuardProxy;

  beforeAll(async () => {
    site = await startSite();
    proxy = await startGuardProxy([Number(new URL(site.origin).port)]);
  });

  afterAll(async () => {
    await proxy?.close();
    await site?.close();
  });

  for (const kind of ['missing', 'damaged'] as const) {
    it(`says which model is ${kind} in the popup, and pages get no labels and no errors`, async () => {
      const extension = grantedCopy('chrome');
      damage[kind](extension);
      const profile = mkdtempSync(join(tmpdir(), `facetag-${kind}-profile-`));
      const driver = await launchChromium(proxy.port, { extension, profile, args: DEVTOOLS_ARGS });
      const devtools = await attachDevtools(profile);
      try {
        const problems = await watchProblems(devtools);
        // With unknown faces shown, a working engine would label this photo.
        await driver.setShowUnknown(true);
        const page = await driver.open(site.page(kind, imagePage(kind, [{ src: site.photo('face-api.js/identities/penny/penny2.png'), alt: 'penny', extra: 'id="p"' }])));
        const popup = await openPopup(driver);
        const status = popup.locator('#engine-status');
        await waitFor('the engine status', () => status.isVisible(), 30_000);
        expect(await status.textContent()).toBe(expected[kind]);
        expect(await popup.getByRole('alert').textContent()).toBe(expected[kind]);
        // The page's analysis was answered, with the reason, and drew nothing.
        await waitFor('the page to hear why', async () => problems.problems.some((p) => p.context.startsWith('page http') && p.text.includes(expected[kind])), 60_000);
        expect(over(await settledLabels(page, 3000), await page.rect('#p'))).toEqual([]);
        const pageProblems = problems.problems.filter((p) => p.context.startsWith('page http') && (p.level === 'exception' || p.level === 'error'));
        expect(pageProblems).toEqual([]);
        await problems.stop();
      } finally {
        await devtools.disconnect();
        await driver.close();
      }
    });
  }
});
