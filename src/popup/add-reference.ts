/**
 * "Add a photo": the user picks an image file; the engine finds its faces (the same analysis
 * pages get), the user picks one if there are several, and it becomes a reference.
 */
import { toBackground } from '../platform/send.js';
import type { PageFace, PersonSummary } from '../shared/protocol.js';
import { button, h } from './dom.js';

/** Sent as a JPEG data URL; the engine works at this size anyway, and the message stays small. */
const MAX_SIDE = 1024;

async function fileAsDataUrl(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL('image/jpeg', 0.92);
}

/** The photo with one button per face, for the user to choose. */
function facePicker(url: string, faces: PageFace[], choose: (index: number) => void): HTMLElement {
  const pick = h('div', { class: 'pick', role: 'group', 'aria-label': 'Choose the face to add' }, h('img', { src: url, alt: '' }));
  faces.forEach((f, i) => {
    const [x, y, w, hgt] = f.box;
    const b = button('', () => choose(i), { 'aria-label': `Face ${i + 1} of ${faces.length}` });
    Object.assign(b.style, { left: `${x * 100}%`, top: `${y * 100}%`, width: `${w * 100}%`, height: `${hgt * 100}%` });
    pick.append(b);
  });
  return pick;
}

export function addPhotoControl(p: Pick<PersonSummary, 'id' | 'name'>, status: HTMLElement, added: (message: string) => Promise<void>): HTMLElement {
  const input = h('input', { type: 'file', accept: 'image/*', id: 'add-photo' });
  const area = h('div', {});
  const add = async (url: string, face: number) => {
    status.textContent = 'Adding…';
    const r = await toBackground('addReferenceFrom', { personId: p.id, url, face });
    area.replaceChildren();
    input.value = '';
    if (r.ok) await added(`Added: ${p.name} now has ${r.value.references} photos.`);
    else status.textContent = `Not added: ${r.error}`;
  };
  input.addEventListener('change', () => void (async () => {
    const file = input.files?.[0];
    if (!file) return;
    status.textContent = 'Looking for faces…';
    const url = await fileAsDataUrl(file).catch(() => null);
    if (!url) {
      status.textContent = `Cannot read ${file.name}: not an image this browser can open.`;
      return;
    }
    const analysis = await toBackground('analyse', { url });
    if (!analysis.ok) status.textContent = `Cannot use ${file.name}: ${analysis.error}`;
    else if (analysis.value.faces.length === 0) status.textContent = `No face found in ${file.name}.`;
    else if (analysis.value.faces.length === 1) await add(url, 0);
    else {
      status.textContent = `${analysis.value.faces.length} faces found: choose ${p.name}'s.`;
      area.replaceChildren(facePicker(url, analysis.value.faces, (i) => void add(url, i)));
      area.querySelector('button')?.focus();
    }
  })());
  return h('div', {}, h('label', { for: 'add-photo' }, `Add a photo of ${p.name}`), input, area);
}
