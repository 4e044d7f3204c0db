/**
 * Boxes and names over images. Each image gets one frame, placed over where the picture is
 * drawn (an <img>'s or <canvas>'s content box, a background image's painted area); faces sit
 * inside it in percent, so following scroll and layout means moving one frame per image.
 */
import type { PageFace } from '../shared/protocol.js';
import { contentBox, type DocBox } from './host.js';

/** Where an element's picture is drawn, in document coordinates; read again on every reposition. */
export type Placement = (el: Element) => DocBox;

export interface Labels {
  show(img: Element, faces: PageFace[], showUnknown: boolean, placement?: Placement): void;
  clear(img: Element): void;
  /** Places every frame again; cheap enough to run on every animation frame of a scroll. */
  reposition(): void;
}

export function createLabels(root: ShadowRoot): Labels {
  const frames = new Map<Element, { frame: HTMLDivElement; placement: Placement }>();

  const place = (img: Element, { frame, placement }: { frame: HTMLDivElement; placement: Placement }) => {
    const b = placement(img);
    const hidden = !img.isConnected || b.width < 1 || b.height < 1;
    frame.style.display = hidden ? 'none' : 'block';
    if (hidden) return;
    Object.assign(frame.style, { left: `${b.left}px`, top: `${b.top}px`, width: `${b.width}px`, height: `${b.height}px` });
  };

  return {
    show(img, faces, showUnknown, placement = contentBox) {
      frames.get(img)?.frame.remove();
      const visible = faces.filter((f) => f.name !== null || showUnknown);
      if (visible.length === 0) {
        frames.delete(img);
        return;
      }
      const frame = document.createElement('div');
      frame.className = 'frame';
      for (const f of visible) frame.append(faceBox(f));
      root.append(frame);
      const entry = { frame, placement };
      frames.set(img, entry);
      place(img, entry);
    },
    clear(img) {
      frames.get(img)?.frame.remove();
      frames.delete(img);
    },
    reposition() {
      for (const [img, entry] of frames) {
        if (!img.isConnected) {
          entry.frame.remove();
          frames.delete(img);
        } else place(img, entry);
      }
    },
  };
}

function faceBox(face: PageFace): HTMLDivElement {
  const box = document.createElement('div');
  box.className = face.name === null ? 'face unknown' : 'face';
  // Tight portrait crops put the face box past the image's edges; clip it to the image so
  // box and label stay on the picture they describe.
  const [x0, y0, x1, y1] = [clip(face.box[0]), clip(face.box[1]), clip(face.box[0] + face.box[2]), clip(face.box[1] + face.box[3])];
  const [x, y, w, h] = [x0, y0, x1 - x0, y1 - y0];
  Object.assign(box.style, { left: `${x * 100}%`, top: `${y * 100}%`, width: `${w * 100}%`, height: `${h * 100}%` });
  const label = document.createElement('div');
  // Below the face, or inside its bottom edge when the face reaches the image's bottom, so a
  // label never hangs off the image into unrelated content.
  label.className = y + h > 0.85 ? 'label inside' : 'label';
  const text = face.name ?? 'Unknown face';
  // An image role with a name is announced as one unit: "Facetag: Alice, image".
  label.setAttribute('role', 'img');
  label.setAttribute('aria-label', `Facetag: ${text}`);
  // Drawn as generated content, not a text node: a page's window.find() searches text inside
  // closed shadow roots, so a text node would tell it whether a given name is on screen.
  label.dataset['text'] = text;
  box.append(label);
  return box;
}

const clip = (v: number) => Math.min(1, Math.max(0, v));
