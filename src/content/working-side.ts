/**
 * How large a copy of a page image the engine analyses: twice what the screen shows (in device
 * pixels), never under 512 px or over the engine host's 2048 px. Faces a user can see on the
 * screen keep at least twice their on-screen pixels, while a 3000 px photo shown as a 200 px
 * thumbnail is analysed at 512 px: a whole-image detector pass instead of a grid of tiles
 * looking for faces far too small to see (and to recognise) at that size.
 */
export const MIN_WORKING_SIDE = 512;
export const MAX_WORKING_SIDE = 2048;
const OVERSAMPLE = 2;

export function workingSide(renderedWidth: number, renderedHeight: number, devicePixelRatio: number): number {
  const shown = Math.max(renderedWidth, renderedHeight) * Math.max(1, devicePixelRatio || 1);
  if (!Number.isFinite(shown)) return MAX_WORKING_SIDE;
  return Math.min(MAX_WORKING_SIDE, Math.max(MIN_WORKING_SIDE, Math.ceil(shown * OVERSAMPLE)));
}

/** The working side for an element as it is laid out now. */
export function workingSideOf(el: Element): number {
  const r = el.getBoundingClientRect();
  return workingSide(r.width, r.height, window.devicePixelRatio);
}
