/** What the shared e2e suite needs from a browser, implemented with playwright (Chromium) and puppeteer (Firefox). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A Facetag label as assistive technology reports it: its accessible name and where it is drawn. */
export interface SeenLabel extends Rect {
  name: string;
}

/** Any accessible object: its name, the browser's own role name (they differ between browsers) and where it is drawn. */
export interface SeenNode extends SeenLabel {
  role: string;
}

export interface TestPage {
  readonly url: string;
  /** Labels in the accessibility tree whose name starts with "Facetag: ". */
  labels(): Promise<SeenLabel[]>;
  /** Every accessible in the page (shadow roots included) whose name matches: what a screen reader can reach. */
  accessibles(name: RegExp): Promise<SeenNode[]>;
  /** A left click at a viewport point, as a user's mouse. */
  click(x: number, y: number): Promise<void>;
  /** Viewport rectangle of the first element matching a CSS selector. */
  rect(selector: string): Promise<Rect>;
  /** Right-clicks the element, as a user does before choosing the menu item. */
  rightClick(selector: string): Promise<void>;
  /** True when the keyboard focus is inside Facetag's overlay (the name prompt). */
  focusInOverlay(): Promise<boolean>;
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
  evaluate(script: string): Promise<unknown>;
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  readonly name: 'chromium' | 'firefox';
  open(url: string): Promise<TestPage>;
  /** Invokes the background's real contextMenus.onClicked listener for an image of the page. */
  clickEnrollMenu(page: TestPage, srcUrl: string): Promise<void>;
  /** Switches "Show unknown faces" with the message the popup's checkbox sends, from an extension page. */
  setShowUnknown(on: boolean): Promise<void>;
  /** Closes the browser and starts it again on the same profile. */
  restart(): Promise<void>;
  /**
   * Every network request the extension's own contexts made since launch (all restarts), as the
   * browser's network stack logged it; Chromium only (Firefox has no such log to read).
   */
  extensionRequests?(): Promise<{ url: string; method: string }[]>;
  close(): Promise<void>;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 90_000, everyMs = 250): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
