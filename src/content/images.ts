/**
 * Finds the images a user sees: every <img> (so <picture> too, through currentSrc), including
 * lazy ones and ones added later, and reports each once it is near the viewport, loaded and
 * big enough to hold a usable face. A changed source (srcset on resize, a new src) is
 * reported again.
 */
/** Rendered images smaller than this on either side cannot show a recognisable face. */
export const MIN_RENDERED_SIDE = 40;

export type OnImage = (img: HTMLImageElement, url: string) => void;

export function imageUrl(img: HTMLImageElement): string | null {
  const url = img.currentSrc || img.src;
  return /^(https?:|data:image\/)/.test(url) ? url : null;
}

export function watchImages(onImage: OnImage): { rescan(): void } {
  const visible = new Set<HTMLImageElement>();
  const tracked = new WeakSet<HTMLImageElement>();

  const check = (img: HTMLImageElement) => {
    if (!visible.has(img)) return;
    if (!img.complete || img.naturalWidth === 0) {
      // On the element itself: an image loading while detached never reaches the document's listener.
      img.addEventListener('load', () => check(img), { once: true });
      return;
    }
    const r = img.getBoundingClientRect();
    if (r.width < MIN_RENDERED_SIDE || r.height < MIN_RENDERED_SIDE) return;
    const url = imageUrl(img);
    if (url) onImage(img, url);
  };

  // Near the viewport counts as visible, so labels are ready when the image scrolls in.
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const img = e.target as HTMLImageElement;
        if (e.isIntersecting) {
          visible.add(img);
          check(img);
        } else visible.delete(img);
      }
    },
    { rootMargin: '300px' },
  );

  const track = (img: HTMLImageElement) => {
    if (tracked.has(img)) return;
    tracked.add(img);
    io.observe(img);
  };
  const scan = (node: ParentNode) => node.querySelectorAll('img').forEach(track);

  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof HTMLImageElement) check(r.target);
      r.addedNodes.forEach((n) => {
        if (n instanceof HTMLImageElement) track(n);
        else if (n instanceof Element) scan(n);
      });
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'srcset'] });

  // `load` does not bubble but can be caught while capturing: lazy images and srcset switches.
  document.addEventListener('load', (e) => {
    if (e.target instanceof HTMLImageElement) {
      track(e.target);
      check(e.target);
    }
  }, true);

  scan(document);
  return { rescan: () => visible.forEach(check) };
}
