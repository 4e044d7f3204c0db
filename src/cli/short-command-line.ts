/**
 * onnxruntime-node crashes the whole process (SIGSEGV, no message) while creating a session when
 * the process's command line is long: from about 20-30 KB on the main thread and about 15 KB in a
 * worker thread, which is `facetag scan photos/*.jpg` over a few hundred files. Such a command
 * runs again in a child process that receives its arguments over IPC, so that the process
 * loading the models has a short command line (tests/cli/long-command-line.test.ts).
 */
import { fork } from 'node:child_process';
import { constants } from 'node:os';

/** Arguments longer than this, joined, are handed to a child: well under where the crash starts. */
export const LONG_COMMAND_LINE = 4096;
const CHILD_FLAG = 'FACETAG_ARGS_OVER_IPC';

/** Receives the arguments of a relaunched command from the parent process. */
function argsFromParent(): Promise<string[]> {
  return new Promise((resolve) => {
    process.once('message', (args: string[]) => {
      // Closed once Node has finished delivering this message: the channel would keep the child alive.
      setImmediate(() => process.disconnect());
      resolve(args);
    });
  });
}

/**
 * The arguments to run with, or null when this process relaunched the command in a child and
 * only has to exit with the code it sets here.
 */
export async function argsForThisProcess(entry: string, args: string[]): Promise<string[] | null> {
  if (process.env[CHILD_FLAG] === '1') return argsFromParent();
  if (args.join(' ').length <= LONG_COMMAND_LINE) return args;
  const child = fork(entry, [], { stdio: 'inherit', env: { ...process.env, [CHILD_FLAG]: '1' } });
  child.send(args);
  process.exitCode = await new Promise<number>((resolve) => {
    // A child killed by a signal exits as a shell reports it: 128 + the signal's number.
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
  return null;
}
