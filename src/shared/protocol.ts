/**
 * The one message protocol between the extension's contexts: every message name maps to a
 * request schema (zod, so the receiver validates what it gets) and a response type. Every
 * handler answers with a Result, so a caller always learns why something failed.
 *
 * `to` says which context must answer: Chrome delivers runtime messages to every extension
 * page, so the offscreen engine and the background must each ignore the other's messages.
 */
import { personNameSchema } from './person-name.js';
import { z } from 'zod';

// Extension pages forbid eval (CSP), so zod must not try its Function-compiled fast path.
z.config({ jitless: true });

/** A page URL is short; a data URL carries a downscaled canvas copy (≤1024 px JPEG, well under this). */
const MAX_URL = 8192;
export const MAX_DATA_URL = 4_000_000;

/**
 * The field schemas the background's and the engine's messages share. Built inside the maps that
 * use them, not at module level: a content script imports this module for its own few messages,
 * and every page evaluates it. Building every schema there (zod builds each schema's objects
 * eagerly) was a quarter to a third of its start-up CPU: 33–45 ms before, 25–30 ms after
 * (Chromium, 2026-12-06); the unused maps are now dropped from its bundle (`@__PURE__`).
 */
function fields() {
  const url = z.string().min(1).max(MAX_DATA_URL).refine(
    (u) => (/^https?:/.test(u) && u.length <= MAX_URL) || /^data:image\//.test(u),
    `must be an http(s) URL of at most ${MAX_URL} characters or a data:image URL`,
  );
  const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);
  /** Longest side, in pixels, of the copy the engine analyses (src/content/working-side.ts); absent: the host's maximum. */
  const side = z.number().int().min(16).max(4096).optional();
  /** A video frame: a downscaled JPEG or WebP copy grabbed by the content script, analysed without caching. */
  const frameDataUrl = z.string().max(MAX_DATA_URL).regex(/^data:image\/(jpeg|webp);base64,/, 'must be a base64 data:image/jpeg or data:image/webp URL');
  /**
   * How much of the pipeline a video frame gets. 'identify': all of it, faces named. 'track': one
   * detector pass (src/engine/locate-faces.ts), boxes only, for frames whose faces the content
   * script already follows under decided names; about ten times cheaper.
   */
  const frameMode = z.enum(['identify', 'track']);
  const id = z.string().min(1).max(128);
  const faceIndex = z.number().int().min(0).max(1000);
  const personName = personNameSchema;
  return { url, box, side, frameDataUrl, frameMode, id, faceIndex, personName };
}
export type FrameMode = z.infer<ReturnType<typeof fields>['frameMode']>;

/** A face as a page sees it: box in fractions of the image (0..1), name only if recognised (never in a 'track' frame). */
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

/**
 * A face as the engine returns it: box in the decoded image's pixels, embedding as plain numbers
 * for JSON. A frame analysed in 'track' mode gives only boxes and scores: no embedding, quality 0.
 */
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
  /** ISO time a page last showed this person's name, or null. */
  lastSeenAt: string | null;
}

export interface ReferenceSummary {
  id: string;
  thumbnail: string;
  quality: number;
  source: string;
  addedAt: string;
}

/** Whether the engine can run: its model files are present and intact. */
export interface EngineStatus {
  ready: boolean;
  /** What is wrong, in words for the user; null when ready. */
  problem: string | null;
  /** Which backend runs the models and why, for the popup: "WebGPU (2.1× faster than WASM here)", "WASM (no GPU)". */
  backend: string;
}

/** The embedding of the face a reference thumbnail is centred on; null when it has no usable face. */
export interface ThumbnailEmbedding {
  embedding: number[] | null;
}

/** A photo for enrollment from a folder: how many faces it has, and the one face when there is exactly one. */
export interface EnrollableImage {
  faces: number;
  face: { embedding: number[]; quality: number; warning: string | null; thumbnail: string } | null;
}

export interface Settings {
  showUnknown: boolean;
  /** Global on/off: when false, pages show no labels and send no work. */
  enabled: boolean;
  /** 1 (loosest) .. 5 (strictest); see src/engine/match/sensitivity.ts. */
  sensitivity: number;
}

/** The name prompt's answer (null: cancelled), for the content script holding the prompt's one-off token. */
const promptAnswer = z.object({ token: z.string().uuid(), name: personNameSchema.nullable() });

