/**
 * Accuracy of face tools on the shared labelled face set, from their `scan --jsonl` output.
 *
 *   npx tsx bench/accuracy.ts --facetag a.jsonl --faceapi b.jsonl --human c.jsonl [--json]
 *
 * Each `--<label> <file>` adds a column named <label>. JSONL `file` paths may be absolute or relative to the
 * faces folder (FACETAG_FACES). Prints a markdown table, or with --json the numbers behind it.
 */

import { readFileSync } from 'node:fs';
import { evaluateTool } from './lib/accuracy-eval.js';
import { accuracyMarkdown } from './lib/accuracy-table.js';
import { loadFacesData } from './lib/faces-data.js';
import { parseScanJsonl } from './lib/scan-jsonl.js';

function parseArgs(argv: readonly string[]): { tools: [string, string][]; json: boolean } {
  const tools: [string, string][] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') json = true;
    else if (a.startsWith('--') && argv[i + 1] !== undefined) tools.push([a.slice(2), argv[++i] as string]);
    else throw new Error(`unexpected argument ${a}; usage: --<tool> <file.jsonl> ... [--json]`);
  }
  if (tools.length === 0) throw new Error('usage: bench/accuracy.ts --<tool> <file.jsonl> ... [--json]');
  return { tools, json };
}

/** JSON has no Infinity or NaN; spell them out rather than letting them become null. */
function finiteOrText(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

const { tools, json } = parseArgs(process.argv.slice(2));
const data = loadFacesData();
const results = tools.map(([tool, file]) => evaluateTool(tool, parseScanJsonl(readFileSync(file, 'utf8'), file), data));
process.stdout.write(json ? `${JSON.stringify(results, finiteOrText, 2)}\n` : `${accuracyMarkdown(results)}\n`);
