/** Element lookup for the options page, whose ids are fixed in options.html. */
export const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`options.html has no #${id}`);
  return el as T;
};

/** A list of plain-text items (text only: names and file paths come from the user's files). */
export function fillList(list: HTMLElement, lines: readonly string[]): void {
  list.replaceChildren(...lines.map((line) => {
    const li = document.createElement('li');
    li.textContent = line;
    return li;
  }));
}
