/** What every handler and fallible operation returns: never a throw across a boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });

/** A thrown value as a one-line message. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
