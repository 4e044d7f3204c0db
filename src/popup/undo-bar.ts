/**
 * "Deleted Alice. Undo": shown after a delete with the focus on Undo, so the keyboard reaches
 * it at once. It goes after UNDO_MS, but never while the focus or pointer is on it: time to act
 * is the user's (WCAG 2.2.1).
 */
import { button, byId, h } from './dom.js';

export const UNDO_MS = 10_000;
let timer: ReturnType<typeof setTimeout> | undefined;

export function showUndo(message: string, undo: () => Promise<string>): void {
  const bar = byId<HTMLDivElement>('undo');
  const hide = () => {
    clearTimeout(timer);
    bar.replaceChildren();
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!bar.matches(':focus-within, :hover')) hide();
      else later();
    }, UNDO_MS);
  };
  const undoButton = button('Undo', () => {
    hide();
    void undo().then((after) => {
      bar.replaceChildren(h('span', {}, after));
      later();
    });
  });
  bar.replaceChildren(h('span', {}, message), undoButton);
  undoButton.focus();
  later();
}
