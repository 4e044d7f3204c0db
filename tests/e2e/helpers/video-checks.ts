/**
 * Video labelling, on a clip the test makes in the browser (video-clip.ts) where the positions
 * of Sheldon's and Leonard's faces are known at every moment, so the checks can say where each
 * label must be. What the engine did is read from the per-tab counts the background keeps for
 * the popup. Runs after the main suite: Sheldon and Leonard are enrolled.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { waitFor, type Driver, type SeenLabel, type TestPage } from './driver.js';
import { ARTIFACTS } from './extension-copy.js';
import type { VideoStats } from '../../../src/shared/video-status.js';
import { labelOn, over, settledLabels } from './seen.js';
import { imagePage, type Site } from './site.js';
import { CLIP_MS, clipScript, LETTERBOX, leonardX, ROWS, sheldonX, SIDE, videoTag } from './video-clip.js';

interface Env {
  site: Site;
  driver: Driver;
  shot(page: TestPage, name: string): Promise<void>;
}

interface Snapshot {
  /** Clip time (ms) when the labels were read. */
  ms: number;
  labels: SeenLabel[];
}

const clipTime = async (page: TestPage, id = 'v') => Number(await page.evaluate(`document.getElementById('${id}').currentTime * 1000`));

/**
 * Labels read at a known clip time within [from, to] ms, showing all of `names` (each loop of
 * the clip is a new scene whose names take two samples to decide); reads that straddle too much
 * time are retried.
 */
function snapshotBetween(page: TestPage, from: number, to: number, names: string[] = []): Promise<Snapshot> {
  return waitFor(`a clip time between ${from} and ${to} ms`, async () => {
    const before = await clipTime(page);
    if (before < from || before > to) return null;
    const labels = await page.labels();
    const after = await clipTime(page);
    const complete = names.every((n) => labels.some((l) => l.name === `Facetag: ${n}`));
    return complete && after >= before && after - before < 500 && after <= to ? { ms: (before + after) / 2, labels } : null;
  }, 60_000, 50);
}

/**
 * The labels, read again when a read finds none: Firefox's accessibility tree, as the driver
 * walks it, now and then comes back empty for a moment while the page has not changed.
 */
async function shownLabels(page: TestPage): Promise<SeenLabel[]> {
  for (let i = 0; ; i++) {
    const labels = await page.labels();
    if (labels.length > 0 || i === 3) return labels;
    await sleep(300);
  }
}

const named = (s: Snapshot, name: string) => s.labels.find((l) => l.name === `Facetag: ${name}`);

