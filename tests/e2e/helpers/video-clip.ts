/**
 * The test's video clip, made in the browser from two of the shared photos (which may not be
 * copied into the repository, so no clip file is kept): a canvas where Sheldon crosses the frame
 * left to right (top row) and Leonard right to left (bottom row), recorded with MediaRecorder to
 * WebM. Where each face is at every moment of the clip is known here.
 */

/** The clip: 640×360, photos drawn at SIDE px, moving SPEED px/s for CLIP_MS. */
export const CLIP_MS = 10_000;
export const SIDE = 160;
const SPEED = 50;
export const sheldonX = (ms: number) => 40 + (SPEED * ms) / 1000;
export const leonardX = (ms: number) => 440 - (SPEED * ms) / 1000;
export const ROWS = { sheldon: 10, leonard: 190 };
/** The <video> is 640×480, so its 640×360 picture is letterboxed (object-fit: contain) 60 px down: labels must follow the picture, not the element. */
export const LETTERBOX = 60;

export const videoTag = (id: string, src = '') => `<video id="${id}" ${src ? `src="${src}" autoplay` : ''} muted loop playsinline style="width:640px;height:${360 + 2 * LETTERBOX}px;display:block;background:#000"></video>`;

/** Records the clip on the page and returns it as a data URL; the page then plays it in a new <video id="v">, looping. */
export function clipScript(sheldon: string, leonard: string): string {
  return `<script>
window.clipReady = (async () => {
  const load = (src) => new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok(i); i.onerror = fail; i.src = src; });
  const [s, l] = await Promise.all([load(${JSON.stringify(sheldon)}), load(${JSON.stringify(leonard)})]);
  const c = document.createElement('canvas'); c.width = 640; c.height = 360;
  const ctx = c.getContext('2d');
  const paint = (ms) => {
    ctx.fillStyle = '#7a7a7a'; ctx.fillRect(0, 0, 640, 360);
    ctx.drawImage(s, 40 + ${SPEED} * ms / 1000, ${ROWS.sheldon}, ${SIDE}, ${SIDE});
    ctx.drawImage(l, 440 - ${SPEED} * ms / 1000, ${ROWS.leonard}, ${SIDE}, ${SIDE});
  };
  paint(0);
  const recorder = new MediaRecorder(c.captureStream(25), { mimeType: 'video/webm', videoBitsPerSecond: 4e6 });
  const chunks = [];
  recorder.ondataavailable = (e) => chunks.push(e.data);
  const stopped = new Promise((ok) => { recorder.onstop = ok; });
  recorder.start();
  const t0 = performance.now();
  await new Promise((done) => { const step = () => { const ms = performance.now() - t0; paint(Math.min(ms, ${CLIP_MS})); if (ms >= ${CLIP_MS}) done(); else setTimeout(step, 15); }; step(); });
  recorder.stop();
  await stopped;
  const blob = new Blob(chunks, { type: 'video/webm' });
  // The <video> is added only now, after the content script has scanned the page: found as a later addition.
  document.getElementById('slot').insertAdjacentHTML('afterbegin', ${JSON.stringify(videoTag('v'))});
  const v = document.getElementById('v');
  v.src = URL.createObjectURL(blob);
  await v.play();
  return new Promise((ok) => { const r = new FileReader(); r.onload = () => ok(r.result); r.readAsDataURL(blob); });
})();
</script>`;
}
