/**
 * One person: their reference photos (remove one, add one from a file, select some to split
 * off), and the actions on the person (rename, merge, delete).
 */
import { toBackground } from '../platform/send.js';
import type { PersonSummary, ReferenceSummary } from '../shared/protocol.js';
import { addPhotoControl } from './add-reference.js';
import { deletePerson } from './delete-person.js';
import { closeDialog, showDialog, statusLine } from './dialog.js';
import { button, h, photos } from './dom.js';
import { mergeDialog } from './merge.js';
import { seenText } from './relative-time.js';
import { renamePerson } from './rename.js';
import { splitDialog } from './split.js';
import { currentPeople, reloadPeople } from './state.js';

function referenceItem(p: PersonSummary, r: ReferenceSummary, n: number, status: HTMLElement, selected: Set<string>, changed: () => void): HTMLLIElement {
  const box = h('input', { type: 'checkbox', 'aria-label': `Select photo ${n}` });
  box.addEventListener('change', () => {
    if (box.checked) selected.add(r.id);
    else selected.delete(r.id);
    changed();
  });
  const remove = button('Remove', () => void (async () => {
    const done = await toBackground('removeReference', { id: r.id });
    if (!done.ok) status.textContent = `Not removed: ${done.error}`;
    await reloadPeople();
    await openPersonNow(p.id);
  })(), { 'aria-label': `Remove photo ${n}` });
  return h('li', { class: 'ref' }, h('img', { src: r.thumbnail, alt: `Photo ${n} of ${p.name}`, title: r.source }), h('label', {}, box, 'Select'), remove);
}

/** Opens (or redraws) the person view; `note` is shown in its status line, e.g. what was just added. */
async function openPersonNow(id: string, note = ''): Promise<void> {
  const p = currentPeople().find((x) => x.id === id);
  if (!p) {
    closeDialog();
    return;
  }
  const refs = await toBackground('references', { personId: id });
  const status = statusLine();
  status.textContent = note;
  if (!refs.ok) status.textContent = `Cannot read the photos: ${refs.error}`;
  const selected = new Set<string>();
  const split = button('Split selected…', () => splitDialog(p.name, [...selected], (newId) => void openPersonNow(newId)), { disabled: '', id: 'person-split' });
  const list = h('ul', { class: 'refs', 'aria-label': `Photos of ${p.name}` },
    ...(refs.ok ? refs.value : []).map((r, i) => referenceItem(p, r, i + 1, status, selected, () => (split.disabled = selected.size === 0))));
  const added = async (message: string) => {
    await reloadPeople();
    await openPersonNow(id, message);
  };
  showDialog(p.name, h('p', { class: 'note' }, `${photos(p.references)} · ${seenText(p.lastSeenAt)}`), list, addPhotoControl(p, status, added), status,
    h('div', { class: 'buttons' },
      button('Rename…', () => renamePerson(p), { id: 'person-rename' }), button('Merge with…', () => mergeDialog(p), { id: 'person-merge' }), split,
      button('Delete', () => void deletePerson(p), { class: 'danger', id: 'person-delete' }), button('Close', closeDialog)));
}

export function openPerson(id: string): void {
  void openPersonNow(id);
}
