/**
 * What the quality score (quality.ts) decides. Below ENROLL_WARN_QUALITY an enrollment asks
 * for confirmation, because a poor reference makes every later match worse. Below
 * HOPELESS_QUALITY a face is not named at all: at that size or blur the descriptor is noise,
 * and a wrong name is worse than none.
 */
export const ENROLL_WARN_QUALITY = 0.5;
export const HOPELESS_QUALITY = 0.15;

export function isHopeless(quality: number): boolean {
  return quality < HOPELESS_QUALITY;
}

export function enrollmentWarning(quality: number, issues: readonly string[]): string | null {
  if (quality >= ENROLL_WARN_QUALITY) return null;
  return `low-quality face (${quality.toFixed(2)}): ${issues.length ? issues.join(', ') : 'poor detail'}`;
}
