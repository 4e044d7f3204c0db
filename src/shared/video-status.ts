/**
 * What a tab's videos did, kept in storage.session by the background (the service worker keeps
 * no state of its own) and read by the popup: which videos could not be read, and how many
 * frames were analysed at what engine cost. Cleared when the tab navigates or closes.
 */
export type UnreadableReason = 'cross-origin' | 'protected';

export interface VideoStats {
  frames: number;
  /** Sum of the engine's own time over those frames. */
  engineMs: number;
  /** Sum of the background's time per frame: the engine's, plus decoding, messaging to the engine host and naming. */
  handlerMs: number;
}

const UNREADABLE = 'video-unreadable:';
export const tabPrefixes = (tabId: number) => [`${UNREADABLE}${tabId}:`, statsKey(tabId)];
export const unreadableKey = (tabId: number, frameId: number, video: number) => `${UNREADABLE}${tabId}:${frameId}:${video}`;
export const statsKey = (tabId: number) => `video-stats:${tabId}`;

/** The reasons of a tab's unreadable videos, one per video, from everything in storage.session. */
export function unreadableVideos(stored: Record<string, unknown>, tabId: number): UnreadableReason[] {
  const prefix = `${UNREADABLE}${tabId}:`;
  return Object.entries(stored)
    .filter(([key, reason]) => key.startsWith(prefix) && (reason === 'cross-origin' || reason === 'protected'))
    .map(([, reason]) => reason as UnreadableReason);
}

/** The popup's quiet line; null when every video could be read. */
export function unreadableNote(reasons: UnreadableReason[]): string | null {
  const n = reasons.length;
  if (n === 0) return null;
  const subject = n === 1 ? "1 video on this page can't" : `${n} videos on this page can't`;
  const why = reasons.every((r) => r === 'cross-origin') ? 'served by another site without permission to read it'
    : reasons.every((r) => r === 'protected') ? 'protected (DRM)'
      : 'protected (DRM) or served by another site without permission';
  return `${subject} be read: ${why}.`;
}
