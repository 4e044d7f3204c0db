/**
 * "On for this site": Facetag is on wherever it holds host access, so the switch requests or
 * removes the optional host permission for the current tab's site.
 */
import { ext } from '../platform/ext.js';
import { patternsGranting, sitePattern } from '../shared/site-pattern.js';

/**
 * The site of the tab the popup was opened over. Opened as a tab itself (tests, or a user who
 * pins it), the popup is told which tab is meant with `?tab=<id>`.
 */
export async function currentSite(search = location.search): Promise<string | null> {
  const tabId = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(tabId) && tabId > 0) return sitePattern((await ext.tabs.get(tabId).catch(() => undefined))?.url);
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return sitePattern(tab?.url);
}

export const isOn = (pattern: string) => ext.permissions.contains({ origins: [pattern] });

/** Must run inside the click handler: permissions.request needs the user's gesture. */
export const turnOn = (pattern: string) => ext.permissions.request({ origins: [pattern] });

/** Off means off: a grant of the host on any port (an earlier version's, or Firefox's) goes too. */
export const turnOff = (pattern: string) => ext.permissions.remove({ origins: patternsGranting(pattern) });
