/**
 * The browsers under test send every request through this proxy (loopback included), so the
 * test sees all traffic of every context, the extension's service worker, offscreen document
 * and background page among them. Requests to the test servers are forwarded; anything else
 * is recorded and refused, so nothing can leave the machine even if a check fails.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GuardProxy {
  port: number;
  /** Every request seen, as absolute URLs (CONNECT as host:port). */
  seen: string[];
  /** Requests to anywhere but the test servers. */
  refused: string[];
  close(): Promise<void>;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

export async function startGuardProxy(allowedPorts: number[]): Promise<GuardProxy> {
  const seen: string[] = [];
  const refused: string[] = [];
  const allowed = (host: string, port: number) => LOCAL_HOSTS.has(host) && allowedPorts.includes(port);
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    seen.push(url);
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      refused.push(url);
      res.writeHead(400).end();
      return;
    }
    if (target.protocol !== 'http:' || !allowed(target.hostname, Number(target.port || 80))) {
      refused.push(url);
      res.writeHead(403).end('refused by the e2e guard proxy');
      return;
    }
    const upstream = request({ host: '127.0.0.1', port: Number(target.port), path: target.pathname + target.search, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url ?? ''}`);
    refused.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    refused,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
