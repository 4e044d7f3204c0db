/** Human configurations measured against facetag: its default face pipeline and faster cut-downs. */

import type { Config } from '@vladmandic/human';

export const PRESET_NAMES = ['default', 'no-iris', 'no-mesh', 'front'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(s: string): s is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(s);
}

/**
 * Applies a preset to a Human config in place.
 * All presets: maxDetected 50 (the default 1 would miss group members), and the non-face modules (body, hand,
 * gesture) plus emotion are off, because none of them feeds detection or the embedding.
 * - default: BlazeFace (256 px) + FaceMesh + iris + FaceRes description, Human's default face pipeline.
 * - no-iris: without the iris model (it only refines eye points).
 * - no-mesh: detector + description only; FaceRes then sees the detector's crop, unaligned by the mesh.
 * - front: as no-mesh with the 128 px front-camera BlazeFace.
 */
export function applyPreset(config: Config, preset: PresetName): void {
  config.body.enabled = false;
  config.hand.enabled = false;
  config.gesture.enabled = false;
  // Human's typings make every face section optional, though its defaults fill them all in.
  const { detector, mesh, iris, emotion } = config.face;
  if (!detector || !mesh || !iris || !emotion) throw new Error('Human config lacks its face defaults');
  emotion.enabled = false;
  detector.maxDetected = 50;
  if (preset === 'default') return;
  iris.enabled = false;
  if (preset === 'no-iris') return;
  mesh.enabled = false;
  if (preset === 'front') detector.modelPath = 'blazeface-front.json';
}
