/**
 * The name prompt's own page, shown in an extension-origin frame over the chosen face. A name
 * typed here is keyed into this frame's document, which the page cannot read or listen to
 * (cross-origin): a prompt drawn in the page's DOM, even in a closed shadow root, dispatches
 * every keystroke through the page's window and document first.
 *
 * The content script that opened the frame put a one-off token in its URL (unreadable to the
 * page); the answer goes back through the background with that token, so only the content
 * script waiting for it acts on it. Enter saves; Escape cancels; a low-quality face needs a
 * second Enter.
 */
import { toBackground } from '../platform/send.js';

const params = new URLSearchParams(location.hash.slice(1));
const token = params.get('token') ?? '';
const lowQuality = params.get('low') === '1';

// The face as the engine analysed it (issue 14, finding 4): the user names the face, not a guess
// at which one. Only an image data URL is shown.
const faceShown = params.get('face') ?? '';
const faceImg = document.getElementById('face') as HTMLImageElement;
if (/^data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+$/.test(faceShown)) {
  faceImg.src = faceShown;
  faceImg.hidden = false;
}

const form = document.querySelector('form')!;
const input = form.querySelector('input')!;
const warn = document.getElementById('warn')!;
const failed = document.getElementById('failed')!;
const save = document.getElementById('save')!;

let confirmedLowQuality = false;
let answered = false;

/** Keys pressed in this frame and not yet released. */
const held = new Set<string>();
let onRelease: (() => void) | null = null;
document.addEventListener('keydown', (e) => held.add(e.key), true);
document.addEventListener('keyup', (e) => {
  held.delete(e.key);
  if (held.size === 0) onRelease?.();
}, true);

/**
 * The content script removes this frame as soon as the answer reaches it. Sent on Enter's
 * key-down, the key-up then went to a frame that no longer existed, and an automation driver
 * waiting for that key press to finish (Chromium's) hung. So the answer leaves once the keys
 * are up again, or after half a second if a key-up never comes.
 */
function keysReleased(): Promise<void> {
  if (held.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      onRelease = null;
      resolve();
    };
    const timer = setTimeout(done, 500);
    onRelease = done;
  });
}

async function answer(name: string | null): Promise<void> {
  if (answered) return;
  answered = true;
  await keysReleased();
  const sent = await toBackground('promptDone', { token, name });
  if (sent.ok) return;
  answered = false;
  failed.hidden = false;
  failed.textContent = `Facetag could not pass this on: ${sent.error}`;
}

if (lowQuality) {
  warn.hidden = false;
  input.setAttribute('aria-describedby', 'warn');
  save.textContent = 'Save anyway';
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const name = input.value.trim();
  if (!name) return;
  if (lowQuality && !confirmedLowQuality) {
    confirmedLowQuality = true;
    warn.textContent = 'Low-quality face: press Enter once more to save it anyway, or Escape to cancel.';
    return;
  }
  void answer(name);
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') void answer(null);
});
document.getElementById('cancel')!.addEventListener('click', () => void answer(null));
// The content script focuses this frame once it has loaded (a frame may not take the focus by
// itself); the field follows the frame's focus.
window.addEventListener('focus', () => {
  if (document.activeElement === document.body) window.focus();
input.focus();
});
window.focus();
input.focus();

// Existing people as completions; the list stays inside this frame.
void toBackground('names', {}).then((names) => {
  if (!names.ok) return;
  const list = document.getElementById('names')!;
  for (const n of names.value) list.append(new Option(n));
});
