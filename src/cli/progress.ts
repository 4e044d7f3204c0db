import { SingleBar } from 'cli-progress';

/** A progress bar on stderr for long runs; silent when stderr is not a terminal. */
export function progressBar(total: number, label: string): { tick(): void; stop(): void } {
  if (!process.stderr.isTTY) return { tick: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {eta_formatted}`, stream: process.stderr, hideCursor: true });
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
