/**
 * Open-set calibration of a scan (src/eval/calibrate.ts), and the same leave-one-out trials at the shipped
 * default (src/engine/match/defaults.ts), so that the default can be checked against a fresh scan.
 */

import { DEFAULT_MATCH_MARGIN, DEFAULT_MATCH_THRESHOLD } from '../../src/engine/match/defaults.js';
import { calibrateOpenSet, openSetAt, type Calibration, type OpenSetAt } from '../../src/eval/calibrate.js';

export { openSetAt, type OpenSetAt };
import type { EvalSample } from '../../src/eval/metrics.js';

/** The rate of strangers allowed a name when calibrating, as for the shipped default. */
export const MAX_UNKNOWN_NAMED = 0.01;

export interface OpenSetReport {
  calibration: Calibration;
  atDefault: OpenSetAt;
}

export function openSetReport(samples: readonly EvalSample[]): OpenSetReport {
  return {
    calibration: calibrateOpenSet(samples, MAX_UNKNOWN_NAMED, DEFAULT_MATCH_MARGIN),
    atDefault: openSetAt(samples, DEFAULT_MATCH_THRESHOLD, DEFAULT_MATCH_MARGIN),
  };
}
