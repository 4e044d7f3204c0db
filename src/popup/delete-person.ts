/** Delete with Undo: the person is gone at once, and Undo brings back exactly what was there. */
import { toBackground } from '../platform/send.js';
import type { PersonSummary } from '../shared/protocol.js';
import { closeDialog } from './dialog.js';
import { byId } from './dom.js';
import { reloadPeople } from './state.js';
import { showUndo } from './undo-bar.js';

export async function deletePerson(p: Pick<PersonSummary, 'id' | 'name'>): Promise<void> {
  closeDialog();
  const deleted = await toBackground('deletePerson', { id: p.id });
  await reloadPeople();
  if (!deleted.ok) {
    byId('undo').textContent = `Could not delete ${p.name}: ${deleted.error}`;
    return;
  }
  showUndo(`Deleted ${p.name}.`, async () => {
    const back = await toBackground('undoDelete', { token: deleted.value.undo });
    await reloadPeople();
    byId('search').focus();
    return back.ok ? `${back.value.name} is back.` : `Could not undo: ${back.error}`;
  });
}
