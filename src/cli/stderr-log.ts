import { setLogSink } from '../shared/logger.js';

/** Every log line to stderr, so stdout holds only the command's output (JSONL stays clean); in the main thread and in each scan worker. */
export function logToStderr(): void {
  setLogSink((level, scope, message) => process.stderr.write(`${level} [${scope}] ${message}\n`));
}
