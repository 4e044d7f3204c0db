/**
 * Corrections on the page, started from the browser's context menu ("Correct a name here…")
 * over a labelled picture: the face (picked among all the faces found, when there are several),
 * then its menu, "Not <name>" (the face becomes a negative example of that person) or "This
 * is…" (the name prompt; the face becomes a reference of the person named). Labels themselves
 * take no clicks, so a page cannot find them by hit-testing (host.ts). The page sends only the
 * image URL and the face's index: the background takes the embedding from the engine's analysis.
 */
import { toBackground } from '../platform/send.js';
import type { PageAnalysis, PageFace } from '../shared/protocol.js';
import type { Result } from '../shared/result.js';
import type { ViewBox } from './host.js';
import type { Placement } from './labels.js';
import { openFaceMenu } from './face-menu.js';
import { promptName } from './name-prompt.js';
import { pickFace } from './pick-face.js';
import { toast } from './toast.js';

/** The labelled picture under the user's right-click, and how to read its analysis again. */
export interface CorrectionTarget {
  el: Element;
  placement: Placement;
  url: string;
  /** The working size the image was analysed at, so the background finds that analysis. */
  side: number;
  analysis: () => Promise<Result<PageAnalysis>>;
}

export async function correctFace(root: ShadowRoot, target: CorrectionTarget | null): Promise<void> {
  if (!target) {
    toast(root, 'no labelled picture here: right-click on a photo Facetag has labelled');
    return;
  }
  const analysis = await target.analysis();
  if (!analysis.ok) {
    toast(root, `could not read the image: ${analysis.error}`);
    return;
  }
  const faces = analysis.value.faces;
  const index = faces.length === 1 ? 0 : await pickFace(root, target.el, faces, target.placement, 'correct');
  if (index === null || !faces[index]) return;
  const face = faces[index];
  const picture = target.placement(target.el);
  const choice = await openFaceMenu(root, faceOn(picture, face), face);
  const { url, side } = target;
  if (choice === 'not' && face.name) {
    const done = await toBackground('rejectFace', { url, side, face: index });
    if (done.ok) toast(root, `${done.value.name} will not be suggested for this face`, UNDO_MS, undoAction(root, done.value.undo));
    else toast(root, `not changed: ${done.error}`);
  } else if (choice === 'this-is') {
    const thumbnail = await toBackground('faceThumbnail', { url, side, face: index });
    const name = await promptName(root, target.placement(target.el), face, thumbnail.ok ? thumbnail.value.dataUrl : null);
    if (name === null) return;
    const done = await toBackground('confirmFace', { url, side, face: index, name });
    if (done.ok) toast(root, `added this face to ${done.value.name}`, UNDO_MS, undoAction(root, done.value.undo));
    else toast(root, `not saved: ${done.error}`);
  }
}

/** How long a correction's toast, and so its Undo, stays. */
const UNDO_MS = 10_000;

/** Every correction can be taken back (finding 7: a page may have tricked the clicks that made it). */
function undoAction(root: ShadowRoot, token: string) {
  return {
    label: 'Undo',
    run: () =>
      void toBackground('undoCorrection', { token }).then((undone) => toast(root, undone.ok ? 'correction undone' : `not undone: ${undone.error}`)),
  };
}

/** A face's box in the viewport, from the picture's box and the face's box in fractions of it. */
function faceOn(picture: ViewBox, face: PageFace): ViewBox {
  const [x, y, w, h] = face.box;
  return { left: picture.left + x * picture.width, top: picture.top + y * picture.height, width: w * picture.width, height: h * picture.height };
}
