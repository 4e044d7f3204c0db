/** What the shared e2e suite needs from a browser, implemented with playwright (Chromium) and puppeteer (Firefox). */
import { traceStep } from './call-trace.js';

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
  /** `what`: 'prompt' (default) asks that a user's keys reach the name prompt's field; 'overlay' only that the focus is in Facetag's overlay (a label). */
  focusInOverlay(what?: 'prompt' | 'overlay'): Promise<boolean>;
  type(text: string): Promise<void>;
  /** Chooses a file in a file input, as the user does in the browser's file dialog. */
  chooseFile(selector: string, path: string): Promise<void>;
  press(key: string): Promise<void>;
  evaluate(script: string): Promise<unknown>;
  /** Reloads the page as the browser's reload button does, and waits for its DOM. */
  reload(): Promise<void>;
  screenshot(file: string): Promise<void>;
  /** Makes this the tab the user looks at (browsers slow down animation frames in the others). */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** An extension page (the options page) in a tab, driven as a user does. */
export interface ExtensionPage {
  readonly browser: 'chromium' | 'firefox';
  screenshot(file: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Replaces the text of an input, as typing does. */
  fill(selector: string, text: string): Promise<void>;
  /** Chooses files in an <input type=file>; for a folder picker (webkitdirectory), one folder path. */
  setFiles(selector: string, paths: string[]): Promise<void>;
  /** Clicks, and returns the path of the file the browser downloaded because of it. */
  download(selector: string): Promise<string>;
  /** The element's text content. */
  text(selector: string): Promise<string>;
  evaluate(script: string): Promise<unknown>;
  close(): Promise<void>;
}

export interface Driver {
  readonly name: 'chromium' | 'firefox';
  open(url: string): Promise<TestPage>;
  /** Invokes the background's real contextMenus.onClicked listener for an image of the page. */
  clickEnrollMenu(page: TestPage, srcUrl: string): Promise<void>;
  /** Invokes the same listener for "Correct a name here…", after a right-click on the page. */
  clickCorrectMenu(page: TestPage): Promise<void>;
  /** Switches "Show unknown faces" with the message the popup's checkbox sends, from an extension page. */
  setShowUnknown(on: boolean): Promise<void>;
  /**
   * The extension's real popup page, opened in a tab for the tab showing `over` (popup.html?tab=<id>),
   * so "On for this site" means that page's site.
   */
  openPopup(over: TestPage, colorScheme?: 'light' | 'dark'): Promise<TestPage>;
  /** Closes the browser and starts it again on the same profile. */
  restart(): Promise<void>;
  /** Opens a page of the extension (a path in the package, "src/options/options.html") in a tab. */
  openExtensionPage(path: string): Promise<ExtensionPage>;
  /** Chromium only (DevTools' Storage.overrideQuotaForOrigin): the extension origin's storage quota; null puts the real one back. */
  setExtensionQuota?(bytes: number | null): Promise<void>;
  /** Kills the browser process with SIGKILL, as a crash or power cut does, and starts it again on the same profile. */
  killAndRestart(): Promise<void>;
  /**
   * Every network request the extension's own contexts made since launch (all restarts), as the
   * browser's network stack logged it; Chromium only (Firefox has no such log to read).
   */
  extensionRequests?(): Promise<{ url: string; method: string }[]>;
  close(): Promise<void>;
}

/**
 * One probe may take this long. A call into a browser can fail to settle (a frame closing in
 * another process, say); bounding each probe turns that into one failed try instead of a hang.
 */
const PROBE_LIMIT_MS = 20_000;

/** The promise's outcome, or an error naming `what` once `ms` have passed without one. */
export function settlesWithin<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms)));
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 90_000, everyMs = 250): Promise<T> {
  const end = Date.now() + timeoutMs;
  const ended = traceStep(`wait for ${what}`);
  let last: unknown;
  for (;;) {
    try {
      const v = await settlesWithin(probe(), Math.max(1000, Math.min(PROBE_LIMIT_MS, end - Date.now())), 'a probe');
      if (v) {
        ended('ok');
        return v;
      }
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) {
      ended('timed out');
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
