/** A short status message in the overlay, read out by screen readers. */
export function toast(root: ShadowRoot, text: string, ms = 5000): void {
  const el = document.createElement('div');
  el.className = 'toast';
  el.setAttribute('role', 'status');
  // Generated content and an accessible name, no text node: see faceBox in labels.ts.
  el.setAttribute('aria-label', `Facetag: ${text}`);
  el.dataset['text'] = `Facetag: ${text}`;
  root.append(el);
  setTimeout(() => el.remove(), ms);
}
