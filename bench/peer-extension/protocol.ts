/** Messages of the benchmark's face-api.js peer extension; the same shapes as Facetag's where they overlap. */

/** A face as the engine reports it: box in the decoded image's pixels. */
export interface PeerEngineFace {
  box: [number, number, number, number];
  descriptor: number[];
}

export interface PeerEngineAnalysis {
  width: number;
  height: number;
  ms: number;
  faces: PeerEngineFace[];
}

/** A face as the page gets it: box in fractions of the image, a name when recognised. */
export interface PeerPageFace {
  box: [number, number, number, number];
  name: string | null;
}

export type PeerReply<T> = { ok: true; value: T } | { ok: false; error: string };

export interface PeerMessage {
  to: 'peer-engine' | 'peer-background';
  type: 'analyse';
  url: string;
}

/** face-api.js's own recommended distance threshold for its 128-D descriptor. */
export const MATCH_DISTANCE = 0.6;
