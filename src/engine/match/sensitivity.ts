/**
 * The popup's sensitivity slider, in plain words. Each step moves the match threshold by a
 * fixed amount around the calibrated default: stricter means fewer wrong names but more faces
 * left unnamed; looser names more faces, and more of them wrongly. The step is about the gap
 * between the calibrated threshold and the scores of a typical stranger's closest look-alike
 * (see docs/BENCHMARKS.md), so the loosest setting names noticeably more strangers.
 */
import { DEFAULT_MATCH_THRESHOLD } from './defaults.js';

export const SENSITIVITY_MIN = 1;
export const SENSITIVITY_MAX = 5;
/** The calibrated threshold. */
export const DEFAULT_SENSITIVITY = 3;
const STEP = 0.012;

export function thresholdFor(level: number): number {
  const clamped = Math.min(SENSITIVITY_MAX, Math.max(SENSITIVITY_MIN, Math.round(level)));
  return DEFAULT_MATCH_THRESHOLD + (clamped - DEFAULT_SENSITIVITY) * STEP;
}

const WORDS: Record<number, string> = {
  1: 'Loosest: names the most faces, and sometimes the wrong person.',
  2: 'Looser: names more faces; a wrong name now and then.',
  3: 'Balanced (recommended): about 1 stranger in 100 gets a name.',
  4: 'Stricter: fewer wrong names, more faces left unnamed.',
  5: 'Strictest: almost never a wrong name; many faces stay unnamed.',
};

export function describeSensitivity(level: number): string {
  return WORDS[Math.round(level)] ?? (WORDS[DEFAULT_SENSITIVITY] as string);
}
