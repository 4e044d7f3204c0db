/**
 * The popup's sensitivity slider, in plain words. Each level is an offset from the calibrated
 * threshold: stricter means fewer wrong names but more faces left unnamed; looser names more
 * faces, and more strangers wrongly. Measured on ../shared/faces with
 * `npx tsx bench/calibrate.ts <scan> --at <threshold>` (leave-one-out, margin as shipped):
 *
 *   level  threshold  strangers named  known faces named correctly
 *   1      0.910      14.0%            100.0%
 *   2      0.916       4.2%             99.5%
 *   3      0.921       0.9%             99.5%   (the calibrated default)
 *   4      0.933       0.0%             98.5%
 *   5      0.950       0.0%             92.4%
 *
 * Strangers' scores crowd just below the default, so the loose side takes smaller steps.
 */
import { DEFAULT_MATCH_THRESHOLD } from './defaults.js';

export const SENSITIVITY_MIN = 1;
export const SENSITIVITY_MAX = 5;
/** The calibrated threshold. */
export const DEFAULT_SENSITIVITY = 3;
const OFFSETS = [-0.011, -0.005, 0, 0.012, 0.029];

const level = (value: number) => Math.min(SENSITIVITY_MAX, Math.max(SENSITIVITY_MIN, Math.round(value)));

export function thresholdFor(value: number): number {
  return DEFAULT_MATCH_THRESHOLD + (OFFSETS[level(value) - SENSITIVITY_MIN] as number);
}

const WORDS = [
  'Loosest: names nearly every known face, but about 1 stranger in 7 gets a wrong name.',
  'Looser: names a few more faces; about 1 stranger in 25 gets a wrong name.',
  'Balanced (recommended): at most 1 stranger in 100 gets a name.',
  'Stricter: fewer wrong names, more faces left unnamed.',
  'Strictest: almost never a wrong name; about 1 known face in 13 stays unnamed.',
];

export function describeSensitivity(value: number): string {
  return WORDS[level(value) - SENSITIVITY_MIN] as string;
}
