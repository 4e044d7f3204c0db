/**
 * The two extensions under test and the few things the benchmark does differently with each:
 * where the build is, how a person is enrolled, how a frame is sent, what its labels say.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { grantedCopy, grantedCopyAt } from '../../tests/e2e/helpers/extension-copy.js';
import { buildForcedWebGpuCopy } from '../../tests/e2e/helpers/webgpu-build.js';
import type { Session } from './session.js';

export interface Product {
  id: 'facetag' | 'faceapi';
  /** Label names start with this (the accessibility tree's "Facetag: Alice"). */
  labelPrefix: string;
  /** The unpacked extension to load (Facetag: a copy of dist/chrome granted the local sites). */
  extension(): string;
  /** The engine host's offscreen document, relative to the extension root. */
  offscreenPath: string;
  /** The folder that is zipped for the packed size. */
  packageDir: string;
  /** false when the extension finds no face to enroll in the photo. */
  enroll(session: Session, url: string, name: string): Promise<boolean>;
  /**
   * Sends the data URLs through the extension's page-analysis message, one after another, until
   * they run out or the time is up; the end time of each, in ms. Each frame goes once: a repeated
   * one would come from a cache.
   */
  analyseFrames(session: Session, frames: readonly string[], durationMs: number, side?: number): Promise<number[]>;
}

const ROOT = resolve(import.meta.dirname, '..', '..');

/** An extension page of Facetag: the popup, opened in a tab, sends as the popup does. */
async function facetagPage(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${session.origin}/src/popup/popup.html`);
  return page;
}

export const FACETAG: Product = {
  id: 'facetag',
  labelPrefix: 'Facetag: ',
  extension: () => grantedCopy('chrome'),
  offscreenPath: 'src/offscreen/offscreen.html',
  packageDir: join(ROOT, 'dist', 'chrome'),
  async enroll(session, url, name) {
    // The real enroll message: analyse, thumbnail, store; face 0 of a one-face photo.
    const page = await facetagPage(session);
    try {
      const reply = await page.evaluate((payload) => chrome.runtime.sendMessage({ to: 'background', type: 'enroll', payload }), { url, face: 0, name });
      const r = reply as { ok?: boolean; error?: string };
      if (!r.ok && !/no face/.test(r.error ?? '')) throw new Error(`enrolling ${name} failed: ${JSON.stringify(reply)}`);
      return r.ok === true;
    } finally {
      await page.close();
    }
  },
  async analyseFrames(session, frames, durationMs, side = 512) {
    const page = await facetagPage(session);
    try {
      return await page.evaluate(async ({ frames, durationMs, side }) => {
        const done: number[] = [];
        const start = performance.now();
        for (let i = 0; i < frames.length && performance.now() - start < durationMs; i++) {
          // Video frames at a 512 px working size: one detector pass over the frame, no tiles.
          const reply = await chrome.runtime.sendMessage({ to: 'background', type: 'analyse', payload: { url: frames[i], side } });
          if (!(reply as { ok?: boolean }).ok) throw new Error(JSON.stringify(reply));
          done.push(performance.now() - start);
        }
        return done;
      }, { frames: [...frames], durationMs, side });
    } finally {
      await page.close();
    }
  },
};

/**
 * Facetag built with the test-only WebGPU switch (src/offscreen/build-flags.ts): WebGPU on any
 * adapter, SwiftShader included. Never shipped; here to time the WebGPU path itself.
 */
export const FACETAG_WEBGPU_FORCED: Product = {
  ...FACETAG,
  extension: () => grantedCopyAt(buildForcedWebGpuCopy(), join(mkdtempSync(join(tmpdir(), 'facetag-webgpu-')), 'extension')),
  packageDir: join(ROOT, 'dist', 'chrome-webgpu-test'),
};

/**
 * Another build of Facetag (e.g. dist/chrome of the commit before a change, `--baseline DIR`),
 * granted the same local sites: the A side of an A/B in one run on one machine.
 */
export function facetagBuiltAt(dir: string): Product {
  return { ...FACETAG, extension: () => grantedCopyAt(dir, join(mkdtempSync(join(tmpdir(), 'facetag-baseline-')), 'extension')), packageDir: dir };
}

type PeerHook = { peer: { enroll(url: string, name: string): Promise<string>; analyse(url: string): Promise<{ ok: boolean }> } };

export const FACEAPI_PEER: Product = {
  id: 'faceapi',
  labelPrefix: 'face-api peer: ',
  extension: () => join(ROOT, 'dist', 'peer-faceapi'),
  offscreenPath: 'offscreen.html',
  packageDir: join(ROOT, 'dist', 'peer-faceapi'),
  async enroll(session, url, name) {
    const sw = await session.worker();
    const said = await sw.evaluate(({ url, name }) => (globalThis as unknown as PeerHook).peer.enroll(url, name), { url, name });
    return said.startsWith('enrolled');
  },
  async analyseFrames(session, frames, durationMs) {
    const sw = await session.worker();
    return sw.evaluate(async ({ frames, durationMs }) => {
      const done: number[] = [];
      const start = performance.now();
      for (let i = 0; i < frames.length && performance.now() - start < durationMs; i++) {
        const reply = await (globalThis as unknown as PeerHook).peer.analyse(frames[i] as string);
        if (!reply.ok) throw new Error(JSON.stringify(reply));
        done.push(performance.now() - start);
      }
      return done;
    }, { frames: [...frames], durationMs });
  },
};
