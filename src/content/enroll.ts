/**
 * Enrollment on the page, started by the context-menu click: find the image that was
 * right-clicked, let the user pick the face if there are several, ask for the name, save.
 */
import { toBackground } from '../platform/send.js';
import type { PageAnalysis } from '../shared/protocol.js';
import type { Result } from '../shared/result.js';
import { contentBox } from './host.js';
import { imageUrl } from './images.js';
import { promptName } from './name-prompt.js';
import { pickFace } from './pick-face.js';
import { toast } from './toast.js';
import { workingSideOf } from './working-side.js';

let lastRightClicked: HTMLImageElement | null = null;
let lastMenuPoint: { x: number; y: number } | null = null;

/**
 * Remembers the image and the viewport point of the last right-click, so the menu's srcUrl maps
 * to that element and a correction to the picture under the pointer.
 */
export function trackContextMenu(): void {
  document.addEventListener('contextmenu', (e) => {
    const target = e.composedPath()[0];
    lastRightClicked = target instanceof HTMLImageElement ? target : null;
    lastMenuPoint = { x: e.clientX, y: e.clientY };
  }, true);
}

/** Where the user last right-clicked, in viewport coordinates. */
export const menuPoint = () => lastMenuPoint;

/**
 * The image the menu was opened on, if it still shows the picture the browser reported. A page
 * can swap `srcset` on `contextmenu` while `src`, and so the menu's srcUrl, stays the same
 * (issue 14, finding 4): what is enrolled must be what the user right-clicked, so an image
 * whose current source is not srcUrl is refused rather than analysed.
 */
function findImage(srcUrl: string): HTMLImageElement | 'changed' | null {
  const shows = (img: HTMLImageElement) => imageUrl(img) === srcUrl;
  if (lastRightClicked?.isConnected && (lastRightClicked.src === srcUrl || shows(lastRightClicked))) return shows(lastRightClicked) ? lastRightClicked : 'changed';
  return Array.from(document.images).find(shows) ?? null;
}

export async function enrollFrom(
  root: ShadowRoot, srcUrl: string, analyse: (url: string, side: number) => Promise<Result<PageAnalysis>>, sideOf: (url: string) => number | undefined,
): Promise<void> {
  const img = findImage(srcUrl);
  if (img === 'changed') {
    toast(root, 'the picture changed after your right-click, so nothing was enrolled: right-click it again');
    return;
  }
  if (!img) {
    toast(root, 'that image cannot be enrolled from here');
    return;
  }
  const url = srcUrl;
  const analysis = await analyse(url, workingSideOf(img));
  if (!analysis.ok) {
    toast(root, `could not read the image: ${analysis.error}`);
    return;
  }
  const faces = analysis.value.faces;
  if (faces.length === 0) {
    toast(root, 'no face found in this image');
    return;
  }
  const index = faces.length === 1 ? 0 : await pickFace(root, img, faces, contentBox, 'enroll');
  if (index === null) return;
  const side = sideOf(url);
  const thumbnail = await toBackground('faceThumbnail', { url, side, face: index });
  const name = await promptName(root, contentBox(img), faces[index]!, thumbnail.ok ? thumbnail.value.dataUrl : null);
  if (name === null) return;
  const saved = await toBackground('enroll', { url, side, face: index, name });
  toast(root, saved.ok ? `enrolled ${saved.value.name}` : `not saved: ${saved.error}`);
}
