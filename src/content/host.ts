/**
 * The overlay's host: one element appended to <html>, holding a CLOSED shadow root. The page
 * sees only an empty element of the viewport's size, whatever Facetag draws in it. The host is
 * fixed over the viewport and clips what it holds, so labels never add to the document's scroll
 * size (a page measured label widths, and so names, from scrollWidth); it and everything in it
 * ignore the pointer except Facetag's own menus, pickers and prompts, which appear only after
 * the user chose a Facetag menu item, so hit-testing the page finds no label.
 */
import { OVERLAY_CSS } from './styles.js';

const HOST_STYLE: Record<string, string> = {
  position: 'fixed', top: '0', left: '0', width: '100%', height: '100%', margin: '0', padding: '0', border: '0',
  overflow: 'hidden', 'z-index': '2147483647', 'pointer-events': 'none', display: 'block', transform: 'none', contain: 'strict',
  background: 'none', opacity: '1', visibility: 'visible', filter: 'none',
};

export function createOverlayRoot(): ShadowRoot {
  const host = document.createElement('facetag-overlay');
  // !important beats any page rule that targets unknown elements.
  for (const [prop, value] of Object.entries(HOST_STYLE)) host.style.setProperty(prop, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = OVERLAY_CSS;
  root.append(style);
  document.documentElement.append(host);
  return root;
}

export interface ViewBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** An element's content box in viewport coordinates (the host's coordinate space). */
export function contentBox(el: Element): ViewBox {
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const px = (v: string) => Number.parseFloat(v) || 0;
  const left = r.left + px(cs.borderLeftWidth) + px(cs.paddingLeft);
  const top = r.top + px(cs.borderTopWidth) + px(cs.paddingTop);
  const width = r.width - px(cs.borderLeftWidth) - px(cs.paddingLeft) - px(cs.borderRightWidth) - px(cs.paddingRight);
  const height = r.height - px(cs.borderTopWidth) - px(cs.paddingTop) - px(cs.borderBottomWidth) - px(cs.paddingBottom);
  return { left, top, width, height };
}

/**
 * Where a box of `width` x `height` wanted at (`left`, `top`) fits inside the viewport: the host
 * clips at the viewport's edges, so a prompt or menu near them is moved in rather than cut.
 */
export function inViewport(left: number, top: number, width: number, height: number): { left: string; top: string } {
  const fit = (at: number, size: number, room: number) => Math.max(0, Math.min(at, room - size));
  return { left: `${fit(left, width, document.documentElement.clientWidth)}px`, top: `${fit(top, height, document.documentElement.clientHeight)}px` };
}
