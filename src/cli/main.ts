import { parseArgs } from 'node:util';
import { errorMessage } from '../shared/result.js';
import { collectImageFiles } from './collect-files.js';
import { loadNodeModels, type NodeModels } from '../node/engine-node.js';
import { scanFile, type ScanLine } from './commands/scan.js';
import { progressBar } from './progress.js';
import { logToStderr } from './stderr-log.js';
import { scanInPool, workerCount } from './scan-pool.js';
import { enroll } from './commands/enroll.js';
import { evalDataset } from './commands/eval.js';
import { identifyFiles } from './commands/identify.js';

const USAGE = `facetag — on-device face recognition

Usage:
  facetag scan <files|dirs...> [--jsonl]         find faces; one JSON line per image with --jsonl
                 [--workers N]                  worker threads (default: one per core)
  facetag enroll <dir> -o people.json            build an identity pack from a folder per person
  facetag identify <people.json> <files...>      name the faces in photos
  (enroll and identify take --passphrase P to write or read a passphrase-protected pack)
  facetag eval <dir>                             accuracy on a folder-per-person dataset
`;

function writeLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function scan(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { jsonl: { type: 'boolean', default: false }, workers: { type: 'string' } } });
  if (positionals.length === 0) throw new Error('scan needs at least one file or directory');
  const asked = values.workers === undefined ? undefined : Number(values.workers);
  if (asked !== undefined && !(Number.isInteger(asked) && asked >= 1)) throw new Error(`--workers must be a whole number of at least 1, not "${values.workers}"`);
  const files = await collectImageFiles(positionals);
  const workers = workerCount(files.length, asked);
  const bar = progressBar(files.length, 'scan');
  let readable = 0;
  const write = (line: ScanLine) => {
    bar.tick();
    if (!('error' in line)) readable++;
    if (values.jsonl) writeLine(JSON.stringify(line));
    else if ('error' in line) writeLine(`${line.file}: error: ${line.error}`);
    else writeLine(`${line.file}: ${line.faces.length} face${line.faces.length === 1 ? '' : 's'} (${line.width}x${line.height}, ${line.ms} ms)`);
  };
  try {
    if (workers > 1) await scanInPool(files, workers, write);
    else await withModels(async (models) => {
      for (const file of files) write(await scanFile(models, file));
    });
  } finally {
    bar.stop();
  }
  // Non-zero only when nothing at all could be read.
  return readable > 0 || files.length === 0 ? 0 : 1;
}

function writeWarning(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Runs `use` on freshly loaded models and frees them before the process may exit. */
async function withModels<T>(use: (models: NodeModels) => Promise<T>): Promise<T> {
  const models = await loadNodeModels();
  try {
    return await use(models);
  } finally {
    await models.release();
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  scan,
  enroll: (args) => withModels((models) => enroll(models, args, writeLine, writeWarning)),
  identify: (args) => withModels((models) => identifyFiles(models, args, writeLine)),
  eval: (args) => withModels((models) => evalDataset(models, args, writeLine)),
};

/** Runs the CLI and returns its exit code; every failure becomes a message on stderr. */
export async function main(argv: string[]): Promise<number> {
  logToStderr();
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`facetag: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(rest);
  } catch (error) {
    process.stderr.write(`facetag ${command}: ${errorMessage(error)}\n`);
    return 1;
  }
}