/** Frames the engine analysed for a tab's videos and its time on them, as the background keeps them for the popup. */
async function videoStats(popup: TestPage): Promise<VideoStats> {
  const stats = (await popup.evaluate(`(async () => {
    const key = 'video-stats:' + new URLSearchParams(location.search).get('tab');
    return (await (globalThis.browser ?? chrome).storage.session.get(key))[key] ?? null;
  })()`)) as VideoStats | null;
  return stats ?? { frames: 0, engineMs: 0, handlerMs: 0 };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Once sampling has stopped: the frame count after the last answer (one may still be on its way when a video stops) has arrived. */
function lastFrameAnswered(popup: TestPage): Promise<VideoStats> {
  return waitFor('the last video frame to be answered', async () => {
    const before = await videoStats(popup);
    // Longer than a frame takes on a busy machine, so a quiet spell means nothing is in flight.
    await sleep(2500);
    const after = await videoStats(popup);
    return after.frames === before.frames ? after : null;
  }, 30_000, 0);
}

export function videoChecks(env: () => Env): void {
  let clip: Buffer | undefined;

  it('labels the faces of a playing video, and each label follows its face', async () => {
    const { site, driver, shot } = env();
    const photo = (who: string) => site.photo(`face-api.js/identities/${who}/${who}2.png`);
    const below = '<div style="height:3000px"></div>';
    const page = await driver.open(site.page('video', imagePage('Video', [], `<div id="slot"></div>${below}${clipScript(photo('sheldon'), photo('leonard'))}`)));
    const dataUrl = String(await page.evaluate('window.clipReady'));
    clip = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    await labelOn(page, '#v', 'Sheldon');
    await labelOn(page, '#v', 'Leonard');
    const popup = await driver.openPopup(page);
    await page.bringToFront();
    const rateStart = { stats: await videoStats(popup), at: Date.now() };

    const video = await page.rect('#v');
    const both = ['Sheldon', 'Leonard'];
    const a = await snapshotBetween(page, 1000, 4000, both);
    const b = await snapshotBetween(page, a.ms + 3000, CLIP_MS - 1000, both);
    for (const [name, x, row] of [['Sheldon', sheldonX, ROWS.sheldon], ['Leonard', leonardX, ROWS.leonard]] as const) {
      const [la, lb] = [named(a, name), named(b, name)];
      expect({ name, a: Boolean(la), b: Boolean(lb) }).toEqual({ name, a: true, b: true });
      for (const [s, l] of [[a, la!], [b, lb!]] as const) {
        // The label hangs from the face box's left edge, under the face: within the photo's drawn square.
        const where = { name, ms: Math.round(s.ms), dx: Math.round(l.x - (video.x + x(s.ms))), dy: Math.round(l.y - (video.y + LETTERBOX + row)) };
        expect(Math.abs(where.dx) < 0.4 * SIDE && where.dy > 0 && where.dy < 1.25 * SIDE, JSON.stringify(where)).toBe(true);
      }
      // It moved the way the face moved, by about as much.
      const moved = lb!.x - la!.x;
      const expected = x(b.ms) - x(a.ms);
      expect(Math.abs(moved - expected), JSON.stringify({ name, moved, expected })).toBeLessThan(0.3 * Math.abs(expected));
    }

    const rateEnd = { stats: await videoStats(popup), at: Date.now() };
    const frames = rateEnd.stats.frames - rateStart.stats.frames;
    expect(frames).toBeGreaterThan(0);
    const perFrame = (k: 'engineMs' | 'handlerMs') => (rateEnd.stats[k] - rateStart.stats[k]) / frames;
    const rate = { browser: driver.name, frames, framesPerSecond: (1000 * frames) / (rateEnd.at - rateStart.at), engineMsPerFrame: perFrame('engineMs'), backgroundMsPerFrame: perFrame('handlerMs') };
    writeFileSync(join(ARTIFACTS, `${driver.name}-video-rate.json`), `${JSON.stringify(rate, null, 2)}\n`);
    process.stderr.write(`video: ${JSON.stringify(rate)}\n`);

    await shot(page, 'video');
    // The photos may not be redistributed: this copy (for docs/) blurs the video, not the labels.
    await page.evaluate(`document.head.insertAdjacentHTML('beforeend', '<style>video { filter: blur(7px) }</style>')`);
    await shot(page, 'video-blurred');

    // Paused: the labels stand still and no frame goes to the engine. (Paused where both faces are
    // named, not just after the clip looped, when the names are being decided again.)
    await snapshotBetween(page, 2000, CLIP_MS - 2500, both);
    await page.evaluate(`document.getElementById('v').pause()`);
    const stats = await lastFrameAnswered(popup);
    await sleep(300);
    const pausedAt = { labels: await shownLabels(page), stats };
    // Read again: the screenshots above may have scrolled the page.
    const shown = await page.rect('#v');
    expect(over(pausedAt.labels, shown), JSON.stringify({ pausedAt, shown })).toEqual(['Facetag: Leonard', 'Facetag: Sheldon']);
    await sleep(2500);
    expect(await shownLabels(page)).toEqual(pausedAt.labels);
    expect((await videoStats(popup)).frames).toBe(pausedAt.stats.frames);
    // Seeking a paused video drops its labels (the faces are elsewhere), and nothing analyses the new frame until it plays.
    await page.evaluate(`document.getElementById('v').currentTime = 6`);
    await waitFor('the labels to go after the seek', async () => over(await page.labels(), shown).length === 0, 10_000);
    await sleep(2500);
    expect(await page.labels()).toEqual([]);
    expect((await videoStats(popup)).frames).toBe(pausedAt.stats.frames);
    await page.evaluate(`document.getElementById('v').play()`);
    await labelOn(page, '#v', 'Sheldon');

    // Scrolled out of view while playing: no frame goes to the engine until it is back.
    await page.evaluate('window.scrollTo(0, 2500)');
    const away = await lastFrameAnswered(popup);
    await sleep(2500);
    expect((await videoStats(popup)).frames).toBe(away.frames);
    await page.evaluate('window.scrollTo(0, 0)');
    await labelOn(page, '#v', 'Leonard');
    expect((await videoStats(popup)).frames).toBeGreaterThan(away.frames);

    // Behind another tab: no frame goes to the engine until the tab is in front again. Firefox
    // hides a tab another one covers; headless Chromium reports every tab visible whatever is in
    // front (checked with playwright-core), so only Firefox can show this.
    if (driver.name === 'firefox') {
      await popup.bringToFront();
      await waitFor('the video\'s tab to be hidden', async () => (await page.evaluate('document.visibilityState')) === 'hidden', 10_000);
      const behind = await lastFrameAnswered(popup);
      await sleep(2500);
      expect((await videoStats(popup)).frames).toBe(behind.frames);
      await page.bringToFront();
      await waitFor('frames to flow again in front', async () => (await videoStats(popup)).frames > behind.frames, 20_000);
      await labelOn(page, '#v', 'Sheldon');
    }

    // Removed from the page: its labels go with it, and so does its sampling.
    await page.evaluate(`document.getElementById('v').remove()`);
    await waitFor('the labels of the removed video to go', async () => (await page.labels()).length === 0, 10_000);
    const removed = await lastFrameAnswered(popup);
    await sleep(2500);
    expect((await videoStats(popup)).frames).toBe(removed.frames);
    await popup.close();
    await page.close();
  });

  it('leaves a cross-origin video it cannot read unlabelled, and says so quietly in the popup', async () => {
    const { site, driver, shot } = env();
    expect(clip, 'the clip from the previous check').toBeDefined();
    const src = site.file('clip.webm', clip!, 'video/webm', site.otherOrigin);
    const page = await driver.open(site.page('video-cross-origin', imagePage('Cross-origin video', [], videoTag('x', src))));
    await waitFor('the cross-origin video to play', async () => (await clipTime(page, 'x')) > 1500);
    const popup = await driver.openPopup(page);
    await waitFor('the popup note', async () => {
      await popup.reload();
      await sleep(300);
      return /^1 video on this page can't be read: served by another site/.test(String(await popup.evaluate(`document.getElementById('video-status').hidden ? '' : document.getElementById('video-status').textContent`)));
    }, 30_000, 500);
    expect(over(await settledLabels(page, 3000), await page.rect('#x'))).toEqual([]);
    expect((await videoStats(popup)).frames).toBe(0);
    await shot(popup, 'video-popup-note');
    await popup.close();
    await page.close();
  });
}
