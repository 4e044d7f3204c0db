/**
 * The overlay's host: one element appended to <html>, holding a CLOSED shadow root. The page
 * sees only an empty element; names, boxes and prompts live inside the root. The host is
 * absolutely positioned at the document origin with no size, so it never shifts layout, and
 * passes pointer events through (children opt back in where a click is meant for Facetag).
 */
import { OVERLAY_CSS } from './styles.js';

const HOST_STYLE: Record<string, string> = {
  position: 'absolute', top: '0', left: '0', width: '0', height: '0', margin: '0', padding: '0', border: '0',
  overflow: 'visible', 'z-index': '2147483647', 'pointer-events': 'none', display: 'block', transform: 'none', contain: 'none',
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

export interface DocBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** An element's content box in document coordinates (the host's coordinate space). */
export function contentBox(el: Element): DocBox {
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const px = (v: string) => Number.parseFloat(v) || 0;
  const left = r.left + px(cs.borderLeftWidth) + px(cs.paddingLeft);
  const top = r.top + px(cs.borderTopWidth) + px(cs.paddingTop);
  const width = r.width - px(cs.borderLeftWidth) - px(cs.paddingLeft) - px(cs.borderRightWidth) - px(cs.paddingRight);
  const height = r.height - px(cs.borderTopWidth) - px(cs.paddingTop) - px(cs.borderBottomWidth) - px(cs.paddingBottom);
  return { left: left + window.scrollX, top: top + window.scrollY, width, height };
}
