import { err, errorMessage, type Result } from '../shared/result.js';

/** Turns a missing/odd reply or a rejected send into an error Result, and bounds the wait. */
export async function settle<T>(send: () => Promise<unknown>, what: string, timeoutMs: number): Promise<Result<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Result<T>>((resolve) => {
    timer = setTimeout(() => resolve(err(`${what}: no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  const answer = send().then(
    (reply): Result<T> => (isResult(reply) ? (reply as Result<T>) : err(`${what}: no answer`)),
    (error: unknown): Result<T> => err(`${what}: ${errorMessage(error)}`),
  );
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function isResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}
