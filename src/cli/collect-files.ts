import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sniffFormat } from '../node/decode-image.js';

async function looksLikeImage(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    return sniffFormat(head.subarray(0, bytesRead)) !== undefined;
  } finally {
    await handle.close();
  }
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Follow symbolic links: a dataset folder is often links to photos kept elsewhere.
    const info = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : entry;
    if (info?.isDirectory()) found.push(...(await walk(path)));
    else if (info?.isFile() && (await looksLikeImage(path))) found.push(path);
  }
  return found;
}

/**
 * Files named on the command line are kept as given (a non-image gets its own error line);
 * directories are walked in name order and contribute only files whose bytes are an image.
 */
export async function collectImageFiles(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) out.push(...(await walk(arg)));
    else out.push(arg);
  }
  return out;
}
