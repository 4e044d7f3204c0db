/**
 * The correction menu, opened under a face after the user chose "Correct a name here…" in the
 * browser's context menu: "Not <name>" and "This is…". A real menu for assistive technology
 * (menu/menuitem roles), focus on its first item, arrow keys move, Escape, Tab, a click
 * elsewhere or a scroll closes it.
 */
import type { PageFace } from '../shared/protocol.js';
import { guardClicks } from './click-guard.js';
import { inViewport, type ViewBox } from './host.js';
import { toast } from './toast.js';

export type FaceChoice = 'not' | 'this-is';

/** Room the menu needs, to keep it inside the viewport (styles.ts: min-width 140px, two items). */
const MENU_WIDTH = 180;
const MENU_HEIGHT = 72;

/** Keys typed into the menu stop at the shadow root, as in the name prompt. */
const PRIVATE_EVENTS = ['keydown', 'keyup', 'keypress'];

export function openFaceMenu(root: ShadowRoot, under: ViewBox, face: PageFace): Promise<FaceChoice | null> {
  root.querySelector('.menu')?.remove();
  return new Promise((resolve) => {
    const menu = document.createElement('div');
    const guard = guardClicks(menu);
    menu.className = 'menu';
    menu.setAttribute('role', 'menu');
    menu.setAttribute('aria-label', `Facetag: correct ${face.name ?? 'this face'}`);
    const item = (text: string, choice: FaceChoice) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'menuitem');
      button.textContent = text;
      button.addEventListener('click', (e) => {
        if (guard.accepts(e)) done(choice);
        else toast(root, 'ignored a click on the menu: it had only just opened, or the page covered it. Click again, or press Enter');
      });
      return button;
    };
    const items = [...(face.name ? [item(`Not ${face.name}`, 'not')] : []), item('This is…', 'this-is')];
    menu.append(...items);

    Object.assign(menu.style, inViewport(under.left, under.top + under.height + 4, MENU_WIDTH, MENU_HEIGHT));

    // A document listener cannot see into the closed shadow root (composedPath stops at the
    // host), so presses inside the menu stop at the menu and any press reaching the document
    // was outside it.
    const outside = () => done(null);
    menu.addEventListener('pointerdown', (e) => e.stopPropagation());
    const done = (choice: FaceChoice | null) => {
      guard.stop();
      document.removeEventListener('pointerdown', outside);
      window.removeEventListener('scroll', outside, true);
      menu.remove();
      resolve(choice);
    };
    for (const type of PRIVATE_EVENTS) menu.addEventListener(type, (e) => e.stopPropagation());
    menu.addEventListener('keydown', (e) => {
      const at = items.indexOf(e.target as HTMLButtonElement);
      if (e.key === 'Escape' || e.key === 'Tab') done(null);
      else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus({ preventScroll: true });
      }
    });
    document.addEventListener('pointerdown', outside);
    // Fixed in the viewport, the menu would drift off its face as the page scrolls.
    window.addEventListener('scroll', outside, { capture: true, passive: true });
    root.append(menu);
    items[0]?.focus({ preventScroll: true });
  });
}
