/**
 * The one logger every context uses. It writes to stderr-like sinks only (console in the
 * browser, process.stderr in Node via the sink the CLI installs), never to stdout, so the
 * CLI's JSONL output stays clean.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export type Sink = (level: Level, scope: string, message: string, detail?: unknown) => void;

// eslint-disable-next-line no-console -- the default sink is the platform console.
const consoleSink: Sink = (level, scope, message, detail) => console[level](`[facetag:${scope}] ${message}`, ...(detail === undefined ? [] : [detail]));

let sink: Sink = consoleSink;
let threshold: Level = 'info';

export function setLogSink(next: Sink, level: Level = threshold): void {
  sink = next;
  threshold = level;
}

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export function logger(scope: string): Logger {
  const at = (level: Level) => (message: string, detail?: unknown) => {
    if (ORDER[level] >= ORDER[threshold]) sink(level, scope, message, detail);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
