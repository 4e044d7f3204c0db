/**
 * The host-access pattern of a web page's site: what "On for this site" grants, and what the
 * background checks before it warms the engine for a loading page. Null for pages no content
 * script can run on (extension pages, about:, files, data: URLs).
 *
 * In Chrome a page on a port other than the scheme's default gets a pattern of that port only:
 * without one, turning on `localhost:3000` turned on every local service (issue 14, finding 10).
 * Firefox's match patterns cannot hold a port, so there a site means its host on every port.
 */
const PORTS_IN_PATTERNS = import.meta.env.VITE_FACETAG_PORTS_IN_PATTERNS !== 'no';

export function sitePattern(pageUrl: string | undefined, withPort = PORTS_IN_PATTERNS): string | null {
  if (!pageUrl) return null;
  try {
    const u = new URL(pageUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    // URL leaves the default port out of `host`, so `host` names a port only when it is another.
    return `${u.protocol}//${withPort ? u.host : u.hostname}/*`;
  } catch {
    return null;
  }
}

/** Every pattern that grants a site: its own, and the host on any port that a broader grant holds. */
export function patternsGranting(pattern: string): string[] {
  const u = new URL(pattern.replace('/*', '/'));
  const anyPort = `${u.protocol}//${u.hostname}/*`;
  return anyPort === pattern ? [pattern] : [pattern, anyPort];
}
