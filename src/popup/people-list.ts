/** The people list: thumbnail, name, number of photos and last seen; filtered by the search box. */
import type { PersonSummary } from '../shared/protocol.js';
import { deletePerson } from './delete-person.js';
import { button, byId, h, photos } from './dom.js';
import { openPerson } from './person-view.js';
import { seenText } from './relative-time.js';
import { renamePerson } from './rename.js';
import { currentPeople, onPeopleChange, peopleError } from './state.js';

function personItem(p: PersonSummary): HTMLLIElement {
  const thumb = p.thumbnail ? h('img', { src: p.thumbnail, alt: '' }) : h('span', { class: 'nothumb' });
  const who = button('', () => openPerson(p.id), { class: 'who', 'aria-label': `${p.name}: ${photos(p.references)}, ${seenText(p.lastSeenAt)}. Open` });
  who.append(h('span', { class: 'name' }, p.name), h('span', { class: 'meta' }, `${photos(p.references)} · ${seenText(p.lastSeenAt)}`));
  return h('li', { class: 'person', 'data-name': p.name }, thumb, who,
    button('Rename', () => renamePerson(p), { 'aria-label': `Rename ${p.name}` }),
    button('Delete', () => void deletePerson(p), { class: 'danger', 'aria-label': `Delete ${p.name}` }));
}

function render(): void {
  const query = byId<HTMLInputElement>('search').value.trim().toLocaleLowerCase();
  const people = currentPeople();
  const shown = people.filter((p) => p.name.toLocaleLowerCase().includes(query));
  byId('people').replaceChildren(...shown.map(personItem));
  const empty = byId<HTMLParagraphElement>('empty');
  const error = peopleError();
  empty.hidden = !error && shown.length > 0;
  if (error) empty.textContent = `Cannot read people: ${error}`;
  else if (people.length === 0) empty.textContent = 'Nobody yet: right-click a photo and choose “Enroll this face…”.';
  else empty.textContent = `Nobody matches “${query}”.`;
}

export function initPeopleList(): void {
  byId('search').addEventListener('input', render);
  onPeopleChange(render);
}
