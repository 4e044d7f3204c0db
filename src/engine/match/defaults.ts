/**
 * Default open-set decision for the default pipeline (dlib-resnet on the 68-landmark dlib chip).
 * Calibrated on ../shared/faces with src/eval/calibrate.ts (`npx tsx bench/calibrate.ts`):
 * every photo is tried leave-one-out as a stranger against everyone else; at 0.921, 0.9% (2) of
 * 215 strangers get a name (at most 1% is the target) while 99.5% of 198 known photos get their
 * own name. docs/BENCHMARKS.md has the command and the numbers.
 */
export const DEFAULT_MATCH_THRESHOLD = 0.921;
/** A name must beat the runner-up by this much, or the face stays unknown. */
export const DEFAULT_MATCH_MARGIN = 0.01;
