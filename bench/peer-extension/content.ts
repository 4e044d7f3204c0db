/**
 * The peer's page labeller: every <img> near the viewport, loaded and at least 40 px, is sent
 * by URL once; named faces get a box and a label in a closed shadow root, with the same
 * accessible names as Facetag's ("face-api peer: <name>") so the benchmark reads both alike.
 */
import type { PeerMessage, PeerPageFace, PeerReply } from './protocol.js';

const MIN_SIDE = 40;
const host = document.createElement('peer-overlay');
host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;z-index:2147483647;pointer-events:none';
const root = host.attachShadow({ mode: 'closed' });
document.documentElement.append(host);
const sent = new WeakMap<HTMLImageElement, string>();

function draw(img: HTMLImageElement, faces: PeerPageFace[]): void {
  const named = faces.filter((f) => f.name !== null);
  if (named.length === 0) return;
  const r = img.getBoundingClientRect();
  const frame = document.createElement('div');
  frame.style.cssText = `position:absolute;left:${r.left + scrollX}px;top:${r.top + scrollY}px;width:${r.width}px;height:${r.height}px`;
  for (const f of named) {
    const box = document.createElement('div');
    const [x, y, w, h] = f.box;
    box.style.cssText = `position:absolute;left:${x * 100}%;top:${y * 100}%;width:${w * 100}%;height:${h * 100}%;border:2px solid #e8711a`;
    const label = document.createElement('div');
    label.setAttribute('role', 'img');
    label.setAttribute('aria-label', `face-api peer: ${f.name}`);
    label.textContent = f.name;
    label.style.cssText = 'position:absolute;top:100%;background:#e8711a;color:#fff;font:12px sans-serif';
    box.append(label);
    frame.append(box);
  }
  root.append(frame);
}

async function check(img: HTMLImageElement): Promise<void> {
  const url = img.currentSrc || img.src;
  if (!/^(https?:|data:image\/)/.test(url) || sent.get(img) === url) return;
  if (!img.complete || img.naturalWidth === 0) {
    img.addEventListener('load', () => void check(img), { once: true });
    return;
  }
  const r = img.getBoundingClientRect();
  if (r.width < MIN_SIDE || r.height < MIN_SIDE) return;
  sent.set(img, url);
  const reply = (await chrome.runtime.sendMessage({ to: 'peer-background', type: 'analyse', url } satisfies PeerMessage)) as PeerReply<{ faces: PeerPageFace[] }>;
  if (reply.ok) draw(img, reply.value.faces);
}

const io = new IntersectionObserver((entries) => entries.forEach((e) => e.isIntersecting && void check(e.target as HTMLImageElement)), { rootMargin: '300px' });
const track = (node: ParentNode) => node.querySelectorAll('img').forEach((img) => io.observe(img));
new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
  if (n instanceof HTMLImageElement) io.observe(n);
  else if (n instanceof Element) track(n);
}))).observe(document, { childList: true, subtree: true });
track(document);
