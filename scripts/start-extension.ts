/**
 * `npm start`: the built extension in Chromium on a local demo page. It enrolls one person from
 * the first photo through the real context-menu flow and name prompt, so that a newcomer sees
 * names at once. With no display it runs headless and saves a screenshot of the labelled page.
 *
 *   npm start                       photos from ../shared/faces (FACETAG_FACES)
 *   npm start -- <folder> <name>    your own photos: the first one (by name) is enrolled as <name>
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, quietExtensionArgs } from '../tests/e2e/helpers/chromium.js';
import { grantedCopy } from '../tests/e2e/helpers/extension-copy.js';
import { demoPage, enrollOnPage, waitForLabels } from './demo/page.js';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'artifacts', 'start');
const IMAGE = /\.(jpe?g|png|webp|gif)$/i;

function photoSet(): { dir: string; files: string[]; name: string } {
  const [folder, name] = process.argv.slice(2);
  if (folder) {
    const files = readdirSync(folder).filter((f) => IMAGE.test(f)).sort();
    if (files.length < 2) throw new Error(`${folder} needs at least two photos: one to enroll, one to label`);
    return { dir: resolve(folder), files, name: name ?? 'Person' };
  }
  const faces = resolve(process.env.FACETAG_FACES ?? join(ROOT, '..', 'shared', 'faces'));
  if (!existsSync(faces)) {
    throw new Error('no demo photos: ../shared/faces is not here. Run `npm start -- <folder of photos> <name>`; the first photo is enrolled as <name>.');
  }
  const id = 'face-api.js/identities';
  const files = [`${id}/sheldon/sheldon1.png`, `${id}/sheldon/sheldon2.png`, `${id}/leonard/leonard2.png`, `${id}/sheldon/sheldon4.png`, 'face-api.js/group/bbt1.jpg'];
  return { dir: faces, files, name: 'Sheldon' };
}

/** Serves the photos (read in place, never copied) and the demo page on 127.0.0.1. */
async function serve(dir: string, html: () => string): Promise<{ origin: string; close(): void }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html());
    const file = resolve(dir, `.${path}`);
    if (!file.startsWith(dir) || !existsSync(file) || !IMAGE.test(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': extname(file) === '.png' ? 'image/png' : 'image/jpeg' });
    import('node:fs').then(({ createReadStream }) => createReadStream(file).pipe(res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function launch(headless: boolean): Promise<BrowserContext> {
  const extension = grantedCopy('chrome');
  // A fresh profile each time: the demo starts from an empty store.
  const profile = mkdtempSync(join(tmpdir(), 'facetag-demo-profile-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    viewport: { width: 1280, height: 900 },
    args: quietExtensionArgs(extension),
  });
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const photos = photoSet();
  const server = await serve(photos.dir, () => demoPage(photos.files.map((f) => `/${f}`)));
  const headless = !process.env.DISPLAY;
  const context = await launch(headless);
  const page: Page = await context.newPage();
  await page.goto(server.origin);
  await enrollOnPage(context, page, `${server.origin}/${photos.files[0]}`, photos.name);
  const labels = await waitForLabels(page, photos.name);
  process.stdout.write(`Facetag labelled ${labels} face${labels === 1 ? '' : 's'} as "${photos.name}" on ${server.origin}\n`);
  if (headless) {
    const shot = join(OUT, 'labelled-page.png');
    await page.screenshot({ path: shot, fullPage: true });
    // The shared photos may not be redistributed: the copy for docs/ blurs them, not the labels.
    await page.addStyleTag({ content: 'img { filter: blur(7px) }' });
    await page.screenshot({ path: join(OUT, 'labelled-page-blurred.png'), fullPage: true });
    process.stdout.write(`no display: ran headless; screenshot of the labelled page: ${shot}\n`);
    await context.close();
    server.close();
    return;
  }
  process.stdout.write('Close the browser window to stop.\n');
  await new Promise<void>((r) => context.on('close', () => r()));
  server.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
