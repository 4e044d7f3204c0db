/**
 * The host-access pattern of a web page's site: what "On for this site" grants, and what the
 * background checks before it warms the engine for a loading page. No port: browsers' match
 * patterns have none. Null for pages no content script can run on (extension pages, about:,
 * files, data: URLs).
 */
export function sitePattern(pageUrl: string | undefined): string | null {
  if (!pageUrl) return null;
  try {
    const u = new URL(pageUrl);
    return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.protocol}//${u.hostname}/*` : null;
  } catch {
    return null;
  }
}
