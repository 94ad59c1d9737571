/**
 * Values a host hands to the engine by id (uploaded tables, imported runs). The engine does no I/O
 * and runs synchronously, so a host reads what a study names first (the Worker from KV, the CLI
 * from a file, the browser from the API) and hands it over; the engine then finds it by id.
 * Bounded: `maxKept` values are kept besides those in use, the newest first. A value in use is
 * never dropped, so work that awaits between its steps keeps its inputs however many other
 * studies the isolate serves.
 */
export function keptValues<T>(maxKept: number) {
  const provided = new Map<string, T>();
  const inUse = new Map<string, number>();

  /** Drops the oldest values not in use until at most maxKept are kept (values in use may exceed it). */
  function trim(): void {
    for (const id of [...provided.keys()]) {
      if (provided.size <= maxKept) return;
      if (!inUse.has(id)) provided.delete(id);
    }
  }

  function provide(id: string, value: T): void {
    provided.delete(id);
    provided.set(id, value);
    trim();
  }

  /** Runs `run` with these values handed over and kept until it settles. */
  async function using<R>(values: { id: string; value: T }[], run: () => Promise<R>): Promise<R> {
    for (const { id, value } of values) {
      inUse.set(id, (inUse.get(id) ?? 0) + 1);
      provide(id, value);
    }
    try {
      return await run();
    } finally {
      for (const { id } of values) {
        const left = (inUse.get(id) ?? 1) - 1;
        if (left > 0) inUse.set(id, left);
        else inUse.delete(id);
      }
      trim();
    }
  }

  /** The value handed over under this id, if it is still kept. */
  const kept = (id: string): T | null => provided.get(id) ?? null;

  return { provide, using, kept };
}
