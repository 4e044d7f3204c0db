/**
 * Tells the user, once, that the browser had discarded Facetag's database and the people were
 * brought back from Facetag's own copy (src/store/snapshot.ts): silent data loss, and silent
 * recovery, would both leave the user unsure what is stored. "OK" clears the notice.
 */
import { ext } from '../platform/ext.js';
import { RESTORED_KEY, type RestoreNotice } from '../store/snapshot.js';

export function restoreNoticeText(notice: RestoreNotice): string {
  const people = notice.people === 1 ? '1 person was' : `${notice.people} people were`;
  const copied = new Date(notice.savedAt).toLocaleString();
  return `Your browser had discarded Facetag's database. ${people} restored from Facetag's own copy of ${copied}; changes made after that copy may be missing.`;
}

async function renderRestoreNotice(box: HTMLElement): Promise<void> {
  const notice = (await ext.storage.local.get(RESTORED_KEY))[RESTORED_KEY] as RestoreNotice | undefined;
  if (!notice) return;
  const text = document.createElement('span');
  text.textContent = restoreNoticeText(notice);
  const ok = document.createElement('button');
  ok.type = 'button';
  ok.textContent = 'OK';
  ok.addEventListener('click', () => {
    box.hidden = true;
    void ext.storage.local.remove(RESTORED_KEY);
  });
  box.replaceChildren(text, ' ', ok);
  box.hidden = false;
}

const box = document.getElementById('restored');
if (box) void renderRestoreNotice(box);
