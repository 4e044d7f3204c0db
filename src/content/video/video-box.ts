/**
 * Where a <video> paints its picture inside its content box: `object-fit` (contain by default)
 * letterboxes or crops it and `object-position` places it, as background-size and
 * background-position do for backgrounds, so the same arithmetic serves both.
 */
import { offset, paintedSize } from '../background-box.js';
import { contentBox, type ViewBox } from '../host.js';

/** object-fit as the background-size that paints the same way. */
function asBackgroundSize(fit: string, area: ViewBox, natW: number, natH: number): string {
  if (fit === 'fill') return '100% 100%';
  if (fit === 'cover') return 'cover';
  if (fit === 'none') return 'auto';
  if (fit === 'scale-down') return natW <= area.width && natH <= area.height ? 'auto' : 'contain';
  return 'contain';
}

export function videoBox(el: Element): ViewBox {
  const video = el as HTMLVideoElement;
  const area = contentBox(video);
  const [natW, natH] = [video.videoWidth, video.videoHeight];
  if (natW < 1 || natH < 1) return area;
  const cs = getComputedStyle(video);
  const [w, h] = paintedSize(asBackgroundSize(cs.objectFit, area, natW, natH), area, natW, natH);
  const [posX = '50%', posY = '50%'] = cs.objectPosition.split(/\s+/);
  return { left: area.left + offset(posX, area.width - w), top: area.top + offset(posY, area.height - h), width: w, height: h };
}
