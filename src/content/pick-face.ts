/**
 * With several faces in an image the user says which one is meant (to enroll, to correct):
 * every face the engine found gets the same clickable box, named or not. Resolves with the
 * face's index, or null on Escape.
 */
import type { PageFace } from '../shared/protocol.js';
import type { Placement } from './labels.js';

export function pickFace(root: ShadowRoot, el: Element, faces: PageFace[], placement: Placement, purpose: 'enroll' | 'correct'): Promise<number | null> {
  return new Promise((resolve) => {
    const layer: HTMLElement[] = [];
    const buttons: HTMLButtonElement[] = [];
    const hint = document.createElement('div');
    // The layer is fixed in the viewport: it follows the picture as the page scrolls.
    const place = () => {
      const b = placement(el);
      faces.forEach((f, i) => {
        const [x, y, w, h] = f.box;
        Object.assign(buttons[i]!.style, { left: `${b.left + x * b.width}px`, top: `${b.top + y * b.height}px`, width: `${w * b.width}px`, height: `${h * b.height}px` });
      });
      Object.assign(hint.style, { left: `${Math.max(0, b.left)}px`, top: `${Math.max(0, b.top - 44)}px` });
    };
    const done = (choice: number | null) => {
      layer.forEach((e) => e.remove());
      document.removeEventListener('keydown', onKey, true);
      window.removeEventListener('scroll', place, true);
      resolve(choice);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      done(null);
    };
    faces.forEach((_, i) => {
      const button = document.createElement('button');
      button.className = 'pick';
      button.setAttribute('aria-label', `Face ${i + 1} of ${faces.length}`);
      button.addEventListener('click', (e) => {
        e.preventDefault();
        e.stopPropagation();
        done(i);
      });
      layer.push(button);
      buttons.push(button);
    });
    hint.className = 'hint';
    hint.setAttribute('role', 'status');
    hint.textContent = `Facetag: click the face to ${purpose} (Esc cancels)`;
    layer.push(hint);
    place();
    root.append(...layer);
    document.addEventListener('keydown', onKey, true);
    window.addEventListener('scroll', place, { capture: true, passive: true });
    layer[0]?.focus({ preventScroll: true });
  });
}
