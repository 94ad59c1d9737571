/** A queue message: one unit of work (a group of seeds) of one study. */
export interface UnitMessage {
  studyId: string;
  unit: number;
}

/**
 * The Worker's bindings, vars and secrets, as `npm run cf-typegen` generates them from
 * wrangler.toml and .dev.vars.example (functions/worker-configuration.d.ts).
 */
export type SeedlabEnv = Env;
