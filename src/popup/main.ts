import { toBackground } from '../platform/send.js';
import type { PersonSummary } from '../shared/protocol.js';
import { currentSite, isOn, turnOff, turnOn } from './site-access.js';
import './video-status.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function renderSite(): Promise<void> {
  const site = await currentSite();
  const toggle = $<HTMLInputElement>('site-on');
  const label = $<HTMLSpanElement>('site-name');
  if (!site) {
    toggle.disabled = true;
    label.textContent = 'Facetag cannot run on this page';
    return;
  }
  label.textContent = `On for ${new URL(site.replace('/*', '/')).hostname}`;
  toggle.checked = await isOn(site);
  toggle.onchange = async () => {
    // Request first, synchronously in the gesture; then show what was actually granted.
    const change = toggle.checked ? turnOn(site) : turnOff(site);
    await change.catch(() => false);
    toggle.checked = await isOn(site);
  };
}

function personItem(p: PersonSummary): HTMLLIElement {
  const li = document.createElement('li');
  if (p.thumbnail) {
    const img = document.createElement('img');
    img.src = p.thumbnail;
    img.alt = '';
    li.append(img);
  }
  const text = document.createElement('span');
  text.textContent = `${p.name} (${p.references} ${p.references === 1 ? 'photo' : 'photos'})`;
  const remove = document.createElement('button');
  remove.textContent = 'Forget';
  remove.setAttribute('aria-label', `Forget ${p.name}`);
  remove.onclick = async () => {
    await toBackground('deletePerson', { id: p.id });
    await renderPeople();
  };
  li.append(text, remove);
  return li;
}

async function renderPeople(): Promise<void> {
  const list = $<HTMLUListElement>('people');
  const people = await toBackground('people', {});
  list.replaceChildren(...(people.ok ? people.value.map(personItem) : []));
  $<HTMLParagraphElement>('empty').hidden = people.ok && people.value.length > 0;
}

async function renderSettings(): Promise<void> {
  const box = $<HTMLInputElement>('show-unknown');
  const settings = await toBackground('getSettings', {});
  if (settings.ok) box.checked = settings.value.showUnknown;
  box.onchange = () => void toBackground('setSettings', { showUnknown: box.checked });
}

void renderSite();
void renderPeople();
void renderSettings();
