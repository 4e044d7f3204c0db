/**
 * The popup's one modal dialog (<dialog>.showModal): it keeps the focus inside while open,
 * Escape closes it, and the focus returns to whatever opened it.
 */
import { byId, h } from './dom.js';

const dialog = () => byId<HTMLDialogElement>('dialog');
let opener: HTMLElement | null = null;

export function showDialog(title: string, ...content: Node[]): HTMLDialogElement {
  const d = dialog();
  if (!d.open) opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  d.setAttribute('aria-labelledby', 'dialog-title');
  d.replaceChildren(h('h2', { id: 'dialog-title' }, title), ...content);
  if (!d.open) d.showModal();
  d.querySelector<HTMLElement>('[autofocus], input:not([type=checkbox]), button')?.focus();
  return d;
}

export function closeDialog(): void {
  if (dialog().open) dialog().close();
}

export function dialogOpen(): boolean {
  return dialog().open;
}

/** Sets up focus return once: the opener may be gone (a deleted person), then the search box takes it. */
export function initDialog(): void {
  dialog().addEventListener('close', () => {
    dialog().replaceChildren();
    (opener?.isConnected ? opener : byId('search')).focus();
    opener = null;
  });
}

/** A line of status or error text inside the dialog, read out when it changes. */
export function statusLine(): HTMLParagraphElement {
  return h('p', { role: 'status', class: 'note' });
}
