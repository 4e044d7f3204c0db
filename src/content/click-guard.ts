/**
 * A pointer click on Facetag's correction menu counts only when the user can have meant it
 * (issue 14, finding 7): a page dressed itself with a click-through sheet (`pointer-events:
 * none`, in the top layer) so that two real clicks landed on a label and then on "Not Sheldon".
 * A click counts once the menu has been open for ARM_MS (a click that began elsewhere cannot
 * carry into it), and, where the browser can say so (IntersectionObserver v2: Chromium), only
 * while nothing of the page covers the menu. A click from the keyboard (Enter, Space) has no
 * pointer to mislead and always counts. Every correction can be undone as well (correct.ts).
 */
export const ARM_MS = 600;

/** IntersectionObserver v2's additions, which TypeScript's DOM library does not declare. */
interface VisibilityInit extends IntersectionObserverInit {
  trackVisibility: boolean;
  delay: number;
}
interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

export interface ClickGuard {
  accepts(click: MouseEvent): boolean;
  stop(): void;
}

export function guardClicks(target: Element): ClickGuard {
  const armedAt = performance.now() + ARM_MS;
  /** null: the browser does not tell (no IntersectionObserver v2). */
  let visible: boolean | null = null;
  const init: VisibilityInit = { trackVisibility: true, delay: 100, threshold: [1] };
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries as VisibilityEntry[]) if (typeof entry.isVisible === 'boolean') visible = entry.isVisible;
  }, init);
  observer.observe(target);
  return {
    accepts(click) {
      if (!click.isTrusted) return false;
      if (click.detail === 0) return true;
      return performance.now() >= armedAt && visible !== false;
    },
    stop: () => observer.disconnect(),
  };
}
