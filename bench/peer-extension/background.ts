/**
 * The peer's service worker: forwards page requests to the offscreen engine and names the
 * faces against its own gallery (chrome.storage.local) with face-api.js's Euclidean distance
 * threshold. `globalThis.peer.enroll` is the benchmark's way in, as Facetag's context menu is.
 */
import type { PeerEngineAnalysis, PeerMessage, PeerPageFace, PeerReply } from './protocol.js';
import { MATCH_DISTANCE } from './protocol.js';

interface GalleryEntry {
  name: string;
  descriptor: number[];
}

const OFFSCREEN = 'offscreen.html';

async function ensureOffscreen(): Promise<void> {
  const existing = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
  if (existing.length > 0) return;
  await chrome.offscreen.createDocument({ url: OFFSCREEN, reasons: [chrome.offscreen.Reason.WORKERS], justification: 'Runs face-api.js for the benchmark.' }).catch((error: unknown) => {
    if (!/single offscreen|already/i.test(String(error))) throw error;
  });
}

async function engine(url: string): Promise<PeerReply<PeerEngineAnalysis>> {
  for (let attempt = 1; ; attempt++) {
    await ensureOffscreen();
    try {
      return (await chrome.runtime.sendMessage({ to: 'peer-engine', type: 'analyse', url } satisfies PeerMessage)) as PeerReply<PeerEngineAnalysis>;
    } catch (error) {
      // The document's script may not have registered its listener yet.
      if (attempt >= 50 || !/Receiving end does not exist/.test(String(error))) return { ok: false, error: String(error) };
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function gallery(): Promise<GalleryEntry[]> {
  const { gallery: stored } = (await chrome.storage.local.get('gallery')) as { gallery?: GalleryEntry[] };
  return stored ?? [];
}

function nearest(people: GalleryEntry[], descriptor: number[]): string | null {
  let best: { name: string; d: number } | null = null;
  for (const p of people) {
    const d = Math.hypot(...p.descriptor.map((v, i) => v - (descriptor[i] ?? 0)));
    if (!best || d < best.d) best = { name: p.name, d };
  }
  return best && best.d < MATCH_DISTANCE ? best.name : null;
}

async function analyse(url: string): Promise<PeerReply<{ ms: number; faces: PeerPageFace[] }>> {
  const r = await engine(url);
  if (!r.ok) return r;
  const people = await gallery();
  const { width, height } = r.value;
  const faces = r.value.faces.map((f): PeerPageFace => ({
    box: [f.box[0] / width, f.box[1] / height, f.box[2] / width, f.box[3] / height],
    name: nearest(people, f.descriptor),
  }));
  return { ok: true, value: { ms: r.value.ms, faces } };
}

/** Enrolls the largest face of the image. */
async function enroll(url: string, name: string): Promise<string> {
  const r = await engine(url);
  if (!r.ok) throw new Error(r.error);
  const largest = [...r.value.faces].sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3])[0];
  if (!largest) return `no face in ${url}`;
  await chrome.storage.local.set({ gallery: [...(await gallery()), { name, descriptor: largest.descriptor }] });
  return `enrolled ${name}`;
}

chrome.runtime.onMessage.addListener((message: PeerMessage, _sender, reply: (r: PeerReply<unknown>) => void) => {
  if (message?.to !== 'peer-background') return false;
  void analyse(String(message.url)).then(reply);
  return true;
});

Object.assign(globalThis, { peer: { enroll, analyse } });
