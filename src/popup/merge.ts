/** Merge: all photos of one person move to the chosen other person, who keeps their name. */
import { toBackground } from '../platform/send.js';
import type { PersonSummary } from '../shared/protocol.js';
import { closeDialog, showDialog, statusLine } from './dialog.js';
import { button, h, photos } from './dom.js';
import { currentPeople, reloadPeople } from './state.js';

export function mergeDialog(p: Pick<PersonSummary, 'id' | 'name'>): void {
  const others = currentPeople().filter((o) => o.id !== p.id);
  if (others.length === 0) {
    showDialog(`Merge ${p.name}`, h('p', {}, 'There is nobody else to merge with.'), h('div', { class: 'buttons' }, button('Close', closeDialog)));
    return;
  }
  const status = statusLine();
  const go = button('Merge', () => undefined, { class: 'primary', disabled: '', id: 'merge-go' });
  const choices = h('fieldset', { class: 'choices' }, h('legend', {}, `Merge ${p.name} into:`),
    ...others.map((o) => {
      const radio = h('input', { type: 'radio', name: 'merge-into', value: o.id });
      radio.addEventListener('change', () => {
        go.disabled = false;
        go.textContent = `Merge into ${o.name}`;
      });
      return h('label', { 'data-name': o.name }, radio, `${o.name} (${photos(o.references)})`);
    }));
  go.addEventListener('click', () => {
    const into = choices.querySelector<HTMLInputElement>('input:checked')?.value;
    if (into) void merge(p.id, into, status);
  });
  showDialog(`Merge ${p.name}`, h('p', { class: 'note' }, `All photos of ${p.name} move to the person you choose; ${p.name} is removed.`), choices, status,
    h('div', { class: 'buttons' }, button('Cancel', closeDialog), go));
}

async function merge(from: string, into: string, status: HTMLElement): Promise<void> {
  const r = await toBackground('mergePeople', { from, into });
  if (!r.ok) {
    status.textContent = `Not merged: ${r.error}`;
    return;
  }
  closeDialog();
  await reloadPeople();
}
