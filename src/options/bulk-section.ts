/** The folder picker, progress bar, Cancel button and report of the bulk enrollment. */
import { toBackground } from '../platform/send.js';
import { bulkEnroll, saveToStore, type BulkRun } from './bulk-enroll.js';
import { byId, fillList } from './dom.js';
import { saveErrorMessage } from './save-error.js';

export function setUpBulk(onSaved: () => Promise<void>): void {
  const input = byId<HTMLInputElement>('bulk-folder');
  const running = byId<HTMLDivElement>('bulk-running');
  const bar = byId<HTMLProgressElement>('bulk-progress');
  const count = byId<HTMLSpanElement>('bulk-count');
  const error = byId<HTMLParagraphElement>('bulk-error');
  const status = byId<HTMLParagraphElement>('bulk-status');
  const skippedList = byId<HTMLUListElement>('bulk-skipped');
  let run: BulkRun | null = null;

  byId('bulk-cancel').onclick = () => {
    if (run) run.cancelled = true;
  };

  input.onchange = async () => {
    const files = [...(input.files ?? [])];
    if (files.length === 0 || run) return;
    const current: BulkRun = { cancelled: false };
    run = current;
    error.textContent = '';
    status.textContent = '';
    skippedList.replaceChildren();
    running.hidden = false;
    input.disabled = true;
    const progress = (done: number, total: number) => {
      bar.max = total;
      bar.value = done;
      count.textContent = `${done} / ${total}`;
    };
    try {
      const result = await bulkEnroll(files, current, progress, saveToStore);
      if (result.kind === 'cancelled') {
        status.textContent = 'Cancelled: nothing was saved.';
        return;
      }
      fillList(skippedList, result.skipped.map((s) => `Skipped ${s.path}: ${s.reason}`).concat(result.kind === 'saved' ? result.warnings.map((s) => `${s.path}: ${s.reason}`) : []));
      if (result.kind === 'failed') {
        error.textContent = result.error;
        return;
      }
      const { outcome } = result;
      status.textContent = `Saved: ${outcome.peopleAdded} people added, ${outcome.peopleUpdated} updated, ${outcome.referencesAdded} reference faces; ${result.skipped.length} photos skipped.`;
      void toBackground('peopleChanged', {});
      await onSaved();
    } catch (e) {
      error.textContent = saveErrorMessage(e);
    } finally {
      run = null;
      running.hidden = true;
      input.disabled = false;
      input.value = '';
    }
  };
}
