/**
 * `npm run bench:browser`: Facetag and a face-api.js peer extension, each in headless Chromium
 * on the same local pages built from ../shared/faces, in one run on one machine. Writes
 * artifacts/bench-browser/report.{md,json} and prints the markdown.
 *
 *   npm run bench:browser                       everything (about 15 minutes on 2 busy cores)
 *   npm run bench:browser -- --quick            cold start, gallery and video only
 *   npm run bench:browser -- --only facetag     configurations by name (comma-separated)
 *   npm run bench:browser -- --paired           only the paired per-image comparison (both extensions open at once)
 *   npm run bench:browser -- --webgpu           also Facetag with a WebGPU adapter (SwiftShader here): the shipped build
 *                                               (which counts it as no GPU) and the test-switch build forced onto it
 *   npm run bench:browser -- --memory-only      only the memory run, Facetag and the peer (no paired run)
 *   npm run bench:browser -- --memory-images N  images of the memory run (default 500; the peer 200 in a full run)
 *   npm run bench:browser -- --baseline DIR     also another Facetag build (dist/chrome of an earlier commit), run
 *                                               before and after this build's own run (A B A) on the image pages
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSite } from '../../tests/e2e/helpers/site.js';
import { facesDir } from '../../tests/helpers/faces-dir.js';
import { machineAtStart, machineMarkdown, loadAverage } from '../suite/machine.js';
import { CHROMIUM } from '../../tests/e2e/helpers/chromium.js';
import { FACEAPI_PEER, FACETAG, FACETAG_WEBGPU_FORCED, facetagBuiltAt, type Product } from './products.js';
import { browserMarkdown, type BrowserReport } from './report.js';
import { runConfig, type Config, type ConfigResult, type Scenario } from './scenarios.js';
import { WEBGPU_ARGS } from './session.js';
import { pairedRun, type PairedResult } from './paired.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'artifacts', 'bench-browser');
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Options {
  quick: boolean;
  webgpu: boolean;
  memoryOnly: boolean;
  memoryImages: number | undefined;
  /** dist/chrome of another commit, for the A/B. */
  baseline: string | undefined;
}

function configs({ quick, webgpu, memoryOnly, memoryImages, baseline }: Options): Config[] {
  if (memoryOnly) {
    const memory = new Set<Scenario>(['memory']);
    return [
      { name: 'facetag', product: FACETAG, scenarios: memory, memoryImages },
      { name: 'faceapi-peer', product: FACEAPI_PEER, scenarios: memory, memoryImages },
    ];
  }
  const every = new Set<Scenario>(quick ? ['cold', 'gallery', 'video'] : ['cold', 'gallery', 'groups', 'article', 'scroll', 'video', 'memory']);
  // The earlier build on the pages whose images the engine analyses, once before and once after this build's run.
  const before = (name: string): Config[] => (baseline ? [{ name, product: facetagBuiltAt(baseline), scenarios: new Set<Scenario>(['cold', 'gallery', 'groups', 'article']) }] : []);
  return [
    ...before('facetag-before'),
    { name: 'facetag', product: FACETAG, scenarios: every, memoryImages },
    ...before('facetag-before-2'),
    // The peer takes several times as long per image: in a full run its memory run stops at 200 images.
    { name: 'faceapi-peer', product: FACEAPI_PEER, scenarios: every, memoryImages: memoryImages ?? 200 },
    // ORT takes both cores of a 2-core machine (src/offscreen/wasm-threads.ts); with one core reported, one thread.
    { name: 'facetag-1thread', product: FACETAG, cores: 1, scenarios: new Set<Scenario>(quick ? ['gallery'] : ['gallery', 'video']) },
    // SwiftShader (a CPU rasteriser) offers WebGPU here. The shipped build counts it as no GPU and
    // runs WASM (its cold start must not grow for the adapter's presence); the test-switch build
    // is forced onto it, to time the WebGPU path itself (cold start only: 20-50 s per full-size
    // photo on SwiftShader): reported, not targeted, only when asked for.
    ...(webgpu
      ? [
          { name: 'facetag-swiftshader', product: FACETAG, args: WEBGPU_ARGS, scenarios: new Set<Scenario>(['cold', 'gallery']) },
          { name: 'facetag-webgpu-forced', product: FACETAG_WEBGPU_FORCED, args: WEBGPU_ARGS, scenarios: new Set<Scenario>(['cold']) },
        ]
      : []),
  ];
}

function zipMb(dir: string): number {
  const zip = join(mkdtempSync(join(tmpdir(), 'facetag-zip-')), 'package.zip');
  execFileSync('zip', ['-r', '-9', '-q', zip, '.'], { cwd: dir });
  return statSync(zip).size / 2 ** 20;
}

function build(): void {
  log('building Facetag (dist/chrome) and the peer (dist/peer-faceapi)…');
  execFileSync('npm', ['run', 'models'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FACETAG_BROWSER: 'chrome' } });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '-c', 'bench/peer-extension/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const onlyAt = argv.indexOf('--only');
  const imagesAt = argv.indexOf('--memory-images');
  const memoryOnly = argv.includes('--memory-only');
  const memoryImages = imagesAt >= 0 ? Number(argv[imagesAt + 1]) : undefined;
  const baselineAt = argv.indexOf('--baseline');
  const baseline = baselineAt >= 0 ? resolve(argv[baselineAt + 1] ?? '') : undefined;
  if (baseline !== undefined && !existsSync(join(baseline, 'manifest.json'))) throw new Error(`--baseline ${baseline}: no built extension (manifest.json) there`);
  if (memoryImages !== undefined && !(memoryImages >= 100 && memoryImages % 100 === 0)) throw new Error('--memory-images takes a multiple of 100');
  const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : null;
  if (!argv.includes('--no-build')) build();
  const faces = facesDir();
  const machine = machineAtStart();
  const site = await startSite();
  const results: ConfigResult[] = [];
  const pairedOnly = argv.includes('--paired');
  let paired: PairedResult | undefined;
  try {
    for (const config of configs({ quick, webgpu: argv.includes('--webgpu'), memoryOnly, memoryImages, baseline }).filter((c) => !pairedOnly && (!only || only.has(c.name)))) {
      try {
        results.push(await runConfig(config, site, faces, log));
      } catch (error) {
        log(`${config.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
    if (pairedOnly || (!only && !memoryOnly)) paired = await pairedRun(site, faces, log);
  } finally {
    await site.close();
  }
  machine.loadEnd = loadAverage();
  machine.finishedAt = new Date().toISOString();
  const packedMb: Record<string, number> = {};
  for (const p of [FACETAG, FACEAPI_PEER] as Product[]) packedMb[p.id] = zipMb(p.packageDir);
  const report: BrowserReport = {
    machine: machineMarkdown(machine),
    chromium: execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    command: `npm run bench:browser${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    packedMb,
    configs: results,
    paired,
  };
  mkdirSync(OUT, { recursive: true });
  const md = browserMarkdown(report);
  const name = pairedOnly ? 'paired' : memoryOnly ? 'memory' : 'report';
  writeFileSync(join(OUT, `${name}.md`), `${md}\n`);
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify(report, null, 2));
  process.stdout.write(`${md}\n`);
}

main().catch((error: unknown) => {
  log(`bench:browser: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
