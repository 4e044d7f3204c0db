/** Export: everyone or the ticked people, to one pack file, optionally passphrase-protected. */
import { writePackText } from '../shared/pack-file.js';
import { errorMessage } from '../shared/result.js';
import { withDb } from '../store/db.js';
import { exportPack } from '../store/pack.js';
import { peopleSummaries } from '../store/people.js';
import { byId } from './dom.js';

/** Saves text as a file through the browser's download, from a local Blob: nothing goes over the network. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once click() returns to the event loop.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function renderPeople(): Promise<void> {
  const people = await withDb(peopleSummaries);
  const list = byId<HTMLFieldSetElement>('people-list');
  list.replaceChildren(...people.map((p) => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = p.id;
    label.append(box);
    if (p.thumbnail) {
      const img = document.createElement('img');
      img.src = p.thumbnail;
      img.alt = '';
      label.append(img);
    }
    label.append(`${p.name} (${p.references})`);
    return label;
  }));
  if (people.length === 0) list.textContent = 'Nobody is enrolled yet.';
}

async function exportPeople(ids?: string[]): Promise<void> {
  const status = byId<HTMLParagraphElement>('export-status');
  if (ids?.length === 0) {
    status.textContent = 'Tick the people to export first.';
    return;
  }
  try {
    const pack = await withDb((db) => exportPack(db, new Date(), ids));
    if (pack.people.length === 0) {
      status.textContent = 'Nobody to export.';
      return;
    }
    const passphrase = byId<HTMLInputElement>('export-passphrase').value;
    status.textContent = passphrase ? 'Encrypting…' : '';
    const text = await writePackText(pack, passphrase || undefined);
    const day = new Date().toISOString().slice(0, 10);
    download(text, `facetag-people-${day}${passphrase ? '.encrypted' : ''}.json`);
    const refs = pack.people.reduce((n, p) => n + p.references.length, 0);
    status.textContent = `Exported ${pack.people.length} ${pack.people.length === 1 ? 'person' : 'people'} with ${refs} reference faces${passphrase ? ', protected by your passphrase' : ''}.`;
  } catch (error) {
    status.textContent = `Export failed: ${errorMessage(error)}`;
  }
}

/** Returns a function that redraws the list of people (after an import). */
export function setUpExport(): () => Promise<void> {
  byId('export-all').onclick = () => void exportPeople();
  byId('export-selected').onclick = () => {
    const ticked = [...byId('people-list').querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((b) => b.value);
    void exportPeople(ticked);
  };
  void renderPeople();
  return renderPeople;
}
