/**
 * The popup's quiet note about videos Facetag cannot read on the current tab (cross-origin
 * without CORS, or DRM). The page itself shows nothing; this is the one place that says why a
 * video stays unlabelled. `?tab=<id>` shows another tab's note (the popup opened as a page).
 */
import { ext } from '../platform/ext.js';
import { unreadableNote, unreadableVideos } from '../shared/video-status.js';

async function shownTabId(): Promise<number | undefined> {
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(asked) && asked > 0) return asked;
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function renderVideoStatus(section: HTMLElement): Promise<void> {
  const tabId = await shownTabId();
  const note = tabId === undefined ? null : unreadableNote(unreadableVideos(await ext.storage.session.get(null), tabId));
  section.textContent = note ?? '';
  section.hidden = note === null;
}

const section = document.getElementById('video-status');
if (section) void renderVideoStatus(section);
