/** The work's result, or a rejection with `late()`'s words once `ms` have passed without one. */
export function withinMs<T>(work: Promise<T>, ms: number, late: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(late())), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
