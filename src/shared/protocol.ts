/**
 * The one message protocol between the extension's contexts: every message name maps to a
 * request schema (zod, so the receiver validates what it gets) and a response type. Every
 * handler answers with a Result, so a caller always learns why something failed.
 *
 * `to` says which context must answer: Chrome delivers runtime messages to every extension
 * page, so the offscreen engine and the background must each ignore the other's messages.
 */
import { z } from 'zod';

// Extension pages forbid eval (CSP), so zod must not try its Function-compiled fast path.
z.config({ jitless: true });

/** A page URL is short; a data URL carries a downscaled canvas copy (≤1024 px JPEG, well under this). */
const MAX_URL = 8192;
export const MAX_DATA_URL = 4_000_000;
const url = z.string().min(1).max(MAX_DATA_URL).refine(
  (u) => (/^https?:/.test(u) && u.length <= MAX_URL) || /^data:image\//.test(u),
  `must be an http(s) URL of at most ${MAX_URL} characters or a data:image URL`,
);
const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** A face as a page sees it: box in fractions of the image (0..1), name only if recognised. */
export interface PageFace {
  box: [number, number, number, number];
  name: string | null;
  quality: number;
}

export interface PageAnalysis {
  faces: PageFace[];
  /** Engine time for this image in ms; 0 when it came from the cache. */
  ms: number;
}

/** A face as the engine returns it: box in the decoded image's pixels, embedding as plain numbers for JSON. */
export interface EngineFace {
  box: [number, number, number, number];
  score: number;
  quality: number;
  embedding: number[];
}

export interface EngineAnalysis {
  width: number;
  height: number;
  faces: EngineFace[];
  ms: number;
  backend: string;
}

export interface PersonSummary {
  id: string;
  name: string;
  references: number;
  thumbnail: string | null;
}

export interface Settings {
  showUnknown: boolean;
}

/** The name prompt's answer (null: cancelled), for the content script holding the prompt's one-off token. */
const promptAnswer = z.object({ token: z.string().uuid(), name: z.string().trim().min(1).max(200).nullable() });

/** Messages the background answers: from content scripts and the popup, so all are validated. */
export const backgroundRequests = {
  analyse: z.object({ url }),
  enroll: z.object({ url, face: z.number().int().min(0).max(1000), name: z.string().trim().min(1).max(200) }),
  names: z.object({}),
  people: z.object({}),
  deletePerson: z.object({ id: z.string().min(1).max(128) }),
  getSettings: z.object({}),
  setSettings: z.object({ showUnknown: z.boolean() }),
  /** From the name prompt's frame (an extension page): its answer, passed on to the content scripts of its tab. */
  promptDone: promptAnswer,
};

export interface BackgroundResponses {
  analyse: PageAnalysis;
  enroll: { personId: string; name: string };
  names: string[];
  people: PersonSummary[];
  deletePerson: null;
  getSettings: Settings;
  setSettings: Settings;
  promptDone: null;
}

/** Messages the engine host answers; only the background sends them. */
export const engineRequests = {
  'engine.analyse': z.object({ url }),
  'engine.thumbnail': z.object({ url, box }),
};

export interface EngineResponses {
  'engine.analyse': EngineAnalysis;
  'engine.thumbnail': { dataUrl: string };
}

/** Messages a content script answers; only the background sends them. */
export const contentRequests = {
  enrollStart: z.object({ srcUrl: z.string().max(8192) }),
  refresh: z.object({}),
  promptDone: promptAnswer,
};

export interface ContentResponses {
  enrollStart: null;
  refresh: null;
  promptDone: null;
}

export type BackgroundName = keyof typeof backgroundRequests;
export type EngineName = keyof typeof engineRequests;
export type ContentName = keyof typeof contentRequests;

export type RequestOf<S extends Record<string, z.ZodType>, N extends keyof S> = z.infer<S[N]>;

/** The envelope every runtime/tab message travels in. */
export interface Envelope {
  to: 'background' | 'engine' | 'content';
  type: string;
  payload: unknown;
}

export const envelopeSchema = z.object({ to: z.enum(['background', 'engine', 'content']), type: z.string().max(64), payload: z.unknown() });
