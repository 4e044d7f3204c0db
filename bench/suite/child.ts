/**
 * Runs one benchmark tool as a child Node process with stdout going straight to a file. Every tool runs in a
 * fresh process so that no tool's JIT, thread pool or WASM heap affects another's timings.
 */

import { spawn } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A child that exited non-zero or was killed; its message carries the command and the whole stderr. */
export class ChildFailed extends Error {
  override name = 'ChildFailed';
}

/**
 * Runs `node <args>` in the repository root, stdout to `stdoutFile`, stderr kept in `<stdoutFile>.err` (the
 * peers' libraries log there). Resolves with the process's wall time in ms, or rejects with ChildFailed.
 */
export async function runNodeToFile(label: string, args: readonly string[], stdoutFile: string): Promise<number> {
  const out = openSync(stdoutFile, 'w');
  const stderr: Buffer[] = [];
  const start = performance.now();
  let status: string;
  try {
    status = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', out, 'pipe'] });
      child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve(signal ? `killed by ${signal}` : code === 0 ? 'ok' : `exit ${code}`));
    });
  } finally {
    closeSync(out);
  }
  const wallMs = performance.now() - start;
  const errText = Buffer.concat(stderr).toString('utf8');
  writeFileSync(`${stdoutFile}.err`, errText);
  if (status !== 'ok') {
    throw new ChildFailed(`${label} failed (${status}): node ${args.join(' ')}\n--- ${label} stderr ---\n${errText || '(empty)'}`);
  }
  return wallMs;
}
