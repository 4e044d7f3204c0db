/** A button a toast can offer, such as "Undo": clicking it closes the toast. */
export interface ToastAction {
  label: string;
  run(): void;
}

/** A short status message in the overlay, read out by screen readers. */
export function toast(root: ShadowRoot, text: string, ms = 5000, action?: ToastAction): void {
  const el = document.createElement('div');
  el.className = 'toast';
  el.setAttribute('role', 'status');
  // Generated content and an accessible name, no text node: see faceBox in labels.ts.
  el.setAttribute('aria-label', `Facetag: ${text}`);
  el.dataset['text'] = `Facetag: ${text}`;
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'toast-action';
    button.setAttribute('aria-label', `${action.label}: ${text}`);
    button.dataset['text'] = action.label;
    button.addEventListener('click', () => {
      el.remove();
      action.run();
    });
    el.append(button);
  }
  root.append(el);
  setTimeout(() => el.remove(), ms);
}
