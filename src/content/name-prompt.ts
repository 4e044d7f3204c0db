/**
 * The name prompt: opens next to the chosen face with the keyboard focus in its name field.
 * It is an extension page (src/prompt) in a frame inside the overlay's closed shadow root, so
 * the name is typed into a cross-origin document: the page's own key, input and mutation
 * listeners never see it. The frame's URL carries a one-off token; the answer comes back from
 * the background as a `promptDone` message with that token (see promptAnswered).
 */
import { ENROLL_WARN_QUALITY } from '../engine/quality-policy.js';
import { ext } from '../platform/ext.js';
import type { PageFace } from '../shared/protocol.js';
import { inViewport, type ViewBox } from './host.js';

export const PROMPT_PAGE = 'src/prompt/prompt.html';

/** Open prompts by token: only the frame that was given the token can answer one. */
const waiting = new Map<string, (name: string | null) => void>();

/**
 * `thumbnail`: the face as the engine analysed it, shown in the prompt so the user confirms the
 * face being named and not only a name: a page or its server can make the analysed pixels differ
 * from what is on the screen (issue 14, finding 4).
 */
export function promptName(root: ShadowRoot, picture: ViewBox, face: PageFace, thumbnail: string | null): Promise<string | null> {
  const token = crypto.randomUUID();
  const low = face.quality < ENROLL_WARN_QUALITY ? '1' : '0';
  const frame = document.createElement('iframe');
  frame.className = 'prompt-frame';
  frame.title = 'Facetag: enroll this face';
  frame.src = `${ext.runtime.getURL(PROMPT_PAGE)}#${new URLSearchParams({ token, low, ...(thumbnail ? { face: thumbnail } : {}) })}`;
  const b = picture;
  const [x, y, , h] = face.box;
  // Kept inside the viewport: the overlay clips at its edges (host.ts). 270 x 190: styles.ts.
  Object.assign(frame.style, inViewport(b.left + x * b.width, b.top + (y + h) * b.height + 4, 270, 190));
  frame.addEventListener('load', () => focusFrame(root, frame), { once: true });
  root.append(frame);
  return new Promise((resolve) => {
    waiting.set(token, (name) => {
      waiting.delete(token);
      // Firefox loses track of the focus when a focused frame is removed: give it back to the page first.
      frame.blur();
      window.focus();
      frame.remove();
      resolve(name);
    });
  });
}

/**
 * The prompt opens without a click: focus this window once, then the frame (its page focuses
 * the field). A browser may refuse while the frame is still settling, so the frame alone is
 * asked again briefly; the window is not, as that would take the focus back out of the frame.
 */
function focusFrame(root: ShadowRoot, frame: HTMLIFrameElement): void {
  window.focus();
  let tries = 20;
  const attempt = () => {
    if (!frame.isConnected || root.activeElement === frame || --tries < 0) return;
    frame.focus();
    setTimeout(attempt, 100);
  };
  attempt();
}

/** The prompt's answer; false when no prompt of this frame holds the token. */
export function promptAnswered(token: string, name: string | null): boolean {
  const done = waiting.get(token);
  if (!done) return false;
  done(name);
  return true;
}
