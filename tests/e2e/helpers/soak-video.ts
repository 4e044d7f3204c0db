/**
 * The soak's video segment: a page plays a WebM clip built in the page itself (MediaRecorder
 * on a canvas where a face photo moves over a changing background), looped for the given
 * duration, while the test samples whether the page stays responsive. At the end the page is
 * brought to the front (a background tab's video is not sampled, by design) and the clip's face
 * must be named: video labelling still works after the whole soak.
 */
import { waitFor, type Driver } from './driver.js';
import { labelOn } from './seen.js';
import { imagePage, type Site } from './site.js';

export interface VideoSample {
  atMs: number;
  /** Frames the video element has presented so far (monotonic while it plays). */
  frames: number;
  /** Longest delay of a 100 ms timer in the page since the previous sample, ms. */
  maxLagMs: number;
  /** Round trip of the sample itself, ms. */
  answerMs: number;
}

export interface VideoReport {
  samples: VideoSample[];
  /** Samples the page failed to answer within 15 s. */
  unanswered: number;
}

const SAMPLE_EVERY_MS = 20_000;

function clipPage(facePhoto: string): string {
  const script = `<script>
  window.__lag = 0;
  let last = performance.now();
  setInterval(() => { const now = performance.now(); window.__lag = Math.max(window.__lag, now - last - 100); last = now; }, 100);
  window.__clip = (async () => {
    const img = new Image();
    img.src = ${JSON.stringify(facePhoto)};
    await img.decode();
    const c = document.createElement('canvas');
    c.width = 480; c.height = 360;
    const ctx = c.getContext('2d');
    let t = 0;
    const draw = () => { t++; ctx.fillStyle = 'hsl(' + (t * 3) % 360 + ' 40% 50%)'; ctx.fillRect(0, 0, 480, 360); ctx.drawImage(img, 120 + 80 * Math.sin(t / 20), 60, 240, 240); };
    const timer = setInterval(draw, 40);
    const recorder = new MediaRecorder(c.captureStream(25), { mimeType: 'video/webm' });
    const chunks = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((r) => (recorder.onstop = r));
    recorder.start(500);
    await new Promise((r) => setTimeout(r, 4000));
    recorder.stop();
    await stopped;
    clearInterval(timer);
    const video = document.getElementById('clip');
    video.src = URL.createObjectURL(new Blob(chunks, { type: 'video/webm' }));
    await video.play();
    return 'playing';
  })().catch((e) => 'failed: ' + e);
</script>`;
  return imagePage('Video', [], `<video id="clip" muted loop playsinline style="width:480px"></video>${script}`);
}

/** Plays the clip for `durationMs`, sampling the page; resolves when the time is up and the clip's face shows `name`. */
export async function playVideoSegment(driver: Driver, site: Site, facePhoto: string, name: string, durationMs: number): Promise<VideoReport> {
  const page = await driver.open(site.page('soak-video', clipPage(facePhoto)));
  const started = Date.now();
  const state = await waitFor('the clip to play', async () => ((await page.evaluate('window.__clip')) as string | undefined) ?? null, 60_000);
  if (state !== 'playing') throw new Error(`the soak clip did not play: ${state}`);
  const report: VideoReport = { samples: [], unanswered: 0 };
  while (Date.now() - started < durationMs) {
    await new Promise((r) => setTimeout(r, Math.min(SAMPLE_EVERY_MS, Math.max(0, durationMs - (Date.now() - started)))));
    const asked = Date.now();
    const probe = page.evaluate('(() => { const v = document.getElementById("clip"); const s = { frames: v.getVideoPlaybackQuality().totalVideoFrames, lag: window.__lag }; window.__lag = 0; return s; })()') as Promise<{ frames: number; lag: number }>;
    const answer = await Promise.race([probe, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
    if (!answer) report.unanswered++;
    else report.samples.push({ atMs: Date.now() - started, frames: answer.frames, maxLagMs: Math.round(answer.lag), answerMs: Date.now() - asked });
  }
  await page.bringToFront();
  await labelOn(page, '#clip', name);
  await page.close();
  return report;
}
