import { app } from './api/app.ts';
import type { SeedlabEnv, UnitMessage } from './env.ts';
import { consumeUnit } from './queue/consumeUnit.ts';
import { sweepActiveStudies } from './studies/scheduler.ts';

/** The Worker: the HTTP API, the queue consumer that trains, and the cron that repairs. */
export default {
  fetch: app.fetch,
  async queue(batch, env) {
    for (const message of batch.messages) await consumeUnit(message, env);
  },
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(sweepActiveStudies(env));
  },
} satisfies ExportedHandler<SeedlabEnv, UnitMessage>;
