import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineCall } from '../../src/background/engine-call.js';
import type { VideoStats } from '../../src/shared/video-status.js';
import { statsKey, UNREADABLE_KEPT, unreadableKey, unreadableNote, unreadableVideos } from '../../src/shared/video-status.js';
import { err, ok } from '../../src/shared/result.js';

/** storage.session and the tab events, as the background uses them. */
function fakeBrowser() {
  const store: Record<string, unknown> = {};
  const listeners = { removed: [] as ((tabId: number) => void)[], updated: [] as ((tabId: number, change: { status?: string }) => void)[] };
  const session = {
    get: async (key: string | null) => (key === null ? { ...store } : key in store ? { [key]: store[key] } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(store, items),
    remove: async (keys: string[]) => keys.forEach((k) => Reflect.deleteProperty(store, k)),
  };
  const tabs = {
    onRemoved: { addListener: (f: (tabId: number) => void) => listeners.removed.push(f) },
    onUpdated: { addListener: (f: (tabId: number, change: { status?: string }) => void) => listeners.updated.push(f) },
  };
  // Web Locks as the background's browsers have them (Node 20 lacks them): one queue per name.
  const queues = new Map<string, Promise<unknown>>();
  const locks = {
    request: (name: string, run: () => Promise<unknown>) => {
      const done = (queues.get(name) ?? Promise.resolve()).then(run);
      queues.set(name, done.catch(() => undefined));
      return done;
    },
  };
  return { chrome: { storage: { session }, tabs }, navigator: { locks }, store, listeners };
}

const fake = fakeBrowser();
type VideoModule = typeof import('../../src/background/video.js');
let video: VideoModule;

const settle = () => new Promise((r) => setTimeout(r, 10));
const fromTab = (id: number, frameId = 0) => ({ tab: { id }, frameId }) as chrome.runtime.MessageSender;
const reasons = (tabId: number) => unreadableVideos(fake.store, tabId);

beforeAll(async () => {
  Object.assign(globalThis, { chrome: fake.chrome, navigator: fake.navigator });
  // ext is bound when the platform module loads, so the fake must be in place first.
  video = await import('../../src/background/video.js');
  video.watchVideoTabs((error) => {
    throw error;
  });
});

describe("a tab's video status", () => {
  const noEngine: EngineCall = async () => err('unused');

  it('records each unreadable video of a tab once, per frame of the page', async () => {
    const handlers = video.videoHandlers(noEngine);
    await handlers.videoStatus({ video: 0, state: 'cross-origin' }, fromTab(1));
    await handlers.videoStatus({ video: 0, state: 'cross-origin' }, fromTab(1));
    await handlers.videoStatus({ video: 0, state: 'protected' }, fromTab(1, 7));
    await handlers.videoStatus({ video: 3, state: 'cross-origin' }, fromTab(2));
    expect(reasons(1).sort()).toEqual(['cross-origin', 'protected']);
    expect(reasons(2)).toEqual(['cross-origin']);
  });

  it('keeps one bounded record per tab however many unreadable videos a page reports (issue 14, finding 10)', async () => {
    const handlers = video.videoHandlers(noEngine);
    const keysBefore = Object.keys(fake.store).length;
    for (let v = 0; v < 1000; v++) await handlers.videoStatus({ video: v, state: 'protected' }, fromTab(30));
    expect(Object.keys(fake.store).length).toBe(keysBefore + 1);
    expect(Object.keys(fake.store[unreadableKey(30)] as object)).toHaveLength(UNREADABLE_KEPT);
    expect(unreadableNote(reasons(30))).toBe(`${UNREADABLE_KEPT} or more videos on this page can't be read: protected (DRM).`);
    fake.listeners.removed.forEach((f) => f(30));
    await settle();
    expect(fake.store).not.toHaveProperty(unreadableKey(30));
  });

  it('forgets a tab when it loads another page or closes, and only that tab', async () => {
    fake.listeners.updated.forEach((f) => f(1, { status: 'complete' }));
    await settle();
    expect(reasons(1)).toHaveLength(2);
    fake.listeners.updated.forEach((f) => f(1, { status: 'loading' }));
    await settle();
    expect(reasons(1)).toEqual([]);
    fake.listeners.removed.forEach((f) => f(2));
    await settle();
    expect(reasons(2)).toEqual([]);
  });

  it("counts analysed frames and the engine's time per tab, and passes engine errors on", async () => {
    const answers = [ok({ width: 640, height: 360, faces: [], ms: 120, backend: 'wasm' }), ok({ width: 640, height: 360, faces: [], ms: 80, backend: 'wasm' }), err('decode failed')];
    const engine = (async () => answers.shift()) as EngineCall;
    const handlers = video.videoHandlers(engine);
    const frame = { dataUrl: 'data:image/jpeg;base64,AAAA', mode: 'identify' as const };
    expect(await handlers.analyseFrame(frame, fromTab(5))).toEqual(ok({ ms: 120, faces: [] }));
    await handlers.analyseFrame(frame, fromTab(5));
    expect(await handlers.analyseFrame(frame, fromTab(5))).toEqual(err('decode failed'));
    // Counted after the answer, so no frame waits for storage.
    await settle();
    const stats = fake.store[statsKey(5)] as VideoStats;
    expect({ frames: stats.frames, engineMs: stats.engineMs }).toEqual({ frames: 2, engineMs: 200 });
    expect(stats.handlerMs).toBeGreaterThanOrEqual(0);
  });
  it('counts frames answered back to back without losing any (each count is read, added to and written under a lock)', async () => {
    const engine = (async () => ok({ width: 320, height: 180, faces: [], ms: 10, backend: 'wasm' })) as EngineCall;
    const handlers = video.videoHandlers(engine);
    await Promise.all(Array.from({ length: 20 }, () => handlers.analyseFrame({ dataUrl: 'data:image/jpeg;base64,AAAA', mode: 'track' }, fromTab(6))));
    await settle();
    expect((fake.store[statsKey(6)] as VideoStats).frames).toBe(20);
  });

  it('passes a tracked frame\'s boxes on as fractions of the frame, unnamed, without asking the store', async () => {
    const asked: unknown[] = [];
    const engine = (async (type: string, payload: unknown) => {
      asked.push({ type, payload });
      return ok({ width: 320, height: 160, faces: [{ box: [32, 16, 64, 64], score: 0.9, quality: 0, embedding: [] }], ms: 12, backend: 'wasm' });
    }) as EngineCall;
    const reply = await video.videoHandlers(engine).analyseFrame({ dataUrl: 'data:image/jpeg;base64,AAAA', mode: 'track' }, fromTab(7));
    expect(asked).toEqual([{ type: 'engine.analyseFrame', payload: { dataUrl: 'data:image/jpeg;base64,AAAA', mode: 'track' } }]);
    expect(reply).toEqual(ok({ ms: 12, faces: [{ box: [0.1, 0.1, 0.2, 0.4], name: null, quality: 0 }] }));
  });
});

describe("the popup's note", () => {
  it('says nothing when every video could be read', () => {
    expect(unreadableNote([])).toBeNull();
  });

  it('names the reason, and counts', () => {
    expect(unreadableNote(['cross-origin'])).toBe("1 video on this page can't be read: served by another site without permission to read it.");
    expect(unreadableNote(['protected', 'protected'])).toBe("2 videos on this page can't be read: protected (DRM).");
    expect(unreadableNote(['protected', 'cross-origin'])).toBe("2 videos on this page can't be read: protected (DRM) or served by another site without permission.");
  });

  it('reads only the asked tab, and ignores anything that is not a reason', () => {
    const stored = { [unreadableKey(4)]: { '0:1': 'protected', '0:2': 'bogus' }, [unreadableKey(40)]: { '0:1': 'cross-origin' }, [statsKey(4)]: { frames: 1, engineMs: 1, handlerMs: 2 } };
    expect(unreadableVideos(stored, 4)).toEqual(['protected']);
  });
});