/** Messages the background answers: from content scripts and the popup, so all are validated. */
export const backgroundRequests = /* @__PURE__ */ (() => {
  const { url, side, frameDataUrl, frameMode, id, faceIndex, personName } = fields();
  return {
    analyse: z.object({ url, side }),
    enroll: z.object({ url, side, face: faceIndex, name: personName }),
    names: z.object({}),
    people: z.object({}),
    deletePerson: z.object({ id }),
    getSettings: z.object({}),
    setSettings: z.object({ showUnknown: z.boolean().optional(), enabled: z.boolean().optional(), sensitivity: z.number().int().min(1).max(5).optional() }),
    renamePerson: z.object({ id, name: personName, merge: z.boolean().optional() }),
    undoDelete: z.object({ token: id }),
    references: z.object({ personId: id }),
    removeReference: z.object({ id }),
    addReferenceFrom: z.object({ personId: id, url, face: faceIndex }),
    mergePeople: z.object({ from: id, into: id }),
    splitReferences: z.object({ referenceIds: z.array(id).min(1).max(1000), name: personName }),
    /** From a page's label menu: only for faces of images the engine has analysed (see engine.analysed). */
    rejectFace: z.object({ url, side, face: faceIndex }),
    confirmFace: z.object({ url, side, face: faceIndex, name: personName }),
    /** Takes back a correction, by the token its answer carried (kept in storage.session, used once). */
    undoCorrection: z.object({ token: id }),
    /** The face being named, for the prompt to show: only of images the engine has analysed. */
    faceThumbnail: z.object({ url, side, face: faceIndex }),
    engineStatus: z.object({}),
    embedThumbnail: z.object({ url }),
    enrollImage: z.object({ url }),
    peopleChanged: z.object({}),
    analyseFrame: z.object({ dataUrl: frameDataUrl, mode: frameMode }),
    /** A video on the page that cannot be read; `video` numbers it within its frame of the page. */
    videoStatus: z.object({ video: z.number().int().min(0).max(1_000_000), state: z.enum(['cross-origin', 'protected']) }),
    /** From the name prompt's frame (an extension page): its answer, passed on to the content scripts of its tab. */
    promptDone: promptAnswer,
  };
})();

export interface BackgroundResponses {
  analyse: PageAnalysis;
  enroll: { personId: string; name: string };
  names: string[];
  people: PersonSummary[];
  /** The token undoDelete takes. */
  deletePerson: { undo: string };
  getSettings: Settings;
  setSettings: Settings;
  /** 'exists': nothing changed, someone already has that name; send again with merge to merge into them. */
  renamePerson: { kind: 'renamed' | 'exists' | 'merged'; id: string; name: string };
  undoDelete: { id: string; name: string };
  references: ReferenceSummary[];
  removeReference: null;
  addReferenceFrom: { references: number };
  mergePeople: { id: string; name: string; moved: number };
  splitReferences: { id: string; name: string; moved: number; joinedExisting: boolean };
  /** `undo`: the token undoCorrection takes. */
  rejectFace: { name: string; undo: string };
  confirmFace: { name: string; undo: string };
  undoCorrection: null;
  faceThumbnail: { dataUrl: string };
  engineStatus: EngineStatus;
  embedThumbnail: ThumbnailEmbedding;
  enrollImage: EnrollableImage;
  peopleChanged: null;
  analyseFrame: PageAnalysis;
  videoStatus: null;
  promptDone: null;
}

/** Messages the engine host answers; only the background sends them. */
export const engineRequests = /* @__PURE__ */ (() => {
  const { url, box, side, frameDataUrl, frameMode } = fields();
  /** The tab a page image is analysed for: each tab's images wait in a queue of their own (src/offscreen/fair-slots.ts); -1 for extension pages. */
  const tab = z.number().int().min(-1);
  return {
    'engine.analyse': z.object({ url, side, tab: tab.optional() }),
    /** A tab closed or left its page: its images still waiting are dropped. */
    'engine.dropTab': z.object({ tab }),
    'engine.thumbnail': z.object({ url, box, side }),
    /** The cached analysis of an image the engine has already analysed; an error for any other. */
    'engine.analysed': z.object({ url, side }),
    'engine.status': z.object({}),
    /** Load the models now: a page on a site where Facetag is on is loading (background/warm-engine.ts). */
    'engine.warm': z.object({}),
    'engine.embedThumbnail': z.object({ url }),
    'engine.enrollImage': z.object({ url }),
    'engine.analyseFrame': z.object({ dataUrl: frameDataUrl, mode: frameMode }),
  };
})();

export interface EngineResponses {
  'engine.analyse': EngineAnalysis;
  'engine.dropTab': { dropped: number };
  'engine.thumbnail': { dataUrl: string };
  'engine.analysed': EngineAnalysis;
  'engine.status': EngineStatus;
  'engine.warm': null;
  'engine.embedThumbnail': ThumbnailEmbedding;
  'engine.enrollImage': EnrollableImage;
  'engine.analyseFrame': EngineAnalysis;
}

/** Messages a content script answers; only the background sends them. */
export const contentRequests = {
  enrollStart: z.object({ srcUrl: z.string().max(8192) }),
  correctStart: z.object({}),
  refresh: z.object({}),
  promptDone: promptAnswer,
};

export interface ContentResponses {
  enrollStart: null;
  correctStart: null;
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
