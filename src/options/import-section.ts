/**
 * Import: the file is read and fully validated (and decrypted) before the store is touched;
 * then a summary and the choice of Merge or Replace; then one transaction.
 */
import { MAX_PACK_BYTES, tooLargeMessage, type IdentityPack } from '../shared/identity-pack.js';
import { openPack, PASSPHRASE_NEEDED } from '../shared/pack-file.js';
import { toBackground } from '../platform/send.js';
import { errorMessage } from '../shared/result.js';
import { withDb } from '../store/db.js';
import { applyImport, existingNames, type ImportMode } from '../store/pack-import.js';
import { descriptorsProblem, needsRecompute, packPeople, type EmbedThumbnail } from '../store/pack-people.js';
import { byId } from './dom.js';
import { saveErrorMessage } from './save-error.js';

const embedWithEngine: EmbedThumbnail = async (thumbnail) => {
  const r = await toBackground('embedThumbnail', { url: thumbnail });
  return r.ok ? { ok: true, value: r.value.embedding ? Float32Array.from(r.value.embedding) : null } : r;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function summary(pack: IdentityPack): Promise<string> {
  const refs = pack.people.reduce((n, p) => n + p.references.length, 0);
  const existing = await withDb((db) => existingNames(db, pack.people.map((p) => p.name)));
  const lines = [`This pack holds ${plural(pack.people.length, 'person', 'people')} with ${plural(refs, 'reference face', 'reference faces')}.`];
  if (existing.length) lines.push(`Already here: ${existing.join(', ')}.`);
  if (needsRecompute(pack)) lines.push(`It was made for another face model (${pack.model.id}): its faces will be recomputed from the pack's thumbnails.`);
  return lines.join('\n');
}

export function setUpImport(onImported: () => Promise<void>): void {
  const file = byId<HTMLInputElement>('import-file');
  const error = byId<HTMLParagraphElement>('import-error');
  const status = byId<HTMLParagraphElement>('import-status');
  const unlock = byId<HTMLDivElement>('import-unlock');
  const choice = byId<HTMLDivElement>('import-choice');
  const buttons = [byId<HTMLButtonElement>('import-merge'), byId<HTMLButtonElement>('import-replace')];
  let text = '';
  let pack: IdentityPack | null = null;

  const show = (message: string, isError: boolean) => {
    error.textContent = isError ? message : '';
    status.textContent = isError ? '' : message;
  };

  const open = async (passphrase?: string) => {
    show('Checking the pack…', false);
    const opened = await openPack(text, passphrase);
    unlock.hidden = opened.ok || !(opened.error === PASSPHRASE_NEEDED || /passphrase/i.test(opened.error));
    if (!opened.ok) return show(opened.error, opened.error !== PASSPHRASE_NEEDED);
    const unusable = descriptorsProblem(opened.value);
    if (unusable) return show(unusable, true);
    pack = opened.value;
    byId('import-summary').textContent = await summary(pack);
    choice.hidden = false;
    show('Nothing has been changed yet: choose Merge or Replace.', false);
  };

  file.onchange = async () => {
    pack = null;
    choice.hidden = true;
    unlock.hidden = true;
    const chosen = file.files?.[0];
    if (!chosen) return;
    // Refused before reading: a huge file would be read into memory whole.
    if (chosen.size > MAX_PACK_BYTES) return show(tooLargeMessage(chosen.size), true);
    try {
      text = await chosen.text();
      await open();
    } catch (e) {
      show(`Facetag could not read this file: ${errorMessage(e)}`, true);
    }
  };
  byId('import-unlock-button').onclick = () => void open(byId<HTMLInputElement>('import-passphrase').value).catch((e: unknown) => show(errorMessage(e), true));

  const apply = async (mode: ImportMode) => {
    if (!pack) return;
    buttons.forEach((b) => (b.disabled = true));
    try {
      const ready = await packPeople(pack, embedWithEngine, (done, total) => show(`Recomputing faces: ${done} / ${total}`, false));
      if (!ready.ok) return show(`${ready.error}. Nothing was changed.`, true);
      show('Saving…', false);
      let outcome;
      try {
        outcome = await withDb((db) => applyImport(db, ready.value.people, mode));
      } catch (e) {
        return show(saveErrorMessage(e), true);
      }
      void toBackground('peopleChanged', {});
      const { recomputed, unusable } = ready.value;
      const lines = [`Imported: ${plural(outcome.peopleAdded, 'person', 'people')} added, ${plural(outcome.peopleUpdated, 'person', 'people')} updated, ${plural(outcome.referencesAdded, 'reference face', 'reference faces')}.`];
      if (recomputed) lines.push(`${plural(recomputed, 'face was', 'faces were')} recomputed for this Facetag's model.`);
      if (unusable.length) lines.push(`Left out: ${unusable.join('; ')}.`);
      show(lines.join('\n'), false);
      choice.hidden = true;
      pack = null;
      await onImported();
    } catch (e) {
      show(`Import failed, nothing was changed: ${errorMessage(e)}`, true);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  };
  buttons[0]!.onclick = () => void apply('merge');
  buttons[1]!.onclick = () => void apply('replace');
}
