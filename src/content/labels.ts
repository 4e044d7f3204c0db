/**
 * Boxes and names over images. Each image gets one frame, placed over where the picture is
 * drawn (an <img>'s or <canvas>'s content box, a background image's painted area); faces sit
 * inside it in percent, so following scroll and layout means moving one frame per image.
 */
import type { PageFace } from '../shared/protocol.js';
import { contentBox, type ViewBox } from './host.js';

/** Where an element's picture is drawn, in document coordinates; read again on every reposition. */
export type Placement = (el: Element) => ViewBox;

export interface Labels {
  show(img: Element, faces: PageFace[], showUnknown: boolean, placement?: Placement): void;
  /**
   * Moves the face boxes already shown on an element, in place, when the same names are shown
   * in the same order (a video's tracks, every animation frame); redraws them otherwise. In-place
   * moves keep the accessibility tree still, so screen readers are not told of a change 60 times a second.
   */
  move(img: Element, faces: PageFace[], showUnknown: boolean, placement?: Placement): void;
  clear(img: Element): void;
  /** Removes every frame (Facetag switched off). */
  clearAll(): void;
  /** The labelled element drawn at a viewport point, if any: what a correction started there is about. */
  at(x: number, y: number): { el: Element; placement: Placement } | null;
  /** Places every frame again; cheap enough to run on every scroll event. */
  reposition(): void;
}

export function createLabels(root: ShadowRoot): Labels {
  /** `names`: the shown names in order, which decides whether `move` can reuse the boxes. */
  const frames = new Map<Element, { frame: HTMLDivElement; placement: Placement; names: string }>();
  const shownNames = (faces: PageFace[]) => faces.map((f) => f.name ?? '').join('\n');

  const place = (img: Element, { frame, placement }: { frame: HTMLDivElement; placement: Placement }) => {
    const b = placement(img);
    const hidden = !img.isConnected || b.width < 1 || b.height < 1;
    frame.style.display = hidden ? 'none' : 'block';
    if (hidden) return;
    Object.assign(frame.style, { left: `${b.left}px`, top: `${b.top}px`, width: `${b.width}px`, height: `${b.height}px` });
  };

  const labels: Labels = {
    show(img, faces, showUnknown, placement = contentBox) {
      frames.get(img)?.frame.remove();
      const visible = faces.filter((f) => f.name !== null || showUnknown);
      if (visible.length === 0) {
        frames.delete(img);
        return;
      }
      const frame = document.createElement('div');
      frame.className = 'frame';
      faces.forEach((f) => {
        if (visible.includes(f)) frame.append(faceBox(f));
      });
      root.append(frame);
      const entry = { frame, placement, names: shownNames(visible) };
      frames.set(img, entry);
      place(img, entry);
    },
    move(img, faces, showUnknown, placement = contentBox) {
      const entry = frames.get(img);
      const visible = faces.filter((f) => f.name !== null || showUnknown);
      if (!entry || entry.names !== shownNames(visible)) {
        labels.show(img, visible, showUnknown, placement);
        return;
      }
      visible.forEach((f, i) => layOut(entry.frame.children[i] as HTMLDivElement, f));
      place(img, entry);
    },
    clear(img) {
      frames.get(img)?.frame.remove();
      frames.delete(img);
    },
    clearAll() {
      for (const { frame } of frames.values()) frame.remove();
      frames.clear();
    },
    at(x, y) {
      for (const [img, { placement }] of frames) {
        const b = placement(img);
        if (x >= b.left && x <= b.left + b.width && y >= b.top && y <= b.top + b.height) return { el: img, placement };
      }
      return null;
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
  return labels;
}

function faceBox(face: PageFace): HTMLDivElement {
  const box = document.createElement('div');
  box.className = face.name === null ? 'face unknown' : 'face';
  const label = document.createElement('div');
  const text = face.name ?? 'Unknown face';
  // An image role with a name is announced as one unit: "Facetag: Alice, image".
  label.setAttribute('role', 'img');
  label.setAttribute('aria-label', `Facetag: ${text}`);
  // Drawn as generated content, not a text node: a page's window.find() searches text inside
  // closed shadow roots, so a text node would tell it whether a given name is on screen.
  label.dataset['text'] = text;
  // Not clickable and not a Tab stop: a page could find focusable or hit-testable labels, and so
  // which faces were named. Corrections start from the browser's context menu (correct.ts).
  box.append(label);
  layOut(box, face);
  return box;
}

/** Places a face box (and its label, the box's one child) over the face. */
function layOut(box: HTMLDivElement, face: PageFace): void {
  // Tight portrait crops put the face box past the image's edges; clip it to the image so
  // box and label stay on the picture they describe.
  const [x0, y0, x1, y1] = [clip(face.box[0]), clip(face.box[1]), clip(face.box[0] + face.box[2]), clip(face.box[1] + face.box[3])];
  const [x, y, w, h] = [x0, y0, x1 - x0, y1 - y0];
  Object.assign(box.style, { left: `${x * 100}%`, top: `${y * 100}%`, width: `${w * 100}%`, height: `${h * 100}%` });
  // Below the face, or inside its bottom edge when the face reaches the image's bottom, so a
  // label never hangs off the image into unrelated content.
  (box.firstElementChild as HTMLDivElement).className = y + h > 0.85 ? 'label inside' : 'label';
}

const clip = (v: number) => Math.min(1, Math.max(0, v));
