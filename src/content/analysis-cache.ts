/**
 * The content script's analyses by image URL: identical images on a page are sent once, and
 * enrollment asks for the working size an image was first analysed at. Bounded, as a long page
 * or an endless feed would otherwise keep every URL it ever showed (issue 14, finding 10); a
 * failed analysis is forgotten, so the next look at the image asks again instead of keeping the
 * failure for the life of the page (finding 5).
 */
import type { Result } from '../shared/result.js';

/** URLs kept: several screens of a gallery; the engine host keeps its own cache of results. */
export const ANALYSES_KEPT = 500;

export interface AnalysisCache<T> {
  analyse(url: string, side: number): Promise<Result<T>>;
  /** The working size `url` was first analysed at, while it is kept. */
  sideOf(url: string): number | undefined;
  clear(): void;
}

export function createAnalysisCache<T>(request: (url: string, side: number) => Promise<Result<T>>, kept = ANALYSES_KEPT): AnalysisCache<T> {
  const entries = new Map<string, { side: number; result: Promise<Result<T>> }>();
  return {
    analyse(url, side) {
      const hit = entries.get(url);
      if (hit) {
        // Most recently used last: the oldest entry is the first to go.
        entries.delete(url);
        entries.set(url, hit);
        return hit.result;
      }
      const entry = { side, result: request(url, side) };
      entries.set(url, entry);
      void entry.result.then((r) => {
        if (!r.ok && entries.get(url) === entry) entries.delete(url);
      });
      if (entries.size > kept) entries.delete(entries.keys().next().value as string);
      return entry.result;
    },
    sideOf: (url) => entries.get(url)?.side,
    clear: () => entries.clear(),
  };
}
