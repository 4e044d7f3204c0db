/**
 * With several faces in an image the user says which one to enroll: every face gets a
 * clickable box. Resolves with the face's index, or null on Escape.
 */
import type { PageFace } from '../shared/protocol.js';
import { contentBox } from './host.js';

export function pickFace(root: ShadowRoot, img: HTMLImageElement, faces: PageFace[]): Promise<number | null> {
  return new Promise((resolve) => {
    const b = contentBox(img);
    const layer: HTMLElement[] = [];
    const done = (choice: number | null) => {
      layer.forEach((el) => el.remove());
      document.removeEventListener('keydown', onKey, true);
      resolve(choice);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      done(null);
    };
    faces.forEach((f, i) => {
      const button = document.createElement('button');
      button.className = 'pick';
      button.setAttribute('aria-label', `Face ${i + 1} of ${faces.length}`);
      const [x, y, w, h] = f.box;
      Object.assign(button.style, { left: `${b.left + x * b.width}px`, top: `${b.top + y * b.height}px`, width: `${w * b.width}px`, height: `${h * b.height}px` });
      button.addEventListener('click', (e) => {
        e.preventDefault();
        e.stopPropagation();
        done(i);
      });
      layer.push(button);
    });
    const hint = document.createElement('div');
    hint.className = 'hint';
    hint.setAttribute('role', 'status');
    hint.textContent = 'Facetag: click the face to enroll (Esc cancels)';
    Object.assign(hint.style, { left: `${b.left}px`, top: `${Math.max(0, b.top - 44)}px` });
    layer.push(hint);
    root.append(...layer);
    document.addEventListener('keydown', onKey, true);
    layer[0]?.focus({ preventScroll: true });
  });
}
