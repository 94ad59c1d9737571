/** A queue message: one unit of work (a group of seeds) of one study. */
export interface UnitMessage {
  studyId: string;
  unit: number;
}

/** The Worker's bindings (wrangler.toml) and secrets (.dev.vars locally, `wrangler secret` in production). */
export interface SeedlabEnv {
  /** The built report site (Workers static assets). */
  ASSETS: Fetcher;
  STUDIES: KVNamespace;
  RUNS: Queue<UnitMessage>;
  /** Bearer token for writes. */
  SEEDLAB_TOKEN?: string;
  /** A unit enqueued longer ago than this without a result is enqueued again (default 15). */
  STALE_AFTER_SECONDS?: string;
  /** Seeds per queue message (default 10: about 1.5 s of CPU for a digits-sized run on wasm). */
  SEEDS_PER_UNIT?: string;
}
