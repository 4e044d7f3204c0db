/**
 * Corrections on the page: a label's menu, then "Not <name>" (the face becomes a negative
 * example of that person) or "This is…" (the name prompt; the face becomes a reference of the
 * person named). The page sends only the image URL and the face's index: the background takes
 * the embedding from the engine's own analysis.
 */
import { toBackground } from '../platform/send.js';
import type { PageFace } from '../shared/protocol.js';
import { openFaceMenu } from './face-menu.js';
import { promptName } from './name-prompt.js';
import { toast } from './toast.js';

/** `side`: the working size the image was analysed at, so the background finds that analysis. */
export async function correctFace(root: ShadowRoot, img: Element, url: string, side: number | undefined, index: number, face: PageFace, label: HTMLElement): Promise<void> {
  const choice = await openFaceMenu(root, label, face);
  if (choice === 'not' && face.name) {
    const done = await toBackground('rejectFace', { url, side, face: index });
    toast(root, done.ok ? `${done.value.name} will not be suggested for this face` : `not changed: ${done.error}`);
  } else if (choice === 'this-is') {
    const name = await promptName(root, img, face);
    if (name === null) return;
    const done = await toBackground('confirmFace', { url, side, face: index, name });
    toast(root, done.ok ? `added this face to ${done.value.name}` : `not saved: ${done.error}`);
  }
}
