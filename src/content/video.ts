/**
 * Names faces in <video> elements while they play. Each video present or added later gets a
 * sampler (video/sampler.ts) that runs only while the video plays, is on screen, is big enough
 * and its tab is visible. Between samples, labels glide with their tracks on animation frames;
 * a paused video's labels stand still, a seek drops them until the next samples name the faces
 * again. A video that cannot be read is reported to the background for the popup, and the
 * page sees nothing.
 */
import { toBackground } from '../platform/send.js';
import type { PageFace } from '../shared/protocol.js';
import type { Labels } from './labels.js';
import { createSampler, type Sampler } from './video/sampler.js';
import { videoBox } from './video/video-box.js';

const RESUME_EVENTS = ['play', 'playing', 'loadeddata', 'seeked', 'resize'];
const RESET_EVENTS = ['seeking', 'emptied'];

export function watchVideos(labels: Labels, showUnknown: () => boolean, enabled: () => boolean): { rescan(): void } {
  const samplers = new WeakMap<HTMLVideoElement, Sampler>();
  /** Videos in the document; removed ones are forgotten here (their sampler stops by itself) and found again if re-added. */
  const live = new Set<HTMLVideoElement>();
  const each = (run: (sampler: Sampler, video: HTMLVideoElement) => void) => {
    for (const video of live) {
      const sampler = samplers.get(video);
      if (!video.isConnected) live.delete(video);
      else if (sampler) run(sampler, video);
    }
  };
  /** Videos whose labels are being moved on animation frames. */
  const moving = new Set<HTMLVideoElement>();
  let frame = 0;
  let nextId = 0;

  const render = () => {
    frame = 0;
    for (const video of moving) {
      const sampler = samplers.get(video);
      if (!sampler || !video.isConnected) {
        moving.delete(video);
        labels.clear(video);
        continue;
      }
      const shown = sampler.tracker.at(video.currentTime * 1000);
      labels.move(video, shown.map((s): PageFace => ({ box: s.box, name: s.name, quality: 1 })), showUnknown(), videoBox);
      // A paused video, or one whose tracks went stale, needs no more frames until new samples come.
      if (video.paused || shown.length === 0) moving.delete(video);
    }
    if (moving.size > 0) frame = requestAnimationFrame(render);
  };
  const draw = (video: HTMLVideoElement) => {
    moving.add(video);
    if (!frame) frame = requestAnimationFrame(render);
  };

  const drop = (video: HTMLVideoElement) => {
    samplers.get(video)?.reset();
    labels.clear(video);
  };

  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const sampler = samplers.get(e.target as HTMLVideoElement);
      if (!sampler) continue;
      sampler.visible = e.isIntersecting;
      sampler.kick();
    }
  });

  const watch = (video: HTMLVideoElement) => {
    live.add(video);
    const known = samplers.get(video);
    if (known) return known.kick();
    const id = nextId++;
    const sampler = createSampler(video, {
      enabled,
      onTracks: () => draw(video),
      onUnreadable: (state) => {
        labels.clear(video);
        void toBackground('videoStatus', { video: id, state });
      },
    });
    samplers.set(video, sampler);
    for (const type of RESUME_EVENTS) video.addEventListener(type, () => sampler.kick());
    for (const type of RESET_EVENTS) video.addEventListener(type, () => drop(video));
    // Freeze the labels where the face was when the video stopped.
    for (const type of ['pause', 'ended']) video.addEventListener(type, () => draw(video));
    io.observe(video);
  };

  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
    if (n instanceof HTMLVideoElement) watch(n);
    else if (n instanceof Element) n.querySelectorAll('video').forEach(watch);
  }))).observe(document, { childList: true, subtree: true });
  document.querySelectorAll('video').forEach(watch);
  document.addEventListener('visibilitychange', () => each((s) => s.kick()));

  return {
    // Names or settings changed: tracks decided under the old ones start over (or stop, when Facetag was switched off).
    rescan: () => each((sampler, video) => {
      drop(video);
      sampler.kick();
    }),
  };
}
