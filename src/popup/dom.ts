/** Tiny DOM builders for the popup's views: attributes as strings, children as nodes or text. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

export function button(text: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, text);
  b.addEventListener('click', onClick);
  return b;
}

export const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export const photos = (n: number) => `${n} ${n === 1 ? 'photo' : 'photos'}`;
