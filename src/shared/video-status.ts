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

/**
 * A tab's unreadable videos, each under "<frame>:<video>", in one storage.session key per tab.
 * At most UNREADABLE_KEPT of them: a page can report a video a million times over, and one key
 * per video grew session storage without bound (issue 14, finding 10).
 */
export type UnreadableByVideo = Record<string, UnreadableReason>;
export const UNREADABLE_KEPT = 100;

export const unreadableKey = (tabId: number) => `video-unreadable:${tabId}`;
export const statsKey = (tabId: number) => `video-stats:${tabId}`;
/** Every key that describes a tab's page. */
export const tabKeys = (tabId: number) => [unreadableKey(tabId), statsKey(tabId)];

const isReason = (r: unknown): r is UnreadableReason => r === 'cross-origin' || r === 'protected';

/** The tab's record with one more video, or null when there is nothing to write (known already, or full). */
export function withUnreadable(stored: unknown, video: string, reason: UnreadableReason): UnreadableByVideo | null {
  const known: UnreadableByVideo = stored && typeof stored === 'object' ? { ...(stored as UnreadableByVideo) } : {};
  if (known[video] === reason || (!(video in known) && Object.keys(known).length >= UNREADABLE_KEPT)) return null;
  known[video] = reason;
  return known;
}

/** The reasons of a tab's unreadable videos, one per video, from everything in storage.session. */
export function unreadableVideos(stored: Record<string, unknown>, tabId: number): UnreadableReason[] {
  const record = stored[unreadableKey(tabId)];
  return record && typeof record === 'object' ? Object.values(record).filter(isReason) : [];
}

/** The popup's quiet line; null when every video could be read. */
export function unreadableNote(reasons: UnreadableReason[]): string | null {
  const n = reasons.length;
  if (n === 0) return null;
  const count = n >= UNREADABLE_KEPT ? `${UNREADABLE_KEPT} or more` : String(n);
  const subject = n === 1 ? "1 video on this page can't" : `${count} videos on this page can't`;
  const why = reasons.every((r) => r === 'cross-origin') ? 'served by another site without permission to read it'
    : reasons.every((r) => r === 'protected') ? 'protected (DRM)'
      : 'protected (DRM) or served by another site without permission';
  return `${subject} be read: ${why}.`;
}
