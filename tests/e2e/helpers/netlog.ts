/**
 * Chromium's own record of every request its network stack makes (--log-net-log), read while
 * the browser runs. A request started by the extension's own contexts (service worker,
 * offscreen document, popup, the name prompt's frame) carries the extension's origin as its
 * initiator; reads of the extension's own files never reach the network stack. Content
 * scripts fetch nothing (the bundle audit finds no network call in them), so this is every
 * request Facetag makes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LoggedRequest {
  url: string;
  method: string;
  initiator: string;
}

/** The requests in every net log under `dir` (one per browser start) whose initiator passes `from`. */
export function loggedRequests(dir: string, from: (initiator: string) => boolean): LoggedRequest[] {
  if (!existsSync(dir)) return [];
  const found: LoggedRequest[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    // One event per line; the file of a running browser has no closing brackets yet.
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.includes('"initiator"')) continue;
      const event = JSON.parse(line.replace(/,\s*$/, '')) as { params?: Partial<LoggedRequest> };
      const { url, method, initiator } = event.params ?? {};
      if (url && method && initiator && from(initiator)) found.push({ url, method, initiator });
    }
  }
  return found;
}
