/**
 * The menu a label opens: "Not <name>" and "This is…". A real menu for assistive technology
 * (menu/menuitem roles), focus on its first item, arrow keys move, Escape or a click elsewhere
 * closes it and gives the focus back to the label.
 */
import type { PageFace } from '../shared/protocol.js';

export type FaceChoice = 'not' | 'this-is';

/** Keys typed into the menu stop at the shadow root, as in the name prompt. */
const PRIVATE_EVENTS = ['keydown', 'keyup', 'keypress'];

export function openFaceMenu(root: ShadowRoot, label: HTMLElement, face: PageFace): Promise<FaceChoice | null> {
  root.querySelector('.menu')?.remove();
  return new Promise((resolve) => {
    const menu = document.createElement('div');
    menu.className = 'menu';
    menu.setAttribute('role', 'menu');
    menu.setAttribute('aria-label', `Facetag: correct ${face.name ?? 'this face'}`);
    const item = (text: string, choice: FaceChoice) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'menuitem');
      button.textContent = text;
      button.addEventListener('click', () => done(choice));
      return button;
    };
    const items = [...(face.name ? [item(`Not ${face.name}`, 'not')] : []), item('This is…', 'this-is')];
    menu.append(...items);

    const r = label.getBoundingClientRect();
    Object.assign(menu.style, { left: `${r.left + window.scrollX}px`, top: `${r.bottom + window.scrollY + 4}px` });

    // A document listener cannot see into the closed shadow root (composedPath stops at the
    // host), so presses inside the menu stop at the menu and any press reaching the document
    // was outside it.
    const outside = () => done(null, false);
    menu.addEventListener('pointerdown', (e) => e.stopPropagation());
    const done = (choice: FaceChoice | null, refocus = true) => {
      document.removeEventListener('pointerdown', outside);
      menu.remove();
      if (choice === null && refocus && label.isConnected) label.focus();
      resolve(choice);
    };
    for (const type of PRIVATE_EVENTS) menu.addEventListener(type, (e) => e.stopPropagation());
    menu.addEventListener('keydown', (e) => {
      const at = items.indexOf(e.target as HTMLButtonElement);
      if (e.key === 'Escape') done(null);
      else if (e.key === 'Tab') done(null, false);
      else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
      }
    });
    document.addEventListener('pointerdown', outside);
    root.append(menu);
    items[0]?.focus();
  });
}
