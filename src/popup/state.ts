/** The people the popup shows, reloaded after every change; views re-render on each reload. */
import { toBackground } from '../platform/send.js';
import type { PersonSummary } from '../shared/protocol.js';

let people: PersonSummary[] = [];
let loadError: string | null = null;
const listeners = new Set<() => void>();

export const currentPeople = (): readonly PersonSummary[] => people;
export const peopleError = (): string | null => loadError;

export async function reloadPeople(): Promise<void> {
  const r = await toBackground('people', {});
  people = r.ok ? r.value : [];
  loadError = r.ok ? null : r.error;
  listeners.forEach((l) => l());
}

export function onPeopleChange(listener: () => void): void {
  listeners.add(listener);
}
