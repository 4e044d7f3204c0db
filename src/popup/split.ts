/** Split: the selected photos of a person move to a new person (or to the existing person of that name). */
import { toBackground } from '../platform/send.js';
import { closeDialog, showDialog, statusLine } from './dialog.js';
import { button, h, photos } from './dom.js';
import { reloadPeople } from './state.js';

export function splitDialog(fromName: string, referenceIds: string[], done: (personId: string) => void): void {
  const input = h('input', { type: 'text', id: 'split-name', maxlength: '200', required: '', autocomplete: 'off' });
  const status = statusLine();
  const form = h('form', {}, h('label', { for: 'split-name' }, `Name for the ${photos(referenceIds.length)} taken from ${fromName}`), input, status,
    h('div', { class: 'buttons' }, button('Cancel', closeDialog), h('button', { type: 'submit', class: 'primary' }, 'Split off')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      const r = await toBackground('splitReferences', { referenceIds, name: input.value.trim() });
      if (!r.ok) {
        status.textContent = `Not split: ${r.error}`;
        return;
      }
      await reloadPeople();
      done(r.value.id);
    })();
  });
  showDialog(`Split photos off ${fromName}`, form);
}
