/**
 * Default open-set decision for the default pipeline (dlib-resnet, 68-landmark dlib chip,
 * mirrored average). Calibrated with `facetag eval` on ../shared/faces so that at most 1% of
 * unknown faces get a name; see docs/BENCHMARKS.md for the measurement.
 */
export const DEFAULT_MATCH_THRESHOLD = 0.9;
/** A name must beat the runner-up by this much, or the face stays unknown. */
export const DEFAULT_MATCH_MARGIN = 0.02;
