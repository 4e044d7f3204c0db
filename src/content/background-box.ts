/**
 * Where a CSS background image is painted inside its element, so labels land on the faces of
 * the picture rather than on the element's box: `cover` crops, `contain` letterboxes and
 * `auto` draws at natural size. Only the first layer is followed; it is the one a user sees.
 */
import { contentBox, type ViewBox } from './host.js';

const first = (list: string) => list.split(',')[0]?.trim() ?? '';

/** A length ("120px" or "40%" of `whole`); null for auto or anything not understood. */
function length(v: string | undefined, whole: number): number | null {
  if (!v) return null;
  if (v.endsWith('%')) return (Number.parseFloat(v) / 100) * whole;
  return v.endsWith('px') ? Number.parseFloat(v) : null;
}

export function paintedSize(size: string, area: ViewBox, natW: number, natH: number): [number, number] {
  if (size === 'cover' || size === 'contain') {
    const k = (size === 'cover' ? Math.max : Math.min)(area.width / natW, area.height / natH);
    return [natW * k, natH * k];
  }
  const [sw, sh] = size.split(/\s+/);
  const w = length(sw, area.width);
  const h = length(sh ?? 'auto', area.height);
  if (w !== null && h !== null) return [w, h];
  if (w !== null) return [w, (w * natH) / natW];
  if (h !== null) return [(h * natW) / natH, h];
  return [natW, natH];
}

/** Positions are a fraction of the free space (percent) or an offset (px). */
export function offset(v: string, free: number): number {
  if (v.endsWith('%')) return (Number.parseFloat(v) / 100) * free;
  return Number.parseFloat(v) || 0;
}

export function backgroundBox(el: Element, natW: number, natH: number): ViewBox {
  const cs = getComputedStyle(el);
  const content = contentBox(el);
  const px = (v: string) => Number.parseFloat(v) || 0;
  // The default origin is the padding box: the content box grown by the padding.
  const area = {
    left: content.left - px(cs.paddingLeft),
    top: content.top - px(cs.paddingTop),
    width: content.width + px(cs.paddingLeft) + px(cs.paddingRight),
    height: content.height + px(cs.paddingTop) + px(cs.paddingBottom),
  };
  if (natW < 1 || natH < 1) return area;
  const [w, h] = paintedSize(first(cs.backgroundSize), area, natW, natH);
  return {
    left: area.left + offset(first(cs.backgroundPositionX), area.width - w),
    top: area.top + offset(first(cs.backgroundPositionY), area.height - h),
    width: w,
    height: h,
  };
}
