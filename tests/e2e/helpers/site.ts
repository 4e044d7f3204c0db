/**
 * The test web: two HTTP servers on 127.0.0.1. The first serves generated pages and the
 * shared face photos; the second serves the photos only and is addressed as `localhost`, a
 * different origin, for the cross-origin case. Photos are read from ../shared/faces at
 * request time and never copied into the repository.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { facesDir } from '../../helpers/faces-dir.js';

const TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.html': 'text/html; charset=utf-8' };

export interface Site {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** http://localhost:<port>: another origin serving the same photos. */
  otherOrigin: string;
  /** Publishes a page at /p/<name> and returns its URL. */
  page(name: string, html: string): string;
  photo(path: string, origin?: string): string;
  /** Publishes bytes a test made (kept in memory, never in the repository: a bad image, a recorded video) at /f/<name> on both origins and returns its URL on `origin`. */
  file(name: string, body: Uint8Array | string, type: string, origin?: string): string;
  close(): Promise<void>;
}

function serve(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function startSite(): Promise<Site> {
  const faces = facesDir();
  const pages = new Map<string, string>();
  const files = new Map<string, { body: Uint8Array | string; type: string }>();
  const handler: Parameters<typeof createServer>[1] = (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/p/') && pages.has(path.slice(3))) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      res.end(pages.get(path.slice(3)));
      return;
    }
    const made = path.startsWith('/f/') ? files.get(path.slice(3)) : undefined;
    if (made) {
      res.writeHead(200, { 'content-type': made.type, 'content-length': Buffer.byteLength(made.body), 'cache-control': 'max-age=3600' });
      res.end(made.body);
      return;
    }
    if (path.startsWith('/faces/')) {
      const file = normalize(join(faces, path.slice('/faces/'.length)));
      if (file.startsWith(faces) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
        createReadStream(file).pipe(res);
        return;
      }
    }
    res.writeHead(404).end('not found');
  };
  const a = await serve(handler);
  const b = await serve(handler);
  const origin = `http://127.0.0.1:${(a.address() as AddressInfo).port}`;
  const otherOrigin = `http://localhost:${(b.address() as AddressInfo).port}`;
  return {
    origin,
    otherOrigin,
    page(name, html) {
      pages.set(name, html);
      return `${origin}/p/${name}`;
    },
    photo: (path, at = origin) => `${at}/faces/${path}`,
    file(name, body, type, at = origin) {
      files.set(name, { body, type });
      return `${at}/f/${name}`;
    },
    close: async () => {
      await Promise.all([a, b].map((s) => new Promise((r) => s.close(r))));
    },
  };
}

/** A plain page of images; each entry is an <img> tag's attributes. */
export function imagePage(title: string, images: { src: string; alt: string; extra?: string }[], body = ''): string {
  const tags = images.map((i) => `<figure><img src="${i.src}" alt="${i.alt}" ${i.extra ?? ''}><figcaption>${i.alt}</figcaption></figure>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px sans-serif;margin:16px} figure{display:inline-block;margin:8px;vertical-align:top} img{width:200px;height:auto;display:block}</style></head>
<body><h1>${title}</h1>\n${tags}\n${body}</body></html>`;
}
