/** The benchmark's pages, generated at run time; photos are referenced by URL from the local server. */

const head = (title: string, css = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px sans-serif;margin:16px} figure{display:inline-block;margin:6px;vertical-align:top} img{display:block;width:200px;height:auto}${css}</style></head><body><h1>${title}</h1>`;

const figures = (srcs: readonly string[]) => srcs.map((s, i) => `<figure><img src="${s}" alt="photo ${i + 1}"></figure>`).join('\n');

/** A gallery: every photo 120 px wide, all 50 within the first screen and its 300 px margin. */
export function galleryPage(srcs: readonly string[]): string {
  return `${head('Gallery', ' img{width:120px}')}${figures(srcs)}</body></html>`;
}

/** Group photos shown large (480 px wide), as a news or event page would. */
export function groupPage(srcs: readonly string[]): string {
  return `${head('Group photos', ' img{width:480px}')}${figures(srcs)}</body></html>`;
}

/** Display widths of the article page's photos, in turn: a column photo, inline ones, a thumbnail. */
const ARTICLE_WIDTHS = [900, 640, 320, 480, 760];

/**
 * A news article or feed: full-size photos shown 320-900 px wide between paragraphs; every third
 * one cropped to a 16:9 box with `object-fit: cover`, as feeds and article heroes do.
 */
export function articlePage(srcs: readonly string[]): string {
  const body = srcs
    .map((s, i) => {
      const width = ARTICLE_WIDTHS[i % ARTICLE_WIDTHS.length] as number;
      const style = i % 3 === 2 ? `width:${width}px;height:${Math.round((width * 9) / 16)}px;object-fit:cover` : `width:${width}px;height:auto`;
      return `<p>Paragraph ${i + 1} of the article, the kind of text that sits between its photos.</p><figure><img src="${s}" alt="photo ${i + 1}" style="${style}"></figure>`;
    })
    .join('\n');
  return `${head('Article', ' figure{display:block}')}${body}</body></html>`;
}

/** Infinite scroll: 20 photos at first, 20 more each time the end of the list comes into view, 200 in all. */
export function scrollPage(srcs: readonly string[]): string {
  return `${head('Feed')}<div id="feed"></div><div id="end" style="height:40px"></div>
<script>
const srcs = ${JSON.stringify(srcs)};
let next = 0;
const feed = document.getElementById('feed');
function more() {
  for (const s of srcs.slice(next, next + 20)) {
    const f = document.createElement('figure');
    const img = document.createElement('img');
    img.src = s; img.alt = 'photo ' + (++next);
    f.append(img); feed.append(f);
  }
  document.title = 'Feed ' + next;
}
more();
new IntersectionObserver((e) => { if (e.some((x) => x.isIntersecting) && next < srcs.length) more(); }).observe(document.getElementById('end'));
</script></body></html>`;
}

/**
 * Many images, one batch on screen at a time: `window.showBatch(k)` replaces the grid with
 * batch k. Every URL is unique (a query string), so every image is analysed, none cached.
 */
export function memoryPage(srcs: readonly string[], batch: number): string {
  return `${head('Many images', ' img{display:inline-block;width:120px;margin:4px}')}<div id="grid"></div>
<script>
const srcs = ${JSON.stringify(srcs)};
window.showBatch = (k) => {
  const grid = document.getElementById('grid');
  grid.replaceChildren(...srcs.slice(k * ${batch}, (k + 1) * ${batch}).map((s, i) => {
    const img = document.createElement('img'); img.src = s; img.alt = 'photo ' + (k * ${batch} + i); return img;
  }));
};
</script></body></html>`;
}

/**
 * A <video> showing faces: a canvas cycling through photos, one shot of `shotMs` each, panning
 * slowly within a shot, streamed into the video element with captureStream, so it is a real,
 * playing <video> with changing frames and needs no video file or codec. Shots of a few seconds
 * are what films and TV show (average shot lengths of about 3–6 s); a cut every 400 ms is the
 * worst case for a labeller that tracks faces between identifications.
 */
export function videoPage(srcs: readonly string[], shotMs: number): string {
  const shotFrames = Math.max(1, Math.round(shotMs / 33));
  return `${head('Video')}<video id="video" width="640" height="360" autoplay muted playsinline></video>
<canvas id="source" width="640" height="360" style="position:absolute;left:-10000px"></canvas>
<script>
const srcs = ${JSON.stringify(srcs)};
const canvas = document.getElementById('source');
const ctx = canvas.getContext('2d');
const images = srcs.map((s) => { const i = new Image(); i.src = s; return i; });
let frame = 0;
function draw() {
  const img = images[Math.floor(frame / ${shotFrames}) % images.length];
  if (img.complete && img.naturalWidth) {
    const k = Math.min(640 / img.naturalWidth, 360 / img.naturalHeight);
    // A pan of 24 px across each shot: faces move between frames, as they do on camera.
    const w = img.naturalWidth * k, h = img.naturalHeight * k, dx = ((frame % ${shotFrames}) / ${shotFrames}) * 24;
    ctx.fillStyle = '#000'; ctx.fillRect(0, 0, 640, 360);
    ctx.drawImage(img, (640 - w) / 2 + dx - 12, (360 - h) / 2, w, h);
  }
  frame++;
}
setInterval(draw, 33);
document.getElementById('video').srcObject = canvas.captureStream(30);
</script></body></html>`;
}
