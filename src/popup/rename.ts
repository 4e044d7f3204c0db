/**
 * Rename. A name someone else already has means "these are one person": the user is told who,
 * and may merge into them (their name stays) or go back.
 */
import { toBackground } from '../platform/send.js';
import type { PersonSummary } from '../shared/protocol.js';
import { closeDialog, showDialog, statusLine } from './dialog.js';
import { button, h } from './dom.js';
import { reloadPeople } from './state.js';

export function renamePerson(p: Pick<PersonSummary, 'id' | 'name'>): void {
  const input = h('input', { type: 'text', id: 'rename-input', maxlength: '200', required: '', autocomplete: 'off' });
  input.value = p.name;
  const status = statusLine();
  const form = h('form', {}, h('label', { for: 'rename-input' }, `New name for ${p.name}`), input, status,
    h('div', { class: 'buttons' }, button('Cancel', closeDialog), h('button', { type: 'submit', class: 'primary' }, 'Save')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void save(p, input.value.trim(), status);
  });
  showDialog(`Rename ${p.name}`, form);
  input.select();
}

async function save(p: Pick<PersonSummary, 'id' | 'name'>, name: string, status: HTMLElement, merge = false): Promise<void> {
  if (!name) return;
  const r = await toBackground('renamePerson', { id: p.id, name, merge });
  if (!r.ok) {
    status.textContent = `Not renamed: ${r.error}`;
    return;
  }
  if (r.value.kind === 'exists') {
    const other = r.value.name;
    showDialog(`${other} already exists`,
      h('p', {}, `Is ${p.name} the same person as ${other}? Merging moves all photos of ${p.name} to ${other}, and ${p.name} is removed.`),
      status,
      h('div', { class: 'buttons' }, button('Cancel', closeDialog), button(`Merge into ${other}`, () => void save(p, name, status, true), { class: 'primary' })));
    return;
  }
  closeDialog();
  await reloadPeople();
}
