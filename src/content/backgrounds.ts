/**
 * Finds CSS background images on elements large enough to show a face (hero banners, photo
 * tiles, avatars drawn as backgrounds), including ones added or restyled later, and reports
 * each once it is near the viewport, with where its picture is painted.
 */
import { backgroundBox } from './background-box.js';
import type { Placement } from './labels.js';

/** Smaller boxes are icons, bullets and textures, not photos of people. */
export const MIN_BACKGROUND_SIDE = 100;
const SCAN_DELAY_MS = 200;

export type OnBackground = (el: Element, url: string, placement: Placement) => void;

/** The first layer's image URL, when it is one the extension can fetch. */
export function backgroundUrl(el: Element): string | null {
  const m = /url\(["']?([^"')]+)["']?\)/.exec(getComputedStyle(el).backgroundImage);
  const url = m?.[1];
  return url && /^(https?:|data:image\/)/.test(url) ? url : null;
}

/** Natural size, needed to know how the background is scaled; the browser already has it cached. */
function naturalSize(url: string): Promise<[number, number]> {
  const img = new Image();
  img.src = url;
  return img.decode().then(() => [img.naturalWidth, img.naturalHeight]);
}

export function watchBackgrounds(onFound: OnBackground): { rescan(): void } {
  const near = new Set<Element>();
  const observed = new WeakSet<Element>();

  const check = async (el: Element) => {
    const r = el.getBoundingClientRect();
    const url = backgroundUrl(el);
    if (!url || r.width < MIN_BACKGROUND_SIDE || r.height < MIN_BACKGROUND_SIDE) return;
    const [w, h] = await naturalSize(url).catch(() => [0, 0]);
    if (w > 0 && backgroundUrl(el) === url) onFound(el, url, (e) => backgroundBox(e, w, h));
  };

  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) {
        near.add(e.target);
        void check(e.target);
      } else near.delete(e.target);
    }
  }, { rootMargin: '300px' });

  const consider = (el: Element) => {
    if (el instanceof HTMLImageElement || el.localName === 'facetag-overlay' || !backgroundUrl(el)) return;
    if (!observed.has(el)) {
      observed.add(el);
      io.observe(el);
    } else if (near.has(el)) void check(el); // restyled: a new image or a new size
  };

  // Mutations arrive in bursts; computed styles are read once per burst, for the changed subtrees only.
  let pending = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const roots = pending;
    pending = new Set();
    for (const root of roots) {
      if (!root.isConnected) continue;
      consider(root);
      root.querySelectorAll('*').forEach(consider);
    }
  };
  const queue = (el: Element) => {
    pending.add(el);
    timer ??= setTimeout(flush, SCAN_DELAY_MS);
  };

  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof Element) queue(r.target);
      r.addedNodes.forEach((n) => n instanceof Element && queue(n));
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] });

  queue(document.documentElement);
  return { rescan: () => near.forEach((el) => void check(el)) };
}
