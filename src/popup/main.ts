import { initDialog } from './dialog.js';
import { byId } from './dom.js';
import { initPeopleList } from './people-list.js';
import { initSettings } from './settings-controls.js';
import './engine-status.js';
import './restore-notice.js';
import { currentSite, isOn, turnOff, turnOn } from './site-access.js';
import { reloadPeople } from './state.js';
import './video-status.js';

async function renderSite(): Promise<void> {
  const site = await currentSite();
  const toggle = byId<HTMLInputElement>('site-on');
  const label = byId<HTMLSpanElement>('site-name');
  if (!site) {
    toggle.disabled = true;
    label.textContent = 'Facetag cannot run on this page';
    return;
  }
  label.textContent = `On for ${new URL(site.replace('/*', '/')).host}`;
  toggle.checked = await isOn(site);
  toggle.onchange = async () => {
    // Request first, synchronously in the gesture; then show what was actually granted.
    const change = toggle.checked ? turnOn(site) : turnOff(site);
    await change.catch(() => false);
    toggle.checked = await isOn(site);
  };
}

initDialog();
initPeopleList();
void renderSite();
void initSettings();
void reloadPeople();
