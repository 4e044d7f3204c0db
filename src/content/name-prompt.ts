/**
 * The name prompt: opens next to the chosen face with the keyboard focus in its name field.
 * Existing people are offered as completions. Enter saves; Escape cancels. A low-quality face
 * shows a warning up front and needs a second Enter, so a poor reference is never saved by
 * reflex.
 */
import type { PageFace } from '../shared/protocol.js';
import { ENROLL_WARN_QUALITY } from '../engine/quality-policy.js';
import { contentBox } from './host.js';

/** Keys typed into the prompt stop at the shadow root, so page listeners on the way out never see them. */
const PRIVATE_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'change', 'submit'];

export function promptName(root: ShadowRoot, img: Element, face: PageFace, names: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    const form = document.createElement('form');
    form.className = 'prompt';
    form.setAttribute('role', 'dialog');
    form.setAttribute('aria-label', 'Facetag: enroll this face');
    const label = document.createElement('label');
    label.textContent = 'Who is this?';
    const input = document.createElement('input');
    input.name = 'name';
    input.required = true;
    input.maxLength = 200;
    input.autocomplete = 'off';
    input.setAttribute('list', 'facetag-names');
    label.append(input);
    const list = document.createElement('datalist');
    list.id = 'facetag-names';
    for (const n of names) list.append(new Option(n));
    const warn = document.createElement('p');
    warn.className = 'warn';
    const lowQuality = face.quality < ENROLL_WARN_QUALITY;
    warn.hidden = !lowQuality;
    warn.textContent = 'This face is small, blurred or turned away, so it may recognise badly. Press Enter again to save it anyway.';
    const save = document.createElement('button');
    save.type = 'submit';
    save.textContent = lowQuality ? 'Save anyway' : 'Save';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    buttons.append(cancel, save);
    form.append(label, list, warn, buttons);
    if (lowQuality) input.setAttribute('aria-describedby', 'facetag-warn');
    warn.id = 'facetag-warn';

    const b = contentBox(img);
    const [x, y, , h] = face.box;
    Object.assign(form.style, { left: `${b.left + x * b.width}px`, top: `${b.top + (y + h) * b.height + 8}px` });

    let confirmedLowQuality = false;
    const done = (name: string | null) => {
      form.remove();
      resolve(name);
    };
    for (const type of PRIVATE_EVENTS) form.addEventListener(type, (e) => e.stopPropagation());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const name = input.value.trim();
      if (!name) return;
      if (lowQuality && !confirmedLowQuality) {
        confirmedLowQuality = true;
        warn.textContent = 'Low-quality face: press Enter once more to save it anyway, or Escape to cancel.';
        return;
      }
      done(name);
    });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') done(null);
    });
    cancel.addEventListener('click', () => done(null));
    root.append(form);
    // The prompt opens without a click: focus this frame's window, then the field.
    window.focus();
    input.focus({ preventScroll: false });
  });
}
