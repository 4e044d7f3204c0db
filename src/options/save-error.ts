import { errorMessage } from '../shared/result.js';

/** What a failed save means to the user; the transaction was aborted, so nothing changed. */
export function saveErrorMessage(error: unknown): string {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map((e) => (e as { name?: unknown } | null)?.name);
  if (names.includes('QuotaExceededError')) {
    return "Your browser's storage is full, so nothing was saved and your people are as they were. Free some space (or remove sites' data) and try again.";
  }
  return `Saving failed, so nothing was saved and your people are as they were: ${errorMessage(error)}`;
}
