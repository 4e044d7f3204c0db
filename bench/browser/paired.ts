/**
 * Per-image speed, paired: both extensions open side by side, each photo analysed by one and
 * then the other (the order alternating), through their page-analysis messages. On a machine
 * whose load swings from minute to minute this is the fair per-image comparison: both sides of
 * every pair ran under the same load.
 */
import type { Site } from '../../tests/e2e/helpers/site.js';
import { galleryPhotos, GROUP_PHOTOS } from './photos.js';
import { FACEAPI_PEER, FACETAG, type Product } from './products.js';
import { openSession, until, type Session } from './session.js';
import { percentile } from './stats.js';
import { videoFrames } from './frames.js';
import type { EngineRun } from './watch.js';

export interface PairedResult {
  images: number;
  facetagP50: number;
  peerP50: number;
  facetagP95: number;
  peerP95: number;
  /** Median over images of peer ms ÷ Facetag ms. */
  medianRatio: number;
  /** Sum of the peer's ms ÷ sum of Facetag's. */
  totalRatio: number;
  /** Video frames (640x360 JPEG data URLs) sent one at a time, paired the same way: frames per second from the median round trip. */
  frames: number;
  facetagFps: number;
  peerFps: number;
  /** Facetag's time per stage over the paired photos: median ms per image, share of the total, runs per image. */
  stages: Record<string, { p50: number; share: number; runsPerImage: number }>;
}

/** The working size the pages ask for: gallery photos are shown 120 px wide, group photos 480 px. */
const GALLERY_SIDE = 512;
const GROUP_SIDE = 960;

async function engineRun(session: Session, product: Product, url: string, side: number): Promise<EngineRun> {
  const before = session.runs.length;
  await product.analyseFrames(session, [url], 600_000, side);
  // The engine's log line comes over another connection and may arrive after the answer.
  return until(`${product.id}'s log line for ${url}`, async () => session.runs[before], 10_000, 20);
}

async function engineMs(session: Session, product: Product, url: string, side: number): Promise<number> {
  return (await engineRun(session, product, url, side)).ms;
}

function stageSummary(runs: EngineRun[]): PairedResult['stages'] {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.stages)))];
  const total = runs.reduce((a, r) => a + Object.values(r.stages).reduce((b, t) => b + t.ms, 0), 0);
  const summary: PairedResult['stages'] = {};
  for (const name of names) {
    const per = runs.map((r) => r.stages[name] ?? { ms: 0, runs: 0 });
    const ms = per.map((t) => t.ms);
    summary[name] = {
      p50: percentile(ms, 50),
      share: ms.reduce((a, b) => a + b, 0) / Math.max(1, total),
      runsPerImage: per.reduce((a, t) => a + t.runs, 0) / Math.max(1, runs.length),
    };
  }
  return summary;
}

export async function pairedRun(site: Site, faces: string, log: (line: string) => void): Promise<PairedResult> {
  const facetag = await openSession(FACETAG.extension());
  const peer = await openSession(FACEAPI_PEER.extension());
  try {
    const photos = [...galleryPhotos(faces).map((p) => ({ p, side: GALLERY_SIDE })), ...GROUP_PHOTOS.map((p) => ({ p, side: GROUP_SIDE }))];
    // Warm both (models loaded, kernels compiled) on a photo outside the set.
    const warm = site.photo('mtcnn/ivan.jpg');
    await engineMs(facetag, FACETAG, `${warm}?warm`, GALLERY_SIDE);
    await engineMs(peer, FACEAPI_PEER, `${warm}?warm`, GALLERY_SIDE);
    const pairs: { facetag: number; peer: number }[] = [];
    const facetagRuns: EngineRun[] = [];
    for (const [i, { p, side }] of photos.entries()) {
      const url = `${site.photo(p)}?paired`;
      const order = i % 2 === 0 ? (['facetag', 'peer'] as const) : (['peer', 'facetag'] as const);
      const ms: Record<'facetag' | 'peer', number> = { facetag: 0, peer: 0 };
      for (const who of order) {
        if (who === 'peer') ms.peer = await engineMs(peer, FACEAPI_PEER, url, side);
        else {
          const run = await engineRun(facetag, FACETAG, url, side);
          facetagRuns.push(run);
          ms.facetag = run.ms;
        }
      }
      pairs.push(ms);
    }
    const frames = await videoFrames(faces, 40);
    const trips: { facetag: number; peer: number }[] = [];
    for (const [i, frame] of frames.entries()) {
      // One round trip each: analyseFrames reports when the frame's answer came back.
      const f1 = async () => (await FACETAG.analyseFrames(facetag, [frame], 600_000, GALLERY_SIDE))[0] ?? NaN;
      const p1 = async () => (await FACEAPI_PEER.analyseFrames(peer, [frame], 600_000))[0] ?? NaN;
      if (i % 2 === 0) trips.push({ facetag: await f1(), peer: await p1() });
      else {
        const p = await p1();
        trips.push({ facetag: await f1(), peer: p });
      }
    }
    const fps = (v: number[]) => 1000 / percentile(v, 50);
    const f = pairs.map((x) => x.facetag);
    const q = pairs.map((x) => x.peer);
    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    const result: PairedResult = {
      images: pairs.length,
      facetagP50: percentile(f, 50),
      peerP50: percentile(q, 50),
      facetagP95: percentile(f, 95),
      peerP95: percentile(q, 95),
      medianRatio: percentile(pairs.map((x) => x.peer / Math.max(1, x.facetag)), 50),
      totalRatio: sum(q) / sum(f),
      frames: trips.length,
      facetagFps: fps(trips.map((t) => t.facetag)),
      peerFps: fps(trips.map((t) => t.peer)),
      stages: stageSummary(facetagRuns),
    };
    log(`paired: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await facetag.close();
    await peer.close();
  }
}
