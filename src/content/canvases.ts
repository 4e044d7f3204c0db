/**
 * Finds <canvas> elements showing a picture and reports a downscaled JPEG copy of them: a
 * canvas has no URL the extension could fetch, and a few hundred kB of data URL is a cheap
 * message where raw pixels would be megabytes of JSON. A canvas has no load event either, so
 * visible canvases are sampled now and then and reported once their content has settled;
 * animations never settle and are never sent. A tainted canvas (cross-origin drawing) cannot
 * be read at all and is skipped.
 */
import { logger } from '../shared/logger.js';
import { MIN_RENDERED_SIDE } from './images.js';

const log = logger('canvas');
/** Plenty for faces (the engine works at 2048 px at most) and keeps the message small. */
export const CANVAS_MAX_SIDE = 1024;
const SAMPLE_MS = 1500;
const PRINT_SIDE = 16;

export type OnCanvas = (canvas: HTMLCanvasElement, dataUrl: string) => void;

function scaled(canvas: HTMLCanvasElement, maxSide: number): HTMLCanvasElement {
  const k = Math.min(1, maxSide / Math.max(canvas.width, canvas.height));
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(canvas.width * k));
  out.height = Math.max(1, Math.round(canvas.height * k));
  out.getContext('2d')?.drawImage(canvas, 0, 0, out.width, out.height);
  return out;
}

/** A tiny thumbnail's pixels: cheap to compare between samples. null: blank or unreadable. */
function fingerprint(canvas: HTMLCanvasElement): string | null {
  const small = scaled(canvas, PRINT_SIDE);
  const data = small.getContext('2d')?.getImageData(0, 0, small.width, small.height).data; // throws if tainted
  if (!data || data.every((v, i) => i % 4 !== 3 || v === 0)) return null;
  return Array.from(data, (v) => v >> 4).join('');
}

export function watchCanvases(onCanvas: OnCanvas): { rescan(): void } {
  const visible = new Set<HTMLCanvasElement>();
  /** Last fingerprint seen, and the one last reported. */
  const seen = new WeakMap<HTMLCanvasElement, string>();
  const sent = new WeakMap<HTMLCanvasElement, string>();
  const unreadable = new WeakSet<HTMLCanvasElement>();

  const sample = (canvas: HTMLCanvasElement) => {
    const r = canvas.getBoundingClientRect();
    if (unreadable.has(canvas) || !canvas.isConnected || r.width < MIN_RENDERED_SIDE || r.height < MIN_RENDERED_SIDE) return;
    try {
      const print = fingerprint(canvas);
      const settled = print !== null && print === seen.get(canvas);
      seen.set(canvas, print ?? '');
      if (!settled || sent.get(canvas) === print) return;
      sent.set(canvas, print);
      onCanvas(canvas, scaled(canvas, CANVAS_MAX_SIDE).toDataURL('image/jpeg', 0.9));
    } catch (error) {
      unreadable.add(canvas);
      log.debug('skipping a canvas the page cannot read (tainted)', error);
    }
  };

  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const canvas = e.target as HTMLCanvasElement;
      if (e.isIntersecting) visible.add(canvas);
      else visible.delete(canvas);
    }
  }, { rootMargin: '300px' });
  const tracked = new WeakSet<HTMLCanvasElement>();
  const track = (root: ParentNode) =>
    root.querySelectorAll('canvas').forEach((c) => {
      if (!tracked.has(c)) {
        tracked.add(c);
        io.observe(c);
      }
    });

  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => n instanceof Element && track(n.parentNode ?? n))))
    .observe(document, { childList: true, subtree: true });
  track(document);
  setInterval(() => visible.forEach(sample), SAMPLE_MS);
  return {
    rescan: () => visible.forEach((c) => {
      sent.delete(c);
      sample(c);
    }),
  };
}
