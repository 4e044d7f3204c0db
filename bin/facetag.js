#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so `npx facetag` works straight from a clone.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { argsForThisProcess } = await import('../src/cli/short-command-line.ts');
const args = await argsForThisProcess(fileURLToPath(import.meta.url), process.argv.slice(2));
if (args) {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(args);
}
